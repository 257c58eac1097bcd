import { HOUR_MS, type PlannedEvent, PlannedEventSchema } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { SMALL_PREDICTOR_SETTINGS } from '../testing/small-predictor.ts';
import { fitSpikePredictor } from './fit-spike-predictor.ts';
import { TAIL_HOURS } from './history-tail.ts';
import { loadSpikePredictor } from './load-spike-predictor.ts';
import { syntheticSpikeTask, truncateTask } from './measure/synthetic-spike-task.ts';
import { ongoingSpikeProbability, type SpikeRun, spikeRuns } from './ongoing-spike.ts';

const T0 = Date.parse('2025-01-06T00:00:00Z');

/** A mask of `n` hourly steps flagged over the given [start, end] index ranges, and its context. */
function hourly(n: number, flagged: [number, number][], plannedEvents: PlannedEvent[] = []) {
  const mask = new Uint8Array(n);
  for (const [a, b] of flagged) mask.fill(1, a, b + 1);
  const timestamps = Float64Array.from({ length: n }, (_, i) => T0 + i * HOUR_MS);
  return { mask, context: { timestamps, stepMs: HOUR_MS, plannedEvents } };
}

/** A 30-hour 5x launch planned from hour `startHour` of the test series. */
function launchAt(startHour: number) {
  return PlannedEventSchema.parse({
    name: 'launch',
    start: new Date(T0 + startHour * HOUR_MS).toISOString(),
    expected_multiplier: 5,
    expected_duration_hours: 30,
    ramp_hours: 2,
    decay_hours: 2,
  });
}

const lengthsOf = (runs: SpikeRun[]) => runs.map((r) => r.length);
const untyped = (lengths: number[]): SpikeRun[] => lengths.map((length) => ({ length, type: '' }));

describe('spikeRuns', () => {
  it('joins runs across gaps of up to 6 hours and leaves out the run still open at the end', () => {
    const { mask, context } = hourly(200, [
      [10, 19], // 10 h
      [40, 44],
      [51, 54], // 6 quiet hours between: one spike of 15 h (40..54)
      [80, 81],
      [89, 90], // 7 quiet hours between: two spikes of 2 h
      [190, 199], // open at the last point: its length is not known yet
    ]);
    expect(lengthsOf(spikeRuns(mask, context))).toEqual([10, 15, 2, 2]);
  });

  it('leaves out runs inside a planned event (the plan explains them)', () => {
    const launch = launchAt(100);
    const { mask, context } = hourly(
      200,
      [
        [10, 19],
        [101, 125],
      ],
      [launch],
    );
    expect(spikeRuns(mask, context)).toEqual([{ length: 10, type: '' }]);
  });
});

describe('ongoingSpikeProbability', () => {
  const lengths = untyped([10, 20, 30, 40]);

  it('is null when the last point is not in a spike', () => {
    const { mask, context } = hourly(100, [[50, 60]]);
    expect(ongoingSpikeProbability(mask, context, lengths, 24)).toBeNull();
  });

  it('is the survival of the past spikes given the age of the open one, with one fading pseudo-run', () => {
    const { mask, context } = hourly(100, [[85, 99]]); // open for 15 hours
    const p = ongoingSpikeProbability(mask, context, lengths, 48)!;
    const tau = 30; // the median length
    // three past spikes lasted at least 15 h (20, 30, 40)
    expect(p[0]).toBeCloseTo((3 + Math.exp(-1 / tau)) / 4, 12);
    expect(p[4]).toBeCloseTo((3 + Math.exp(-5 / tau)) / 4, 12); // 20 >= 15 + 5
    expect(p[5]).toBeCloseTo((2 + Math.exp(-6 / tau)) / 4, 12); // 20 < 21
    expect(p[25]).toBeCloseTo((0 + Math.exp(-26 / tau)) / 4, 12); // 40 < 41
    for (let h = 1; h < p.length; h++) expect(p[h]!).toBeLessThanOrEqual(p[h - 1]!);
  });

  it('fades at the constant rate of the prior for a spike older than every past one', () => {
    const { mask, context } = hourly(100, [[40, 99]]); // 60 hours
    const p = ongoingSpikeProbability(mask, context, lengths, 24)!;
    expect(p[0]).toBeCloseTo(Math.exp(-1 / 30), 12);
    expect(p[23]).toBeCloseTo(Math.exp(-24 / 30), 12);
  });

  it('reads the open spike against earlier spikes of its type: five hours into abuse is not five into a viral event', () => {
    const runs: SpikeRun[] = [
      ...[2, 3, 4, 5, 6].map((length) => ({ length, type: 'api_abuse' as const })),
      ...[30, 50, 70].map((length) => ({ length, type: 'viral_event' as const })),
    ];
    const { mask, context } = hourly(100, [[95, 99]]);
    const typed = (type: 'api_abuse' | 'viral_event' | 'feature_launch') => ({
      ...context,
      spikeTypes: Array.from({ length: 100 }, (_, i) => (i >= 95 ? type : ('' as const))),
    });
    const abuse = ongoingSpikeProbability(mask, typed('api_abuse'), runs, 24)!;
    const viral = ongoingSpikeProbability(mask, typed('viral_event'), runs, 24)!;
    const anyType = ongoingSpikeProbability(mask, context, runs, 24)!;
    // abuse: two earlier bursts reached 5 h, one lasted 6 h; the median burst 4 h
    expect(abuse[0]).toBeCloseTo((1 + Math.exp(-1 / 4)) / 3, 12);
    expect(abuse[1]).toBeCloseTo(Math.exp(-2 / 4) / 3, 12);
    // viral: all three lasted well past 6 h; the median 50 h
    expect(viral[0]).toBeCloseTo((3 + Math.exp(-1 / 50)) / 4, 12);
    // no type: five runs reached 5 h (5, 6, 30, 50, 70) and four went on; the median of all 8 is 6 h
    expect(anyType[0]).toBeCloseTo((4 + Math.exp(-1 / 6)) / 6, 12);
    // a type with no finished spike of its own reads every type's
    expect(ongoingSpikeProbability(mask, typed('feature_launch'), runs, 24)).toEqual(anyType);
  });

  it('is null inside a planned event', () => {
    const launch = launchAt(90);
    const { mask, context } = hourly(100, [[92, 99]], [launch]);
    expect(ongoingSpikeProbability(mask, context, lengths, 24)).toBeNull();
  });
});

