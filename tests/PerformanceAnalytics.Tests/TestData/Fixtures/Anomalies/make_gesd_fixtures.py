#!/usr/bin/python3
"""Reference values for the anomaly detectors, computed with NumPy and SciPy 1.10.

Regenerate (from this folder):  /usr/bin/python3 make_gesd_fixtures.py
Writes scipy_gesd.json: for each case the data, Rosner's generalized ESD statistics R_i and critical values
lambda_i (t quantiles from scipy.stats.t.ppf), the detected outliers, the z-scores
(scipy.stats.zscore(ddof=1)) and the modified z-scores 0.6745 (x - median) / MAD
(scipy.stats.median_abs_deviation(scale=1.0)).
"""
import json

import numpy as np
import scipy
from scipy import stats


def gesd(x, max_outliers, alpha):
    x = np.asarray(x, dtype=float)
    n = len(x)
    keep = np.ones(n, dtype=bool)
    removed, rs, lambdas = [], [], []
    for i in range(1, max_outliers + 1):
        rest = x[keep]
        mean = rest.mean()
        sd = rest.std(ddof=1)
        if sd == 0:
            break
        dev = np.where(keep, np.abs(x - mean), -1.0)
        j = int(np.argmax(dev))  # first index on ties
        rs.append(float(dev[j] / sd))
        keep[j] = False
        removed.append(j)
        p = 1 - alpha / (2 * (n - i + 1))
        t = stats.t.ppf(p, n - i - 1)
        lambdas.append(float((n - i) * t / np.sqrt((n - i - 1 + t * t) * (n - i + 1))))
    count = 0
    for i, (r, lam) in enumerate(zip(rs, lambdas), start=1):
        if r > lam:
            count = i
    return removed, rs, lambdas, sorted(removed[:count])


def case(name, x, max_outliers, alpha):
    x = [float(v) for v in x]
    removed, rs, lambdas, outliers = gesd(x, max_outliers, alpha)
    arr = np.asarray(x)
    mad = stats.median_abs_deviation(arr, scale=1.0)
    return {
        "name": name,
        "alpha": alpha,
        "maxOutliers": max_outliers,
        "data": x,
        "removed": removed,
        "statistics": rs,
        "criticalValues": lambdas,
        "outliers": outliers,
        "zScores": [float(v) for v in stats.zscore(arr, ddof=1)],
        "modifiedZScores": [float(v) for v in 0.6745 * (arr - np.median(arr)) / mad] if mad > 0 else None,
    }


rng = np.random.default_rng(20240611)
cases = []
# Rosner's (1983) example as printed in the NIST/SEMATECH e-Handbook, section 1.3.5.17.3.
rosner = [-0.25, 0.68, 0.94, 1.15, 1.20, 1.26, 1.26, 1.34, 1.38, 1.43, 1.49, 1.49, 1.55, 1.56, 1.58, 1.65,
          1.69, 1.70, 1.76, 1.77, 1.81, 1.91, 1.94, 1.96, 1.99, 2.06, 2.09, 2.10, 2.14, 2.15, 2.23, 2.24,
          2.26, 2.35, 2.37, 2.40, 2.47, 2.54, 2.62, 2.64, 2.90, 2.92, 2.92, 2.93, 3.21, 3.26, 3.30, 3.59,
          3.68, 4.30, 4.64, 5.34, 5.42, 6.01]
cases.append(case("rosner_nist", rosner, 10, 0.05))
cases.append(case("rosner_nist_alpha_0.01", rosner, 10, 0.01))
for k, (n, outliers, alpha, max_out) in enumerate([(30, 0, 0.05, 5), (50, 2, 0.05, 8), (100, 5, 0.05, 10),
                                                     (200, 3, 0.01, 20), (500, 10, 0.05, 25), (1000, 0, 0.10, 30),
                                                     (25, 1, 0.05, 3), (80, 4, 0.001, 12)]):
    x = rng.normal(10.0, 2.0, n)
    pos = rng.choice(n, outliers, replace=False)
    x[pos] += rng.choice([-1.0, 1.0], outliers) * rng.uniform(5.0, 12.0, outliers)
    cases.append(case(f"normal_n{n}_k{outliers}", np.round(x, 6), max_out, alpha))

with open("scipy_gesd.json", "w") as f:
    json.dump({"generator": "make_gesd_fixtures.py", "scipy": scipy.__version__, "numpy": np.__version__,
               "cases": cases}, f, indent=1)
print("wrote", len(cases), "cases")
