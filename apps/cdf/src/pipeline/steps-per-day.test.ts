import { describe, expect, it } from 'vitest';
import { stepsPerDay } from './steps-per-day.ts';

describe('stepsPerDay', () => {
  it('counts the steps of a day, at least one', () => {
    expect(stepsPerDay(3_600_000)).toBe(24);
    expect(stepsPerDay(300_000)).toBe(288);
    expect(stepsPerDay(7 * 86_400_000)).toBe(1);
  });
});
