import { CdfError, CdfErrorCode } from '@cdf/core';

/**
 * Which horizons (in steps after the origin) get a design-matrix row: a list, or a grid
 * `{ max, stride }` = 1, stride, 2*stride, ... up to max, max included. A grid is the
 * "horizon bucket" form: with `h` itself a feature, a model trained on the grid serves the
 * horizons in between, at a fraction of the rows.
 */
export type HorizonSpec = readonly number[] | { readonly max: number; readonly stride?: number };

/**
 * Which origins get rows: `'all'` points, or every `stride`-th point counted back from the
 * latest origin that has a target (so the most recent history is always in). A stride that
 * divides 24 h puts every origin at the same hour of day; prefer one that does not (5, 7, 11).
 */
export type OriginSpec = 'all' | { readonly stride: number };

/** The horizons of `spec`, ascending and unique. Throws a CdfError (INVALID_CONFIG) on bad input. */
export function resolveHorizons(spec: HorizonSpec): Int32Array {
  let list: number[];
  if (Array.isArray(spec)) list = [...(spec as readonly number[])];
  else {
    const { max, stride = 1 } = spec as { max: number; stride?: number };
    positiveInteger('horizons.max', max);
    positiveInteger('horizons.stride', stride);
    list = [1, max];
    for (let h = stride; h < max; h += stride) list.push(h);
  }
  if (list.length === 0) {
    throw new CdfError(CdfErrorCode.InvalidConfig, 'no horizons given', {
      column: 'horizons',
      expected: 'at least one horizon in steps',
    });
  }
  for (const h of list) positiveInteger('horizons', h);
  return Int32Array.from(new Set(list)).sort();
}

/**
 * Origin indices of a series of `n` points for `spec`, ascending: only origins `t` with
 * `t + minHorizon <= n - 1`, so each has at least one target inside the series.
 */
export function resolveOrigins(n: number, spec: OriginSpec, minHorizon: number): Int32Array {
  const stride = spec === 'all' ? 1 : spec.stride;
  positiveInteger('origins.stride', stride);
  const latest = n - 1 - minHorizon;
  if (latest < 0) return new Int32Array(0);
  const count = Math.floor(latest / stride) + 1;
  const out = new Int32Array(count);
  for (let k = 0; k < count; k++) out[count - 1 - k] = latest - k * stride;
  return out;
}

function positiveInteger(field: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new CdfError(CdfErrorCode.InvalidConfig, `${field} must be a positive whole number of steps`, {
      column: field,
      value: String(value),
      expected: 'an integer >= 1',
    });
  }
}
