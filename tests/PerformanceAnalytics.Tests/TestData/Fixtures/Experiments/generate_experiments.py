#!/usr/bin/python3
"""Reference fixtures for PerformanceAnalytics.Statistics.Experiments.

Regenerate (Debian python3-scipy 1.10, python3-statsmodels 0.13, python3-mpmath):
    cd tests/PerformanceAnalytics.Tests/TestData/Fixtures/Experiments && /usr/bin/python3 generate_experiments.py
Writes experiments.json next to this script. Every expected value comes from SciPy / statsmodels run on the raw
per-unit data (or, where no library routine exists, from the formula evaluated here on the raw data, as noted per
section). The sufficient statistics written for the C# side are the float sums of the same raw data.
"""
import json
import math

import mpmath
import numpy as np
from scipy import integrate, stats
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import proportions_ztest

rng = np.random.default_rng(20261126)
out = {"provenance": "generate_experiments.py: scipy %s, statsmodels 0.13, numpy %s, mpmath %s" % (
    __import__("scipy").__version__, np.__version__, mpmath.__version__)}


def t_ppf(p, df):
    """Student t quantile to full double precision: SciPy 1.10's stdtrit (cdflib) is only ~1e-9 accurate for fractional df,
    so the root of the regularized incomplete beta tail is polished in mpmath (40 digits) from SciPy's value."""
    if p < 0.5:
        return -t_ppf(1 - p, df)
    with mpmath.workdps(40):
        nu = mpmath.mpf(df)
        target = mpmath.mpf(1) - mpmath.mpf(p)

        def sf(t):
            return mpmath.betainc(nu / 2, mpmath.mpf(1) / 2, 0, nu / (nu + t * t), regularized=True) / 2

        return float(mpmath.findroot(lambda t: sf(t) - target, mpmath.mpf(stats.t.ppf(p, df))))


def sums(x):
    x = np.asarray(x, dtype=float)
    return {"count": int(x.size), "sum": float(np.sum(x)), "sumOfSquares": float(np.sum(x * x))}


def welch_df(va, na, vb, nb):
    a, b = va / na, vb / nb
    return (a + b) ** 2 / (a * a / (na - 1) + b * b / (nb - 1))


# 1. Welch t-test, absolute (scipy.stats.ttest_ind equal_var=False) and relative (delta method on raw moments).
welch = []
designs = [
    ("small n", 3, 4, 10.0, 2.0, 11.5, 3.0),
    ("small n unequal", 5, 12, 1.0, 0.5, 1.8, 1.5),
    ("moderate", 200, 180, 5.0, 4.0, 5.6, 6.0),
    ("negative baseline", 300, 320, -2.0, 1.5, -1.7, 1.2),
    ("null effect", 1000, 1000, 3.0, 2.0, 3.0, 2.0),
    ("large", 100000, 99000, 0.4, 1.1, 0.41, 1.15),
    ("heavy tailed", 5000, 5000, 0.0, 1.0, 0.0, 1.0),
]
for name, na, nb, ma, sa, mb, sb in designs:
    if name == "heavy tailed":
        a = rng.lognormal(0.0, 1.5, na)
        b = rng.lognormal(0.05, 1.5, nb)
    else:
        a = rng.normal(ma, sa, na)
        b = rng.normal(mb, sb, nb)
    va, vb = np.var(a, ddof=1), np.var(b, ddof=1)
    xa, xb = np.mean(a), np.mean(b)
    df = welch_df(va, na, vb, nb)
    for alpha in (0.05, 0.01, 0.2):
        for alt in ("two-sided", "greater", "less"):
            r = stats.ttest_ind(b, a, equal_var=False, alternative=alt)
            se = math.sqrt(va / na + vb / nb)
            diff = xb - xa
            q = t_ppf(1 - (alpha / 2 if alt == "two-sided" else alpha), df)
            lo = diff - q * se if alt != "less" else -math.inf
            hi = diff + q * se if alt != "greater" else math.inf
            # relative lift, delta method
            lift = diff / abs(xa)
            se_rel = math.sqrt(vb / (xa * xa * nb) + va * xb * xb / (xa ** 4 * na))
            t_rel = lift / se_rel
            p_rel = {"two-sided": 2 * stats.t.sf(abs(t_rel), df), "greater": stats.t.sf(t_rel, df),
                     "less": stats.t.cdf(t_rel, df)}[alt]
            rlo = lift - q * se_rel if alt != "less" else -math.inf
            rhi = lift + q * se_rel if alt != "greater" else math.inf
            welch.append({"name": name, "alpha": alpha, "alternative": alt, "control": sums(a), "treatment": sums(b),
                          "difference": diff, "standardError": se, "pValue": float(r.pvalue), "statistic": float(r.statistic),
                          "df": df, "lower": lo, "upper": hi,
                          "lift": lift, "liftStandardError": se_rel, "liftPValue": float(p_rel), "liftLower": rlo, "liftUpper": rhi})
