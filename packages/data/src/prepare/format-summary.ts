import { formatStep } from '@cdf/core';
import type { DataSummary } from './data-summary.ts';

/** Per-series rows printed before the table is cut short. */
const MAX_SERIES_ROWS = 20;

/**
 * The human text `cdf validate` prints for a {@link DataSummary}: a block of `label  value`
 * lines, a table of column statistics and, for several series, a table of per-series counts.
 * Plain text, no colours (the CLI adds them), no trailing newline.
 */
export function formatSummary(summary: DataSummary): string {
  const lines: string[] = [];
  const field = (label: string, value: string) => lines.push(`${label.padEnd(12)}${value}`);
  const source = summary.source ?? '(in memory)';
  field('source', summary.format ? `${source} (${summary.format})` : source);
  field(
    'rows',
    `${count(summary.rowsRead)} read, ${count(summary.rowsUsed)} used, ` +
      `${count(summary.duplicatesMerged)} merged as duplicates, ${count(summary.rowsMergedByResample)} merged by resampling` +
      (summary.rowsInFailedSeries > 0 ? `, ${count(summary.rowsInFailedSeries)} in failed series` : ''),
  );
  const failed = summary.failures.length > 0 ? `, ${summary.failures.length} failed` : '';
  const idColumn = summary.idColumn ? ` (by ${summary.idColumn})` : '';
  field('series', `${count(summary.seriesCount)}${idColumn}${failed}`);
  field('target', summary.target);
  field(
    'span',
    summary.start && summary.end
      ? `${summary.start} .. ${summary.end} (${count(summary.points)} points)`
      : '-',
  );
  const dataSteps = summary.dataSteps.length > 0 ? summary.dataSteps.join(', ') : 'irregular';
  field(
    'step',
    summary.seriesCount === 0
      ? '-'
      : summary.stepSource === 'resampled'
        ? `${summary.step} (resampled from ${dataSteps})`
        : `${summary.step} (inferred)`,
  );
  const format = summary.timestampFormat ?? 'epoch ms';
  const column = summary.timeColumn ? ` (column ${summary.timeColumn})` : '';
  field('timestamps', `${format}${column}, time zone ${summary.timeZone}`);
  field(
    'order',
    summary.outOfOrderRows > 0
      ? `${plural(summary.outOfOrderRows, 'row')} out of order (sorted)`
      : 'sorted in the file',
  );
  field(
    'duplicates',
    summary.duplicateTimestamps > 0
      ? `${plural(summary.duplicateTimestamps, 'timestamp')}, ${plural(summary.duplicatesMerged, 'row')} merged (${summary.duplicatePolicy})`
      : 'none',
  );
  const { gaps } = summary;
  const dropouts = gaps.dropouts > 0 ? ` (${plural(gaps.dropouts, 'dropout')})` : '';
  field(
    'gaps',
    gaps.runs > 0
      ? `${plural(gaps.runs, 'run')}, ${plural(gaps.pointsFilled, 'point')} filled${dropouts}, longest ${gaps.longest}`
      : 'none',
  );
  field('text cols', summary.textColumns.length > 0 ? `${summary.textColumns.join(', ')} (skipped)` : 'none');

  lines.push('');
  lines.push(
    ...table(
      2,
      ['column', 'rule', 'count', 'missing', 'min', 'mean', 'max', 'std'],
      summary.columns.map((c) => [
        c.target ? `${c.name} (target)` : c.name,
        c.aggregation,
        count(c.count),
        count(c.missing),
        num(c.min),
        num(c.mean),
        num(c.max),
        num(c.std),
      ]),
    ),
  );

  if (summary.series.length > 1 || summary.failures.length > 0) {
    lines.push('');
    const shown = summary.series.slice(0, MAX_SERIES_ROWS);
    if (shown.length > 0) {
      lines.push(
        ...table(
          1,
          ['series', 'rows', 'points', 'filled', 'gaps', 'duplicates', 'out of order', 'step'],
          shown.map((s) => [
            s.id,
            count(s.rowsRead),
            count(s.points),
            count(s.gaps.pointsFilled),
            count(s.gaps.runs),
            count(s.duplicatesMerged),
            count(s.outOfOrderRows),
            formatStep(s.stepMs),
          ]),
        ),
      );
    }
    if (summary.series.length > shown.length)
      lines.push(`... and ${summary.series.length - shown.length} more series`);
    for (const failure of summary.failures) lines.push(`failed ${failure.id}: ${failure.message}`);
  }
  return lines.join('\n');
}

/** A text table; the first `leftColumns` columns are left-aligned, the rest (numbers) right-aligned. */
function table(leftColumns: number, header: string[], rows: string[][]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const render = (cells: string[]) =>
    cells
      .map((cell, c) => (c < leftColumns ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [render(header), ...rows.map(render)];
}

function plural(n: number, noun: string): string {
  return `${count(n)} ${noun}${n === 1 ? '' : 's'}`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function num(x: number | null): string {
  if (x === null) return '-';
  if (x === 0) return '0';
  const magnitude = Math.abs(x);
  if (magnitude >= 1e6 || magnitude < 1e-3) return x.toExponential(3);
  return Number.parseFloat(x.toPrecision(6)).toString();
}
