"""Generates the statsmodels reference fixtures of the Seasonality tests.

Regenerate (from this folder, after `Rscript r_stl_periodic.R`, which exports the R datasets read here):
    /usr/bin/python3 make_fixtures.py
Reference: statsmodels 0.13.5 (Debian python3-statsmodels), numpy 1.24.

Writes
    statsmodels_stl.json  STL(y, period, **kwargs).fit(**fit_kwargs): trend, seasonal, resid, weights per case.
    statsmodels_acf.json  acf(y, nlags, adjusted=False, fft=False) per case (fft=True agrees to 1e-15).
    macrodata_realgdp.csv the realgdp column of statsmodels' macrodata dataset (input of peer vector TV-S4).
Inputs: log Peyton Manning page views (Wikipedia / facebook/prophet example data, see the CSV header),
R datasets co2 / nottem / AirPassengers (exported by r_stl_periodic.R), and synthetic series drawn here
with numpy's PCG64 generator (seed 20261126) and stored in the fixture.
"""
import json

import numpy as np
import pandas as pd
import statsmodels
from statsmodels.tsa.seasonal import STL
from statsmodels.tsa.stattools import acf

rng = np.random.default_rng(20261126)


def read_r(name):
    return pd.read_csv(f"r_datasets_{name}.csv", comment="#")["value"].to_numpy(dtype=float)


peyton = np.log(pd.read_csv("peyton_manning_2012-05-01_2013-07-23.csv", comment="#")["y"].to_numpy(dtype=float))
co2 = read_r("co2")
nottem = read_r("nottem")
air = np.log(read_r("AirPassengers"))

# Synthetic hourly series: 30 days, daily cycle of two harmonics, slow trend, AR(1) noise and 12 spikes.
hours = np.arange(24 * 30)
noise = np.zeros(hours.size)
for t in range(1, hours.size):
    noise[t] = 0.5 * noise[t - 1] + rng.normal(scale=0.4)
hourly = 10 + 0.002 * hours + 2 * np.sin(2 * np.pi * hours / 24) + 0.7 * np.cos(4 * np.pi * hours / 24) + noise
spikes = rng.choice(hours.size, size=12, replace=False)
hourly[spikes] += rng.choice([-1, 1], size=12) * rng.uniform(4, 8, size=12)
hourly = np.round(hourly, 6)

# Short series whose cycle-subseries are shorter than the seasonal window (4 points, window 7 and 101).
short = np.round(5 + np.sin(2 * np.pi * np.arange(48) / 12) + rng.normal(scale=0.3, size=48), 6)

cases = []


def stl_case(name, y, period, kwargs=None, fit_kwargs=None):
    kwargs = kwargs or {}
    fit_kwargs = fit_kwargs or {}
    model = STL(y, period=period, **kwargs)
    res = model.fit(**fit_kwargs)
    cases.append({
        "name": name,
        "period": period,
        "options": kwargs,
        "fit": fit_kwargs,
        "config": {k: (bool(v) if isinstance(v, (bool, np.bool_)) else int(v)) for k, v in model.config.items()},
        "y": [float(v) for v in y],
        "trend": [float(v) for v in res.trend],
        "seasonal": [float(v) for v in res.seasonal],
        "remainder": [float(v) for v in res.resid],
        "weights": [float(v) for v in res.weights],
        # Wang, Smith & Hyndman (2006) strengths from statsmodels' components, computed with numpy.
        "trend_strength": float(max(0.0, 1 - np.var(res.resid) / np.var(res.trend + res.resid))),
        "seasonal_strength": float(max(0.0, 1 - np.var(res.resid) / np.var(res.seasonal + res.resid))),
    })


