import { CdfError, CdfErrorCode, type Series, toIsoUtc } from '@cdf/core';

/** Points `[start, end)` of a series, as a valid series sharing no arrays with the input. */
export function sliceSeries(series: Series, start: number, end: number): Series {
  const columns: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(series.columns)) columns[name] = column.slice(start, end);
  return {
    ...series,
    timestamps: series.timestamps.slice(start, end),
    values: columns[series.target]!,
    filled: series.filled.slice(start, end),
    columns,
  };
}

/**
 * `history` followed by `next`, which must start one step after the last point of `history`
 * and carry the same columns. Throws INVALID_VALUE otherwise.
 */
export function appendSeries(history: Series, next: Series): Series {
  const last = history.timestamps[history.timestamps.length - 1]!;
  const first = next.timestamps[0];
  if (next.stepMs !== history.stepMs || first !== last + history.stepMs) {
    throw new CdfError(CdfErrorCode.InvalidValue, 'new observations must continue the fitted series', {
      column: 'timestamp',
      value: first === undefined ? 'no points' : toIsoUtc(first),
      expected: `${toIsoUtc(last + history.stepMs)} at a step of ${history.stepMs} ms`,
    });
  }
  const columns: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(history.columns)) {
    const more = next.columns[name];
    if (more === undefined) {
      throw new CdfError(CdfErrorCode.MissingColumn, `new observations lack the column "${name}"`, {
        column: name,
      });
    }
    columns[name] = concat(column, more);
  }
  const filled = new Uint8Array(history.filled.length + next.filled.length);
  filled.set(history.filled);
  filled.set(next.filled, history.filled.length);
  return {
    ...history,
    timestamps: concat(history.timestamps, next.timestamps),
    values: columns[history.target]!,
    filled,
    columns,
  };
}

function concat(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** A mask for `history` + `next` from the two optional masks (missing parts are zeros). */
export function appendMask(
  historyLength: number,
  historyMask: Uint8Array | undefined,
  nextLength: number,
  nextMask: Uint8Array | undefined,
): Uint8Array {
  const out = new Uint8Array(historyLength + nextLength);
  if (historyMask) out.set(historyMask.subarray(0, historyLength));
  if (nextMask) out.set(nextMask.subarray(0, nextLength), historyLength);
  return out;
}
