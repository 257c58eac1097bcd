/**
 * Worker-thread entry (built to `dist-worker/train-worker.js`): trains one job on this thread's
 * own XGBoost WASM runtime and posts back the model bytes. Messages: in {@link WorkerRequest},
 * out {@link WorkerReply}.
 */
import { parentPort } from 'node:worker_threads';
import { boosterBytes } from './booster-bytes.ts';
import { trainJobOnRuntime } from './train-gbdt.ts';
import type { TrainingJob } from './training-job.ts';
import type { WorkerReply } from './worker-protocol.ts';
import { loadXGBoostRuntime } from './xgboost-runtime.ts';

parentPort?.on('message', async (job: TrainingJob) => {
  let reply: WorkerReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const rt = await loadXGBoostRuntime();
    const started = performance.now();
    const handle = trainJobOnRuntime(rt, job);
    const trainMs = performance.now() - started;
    try {
      const bytes = boosterBytes(rt, handle);
      reply = { ok: true, bytes, trainMs };
      transfer = [bytes.buffer as ArrayBuffer];
    } finally {
      rt.freeModel(handle);
    }
  } catch (error) {
    const e = error as { code?: unknown; message?: unknown };
    reply = {
      ok: false,
      code: typeof e?.code === 'string' ? e.code : undefined,
      message: typeof e?.message === 'string' ? e.message : String(error),
    };
  }
  parentPort?.postMessage(reply, transfer);
});
