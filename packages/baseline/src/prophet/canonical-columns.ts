/**
 * augurs builds Prophet's feature matrix from a hash map whose iteration order is random per
 * model instance, so the same data reaches the optimizer with its seasonality and regressor
 * columns in a different order from one fit to the next. L-BFGS then stops at a slightly
 * different point (fits are not reproducible), and saved coefficients do not line up with a
 * rebuilt model's columns. We put the columns in a canonical order (sorted by their content)
 * before optimizing and map the coefficients back, which makes fits byte-reproducible and
 * lets a saved fit be restored into any column order.
 */

/** The parts of Prophet's Stan data that are per feature column. */
export interface StanFeatureData {
  T: number;
  K: number;
  /** T rows of K feature values (augurs serialises the matrix as nested rows). */
  X: number[][];
  s_a: number[];
  s_m: number[];
  sigmas: number[];
}

const FINGERPRINT_ROWS = 64;

function columnKey(data: StanFeatureData, column: number): string {
  const rows = Math.min(data.T, FINGERPRINT_ROWS);
  const parts = [data.s_a[column], data.s_m[column], data.sigmas[column]];
  // spread the sampled rows over the whole history so similar columns still differ
  const stride = Math.max(1, Math.floor(data.T / rows));
  for (let r = 0; r < data.T && parts.length < rows + 3; r += stride) parts.push(data.X[r]?.[column]);
  return parts.join(',');
}

/** `order[j]` is the augurs column that goes to canonical position `j`. */
export function canonicalOrder(data: StanFeatureData): number[] {
  const keys = Array.from({ length: data.K }, (_, k) => columnKey(data, k));
  return keys
    .map((key, k) => ({ key, k }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.k - b.k))
    .map((e) => e.k);
}

/** The data with its feature columns in canonical order. */
export function canonicalData<D extends StanFeatureData>(data: D, order: readonly number[]): D {
  const pick = (a: number[]) => order.map((k) => a[k]!);
  return {
    ...data,
    X: data.X.map(pick),
    s_a: pick(data.s_a),
    s_m: pick(data.s_m),
    sigmas: pick(data.sigmas),
  };
}

/** Coefficients in augurs' order → canonical order. */
export function toCanonical(beta: ArrayLike<number>, order: readonly number[]): Float64Array {
  return Float64Array.from(order, (k) => beta[k]!);
}

/** Coefficients in canonical order → augurs' order. */
export function fromCanonical(beta: ArrayLike<number>, order: readonly number[]): Float64Array {
  const out = new Float64Array(order.length);
  order.forEach((k, j) => {
    out[k] = beta[j]!;
  });
  return out;
}
