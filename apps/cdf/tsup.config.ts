import { defineConfig } from 'tsup';
import { cdfTsup } from '../../tooling/tsup.shared.ts';

// The fleet worker is its own entry, beside cli.js in dist/, so worker_threads can start it
// from the built CLI (see src/pipeline/fleet-runner.ts). The normal mask is one too, so
// scripts/baseline-detected-mask.mjs measures with the app's own rule.
export default defineConfig(
  cdfTsup(
    {
      cli: 'src/cli.ts',
      'fleet-worker': 'src/pipeline/fleet-worker.ts',
      'normal-mask': 'src/pipeline/normal-mask.ts',
    },
    { dts: false, banner: { js: '#!/usr/bin/env node' } },
  ),
);
