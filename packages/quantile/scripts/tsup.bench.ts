import { defineConfig } from 'tsup';

/** Bundles the backtest scripts to run under plain node, reading workspace packages from source. */
export default defineConfig({
  entry: { 'quantile-bench': 'scripts/quantile-bench.ts' },
  outDir: 'node_modules/.bench',
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  clean: true,
  silent: true,
  external: ['@bsull/augurs', '@bsull/augurs-prophet-wasmstan', 'ml-xgboost'],
  esbuildOptions(options) {
    options.conditions = ['@cdf/source'];
  },
});
