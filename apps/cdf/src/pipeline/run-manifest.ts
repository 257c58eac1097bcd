import { z } from 'zod';
import { PipelineSpecSchema } from './pipeline-spec.ts';

/** The file name of a run's manifest. */
export const RUN_FILE = 'run.json';

/**
 * The part of `run.json` that `cdf report` reads back; the rest (input summary, per-series
 * stages, timings, backtest metrics) is for people and tools and is not validated on read.
 */
export const RunManifestSchema = z
  .object({
    cdf: z.object({ version: z.string(), command: z.string() }),
    generated_at: z.string(),
    parameters: z.object({
      horizon: z.number().int().positive(),
      seed: z.number().int(),
      spec: PipelineSpecSchema,
    }),
    report: z.object({
      target: z.string(),
      fleet: z.boolean(),
      planned_events: z.array(z.record(z.string(), z.unknown())),
    }),
  })
  .loose();
/** The parsed, validated part of run.json. */
export type RunManifest = z.output<typeof RunManifestSchema>;
