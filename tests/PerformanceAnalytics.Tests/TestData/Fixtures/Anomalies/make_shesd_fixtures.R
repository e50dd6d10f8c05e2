#!/usr/bin/env Rscript
# Reference values for Seasonal Hybrid ESD and for the generalized ESD critical values, computed with R 4.2
# (stats::stl, stats::qt, stats::mad, stats::median).
# Regenerate (from this folder):  Rscript make_shesd_fixtures.R
# Writes r_shesd.json and r_esd_critical_values.json.
#
# The S-H-ESD steps follow Hochenbaum, Vallis & Kejariwal (2017) and the description of Twitter's
# AnomalyDetectionVec(direction = "both"): seasonal from stl(s.window = "periodic", robust = TRUE), remainder
# x - seasonal - median(x), then up to trunc(n * max_anoms) ESD steps with median and mad in place of mean and sd.
# This is an independent transcription of that description, not Twitter's code.
#
# Every series has an odd length: for an even length the netlib routine behind R's stl finds the median absolute
# residual of its robustness weights with a partial sort that can return a wrong median, so R's robust fits drift
# from a true-median STL (see ../Seasonality/r_stl_periodic.R); with an odd length the two agree.

lambda_i <- function(n, i, alpha) {
  t <- qt(alpha / (2 * (n - i + 1)), n - i - 1, lower.tail = FALSE)
  t * (n - i) / sqrt((n - i - 1 + t^2) * (n - i + 1))
}

shesd <- function(x, period, max_anoms = 0.10, alpha = 0.05) {
  n <- length(x)
  fit <- stl(ts(x, frequency = period), s.window = "periodic", robust = TRUE)
  seasonal <- as.numeric(fit$time.series[, "seasonal"])
  r <- x - seasonal - median(x)
  k <- trunc(n * max_anoms)
  alive <- rep(TRUE, n)
  removed <- integer(0); R <- numeric(0); lam <- numeric(0); count <- 0
  for (i in seq_len(k)) {
    rest <- r[alive]
    s <- mad(rest)
    if (s == 0) break
    dev <- ifelse(alive, abs(r - median(rest)), -1)
    j <- which.max(dev)
    R[i] <- dev[j] / s
    alive[j] <- FALSE
    removed[i] <- j - 1L
    lam[i] <- lambda_i(n, i, alpha)
    if (R[i] > lam[i]) count <- i
  }
  list(period = period, maxAnomalyFraction = max_anoms, alpha = alpha, data = x, seasonal = seasonal,
       remainder = r, removed = removed, statistics = R, criticalValues = lam,
       anomalies = sort(removed[seq_len(count)]))
}

json_num <- function(v) paste0("[", paste(formatC(v, digits = 17, format = "g"), collapse = ", "), "]")
json_case <- function(name, c) {
  paste0("{\"name\": \"", name, "\", \"period\": ", c$period, ", \"maxAnomalyFraction\": ", c$maxAnomalyFraction,
         ", \"alpha\": ", c$alpha, ",\n \"data\": ", json_num(c$data), ",\n \"seasonal\": ", json_num(c$seasonal),
         ",\n \"remainder\": ", json_num(c$remainder), ",\n \"removed\": [", paste(c$removed, collapse = ", "),
         "],\n \"statistics\": ", json_num(c$statistics), ",\n \"criticalValues\": ", json_num(c$criticalValues),
         ",\n \"anomalies\": [", paste(c$anomalies, collapse = ", "), "]}")
}

cases <- list()
set.seed(20170101)
# Hourly data over two weeks less one hour: daily cycle, slow trend, noise, five injected spikes and dips.
t <- 0:(24 * 14 - 2)
x <- round(100 + 20 * sin(2 * pi * t / 24) + 0.05 * t + rnorm(length(t), 0, 2), 4)
x[c(30, 101, 102, 200, 290)] <- x[c(30, 101, 102, 200, 290)] + c(25, -30, 28, 35, -22)
cases[["hourly_spikes"]] <- shesd(x, 24)
# Daily data over 20 weeks less a day with a weekly pattern and three anomalies; alpha 0.01, at most 5 %.
t <- 0:138
x <- round(50 + c(0, 4, 6, 5, 3, -8, -10)[t %% 7 + 1] + rnorm(length(t), 0, 1.5), 4)
x[c(15, 77, 130)] <- x[c(15, 77, 130)] + c(12, -11, 15)
cases[["weekly_three"]] <- shesd(x, 7, 0.05, 0.01)
# Monthly-like period 12, no anomalies injected.
t <- 0:118
x <- round(10 + 3 * cos(2 * pi * t / 12) + 0.02 * t + rnorm(length(t), 0, 0.5), 4)
cases[["period12_clean"]] <- shesd(x, 12)
# Real page views with a four-week block of injected low values (prophet's R_outliers2, gap-free slice).
pv <- read.csv("wikipedia_R_outliers2_2015-02-06_2015-10-11.csv", comment.char = "#")
cases[["wikipedia_R_outliers2"]] <- shesd(pv$y[-nrow(pv)], 7)  # first 247 days

body <- paste(mapply(json_case, names(cases), cases), collapse = ",\n")
writeLines(paste0("{\"generator\": \"make_shesd_fixtures.R\", \"r\": \"", R.version.string, "\",\n\"cases\": [\n", body, "\n]}"),
           "r_shesd.json")

grid <- expand.grid(n = c(10, 25, 54, 100, 1000, 14398), i = c(1, 2, 5, 8), alpha = c(0.05, 0.01, 0.001))
grid$lambda <- mapply(lambda_i, grid$n, grid$i, grid$alpha)
writeLines(paste0("{\"generator\": \"make_shesd_fixtures.R\", \"rows\": [\n",
                  paste(sprintf("{\"n\": %d, \"i\": %d, \"alpha\": %s, \"lambda\": %s}", grid$n, grid$i,
                                format(grid$alpha), formatC(grid$lambda, digits = 17, format = "g")), collapse = ",\n"),
                  "\n]}"), "r_esd_critical_values.json")
for (nm in names(cases)) cat(nm, ":", cases[[nm]]$anomalies, "\n")
