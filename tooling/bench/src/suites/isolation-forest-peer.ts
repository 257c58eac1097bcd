import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { rocAuc } from '@cdf/eval';
import { IsolationForest } from '@cdf/spikes';
import { peerPython, pythonModulePeer, runPeer } from '../peers/peer-runtime.ts';
import { peerTable, skippedPeerTable } from '../peers/peer-table.ts';
import type { ReportTable } from '../report-table.ts';
import type { CaseContext } from '../speed-case.ts';
import type { Suite } from '../suite.ts';
import { twoYears } from '../workloads/synthetic-workload.ts';

const WEEK = 168;

/**
 * Feature rows for the forest from the synthetic series, from each point's own past: the log
 * ratios of the value to the same hour a day and a week earlier and to the previous hour.
 * Labels: the point lies inside a ground-truth event.
 */
function forestRows(quick: boolean): { rows: Float64Array[]; labels: Uint8Array } {
  const { data, series } = twoYears(quick);
  const v = series.values;
  const rows: Float64Array[] = [];
  const labels: number[] = [];
  for (let t = WEEK; t < v.length; t++) {
    rows.push(
      Float64Array.of(
        Math.log(v[t]! / v[t - 24]!),
        Math.log(v[t]! / v[t - WEEK]!),
        Math.log(v[t]! / v[t - 1]!),
      ),
    );
    labels.push(data.eventType[t] === '' ? 0 : 1);
  }
  return { rows, labels: Uint8Array.from(labels) };
}

interface ForestOutput {
  version: string;
  fitMs: number;
  scoreMs: number;
  scores: number[];
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
}

async function versusSklearn(ctx: CaseContext): Promise<ReportTable[]> {
  const title = 'Isolation forest: cdf (@cdf/spikes) vs scikit-learn IsolationForest';
  const peer = pythonModulePeer('scikit-learn (python3-sklearn)', 'sklearn');
  if (!peer.available) return [skippedPeerTable(title, [peer])];
  const { rows, labels } = forestRows(ctx.quick);
  const path = join(ctx.scratch, 'forest-features.csv');
  writeFileSync(
    path,
    `${['day_ratio', 'week_ratio', 'hour_ratio'].join(',')}\n${rows.map((r) => Array.from(r).join(',')).join('\n')}\n`,
  );
  const runs = 3;
  const fits: number[] = [];
  const scoring: number[] = [];
  let scores = new Float64Array(rows.length);
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    const forest = IsolationForest.fit(rows, { trees: 100, subsample: 256, seed: 1 });
    const t1 = performance.now();
    scores = Float64Array.from(rows, (r) => forest.score(r));
    fits.push(t1 - t0);
    scoring.push(performance.now() - t1);
  }
  const { output, processMs } = runPeer<ForestOutput>(peerPython(), [
    join(ctx.root, 'tooling/bench/peers/isolation_forest.py'),
    path,
    '--runs',
    String(runs),
  ]);
  return [
    peerTable(
      `${title}${ctx.quick ? ' (quick: 8 weeks)' : ''}`,
      `scikit-learn ${output.version}`,
      [
        {
          metric: 'fit (100 trees x 256 points)',
          cdf: median(fits),
          peer: output.fitMs,
          better: 'lower',
          unit: 'ms',
        },
        {
          metric: `score ${rows.length.toLocaleString('en-US')} rows`,
          cdf: median(scoring),
          peer: output.scoreMs,
          better: 'lower',
          unit: 'ms',
        },
        {
          metric: 'fit + score',
          cdf: median(fits) + median(scoring),
          peer: output.fitMs + output.scoreMs,
          better: 'lower',
          unit: 'ms',
        },
        {
          metric: 'ROC AUC against the ground-truth events',
          cdf: rocAuc(labels, scores),
          peer: rocAuc(labels, Float64Array.from(output.scores)),
          better: 'higher',
          unit: 'metric',
        },
      ],
      [
        `Same ${rows.length.toLocaleString('en-US')} feature rows both sides (2-year synthetic series: log ratio of each value to a day, a week and an hour earlier), ${labels.reduce((a, b) => a + b, 0).toLocaleString('en-US')} inside true events. Both: 100 trees, 256 points per tree, one thread, medians of ${runs} runs; the forest is the same algorithm (Liu et al. 2008), so AUCs differ only by the random draws.`,
        `The peer process took ${(processMs / 1000).toFixed(1)} s in all (Python start, CSV read, ${runs} runs).`,
      ],
    ),
  ];
}

/** cdf's isolation forest (in @cdf/spikes) against scikit-learn's, at equal AUC. */
export const isolationForestPeerSuite: Suite = { name: 'isolation-forest-peer', tables: versusSklearn };
