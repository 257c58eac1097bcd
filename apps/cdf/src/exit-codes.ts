import { CdfError, CdfErrorCode } from '@cdf/core';
import { PartialFailureError } from './pipeline/partial-failure.ts';
import { UsageError } from './usage-error.ts';

/**
 * Process exit codes, one per error family. Part of the CLI's public contract (scripts branch
 * on them): never renumber one. Documented in the README and in `cdf --help`.
 */
export const ExitCode = {
  /** Success. */
  Ok: 0,
  /** A bug: an error cdf did not raise on purpose. */
  Internal: 1,
  /** Wrong command line: unknown command or flag, a flag value that does not parse. */
  Usage: 2,
  /** The input data is unreadable or invalid: missing file, column, bad value or timestamp. */
  InvalidInput: 3,
  /** Valid data, but less history than a model needs. */
  InsufficientHistory: 4,
  /** A config file, saved model or plug-in is invalid or cannot be loaded. */
  InvalidConfig: 5,
  /** A model failed to fit or predict, or was used before fitting. */
  ModelFailed: 6,
  /** An output file or folder cannot be written (permissions, full disk, a file in the way). */
  WriteFailed: 7,
  /** Some series of a fleet failed; the others were forecast and written (run.json lists why). */
  PartialFailure: 8,
  /** The run was stopped (Ctrl-C); 128 + SIGINT, as shells do. */
  Aborted: 130,
} as const;

/** One of the {@link ExitCode} values. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Exit code of every {@link CdfErrorCode}; a `Record` so a new code cannot be forgotten here. */
const EXIT_BY_CODE: Record<CdfErrorCode, ExitCode> = {
  [CdfErrorCode.FileNotFound]: ExitCode.InvalidInput,
  [CdfErrorCode.EmptyInput]: ExitCode.InvalidInput,
  [CdfErrorCode.UnsupportedFormat]: ExitCode.InvalidInput,
  [CdfErrorCode.MissingColumn]: ExitCode.InvalidInput,
  [CdfErrorCode.InvalidValue]: ExitCode.InvalidInput,
  [CdfErrorCode.InvalidTimestamp]: ExitCode.InvalidInput,
  [CdfErrorCode.DuplicateTimestamp]: ExitCode.InvalidInput,
  [CdfErrorCode.IrregularStep]: ExitCode.InvalidInput,
  [CdfErrorCode.SchemaMismatch]: ExitCode.InvalidInput,
  [CdfErrorCode.InsufficientHistory]: ExitCode.InsufficientHistory,
  [CdfErrorCode.InvalidConfig]: ExitCode.InvalidConfig,
  [CdfErrorCode.IncompatibleModel]: ExitCode.InvalidConfig,
  [CdfErrorCode.PluginNotFound]: ExitCode.InvalidConfig,
  [CdfErrorCode.NotFitted]: ExitCode.ModelFailed,
  [CdfErrorCode.ModelFailed]: ExitCode.ModelFailed,
  [CdfErrorCode.WriteFailed]: ExitCode.WriteFailed,
  [CdfErrorCode.Aborted]: ExitCode.Aborted,
};

/** The exit code for an error: its family for cdf and usage errors, {@link ExitCode.Internal} otherwise. */
export function exitCodeFor(error: unknown): ExitCode {
  if (UsageError.isInstance(error)) return ExitCode.Usage;
  if (PartialFailureError.isPartialFailure(error)) return ExitCode.PartialFailure;
  if (CdfError.isInstance(error)) return EXIT_BY_CODE[error.code] ?? ExitCode.Internal;
  return ExitCode.Internal;
}

/** The exit-code table as help text, for the `cdf --help` epilog. */
export function exitCodesHelp(): string {
  return [
    'Exit codes:',
    `  ${ExitCode.Ok}    success`,
    `  ${ExitCode.Internal}    internal error (a bug; run with --debug for the stack)`,
    `  ${ExitCode.Usage}    usage: unknown command or flag, bad flag value`,
    `  ${ExitCode.InvalidInput}    input data invalid: missing file or column, bad value, timestamp or step`,
    `  ${ExitCode.InsufficientHistory}    not enough history for the model`,
    `  ${ExitCode.InvalidConfig}    config file, saved model or plug-in invalid`,
    `  ${ExitCode.ModelFailed}    a model failed to fit or predict`,
    `  ${ExitCode.WriteFailed}    an output file cannot be written`,
    `  ${ExitCode.PartialFailure}    some series of a fleet failed, the others were written`,
    `  ${ExitCode.Aborted}  stopped by the user`,
  ].join('\n');
}
