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

interface PredictFlags extends LoadFlags, PipelineFlags {
  model: string;
  input: string;
  out: string;
  images?: string;
}

/**
 * `cdf predict`: refresh the forecast from newer observations with the models `cdf fit` (or
 * `cdf forecast`) saved, without refitting them, and write the same outputs as `cdf forecast`.
 */
export function predictCommand(io: CliIo): Command {
  const command = new Command('predict')
    .summary('forecast from new observations with saved models (no refit)')
    .description(
      'Load the fitted pipeline from --model, read --input (the history up to now, same columns; the ' +
        'target, id column and time zone default to the fitted ones), detect anomalies, forecast from its ' +
        'last point and plan capacity. Writes the outputs of cdf forecast (without model/) into --out.',
    )
    .requiredOption('--model <dir>', 'model folder written by cdf fit or cdf forecast (<out>/model)')
    .requiredOption('--input <file>', 'metrics file with the newest observations')
    .requiredOption('--out <dir>', 'output folder (created if needed)');
  addLoadOptions(command);
  addImagesOption(command);
  addPipelineOptions(command, { config: false });
  return command.action(async (flags: PredictFlags, self: Command) => {
    const run = commandRun(io, self);
    const model = parseName('--model', flags.model);
    const input = parseName('--input', flags.input);
    const out = parseName('--out', flags.out);
    const load = parseLoadOptions(flags);
    const pipeline = parsePipelineFlags(flags);
    const images = parseImagesFlag(flags.images);
    await reportPipelineRun(run, 'predicted', () =>
      runPipeline({
        kind: 'predict',
        model,
        input,
        out,
        load,
        ...pipeline,
        ...images,
        progress: run.progress,
        now: run.now,
        command: 'predict',
        version: packageJson.version,
      }),
    );
  });
}
