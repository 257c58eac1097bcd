import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toIsoUtc } from '@cdf/core';
import { mape, smape } from '@cdf/eval';
import { rProphetPeer, runPeer } from '../peers/peer-runtime.ts';
import { peerTable, skippedPeerTable } from '../peers/peer-table.ts';
import type { ReportTable } from '../report-table.ts';
import type { CaseContext } from '../speed-case.ts';
import type { Suite } from '../suite.ts';
import { twoYears } from '../workloads/synthetic-workload.ts';

const HORIZON = 168;

/** What either side of the Prophet comparison prints. */
interface ProphetRunOutput {
  fitMs: number;
  predictMs: number;
  yhat: number[];
  version?: string;
  rows: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Run one side `runs` times (each a fresh process); medians of fit, predict and process time. */
function measure(command: string, args: string[], runs: number, cwd?: string) {
  const outs = Array.from({ length: runs }, () => runPeer<ProphetRunOutput>(command, args, 30 * 60_000, cwd));
  return {
    fitMs: median(outs.map((o) => o.output.fitMs)),
    predictMs: median(outs.map((o) => o.output.predictMs)),
    fitPredictMs: median(outs.map((o) => o.output.fitMs + o.output.predictMs)),
    processMs: median(outs.map((o) => o.processMs)),
    last: outs[outs.length - 1]!.output,
  };
}

async function prophetVersusR(ctx: CaseContext): Promise<ReportTable[]> {
  const peer = rProphetPeer();
  const title = 'Prophet: cdf (augurs WASM) vs R Prophet — fit + predict 168 h, 2 years hourly';
  if (!peer.available) return [skippedPeerTable(title, [peer])];
  const { series } = twoYears(ctx.quick);
  const path = join(ctx.scratch, 'prophet-peer.csv');
  const lines = ['ds,y'];
  for (let i = 0; i < series.values.length; i++)
    lines.push(`${toIsoUtc(series.timestamps[i]!)},${series.values[i]}`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  const actual = series.values.subarray(series.values.length - HORIZON);
  const runs = ctx.quick ? 1 : 3;
  const cdf = measure(
    process.execPath,
    [join(ctx.root, 'tooling/bench/peers/cdf_prophet_fit.mjs'), path, String(HORIZON)],
    runs,
    join(ctx.root, 'tooling/bench'),
  );
  const r = measure(
    'Rscript',
    [join(ctx.root, 'tooling/bench/peers/prophet_fit.R'), path, String(HORIZON)],
    runs,
  );
  const cdfForecast = Float64Array.from(cdf.last.yhat);
  const rForecast = Float64Array.from(r.last.yhat);
  return [
    peerTable(
      `${title}${ctx.quick ? ' (quick: 8 weeks)' : ''}`,
      `R Prophet ${r.last.version ?? peer.version ?? ''}`.trim(),
      [
        {
          metric: 'fit + predict (inside the process)',
          cdf: cdf.fitPredictMs,
          peer: r.fitPredictMs,
          better: 'lower',
          unit: 'ms',
        },
        { metric: 'fit', cdf: cdf.fitMs, peer: r.fitMs, better: 'lower', unit: 'ms' },
        { metric: 'predict 168 h', cdf: cdf.predictMs, peer: r.predictMs, better: 'lower', unit: 'ms' },
        {
          metric: 'whole process (start, read CSV, fit, predict, print)',
          cdf: cdf.processMs,
          peer: r.processMs,
          better: 'lower',
          unit: 'ms',
        },
        {
          metric: 'sMAPE %, last 168 h held out',
          cdf: smape(actual, cdfForecast),
          peer: smape(actual, rForecast),
          better: 'lower',
          unit: 'metric',
        },
        {
          metric: 'MAPE %, last 168 h held out',
          cdf: mape(actual, cdfForecast),
          peer: mape(actual, rForecast),
          better: 'lower',
          unit: 'metric',
        },
      ],
      [
        `Same ${cdf.last.rows.toLocaleString('en-US')}-point training series (synthetic, seed 11) written to one CSV; both sides read it in a fresh process, use Prophet's defaults (linear growth, additive, auto seasonalities) and predict the held-out last 168 h. Medians of ${runs} process(es).`,
        'R predicts with uncertainty.samples = 0 (point forecast only, as cdf draws no samples).',
        ctx.quick
          ? 'Quick: 8 weeks of data, the last week held out.'
          : 'The held-out week is 25-31 December 2026: the synthetic holidays (Christmas, New Year) are in it and neither side is told about holidays, so both errors are large; compare the two, not the level.',
      ],
    ),
  ];
}

/** Prophet fit + predict, cdf against R Prophet (r-cran-prophet), with held-out accuracy. */
export const baselinePeerSuite: Suite = {
  name: 'baseline-peer',
  tables: prophetVersusR,
};
