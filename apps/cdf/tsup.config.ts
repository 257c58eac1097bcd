import { defineConfig } from 'tsup';
import { cdfTsup } from '../../tooling/tsup.shared.ts';

export default defineConfig(
  cdfTsup({ cli: 'src/cli.ts' }, { dts: false, banner: { js: '#!/usr/bin/env node' } }),
);
