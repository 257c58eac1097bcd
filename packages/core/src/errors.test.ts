import { describe, expect, it } from 'vitest';
import { CdfError, CdfErrorCode, InsufficientHistoryError, NotFittedError, SchemaError } from './errors.ts';

describe('CdfError', () => {
  it('renders one line with file, row, column, value and expectation', () => {
    const error = new CdfError(CdfErrorCode.InvalidValue, 'not a number', {
      file: 'metrics.csv',
      row: 12,
      column: 'compute_tflops',
      value: 'abc',
      expected: 'a finite number',
    });
    expect(error.toLine()).toBe(
      'metrics.csv: row 12, column "compute_tflops": not a number (got "abc"; expected a finite number)',
    );
    expect(error.toLine()).not.toContain('\n');
  });

  it('leaves out the parts it does not know', () => {
    expect(new CdfError(CdfErrorCode.FileNotFound, 'file not found', { file: 'x.csv' }).toLine()).toBe(
      'x.csv: file not found',
    );
    expect(new CdfError(CdfErrorCode.InvalidConfig, 'bad').toLine()).toBe('bad');
  });

  it('truncates long values so the line stays readable', () => {
    const line = new CdfError(CdfErrorCode.InvalidValue, 'bad', { value: 'x'.repeat(500) }).toLine();
    expect(line.length).toBeLessThan(100);
  });

  it('is recognised across copies of the package by its symbol marker', () => {
    const foreign = Object.assign(new Error('x'), { [Symbol.for('cdf.error')]: true });
    expect(CdfError.isInstance(foreign)).toBe(true);
    expect(CdfError.isInstance(new Error('x'))).toBe(false);
    expect(CdfError.isInstance(null)).toBe(false);
  });

  it('subclasses carry their codes and fields', () => {
    const short = new InsufficientHistoryError('prophet', 336, 100, { unit: 'hourly points' });
    expect(short.code).toBe('INSUFFICIENT_HISTORY');
    expect(short.message).toBe('prophet needs at least 336 hourly points of history, got 100');
    expect(CdfError.isInstance(short)).toBe(true);
    expect(new NotFittedError('predict before fit').code).toBe('NOT_FITTED');
    const schema = new SchemaError('invalid config', { issues: ['a: b'] });
    expect(schema.code).toBe('SCHEMA_MISMATCH');
    expect(schema.issues).toEqual(['a: b']);
  });

  it('keeps the cause', () => {
    const cause = new Error('inner');
    expect(new CdfError(CdfErrorCode.ModelFailed, 'outer', { cause }).cause).toBe(cause);
  });
});