out["welch"] = welch

# 2. Proportions: GrowthBook's t-test with per-unit variance p(1-p) (formula evaluated with scipy.stats.t), and the
#    pooled z-test from statsmodels proportions_ztest([s_B, s_A], [n_B, n_A]).
props = []
for na, sa, nb, sb in [(28, 14, 30, 16), (104, 42, 1009, 500), (1000, 100, 1000, 130), (50000, 2500, 50000, 2620),
                       (12, 1, 15, 5), (2000000, 40000, 2000000, 40500)]:
    pa, pb = sa / na, sb / nb
    va, vb = pa * (1 - pa), pb * (1 - pb)
    df = welch_df(va, na, vb, nb)
    se = math.sqrt(va / na + vb / nb)
    diff = pb - pa
    q = t_ppf(0.975, df)
    lift = diff / pa
    se_rel = math.sqrt(vb / (pa * pa * nb) + va * pb * pb / (pa ** 4 * na))
    z, pz = proportions_ztest([sb, sa], [nb, na])
    props.append({"control": {"count": na, "successes": sa}, "treatment": {"count": nb, "successes": sb},
                  "difference": diff, "standardError": se, "df": df, "pValue": float(2 * stats.t.sf(abs(diff / se), df)),
                  "lower": diff - q * se, "upper": diff + q * se,
                  "lift": lift, "liftStandardError": se_rel, "liftPValue": float(2 * stats.t.sf(abs(lift / se_rel), df)),
                  "liftLower": lift - q * se_rel, "liftUpper": lift + q * se_rel,
                  "zStatistic": float(z), "zPValue": float(pz)})
out["proportions"] = props

# 3. Sample ratio mismatch: scipy.stats.chisquare(observed, expected counts).
srm = []
for obs, w in [([1000, 1200], [0.5, 0.5]), ([135, 115], [0.5, 0.5]), ([310, 98], [0.75, 0.25]),
               ([500, 500, 600], [0.34, 0.33, 0.33]), ([10, 3], [0.5, 0.5]), ([50123, 49877, 50311, 49000], [1, 1, 1, 1]),
               ([7000, 3100], [0.7, 0.3])]:
    obs_arr = np.array(obs, dtype=float)
    w_arr = np.array(w, dtype=float)
    exp = w_arr / w_arr.sum() * obs_arr.sum()
    r = stats.chisquare(obs_arr, exp)
    srm.append({"observed": obs, "weights": w, "chiSquare": float(r.statistic), "pValue": float(r.pvalue)})
out["srm"] = srm

# 4. Power and sample size: statsmodels NormalIndPower (two-sided, both rejection tails).
power = []
for var, mde, n1, n2, alpha in [(0.34 * 0.66, 0.01, 225725, 22572, 0.03), (45.0, 0.03, 859896, 859896, 0.05),
                                (1.0, 0.2, 100, 100, 0.05), (4.0, 0.5, 30, 60, 0.1), (0.25, 0.02, 5000, 5000, 0.01)]:
    p = NormalIndPower().power(effect_size=mde / math.sqrt(var), nobs1=n1, alpha=alpha, ratio=n2 / n1, alternative="two-sided")
    power.append({"variance": var, "mde": mde, "controlSize": n1, "treatmentSize": n2, "alpha": alpha, "power": float(p)})
