import { CdfError, CdfErrorCode } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../test/capture-io.ts';
import { reportError } from './report-error.ts';
import { UsageError } from './usage-error.ts';

const quiet = { debug: false, json: false };

describe('reportError', () => {
  it('prints a cdf error as one line with its location and returns its family code', () => {
    const { io, stdout, stderr } = captureIo();
    const error = new CdfError(CdfErrorCode.InvalidValue, 'not a number', {
      file: 'm.csv',
      row: 3,
      column: 'compute_tflops',
      value: 'abc',
      expected: 'a number',
    });
    expect(reportError(error, io, quiet)).toBe(3);
    expect(stderr()).toBe(
      'cdf: m.csv: row 3, column "compute_tflops": not a number (got "abc"; expected a number)\n',
    );
    expect(stdout()).toBe('');
  });

  it('prints a usage error as its message, exit 2', () => {
    const { io, stderr } = captureIo();
    expect(reportError(new UsageError('--seed: "x" is not a seed'), io, quiet)).toBe(2);
    expect(stderr()).toBe('cdf: --seed: "x" is not a seed\n');
  });

  it('calls anything else an internal error, without a stack, exit 1', () => {
    const { io, stderr } = captureIo();
    expect(reportError(new TypeError('boom\n  at somewhere'), io, quiet)).toBe(1);
    expect(stderr()).toBe('cdf: internal error: boom at somewhere (run with --debug for the stack)\n');
  });

  it('adds the stack and causes with --debug', () => {
    const { io, stderr } = captureIo();
    const error = new CdfError(CdfErrorCode.ModelFailed, 'fit failed', {
      cause: new RangeError('singular matrix'),
    });
    expect(reportError(error, io, { debug: true, json: false })).toBe(6);
    const lines = stderr().split('\n');
    expect(lines[0]).toBe('cdf: fit failed');
    expect(lines[1]).toBe('CdfError: fit failed');
    expect(stderr()).toContain('Caused by: RangeError: singular matrix');
    expect(stderr()).toMatch(/\n\s+at /);
  });

  it('also writes a JSON error document on stdout with --json', () => {
    const { io, stdout, stderr } = captureIo();
    reportError(new CdfError(CdfErrorCode.FileNotFound, 'file not found', { file: 'x.csv' }), io, {
      debug: false,
      json: true,
    });
    expect(stderr()).toBe('cdf: x.csv: file not found\n');
    expect(JSON.parse(stdout())).toEqual({
      error: {
        code: 'FILE_NOT_FOUND',
        exitCode: 3,
        message: 'file not found',
        location: { file: 'x.csv' },
        line: 'x.csv: file not found',
      },
    });
  });
});
