import { rocAuc } from '@cdf/eval';
import type { FeatureMatrix } from '@cdf/features';
import { describe, expect, it } from 'vitest';
import { SMALL_PREDICTOR_SETTINGS } from '../testing/small-predictor.ts';
import { fitSpikePredictor } from './fit-spike-predictor.ts';
import { loadSpikePredictor } from './load-spike-predictor.ts';
import { syntheticSpikeTask, truncateTask } from './measure/synthetic-spike-task.ts';
import { resolveSpikePredictorParams } from './spike-predictor-params.ts';
import { buildSpikeTrainingSet, FUTURE_PLAN_FEATURE } from './spike-training-set.ts';

// 240 days of the synthetic generator (seed 3): launches, viral events and abuse bursts with
// ground-truth labels. Small settings keep the test to seconds.
const task = syntheticSpikeTask(3, '2023-01-01', '2023-08-29');
const small = SMALL_PREDICTOR_SETTINGS;

describe('fitSpikePredictor', () => {
  it('predicts calibrated probabilities and magnitudes for each step, and saves exactly', async () => {
    const predictor = await fitSpikePredictor(task.series, {
      anomalies: task.anomalies,
      plannedEvents: task.plannedEvents,
      ...small,
    });
    const forecast = predictor.predict({ horizon: 48 });
    const last = task.series.timestamps[task.series.timestamps.length - 1]!;
    expect(forecast.timestamps[0]).toBe(last + task.series.stepMs);
    expect(forecast.probability.length).toBe(48);
    for (const p of forecast.probability) expect(p >= 0 && p <= 1).toBe(true);
    for (const m of forecast.magnitude) expect(m).toBeGreaterThan(0);
    expect(predictor.notes.join('\n')).toMatch(/calibrated \(isotonic\)/);

    const json = JSON.parse(JSON.stringify(predictor.toJSON()));
    const loaded = await loadSpikePredictor(json);
    expect(loaded.predict({ horizon: 48 })).toEqual(forecast);
    expect(loaded.params.plannedDistanceCap).toBe(48);
    // saved before the cap existed: its classifier learnt the distances uncapped, so none applies
    delete json.params.plannedDistanceCap;
    const older = await loadSpikePredictor(json);
    expect(older.params.plannedDistanceCap).toBeNull();
    older.free();
    expect(() => predictor.predict({ horizon: 49 })).toThrow(/horizon/);
    predictor.free();
    loaded.free();
  });

  it('ranks the spike hours of the next day from later origins (AUC well above chance)', async () => {
    const cut = Math.floor(task.series.values.length * 0.7);
    const train = truncateTask(task, cut);
    const predictor = await fitSpikePredictor(train.series, {
      anomalies: train.anomalies,
      plannedEvents: task.plannedEvents,
      ...small,
    });
    const labels: number[] = [];
    const scores: number[] = [];
    for (let origin = cut; origin + 24 < task.series.values.length; origin += 23) {
      const history = truncateTask(task, origin + 1);
      const f = predictor.predict({
        horizon: 24,
        history: { series: history.series, anomalies: history.anomalies },
      });
      for (let h = 1; h <= 24; h++) {
        labels.push(task.anomalies[origin + h]!);
        scores.push(f.probability[h - 1]!);
      }
    }
    predictor.free();
    expect(labels.some((l) => l === 1)).toBe(true);
    expect(rocAuc(Uint8Array.from(labels), scores)).toBeGreaterThan(0.75);
  });

  it('knows a planned launch is coming', async () => {
    const launch = task.plannedEvents.find((e) => e.start > task.series.timestamps[2000]!)!;
    const origin = Math.round((launch.start - task.series.timestamps[0]!) / task.series.stepMs) - 12;
    const history = truncateTask(task, origin + 1);
    const predictor = await fitSpikePredictor(task.series, {
      anomalies: task.anomalies,
      plannedEvents: task.plannedEvents,
      ...small,
    });
    const f = predictor.predict({
      horizon: 48,
      history: { series: history.series, anomalies: history.anomalies },
    });
    const without = predictor.predict({
      horizon: 48,
      plannedEvents: [],
      history: { series: history.series, anomalies: history.anomalies },
    });
    predictor.free();
    // 12 hours before the start nothing is visible in the series; only the plan tells.
    expect(f.probability[40]! - without.probability[40]!).toBeGreaterThan(0.1);
  });

  it('with plannedHours skip, learns no planned hour: the plan no longer lifts the probability', async () => {
    const launch = task.plannedEvents.find((e) => e.start > task.series.timestamps[2000]!)!;
    const origin = Math.round((launch.start - task.series.timestamps[0]!) / task.series.stepMs) - 12;
    const history = truncateTask(task, origin + 1);
    const options = { anomalies: task.anomalies, plannedEvents: task.plannedEvents, ...small };
    const rows = (plannedHours: 'learn' | 'skip') =>
      buildSpikeTrainingSet(
        task.series,
        task.anomalies,
        task.plannedEvents,
        [1, 12, 24, 48],
        resolveSpikePredictorParams({ ...small, plannedHours }),
      );
    const learnt = rows('learn');
    const skipped = rows('skip');
    const plan = (m: FeatureMatrix) => m.columns[m.names.indexOf(FUTURE_PLAN_FEATURE)]!;
    expect(plan(learnt.fit.matrix).some((x) => x !== 1)).toBe(true);
    for (const part of [skipped.fit.matrix, skipped.holdout.matrix, skipped.magnitude.matrix])
      expect(plan(part).every((x) => x === 1)).toBe(true);
    expect(skipped.fit.matrix.rows).toBeLessThan(learnt.fit.matrix.rows);

    const predictor = await fitSpikePredictor(task.series, { ...options, plannedHours: 'skip' });
    const input = { horizon: 48, history: { series: history.series, anomalies: history.anomalies } };
    const f = predictor.predict(input);
    const without = predictor.predict({ ...input, plannedEvents: [] });
    predictor.free();
    // 28 hours into the launch: with the plan learnt the probability rose by > 0.1 (test above).
    expect(Math.abs(f.probability[40]! - without.probability[40]!)).toBeLessThan(0.05);
  });

  it('rejects a misaligned mask and bad parameters', async () => {
    await expect(fitSpikePredictor(task.series, { anomalies: new Uint8Array(5) })).rejects.toThrow(
      /anomaly mask/,
    );
    await expect(
      fitSpikePredictor(task.series, { anomalies: task.anomalies, originStride: 0 }),
    ).rejects.toThrow(/originStride/);
  });

  it('says plainly when the history has no spikes to learn from', async () => {
    const none = new Uint8Array(task.series.values.length);
    await expect(fitSpikePredictor(task.series, { anomalies: none, ...small })).rejects.toThrow(
      /needs detected spikes both before and inside its calibration holdout .* found 0 spike rows to fit and 0 to calibrate/,
    );
    // a history too short for 100 training rows says that instead
    const short = truncateTask(task, 30);
    await expect(fitSpikePredictor(short.series, { anomalies: short.anomalies, ...small })).rejects.toThrow(
      /needs at least 100 training rows/,
    );
  });
});
