import { describe, expect, it } from 'vitest';
import { aggregateGroups } from './aggregate-groups.ts';

const N = Number.NaN;

describe('aggregateGroups', () => {
  const values = Float64Array.from([4, N, 1, 7, N, N, 2]);
  const group = Uint32Array.from([0, 0, 0, 1, 2, 2, 3]);

  it('applies each rule per group, ignoring missing cells; all-missing groups stay NaN', () => {
    expect([...aggregateGroups(values, null, group, 5, 'sum')]).toEqual([5, 7, N, 2, N]);
    expect([...aggregateGroups(values, null, group, 5, 'mean')]).toEqual([2.5, 7, N, 2, N]);
    expect([...aggregateGroups(values, null, group, 5, 'max')]).toEqual([4, 7, N, 2, N]);
    expect([...aggregateGroups(values, null, group, 5, 'min')]).toEqual([1, 7, N, 2, N]);
    expect([...aggregateGroups(values, null, group, 5, 'last')]).toEqual([1, 7, N, 2, N]);
  });

  it('reads the values through an order permutation', () => {
    const order = Uint32Array.from([6, 5, 4, 3, 2, 1, 0]); // reversed: group 0 gets 2, N, N
    expect([...aggregateGroups(values, order, group, 4, 'last')]).toEqual([2, 7, 1, 4]);
  });
});
