/**
 * Time-ordered evaluation of the spike predictor (a script, not a unit test): fit on the first
 * 75% of two years of synthetic hourly demand, then score every `--origin-stride`-th origin of
 * the last 25% at horizons 1..168 against the ground truth. Prints JSON: AUC and expected
 * calibration error per horizon bucket as `predict` gives them (an origin inside a spike raises
 * the next steps to the chance it lasts, `ongoingSpikes`) and of the classifier alone
 * (`aucModelOnly`, `eceModelOnly`), AUC by spike type, reliability bins of the
 * points outside planned events, and timings.
 *
 *   node node_modules/.predict-measure/evaluate-spike-predictor.js --seed 2024
 *
 * `--fit-seed` (default 42) is the predictor's own seed: vary it to see the run-to-run spread;
 * `--hours-since-cap 720` gives the predictor as it was before `hoursSinceCap` (the feature's own cap);
 * `--params '{"holdoutFraction":0.3}'` passes any other predictor parameter.
 */
import { parseArgs } from 'node:util';
import { plannedEventsMultiplier } from '@cdf/core';
import { expectedCalibrationError, rocAuc } from '@cdf/eval';
import { buildDirectMatrix } from '@cdf/features';
import { fitSpikePredictor } from '../fit-spike-predictor.ts';
import { TAIL_HOURS } from '../history-tail.ts';
import { ongoingSpikeProbability, spikeRuns } from '../ongoing-spike.ts';
import { spikeModelFeatures } from '../spike-model-features.ts';
import { syntheticSpikeTask, truncateTask } from './synthetic-spike-task.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '2024' },
    'origin-stride': { type: 'string', default: '5' },
    parallel: { type: 'string', default: 'true' },
    'fit-seed': { type: 'string', default: '42' },
    'hours-since-cap': { type: 'string', default: '168' },
    params: { type: 'string', default: '{}' },
  },
});
const seed = Number(values.seed);
const task = syntheticSpikeTask(seed);
const n = task.series.values.length;
const cut = Math.floor(n * 0.75);
const train = truncateTask(task, cut);

const started = performance.now();
const predictor = await fitSpikePredictor(train.series, {
  anomalies: train.anomalies,
  plannedEvents: task.plannedEvents,
  seed: Number(values['fit-seed']),
  hoursSinceCap: Number(values['hours-since-cap']),
  parallel: values.parallel === 'true',
  ...JSON.parse(values.params ?? '{}'),
});
const fitMs = performance.now() - started;

// Origins of the last 25%: features of origin t use points <= t only (leak-free, proved in
// @cdf/features), so one direct matrix over the full series gives each origin's rows.
const horizons = Array.from({ length: 168 }, (_, k) => k + 1);
const direct = buildDirectMatrix(task.series, {
  horizons,
  origins: { stride: Number(values['origin-stride']) },
  plannedEvents: task.plannedEvents,
  anomalies: task.anomalies,
  maxRows: 2_000_000,
});
const keep: number[] = [];
for (let r = 0; r < direct.matrix.rows; r++) if (direct.matrix.origins[r]! >= cut) keep.push(r);
const all = spikeModelFeatures(direct.matrix, predictor.params.leftOutFeatures);
const rows = {
  names: all.names,
  columns: all.columns.map((c) => Float64Array.from(keep, (r) => c[r]!)),
  rows: keep.length,
  origins: Int32Array.from(keep, (r) => all.origins[r]!),
  notes: all.notes,
};
const scoreStarted = performance.now();
const scored = predictor.scoreRows(rows);
// As `predict` does (unless `ongoingSpikes: false`): at an origin inside a spike, each step at
// least the chance the spike lasts that long, from the training history's spike lengths.
const modelOnly = Float64Array.from(scored.probability);
if (predictor.params.ongoingSpikes) {
  // the ground truth's event types stand in for the detector's
  const { spikeTypes } = task;
  const context = {
    timestamps: task.series.timestamps,
    stepMs: task.series.stepMs,
    plannedEvents: task.plannedEvents,
  };
  const runs = spikeRuns(train.anomalies, {
    ...context,
    timestamps: train.series.timestamps,
    spikeTypes: spikeTypes.slice(0, cut),
  });
  const lasting = new Map<number, Float64Array | null>();
  for (let k = 0; k < keep.length; k++) {
    const origin = rows.origins[k]!;
    if (!lasting.has(origin)) {
      const from = Math.max(0, origin + 1 - TAIL_HOURS);
      const tail = {
        ...context,
        timestamps: task.series.timestamps.subarray(from, origin + 1),
        spikeTypes: spikeTypes.slice(from, origin + 1),
      };
      lasting.set(
        origin,
        ongoingSpikeProbability(task.anomalies.subarray(from, origin + 1), tail, runs, 168),
      );
    }
    const p = lasting.get(origin);
    if (p) scored.probability[k] = Math.max(scored.probability[k]!, p[direct.horizon[keep[k]!]! - 1]!);
  }
}
const scoreMs = performance.now() - scoreStarted;
const target = Int32Array.from(keep, (r) => direct.matrix.origins[r]! + direct.horizon[r]!);
const horizonOf = Int32Array.from(keep, (r) => direct.horizon[r]!);

