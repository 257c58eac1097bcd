import { defineConfig } from 'tsup';
import { cdfTsup } from '../../tooling/tsup.shared.ts';
import { workerBuild } from './tsup.worker.ts';

export default defineConfig([cdfTsup({ index: 'src/index.ts' }), workerBuild]);
