import { describe, expect, it } from 'vitest';
import { higherIsBetter, lowerIsBetter, peerTable, ratio } from './peer-table.ts';

describe('peer comparison cells', () => {
  it('gives the ratio cdf / peer, and a dash when the peer time is unusable', () => {
    expect(ratio(50, 200)).toBe('0.25x');
    expect(ratio(300, 100)).toBe('3.00x');
    expect(ratio(1, 0)).toBe('—');
    expect(ratio(Number.NaN, 1)).toBe('—');
  });

  it('says whether cdf is better, with a 1% tie band', () => {
    expect(lowerIsBetter(10, 12)).toBe('yes');
    expect(lowerIsBetter(12, 10)).toBe('no');
    expect(lowerIsBetter(10, 10.05)).toBe('tie');
    expect(higherIsBetter(0.95, 0.9)).toBe('yes');
    expect(higherIsBetter(0.9, 0.95)).toBe('no');
  });

  it('builds a table with times formatted, ratios for times only, and a verdict per row', () => {
    const table = peerTable('t', 'peer 1.0', [
      { metric: 'fit', cdf: 1500, peer: 3000, better: 'lower', unit: 'ms' },
      { metric: 'AUC', cdf: 0.8, peer: 0.9, better: 'higher', unit: 'metric' },
    ]);
    expect(table.columns).toEqual(['metric', 'cdf', 'peer 1.0', 'cdf / peer', 'cdf better?']);
    expect(table.rows).toEqual([
      ['fit', '1.50 s', '3.00 s', '0.50x', 'yes'],
      ['AUC', 0.8, 0.9, '', 'no'],
    ]);
  });
});
