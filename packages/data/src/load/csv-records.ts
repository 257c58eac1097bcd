import { CdfError, CdfErrorCode } from '@cdf/core';

/**
 * Called once per CSV record with its fields (`fields[0..count)`, an array reused between
 * records: copy what you keep) and its 0-based record index (the header is record 0). A blank
 * line is a record with `count` 0, so that indexes stay in step with lines.
 */
export type CsvRecordHandler = (fields: string[], count: number, record: number) => void;

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
  private readonly fields: string[] = [];
  private pending = '';
  private record = 0;

  /** `file` is only used in error messages. */
  constructor(onRecord: CsvRecordHandler, file?: string) {
    this.onRecord = onRecord;
    this.file = file;
  }

  /** Feeds the next chunk of text. */
  push(chunk: string): void {
    const text = this.pending.length === 0 ? chunk : this.pending + chunk;
    const consumed = this.parse(text, false);
    this.pending = consumed === text.length ? '' : text.slice(consumed);
  }

  /** Ends the input: the carried-over tail, if any, is the last record. */
  end(): void {
    if (this.pending.length > 0) this.parse(this.pending, true);
    this.pending = '';
  }

  /** Parses the complete records of `text`; returns where the unfinished tail starts. */
  private parse(text: string, final: boolean): number {
    const fields = this.fields;
    const length = text.length;
    let pos = 0;
    while (pos < length) {
      const recordStart = pos;
      let count = 0;
      let c = text.charCodeAt(pos);
      if (c === LF || (c === CR && text.charCodeAt(pos + 1) === LF)) {
        pos += c === LF ? 1 : 2;
        this.onRecord(fields, 0, this.record++);
        continue;
      }
      if (c === CR && pos + 1 === length && !final) return recordStart;
      let complete = false;
      for (;;) {
        // One field starting at pos.
        if (pos < length && text.charCodeAt(pos) === QUOTE) {
          let value = '';
          let from = pos + 1;
          let close = -1;
          for (;;) {
            const q = text.indexOf('"', from);
            if (q === -1) break;
            if (text.charCodeAt(q + 1) === QUOTE) {
              value += text.slice(from, q + 1);
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
          value += text.slice(from, close);
          fields[count++] = value;
          pos = close + 1;
          c = text.charCodeAt(pos);
          if (pos >= length) {
            if (!final) return recordStart;
            complete = true;
            break;
          }
          if (c === COMMA) {
            pos++;
            continue;
          }
          if (c === LF) {
            pos++;
            complete = true;
            break;
          }
          if (c === CR && text.charCodeAt(pos + 1) === LF) {
            pos += 2;
            complete = true;
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
        if (pos >= length) {
          if (!final) return recordStart;
          fields[count++] = text.slice(start, pos > start && text.charCodeAt(pos - 1) === CR ? pos - 1 : pos);
          complete = true;
          break;
        }
        if (c === COMMA) {
          fields[count++] = text.slice(start, pos);
          pos++;
          continue;
        }
        // LF: drop the CR of a CRLF.
        const fieldEnd = pos > start && text.charCodeAt(pos - 1) === CR ? pos - 1 : pos;
        fields[count++] = text.slice(start, fieldEnd);
        pos++;
        complete = true;
        break;
      }
      if (complete) this.onRecord(fields, count, this.record++);
    }
    return pos;
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
