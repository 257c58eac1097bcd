/** @cdf/eval: Forecast, interval and anomaly metrics (sMAPE, MASE, pinball, CRPS, NAB) and rolling-origin backtests */
export {};
