import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, formatInstant, formatQuantity, plural } from './human-format.ts';

describe('human formatting', () => {
  it('formats instants as ISO UTC without zero milliseconds', () => {
    expect(formatInstant(Date.UTC(2025, 0, 1))).toBe('2025-01-01T00:00:00Z');
    expect(formatInstant(Date.UTC(2025, 0, 1, 0, 0, 0, 5))).toBe('2025-01-01T00:00:00.005Z');
  });
  it('formats counts and quantities with separators, fixed locale', () => {
    expect(formatCount(17520)).toBe('17,520');
    expect(formatQuantity(1234.5678)).toBe('1,234.57');
    expect(formatQuantity(12, 1)).toBe('12');
  });
  it('formats durations in the largest fitting unit', () => {
    expect(formatDuration(730 * 86_400_000)).toBe('730 days');
    expect(formatDuration(36 * 3_600_000)).toBe('36 hours');
    expect(formatDuration(3_600_000)).toBe('1h');
    expect(formatDuration(45 * 60_000)).toBe('45min');
  });
  it('pluralises', () => {
    expect(plural(1, 'point')).toBe('1 point');
    expect(plural(1200, 'point')).toBe('1,200 points');
    expect(plural(2, 'series', 'series')).toBe('2 series');
  });
});
