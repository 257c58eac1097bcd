import { HOUR_MS, type MetricsTable, MINUTE_MS, SeriesSchema } from '@cdf/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareSeries } from './prepare-series.ts';

const T0 = Date.UTC(2024, 2, 1);
const STEPS = [MINUTE_MS, 5 * MINUTE_MS, 15 * MINUTE_MS, HOUR_MS, 24 * HOUR_MS];

/** Rows on a grid of `step` from `start`, the target an integer pattern, a count column. */
function gridTable(start: number, step: number, positions: number[], seed: number): MetricsTable {
  return {
    timestamps: Float64Array.from(positions, (p) => start + p * step),
    columns: {
      compute_tflops: Float64Array.from(positions, (p) => ((p * 7919 + seed) % 1000) / 4),
      request_count: Float64Array.from(positions, (p) => (p * 31 + seed) % 50),
    },
  };
}

function permute(table: MetricsTable, order: number[]): MetricsTable {
  const pick = (a: Float64Array) => Float64Array.from(order, (i) => a[i]!);
  return {
    timestamps: pick(table.timestamps),
    columns: Object.fromEntries(Object.entries(table.columns).map(([k, v]) => [k, pick(v)])),
  };
}

/** A sorted set of grid positions that always keeps the first and the last, and their count. */
const gappyGrid = fc
  .record({
    length: fc.integer({ min: 3, max: 400 }),
    rate: fc.integer({ min: 20, max: 100 }),
    draws: fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 400, maxLength: 400 }),
  })
  .map(({ length, rate, draws }) => {
    const positions: number[] = [];
    for (let p = 0; p < length; p++) if (p === 0 || p === length - 1 || draws[p]! < rate) positions.push(p);
    return { length, positions };
  })
  // inferStep's documented rule: the step must be a spacing the data shows in >= 10% of spacings
  // (or the most common one). Grids too sparse to show it are irregular by design.
  .filter(({ positions }) => {
    let single = 0;
    for (let i = 1; i < positions.length; i++) if (positions[i]! - positions[i - 1]! === 1) single++;
    return single >= 0.1 * (positions.length - 1);
  });

describe('prepareSeries properties', () => {
  it('shuffling the rows never changes the prepared series', () => {
    fc.assert(
      fc.property(
        gappyGrid,
        fc.constantFrom(...STEPS),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        ({ positions }, step, seed, shuffleSeed) => {
          const table = gridTable(T0, step, positions, seed);
          const order = fc.sample(
            fc.shuffledSubarray([...positions.keys()], { minLength: positions.length }),
            {
              seed: shuffleSeed,
              numRuns: 1,
            },
          )[0]!;
          const sorted = prepareSeries(table).series[0]!;
          const shuffled = prepareSeries(permute(table, order)).series[0]!;
          expect(shuffled.timestamps).toEqual(sorted.timestamps);
          expect(shuffled.values).toEqual(sorted.values);
          expect(shuffled.filled).toEqual(sorted.filled);
          expect(shuffled.columns).toEqual(sorted.columns);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('infers the grid step and fills exactly the removed points', () => {
    fc.assert(
      fc.property(
        gappyGrid,
        fc.constantFrom(...STEPS),
        fc.integer({ min: -1000, max: 1000 }),
        (grid, step, shift) => {
          // pseudo-random values can look like a dropout (0.75 among 200s): this is about gaps
          const table = gridTable(T0 + shift * step, step, grid.positions, 3);
          const { series, summary } = prepareSeries(table, { dropouts: 'keep' });
          const s = series[0]!;
          expect(SeriesSchema.safeParse(s).success).toBe(true);
          expect(s.stepMs).toBe(step);
          expect(s.timestamps.length).toBe(grid.length);
          const filled = s.filled.reduce((a, b) => a + b, 0);
          expect(filled).toBe(grid.length - grid.positions.length);
          expect(summary.gaps.pointsFilled).toBe(filled);
          for (let i = 0; i < grid.positions.length; i++) {
            expect(s.filled[grid.positions[i]!]).toBe(0);
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('resampling conserves the total of sum columns and accounts for every row', () => {
    fc.assert(
      fc.property(
        gappyGrid,
        fc.constantFrom(2, 3, 4, 12),
        fc.integer({ min: 0, max: 500 }),
        ({ positions }, factor, seed) => {
          const step = 5 * MINUTE_MS;
          const table = gridTable(T0 + 35 * MINUTE_MS, step, positions, seed);
          const { series, summary } = prepareSeries(table, { resample: factor * step });
          const s = series[0]!;
          const counts = s.columns.request_count!;
          let resampledTotal = 0;
          for (let i = 0; i < counts.length; i++) if (s.filled[i] === 0) resampledTotal += counts[i]!;
          const rawTotal = table.columns.request_count!.reduce((a, b) => a + b, 0);
          expect(resampledTotal).toBe(rawTotal);
          expect(s.stepMs).toBe(factor * step);
          expect(s.timestamps[0]! % (factor * step)).toBe(0);
          expect(summary.rowsUsed + summary.rowsMergedByResample + summary.duplicatesMerged).toBe(
            summary.rowsRead,
          );
        },
      ),
      { numRuns: 80 },
    );
  });
});
