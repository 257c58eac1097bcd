import { CdfError } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { formatJson } from './json-format.ts';

describe('formatJson', () => {
  it('indents, ends with a newline and turns typed arrays into arrays', () => {
    expect(formatJson({ a: new Float64Array([1, 2.5]), b: 'x' })).toBe(
      '{\n  "a": [\n    1,\n    2.5\n  ],\n  "b": "x"\n}\n',
    );
  });

  it('refuses non-finite numbers, naming where they are', () => {
    for (const [value, path] of [
      [{ events: [{ magnitude: 1 }, { magnitude: Number.NaN }] }, 'events[1].magnitude'],
      [{ series: new Float64Array([1, Number.POSITIVE_INFINITY]) }, 'series[1]'],
      [Number.NEGATIVE_INFINITY, '(root)'],
    ] as const) {
      try {
        formatJson(value);
        expect.unreachable();
      } catch (error) {
        expect(CdfError.isInstance(error)).toBe(true);
        expect((error as CdfError).code).toBe('INVALID_VALUE');
        expect((error as CdfError).location.column).toBe(path);
      }
    }
  });
});
