import { CdfError, CdfErrorCode, InsufficientHistoryError } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { ExitCode, exitCodeFor, exitCodesHelp } from './exit-codes.ts';
import { UsageError } from './usage-error.ts';

describe('exitCodeFor', () => {
  it('gives each error family its documented code', () => {
    expect(exitCodeFor(new UsageError('--tz: bad'))).toBe(2);
    expect(exitCodeFor(new CdfError(CdfErrorCode.FileNotFound, 'no such file'))).toBe(3);
    expect(exitCodeFor(new CdfError(CdfErrorCode.MissingColumn, 'no column'))).toBe(3);
    expect(exitCodeFor(new CdfError(CdfErrorCode.InvalidValue, 'not a number'))).toBe(3);
    expect(exitCodeFor(new InsufficientHistoryError('prophet', 336, 10))).toBe(4);
    expect(exitCodeFor(new CdfError(CdfErrorCode.InvalidConfig, 'bad config'))).toBe(5);
    expect(exitCodeFor(new CdfError(CdfErrorCode.ModelFailed, 'diverged'))).toBe(6);
    expect(exitCodeFor(new CdfError(CdfErrorCode.WriteFailed, 'cannot write'))).toBe(7);
    expect(exitCodeFor(new CdfError(CdfErrorCode.Aborted, 'stopped'))).toBe(130);
  });

  it('maps every CdfErrorCode to a family, never to the internal-error code', () => {
    for (const code of Object.values(CdfErrorCode)) {
      expect(exitCodeFor(new CdfError(code, 'x')), code).not.toBe(ExitCode.Internal);
    }
  });

  it('treats anything that is not a cdf or usage error as internal (1)', () => {
    expect(exitCodeFor(new TypeError('x is undefined'))).toBe(1);
    expect(exitCodeFor('a string')).toBe(1);
    expect(exitCodeFor(undefined)).toBe(1);
  });
});

describe('exitCodesHelp', () => {
  it('lists every exit code once', () => {
    const help = exitCodesHelp();
    for (const code of Object.values(ExitCode)) {
      expect(help.match(new RegExp(`^  ${code} `, 'gm')), String(code)).toHaveLength(1);
    }
  });
});
