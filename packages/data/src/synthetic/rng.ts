/**
 * A small seeded pseudo-random generator: xoshiro128** (Blackman and Vigna) seeded through
 * splitmix32, with Box-Muller normal draws. Same seed, same sequence, on every platform: the
 * arithmetic is 32-bit integer (`Math.imul`, `>>> 0`), never `Math.random`.
 */

/** A seeded source of random numbers. Every method advances the one underlying sequence. */
export interface Rng {
  /** The seed this generator was created from (an unsigned 32-bit integer). */
  readonly seed: number;
  /** A uniform number in [0, 1), with 32 bits of resolution. */
  next(): number;
  /** A uniform number in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** A uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number;
  /** A standard normal draw (mean 0, standard deviation 1), by Box-Muller. */
  normal(): number;
  /** A uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A new array with the items in a uniformly random order (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /**
   * An independent generator for a named purpose. It depends only on this generator's seed and
   * the label, never on how many numbers were drawn, so adding draws to one stream cannot shift
   * another.
   */
  fork(label: string): Rng;
}

const TWO_POW_32 = 4_294_967_296;

/** splitmix32: a good mixer to spread a 32-bit seed over the generator's 128-bit state. */
function splitmix32(state: { value: number }): number {
  state.value = (state.value + 0x9e3779b9) >>> 0;
  let z = state.value;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a hash of a label, mixed with a seed: derives the seed of a forked stream. */
function deriveSeed(seed: number, label: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return splitmix32({ value: hash >>> 0 });
}

/**
 * Create a seeded generator. `seed` is any safe integer (taken modulo 2^32); the same seed gives
 * the same numbers everywhere.
 *
 * @example
 * const rng = createRng(42);
 * rng.next(); // 0 <= x < 1, the same on every run
 * rng.fork('noise').normal(); // an independent stream for noise
 */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed))
    throw new RangeError(`createRng: seed must be a safe integer, got ${seed}`);
  const seed32 = Number(BigInt.asUintN(32, BigInt(seed)));
  const mix = { value: seed32 };
  let s0 = splitmix32(mix);
  let s1 = splitmix32(mix);
  let s2 = splitmix32(mix);
  let s3 = splitmix32(mix);
  // xoshiro must not start from the all-zero state.
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  let spareNormal: number | undefined;

  const nextUint32 = (): number => {
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };

  const rng: Rng = {
    seed: seed32,
    next: () => nextUint32() / TWO_POW_32,
    uniform: (lo, hi) => lo + (hi - lo) * rng.next(),
    int: (lo, hi) => {
      if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi < lo) {
        throw new RangeError(`Rng.int: need integers lo <= hi, got ${lo}, ${hi}`);
      }
      return lo + Math.floor(rng.next() * (hi - lo + 1));
    },
    normal: () => {
      if (spareNormal !== undefined) {
        const value = spareNormal;
        spareNormal = undefined;
        return value;
      }
      // 1 - u lies in (0, 1], so the logarithm is finite.
      const radius = Math.sqrt(-2 * Math.log(1 - rng.next()));
      const angle = 2 * Math.PI * rng.next();
      spareNormal = radius * Math.sin(angle);
      return radius * Math.cos(angle);
    },
    pick: (items) => {
      if (items.length === 0) throw new RangeError('Rng.pick: empty array');
      return items[Math.floor(rng.next() * items.length)]!;
    },
    shuffle: (items) => {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(rng.next() * (i + 1));
        const tmp = out[i]!;
        out[i] = out[j]!;
        out[j] = tmp;
      }
      return out;
    },
    fork: (label) => createRng(deriveSeed(seed32, label)),
  };
  return rng;
}