out["power"] = power
sizes = []
for mean, var, mde, alpha, pw in [(0.1, 0.09, 0.01, 0.05, 0.8), (5.0, 4.0, 0.2, 0.05, 0.8), (0.5, 0.25, 0.05, 0.01, 0.9),
                                  (100.0, 900.0, 2.5, 0.1, 0.85), (0.02, 0.0196, 0.002, 0.05, 0.8)]:
    n = NormalIndPower().solve_power(effect_size=mde / math.sqrt(var), alpha=alpha, power=pw, ratio=1.0, alternative="two-sided")
    sizes.append({"mean": mean, "variance": var, "mde": mde, "alpha": alpha, "power": pw, "nReal": float(n), "n": int(math.ceil(n))})
out["sampleSize"] = sizes

# 5. Fieller interval for the ratio of means, from the quadratic (x̄_B − ρx̄_A)² = t²(V_B + ρ²V_A) solved with numpy.roots,
#    t = Welch critical value; lift interval = sign(x̄_A)·(ρ − 1).
fieller = []
for name, na, nb, ma, sa, mb, sb in [("clear", 400, 400, 10.0, 3.0, 11.0, 3.5), ("small", 8, 9, 2.0, 1.0, 2.6, 1.2),
                                     ("negative control", 500, 500, -3.0, 2.0, -2.5, 2.0),
                                     ("unbounded", 10, 10, 0.2, 1.0, 0.5, 1.0)]:
    a = rng.normal(ma, sa, na)
    b = rng.normal(mb, sb, nb)
    xa, xb = np.mean(a), np.mean(b)
    va, vb = np.var(a, ddof=1) / na, np.var(b, ddof=1) / nb
    df = welch_df(va * na, na, vb * nb, nb)
    t = t_ppf(0.975, df)
    coeffs = [xa * xa - t * t * va, -2 * xa * xb, xb * xb - t * t * vb]
    bounded = coeffs[0] > 0
    if bounded:
        roots = np.sort(np.roots(coeffs).real)
        if xa > 0:
            lo, hi = roots[0] - 1, roots[1] - 1
        else:
            lo, hi = 1 - roots[1], 1 - roots[0]
    else:
        lo, hi = -math.inf, math.inf
    r = stats.ttest_ind(b, a, equal_var=False)
    fieller.append({"name": name, "control": sums(a), "treatment": sums(b), "lift": (xb - xa) / abs(xa),
                    "lower": float(lo), "upper": float(hi), "bounded": bool(bounded), "pValue": float(r.pvalue)})
out["fieller"] = fieller

# 6. Exact Beta-Binomial P(p_B > p_A): scipy.integrate.quad of f_B(x)·F_A(x), and mpmath's closed-form sum at 40 digits.


def quad_prob(a, b, c, d):
    sd = max(math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1))), math.sqrt(c * d / ((c + d) ** 2 * (c + d + 1))))
    lo = max(0.0, min(a / (a + b), c / (c + d)) - 40 * sd)
    hi = min(1.0, max(a / (a + b), c / (c + d)) + 40 * sd)
    pts = sorted({a / (a + b), c / (c + d)})
    v, err = integrate.quad(lambda x: stats.beta.pdf(x, c, d) * stats.beta.cdf(x, a, b), lo, hi, points=pts,
                            epsabs=0, epsrel=1e-13, limit=2000)
    # mass of f_B below lo is where F_A ~ 0; above hi, F_A ~ 1: add P(X_B > hi)
    return v + stats.beta.sf(hi, c, d)


