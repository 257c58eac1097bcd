const MARKER = Symbol.for('cdf.usage-error');

/**
 * The user called a command the wrong way: a flag value that cannot be parsed, a missing
 * required flag, an unknown zone. Not a data problem, so it has its own exit code (2) and no
 * `CdfErrorCode`; the message already names the flag.
 */
export class UsageError extends Error {
  protected readonly [MARKER] = true;

  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }

  /** True for a usage error from any copy of this module. */
  static isInstance(error: unknown): error is UsageError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[MARKER] === true;
  }
}