for robust in (False, True):
    tag = "robust" if robust else "default"
    stl_case(f"peyton log, period 7, {tag}", peyton, 7, {"robust": robust})
    stl_case(f"co2, period 12, {tag}", co2, 12, {"robust": robust})
    stl_case(f"nottem, period 12, {tag}", nottem, 12, {"robust": robust})
    stl_case(f"log AirPassengers, period 12, {tag}", air, 12, {"robust": robust})
    stl_case(f"synthetic hourly, period 24, {tag}", hourly, 24, {"robust": robust})

# Non-default settings.
stl_case("co2, TV-S1 windows and jumps, robust, inner 1 outer 2", co2, 12,
         {"seasonal": 35, "trend": 19, "low_pass": 13, "seasonal_jump": 4, "trend_jump": 2, "low_pass_jump": 2,
          "robust": True}, {"inner_iter": 1, "outer_iter": 2})
stl_case("peyton log, custom windows, degrees 0, jumps 2/3/5", peyton, 7,
         {"seasonal": 11, "trend": 21, "low_pass": 9, "seasonal_deg": 0, "trend_deg": 0, "low_pass_deg": 0,
          "seasonal_jump": 2, "trend_jump": 3, "low_pass_jump": 5})
stl_case("peyton log, odd length 445, jumps 3/7/4, robust", peyton[:445], 7,
         {"seasonal": 9, "trend_jump": 7, "seasonal_jump": 3, "low_pass_jump": 4, "robust": True})
stl_case("synthetic hourly, seasonal 13 trend 61 low_pass 27, robust, inner 3 outer 5", hourly, 24,
         {"seasonal": 13, "trend": 61, "low_pass": 27, "robust": True}, {"inner_iter": 3, "outer_iter": 5})
stl_case("nottem, seasonal degree 0, jumps 10, robust", nottem, 12,
         {"seasonal_deg": 0, "seasonal": 15, "seasonal_jump": 10, "trend_jump": 10, "low_pass_jump": 10,
          "robust": True})
stl_case("short 48, period 12, default (subseries shorter than window)", short, 12)
stl_case("short 48, period 12, seasonal 101 trend 101, robust", short, 12,
         {"seasonal": 101, "trend": 101, "robust": True})

with open("statsmodels_stl.json", "w") as f:
    json.dump({"reference": f"statsmodels {statsmodels.__version__}", "cases": cases}, f)

acf_cases = []


def acf_case(name, y, nlags):
    y = np.asarray(y, dtype=float)
    direct = acf(y, nlags=nlags, adjusted=False, fft=False)
    viafft = acf(y, nlags=nlags, adjusted=False, fft=True)
    assert np.max(np.abs(direct - viafft)) < 1e-12
    acf_cases.append({"name": name, "nlags": nlags, "y": [float(v) for v in y], "acf": [float(v) for v in direct]})


acf_case("peyton log, 40 lags", peyton, 40)
acf_case("peyton log, all lags", peyton, len(peyton) - 1)
acf_case("co2, 36 lags", co2, 36)
acf_case("nottem, 24 lags", nottem, 24)
acf_case("synthetic hourly, 200 lags", hourly, 200)
white = np.round(rng.normal(size=5000), 8)
acf_case("white noise 5000, 400 lags", white, 400)
acf_case("three values, 2 lags", [1.0, 3.0, 2.0], 2)

with open("statsmodels_acf.json", "w") as f:
    json.dump({"reference": f"statsmodels {statsmodels.__version__}", "cases": acf_cases}, f)

from statsmodels.datasets import macrodata  # noqa: E402

realgdp = macrodata.load_pandas().data["realgdp"].to_numpy(dtype=float)
with open("macrodata_realgdp.csv", "w") as f:
    f.write("# realgdp column of statsmodels/datasets/macrodata/macrodata.csv (US real GDP, quarterly 1959Q1-2009Q3,\n")
    f.write("# 203 values; US government data, public domain), exported by make_fixtures.py from statsmodels 0.13.5.\n")
    f.write("value\n")
    for v in realgdp:
        f.write(f"{v!r}\n")
