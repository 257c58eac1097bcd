import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CdfError, CdfErrorCode, validate } from '@cdf/core';
import { formatJson, writeTextFile } from '@cdf/data';
import { z } from 'zod';
import { PipelineSpecSchema } from './pipeline-spec.ts';
import type { SavedSeriesModels } from './series-models.ts';

/** Version of the `model/` folder layout; bump on incompatible change. */
export const MODEL_FORMAT_VERSION = 1;

/** `model/pipeline.json`: how the models were made and where each series' models are. */
export const ModelManifestSchema = z.object({
  format: z.literal('cdf-model'),
  version: z.literal(MODEL_FORMAT_VERSION),
  /** The pipeline spec (stages, params, horizon, seed). */
  spec: PipelineSpecSchema,
  /** How the training input was read, so `predict` reads new data the same way. */
  input: z.object({
    target: z.string(),
    idCol: z.string().optional(),
    timeZone: z.string(),
    stepMs: z.number().int().positive(),
  }),
  /** Planned events known at fit time (ISO 8601 starts). */
  plannedEvents: z.array(z.record(z.string(), z.unknown())),
  /** One entry per fitted series: its id and its file under `series/`. */
  series: z.array(z.object({ id: z.string(), file: z.string() })),
});
/** A parsed model manifest. */
export type ModelManifest = z.output<typeof ModelManifestSchema>;

/** A file name for a series id: safe characters kept, the rest hex-escaped, so ids never clash. */
export function seriesFileName(id: string, index: number): string {
  const safe = id.replace(/[^A-Za-z0-9._-]/g, (c) => `~${c.codePointAt(0)!.toString(16)}`).slice(0, 80);
  return `series/${String(index).padStart(4, '0')}-${safe}.json`;
}

/** Write `model/`: the manifest and one JSON file of saved models per series. */
export async function writeModelDir(
  dir: string,
  manifest: Omit<ModelManifest, 'series' | 'format' | 'version'>,
  models: readonly SavedSeriesModels[],
): Promise<ModelManifest> {
  const series = models.map((m, i) => ({ id: m.id, file: seriesFileName(m.id, i) }));
  for (const [i, saved] of models.entries())
    await writeTextFile(join(dir, series[i]!.file), JSON.stringify(saved));
  const full: ModelManifest = { format: 'cdf-model', version: MODEL_FORMAT_VERSION, ...manifest, series };
  await writeTextFile(join(dir, 'pipeline.json'), formatJson(full));
  return full;
}

/** Read `model/pipeline.json`; INVALID_CONFIG (or FILE_NOT_FOUND) naming the file when unusable. */
export async function readModelManifest(dir: string): Promise<ModelManifest> {
  const file = join(dir, 'pipeline.json');
  const raw = await readJsonFile(file, 'no fitted model here (run `cdf fit` or `cdf forecast` first)');
  return validate(ModelManifestSchema, raw, {
    what: 'model manifest',
    code: CdfErrorCode.IncompatibleModel,
    file,
  });
}

/** Read one series' saved models (validated by the loader). */
export function readSeriesModels(dir: string, file: string): Promise<unknown> {
  return readJsonFile(join(dir, file), 'a series model file is missing');
}

async function readJsonFile(file: string, missing: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new CdfError(CdfErrorCode.FileNotFound, missing, { file, cause });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new CdfError(CdfErrorCode.IncompatibleModel, 'not valid JSON', { file, cause });
  }
}
