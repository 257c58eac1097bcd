/** Median, min and max of a sample of timings (ms). */
export interface TimingSummary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** Summarise a non-empty sample. */
export function summarise(sample: readonly number[]): TimingSummary {
  const sorted = [...sample].sort((a, b) => a - b);
  const n = sorted.length;
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[n - 1]!, runs: n };
}

/** Format milliseconds for a table: `12.3 ms`, `4.56 s`. */
export function formatMs(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Format bytes as MB. */
export function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

/** The columns {@link coldWarmCells} fills, in order. */
export const COLD_WARM_COLUMNS = ['cold', 'warm median', 'warm min', 'warm max', 'runs'] as const;

/**
 * Table cells for a set of timings (ms) whose first is the cold run and the rest warm: the cold
 * time, the warm median, min and max (dashes when there is no warm run), and how many runs.
 */
export function coldWarmCells(values: readonly number[]): string[] {
  const [cold, ...warm] = values;
  const w = warm.length > 0 ? summarise(warm) : null;
  return [
    formatMs(cold ?? Number.NaN),
    w ? formatMs(w.median) : '—',
    w ? formatMs(w.min) : '—',
    w ? formatMs(w.max) : '—',
    String(values.length),
  ];
}
