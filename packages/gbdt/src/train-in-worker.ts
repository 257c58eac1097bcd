import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CdfError, CdfErrorCode, type CdfErrorCode as Code } from '@cdf/core';
import type { GbdtModel } from './gbdt-model.ts';
import { modelFromBytes } from './load-gbdt.ts';
import { prepareTrainingJob, type TrainGbdtInput, type TrainingJob } from './training-job.ts';
import { requireTrainWorker } from './worker-entry.ts';
import type { WorkerReply } from './worker-protocol.ts';
import { loadXGBoostRuntime } from './xgboost-runtime.ts';

const CODES = new Set<string>(Object.values(CdfErrorCode));

/**
 * Train one model in a fresh worker thread (its own WASM runtime), then load it on this thread.
 * The encoded matrix is transferred, not copied; the caller's arrays are left untouched. The
 * model equals `trainGbdt`'s on the same input, byte for byte. Needs the built worker entry
 * (see `trainWorkerAvailable`); throws a CdfError otherwise.
 */
export async function trainGbdtInWorker(input: TrainGbdtInput): Promise<GbdtModel> {
  const [model] = await trainManyInParallel([input], { concurrency: 1 });
  return model!;
}

/** Options of {@link trainManyInParallel}. */
export interface ParallelTrainingOptions {
  /** Workers at once. Default: the machine's available parallelism, at most the job count. */
  concurrency?: number;
}

/**
 * Train several models at once, one worker thread each (at most `concurrency` alive), and load
 * them on this thread in input order. Inputs are checked and encoded up front, so bad input
 * throws before any worker starts. If one job fails, the others are finished and freed and the
 * first failure is thrown.
 */
export async function trainManyInParallel(
  inputs: readonly TrainGbdtInput[],
  options: ParallelTrainingOptions = {},
): Promise<GbdtModel[]> {
  const jobs = inputs.map(prepareTrainingJob);
  const url = requireTrainWorker();
  const rt = await loadXGBoostRuntime();
  const concurrency = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), jobs.length));
  const results: (GbdtModel | undefined)[] = new Array(jobs.length);
  let failure: unknown;
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < jobs.length) {
      const k = next++;
      const job = jobs[k]!;
      try {
        const bytes = await runInWorker(url, job);
        if (failure === undefined) results[k] = modelFromBytes(rt, bytes, job);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  if (failure !== undefined) {
    for (const model of results) model?.free();
    throw failure;
  }
  return results as GbdtModel[];
}

function runInWorker(url: URL, job: TrainingJob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    // stdout/stderr piped and ignored: the WASM noise is captured in the worker already; this
    // guards against anything else a worker might print.
    const worker = new Worker(url, { stdout: true, stderr: true });
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      action();
    };
    worker.once('message', (reply: WorkerReply) => {
      if (reply.ok) finish(() => resolve(reply.bytes));
      else
        finish(() =>
          reject(
            new CdfError(
              reply.code && CODES.has(reply.code) ? (reply.code as Code) : CdfErrorCode.ModelFailed,
              `GBDT training worker: ${reply.message}`,
            ),
          ),
        );
    });
    worker.once('error', (cause) =>
      finish(() => reject(new CdfError(CdfErrorCode.ModelFailed, 'GBDT training worker crashed', { cause }))),
    );
    worker.once('exit', (code) =>
      finish(() =>
        reject(new CdfError(CdfErrorCode.ModelFailed, `GBDT training worker exited early (code ${code})`)),
      ),
    );
    worker.postMessage(job, [job.data.buffer as ArrayBuffer, job.labels.buffer as ArrayBuffer]);
  });
}
