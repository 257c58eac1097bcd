import { CdfError, CdfErrorCode } from '@cdf/core';
import { formatNumber } from './number-format.ts';

/** A column for {@link formatCsv}: numbers (typed or plain arrays) or strings. */
export type CsvColumn = ArrayLike<number> | ArrayLike<string | null | undefined>;

/** Options of {@link formatCsv}. */
export interface CsvFormatOptions {
  /**
   * Decimals to round numbers to before writing: one count for every column or one per column
   * name. Default: none, every number is written exactly (shortest round-trip text).
   */
  decimals?: number | Readonly<Record<string, number>>;
  /** Field separator: `,` (default), `;`, tab or `|`. */
  delimiter?: ',' | ';' | '\t' | '|';
  /** Line ending, `\n` (default) or `\r\n`. Every line ends with it, the last one too. */
  newline?: '\n' | '\r\n';
}

/**
 * Quote a text field when a reader could misread it (RFC 4180): when it holds the delimiter, a
 * quote, a line break, or leading or trailing white space. Quotes inside are doubled.
 */
export function quoteCsvField(text: string, delimiter = ','): string {
  const needs =
    text.includes(delimiter) ||
    text.includes('"') ||
    text.includes('\n') ||
    text.includes('\r') ||
    /^\s|\s$/.test(text);
  return needs ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Write a table as CSV: a header line, then one line per row. Numbers are written exactly (they
 * read back as the same double) unless `decimals` rounds them; `NaN`, `null` and `undefined` are
 * written as empty fields (missing values); text is quoted only when it must be (see
 * {@link quoteCsvField}). In a one-column table an empty field is written `""` so that no line is
 * blank (readers skip blank lines).
 *
 * Throws `CdfError`: `SCHEMA_MISMATCH` when the header and columns disagree in count or the
 * columns in length, `INVALID_VALUE` for an infinite number (naming its row and column).
 *
 * @example
 * formatCsv(['t', 'v'], [['a', 'b,c'], [1.5, Number.NaN]]);
 * // 't,v\na,1.5\n"b,c",\n'
 */
export function formatCsv(
  header: readonly string[],
  columns: readonly CsvColumn[],
  options: CsvFormatOptions = {},
): string {
  const delimiter = options.delimiter ?? ',';
  const newline = options.newline ?? '\n';
  if (header.length !== columns.length) {
    throw new CdfError(
      CdfErrorCode.SchemaMismatch,
      `CSV header has ${header.length} names for ${columns.length} columns`,
    );
  }
  if (header.length === 0) throw new CdfError(CdfErrorCode.SchemaMismatch, 'CSV needs at least one column');
  const rows = columns[0]!.length;
  columns.forEach((column, c) => {
    if (column.length !== rows) {
      throw new CdfError(
        CdfErrorCode.SchemaMismatch,
        `column has ${column.length} values, expected ${rows}`,
        {
          column: header[c],
        },
      );
    }
  });
  const decimals = header.map((name) =>
    typeof options.decimals === 'number' ? options.decimals : options.decimals?.[name],
  );
  const emptyField = columns.length === 1 ? '""' : '';

  const lines: string[] = new Array(rows + 1);
  lines[0] = header.map((name) => quoteCsvField(name, delimiter) || emptyField).join(delimiter);
  const fields: string[] = new Array(columns.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns.length; c++) {
      const value = columns[c]![r];
      if (typeof value === 'number') {
        if (Number.isNaN(value)) fields[c] = emptyField;
        else if (!Number.isFinite(value)) {
          throw new CdfError(CdfErrorCode.InvalidValue, 'cannot write an infinite number to CSV', {
            row: r + 1,
            column: header[c],
            value: String(value),
            expected: 'a finite number or NaN (written empty)',
          });
        } else fields[c] = formatNumber(value, decimals[c]);
      } else if (value === null || value === undefined || value === '') fields[c] = emptyField;
      else fields[c] = quoteCsvField(value, delimiter);
    }
    lines[r + 1] = fields.join(delimiter);
  }
  return lines.join(newline) + newline;
}
