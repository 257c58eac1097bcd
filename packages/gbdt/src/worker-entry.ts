import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CdfError, CdfErrorCode } from '@cdf/core';

/**
 * Where the built worker entry is: `dist-worker/train-worker.js` beside `dist/` and `src/`, so the
 * same relative URL works from the built package (`dist/index.js`) and from its TypeScript
 * source (under vitest, or through the `@cdf/source` condition). It is a self-contained bundle:
 * plain node runs it without a TypeScript loader.
 */
export function trainWorkerUrl(): URL {
  return new URL('../dist-worker/train-worker.js', import.meta.url);
}

/** True when the worker entry has been built (`pnpm --filter @cdf/gbdt build`). */
export function trainWorkerAvailable(): boolean {
  return existsSync(fileURLToPath(trainWorkerUrl()));
}

/** The worker entry's URL; throws a CdfError (MODEL_FAILED) saying how to build it when missing. */
export function requireTrainWorker(): URL {
  const url = trainWorkerUrl();
  if (!existsSync(fileURLToPath(url))) {
    throw new CdfError(CdfErrorCode.ModelFailed, 'the GBDT training worker is not built', {
      file: fileURLToPath(url),
      expected: 'run `pnpm --filter @cdf/gbdt build` (or train in-process with trainGbdt)',
    });
  }
  return url;
}