@mpmath.workdps(40)
def exact_prob(a, b, c, d):
    # Evan Miller's sum over i < c (c whole), in mpmath.
    a, b, c, d = map(mpmath.mpf, (a, b, c, d))
    total = mpmath.mpf(0)
    lb = mpmath.log(mpmath.beta(a, b))
    term = mpmath.exp(mpmath.log(mpmath.beta(a, b + d)) - mpmath.log(d) - mpmath.log(mpmath.beta(1, d)) - lb)
    for i in range(int(c)):
        if i > 0:
            term *= (a + i - 1) * (d + i - 1) / ((a + b + d + i - 1) * i)
        total += term
    return total


@mpmath.workdps(30)
def mp_quad_prob(a, b, c, d):
    # Tanh-sinh quadrature in mpmath (30 digits) of f_B(x)·I_x(a, b), split around both posterior modes; handles the
    # endpoint singularities of Beta densities with shapes below 1, where SciPy's quad loses accuracy.
    a, b, c, d = map(mpmath.mpf, (a, b, c, d))
    cuts = {mpmath.mpf(0), mpmath.mpf(1)}
    for al, be in ((a, b), (c, d)):
        m = al / (al + be)
        sd = mpmath.sqrt(al * be / ((al + be) ** 2 * (al + be + 1)))
        for k in (-12, -6, -3, 0, 3, 6, 12):
            x = m + k * sd
            if 0 < x < 1:
                cuts.add(x)
    lbd = mpmath.log(mpmath.beta(c, d))
    f = lambda x: mpmath.exp((c - 1) * mpmath.log(x) + (d - 1) * mpmath.log1p(-x) - lbd) * mpmath.betainc(a, b, 0, x, regularized=True)
    return mpmath.quad(f, sorted(cuts))


beta_cases = []
for na, sa, nb, sb, pa0, pb0 in [(100, 10, 100, 15, 1, 1), (100, 49, 100, 51, 1, 1), (104, 42, 1009, 500, 1, 1),
                                (10, 4, 100, 50, 1, 1), (30, 0, 30, 3, 1, 1), (200, 20, 180, 30, 0.5, 1), (200, 20, 180, 30, 1, 0.5),
                                (1000, 200, 1000, 150, 2, 3), (10000, 1000, 10000, 1050, 1, 1),
                                (100000, 5000, 100000, 5100, 1, 1), (1000000, 50000, 1000000, 50200, 1, 1),
                                (104, 42, 1009, 500, 0.5, 0.5), (10, 4, 100, 50, 0.5, 0.5), (2000, 150, 2100, 120, 0.3, 2.7),
                                (50000, 1000, 50000, 1040, 0.5, 0.5), (7, 0, 9, 9, 0.5, 0.5)]:
    a, b, c, d = pa0 + sa, pb0 + na - sa, pa0 + sb, pb0 + nb - sb
    q = quad_prob(a, b, c, d)
    if c == int(c) and c <= 60000:
        ex = float(exact_prob(a, b, c, d))
    elif a == int(a):
        ex = float(1 - exact_prob(c, d, a, b))
    elif a + b + c + d < 10000:
        ex = float(mp_quad_prob(a, b, c, d))
    else:
        ex = None  # mpmath's betainc does not converge at these sizes; SciPy's quad is the reference
    beta_cases.append({"control": {"count": na, "successes": sa}, "treatment": {"count": nb, "successes": sb},
                       "priorAlpha": pa0, "priorBeta": pb0, "quad": q, "exact": ex})
out["betaBinomial"] = beta_cases

