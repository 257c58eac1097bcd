import { CdfError, CdfErrorCode } from '@cdf/core';

/**
 * The fields of one CSV record, as ranges of the text they were read from, so that numbers and
 * timestamps can be parsed in place without cutting a string per cell. Reused between records:
 * copy what you keep.
 */
export class CsvFields {
  /** The text the ranges refer to. */
  text = '';
  /** Field i spans `text[start[i], end[i])` (inside the quotes for a quoted field)... */
  readonly start: number[] = [];
  /** ...up to here, exclusive. */
  readonly end: number[] = [];
  /** ...unless the field had `""` escapes: then its value is here. */
  readonly unescaped: (string | undefined)[] = [];

  /** The value of field `i` as a string. */
  value(i: number): string {
    return this.unescaped[i] ?? this.text.slice(this.start[i], this.end[i]);
  }
}

/**
 * Called once per CSV record with its fields (`0..count`) and its 0-based record index (the
 * header is record 0). A blank line is a record with `count` 0, so that indexes stay in step
 * with lines.
 */
export type CsvRecordHandler = (fields: CsvFields, count: number, record: number) => void;

/**
 * The longest record the tokenizer carries over between chunks: 16 Mi characters. Past it, a
 * quote that is never closed (or a file without line breaks) fails fast instead of growing one
 * string through the whole file and rescanning it at every chunk.
 */
export const MAX_CSV_RECORD_CHARS = 16 * 1024 * 1024;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * A streaming RFC 4180 CSV tokenizer: feed it text chunks of any size with `push`, then `end`.
 * Handles quoted fields with `""` escapes, commas and line breaks inside quotes, LF or CRLF
 * line ends, and a last line with or without a line break. A quote inside an unquoted field is
 * kept as text. Malformed quoting (text after a closing quote, a quote never closed) is a
 * CdfError INVALID_VALUE naming the record as the row. Only the unfinished tail of a chunk is
 * carried over to the next one.
 */
export class CsvRecordReader {
  private readonly onRecord: CsvRecordHandler;
  private readonly file: string | undefined;
  private readonly fields = new CsvFields();
  private readonly maxRecordChars: number;
  private pending = '';
  private record = 0;

  /**
   * `file` is only used in error messages. A record longer than `maxRecordChars` (default
   * {@link MAX_CSV_RECORD_CHARS}) is an error rather than a tail carried over forever.
   */
  constructor(onRecord: CsvRecordHandler, file?: string, maxRecordChars = MAX_CSV_RECORD_CHARS) {
    this.onRecord = onRecord;
    this.file = file;
    this.maxRecordChars = maxRecordChars;
  }

  /** Feeds the next chunk of text. */
  push(chunk: string): void {
    const text = this.pending.length === 0 ? chunk : this.pending + chunk;
    const consumed = this.parse(text, false);
    this.pending = consumed === text.length ? '' : text.slice(consumed);
    if (this.pending.length > this.maxRecordChars) {
      throw this.error(
        `a record longer than ${this.maxRecordChars} characters (a quote never closed?)`,
        this.pending.slice(0, 40),
        'records of a reasonable length; check the quoting',
      );
    }
  }

  /** Ends the input: the carried-over tail, if any, is the last record. */
  end(): void {
    if (this.pending.length > 0) this.parse(this.pending, true);
    this.pending = '';
  }

