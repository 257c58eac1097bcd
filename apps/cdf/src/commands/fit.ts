import { Command } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { commandRun } from '../command-context.ts';
import { parseName } from '../flag-values.ts';
import type { CliIo } from '../io.ts';
import { addLoadOptions, type LoadFlags, parseLoadOptions } from '../load-options.ts';
import {
  addPipelineOptions,
  type PipelineFlags,
  parsePipelineFlags,
  reportPipelineRun,
} from '../pipeline/pipeline-flags.ts';
import { runPipeline } from '../pipeline/run-pipeline.ts';

interface FitFlags extends LoadFlags, PipelineFlags {
  input: string;
  out: string;
}

/**
 * `cdf fit`: fit every model stage on a metrics file and save the fitted pipeline into a model
 * folder (`pipeline.json`, one file of saved models per series, `run.json`), for `cdf predict`.
 */
export function fitCommand(io: CliIo): Command {
  const command = new Command('fit')
    .summary('fit the pipeline on a metrics file and save the models for cdf predict')
    .description(
      'Load --input, detect anomalies, fit the baseline, the spike model and the calibrated quantiles ' +
        'for --horizon steps, and write the fitted pipeline into --out (pipeline.json, series/*.json, ' +
        'run.json). `cdf predict --model <out>` then forecasts from newer data without refitting.',
    )
    .requiredOption('--input <file>', 'metrics file (CSV, JSON, NDJSON or Parquet)')
    .requiredOption('--out <dir>', 'model folder to write (created if needed)');
  addLoadOptions(command);
  addPipelineOptions(command);
  return command.action(async (flags: FitFlags, self: Command) => {
    const run = commandRun(io, self);
    const input = parseName('--input', flags.input);
    const out = parseName('--out', flags.out);
    const load = parseLoadOptions(flags);
    const pipeline = parsePipelineFlags(flags);
    await reportPipelineRun(run, 'fitted', () =>
      runPipeline({
        kind: 'fit',
        input,
        out,
        load,
        ...pipeline,
        progress: run.progress,
        now: run.now,
        command: 'fit',
        version: packageJson.version,
      }),
    );
  });
}
