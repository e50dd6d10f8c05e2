#!/usr/bin/python3
"""Reference fixtures for PerformanceAnalytics.Statistics (correlation, regression, hypothesis tests,
multiple testing, trend tests) computed with SciPy 1.10 and statsmodels 0.13 (Debian python3-scipy,
python3-statsmodels), plus exact rational arithmetic on the NIST StRD inputs as parsed to doubles.

Regenerate (from the repository root):
    /usr/bin/python3 tests/PerformanceAnalytics.Tests/TestData/Fixtures/StatsCore/generate_stats_core.py

Small inputs are written into the fixtures. Large inputs are described by a generator spec
({"seed", "n", "x", "noise", "slope", "k"}) that the tests reproduce bit for bit: SplitMix64 uniforms
u = ((next >> 11) + 0.5) * 2^-53, normal = sqrt(-2 ln u1) cos(2 pi u2), cauchy = tan(pi (u - 0.5)),
int = floor(u k), uniform = u; x is drawn first for all i, then the noise; y = slope * x + noise.
"""
import json
import math
import os
import re
from fractions import Fraction

import numpy as np
import scipy
import statsmodels
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.multitest import multipletests

HERE = os.path.dirname(os.path.abspath(__file__))
NIST = os.path.join(HERE, "..", "..", "Nist")
MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self):
        return ((self.next() >> 11) + 0.5) * (2.0 ** -53)


def draw(rng, kind, k):
    if kind == "normal":
        u1 = rng.uniform()
        u2 = rng.uniform()
        return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)
    if kind == "cauchy":
        return math.tan(math.pi * (rng.uniform() - 0.5))
    if kind == "int":
        return float(math.floor(rng.uniform() * k))
    if kind == "uniform":
        return rng.uniform()
    raise ValueError(kind)


def generate(spec):
    rng = SplitMix64(spec["seed"])
    n, k = spec["n"], spec.get("k", 10)
    x = [draw(rng, spec["x"], k) for _ in range(n)]
    noise = [draw(rng, spec["noise"], k) for _ in range(n)]
    y = [spec["slope"] * a + e for a, e in zip(x, noise)]
    return np.array(x), np.array(y)


def data_entry(spec, inline):
    x, y = generate(spec)
    entry = {"spec": spec}
    if inline:
        entry["x"] = x.tolist()
        entry["y"] = y.tolist()
    return entry, x, y


def f(v):
    return float(v)


def correlation_fixtures():
    specs = [
        ({"seed": 1, "n": 3, "x": "normal", "noise": "normal", "slope": 1.0}, True),
        ({"seed": 2, "n": 4, "x": "normal", "noise": "normal", "slope": -0.5}, True),
        ({"seed": 3, "n": 5, "x": "int", "noise": "int", "slope": 1.0, "k": 3}, True),
        ({"seed": 4, "n": 7, "x": "uniform", "noise": "normal", "slope": 2.0}, True),
        ({"seed": 5, "n": 10, "x": "int", "noise": "int", "slope": 0.0, "k": 4}, True),
        ({"seed": 6, "n": 10, "x": "cauchy", "noise": "cauchy", "slope": 1.0}, True),
        ({"seed": 7, "n": 50, "x": "normal", "noise": "cauchy", "slope": 0.3}, True),
        ({"seed": 8, "n": 200, "x": "int", "noise": "int", "slope": 1.0, "k": 6}, True),
        ({"seed": 9, "n": 1000, "x": "normal", "noise": "normal", "slope": 0.05}, False),
        ({"seed": 10, "n": 5000, "x": "int", "noise": "normal", "slope": 0.01, "k": 20}, False),
        ({"seed": 11, "n": 100000, "x": "normal", "noise": "normal", "slope": 0.002}, False),
        ({"seed": 12, "n": 100000, "x": "cauchy", "noise": "int", "slope": 0.0, "k": 50}, False),
    ]
    cases = []
    for spec, inline in specs:
        entry, x, y = data_entry(spec, inline)
        n = len(x)
        pr = stats.pearsonr(x, y)
        ci = pr.confidence_interval(0.95) if n > 3 else None
        ci90 = pr.confidence_interval(0.90) if n > 3 else None
        sr = stats.spearmanr(x, y)
        kt = stats.kendalltau(x, y, method="asymptotic")
        z975 = stats.norm.ppf(0.975)

        def fisher(r, var):
            z = math.atanh(r)
            h = z975 * math.sqrt(var)
            return [math.tanh(z - h), math.tanh(z + h)]

        entry["pearson"] = {"r": f(pr.statistic), "p": f(pr.pvalue)}
        if ci is not None:
            entry["pearson"]["ci95"] = [f(ci.low), f(ci.high)]
            entry["pearson"]["ci90"] = [f(ci90.low), f(ci90.high)]
        entry["spearman"] = {"r": f(sr.correlation), "p": f(sr.pvalue)}
        if n > 3:
            entry["spearman"]["ci95"] = fisher(f(sr.correlation), 1.06 / (n - 3))
        entry["kendall"] = {"tau": f(kt.correlation), "p": f(kt.pvalue)}
        if n > 4:
            entry["kendall"]["ci95"] = fisher(f(kt.correlation), 0.437 / (n - 4))
        cases.append(entry)
    return cases


