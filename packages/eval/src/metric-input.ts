import { CdfError, CdfErrorCode } from '@cdf/core';

/** A numeric column as metrics accept it: a typed array or a plain array. */
export type NumericArray = Float64Array | readonly number[];

/** A boolean column as the classification metrics accept it: booleans, or 0/1 bytes. */
export type BooleanArray = readonly boolean[] | Uint8Array;

/**
 * Check that every named column is non-empty, finite and as long as the first one, so a metric
 * never averages NaN or misaligned arrays into a plausible-looking number.
 * Throws `CdfError` (`EMPTY_INPUT` or `INVALID_VALUE`) naming the column and the 1-based row.
 */
export function checkAlignedFinite(metric: string, columns: Record<string, NumericArray>): number {
  const names = Object.keys(columns);
  const first = names[0];
  if (first === undefined) throw new CdfError(CdfErrorCode.EmptyInput, `${metric}: no input columns`);
  const n = columns[first]!.length;
  if (n === 0) {
    throw new CdfError(CdfErrorCode.EmptyInput, `${metric}: "${first}" is empty`, {
      column: first,
      expected: 'at least one value',
    });
  }
  for (const name of names) {
    const column = columns[name]!;
    if (column.length !== n) {
      throw new CdfError(CdfErrorCode.InvalidValue, `${metric}: "${name}" has ${column.length} values`, {
        column: name,
        value: String(column.length),
        expected: `${n} values, as many as "${first}"`,
      });
    }
    for (let i = 0; i < n; i++) {
      const v = column[i]!;
      if (!Number.isFinite(v)) {
        throw new CdfError(CdfErrorCode.InvalidValue, `${metric}: "${name}" is not finite`, {
          column: name,
          row: i + 1,
          value: String(v),
          expected: 'a finite number',
        });
      }
    }
  }
  return n;
}

/** Check that two boolean columns are non-empty and aligned; returns their length. */
export function checkAlignedBooleans(metric: string, actual: BooleanArray, predicted: BooleanArray): number {
  if (actual.length === 0) {
    throw new CdfError(CdfErrorCode.EmptyInput, `${metric}: "actual" is empty`, {
      column: 'actual',
      expected: 'at least one value',
    });
  }
  if (predicted.length !== actual.length) {
    throw new CdfError(CdfErrorCode.InvalidValue, `${metric}: "predicted" has ${predicted.length} values`, {
      column: 'predicted',
      value: String(predicted.length),
      expected: `${actual.length} values, as many as "actual"`,
    });
  }
  return actual.length;
}

/** Throw `INVALID_CONFIG` unless `value` lies in the open interval (0, 1). */
export function checkProbabilityLevel(metric: string, name: string, value: number): void {
  if (!(value > 0 && value < 1)) {
    throw new CdfError(CdfErrorCode.InvalidConfig, `${metric}: ${name} must lie strictly between 0 and 1`, {
      column: name,
      value: String(value),
      expected: 'a number in (0, 1)',
    });
  }
}

/** Throw `INVALID_CONFIG` unless `value` is a positive integer (a seasonal period, a bin count). */
export function checkPositiveInteger(metric: string, name: string, value: number): void {
  if (!(Number.isInteger(value) && value > 0)) {
    throw new CdfError(CdfErrorCode.InvalidConfig, `${metric}: ${name} must be a positive integer`, {
      column: name,
      value: String(value),
      expected: 'an integer >= 1',
    });
  }
}
