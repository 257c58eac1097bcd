import { CdfError } from '@cdf/core';
import { type ExitCode, exitCodeFor } from './exit-codes.ts';
import type { CliIo } from './io.ts';
import { toJsonText } from './json-output.ts';
import { UsageError } from './usage-error.ts';

/** How {@link reportError} prints. */
export interface ReportErrorOptions {
  /** Print the stack (and causes) after the line. */
  debug: boolean;
  /** Also print `{ "error": ... }` on stdout for scripts. */
  json: boolean;
}

/**
 * Print an error the way every cdf command does and return its exit code: one line on stderr,
 * `cdf: <what went wrong>`, never a stack trace unless `debug`. cdf and usage errors say what to
 * fix; anything else is a bug and says so.
 */
export function reportError(error: unknown, io: CliIo, options: ReportErrorOptions): ExitCode {
  const exitCode = exitCodeFor(error);
  io.stderr.write(`cdf: ${errorLine(error, options.debug)}\n`);
  if (options.debug) io.stderr.write(stackOf(error));
  if (options.json) {
    const code = CdfError.isInstance(error)
      ? error.code
      : UsageError.isInstance(error)
        ? 'USAGE'
        : 'INTERNAL';
    const location = CdfError.isInstance(error) ? error.location : undefined;
    const message = error instanceof Error ? error.message : String(error);
    io.stdout.write(
      toJsonText({ error: { code, exitCode, message, location, line: errorLine(error, true) } }),
    );
  }
  return exitCode;
}

/** The one line for an error, without the `cdf: ` prefix. */
export function errorLine(error: unknown, debug: boolean): string {
  if (CdfError.isInstance(error)) return oneLine(error.toLine());
  if (UsageError.isInstance(error)) return oneLine(error.message);
  const message = error instanceof Error ? error.message : String(error);
  const hint = debug ? '' : ' (run with --debug for the stack)';
  return oneLine(`internal error: ${message}${hint}`);
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}

function stackOf(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    const text = current instanceof Error ? (current.stack ?? String(current)) : String(current);
    parts.push(depth === 0 ? text : `Caused by: ${text}`);
    current = current instanceof Error ? current.cause : undefined;
  }
  return `${parts.join('\n')}\n`;
}
