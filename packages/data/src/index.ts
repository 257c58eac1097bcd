/** @cdf/data: Load, validate and regularise metrics (CSV, JSON, NDJSON, Parquet), and a synthetic generator with ground-truth events */
export {};
