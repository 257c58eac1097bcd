import { CdfError, CdfErrorCode } from '@cdf/core';
import { loadSeries, writeTextFile } from '@cdf/data';
import { type PointMetricName, pointMetrics } from '@cdf/eval';
import { Command } from 'commander';
import { BACKTEST_MODEL_NAMES, type BacktestModelName } from '../backtest/backtest-models.ts';
import { runBacktests } from '../backtest/backtest-run.ts';
import { formatBacktestTable } from '../backtest/backtest-table.ts';
import { commandRun } from '../command-context.ts';
import { parseChoice, parseName, parseSeed } from '../flag-values.ts';
import { plural } from '../human-format.ts';
import type { CliIo } from '../io.ts';
import { toJsonText } from '../json-output.ts';
import { addLoadOptions, type LoadFlags, parseLoadOptions } from '../load-options.ts';
import { UsageError } from '../usage-error.ts';

interface BacktestFlags extends LoadFlags {
  input: string;
  out: string;
  horizon: string;
  origins: string;
  stride?: string;
  refitEvery?: string;
  model: string;
  metrics: string;
  seed?: string;
}

const METRIC_NAMES = Object.keys(pointMetrics) as PointMetricName[];
const DEFAULT_METRICS = 'mae,rmse,smape,mase';

/**
 * `cdf backtest`: rolling-origin backtest of one or more baselines on every series of a
 * metrics file; prints the mean scores per model and horizon bucket and writes every origin's
 * scores to a JSON file. A series that fails is reported and the others still count.
 */
export function backtestCommand(io: CliIo): Command {
  const command = new Command('backtest')
    .summary('score baselines by a rolling-origin backtest (per horizon bucket)')
    .description(
      'Load a metrics file, and for each series and model fit on the history before each of ' +
        '--origins origins (--stride steps apart, the last leaving --horizon points), forecast ' +
        '--horizon steps and score them (MAE, RMSE, sMAPE, MASE at a one-day season by default). ' +
        'Prints the mean over the series per model for the whole horizon and the buckets ' +
        '1-6, 7-24, 25-72, 73-168 steps, and writes every series, origin and bucket to --out.',
    )
    .requiredOption('--input <file>', 'metrics file (CSV, JSON, NDJSON or Parquet)')
    .requiredOption('--out <file.json>', 'where to write the backtest results (JSON)')
    .requiredOption('--horizon <steps>', 'steps forecast at each origin, e.g. 48')
    .requiredOption('--origins <count>', 'number of rolling origins, e.g. 4')
    .option('--stride <steps>', 'steps between origins (default: the horizon)')
    .option(
      '--refit-every <n>',
      'refit at every n-th origin; between refits the model forecasts further ahead (default: 1)',
    )
    .option('--model <names>', `comma-separated: ${BACKTEST_MODEL_NAMES.join(', ')}`, 'auto')
    .option('--metrics <names>', `comma-separated: ${METRIC_NAMES.join(', ')}`, DEFAULT_METRICS)
    .option('--seed <n>', 'seed of every fit (default: 0)');
  addLoadOptions(command);
  return command.action(async (flags: BacktestFlags, self: Command) => {
    const run = commandRun(io, self);
    const input = parseName('--input', flags.input);
    const out = parseName('--out', flags.out);
    const horizon = parseCount('--horizon', flags.horizon);
    const origins = parseCount('--origins', flags.origins);
    const stride = flags.stride === undefined ? horizon : parseCount('--stride', flags.stride);
    const refitEvery = flags.refitEvery === undefined ? 1 : parseCount('--refit-every', flags.refitEvery);
    const models = parseList('--model', flags.model, BACKTEST_MODEL_NAMES) as BacktestModelName[];
    const metrics = parseList('--metrics', flags.metrics, METRIC_NAMES) as PointMetricName[];
    const seed = flags.seed === undefined ? 0 : parseSeed('--seed', flags.seed);
    const options = parseLoadOptions(flags);
    try {
      run.progress.stage(`loading ${input}`);
      const { series, failures: loadFailures } = await loadSeries(input, {
        ...options,
        onSeriesError: 'collect',
      });
      const total = series.length * models.length;
      const backtests = await runBacktests({
        series,
        models,
        horizon,
        origins,
        stride,
        refitEvery,
        metrics,
        seed,
        onSeries: (model, s, index) => {
          const done = models.indexOf(model) * series.length + index;
          const label = s.id === 'default' ? '' : ` ${s.id}`;
          run.progress.stage(`backtesting ${model}${label} (${done + 1}/${total})`);
        },
      });
      const scored = backtests.reduce((n, m) => n + m.results.length, 0);
      if (scored === 0) {
        const first = backtests[0]?.failures[0] ?? loadFailures[0];
        const reason =
          first === undefined
            ? 'no series in the file'
            : 'message' in first
              ? first.message
              : first.error.message;
        throw new CdfError(CdfErrorCode.ModelFailed, `no series could be backtested: ${reason}`, {
          file: input,
        });
      }
      const loadFailed = loadFailures.map((f) => ({
        id: f.id,
        code: f.error.code,
        message: f.error.toLine(),
      }));
      const report = {
        input,
        horizon,
        origins,
        stride,
        refitEvery,
        metrics,
        seed,
        models: backtests.map((m) => ({
          model: m.model,
          plugin: m.plugin,
          summary: m.summary ?? null,
          failures: m.failures,
          series: m.results,
        })),
        loadFailures: loadFailed,
      };
      run.progress.stage(`writing ${out}`);
      await writeTextFile(out, toJsonText(report));
      run.progress.done();
      const seriesCount = series.length + loadFailures.length;
      const headline =
        `backtest of ${plural(seriesCount, 'series', 'series')}, horizon ${horizon}, ` +
        `${plural(origins, 'origin')} ${stride} steps apart, refit every ${refitEvery === 1 ? 'origin' : `${refitEvery} origins`}`;
      const loadLines = loadFailed.map((f) => `failed: ${f.id} (loading): ${f.message}`);
      const text = [headline, '', formatBacktestTable(backtests, metrics), ...loadLines, '', `wrote ${out}`];
      run.result(text.join('\n'), report);
    } finally {
      run.progress.done();
    }
  });
}

function parseCount(flag: string, value: string): number {
  const text = value.trim();
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1)
    throw new UsageError(`${flag}: "${value}" is not a whole number >= 1`);
  return n;
}

function parseList<const T extends string>(flag: string, value: string, choices: readonly T[]): T[] {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0)
    throw new UsageError(`${flag}: empty list (expected some of ${choices.join(', ')})`);
  const parsed = items.map(
    (item) => choices.find((c) => c.toLowerCase() === item.toLowerCase()) ?? parseChoice(flag, item, choices),
  );
  return [...new Set(parsed)];
}
