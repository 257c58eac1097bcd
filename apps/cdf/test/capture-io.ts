import type { CliIo } from '../src/io.ts';

/** A {@link CliIo} that records stdout and stderr, for running `main` in-process. */
export interface CapturedIo {
  io: CliIo;
  /** Everything written to stdout so far. */
  stdout(): string;
  /** Everything written to stderr so far. */
  stderr(): string;
}

/** Capture output; not a TTY unless asked, time pinned when `now` is given. */
export function captureIo(options: { isTTY?: boolean; now?: number } = {}): CapturedIo {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    isTTY: options.isTTY ?? false,
    env: {},
  };
  if (options.now !== undefined) {
    const now = options.now;
    io.now = () => now;
  }
  return { io, stdout: () => out, stderr: () => err };
}