# 7. CUPED with pooled theta: theta = Cov(y, x)/Var(x) over both arms (numpy.cov on the raw data); the absolute effect is
#    scipy.stats.ttest_ind(z_B, z_A, equal_var=False) on z = y − θx, which is exactly the CUPED Welch test. The relative
#    lift and its delta-method variance are evaluated here from numpy moments of the raw data.
cuped = []
for name, n_a, n_b, rho, effect in [("strong covariate", 2000, 2100, 0.8, 0.1), ("weak covariate", 500, 450, 0.2, 0.3),
                                    ("small", 12, 15, 0.6, 0.5), ("negative baseline", 800, 800, 0.7, 0.2)]:
    base = -1.0 if name == "negative baseline" else 2.0
    xa = rng.normal(1.0, 1.0, n_a)
    xb = rng.normal(1.0, 1.0, n_b)
    ya = base + rho * xa + math.sqrt(1 - rho * rho) * rng.normal(0, 1, n_a)
    yb = base + effect + rho * xb + math.sqrt(1 - rho * rho) * rng.normal(0, 1, n_b)
    x_all, y_all = np.concatenate([xa, xb]), np.concatenate([ya, yb])
    theta = np.cov(y_all, x_all, ddof=1)[0, 1] / np.var(x_all, ddof=1)
    za, zb = ya - theta * xa, yb - theta * xb
    r = stats.ttest_ind(zb, za, equal_var=False)
    vza, vzb = np.var(za, ddof=1), np.var(zb, ddof=1)
    df = welch_df(vza, n_a, vzb, n_b)
    diff = np.mean(zb) - np.mean(za)
    se = math.sqrt(vza / n_a + vzb / n_b)
    q = t_ppf(0.975, df)
    mya, myb = np.mean(ya), np.mean(yb)
    cov_a = np.cov(ya, xa, ddof=1)[0, 1]
    var_rel = vzb / (n_b * mya ** 2) + (np.var(ya, ddof=1) * myb ** 2 / mya ** 2 - 2 * theta * cov_a * myb / mya
                                         + theta ** 2 * np.var(xa, ddof=1)) / (n_a * mya ** 2)
    lift = diff / abs(mya)
    se_rel = math.sqrt(var_rel)

    def cs(y, x):
        return {"count": int(y.size), "sum": float(np.sum(y)), "sumOfSquares": float(np.sum(y * y)),
                "covariateSum": float(np.sum(x)), "covariateSumOfSquares": float(np.sum(x * x)), "crossSum": float(np.sum(x * y))}

    cuped.append({"name": name, "control": cs(ya, xa), "treatment": cs(yb, xb), "theta": float(theta),
                  "difference": float(diff), "standardError": se, "pValue": float(r.pvalue), "df": df,
                  "lower": diff - q * se, "upper": diff + q * se,
                  "lift": float(lift), "liftStandardError": se_rel, "liftPValue": float(2 * stats.t.sf(abs(lift / se_rel), df)),
                  "liftLower": lift - q * se_rel, "liftUpper": lift + q * se_rel})
out["cuped"] = cuped

# 8. Ratio metrics: per arm R = m̄/d̄ with per-unit variance Var(m − R·d)/d̄² (numpy on the raw units; algebraically the
#    delta-method expression), then the Welch test of the two ratios evaluated with scipy.stats.t.
ratio = []
for name, n_a, n_b, lam_a, lam_b in [("engagement rate", 1500, 1600, 0.05, 0.055), ("small", 20, 25, 0.3, 0.25)]:
    da = rng.poisson(30, n_a) + 1.0
    db = rng.poisson(30, n_b) + 1.0
    ma = rng.binomial(da.astype(int), lam_a).astype(float)
    mb = rng.binomial(db.astype(int), lam_b).astype(float)
    ra, rb = ma.sum() / da.sum(), mb.sum() / db.sum()
    va = np.var(ma - ra * da, ddof=1) / np.mean(da) ** 2
    vb = np.var(mb - rb * db, ddof=1) / np.mean(db) ** 2
    df = welch_df(va, n_a, vb, n_b)
    se = math.sqrt(va / n_a + vb / n_b)
    q = t_ppf(0.975, df)
    diff = rb - ra
    lift = diff / ra
    se_rel = math.sqrt(vb / (ra * ra * n_b) + va * rb * rb / (ra ** 4 * n_a))

    def rs(m, d):
        return {"count": int(m.size), "numeratorSum": float(m.sum()), "numeratorSumOfSquares": float((m * m).sum()),
                "denominatorSum": float(d.sum()), "denominatorSumOfSquares": float((d * d).sum()), "crossSum": float((m * d).sum())}

    ratio.append({"name": name, "control": rs(ma, da), "treatment": rs(mb, db), "difference": diff, "standardError": se,
                  "df": df, "pValue": float(2 * stats.t.sf(abs(diff / se), df)), "lower": diff - q * se, "upper": diff + q * se,
                  "lift": lift, "liftStandardError": se_rel, "liftPValue": float(2 * stats.t.sf(abs(lift / se_rel), df)),
                  "liftLower": lift - q * se_rel, "liftUpper": lift + q * se_rel})
