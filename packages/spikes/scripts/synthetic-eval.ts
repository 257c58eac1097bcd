/**
 * Detection quality on synthetic demand with ground truth (`generateSynthetic` from @cdf/data):
 * two years hourly per seed, the default ensemble at sensitivity 0.5, planned launches NOT given
 * (the rules must recognise launches from their shape). Usage:
 *   pnpm --filter @cdf/spikes synthetic [seed ...] [--step 5min] [--sensitivity S] [--params JSON]
 *     [--planned] [--verbose] [--misses (true events with no flagged point)]
 */
import { PlannedEventSchema, parseDuration } from '@cdf/core';
import { generateSynthetic } from '@cdf/data';
import { createAnomalyDetector } from '../src/detect/anomaly-detector.ts';
import { scoreAgainstTruth } from '../src/synthetic-check/ground-truth-score.ts';
import { seriesFromColumns } from '../src/synthetic-check/synthetic-series.ts';

const args = process.argv.slice(2);
const stepIndex = args.indexOf('--step');
const stepMs = stepIndex >= 0 ? parseDuration(args[stepIndex + 1] ?? '1h')! : 3_600_000;
const planned = args.includes('--planned');
const valueIndexes = new Set(
  [stepIndex, args.indexOf('--sensitivity'), args.indexOf('--params')]
    .filter((i) => i >= 0)
    .map((i) => i + 1),
);
const seeds = args.filter((a, i) => /^\d+$/.test(a) && !valueIndexes.has(i)).map(Number);
const sensitivityArg = args.indexOf('--sensitivity');
const sensitivity = sensitivityArg >= 0 ? Number(args[sensitivityArg + 1]) : 0.5;
const totals = new Map<string, { detected: number; total: number }>();
let worstPrecision = 1;
let worstFpr = 0;
let worstType = 1;
for (const seed of seeds.length > 0 ? seeds : [1, 2, 3]) {
  const data = generateSynthetic({ start: '2024-01-01', end: '2026-01-01', seed, stepMs });
  const series = seriesFromColumns(data, 'compute_tflops', stepMs);
  const plannedEvents = planned ? data.plannedLaunches.map((p) => PlannedEventSchema.parse(p)) : [];
  const t0 = performance.now();
  const extra = args.indexOf('--params') >= 0 ? JSON.parse(args[args.indexOf('--params') + 1]!) : {};
  const prepared = createAnomalyDetector('ensemble', { plannedEvents, params: extra }).preprocess(series);
  const detection = prepared.detect(sensitivity);
  const ms = performance.now() - t0;
  const s = scoreAgainstTruth(series.timestamps, detection.isAnomaly, detection.events, data.events);
  for (const [type, r] of Object.entries(s.eventRecall)) {
    const sum = totals.get(type) ?? { detected: 0, total: 0 };
    totals.set(type, { detected: sum.detected + r.detected, total: sum.total + r.total });
  }
  worstPrecision = Math.min(worstPrecision, s.pointPrecision);
  worstFpr = Math.max(worstFpr, s.falsePositiveRate);
  worstType = Math.min(worstType, s.typeAccuracy);
  const recall = Object.entries(s.eventRecall)
    .map(([t, r]) => `${t} ${r.detected}/${r.total}`)
    .join(', ');
  console.log(
    `seed ${seed}: precision ${s.pointPrecision.toFixed(4)} recall ${s.pointRecall.toFixed(4)} ` +
      `FPR ${(100 * s.falsePositiveRate).toFixed(3)}% | events ${recall} | type accuracy ` +
      `${s.typeAccuracy.toFixed(3)} (${s.matchedEvents} matched, ${s.unmatchedEvents} unmatched) | ${ms.toFixed(0)} ms`,
  );
  if (args.includes('--misses')) {
    for (const t of data.events) {
      let hit = false;
      for (let i = 0; i < series.timestamps.length; i++) {
        const ts = series.timestamps[i]!;
        if (ts >= t.start && ts <= t.end && detection.isAnomaly[i]) hit = true;
      }
      if (!hit) {
        console.log(
          `  missed ${t.type} ${new Date(t.start).toISOString()} ${((t.end - t.start) / 3.6e6 + 1).toFixed(0)}h mag ${t.magnitude}`,
        );
      }
    }
  }
  if (args.includes('--verbose')) {
    for (const e of detection.events) {
      const truth = data.events.find((t) => Math.min(e.end, t.end) >= Math.max(e.start, t.start));
      console.log(
        `  ${new Date(e.start).toISOString()} ${((e.end - e.start) / 3.6e6 + 1).toFixed(0)}h mag ${e.magnitude.toFixed(2)} ${e.type} <- ${truth ? `${truth.type} ${truth.magnitude}` : 'none'}`,
      );
    }
  }
}
const summed = [...totals].map(
  ([t, r]) => `${t} ${r.detected}/${r.total} (${(r.detected / r.total).toFixed(3)})`,
);
console.log(
  `all seeds: events ${summed.join(', ')} | worst precision ${worstPrecision.toFixed(4)}, ` +
    `FPR ${(100 * worstFpr).toFixed(3)}%, type accuracy ${worstType.toFixed(3)}`,
);
