import type { Command } from 'commander';
import type { CliIo } from './io.ts';
import { toJsonText } from './json-output.ts';
import { createProgress, type ProgressReporter } from './progress.ts';

/** The global flags every command honours. */
export interface GlobalOptions {
  /** `--quiet`: no progress and no human summary (errors still print). */
  quiet: boolean;
  /** `--json`: the result as one JSON document on stdout. */
  json: boolean;
  /** `--debug`: stack traces with errors. */
  debug: boolean;
}

/** What a command action works with: the io, the global flags, progress and result output. */
export interface CommandRun {
  io: CliIo;
  globals: GlobalOptions;
  progress: ProgressReporter;
  /** The current time in epoch ms (pinned in tests). */
  now(): number;
  /**
   * Print the command's result: `json` with `--json`, else `text` unless `--quiet`.
   * `text` is written as one block with a trailing newline.
   */
  result(text: string, json: unknown): void;
}

/** Read the global flags of the program `command` belongs to (they may appear after the subcommand). */
export function globalOptionsOf(command: Command): GlobalOptions {
  const all = command.optsWithGlobals() as Partial<Record<keyof GlobalOptions, unknown>>;
  return { quiet: all.quiet === true, json: all.json === true, debug: all.debug === true };
}

/** Build the {@link CommandRun} of an action from the io and the command commander invoked. */
export function commandRun(io: CliIo, command: Command): CommandRun {
  const globals = globalOptionsOf(command);
  const now = io.now ?? Date.now;
  return {
    io,
    globals,
    // Progress goes to stderr, so it stays on with --json but not with --quiet.
    progress: createProgress({ stream: io.stderr, enabled: io.isTTY && !globals.quiet, now }),
    now,
    result(text, json) {
      if (globals.json) io.stdout.write(toJsonText(json));
      else if (!globals.quiet) io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    },
  };
}
