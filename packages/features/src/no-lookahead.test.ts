import { HOUR_MS, MINUTE_MS, type PlannedEvent, type Series } from '@cdf/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarFeatures } from './calendar-features.ts';
import { computeFeatures } from './compute-features.ts';
import { FUTURE_FEATURE_NAMES } from './design-rows.ts';
import { buildDirectMatrix } from './direct-matrix.ts';
import type { FeatureMatrix } from './feature-matrix.ts';
import type { FeatureOptions } from './feature-options.ts';
import { plannedEventFeatures } from './planned-event-features.ts';

// The DESIGN.md promise: changing any value after the origin changes no feature of that origin.
// Random series (hourly or 5-minute, with filled points, pressure columns, an anomaly mask and a
// capacity per point, in zones with DST), random origins, random perturbations after the origin.

/** Deterministic generator (mulberry32) so a fast-check seed fixes every random value. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  series: Series;
  options: FeatureOptions & { capacity: Float64Array; anomalies: Uint8Array };
}

function randomCase(seed: number, n: number, stepMs: number, timeZone: string): Case {
  const r = rng(seed);
  const start = Date.UTC(2024, 2, 1) + Math.floor(r() * 300) * HOUR_MS; // spans the March DST change
  const timestamps = new Float64Array(n);
  const values = new Float64Array(n);
  const filled = new Uint8Array(n);
  const queue = new Float64Array(n);
  const latency = new Float64Array(n);
  const capacity = new Float64Array(n);
  const anomalies = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    timestamps[i] = start + i * stepMs;
    values[i] = r() < 0.05 ? 0 : 50 + 100 * r();
    filled[i] = r() < 0.1 ? 1 : 0;
    queue[i] = r() < 0.05 ? Number.NaN : 20 * r();
    latency[i] = 100 + 400 * r();
    capacity[i] = 100 + 200 * r();
    anomalies[i] = r() < 0.08 ? 1 : 0;
  }
  const series: Series = {
    id: 'prop',
    target: 'compute_tflops',
    stepMs,
    timestamps,
    values,
    filled,
    columns: { compute_tflops: values, queue_depth: queue, p95_latency_ms: latency },
    timeZone,
  };
  return { series, options: { capacity, anomalies } };
}

/** A copy of the case with everything after `origin` (in the chosen parts) changed. */
function perturbAfter(
  c: Case,
  origin: number,
  seed: number,
  parts: readonly string[],
  everyPoint: boolean,
): Case {
  const r = rng(seed);
  const values = c.series.values.slice();
  const filled = c.series.filled.slice();
  const queue = c.series.columns.queue_depth!.slice();
  const latency = c.series.columns.p95_latency_ms!.slice();
  const capacity = c.options.capacity.slice();
  const anomalies = c.options.anomalies.slice();
  const n = values.length;
  for (let j = origin + 1; j < n; j++) {
    if (!everyPoint && r() < 0.5) continue;
    if (parts.includes('target')) values[j] = r() < 0.1 ? 0 : 1e4 * r();
    if (parts.includes('filled')) filled[j] = 1 - filled[j]!;
    if (parts.includes('columns')) {
      queue[j] = r() < 0.2 ? Number.NaN : 1e3 * r();
      latency[j] = 1e4 * r();
    }
    if (parts.includes('capacity')) capacity[j] = r() < 0.1 ? 0 : 1e3 * r();
    if (parts.includes('anomalies')) anomalies[j] = 1 - anomalies[j]!;
  }
  return {
    series: {
      ...c.series,
      values,
      filled,
      columns: { compute_tflops: values, queue_depth: queue, p95_latency_ms: latency },
    },
    options: { ...c.options, capacity, anomalies },
  };
}

/** Row `row` of the named columns, compared bit for bit (Object.is: NaN equals NaN, -0 differs from 0). */
function expectSameRow(
  a: FeatureMatrix,
  rowA: number,
  b: FeatureMatrix,
  rowB: number,
  names: readonly string[],
): void {
  for (const name of names) {
    const x = a.columns[a.names.indexOf(name)]![rowA]!;
    const y = b.columns[b.names.indexOf(name)]![rowB]!;
    if (!Object.is(x, y)) expect.fail(`feature ${name} changed at origin ${a.origins[rowA]}: ${x} -> ${y}`);
  }
}