out["ratio"] = ratio

# 9. Gaussian Bayesian effect: posterior by the conjugate formula; chance to win = scipy.stats.norm.sf(0, mu, sd);
#    risks by scipy.integrate.quad of max(±Δ, 0)·φ (independent of the closed-form truncated means).
bayes = []
for name, mu_hat, v, prior_mean, prior_var in [("flat", 0.04, 0.02, None, None), ("proper", 0.04, 0.02, 0.0, 0.09),
                                               ("proper shifted", -0.1, 0.001, 0.05, 0.01), ("tight", 1.5, 0.25, None, None)]:
    if prior_var is None:
        mu, var = mu_hat, v
    else:
        prec = 1 / v + 1 / prior_var
        mu, var = (mu_hat / v + prior_mean / prior_var) / prec, 1 / prec
    sd = math.sqrt(var)
    ctw = stats.norm.sf(0, mu, sd)
    rc = integrate.quad(lambda x: x * stats.norm.pdf(x, mu, sd), 0, mu + 40 * sd if mu > 0 else 40 * sd, epsabs=0, epsrel=1e-13, limit=500)[0]
    rt = integrate.quad(lambda x: -x * stats.norm.pdf(x, mu, sd), (mu - 40 * sd) if mu < 0 else -40 * sd, 0, epsabs=0, epsrel=1e-13, limit=500)[0]
    bayes.append({"name": name, "effect": mu_hat, "variance": v, "priorMean": prior_mean, "priorVariance": prior_var,
                  "mean": mu, "sd": sd, "lower": mu - stats.norm.ppf(0.975) * sd, "upper": mu + stats.norm.ppf(0.975) * sd,
                  "chanceToWin": float(ctw), "riskControl": rc, "riskTreatment": rt})
out["bayesianPosterior"] = bayes

# 10. Winsorizing: numpy.clip(x, numpy.quantile(x, lo), numpy.quantile(x, hi)) (numpy "linear" = type 7).
wins = []
for n, lo, hi in [(1000, 0.0, 0.99), (57, 0.05, 0.95), (10, 0.1, 0.9), (4, 0.0, 0.5)]:
    x = np.round(rng.lognormal(0, 2, n), 6)
    wins.append({"values": x.tolist(), "lower": lo, "upper": hi,
                 "expected": np.clip(x, np.quantile(x, lo), np.quantile(x, hi)).tolist()})
out["winsorize"] = wins

# 11. Sequential confidence sequences in Eppo's parameterization (docs: B = sqrt((t+ρ)/t · ln((t+ρ)/(ρ(1−c)²))),
#     ρ = N/(ln(ln(e/(1−c)²)) − 2 ln(1−c)), half-width = B·sd/sqrt(t)), evaluated on raw data with numpy: t = total units,
#     sd/sqrt(t) = the fixed-horizon standard error, 1 − c = alpha. GrowthBook's form (tuning 5000) is algebraically the same
#     family, so one check covers both engines.
seq = []
for name, na, nb, ma, sa, mb, sb in [("clear", 4000, 4100, 10.0, 3.0, 10.4, 3.1), ("null", 800, 900, 5.0, 2.0, 5.0, 2.0),
                                     ("small", 30, 35, 1.0, 1.0, 1.6, 1.2)]:
    a = rng.normal(ma, sa, na)
    b = rng.normal(mb, sb, nb)
    diff = np.mean(b) - np.mean(a)
    se = math.sqrt(np.var(a, ddof=1) / na + np.var(b, ddof=1) / nb)
    xa = np.mean(a)
    se_rel = math.sqrt(np.var(b, ddof=1) / (xa * xa * nb) + np.var(a, ddof=1) * np.mean(b) ** 2 / (xa ** 4 * na))
    for tuning in (5000.0, 10000.0):
        for alpha in (0.05, 0.1):
            t = na + nb
            rho = tuning / (math.log(math.log(math.e / alpha ** 2)) - 2 * math.log(alpha))
            bound = math.sqrt((t + rho) / t * math.log((t + rho) / (rho * alpha ** 2)))
            seq.append({"name": name, "tuning": tuning, "alpha": alpha, "control": sums(a), "treatment": sums(b),
                        "difference": diff, "lower": diff - bound * se, "upper": diff + bound * se,
                        "lift": diff / abs(xa), "liftLower": diff / abs(xa) - bound * se_rel, "liftUpper": diff / abs(xa) + bound * se_rel,
                        "standardError": se, "liftStandardError": se_rel})
