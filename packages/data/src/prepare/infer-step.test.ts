import { CdfError, HOUR_MS, MINUTE_MS } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { inferStep } from './infer-step.ts';

const T0 = Date.UTC(2024, 0, 1, 10);
const at = (...minutes: number[]) => Float64Array.from(minutes, (m) => T0 + m * MINUTE_MS);

function caught(fn: () => unknown): CdfError {
  try {
    fn();
  } catch (error) {
    if (CdfError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a CdfError');
}

describe('inferStep', () => {
  it('finds the step of regular data', () => {
    expect(inferStep(at(0, 5, 10, 15, 20))).toBe(5 * MINUTE_MS);
  });

  it('accepts gaps: missing hours leave the step at 1h', () => {
    expect(inferStep(at(0, 60, 120, 300, 360, 420, 900))).toBe(HOUR_MS);
  });

  it('keeps 1h when most spacings are 2h but 1h spacings occur (>= 10%)', () => {
    const minutes = [0, 60, 120, 180];
    for (let m = 300; m < 300 + 120 * 20; m += 120) minutes.push(m);
    expect(inferStep(at(...minutes))).toBe(HOUR_MS);
  });

  it('ignores duplicate timestamps', () => {
    expect(inferStep(at(0, 0, 60, 120, 120))).toBe(HOUR_MS);
  });

  it('rejects a row off the grid, naming it and suggesting --resample', () => {
    const error = caught(() =>
      inferStep(at(0, 60, 97, 120, 180), {
        source: 'm.csv',
        timeCol: 'timestamp',
        rowOf: (k) => k + 2,
      }),
    );
    expect(error.code).toBe('IRREGULAR_STEP');
    expect(error.location.row).toBe(4);
    expect(error.toLine()).toBe(
      'm.csv: row 4, column "timestamp": timestamp 2024-01-01T11:37:00.000Z is off the 1h grid of the other rows ' +
        '(most common spacing); pass --resample 1h (or another step) to regularise',
    );
  });

  it('reads a short series with tied spacings on the grid holding most rows', () => {
    const error = caught(() => inferStep(at(0, 60, 97, 120), { source: 'm.csv' }));
    expect(error.location.row).toBe(3);
    expect(error.toLine()).toBe(
      'm.csv: row 3: timestamp 2024-01-01T11:37:00.000Z is off the 1h grid of the other rows ' +
        '(most common spacing); pass --resample 1h (or another step) to regularise',
    );
  });

  it('names the first row when it is the one off the grid', () => {
    const error = caught(() => inferStep(at(-23, 0, 60, 120, 180)));
    expect(error.location.row).toBe(1);
  });

  it('needs two distinct timestamps', () => {
    const error = caught(() => inferStep(at(0, 0), { source: 'one.csv' }));
    expect(error.code).toBe('INSUFFICIENT_HISTORY');
    expect(error.toLine()).toBe(
      'one.csv: cannot infer the step from 1 distinct timestamp: need at least 2 distinct timestamps',
    );
  });

  it('rejects sub-millisecond spacings', () => {
    expect(caught(() => inferStep(Float64Array.from([0, 0.5, 1]))).code).toBe('IRREGULAR_STEP');
  });
});
