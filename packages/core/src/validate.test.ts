import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CdfErrorCode } from './errors.ts';
import { formatStep, parseDuration } from './time.ts';
import { safeValidate, validate } from './validate.ts';

const Schema = z.object({ gpu: z.string(), tflops: z.number().positive() });

describe('validate / safeValidate', () => {
  it('returns the parsed value', () => {
    expect(validate(Schema, { gpu: 'h100', tflops: 989 })).toEqual({ gpu: 'h100', tflops: 989 });
    expect(safeValidate(Schema, { gpu: 'h100', tflops: 989 })).toEqual({
      success: true,
      value: { gpu: 'h100', tflops: 989 },
    });
  });

  it('names the path of the first problem and counts the rest', () => {
    const result = safeValidate(
      Schema,
      { gpu: 1, tflops: -1 },
      { what: 'GPU profile', file: 'cdf.config.json', code: CdfErrorCode.InvalidConfig },
    );
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.code).toBe('INVALID_CONFIG');
    expect(result.error.toLine()).toMatch(/^cdf\.config\.json: invalid GPU profile: gpu: .* \(and 1 more\)$/);
    expect(result.error.issues).toHaveLength(2);
    expect(() => validate(Schema, {})).toThrow(/invalid value/);
  });
});

describe('durations', () => {
  it('parses and formats steps', () => {
    expect(parseDuration('1h')).toBe(3_600_000);
    expect(parseDuration('5min')).toBe(300_000);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('2d')).toBe(172_800_000);
    expect(parseDuration('1w')).toBe(604_800_000);
    expect(parseDuration('0h')).toBeUndefined();
    expect(parseDuration('an hour')).toBeUndefined();
    expect(formatStep(3_600_000)).toBe('1h');
    expect(formatStep(300_000)).toBe('5min');
    expect(formatStep(86_400_000)).toBe('1d');
  });
});