out["sequentialEppo"] = seq

# 12. Gamma-Poisson P(λ_B > λ_A) with Gamma(shape + events, rate + exposure) posteriors: scipy.integrate.quad of
#     f_B(x)·F_A(x) (the definition), split around both posterior means.
gp = []
for ea, xa, eb, xb, shape, rate in [(269, 2608.0, 314, 2615.0, 1.0, 1.0), (3, 10.0, 7, 12.0, 1.0, 1.0), (0, 5.0, 2, 5.0, 1.0, 1.0),
                                    (12000, 100000.0, 12150, 100000.0, 1.0, 1.0), (450, 1234.5, 410, 1300.25, 0.5, 0.1),
                                    (1000000, 2.0e7, 1001500, 2.0e7, 1.0, 1.0)]:
    aa, ba, ab, bb = shape + ea, rate + xa, shape + eb, rate + xb
    ma, mb = aa / ba, ab / bb
    sd = max(math.sqrt(aa) / ba, math.sqrt(ab) / bb)
    lo = max(0.0, min(ma, mb) - 40 * sd)
    hi = max(ma, mb) + 40 * sd
    v, _ = integrate.quad(lambda x: stats.gamma.pdf(x, ab, scale=1 / bb) * stats.gamma.cdf(x, aa, scale=1 / ba), lo, hi,
                          points=sorted({ma, mb}), epsabs=0, epsrel=1e-13, limit=2000)
    v += stats.gamma.sf(hi, ab, scale=1 / bb)
    exact = None
    if ab == int(ab):
        # Whole treatment shape: P = Σ_{k<α_B} C(α_A+k−1, k) q^k p^{α_A} (negative binomial CDF), p = β_A/(β_A+β_B), in mpmath.
        with mpmath.workdps(35):
            pp = mpmath.mpf(ba) / (mpmath.mpf(ba) + mpmath.mpf(bb))
            qq = mpmath.mpf(bb) / (mpmath.mpf(ba) + mpmath.mpf(bb))
            term = mpmath.power(pp, aa)
            total = term
            for k in range(1, int(ab)):
                term = term * (aa + k - 1) / k * qq
                total += term
            exact = float(total)
    gp.append({"control": {"events": ea, "exposure": xa}, "treatment": {"events": eb, "exposure": xb},
               "priorShape": shape, "priorRate": rate, "quad": v, "exact": exact})
out["gammaPoisson"] = gp


def clean(o):
    if isinstance(o, float):
        if math.isinf(o):
            return "Infinity" if o > 0 else "-Infinity"
        return o
    if isinstance(o, dict):
        return {k: clean(v) for k, v in o.items()}
    if isinstance(o, list):
        return [clean(v) for v in o]
    if isinstance(o, (np.floating,)):
        return clean(float(o))
    if isinstance(o, (np.integer,)):
        return int(o)
    return o


with open("experiments.json", "w") as f:
    json.dump(clean(out), f, indent=1)
print("wrote experiments.json")
