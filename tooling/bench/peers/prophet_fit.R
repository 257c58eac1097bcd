#!/usr/bin/env Rscript
# R Prophet peer for the baseline benchmark (tooling/bench, suite baseline-peer).
#
# Reads a CSV with columns ds (ISO 8601 UTC, e.g. 2025-01-01T00:00:00Z) and y, fits Prophet on
# all rows but the last H, predicts those H hours, and prints one JSON line: the fit and predict
# times inside R (ms) and the H predicted values. Defaults as cdf's Prophet baseline: linear
# growth, additive, 'auto' seasonalities; point forecasts only (uncertainty.samples = 0, as
# cdf's predict draws no samples).
#
#   Rscript prophet_fit.R series.csv 168
suppressPackageStartupMessages(library(prophet))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 1) stop("usage: prophet_fit.R CSV [HORIZON]")
horizon <- if (length(args) >= 2) as.integer(args[2]) else 168L

df <- read.csv(args[1], stringsAsFactors = FALSE)
df$ds <- as.POSIXct(sub("(\\.[0-9]+)?Z$", "", df$ds), format = "%Y-%m-%dT%H:%M:%S", tz = "UTC")
n <- nrow(df)
train <- df[seq_len(n - horizon), ]
future <- data.frame(ds = df$ds[(n - horizon + 1):n])

ms <- function(t0) as.numeric(difftime(Sys.time(), t0, units = "secs")) * 1000

t0 <- Sys.time()
m <- prophet(train, uncertainty.samples = 0)
fit_ms <- ms(t0)
t1 <- Sys.time()
fc <- predict(m, future)
predict_ms <- ms(t1)

cat(sprintf(
  '{"peer":"r-prophet","version":"%s","rows":%d,"horizon":%d,"fitMs":%.1f,"predictMs":%.1f,"yhat":[%s]}\n',
  as.character(packageVersion("prophet")), nrow(train), horizon, fit_ms, predict_ms,
  paste(sprintf("%.6f", fc$yhat), collapse = ",")
))
