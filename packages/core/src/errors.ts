/**
 * Every failure cdf reports on purpose is a {@link CdfError} with a stable `code`.
 * The CLI turns these into one-line messages and exit codes; anything else is a bug.
 */

/** Stable error codes. Values are part of the public API: never rename one. */
export const CdfErrorCode = {
  /** A file does not exist, cannot be read, or is empty. */
  FileNotFound: 'FILE_NOT_FOUND',
  EmptyInput: 'EMPTY_INPUT',
  /** The file's format is unknown or not what its extension says. */
  UnsupportedFormat: 'UNSUPPORTED_FORMAT',
  /** A required column is absent. */
  MissingColumn: 'MISSING_COLUMN',
  /** A cell is not what its column requires (non-numeric, non-finite, negative demand). */
  InvalidValue: 'INVALID_VALUE',
  /** A timestamp cannot be parsed, or rows mix timestamp formats. */
  InvalidTimestamp: 'INVALID_TIMESTAMP',
  /** Two rows share a timestamp and no `onDuplicate` rule was given. */
  DuplicateTimestamp: 'DUPLICATE_TIMESTAMP',
  /** The spacing of timestamps does not reveal a regular step. */
  IrregularStep: 'IRREGULAR_STEP',
  /** Less history than a model needs. */
  InsufficientHistory: 'INSUFFICIENT_HISTORY',
  /** Parameters, a config file or a saved model do not match their schema. */
  InvalidConfig: 'INVALID_CONFIG',
  /** A table or object crossing a stage boundary does not match its schema. */
  SchemaMismatch: 'SCHEMA_MISMATCH',
  /** A model was used before it was fitted, or a saved model is from an incompatible version. */
  NotFitted: 'NOT_FITTED',
  IncompatibleModel: 'INCOMPATIBLE_MODEL',
  /** A model failed to fit or predict (numerical failure inside a library). */
  ModelFailed: 'MODEL_FAILED',
  /** A plug-in named in a config cannot be loaded or does not conform. */
  PluginNotFound: 'PLUGIN_NOT_FOUND',
  /** The user stopped the run (AbortSignal). */
  Aborted: 'ABORTED',
  /** An output file or its folder cannot be written. */
  WriteFailed: 'WRITE_FAILED',
} as const;

/** One of the {@link CdfErrorCode} values. */
export type CdfErrorCode = (typeof CdfErrorCode)[keyof typeof CdfErrorCode];

/** Where in an input a problem was found. Every field is optional; the more, the better. */
export interface InputLocation {
  /** Path of the file, as the user gave it. */
  file?: string;
  /** 1-based data row (the header is row 0 in a CSV; the first record is row 1). */
  row?: number;
  /** Column name. */
  column?: string;
  /** The offending raw value, as read. */
  value?: string;
  /** What was expected instead, in words. */
  expected?: string;
}

const MARKER = Symbol.for('cdf.error');

/** Options shared by every cdf error. */
export interface CdfErrorOptions extends InputLocation {
  /** The underlying error, if any. */
  cause?: unknown;
}

/**
 * The one error type cdf throws on purpose. Check with {@link CdfError.isInstance}, which
 * works even when two copies of `@cdf/core` are installed.
 */
export class CdfError extends Error {
  protected readonly [MARKER] = true;
  /** Stable machine-readable code. */
  readonly code: CdfErrorCode;
  /** Where the problem is, when it comes from an input. */
  readonly location: InputLocation;

  constructor(code: CdfErrorCode, message: string, options: CdfErrorOptions = {}) {
    const { cause, ...location } = options;
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'CdfError';
    this.code = code;
    this.location = location;
  }

  /** True for any cdf error, from any copy of the package. */
  static isInstance(error: unknown): error is CdfError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[MARKER] === true;
  }

  /**
   * The one line a user sees: `file: row R, column "c": message (got "v"; expected ...)`.
   * Parts that are unknown are left out.
   */
  toLine(): string {
    const { file, row, column, value, expected } = this.location;
    const where: string[] = [];
    if (row !== undefined) where.push(`row ${row}`);
    if (column !== undefined) where.push(`column "${column}"`);
    let line = file ? `${file}: ` : '';
    if (where.length > 0) line += `${where.join(', ')}: `;
    line += this.message;
    const tail: string[] = [];
    if (value !== undefined) tail.push(`got "${truncate(value)}"`);
    if (expected !== undefined) tail.push(`expected ${expected}`);
    if (tail.length > 0) line += ` (${tail.join('; ')})`;
    return line;
  }
}

function truncate(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}

/** A value, table or config that does not match its schema. */
export class SchemaError extends CdfError {
  /** The individual problems, as `path: message`. */
  readonly issues: readonly string[];
  constructor(
    message: string,
    options: CdfErrorOptions & { issues?: readonly string[]; code?: CdfErrorCode } = {},
  ) {
    const { issues = [], code = CdfErrorCode.SchemaMismatch, ...rest } = options;
    super(code, message, rest);
    this.name = 'SchemaError';
    this.issues = issues;
  }
}

/** Less history than a model needs; says how much it needs. */
export class InsufficientHistoryError extends CdfError {
  /** Points the model needs at least. */
  readonly required: number;
  /** Points it was given. */
  readonly actual: number;
  constructor(
    model: string,
    required: number,
    actual: number,
    options: CdfErrorOptions & { unit?: string } = {},
  ) {
    const { unit = 'points', ...rest } = options;
    super(
      CdfErrorCode.InsufficientHistory,
      `${model} needs at least ${required} ${unit} of history, got ${actual}`,
      rest,
    );
    this.name = 'InsufficientHistoryError';
    this.required = required;
    this.actual = actual;
  }
}

/** A fitted-only operation was asked of something that was not fitted, or a saved model is unusable. */
export class NotFittedError extends CdfError {
  constructor(message: string, options: CdfErrorOptions = {}) {
    super(CdfErrorCode.NotFitted, message, options);
    this.name = 'NotFittedError';
  }
}
