# Generates the R reference fixtures of the Seasonality tests.
# Regenerate (from this folder): Rscript r_stl_periodic.R   (R 4.2, packages: stats, datasets, jsonlite)
# Run it BEFORE make_fixtures.py, which reads the dataset exports written here.
#
# Writes
#   r_datasets_co2.csv, r_datasets_nottem.csv, r_datasets_AirPassengers.csv
#       the R 'datasets' series (one value per line) used by the statsmodels fixtures for period 12;
#   r_stl_periodic.json
#       stats::stl(ts(y, frequency = p), s.window = "periodic", robust = TRUE) on nottem, log(AirPassengers)
#       and the log Peyton Manning page views (period 7), plus two robust = FALSE cases, with the windows,
#       jumps and iteration counts R used.
#       The two log series are cut to an odd length (143 and 447 values): for an even length the netlib routine
#       that R runs finds the median absolute residual with a partial sort called with its two indices in
#       descending order, which can return a wrong median; statsmodels (and this library) use the true median,
#       so after several robustness iterations even-length results can drift apart from R's. With an odd
#       length both middle indices coincide and the routines agree. (nottem, 240 values, happens to agree.)
library(jsonlite)

write_series <- function(x, file, source) {
  con <- file(file, "w")
  writeLines(paste0("# ", source), con)
  writeLines("value", con)
  writeLines(formatC(as.numeric(x), digits = 17, format = "g"), con)
  close(con)
}

write_series(co2, "r_datasets_co2.csv",
  "R datasets::co2, Mauna Loa atmospheric CO2 concentration (ppm), monthly 1959-1997, 468 values (R 4.2.2).")
write_series(nottem, "r_datasets_nottem.csv",
  "R datasets::nottem, average monthly air temperatures at Nottingham Castle (deg F), 1920-1939, 240 values (R 4.2.2).")
write_series(AirPassengers, "r_datasets_AirPassengers.csv",
  "R datasets::AirPassengers, monthly airline passengers (thousands), 1949-1960, 144 values (R 4.2.2).")

peyton <- read.csv("peyton_manning_2012-05-01_2013-07-23.csv", comment.char = "#")

run <- function(name, y, period, robust = TRUE) {
  fit <- stl(ts(y, frequency = period), s.window = "periodic", robust = robust)
  list(name = name, period = period, robust = robust, y = as.numeric(y),
       s_window = unname(fit$win["s"]), t_window = unname(fit$win["t"]), l_window = unname(fit$win["l"]),
       s_degree = unname(fit$deg["s"]), t_degree = unname(fit$deg["t"]), l_degree = unname(fit$deg["l"]),
       s_jump = unname(fit$jump["s"]), t_jump = unname(fit$jump["t"]), l_jump = unname(fit$jump["l"]),
       inner = fit$inner, outer = fit$outer,
       seasonal = as.numeric(fit$time.series[, "seasonal"]),
       trend = as.numeric(fit$time.series[, "trend"]),
       remainder = as.numeric(fit$time.series[, "remainder"]),
       weights = as.numeric(fit$weights))
}

cases <- list(
  run("nottem", as.numeric(nottem), 12),
  run("log AirPassengers[1:143]", log(as.numeric(AirPassengers))[1:143], 12),
  run("log peyton_manning 2012-05-01..2013-07-21 (447 days)", log(peyton$y)[1:447], 7),
  # Not robust (no median involved, so even lengths agree too).
  run("nottem, not robust", as.numeric(nottem), 12, robust = FALSE),
  run("log peyton_manning 2012-05-01..2013-07-23 (448 days), not robust", log(peyton$y), 7, robust = FALSE))
writeLines(toJSON(cases, auto_unbox = TRUE, digits = NA, pretty = FALSE), "r_stl_periodic.json")
