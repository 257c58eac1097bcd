import { renderRecommendationsMarkdown } from '@cdf/capacity';
import type { Command } from 'commander';
import type { CommandRun } from '../command-context.ts';
import { parseSeed } from '../flag-values.ts';
import { formatCount } from '../human-format.ts';
import { UsageError } from '../usage-error.ts';
import { PartialFailureError } from './partial-failure.ts';
import type { PipelineRunResult } from './run-pipeline.ts';

/** The pipeline flags as commander hands them over. */
export interface PipelineFlags {
  events?: string;
  horizon?: string;
  config?: string;
  seed?: string;
  threads?: string;
}

/** Add `--events`, `--horizon`, `--seed`, `--threads` and (unless `config` is false) `--config`. */
export function addPipelineOptions(command: Command, options: { config?: boolean } = {}): Command {
  command
    .option(
      '--events <file>',
      'planned launches, JSON array or CSV (date, name, expected_multiplier, expected_duration_hours)',
    )
    .option('--horizon <steps>', 'steps to forecast (default: 168, or the config, or the fitted horizon)')
    .option('--seed <n>', 'seed of every random choice (default: 42, or the config)')
    .option('--threads <n>', 'worker threads for --id-col fleets (default: the number of cores)');
  if (options.config !== false)
    command.option('--config <file>', 'cdf config JSON: one implementation per stage');
  return command;
}

function positiveInteger(flag: string, value: string): number {
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`${flag}: "${value}" is not a positive integer`);
  }
  return n;
}

/** Parsed pipeline flags; UsageError (exit 2) naming the flag when one does not parse. */
export function parsePipelineFlags(flags: PipelineFlags): {
  events?: string;
  horizon?: number;
  config?: string;
  seed?: number;
  threads?: number;
} {
  return {
    ...(flags.events === undefined ? {} : { events: flags.events }),
    ...(flags.horizon === undefined ? {} : { horizon: positiveInteger('--horizon', flags.horizon) }),
    ...(flags.config === undefined ? {} : { config: flags.config }),
    ...(flags.seed === undefined ? {} : { seed: parseSeed('--seed', flags.seed) }),
    ...(flags.threads === undefined ? {} : { threads: positiveInteger('--threads', flags.threads) }),
  };
}

/** The summary paragraph of the recommendations (the Markdown report's lead), as plain lines. */
export function recommendationsSummary(result: PipelineRunResult): string[] {
  if (result.plan === undefined) return [];
  const lines = renderRecommendationsMarkdown(result.plan.recommendations).split('\n');
  const start = lines.findIndex((line) => line.startsWith('# '));
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The human summary of a pipeline run. */
export function formatRunSummary(verb: string, result: PipelineRunResult): string {
  const { series } = result;
  const lines = [
    `${verb} ${formatCount(series.ok)} of ${formatCount(series.total)} series, ${result.horizon} steps ahead` +
      ` in ${(result.timings.total ?? 0) / 1000}s`,
  ];
  const baselines = Object.entries(result.baselines).map(([use, n]) =>
    series.total > 1 ? `${use} x${n}` : use,
  );
  if (baselines.length > 0) lines.push(`baseline: ${baselines.join(', ')}`);
  for (const [stage, reason] of Object.entries(result.skipped)) lines.push(`${stage} skipped: ${reason}`);
  for (const warning of result.warnings) lines.push(`warning: ${warning}`);
  for (const failure of series.failed.slice(0, 5)) lines.push(`failed ${failure.id}: ${failure.line}`);
  if (series.failed.length > 5)
    lines.push(`... and ${series.failed.length - 5} more failures (see run.json)`);
  const summary = recommendationsSummary(result);
  if (summary.length > 0) lines.push('', ...summary, '');
  lines.push(`wrote ${result.files.join(', ')} to ${result.out}`);
  if (result.dashboard) lines.push(`dashboard: ${result.dashboard}`);
  return lines.join('\n');
}

/** The `--json` document of a pipeline run. */
export function runJson(result: PipelineRunResult): unknown {
  const { plan, ...rest } = result;
  return {
    ...rest,
    ...(plan === undefined
      ? {}
      : {
          recommended: {
            gpu: plan.gpu.name,
            average_gpus: plan.tiers.conservative.average_gpus,
            peak_gpus: plan.tiers.conservative.peak_gpus,
            monthly_cost: plan.tiers.conservative.monthly_cost,
            currency: plan.cost.currency,
            burst_ready_peak_gpus: plan.tiers.emergency.peak_gpus,
          },
          summary: recommendationsSummary(result),
        }),
  };
}

/**
 * Run a pipeline command and print its result. On a partial failure the summary of what was
 * written is printed too (not with `--json`, where the error document is the output), then the
 * error goes on to the CLI for its line and exit code 8.
 */
export async function reportPipelineRun(
  run: CommandRun,
  verb: string,
  work: () => Promise<PipelineRunResult>,
): Promise<void> {
  try {
    const result = await work();
    run.result(formatRunSummary(verb, result), runJson(result));
  } catch (error) {
    const partial = PartialFailureError.isPartialFailure(error)
      ? (error as PartialFailureError & { result?: PipelineRunResult }).result
      : undefined;
    if (partial !== undefined && !run.globals.json) run.result(formatRunSummary(verb, partial), null);
    throw error;
  } finally {
    run.progress.done();
  }
}