def linregress_fixtures():
    specs = [
        ({"seed": 21, "n": 3, "x": "normal", "noise": "normal", "slope": 2.0}, True),
        ({"seed": 22, "n": 8, "x": "uniform", "noise": "normal", "slope": -1.0}, True),
        ({"seed": 23, "n": 30, "x": "int", "noise": "cauchy", "slope": 0.5, "k": 7}, True),
        ({"seed": 24, "n": 20000, "x": "normal", "noise": "normal", "slope": 0.1}, False),
    ]
    cases = []
    for spec, inline in specs:
        entry, x, y = data_entry(spec, inline)
        r = stats.linregress(x, y)
        resid = y - (r.intercept + r.slope * x)
        entry["fit"] = {
            "intercept": f(r.intercept), "slope": f(r.slope), "intercept_se": f(r.intercept_stderr),
            "slope_se": f(r.stderr), "r2": f(r.rvalue ** 2), "p": f(r.pvalue),
            "rse": f(math.sqrt(np.sum(resid ** 2) / (len(x) - 2))),
        }
        cases.append(entry)
    return cases


def ols_fixtures():
    cases = []
    for seed, n, p, intercept in [(31, 12, 2, True), (32, 60, 4, True), (33, 40, 3, False), (34, 500, 6, True)]:
        rng = np.random.default_rng(seed)
        X = rng.standard_normal((n, p))
        X[:, 0] = X[:, 0] * 10 + 100  # a predictor far from zero
        beta = rng.standard_normal(p)
        y = X @ beta + (rng.standard_t(3, n) if seed % 2 else rng.standard_normal(n))
        design = sm.add_constant(X, has_constant="add") if intercept else X
        res = sm.OLS(y, design).fit()
        cases.append({
            "seed": seed, "intercept": intercept, "predictors": X.T.tolist(), "y": y.tolist(),
            "coefficients": res.params.tolist(), "standard_errors": res.bse.tolist(), "p_values": res.pvalues.tolist(),
            "r2": f(res.rsquared), "adj_r2": f(res.rsquared_adj), "rse": f(math.sqrt(res.scale)),
            "f": f(res.fvalue), "f_p": f(res.f_pvalue),
        })
    return cases


