import { join, resolve } from 'node:path';
import { HOUR_MS } from '@cdf/core';
import { Command } from 'commander';
import { commandRun } from '../command-context.ts';
import type { DemoFiles, DemoOptions, DemoSection } from '../demo/demo-step.ts';
import { runDemoSteps } from '../demo/demo-step.ts';
import { DEMO_STEPS } from '../demo/demo-steps.ts';
import { parseInstant, parseName, parseSeed } from '../flag-values.ts';
import type { CliIo } from '../io.ts';
import { UsageError } from '../usage-error.ts';
import { DEFAULT_SEED } from './generate.ts';

/** Where the demo writes when `--out` is not given, relative to the working directory. */
export const DEFAULT_DEMO_DIR = 'cdf-demo';
/** Years of hourly history the demo generates. */
export const DEMO_YEARS = 2;

interface DemoFlags {
  out: string;
  seed?: string;
  end?: string;
}

/**
 * `cdf demo`: the whole of cdf on synthetic data in one command. Today it generates two years of
 * hourly demand with ground-truth events, writes them and loads them back; each later stage is
 * one more step in `DEMO_STEPS`.
 */
export function demoCommand(io: CliIo): Command {
  return new Command('demo')
    .summary('generate, write and check two years of synthetic demand in one go')
    .description(
      'Generate two years of hourly synthetic compute demand ending at the current hour (UTC), write ' +
        'metrics.csv, events.csv and launches.json into --out, load metrics.csv back as cdf validate ' +
        'does and print a summary.',
    )
    .option('--out <dir>', 'output folder', `./${DEFAULT_DEMO_DIR}`)
    .option('--seed <n>', `random seed (default: ${DEFAULT_SEED})`)
    .option('--end <instant>', 'end of the history instead of the current hour, ISO 8601 with Z or a date')
    .action(async (flags: DemoFlags, self: Command) => {
      const run = commandRun(io, self);
      const outDir = resolve(parseName('--out', flags.out));
      const seed = flags.seed === undefined ? DEFAULT_SEED : parseSeed('--seed', flags.seed);
      const end = demoEnd(run.now(), flags.end);
      const options: DemoOptions = {
        outDir,
        seed,
        start: yearsBefore(end, DEMO_YEARS),
        end,
        stepMs: HOUR_MS,
      };
      if (!Number.isFinite(options.start)) throw new UsageError(`--end: "${flags.end}" is too early`);
      const files: DemoFiles = {
        metrics: join(outDir, 'metrics.csv'),
        events: join(outDir, 'events.csv'),
        launches: join(outDir, 'launches.json'),
      };

      const sections = await runDemoSteps(DEMO_STEPS, { options, files }, run.progress);

      run.result(formatDemoSummary(options, sections), {
        outDir,
        ...Object.fromEntries(
          sections.flatMap((section) => section.facts.map((fact) => [fact.label, fact.value])),
        ),
      });
    });
}

/**
 * End of the demo history: `--end` when given, else the current hour truncated (UTC), so two
 * runs in the same hour write the same files. The end is exclusive: the last row is the hour
 * before it.
 */
export function demoEnd(nowMs: number, endFlag: string | undefined): number {
  return endFlag === undefined ? Math.floor(nowMs / HOUR_MS) * HOUR_MS : parseInstant('--end', endFlag);
}

/** The same calendar instant `years` earlier, in UTC (29 February falls back to 1 March). */
export function yearsBefore(epochMs: number, years: number): number {
  const date = new Date(epochMs);
  date.setUTCFullYear(date.getUTCFullYear() - years);
  return date.getTime();
}

/** The closing summary: one heading per step, its facts aligned beneath, then the output folder. */
export function formatDemoSummary(options: DemoOptions, sections: readonly DemoSection[]): string {
  const width = Math.max(0, ...sections.flatMap((section) => section.facts.map((fact) => fact.label.length)));
  const lines = [`cdf demo: ${DEMO_YEARS} years of synthetic hourly compute demand`, ''];
  for (const section of sections) {
    lines.push(section.title);
    for (const fact of section.facts) lines.push(`  ${fact.label.padEnd(width)}  ${fact.text}`);
    lines.push('');
  }
  lines.push(`output folder: ${options.outDir}`);
  return lines.join('\n');
}
