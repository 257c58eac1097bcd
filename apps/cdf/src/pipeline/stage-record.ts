/** What one stage did for one series: for run.json and the progress line. */
export interface StageRecord {
  /** `anomalies`, `baseline`, `spikes`, `quantile`, `capacity`. */
  stage: string;
  /** Registry name of the implementation that ran (for auto baselines: the one chosen). */
  name: string;
  /** The config's `use` for this stage. */
  use: string;
  /** Package version, when known. */
  version?: string;
  /** `ran`, or `skipped` with the reason (e.g. too few spikes in the history to learn from). */
  status: 'ran' | 'skipped';
  reason?: string;
  /** Wall-clock time, ms (the only field that varies between identical runs). */
  ms: number;
  /** The implementation's notes: fallbacks, choices, sizes. */
  notes: string[];
}

/** Time `work`, in ms, with the monotonic clock. */
export async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: Math.round((performance.now() - start) * 10) / 10 };
}
