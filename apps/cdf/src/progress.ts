import type { TextSink } from './io.ts';

/** Reports which stage a long command is in. */
export interface ProgressReporter {
  /** Enter a stage: `generating 17,520 hours`, `writing files`. */
  stage(name: string): void;
  /** The work is over (success or failure): stop updating and clear the line. */
  done(): void;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** Where the line goes: stderr, so stdout stays clean for results and `--json`. */
  stream: TextSink;
  /** Show anything at all: true on a TTY without `--quiet`. When false every call is a no-op. */
  enabled: boolean;
  /** Clock in epoch ms; default `Date.now`. */
  now?: () => number;
  /** Redraw period in ms so the elapsed time ticks during a long stage; default 200. */
  refreshMs?: number;
}

// Carriage return + "erase line": redraw in place instead of scrolling.
const CLEAR_LINE = '\r\x1b[2K';

/**
 * A progress reporter that keeps one updating line on a terminal: `cdf: <stage> (3.2s)`, where
 * the time is elapsed since the first stage. Not on a TTY or with `--quiet` it prints nothing,
 * so logs and pipes never see control characters.
 */
export function createProgress(options: ProgressOptions): ProgressReporter {
  if (!options.enabled) return { stage: () => {}, done: () => {} };
  const { stream, now = Date.now, refreshMs = 200 } = options;
  let startedAt: number | undefined;
  let current = '';
  let timer: ReturnType<typeof setInterval> | undefined;

  const draw = () => {
    const seconds = ((now() - (startedAt ?? now())) / 1000).toFixed(1);
    stream.write(`${CLEAR_LINE}cdf: ${current} (${seconds}s)`);
  };

  return {
    stage(name) {
      startedAt ??= now();
      current = name;
      draw();
      if (timer === undefined) {
        timer = setInterval(draw, refreshMs);
        // A progress line must never keep the process alive.
        timer.unref?.();
      }
    },
    done() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      if (startedAt !== undefined) stream.write(CLEAR_LINE);
      startedAt = undefined;
    },
  };
}
