import { CdfError, CdfErrorCode } from '@cdf/core';

const MARKER = Symbol.for('cdf.partial-failure');

/**
 * Some series of a fleet failed while the others were forecast and written. The CLI prints its
 * line and exits with `ExitCode.PartialFailure` (8); run.json lists each failure.
 */
export class PartialFailureError extends CdfError {
  protected readonly [MARKER] = true;
  /** Series that failed, with their one-line reasons. */
  readonly failures: readonly { id: string; line: string }[];

  constructor(failures: readonly { id: string; line: string }[], total: number, runFile: string) {
    const first = failures[0];
    super(
      CdfErrorCode.ModelFailed,
      `${failures.length} of ${total} series failed (the others were written; see ${runFile})` +
        (first ? `; first: ${first.line}` : ''),
    );
    this.name = 'PartialFailureError';
    this.failures = failures;
  }

  /** True for a partial failure from any copy of the app. */
  static isPartialFailure(error: unknown): error is PartialFailureError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[MARKER] === true;
  }
}