const PARTS = ['target', 'filled', 'columns', 'capacity', 'anomalies'] as const;
const caseArb = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  n: fc.integer({ min: 2, max: 420 }),
  stepMs: fc.constantFrom(HOUR_MS, 5 * MINUTE_MS, 30 * MINUTE_MS),
  timeZone: fc.constantFrom('UTC', 'America/New_York', 'Australia/Adelaide'),
  originFraction: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  perturbSeed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  parts: fc.subarray([...PARTS], { minLength: 1 }),
  everyPoint: fc.boolean(),
});

describe('no look-ahead', () => {
  it('perturbing anything after origin t changes no per-origin feature of t (bit for bit)', () => {
    fc.assert(
      fc.property(caseArb, (p) => {
        const base = randomCase(p.seed, p.n, p.stepMs, p.timeZone);
        const origin = Math.floor(p.originFraction * (p.n - 1)); // t < n - 1: something comes after
        const changed = perturbAfter(base, origin, p.perturbSeed, p.parts, p.everyPoint);
        const a = computeFeatures(base.series, base.options);
        const b = computeFeatures(changed.series, changed.options);
        expect(b.names).toEqual(a.names);
        expectSameRow(a, origin, b, origin, a.names);
        // and every earlier origin too
        for (let t = 0; t < origin; t += Math.max(1, origin >> 3)) expectSameRow(a, t, b, t, a.names);
      }),
      { numRuns: 250, seed: 7 },
    );
  });

  it('in the direct matrix, rows of origin t keep every origin-time feature when anything after t changes', () => {
    fc.assert(
      fc.property(caseArb, (p) => {
        const base = randomCase(p.seed, p.n, p.stepMs, p.timeZone);
        const origin = Math.floor(p.originFraction * (p.n - 1));
        const changed = perturbAfter(base, origin, p.perturbSeed, p.parts, p.everyPoint);
        const opts = { horizons: [1, 2, 5, 24], maxRows: 1e6 };
        const a = buildDirectMatrix(base.series, { ...base.options, ...opts }).matrix;
        const b = buildDirectMatrix(changed.series, { ...changed.options, ...opts }).matrix;
        const originNames = a.names.filter((name) => !FUTURE_FEATURE_NAMES.includes(name));
        expect(originNames.length).toBe(a.names.length - FUTURE_FEATURE_NAMES.length);
        let rows = 0;
        for (let r = 0; r < a.rows; r++) {
          if (a.origins[r] !== origin) continue;
          expect(b.origins[r]).toBe(origin);
          expectSameRow(a, r, b, r, originNames);
          rows++;
        }
        expect(rows).toBe([1, 2, 5, 24].filter((h) => origin + h < p.n).length);
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('the features of t + h use only the clock and the planned events', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 3 }), (p, eventCount) => {
        const base = randomCase(p.seed, p.n, p.stepMs, p.timeZone);
        const r = rng(p.seed ^ 0x5bd1e995);
        const plannedEvents: PlannedEvent[] = Array.from({ length: eventCount }, (_, k) => ({
          name: `launch ${k}`,
          start: base.series.timestamps[0]! + Math.floor(r() * p.n) * p.stepMs,
          expected_multiplier: 1 + 5 * r(),
          expected_duration_hours: 1 + Math.floor(48 * r()),
        }));
        // change every value, mask and column everywhere, before the origin included
        const changed = perturbAfter(base, -1, p.perturbSeed, PARTS, true);
        const opts = { horizons: [1, 3, 12], plannedEvents, maxRows: 1e6 };
        const a = buildDirectMatrix(base.series, { ...base.options, ...opts });
        const b = buildDirectMatrix(changed.series, { ...changed.options, ...opts });
        expect(a.matrix.rows).toBe(b.matrix.rows);
        // what they must equal: calendar and planned-event features computed from t + h alone
        const calendar = calendarFeatures(a.targetTime, p.timeZone);
        const events = plannedEventFeatures(a.targetTime, plannedEvents, 720);
        const expected = [...calendar.columns, ...events];
        for (const [k, name] of FUTURE_FEATURE_NAMES.entries()) {
          const colA = a.matrix.columns[a.matrix.names.indexOf(name)]!;
          const colB = b.matrix.columns[b.matrix.names.indexOf(name)]!;
          for (let row = 0; row < a.matrix.rows; row++) {
            if (!Object.is(colA[row], colB[row]))
              expect.fail(`${name} of t + h depends on the series (row ${row})`);
            const want =
              name === 'horizon_hours' ? (a.horizon[row]! * p.stepMs) / HOUR_MS : expected[k]![row]!;
            if (!Object.is(colA[row], want)) expect.fail(`${name} row ${row}: ${colA[row]} != ${want}`);
          }
        }
      }),
      { numRuns: 120, seed: 13 },
    );
  });
});
