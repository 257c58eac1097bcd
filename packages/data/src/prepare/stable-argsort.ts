const RADIX = 1 << 16;
const MAX_RADIX_RANGE = 2 ** 48;

/**
 * The permutation that sorts `keys` ascending, ties kept in input order (stable): `keys[perm[0]]`
 * is the smallest. Integer keys spanning less than 2^48 (every epoch-millisecond timestamp
 * range of a real table) use an LSD radix sort, 16 bits a pass, linear in the number of rows;
 * other keys fall back to a comparator sort. Already-sorted input costs one scan.
 */
export function stableArgsort(keys: Float64Array): Uint32Array {
  const n = keys.length;
  const perm = new Uint32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  let sorted = true;
  let integral = true;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    if (i > 0 && key < keys[i - 1]!) sorted = false;
    if (!Number.isInteger(key)) integral = false;
    if (key < min) min = key;
    if (key > max) max = key;
  }
  if (sorted) return perm;
  if (!integral || max - min >= MAX_RADIX_RANGE) {
    return perm.sort((a, b) => keys[a]! - keys[b]! || a - b);
  }
  const unit = commonUnit(keys, min);
  return radixArgsort(keys, min, unit, (max - min) / unit, perm);
}

/** Timestamps on a grid of whole hours, minutes or seconds sort in fewer radix passes in that unit. */
const UNITS = [3_600_000, 60_000, 1000];

/** The largest of {@link UNITS} dividing every `key - min`, else 1. */
function commonUnit(keys: Float64Array, min: number): number {
  for (const unit of UNITS) {
    let divides = true;
    for (let i = 0; i < keys.length && divides; i++) divides = Number.isInteger((keys[i]! - min) / unit);
    if (divides) return unit;
  }
  return 1;
}

/**
 * LSD radix sort of `perm` by the offsets `(keys - min) / unit`, 16 bits a pass. The digits travel with
 * the permutation (scattered alongside it), so each pass reads its input sequentially.
 */
function radixArgsort(
  keys: Float64Array,
  min: number,
  unit: number,
  range: number,
  perm: Uint32Array,
): Uint32Array {
  const n = keys.length;
  let low: Uint32Array = new Uint32Array(n);
  let high: Uint32Array = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const offset = (keys[i]! - min) / unit;
    low[i] = offset >>> 0;
    high[i] = Math.floor(offset / 2 ** 32);
  }
  const passes = range < 2 ** 16 ? 1 : range < 2 ** 32 ? 2 : 3;
  let source: Uint32Array = perm;
  let target: Uint32Array = new Uint32Array(n);
  let lowTarget: Uint32Array = new Uint32Array(n);
  let highTarget: Uint32Array | null = passes === 3 ? new Uint32Array(n) : null;
  const count = new Uint32Array(RADIX);
  for (let pass = 0; pass < passes; pass++) {
    const words = pass < 2 ? low : high;
    const shift = pass === 1 ? 16 : 0;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(words[i]! >>> shift) & 0xffff]!++;
    let total = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = count[d]!;
      count[d] = total;
      total += c;
    }
    const last = pass === passes - 1;
    for (let i = 0; i < n; i++) {
      const slot = count[(words[i]! >>> shift) & 0xffff]!++;
      target[slot] = source[i]!;
      if (last) continue;
      lowTarget[slot] = low[i]!;
      if (highTarget) highTarget[slot] = high[i]!;
    }
    [source, target] = [target, source];
    if (!last) {
      [low, lowTarget] = [lowTarget, low];
      if (highTarget) [high, highTarget] = [highTarget, high];
    }
  }
  return source;
}
