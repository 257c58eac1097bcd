import { defineConfig } from 'tsup';
import { cdfTsup } from '../../tooling/tsup.shared.ts';

// The fleet worker is its own entry, beside cli.js in dist/, so worker_threads can start it
// from the built CLI (see src/pipeline/fleet-runner.ts).
export default defineConfig(
  cdfTsup(
    { cli: 'src/cli.ts', 'fleet-worker': 'src/pipeline/fleet-worker.ts' },
    { dts: false, banner: { js: '#!/usr/bin/env node' } },
  ),
);
