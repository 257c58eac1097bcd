/**
 * `@cdf/data`: load metrics safely from a user's file (CSV, JSON, NDJSON, Parquet), validate and
 * regularise them into `Series`, and generate synthetic demand with ground-truth events.
 */
export * from './load/index.ts';
export * from './prepare/index.ts';
export * from './synthetic/index.ts';
export * from './write/index.ts';