function bucket(lo: number, hi: number) {
  const idx: number[] = [];
  for (let k = 0; k < keep.length; k++) if (horizonOf[k]! >= lo && horizonOf[k]! <= hi) idx.push(k);
  const labels = Uint8Array.from(idx, (k) => task.anomalies[target[k]!]!);
  const p = Float64Array.from(idx, (k) => scored.probability[k]!);
  const pModel = Float64Array.from(idx, (k) => modelOnly[k]!);
  const unplanned = idx.map((k) => !planned(target[k]!));
  const positives = labels.reduce((a, b) => a + b, 0);
  const meanP = p.reduce((a, b) => a + b, 0) / p.length;
  const byType: Record<string, number> = {};
  for (const type of ['feature_launch', 'viral_event', 'api_abuse']) {
    const sel = idx.filter((k) => task.anomalies[target[k]!] === 0 || task.eventType[target[k]!] === type);
    const l = Uint8Array.from(sel, (k) => task.anomalies[target[k]!]!);
    if (l.some((v) => v === 1))
      byType[type] = round(
        rocAuc(
          l,
          Float64Array.from(sel, (k) => scored.probability[k]!),
        ),
      );
  }
  return {
    horizons: `${lo}-${hi}`,
    rows: idx.length,
    spikeRate: round(positives / idx.length),
    meanProbability: round(meanP),
    auc: round(rocAuc(labels, p)),
    ece: round(expectedCalibrationError(labels, p)),
    aucModelOnly: round(rocAuc(labels, pModel)),
    eceModelOnly: round(expectedCalibrationError(labels, pModel)),
    aucByType: byType,
    reliabilityUnplanned: reliability(
      labels.filter((_, j) => unplanned[j]),
      p.filter((_, j) => unplanned[j]),
    ),
  };
}

/** True when a planned event's profile covers point `i` (its spikes are announced, not predicted). */
function planned(i: number): boolean {
  return plannedEventsMultiplier(task.plannedEvents, task.series.timestamps[i]!) > 1 + 1e-9;
}

/**
 * Reliability bins of width 0.1: rows, mean probability and spike rate in each (empty bins left
 * out). ECE weighs bins by their rows, so a few confident rows that are wrong hide in it; this
 * shows them.
 */
function reliability(labels: Uint8Array, p: Float64Array) {
  const bins = Array.from({ length: 10 }, () => ({ rows: 0, p: 0, spikes: 0 }));
  p.forEach((v, i) => {
    const b = bins[Math.min(9, Math.floor(v * 10))]!;
    b.rows++;
    b.p += v;
    b.spikes += labels[i]!;
  });
  return bins.flatMap((b, i) =>
    b.rows === 0
      ? []
      : [
          {
            bin: `${i / 10}-${(i + 1) / 10}`,
            rows: b.rows,
            meanProbability: round(b.p / b.rows),
            spikeRate: round(b.spikes / b.rows),
          },
        ],
  );
}
const round = (x: number) => Math.round(x * 10_000) / 10_000;

console.log(
  JSON.stringify(
    {
      seed,
      trainPoints: cut,
      evalOrigins: new Set(rows.origins).size,
      fitMs: Math.round(fitMs),
      scoreMs: Math.round(scoreMs),
      notes: predictor.notes,
      buckets: [bucket(1, 24), bucket(1, 6), bucket(7, 24), bucket(25, 72), bucket(73, 168), bucket(1, 168)],
    },
    null,
    2,
  ),
);
predictor.free();
