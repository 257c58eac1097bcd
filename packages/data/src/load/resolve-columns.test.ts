import { CdfError } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { resolveTimeColumn } from './resolve-columns.ts';

describe('resolveTimeColumn', () => {
  it('takes the first default name present, exact case first', () => {
    expect(resolveTimeColumn('f.csv', ['value', 'date', 'time'], {})).toBe('time');
    expect(resolveTimeColumn('f.csv', ['TIMESTAMP', 'timestamp'], {})).toBe('timestamp');
  });

  it('finds a default name in another case (the Azure LLM traces write TIMESTAMP)', () => {
    const names = ['TIMESTAMP', 'ContextTokens', 'GeneratedTokens'];
    expect(resolveTimeColumn('AzureLLMInferenceTrace_code.csv', names, {})).toBe('TIMESTAMP');
    expect(resolveTimeColumn('f.csv', ['Value', 'Date', 'Time'], {})).toBe('Time');
  });

  it('matches a named column exactly, and names the file and the columns found when absent', () => {
    expect(resolveTimeColumn('f.csv', ['TS', 'v'], { timeCol: 'TS' })).toBe('TS');
    expect(() => resolveTimeColumn('f.csv', ['TIMESTAMP', 'v'], { timeCol: 'timestamp' })).toThrow(
      'no time column "timestamp" (columns found: TIMESTAMP, v)',
    );
    const error = (() => {
      try {
        resolveTimeColumn('f.csv', ['when', 'v'], {});
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CdfError);
    expect((error as CdfError).code).toBe('MISSING_COLUMN');
  });
});
