#!/usr/bin/python3
# Expected values for PostgreSqlDailyViewsTests: least-squares fits of the daily series in
# wikipedia_r_pageviews_first120.csv, computed with SciPy 1.10 (scipy.stats.linregress).
# Regenerate (from this folder): /usr/bin/python3 make_daily_trend_expected.py > daily_trend_expected.csv
#   x = days since the first date; "total" fits y = running sum of page views (a counter's lifetime total),
#   "daily" fits y = the day's page views (a gauge's value).
import csv
import datetime
import sys

import numpy as np
import scipy
from scipy import stats

rows = [r for r in csv.reader(open("wikipedia_r_pageviews_first120.csv")) if r and not r[0].startswith("#")][1:]
days = [datetime.date.fromisoformat(r[0]) for r in rows]
y = np.array([float(r[1]) for r in rows])
x = np.array([(d - days[0]).days for d in days], dtype=float)
out = csv.writer(sys.stdout, lineterminator="\n")
sys.stdout.write("# scipy " + scipy.__version__ + " linregress; columns: series,days,slope,intercept,r_squared\n")
for name, values in (("total", np.cumsum(y)), ("daily", y)):
    fit = stats.linregress(x, values)
    out.writerow([name, len(x), repr(fit.slope), repr(fit.intercept), repr(fit.rvalue ** 2)])
