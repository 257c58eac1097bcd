import { describe, expect, it } from 'vitest';
import { UsageError } from '../usage-error.ts';
import { demoEnd, yearsBefore } from './demo.ts';

describe('demo span', () => {
  it('ends at the current hour, truncated, without --end', () => {
    expect(demoEnd(Date.UTC(2025, 5, 1, 13, 47, 12, 500), undefined)).toBe(Date.UTC(2025, 5, 1, 13));
    expect(demoEnd(Date.UTC(2025, 5, 1, 13), undefined)).toBe(Date.UTC(2025, 5, 1, 13));
  });

  it('ends at --end when given, whatever the clock says', () => {
    expect(demoEnd(Date.UTC(2030, 0, 1), '2025-01-01')).toBe(Date.UTC(2025, 0, 1));
    expect(() => demoEnd(0, 'tomorrow')).toThrow(UsageError);
  });

  it('starts the same calendar instant two years earlier (731 days across a 29 February)', () => {
    expect(yearsBefore(Date.UTC(2025, 5, 1, 13), 2)).toBe(Date.UTC(2023, 5, 1, 13));
    expect((Date.UTC(2025, 0, 1) - yearsBefore(Date.UTC(2025, 0, 1), 2)) / 86_400_000).toBe(731);
    expect((Date.UTC(2027, 0, 1) - yearsBefore(Date.UTC(2027, 0, 1), 2)) / 86_400_000).toBe(730);
    // 29 February has no twin two years on: JavaScript rolls it to 1 March.
    expect(yearsBefore(Date.UTC(2024, 1, 29), 2)).toBe(Date.UTC(2022, 2, 1));
  });
});
