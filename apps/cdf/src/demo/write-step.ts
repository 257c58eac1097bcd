import { mkdir } from 'node:fs/promises';
import { writeSyntheticFiles } from '../synthetic-files.ts';
import { type DemoStep, required } from './demo-step.ts';

/** Write the metrics table, the ground-truth events and the planned launches into the output folder. */
export const writeStep: DemoStep = {
  stage: 'writing files',
  title: 'written',
  async run(state) {
    const data = required(state.synthetic, 'the synthetic data');
    await mkdir(state.options.outDir, { recursive: true });
    await writeSyntheticFiles(data, state.files);
  },
};