  /** Parses the complete records of `text`; returns where the unfinished tail starts. */
  private parse(text: string, final: boolean): number {
    const fields = this.fields;
    fields.text = text;
    const starts = fields.start;
    const ends = fields.end;
    const unescaped = fields.unescaped;
    const length = text.length;
    let pos = 0;
    // Records before the next quote need no quote handling: split them with native indexOf.
    // Next quote and next comma at or after pos (length when none), searched again only once
    // passed, so that lines without commas cost no rescans.
    let nextQuote = -1;
    let nextComma = -1;
    while (pos < length) {
      const recordStart = pos;
      let count = 0;
      if (nextQuote < pos) {
        nextQuote = text.indexOf('"', pos);
        if (nextQuote === -1) nextQuote = length;
      }
      const lineEnd = text.indexOf('\n', pos);
      if (lineEnd > pos && lineEnd < nextQuote && !(lineEnd === pos + 1 && text.charCodeAt(pos) === CR)) {
        let fieldStart = pos;
        if (nextComma < pos) {
          nextComma = text.indexOf(',', pos);
          if (nextComma === -1) nextComma = length;
        }
        while (nextComma < lineEnd) {
          starts[count] = fieldStart;
          ends[count] = nextComma;
          unescaped[count++] = undefined;
          fieldStart = nextComma + 1;
          nextComma = text.indexOf(',', fieldStart);
          if (nextComma === -1) nextComma = length;
        }
        starts[count] = fieldStart;
        ends[count] = lineEnd > fieldStart && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
        unescaped[count++] = undefined;
        pos = lineEnd + 1;
        this.onRecord(fields, count, this.record++);
        continue;
      }
      let c = text.charCodeAt(pos);
      if (c === LF || (c === CR && text.charCodeAt(pos + 1) === LF)) {
        pos += c === LF ? 1 : 2;
        this.onRecord(fields, 0, this.record++);
        continue;
      }
      if (c === CR && pos + 1 === length && !final) return recordStart;
      for (;;) {
        // One field starting at pos.
        if (pos < length && text.charCodeAt(pos) === QUOTE) {
          let value: string | undefined;
          let from = pos + 1;
          let close = -1;
          for (;;) {
            const q = text.indexOf('"', from);
            if (q === -1) break;
            if (text.charCodeAt(q + 1) === QUOTE) {
              value = (value ?? '') + text.slice(from, q + 1);
              from = q + 2;
              continue;
            }
            if (q + 1 === length && !final) break; // a "" escape may straddle chunks
            close = q;
            break;
          }
          if (close === -1) {
            if (!final) return recordStart;
            throw this.error(
              'quoted field is never closed',
              text.slice(pos, pos + 40),
              'a closing double quote',
            );
          }
          starts[count] = pos + 1;
          ends[count] = close;
          unescaped[count] = value === undefined ? undefined : value + text.slice(from, close);
          count++;
          pos = close + 1;
          if (pos >= length) {
            if (!final) return recordStart;
            break;
          }
          c = text.charCodeAt(pos);
          if (c === COMMA) {
            pos++;
            continue;
          }
          if (c === LF) {
            pos++;
            break;
          }
          if (c === CR && text.charCodeAt(pos + 1) === LF) {
            pos += 2;
            break;
          }
          if (c === CR && pos + 1 === length && !final) return recordStart;
          throw this.error(
            'text after a closing quote',
            text.slice(recordStart, pos + 10),
            'a comma or line break after a closing double quote',
          );
        }
        // Unquoted field: up to the next comma or line break.
        const start = pos;
        while (pos < length) {
          c = text.charCodeAt(pos);
          if (c === COMMA || c === LF) break;
          pos++;
        }
        if (pos >= length && !final) return recordStart;
        starts[count] = start;
        unescaped[count] = undefined;
        if (pos < length && c === COMMA) {
          ends[count++] = pos;
          pos++;
          continue;
        }
        // A line break or the end of the input: drop the CR of a CRLF.
        ends[count++] = pos > start && text.charCodeAt(pos - 1) === CR ? pos - 1 : pos;
        pos++;
        break;
      }
      this.onRecord(fields, count, this.record++);
    }
    return length;
  }

  private error(message: string, value: string, expected: string): CdfError {
    return new CdfError(CdfErrorCode.InvalidValue, `malformed CSV: ${message}`, {
      file: this.file,
      row: this.record,
      value,
      expected,
    });
  }
}
