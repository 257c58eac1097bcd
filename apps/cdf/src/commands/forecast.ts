import { Command } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { commandRun } from '../command-context.ts';
import { parseName } from '../flag-values.ts';
import type { CliIo } from '../io.ts';
import { addLoadOptions, type LoadFlags, parseLoadOptions } from '../load-options.ts';
import { addImagesOption, parseImagesFlag } from '../pipeline/images-flag.ts';
import {
  addPipelineOptions,
  type PipelineFlags,
  parsePipelineFlags,
  reportPipelineRun,
} from '../pipeline/pipeline-flags.ts';
import { runPipeline } from '../pipeline/run-pipeline.ts';

interface ForecastFlags extends LoadFlags, PipelineFlags {
  input: string;
  out: string;
  images?: string;
}

/**
 * `cdf forecast`: the whole pipeline on a metrics file. Detect anomalies in the history, fit the
 * baseline on the rest, fit the spike model, calibrate the quantiles, plan capacity, and write
 * scenarios, requirements, anomalies, recommendations, the dashboard, run.json and the fitted
 * models into `--out`.
 */
export function forecastCommand(io: CliIo): Command {
  const command = new Command('forecast')
    .summary('fit every stage on a metrics file, forecast, plan capacity and write the report')
    .description(
      'Load and validate --input, detect anomalies in the history, fit the baseline (chosen by backtest ' +
        'unless the config names one), the spike model and the calibrated quantiles, forecast --horizon ' +
        'steps and plan GPUs. Writes scenarios.csv, requirements.csv, anomalies.csv, spike-events.json, ' +
        'recommendations.md/.json, scaling-policy.json, hpa.yaml, dashboard.html, run.json and model/ into ' +
        '--out. With --id-col every series gets its own models, fitted across the cores.',
    )
    .requiredOption('--input <file>', 'metrics file (CSV, JSON, NDJSON or Parquet)')
    .requiredOption('--out <dir>', 'output folder (created if needed)');
  addLoadOptions(command);
  addImagesOption(command);
  addPipelineOptions(command);
  return command.action(async (flags: ForecastFlags, self: Command) => {
    const run = commandRun(io, self);
    const input = parseName('--input', flags.input);
    const out = parseName('--out', flags.out);
    const load = parseLoadOptions(flags);
    const pipeline = parsePipelineFlags(flags);
    const images = parseImagesFlag(flags.images);
    await reportPipelineRun(run, 'forecast', () =>
      runPipeline({
        kind: 'forecast',
        input,
        out,
        load,
        ...pipeline,
        ...images,
        progress: run.progress,
        now: run.now,
        command: 'forecast',
        version: packageJson.version,
      }),
    );
  });
}
