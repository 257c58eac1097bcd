import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableArgsort } from './stable-argsort.ts';

function reference(keys: Float64Array): number[] {
  return [...keys.keys()].sort((a, b) => keys[a]! - keys[b]! || a - b);
}

describe('stableArgsort', () => {
  it('sorts and keeps ties in input order', () => {
    const keys = Float64Array.from([30, 10, 20, 10, 30, 0]);
    expect([...stableArgsort(keys)]).toEqual([5, 1, 3, 2, 0, 4]);
  });

  it('returns the identity for sorted input', () => {
    expect([...stableArgsort(Float64Array.from([1, 2, 2, 5]))]).toEqual([0, 1, 2, 3]);
  });

  it('radix-sorts epoch-millisecond ranges over 2^32 (three passes)', () => {
    const base = Date.UTC(2020, 0, 1);
    const keys = Float64Array.from([base + 2 ** 40, base, base + 2 ** 33 + 5, base + 7, base + 2 ** 33 + 5]);
    expect([...stableArgsort(keys)]).toEqual([1, 3, 2, 4, 0]);
  });

  it('sorts grids of whole hours, minutes and seconds, and mixed ones', () => {
    const base = Date.UTC(2024, 0, 1);
    for (const unit of [3_600_000, 60_000, 1000, 7]) {
      const keys = Float64Array.from([5, 1, 70_000, 3, 1, 2 ** 20], (k) => base + k * unit);
      expect([...stableArgsort(keys)], String(unit)).toEqual(reference(keys));
    }
    const mixed = Float64Array.from([base + 3_600_000, base + 60_000, base + 1000, base + 1, base]);
    expect([...stableArgsort(mixed)]).toEqual([4, 3, 2, 1, 0]);
  });

  it('falls back to a comparator for fractional keys', () => {
    expect([...stableArgsort(Float64Array.from([0.5, -1.25, 0.5, 0.25]))]).toEqual([1, 3, 0, 2]);
  });

  it('agrees with a stable comparator sort on any integer keys', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 ** 45 }), { maxLength: 300 }),
        fc.integer({ min: 0, max: 2 ** 40 }),
        (offsets, base) => {
          const keys = Float64Array.from(offsets, (o) => base + (o % 97 === 0 ? o : o % 5000));
          expect([...stableArgsort(keys)]).toEqual(reference(keys));
        },
      ),
    );
  });
});
