import { loadSeries } from '@cdf/data';
import { formatCount, formatDuration, formatInstant, formatQuantity, plural } from '../human-format.ts';
import { type DemoStep, required } from './demo-step.ts';

/**
 * Load the written metrics file back through the same path as `cdf validate`, proving the file
 * is valid input, and report what the data summary found.
 */
export const validateStep: DemoStep = {
  stage: 'validating metrics.csv',
  title: 'loaded back from metrics.csv (as cdf validate does)',
  async run(state) {
    state.loaded = await loadSeries(state.files.metrics);
  },
  facts(state) {
    const { summary } = required(state.loaded, 'the loaded series');
    const target = summary.columns.find((column) => column.target);
    const min = target?.min ?? null;
    const max = target?.max ?? null;
    const { gaps } = summary;
    return [
      {
        label: 'rows',
        text: `${formatCount(summary.rowsRead)} (${plural(summary.seriesCount, 'series', 'series')})`,
        value: summary.rowsRead,
      },
      {
        label: 'span',
        text: formatSpan(summary.start, summary.end),
        value: { start: summary.start, end: summary.end },
      },
      { label: 'step', text: summary.step, value: summary.step },
      {
        label: 'demand',
        text:
          min === null || max === null
            ? `no values (${summary.target})`
            : `${formatQuantity(min)} to ${formatQuantity(max)} (${summary.target})`,
        value: { target: summary.target, min, max },
      },
      {
        label: 'gaps',
        text:
          gaps.runs === 0
            ? 'none'
            : `${formatCount(gaps.runs)} (${plural(gaps.pointsFilled, 'point')} filled, longest ${gaps.longest})`,
        value: gaps,
      },
    ];
  },
};

// `2024-01-01T00:00:00Z to 2026-01-01T00:00:00Z (731 days)` from the summary's ISO bounds.
function formatSpan(start: string | null, end: string | null): string {
  if (start === null || end === null) return '-';
  const from = Date.parse(start);
  const to = Date.parse(end);
  return `${formatInstant(from)} to ${formatInstant(to)} (${formatDuration(to - from)})`;
}
