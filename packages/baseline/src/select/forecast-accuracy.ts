/**
 * Point-forecast accuracy, computed locally for baseline selection (a small subset of what
 * `@cdf/eval` will offer). Points flagged in `skip` are left out of every sum.
 */

/** Symmetric MAPE in percent, the M4 definition: `200 / n * sum |F - A| / (|A| + |F|)`. */
export function smape(
  actual: ArrayLike<number>,
  forecast: ArrayLike<number>,
  skip?: ArrayLike<number>,
): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    if (skip?.[i] === 1) continue;
    const a = actual[i]!;
    const f = forecast[i]!;
    const denominator = Math.abs(a) + Math.abs(f);
    count++;
    if (denominator > 0) sum += Math.abs(f - a) / denominator;
  }
  return count === 0 ? Number.NaN : (200 * sum) / count;
}

/**
 * Mean absolute seasonal difference of the training values (the in-sample seasonal naive
 * error at lag `period`), the scale of MASE. Pairs touching a skipped point are left out.
 */
export function maseScale(train: ArrayLike<number>, period: number, skip?: ArrayLike<number>): number {
  let sum = 0;
  let count = 0;
  for (let i = period; i < train.length; i++) {
    if (skip?.[i] === 1 || skip?.[i - period] === 1) continue;
    sum += Math.abs(train[i]! - train[i - period]!);
    count++;
  }
  return count === 0 ? Number.NaN : sum / count;
}

/** Mean absolute scaled error: the forecast's mean absolute error over `scale`. */
export function mase(
  actual: ArrayLike<number>,
  forecast: ArrayLike<number>,
  scale: number,
  skip?: ArrayLike<number>,
): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    if (skip?.[i] === 1) continue;
    sum += Math.abs(forecast[i]! - actual[i]!);
    count++;
  }
  if (count === 0) return Number.NaN;
  const mae = sum / count;
  if (scale > 0) return mae / scale;
  return mae === 0 ? 0 : Number.POSITIVE_INFINITY;
}
