import type { ModelBacktest } from './backtest-run.ts';

/** Series listed one by one below the summary, at most (larger fleets print the aggregate only). */
export const MAX_SERIES_ROWS = 20;

/** A metric value with a precision that suits its size: 0.4821, 12.35, 1,234. */
export function formatMetric(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '-';
  const size = Math.abs(value);
  if (size >= 1000) return Math.round(value).toLocaleString('en-US');
  if (size >= 100) return value.toFixed(1);
  if (size >= 10) return value.toFixed(2);
  return value.toFixed(4);
}

/** Left-align the first `textColumns` columns, right-align the numbers, two spaces apart. */
function alignTable(rows: string[][], textColumns: number): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((row) =>
    row
      .map((cell, c) => (c < textColumns ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * The text `cdf backtest` prints: one table with, per model, the mean over the series of every
 * metric for the whole horizon (`all`) and per horizon bucket; then, for up to
 * {@link MAX_SERIES_ROWS} series, each series' overall scores; then one line per failed series.
 */
export function formatBacktestTable(models: readonly ModelBacktest[], metrics: readonly string[]): string {
  const header = ['model', 'horizon', 'series', ...metrics];
  const rows: string[][] = [header];
  for (const m of models) {
    if (m.summary === undefined) {
      rows.push([m.model, 'all', '0', ...metrics.map(() => '-')]);
      continue;
    }
    const s = m.summary;
    rows.push([m.model, 'all', String(s.series), ...metrics.map((name) => formatMetric(s.overall[name]))]);
    for (const b of s.perHorizonBucket) {
      rows.push([
        m.model,
        b.label,
        String(b.series),
        ...metrics.map((name) => formatMetric(b.metrics[name])),
      ]);
    }
  }
  const lines = alignTable(rows, 2);
  const seriesCount = Math.max(...models.map((m) => m.results.length + m.failures.length));
  if (seriesCount > 1 && seriesCount <= MAX_SERIES_ROWS) {
    const perSeries: string[][] = [['model', 'series', ...metrics]];
    for (const m of models) {
      for (const r of m.results) {
        perSeries.push([m.model, r.series, ...metrics.map((name) => formatMetric(r.overall[name]))]);
      }
    }
    if (perSeries.length > 1) lines.push('', ...alignTable(perSeries, 2));
  }
  const failures = models.flatMap((m) => m.failures.map((f) => `failed: ${f.id} (${m.model}): ${f.message}`));
  if (failures.length > 0) lines.push('', ...failures);
  return lines.join('\n');
}
