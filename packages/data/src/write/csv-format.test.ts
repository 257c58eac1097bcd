import { CdfError } from '@cdf/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv, quoteCsvField } from './csv-format.ts';
import { parseCsvReference } from './csv-reference-parser.test-helper.ts';

describe('formatCsv', () => {
  it('writes a header, rows, exact numbers and quotes only what needs it', () => {
    const csv = formatCsv(
      ['name', 'value', 'note'],
      [
        ['a', 'b,c', 'say "hi"'],
        [1.5, 0.1 + 0.2, -0],
        ['', ' padded', 'two\nlines'],
      ],
    );
    expect(csv).toBe(
      'name,value,note\n' +
        'a,1.5,\n' +
        '"b,c",0.30000000000000004," padded"\n' +
        '"say ""hi""",0,"two\nlines"\n',
    );
  });

  it('rounds to the asked decimals, per column or for all, without trailing zeros', () => {
    const columns = [new Float64Array([1.23456, 2, 0.1 + 0.2]), [1.98765, 1e-9, 12345.678]];
    expect(formatCsv(['a', 'b'], columns, { decimals: { a: 2 } })).toBe(
      'a,b\n1.23,1.98765\n2,1e-9\n0.3,12345.678\n',
    );
    expect(formatCsv(['a', 'b'], columns, { decimals: 1 })).toBe('a,b\n1.2,2\n2,0\n0.3,12345.7\n');
  });

  it('writes NaN and missing text as empty fields, and "" when a one-column line would be blank', () => {
    expect(
      formatCsv(
        ['x', 'y'],
        [
          [Number.NaN, 1],
          ['a', null],
        ],
      ),
    ).toBe('x,y\n,a\n1,\n');
    expect(formatCsv(['x'], [[Number.NaN, 2]])).toBe('x\n""\n2\n');
  });

  it('supports other delimiters and CRLF', () => {
    expect(
      formatCsv(
        ['a', 'b'],
        [
          ['x;y', 'z'],
          [1, 2],
        ],
        { delimiter: ';', newline: '\r\n' },
      ),
    ).toBe('a;b\r\n"x;y";1\r\nz;2\r\n');
  });

  it('throws CdfErrors for mismatched columns and infinite numbers', () => {
    const fail = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        if (CdfError.isInstance(error))
          return `${error.code} ${error.location.row ?? ''} ${error.location.column ?? ''}`;
        throw error;
      }
      return 'no error';
    };
    expect(fail(() => formatCsv(['a'], [[1], [2]]))).toBe('SCHEMA_MISMATCH  ');
    expect(fail(() => formatCsv(['a', 'b'], [[1, 2], [3]]))).toBe('SCHEMA_MISMATCH  b');
    expect(
      fail(() =>
        formatCsv(
          ['a', 'b'],
          [
            [1, 2],
            [3, Number.POSITIVE_INFINITY],
          ],
        ),
      ),
    ).toBe('INVALID_VALUE 2 b');
  });

  it('reads back, field for field, to the same values (property)', () => {
    const numberColumn = fc.array(fc.double({ noDefaultInfinity: true }), { minLength: 0, maxLength: 20 });
    const textValue = fc.oneof(
      fc.string(),
      fc.constantFrom('', ' ', ',', '"', '\n', '\r', 'x\r', 'a\rb', '\r\n', '""', 'a,b', ' x', 'x '),
      fc.string({ unit: 'grapheme' }),
    );
    const table = fc
      .tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 5 }))
      .chain(([rows, cols]) =>
        fc.tuple(
          fc.array(fc.string({ minLength: 1 }), { minLength: cols, maxLength: cols }),
          fc.array(
            fc.oneof(
              numberColumn.map((xs) => ({ kind: 'number' as const, values: xs.slice(0, rows) })),
              fc
                .array(textValue, { minLength: rows, maxLength: rows })
                .map((xs) => ({ kind: 'text' as const, values: xs })),
            ),
            { minLength: cols, maxLength: cols },
          ),
          fc.constantFrom<',' | ';' | '\t' | '|'>(',', ';', '\t', '|'),
          fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
        ),
      )
      .map(([header, columns, delimiter, newline]) => {
        const rows = Math.min(...columns.map((c) => c.values.length));
        return {
          header,
          columns: columns.map((c) => ({ ...c, values: c.values.slice(0, rows) })),
          delimiter,
          newline,
          rows,
        };
      });

    fc.assert(
      fc.property(table, ({ header, columns, delimiter, newline, rows }) => {
        const csv = formatCsv(
          header,
          columns.map((c) => c.values as ArrayLike<number> | ArrayLike<string>),
          { delimiter, newline },
        );
        const parsed = parseCsvReference(csv, delimiter);
        expect(parsed.length).toBe(rows + 1);
        expect(parsed[0]).toEqual(header);
        for (let r = 0; r < rows; r++) {
          const line = parsed[r + 1]!;
          expect(line.length).toBe(columns.length);
          columns.forEach((column, c) => {
            const field = line[c]!;
            if (column.kind === 'number') {
              const value = column.values[r] as number;
              if (Number.isNaN(value)) expect(field).toBe('');
              else expect(Number(field)).toBe(value === 0 ? 0 : value); // -0 is written 0
            } else {
              expect(field).toBe(column.values[r]);
            }
          });
        }
      }),
      { numRuns: 300, seed: 20_240_601 },
    );
  });
});

describe('quoteCsvField', () => {
  it('quotes delimiters, quotes, line breaks and edge spaces only', () => {
    expect(quoteCsvField('plain')).toBe('plain');
    expect(quoteCsvField('in side')).toBe('in side');
    expect(quoteCsvField('a\tb', '\t')).toBe('"a\tb"');
    expect(quoteCsvField('a\rb')).toBe('"a\rb"');
    expect(quoteCsvField('tail ')).toBe('"tail "');
  });
});
