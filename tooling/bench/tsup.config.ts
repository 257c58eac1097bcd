import { defineConfig } from 'tsup';
import { cdfTsup } from '../tsup.shared.ts';

export default defineConfig(cdfTsup({ main: 'src/main.ts' }, { dts: false }));