describe('the spike predictor at an origin inside a spike', () => {
  it('gives the next hours at least the chance the spike lasts that long, and saves it', async () => {
    // 240 days of synthetic seed 3; the origin is 10 hours into the first viral event after day 180
    const task = syntheticSpikeTask(3, '2023-01-01', '2023-08-29');
    const from = 180 * 24;
    const start = task.eventType.findIndex((t, i) => i >= from && t === 'viral_event');
    expect(start).toBeGreaterThan(0);
    const history = truncateTask(task, start + 10);
    // the ground truth's types stand in for the detector's
    const { spikeTypes } = history;
    const options = {
      anomalies: history.anomalies,
      plannedEvents: task.plannedEvents,
      spikeTypes,
      ...SMALL_PREDICTOR_SETTINGS,
    };
    const withOngoing = await fitSpikePredictor(history.series, options);
    const without = await fitSpikePredictor(history.series, { ...options, ongoingSpikes: false });
    const p = withOngoing.predict({ horizon: 48 }).probability;
    const q = without.predict({ horizon: 48 }).probability;
    const context = {
      timestamps: history.series.timestamps,
      stepMs: history.series.stepMs,
      plannedEvents: task.plannedEvents,
      spikeTypes,
    };
    const lasting = ongoingSpikeProbability(
      history.anomalies,
      context,
      spikeRuns(history.anomalies, context),
      48,
    )!;
    for (let h = 0; h < 48; h++) expect(p[h]).toBe(Math.max(q[h]!, lasting[h]!));
    // the next hours of a viral event under way: earlier viral events of 10 h or more lasted longer
    expect(lasting[0]).toBeGreaterThan(0.8);
    expect(p[0]! - q[0]!).toBeGreaterThan(0.1);
    const loaded = await loadSpikePredictor(JSON.parse(JSON.stringify(withOngoing.toJSON())));
    expect(loaded.predict({ horizon: 48 }).probability).toEqual(p);
    // from a newer origin with its own mask and types: the same rule
    const later = truncateTask(task, start + 20);
    const laterTypes = later.spikeTypes;
    const fromLater = withOngoing.predict({
      horizon: 24,
      history: { series: later.series, anomalies: later.anomalies, spikeTypes: laterTypes },
    }).probability;
    const laterLasting = ongoingSpikeProbability(
      later.anomalies,
      { ...context, timestamps: later.series.timestamps, spikeTypes: laterTypes },
      spikeRuns(history.anomalies, context),
      24,
    );
    expect(laterLasting).not.toBeNull();
    for (let h = 0; h < 24; h++) expect(fromLater[h]).toBeGreaterThanOrEqual(laterLasting![h]!);
    // a model saved before the spikes were stored rebuilds them from its history tail
    const legacy = JSON.parse(JSON.stringify(withOngoing.toJSON()));
    delete legacy.state.spikeRuns;
    const old = await loadSpikePredictor(legacy);
    const tailFrom = history.series.values.length - (TAIL_HOURS + 1);
    const tailMask = history.anomalies.slice(tailFrom);
    const tailContext = {
      ...context,
      timestamps: history.series.timestamps.slice(tailFrom),
      spikeTypes: spikeTypes.slice(tailFrom),
    };
    const fromTail = ongoingSpikeProbability(tailMask, tailContext, spikeRuns(tailMask, tailContext), 48)!;
    const oldP = old.predict({ horizon: 48 }).probability;
    for (let h = 0; h < 48; h++) expect(oldP[h]).toBe(Math.max(q[h]!, fromTail[h]!));
    old.free();
    withOngoing.free();
    without.free();
    loaded.free();
  });
});
