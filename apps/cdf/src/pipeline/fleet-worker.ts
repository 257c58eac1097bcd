import { parentPort } from 'node:worker_threads';
import { runSeriesJob, type SeriesJob } from './series-job.ts';

/*
 * Worker-thread entry of fleet runs (built to dist/fleet-worker.js by tsup). It takes one
 * series job at a time from the pool and posts back its outcome; stage changes are posted as
 * progress messages. Plug-ins are resolved once per worker.
 */

/** A message from the pool: run this job. */
export interface FleetWorkerRequest {
  index: number;
  job: SeriesJob;
}

/** A message to the pool: a stage started, or the job is done. */
export type FleetWorkerMessage =
  | { type: 'stage'; index: number; stage: string }
  | { type: 'done'; index: number; outcome: Awaited<ReturnType<typeof runSeriesJob>> };

const port = parentPort;
if (port !== null) {
  port.on('message', async (request: FleetWorkerRequest) => {
    const outcome = await runSeriesJob(request.job, {
      onStage: (stage) =>
        port.postMessage({ type: 'stage', index: request.index, stage } satisfies FleetWorkerMessage),
    });
    port.postMessage({ type: 'done', index: request.index, outcome } satisfies FleetWorkerMessage);
  });
}
