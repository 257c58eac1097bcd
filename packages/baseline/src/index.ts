/** @cdf/baseline: Baseline forecasters behind one contract: Prophet (augurs WASM), MSTL + ETS, seasonal naive */
export {};
