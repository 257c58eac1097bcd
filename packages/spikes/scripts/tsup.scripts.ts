import { defineConfig } from 'tsup';

/** Bundles the measurement scripts to run under plain node, reading workspace packages from source. */
export default defineConfig({
  entry: {
    'measure-speed': 'scripts/measure-speed.ts',
    nab: 'scripts/nab.ts',
    'synthetic-eval': 'scripts/synthetic-eval.ts',
  },
  outDir: 'node_modules/.scripts',
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  clean: true,
  silent: true,
  esbuildOptions(options) {
    options.conditions = ['@cdf/source'];
  },
});
