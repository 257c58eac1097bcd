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
  return radixArgsort(keys, min, max - min, perm);
}

function radixArgsort(keys: Float64Array, min: number, range: number, perm: Uint32Array): Uint32Array {
  const n = keys.length;
  const low = new Uint32Array(n);
  const high = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const offset = keys[i]! - min;
    low[i] = offset >>> 0;
    high[i] = Math.floor(offset / 2 ** 32);
  }
  const passes = range < 2 ** 16 ? 1 : range < 2 ** 32 ? 2 : 3;
  let source: Uint32Array = perm;
  let target: Uint32Array = new Uint32Array(n);
  const count = new Uint32Array(RADIX);
  for (let pass = 0; pass < passes; pass++) {
    const words = pass < 2 ? low : high;
    const shift = pass === 1 ? 16 : 0;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(words[source[i]!]! >>> shift) & 0xffff]!++;
    let total = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = count[d]!;
      count[d] = total;
      total += c;
    }
    for (let i = 0; i < n; i++) {
      const row = source[i]!;
      target[count[(words[row]! >>> shift) & 0xffff]!++] = row;
    }
    const swap = source;
    source = target;
    target = swap;
  }
  return source;
}
