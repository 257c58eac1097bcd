import { CdfError } from '@cdf/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordReader } from './csv-records.ts';

/** Records of `text` fed in chunks cut at `cuts` (as [record index, fields]). */
function records(text: string, cuts: number[] = []): [number, string[]][] {
  const out: [number, string[]][] = [];
  const reader = new CsvRecordReader((fields, count, record) => {
    out.push([record, Array.from({ length: count }, (_, i) => fields.value(i))]);
  }, 'f.csv');
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    reader.push(text.slice(from, cut));
    from = cut;
  }
  reader.push(text.slice(from));
  reader.end();
  return out;
}

/** RFC 4180 writer for the round trip: quote a field when it holds a quote, comma, CR or LF. */
function formatField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

describe('CsvRecordReader', () => {
  it('reads quoted fields, "" escapes, commas and line breaks inside quotes', () => {
    const text = 'a,b,c\n"x, y","say ""hi""","line1\nline2"\n1,,3\n';
    expect(records(text)).toEqual([
      [0, ['a', 'b', 'c']],
      [1, ['x, y', 'say "hi"', 'line1\nline2']],
      [2, ['1', '', '3']],
    ]);
  });

  it('accepts CRLF, a missing final line break, blank lines (counted), and empty quoted fields', () => {
    expect(records('a,b\r\n1,2\r\n\r\n"",4')).toEqual([
      [0, ['a', 'b']],
      [1, ['1', '2']],
      [2, []],
      [3, ['', '4']],
    ]);
    expect(records('a,b\n\n\n1,2\n')).toEqual([
      [0, ['a', 'b']],
      [1, []],
      [2, []],
      [3, ['1', '2']],
    ]);
    expect(records('a,b\r')).toEqual([[0, ['a', 'b']]]);
    expect(records('a,\n')).toEqual([[0, ['a', '']]]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(records('5 "inch",2\n')).toEqual([[0, ['5 "inch"', '2']]]);
  });

  it('gives the same records whatever the chunking (every cut of a tricky text)', () => {
    const text = 'h1,h2\r\n"a""b","c\r\nd"\r\n,\r\n"",""""\r\nlast,"x"';
    const whole = records(text);
    for (let cut = 0; cut <= text.length; cut++) expect(records(text, [cut])).toEqual(whole);
  });

  it('rejects a quote never closed and text after a closing quote, naming the record', () => {
    const unclosed = (() => {
      try {
        records('a,b\n1,"open\n2,3\n');
      } catch (e) {
        return e as CdfError;
      }
    })();
    expect(unclosed?.code).toBe('INVALID_VALUE');
    expect(unclosed?.toLine()).toBe(
      'f.csv: row 1: malformed CSV: quoted field is never closed (got ""open\n2,3\n"; expected a closing double quote)',
    );
    expect(() => records('a,b\n"x"y,2\n')).toThrow('malformed CSV: text after a closing quote');
  });

  it('refuses to carry over a record longer than the limit (a quote never closed)', () => {
    const reader = new CsvRecordReader(() => {}, 'f.csv', 100);
    reader.push('a,b\n1,"never closed');
    let error: unknown;
    try {
      for (let i = 0; i < 20; i++) reader.push(',and on and on\n');
    } catch (e) {
      error = e;
    }
    expect(CdfError.isInstance(error) && error.toLine()).toBe(
      'f.csv: row 1: malformed CSV: a record longer than 100 characters (a quote never closed?) (got "1,"never closed,and on and on\n,and on an"; expected records of a reasonable length; check the quoting)',
    );
  });

  it('round-trips arbitrary fields through an RFC 4180 writer, in arbitrary chunks (property)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r', 'é', '1', '.') });
    const table = fc
      .integer({ min: 1, max: 5 })
      .chain((width) =>
        fc.array(fc.array(field, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }),
      );
    fc.assert(
      fc.property(
        table,
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.boolean(),
        fc.boolean(),
        (rows, cuts, crlf, tail) => {
          // A lone empty field would write a blank line, which is no record: quote it.
          const lines = rows.map((row) =>
            row.length === 1 && row[0] === '' ? '""' : row.map(formatField).join(','),
          );
          const text = lines.join(crlf ? '\r\n' : '\n') + (tail ? '\n' : '');
          const got = records(
            text,
            cuts.map((c) => c % (text.length + 1)),
          );
          expect(got.map(([, fields]) => fields)).toEqual(rows);
          expect(got.map(([record]) => record)).toEqual(rows.map((_, i) => i));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('throws nothing but CdfErrors on garbage (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ') }), (text) => {
        try {
          records(text, [Math.floor(text.length / 2)]);
        } catch (error) {
          expect(CdfError.isInstance(error)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
