/**
 * Small deterministic training sets for the tests (no files): features drawn uniform in [0, 1)
 * from a Park-Miller generator, a known target function on top.
 */

/** A seeded uniform generator in [0, 1). */
export function uniform(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => {
    s = (s * 16807) % 2147483647;
    return (s - 1) / 2147483646;
  };
}

/** `cols` feature columns of `rows` uniform values. */
export function uniformColumns(rows: number, cols: number, seed: number): Float64Array[] {
  const next = uniform(seed);
  const columns = Array.from({ length: cols }, () => new Float64Array(rows));
  for (let r = 0; r < rows; r++) for (const column of columns) column[r] = next();
  return columns;
}

/** y = sin(2π x0) + 2 x1² + 0.5 x2 + small noise: smooth, non-linear, three informative columns. */
export function regressionTarget(columns: Float64Array[], noiseSeed: number): Float64Array {
  const next = uniform(noiseSeed);
  const rows = columns[0]!.length;
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const x0 = columns[0]![r]!;
    const x1 = columns[1]![r]!;
    const x2 = columns[2]![r]!;
    y[r] = Math.sin(2 * Math.PI * x0) + 2 * x1 * x1 + 0.5 * x2 + 0.05 * (next() - 0.5);
  }
  return y;
}

/** Label 1 with probability sigmoid(40 (x0 + x1 - 1)): a soft diagonal boundary. */
export function binaryTarget(
  columns: Float64Array[],
  seed: number,
): { label: Float64Array; p: Float64Array } {
  const next = uniform(seed);
  const rows = columns[0]!.length;
  const label = new Float64Array(rows);
  const p = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    p[r] = 1 / (1 + Math.exp(-40 * (columns[0]![r]! + columns[1]![r]! - 1)));
    label[r] = next() < p[r]! ? 1 : 0;
  }
  return { label, p };
}

/** Coefficient of determination of `predicted` against `actual`. */
export function rSquared(actual: Float64Array, predicted: Float64Array): number {
  let mean = 0;
  for (const v of actual) mean += v;
  mean /= actual.length;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < actual.length; i++) {
    ssRes += (actual[i]! - predicted[i]!) ** 2;
    ssTot += (actual[i]! - mean) ** 2;
  }
  return 1 - ssRes / ssTot;
}
