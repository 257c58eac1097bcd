import { generateSynthetic } from '@cdf/data';
import { countEventsByType, formatEventCounts } from '../synthetic-files.ts';
import { type DemoStep, required } from './demo-step.ts';

/** Generate the synthetic history with its ground-truth events and planned launches. */
export const generateStep: DemoStep = {
  stage: 'generating synthetic demand',
  title: 'generated (ground truth)',
  async run(state) {
    const { start, end, seed, stepMs } = state.options;
    state.synthetic = generateSynthetic({ start, end, seed, stepMs, timeZone: 'UTC' });
  },
  facts(state) {
    const data = required(state.synthetic, 'the synthetic data');
    const counts = countEventsByType(data.events);
    return [
      { label: 'seed', text: String(state.options.seed), value: state.options.seed },
      { label: 'events', text: formatEventCounts(counts), value: counts },
      {
        label: 'launches',
        text: `${data.plannedLaunches.length} (${data.options.futureLaunches} of them after the history)`,
        value: data.plannedLaunches.length,
      },
    ];
  },
};