def hypothesis_fixtures():
    rng = np.random.default_rng(41)
    welch = []
    for control, treatment in [
        (rng.standard_normal(2) , rng.standard_normal(3) + 1),
        (rng.standard_normal(5), rng.standard_normal(9) * 3 + 0.5),
        (rng.integers(0, 4, 12).astype(float), rng.integers(0, 5, 15).astype(float)),
        (rng.standard_t(2, 40), rng.standard_t(2, 25) + 0.3),
        (rng.standard_normal(3000) * 0.5 + 1e6, rng.standard_normal(2500) * 0.5 + 1e6 + 0.01),
    ]:
        r = stats.ttest_ind(treatment, control, equal_var=False)
        vt, vc = treatment.var(ddof=1) / len(treatment), control.var(ddof=1) / len(control)
        se = math.sqrt(vt + vc)
        df = (vt + vc) ** 2 / (vt ** 2 / (len(treatment) - 1) + vc ** 2 / (len(control) - 1))
        d = treatment.mean() - control.mean()
        cis = {}
        for level in (0.95, 0.8):
            h = stats.t.ppf((1 + level) / 2, df) * se
            cis[str(level)] = [f(d - h), f(d + h)]
        welch.append({"control": control.tolist(), "treatment": treatment.tolist(), "t": f(r.statistic), "p": f(r.pvalue),
                      "df": f(df), "difference": f(d), "ci": cis})

    anova, kruskal = [], []
    group_sets = [
        [rng.standard_normal(3), rng.standard_normal(4) + 1],
        [rng.standard_normal(10), rng.standard_normal(12) + 0.2, rng.standard_normal(8) - 0.3, rng.standard_normal(15)],
        [rng.integers(0, 5, 9).astype(float), rng.integers(0, 5, 11).astype(float), rng.integers(1, 6, 7).astype(float)],
        [rng.standard_cauchy(30), rng.standard_cauchy(25) + 1, rng.standard_cauchy(40)],
    ]
    for groups in group_sets:
        fo = stats.f_oneway(*groups)
        allv = np.concatenate(groups)
        ssb = sum(len(g) * (g.mean() - allv.mean()) ** 2 for g in groups)
        sst = ((allv - allv.mean()) ** 2).sum()
        anova.append({"groups": [g.tolist() for g in groups], "f": f(fo.statistic), "p": f(fo.pvalue), "eta2": f(ssb / sst)})
        kw = stats.kruskal(*groups)
        kruskal.append({"groups": [g.tolist() for g in groups], "h": f(kw.statistic), "p": f(kw.pvalue)})

    chisq = []
    for obs, exp in [
        ([16, 18, 16, 14, 12, 12], [16, 16, 16, 16, 16, 8]),
        ([10, 20], [15, 15]),
        ([5, 0, 7, 3], [3.75, 3.75, 3.75, 3.75]),
        (list(rng.integers(50, 150, 12).astype(float)), None),
    ]:
        obs = np.array(obs, dtype=float)
        exp = np.full(len(obs), obs.sum() / len(obs)) if exp is None else np.array(exp, dtype=float)
        r = stats.chisquare(obs, exp)
        chisq.append({"observed": obs.tolist(), "expected": exp.tolist(), "chi2": f(r.statistic), "p": f(r.pvalue)})
    return {"welch": welch, "anova": anova, "kruskal": kruskal, "chisquare": chisq}


def multiple_testing_fixtures():
    rng = np.random.default_rng(51)
    vectors = [
        [0.5],
        [0.01, 0.02],
        list(rng.uniform(0, 0.1, 10)),
        list(np.round(rng.uniform(0, 1, 25), 2)),  # ties
        list(np.concatenate([rng.uniform(0, 1e-4, 5), rng.uniform(0, 1, 195)])),
    ]
    out = []
    for p in vectors:
        p = np.array(p)
        out.append({"p": p.tolist(), "holm": multipletests(p, method="holm")[1].tolist(),
                    "bh": multipletests(p, method="fdr_bh")[1].tolist()})
    return out


def mann_kendall_reference(y):
    """pymannkendall.original_test (v1.4.3) semantics written out directly, O(n^2)."""
    y = np.asarray(y, dtype=float)
    n = len(y)
    s = 0
    for k in range(n - 1):
        s += int(np.sign(y[k + 1:] - y[k]).sum())
    _, tp = np.unique(y, return_counts=True)
    var_s = (n * (n - 1) * (2 * n + 5) - np.sum(tp * (tp - 1) * (2 * tp + 5))) / 18
    if s > 0:
        z = (s - 1) / math.sqrt(var_s)
    elif s < 0:
        z = (s + 1) / math.sqrt(var_s)
    else:
        z = 0.0
    p = 2 * stats.norm.sf(abs(z))  # pymannkendall writes 2*(1 - cdf(|z|)); sf avoids its cancellation
    return {"s": float(s), "var_s": float(var_s), "z": float(z), "p": float(p), "tau": s / (0.5 * n * (n - 1))}


