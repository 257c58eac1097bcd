/** What a case needs to run: whether this is a quick smoke run, a scratch folder, and the repo root. */
export interface CaseContext {
  quick: boolean;
  scratch: string;
  /** The repository root (datasets are found beside it, peers' scripts under tooling/bench/peers). */
  root: string;
  /** The harness's entry script: tables use it to time a speed case in a fresh process (`runCaseIsolated`). */
  entry: string;
}

/**
 * One timed piece of work. `setup` runs once per process (untimed) and returns the state the
 * timed `run` works on; the first `run` in a fresh process is the cold time, the others warm.
 */
export interface SpeedCase<State = unknown> {
  /** Stable id, `stage/what`. */
  id: string;
  /** What is measured, in words, for the table. */
  title: string;
  /** Units of work per run (rows, points), for a throughput column. */
  units?: (ctx: CaseContext) => { count: number; unit: string };
  /** At most this many runs (cold + warm), for cases too slow for the harness's default count. */
  maxRuns?: number;
  setup: (ctx: CaseContext) => Promise<State> | State;
  run: (state: State, ctx: CaseContext) => Promise<unknown> | unknown;
}

/** Define a case with its state type inferred. */
export function speedCase<State>(c: SpeedCase<State>): SpeedCase<unknown> {
  return c as SpeedCase<unknown>;
}
