import { defineConfig } from 'tsup';

/** Bundles the predict/ measurement scripts to run under plain node, workspace packages from source. */
export default defineConfig({
  entry: {
    'evaluate-spike-predictor': 'src/predict/measure/evaluate-spike-predictor.ts',
    'evaluate-spike-seeds': 'src/predict/measure/evaluate-spike-seeds.ts',
    'measure-parallel-fit': 'src/predict/measure/measure-parallel-fit.ts',
    'export-gbdt-matrix': 'src/predict/measure/export-gbdt-matrix.ts',
    'diagnose-quiet-windows': 'src/predict/measure/diagnose-quiet-windows.ts',
  },
  outDir: 'node_modules/.predict-measure',
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  clean: true,
  silent: true,
  external: ['ml-xgboost'],
  noExternal: [/^@cdf\/(core|features|data|eval)$/],
  esbuildOptions(options) {
    options.conditions = ['@cdf/source'];
  },
});
