import { basename } from 'node:path';
import { writeSyntheticFiles } from '../synthetic-files.ts';
import { type DemoStep, required } from './demo-step.ts';

/**
 * Write the metrics table, the ground-truth events and the planned launches into the output
 * folder (created as needed by the atomic writer, which reports WRITE_FAILED when it cannot).
 */
export const writeStep: DemoStep = {
  stage: 'writing files',
  title: 'written',
  async run(state) {
    await writeSyntheticFiles(required(state.synthetic, 'the synthetic data'), state.files);
  },
  facts(state) {
    const { metrics, events, launches } = state.files;
    return [
      {
        label: 'files',
        text: [metrics, events, launches].map((path) => basename(path)).join(', '),
        value: state.files,
      },
    ];
  },
};
