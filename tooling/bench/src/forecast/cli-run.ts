import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** One stage's line in run.json. */
export interface StageTiming {
  stage: string;
  name: string;
  ms: number;
}

/** What one `cdf forecast` / `cdf predict` process did and cost. */
export interface CliRun {
  /** Wall time of the whole process, ms. */
  wallMs: number;
  /** Peak RSS of the process (from /usr/bin/time), bytes; NaN when unavailable. */
  peakRssBytes: number;
  /** run.json `timings_ms` (resolve, load, fit_and_forecast, ...). */
  timings: Record<string, number>;
  /** Stage timings of the first series (the only one for a single series). */
  stages: StageTiming[];
  /** Each stage's time summed over every series that ran (a fleet's CPU time per stage), in first-seen order. */
  stageTotals: StageTiming[];
  /** Series that ran, and that failed. */
  seriesOk: number;
  seriesFailed: number;
}

/** The part of run.json the bench reads. */
export interface RunJson {
  timings_ms?: Record<string, number>;
  series?: Array<{ status?: string; stages?: Array<{ stage: string; name?: string; ms?: number }> }>;
}

/** Each stage's time summed over the series of a run.json, in first-seen order (stage and plug-in name together are the key). */
export function sumStages(series: NonNullable<RunJson['series']>): StageTiming[] {
  const totals = new Map<string, StageTiming>();
  for (const s of series) {
    for (const stage of s.stages ?? []) {
      const key = `${stage.stage}\u0000${stage.name ?? ''}`;
      const total = totals.get(key) ?? { stage: stage.stage, name: stage.name ?? '', ms: 0 };
      total.ms += stage.ms ?? 0;
      totals.set(key, total);
    }
  }
  return [...totals.values()];
}

/** The built CLI of the reference app. */
export function cliPath(root: string): string {
  return join(root, 'apps', 'cdf', 'dist', 'cli.js');
}

/**
 * Run the cdf CLI (`forecast`, `predict`, ...) in a fresh process with `--quiet`, wrapped in
 * /usr/bin/time for the peak RSS when it exists, and read the run.json it wrote into `out`.
 * Throws with the CLI's last stderr line when it fails.
 */
export function runCli(root: string, args: string[], out: string): CliRun {
  const timeBin = '/usr/bin/time';
  const useTime = existsSync(timeBin);
  const command = useTime ? timeBin : process.execPath;
  const full = [cliPath(root), ...args, '--out', out, '--quiet'];
  const argv = useTime ? ['-f', 'maxrss-kb %M', process.execPath, ...full] : full;
  const t0 = performance.now();
  const child = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - t0;
  const rss = /maxrss-kb (\d+)/.exec(child.stderr ?? '');
  if (child.status !== 0 && child.status !== 8) {
    const why = (child.stderr ?? '')
      .split('\n')
      .filter((l) => l && !l.startsWith('maxrss-kb') && !l.startsWith('Command exited'))
      .pop();
    throw new Error(`cdf ${args[0]} failed (exit ${child.status}): ${why ?? 'no message'}`);
  }
  const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as RunJson;
  const series = run.series ?? [];
  return {
    wallMs,
    peakRssBytes: rss ? Number(rss[1]) * 1024 : Number.NaN,
    timings: run.timings_ms ?? {},
    stages: (series[0]?.stages ?? []).map((s) => ({
      stage: s.stage,
      name: s.name ?? '',
      ms: s.ms ?? Number.NaN,
    })),
    stageTotals: sumStages(series),
    seriesOk: series.filter((s) => s.status === 'ok').length,
    seriesFailed: series.filter((s) => s.status !== 'ok').length,
  };
}

/** The columns of scenarios.csv by name (timestamps as epoch ms). */
export function readScenarios(out: string): {
  timestamps: Float64Array;
  columns: Record<string, Float64Array>;
} {
  const lines = readFileSync(join(out, 'scenarios.csv'), 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  const columns: Record<string, Float64Array> = {};
  header.forEach((name, j) => {
    if (j > 0) columns[name] = Float64Array.from(rows, (r) => Number(r[j]));
  });
  return { timestamps: Float64Array.from(rows, (r) => Date.parse(r[0]!)), columns };
}