def trend_fixtures():
    specs = [
        ({"seed": 61, "n": 3, "x": "normal", "noise": "normal", "slope": 0.0}, True),
        ({"seed": 62, "n": 6, "x": "int", "noise": "int", "slope": 0.0, "k": 3}, True),
        ({"seed": 63, "n": 10, "x": "normal", "noise": "cauchy", "slope": 1.0}, True),
        ({"seed": 64, "n": 40, "x": "int", "noise": "int", "slope": 1.0, "k": 5}, True),
        ({"seed": 65, "n": 300, "x": "cauchy", "noise": "normal", "slope": 0.0}, True),
        ({"seed": 66, "n": 1600, "x": "int", "noise": "int", "slope": 0.0, "k": 30}, False),
        ({"seed": 67, "n": 2500, "x": "normal", "noise": "normal", "slope": 1.0}, False),
        ({"seed": 68, "n": 3000, "x": "cauchy", "noise": "int", "slope": 0.001, "k": 1000}, False),
    ]
    cases = []
    for spec, inline in specs:
        rng = SplitMix64(spec["seed"])
        n, k = spec["n"], spec.get("k", 10)
        # A series with a trend: y_t = slope * t + noise_t (the generator's x stream is the noise here).
        y = np.array([spec["slope"] * t + draw(rng, spec["noise"], k) for t in range(n)])
        entry = {"spec": spec}
        if inline:
            entry["y"] = y.tolist()
        entry["mann_kendall"] = mann_kendall_reference(y)
        sen = {}
        for level in (0.95, 0.9, 0.05):
            r = stats.theilslopes(y, alpha=level)
            sen[str(level)] = [f(r.slope), f(r.intercept), f(r.low_slope), f(r.high_slope)]
        entry["theil_sen"] = sen
        cases.append(entry)
    return cases


def nist_exact():
    """Exact statistics of the NIST inputs as parsed to the nearest double (Fraction arithmetic)."""
    out = {}
    for name in ["Lew", "Lottery", "Mavro", "Michelso", "NumAcc1", "NumAcc2", "NumAcc3", "NumAcc4"]:
        lines = open(os.path.join(NIST, name + ".dat")).read().split("\n")
        start = next(i for i, l in enumerate(lines) if l.startswith("Data: Y")) + 2
        values = [Fraction(float(t)) for t in lines[start:] if t.strip()]
        n = len(values)
        mean = sum(values) / n
        var = sum((v - mean) ** 2 for v in values) / (n - 1)
        out[name] = {"mean": float(mean), "sd": math.sqrt(float(var))}
    for name in ["SiRstvt", "SmLs01t", "SmLs02t", "SmLs03t", "SmLs04t", "SmLs05t", "SmLs06t", "SmLs07t", "SmLs08t",
                 "SmLs09t", "AtmWtAgt"]:
        text = open(os.path.join(NIST, name + ".dat")).read()
        a, b = map(int, re.search(r"Data\s+\(lines (\d+) to (\d+)\)", text).groups())
        rows = [l.split() for l in text.split("\n")[a - 1:b]]
        groups = [[Fraction(float(r[c])) for r in rows] for c in range(len(rows[0]))]
        allv = [v for g in groups for v in g]
        N, k = len(allv), len(groups)
        grand = sum(allv) / N
        ssw = sum(sum((v - sum(g) / len(g)) ** 2 for v in g) for g in groups)
        ssb = sum(len(g) * (sum(g) / len(g) - grand) ** 2 for g in groups)
        out[name] = {"f": float((ssb / (k - 1)) / (ssw / (N - k))), "r2": float(ssb / (ssb + ssw))}
    return out


def main():
    fixtures = {
        "generator": "generate_stats_core.py",
        "versions": {"scipy": scipy.__version__, "statsmodels": statsmodels.__version__, "numpy": np.__version__},
        "correlation": correlation_fixtures(),
        "linregress": linregress_fixtures(),
        "ols": ols_fixtures(),
        "hypothesis": hypothesis_fixtures(),
        "multipletests": multiple_testing_fixtures(),
        "trend": trend_fixtures(),
        "nist_exact": nist_exact(),
    }
    with open(os.path.join(HERE, "stats_core.json"), "w") as fh:
        json.dump(fixtures, fh, allow_nan=False)


if __name__ == "__main__":
    main()
