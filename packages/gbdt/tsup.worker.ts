import type { Options } from 'tsup';

/**
 * The training worker as a self-contained bundle in `dist-worker/` (kept apart from `dist/` so
 * the main build's clean never races it). Workspace packages are read from source and bundled,
 * ml-xgboost stays external (its WASM file is found beside its own script).
 */
export const workerBuild: Options = {
  entry: { 'train-worker': 'src/train-worker.ts' },
  outDir: 'dist-worker',
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  clean: true,
  dts: false,
  sourcemap: false,
  splitting: false,
  silent: true,
  external: ['ml-xgboost'],
  noExternal: [/^@cdf\//],
  esbuildOptions(options) {
    options.conditions = ['@cdf/source'];
  },
};
