import { defineConfig } from 'tsup';

/** Bundles scripts/measure-features.ts to run under plain node, reading workspace packages from source. */
export default defineConfig({
  entry: { 'measure-features': 'scripts/measure-features.ts' },
  outDir: 'node_modules/.measure',
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  clean: true,
  silent: true,
  esbuildOptions(options) {
    options.conditions = ['@cdf/source'];
  },
});
