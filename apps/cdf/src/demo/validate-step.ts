import { formatStep } from '@cdf/core';
import { loadSeries } from '@cdf/data';
import { formatCount, formatDuration, formatInstant, formatQuantity, plural } from '../human-format.ts';
import { describeSeries } from '../series-description.ts';
import { type DemoStep, required } from './demo-step.ts';

/**
 * Load the written metrics file back through the same path as `cdf validate`, proving the file
 * is valid input, and describe what was loaded.
 */
export const validateStep: DemoStep = {
  stage: 'validating metrics.csv',
  title: 'loaded back from metrics.csv (as cdf validate does)',
  async run(state) {
    state.loaded = await loadSeries(state.files.metrics);
  },
  facts(state) {
    const { series } = required(state.loaded, 'the loaded series');
    const first = required(series[0], 'a loaded series');
    const d = describeSeries(first);
    const rows = series.reduce((sum, s) => sum + s.timestamps.length, 0);
    return [
      {
        label: 'rows',
        text: `${formatCount(rows)} (${plural(series.length, 'series', 'series')})`,
        value: rows,
      },
      {
        label: 'span',
        text: `${formatInstant(d.start)} to ${formatInstant(d.end)} (${formatDuration(d.end - d.start)})`,
        value: { start: formatInstant(d.start), end: formatInstant(d.end) },
      },
      { label: 'step', text: formatStep(d.stepMs), value: formatStep(d.stepMs) },
      {
        label: 'demand',
        text: `${formatQuantity(d.min)} to ${formatQuantity(d.max)} (${first.target})`,
        value: { target: first.target, min: d.min, max: d.max },
      },
      {
        label: 'gaps',
        text: `${formatCount(d.gaps)} (${plural(d.filledPoints, 'point')} filled)`,
        value: { gaps: d.gaps, filledPoints: d.filledPoints },
      },
    ];
  },
};
