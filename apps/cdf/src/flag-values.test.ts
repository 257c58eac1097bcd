import { describe, expect, it } from 'vitest';
import { parseChoice, parseInstant, parseName, parseSeed, parseStep, parseTimeZone } from './flag-values.ts';
import { UsageError } from './usage-error.ts';

function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(UsageError.isInstance(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('parseTimeZone', () => {
  it('accepts IANA zones, trimmed', () => {
    expect(parseTimeZone('--tz', 'UTC')).toBe('UTC');
    expect(parseTimeZone('--tz', ' Europe/Berlin ')).toBe('Europe/Berlin');
    expect(parseTimeZone('--tz', 'America/Los_Angeles')).toBe('America/Los_Angeles');
  });
  it('names the flag and the value for an unknown zone', () => {
    expect(usageMessage(() => parseTimeZone('--tz', 'Mars/Olympus'))).toBe(
      '--tz: unknown time zone "Mars/Olympus" (expected an IANA name such as UTC or Europe/Berlin)',
    );
    expect(usageMessage(() => parseTimeZone('--tz', ''))).toMatch(/^--tz: empty time zone/);
  });
});

describe('parseStep', () => {
  it('reads durations in ms', () => {
    expect(parseStep('--step', '1h')).toBe(3_600_000);
    expect(parseStep('--step', '5min')).toBe(300_000);
    expect(parseStep('--step', '1d')).toBe(86_400_000);
  });
  it('refuses what is not a positive duration', () => {
    for (const bad of ['', 'hourly', '0h', '-1h', '1 fortnight']) {
      expect(usageMessage(() => parseStep('--resample', bad))).toBe(
        `--resample: "${bad}" is not a duration (expected e.g. 30s, 5min, 1h, 1d)`,
      );
    }
  });
});

describe('parseSeed', () => {
  it('reads non-negative integers below 2^32', () => {
    expect(parseSeed('--seed', '0')).toBe(0);
    expect(parseSeed('--seed', '42')).toBe(42);
    expect(parseSeed('--seed', '4294967295')).toBe(4294967295);
  });
  it('refuses negatives, fractions, words and overflow', () => {
    for (const bad of ['-1', '1.5', 'abc', '4294967296', '']) {
      expect(usageMessage(() => parseSeed('--seed', bad))).toMatch(/^--seed: ".*" is not a seed/);
    }
  });
});

describe('parseInstant', () => {
  it('reads Z, offsets and bare dates as UTC', () => {
    expect(parseInstant('--start', '2024-01-01T00:00:00Z')).toBe(Date.UTC(2024, 0, 1));
    expect(parseInstant('--start', '2024-01-01T02:00:00+02:00')).toBe(Date.UTC(2024, 0, 1));
    expect(parseInstant('--start', '2024-01-01')).toBe(Date.UTC(2024, 0, 1));
    expect(parseInstant('--start', '2024-03-05T10:30:00.250Z')).toBe(Date.UTC(2024, 2, 5, 10, 30, 0, 250));
  });
  it('refuses a date-time without a zone (it would depend on the machine) and garbage', () => {
    for (const bad of ['2024-01-01T00:00:00', 'yesterday', '2024-13-45', '']) {
      expect(usageMessage(() => parseInstant('--end', bad))).toMatch(/^--end: ".*" is not an instant/);
    }
  });
});

describe('parseChoice and parseName', () => {
  it('matches choices case-insensitively and lists them when wrong', () => {
    expect(parseChoice('--format', 'CSV', ['csv', 'json'] as const)).toBe('csv');
    expect(usageMessage(() => parseChoice('--format', 'xls', ['csv', 'json'] as const))).toBe(
      '--format: "xls" is not one of csv, json',
    );
  });
  it('trims names and refuses empty ones', () => {
    expect(parseName('--target', ' gpu_hours ')).toBe('gpu_hours');
    expect(usageMessage(() => parseName('--target', '  '))).toBe('--target: empty value');
  });
});
