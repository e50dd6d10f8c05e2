#!/usr/bin/env Rscript
# Regenerates, with R's own random number generator (R 4.2, default Mersenne-Twister / Inversion), the simulated
# series used by the R changepoint package's test suite (rkillick/changepoint tests/testthat/test-examples.R), so that
# the change points asserted there can be checked here without the package itself.
# Regenerate (from this folder):  Rscript make_changepoint_examples.R   -> r_changepoint_examples.json
series <- list()
set.seed(1); series$mean1 <- c(rnorm(100, 0, 1), rnorm(100, 5, 1))
set.seed(1); series$meanvar1 <- c(rnorm(100, 0, 1), rnorm(100, 2, 10))
set.seed(1); series$mean5 <- c(rnorm(50, 0, 1), rnorm(50, 5, 1), rnorm(50, 10, 1), rnorm(50, 3, 1))
set.seed(1); series$meanvar4 <- c(rnorm(50, 0, 1), rnorm(50, 5, 3), rnorm(50, 10, 1), rnorm(50, 3, 10))
json <- paste0("{\"generator\": \"make_changepoint_examples.R\", \"r\": \"", R.version.string, "\",\n",
               paste(sprintf("\"%s\": [%s]", names(series),
                             sapply(series, function(v) paste(formatC(v, digits = 17, format = "g"), collapse = ", "))),
                     collapse = ",\n"), "\n}")
writeLines(json, "r_changepoint_examples.json")
