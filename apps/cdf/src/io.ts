/** Somewhere the CLI writes text: `process.stdout`, `process.stderr`, or a buffer in tests. */
export interface TextSink {
  /** Write text as is (no newline added). */
  write(text: string): unknown;
}

/**
 * Everything the CLI touches outside itself, passed in so `main` runs in-process in tests
 * exactly as it does from a terminal.
 */
export interface CliIo {
  /** Results: the human summary, or the JSON document with `--json`. */
  stdout: TextSink;
  /** Errors (one line each) and progress. */
  stderr: TextSink;
  /** Whether stderr is a terminal; progress is shown only then. */
  isTTY: boolean;
  /** Environment variables (read-only use). */
  env: Readonly<Record<string, string | undefined>>;
  /** Current time in epoch ms; default `Date.now`. Tests pin it. */
  now?: () => number;
}

/** The real process's streams and environment. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: process.stderr.isTTY === true,
    env: process.env,
  };
}
