import { describe, expect, it } from 'vitest';
import { coldWarmCells } from './stats.ts';

describe('coldWarmCells', () => {
  it('splits the first run off as cold and summarises the rest', () => {
    expect(coldWarmCells([900, 300, 100, 200])).toEqual([
      '900.0 ms',
      '200.0 ms',
      '100.0 ms',
      '300.0 ms',
      '4',
    ]);
  });

  it('shows dashes when there was only the cold run', () => {
    expect(coldWarmCells([1500])).toEqual(['1.50 s', '—', '—', '—', '1']);
  });
});
