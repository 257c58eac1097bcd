import type { CliRun, StageTiming } from './cli-run.ts';

/** One thing measured in every run of a command: its name and one value (ms) per run. */
export interface RunMeasure {
  what: string;
  values: number[];
}

/**
 * What a set of runs of one command measured, in table order: the whole process, then run.json's
 * phases, then each stage of `stagesOf` (the first series' stages, or their totals over a fleet),
 * named `stage <stage> (<plug-in>)` plus `stageSuffix`.
 */
export function runMeasures(
  runs: readonly CliRun[],
  stagesOf: (run: CliRun) => readonly StageTiming[],
  stageSuffix = '',
): RunMeasure[] {
  const first = runs[0]!;
  return [
    { what: 'whole process', values: runs.map((r) => r.wallMs) },
    ...Object.keys(first.timings).map((key) => ({
      what: key,
      values: runs.map((r) => r.timings[key] ?? Number.NaN),
    })),
    ...stagesOf(first).map((s, j) => ({
      what: `stage ${s.stage} (${s.name})${stageSuffix}`,
      values: runs.map((r) => stagesOf(r)[j]?.ms ?? Number.NaN),
    })),
  ];
}
