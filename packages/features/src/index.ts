/** @cdf/features: Leak-free feature engineering: lags, rolling windows, calendar, spike history and the direct multi-horizon design matrix */
export {};
