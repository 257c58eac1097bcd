import { CdfError, CdfErrorCode } from '@cdf/core';
import { cellKind } from './cell-kind.ts';
import { GrowableFloat64Array } from './growable-array.ts';
import { parseDecimal } from './parse-decimal.ts';

/** What a loaded column turned out to be: undecided (only empty cells so far), numbers, or text. */
export type ColumnKind = 'unknown' | 'numeric' | 'text';

/**
 * Collects the cells of one non-time, non-id column row by row and decides its kind from its
 * first non-empty cell: a number makes it numeric (later cells must be finite numbers or empty),
 * anything else makes it a text column whose values are dropped. Empty cells are NaN (missing)
 * and counted. The target column must be numeric and non-negative. Violations throw a CdfError
 * INVALID_VALUE naming the file, row, column and value.
 */
export class ColumnAccumulator {
  /** Column name. */
  readonly name: string;
  /** True for the demand column. */
  readonly isTarget: boolean;
  /** Kind decided so far. */
  kind: ColumnKind = 'unknown';
  /** Empty cells so far. */
  missing = 0;
  private values: GrowableFloat64Array | undefined;
  private readonly file: string;

  /** A column that starts with `previousRows` missing cells (a key first seen late in JSON). */
  constructor(name: string, options: { file: string; isTarget: boolean; previousRows?: number }) {
    this.name = name;
    this.file = options.file;
    this.isTarget = options.isTarget;
    this.values = new GrowableFloat64Array();
    const previous = options.previousRows ?? 0;
    if (previous > 0) {
      this.values.fill(Number.NaN, previous);
      this.missing = previous;
    }
  }

  /** Adds a text cell (JSON string, Parquet string). */
  pushText(text: string, row: number): void {
    this.pushRange(text, 0, text.length, row);
  }

  /** Adds the cell `text[start, end)` (a CSV field, read in place). */
  pushRange(text: string, start: number, end: number, row: number): void {
    if (this.kind === 'text') return;
    const value = parseDecimal(text, start, end);
    if (!Number.isNaN(value)) {
      if (
        value === Number.POSITIVE_INFINITY ||
        value === Number.NEGATIVE_INFINITY ||
        (value < 0 && this.isTarget)
      ) {
        this.pushNumber(value, row, text.slice(start, end));
        return;
      }
      this.kind = 'numeric';
      this.values!.push(value);
      return;
    }
    const cell = text.slice(start, end);
    switch (cellKind(cell)) {
      case 'empty':
        this.pushMissing();
        return;
      case 'non-finite':
        throw this.error('not a finite number', row, cell, 'a finite number');
      default:
        this.pushNonNumeric(cell, row);
    }
  }

  /** Adds a number (JSON number, Parquet value); `raw` is the cell as written, for messages. */
  pushNumber(value: number, row: number, raw?: string): void {
    if (this.kind === 'text') return;
    if (!Number.isFinite(value))
      throw this.error('not a finite number', row, raw ?? String(value), 'a finite number');
    if (this.isTarget && value < 0)
      throw this.error('negative demand', row, raw ?? String(value), 'demand >= 0');
    this.kind = 'numeric';
    this.values!.push(value);
  }

  /** Adds an empty cell (missing: NaN). */
  pushMissing(): void {
    if (this.kind === 'text') return;
    this.missing++;
    this.values!.push(Number.NaN);
  }

  /** Adds a value that is not a number (text, boolean, object); `raw` is it as text. */
  pushNonNumeric(raw: string, row: number): void {
    if (this.kind === 'text') return;
    if (this.kind === 'numeric' || this.isTarget) throw this.error('not a number', row, raw, 'a number');
    this.kind = 'text';
    this.values = undefined;
  }

  /** The values, one per row (all NaN for a column that only had empty cells); undefined for text. */
  finish(): Float64Array | undefined {
    return this.values?.finish();
  }

  private error(message: string, row: number, value: string, expected: string): CdfError {
    return new CdfError(CdfErrorCode.InvalidValue, message, {
      file: this.file,
      row,
      column: this.name,
      value,
      expected,
    });
  }
}
