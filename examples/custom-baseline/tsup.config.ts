import { defineConfig } from 'tsup';
import { cdfTsup } from '../../tooling/tsup.shared.ts';

export default defineConfig(cdfTsup({ index: 'src/index.ts' }));
