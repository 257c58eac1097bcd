import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FleetWorkerMessage, FleetWorkerRequest } from './fleet-worker.ts';
import type { ResolvedPipeline } from './resolved-pipeline.ts';
import { runSeriesJob, type SeriesJob, type SeriesOutcome } from './series-job.ts';

/**
 * The built worker entry: `fleet-worker.js` beside the bundled CLI (`dist/cli.js`), or the
 * app's `dist/` seen from the TypeScript source (`src/pipeline/`, under vitest).
 */
export function fleetWorkerUrl(): URL | undefined {
  const candidates = [
    new URL('./fleet-worker.js', import.meta.url),
    new URL('../../dist/fleet-worker.js', import.meta.url),
  ];
  return candidates.find((url) => url.protocol === 'file:' && existsSync(fileURLToPath(url)));
}

/**
 * The process's node flags without export conditions: the worker is built JavaScript and must
 * load the built packages, even when the parent runs with `--conditions @cdf/source` (tests).
 */
function builtExecArgv(): string[] {
  const out: string[] = [];
  const args = process.execArgv;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--conditions' || arg === '-C') i++;
    else if (!arg.startsWith('--conditions=') && !arg.startsWith('-C=')) out.push(arg);
  }
  return out;
}

/** Options of {@link runFleet}. */
export interface RunFleetOptions {
  /** Worker threads; default the machine's cores (at most one per series). 1 runs in-process. */
  threads?: number;
  /** The pipeline for in-process runs (already resolved). */
  pipeline?: ResolvedPipeline;
  /** A series started a stage. */
  onStage?: (id: string, stage: string) => void;
  /** A series finished (either way). */
  onDone?: (outcome: SeriesOutcome, done: number, total: number) => void;
}

/** How a fleet ran: outcomes in job order, and the threads used. */
export interface FleetResult {
  outcomes: SeriesOutcome[];
  /** Worker threads used; 0 = in-process. */
  threads: number;
}

/**
 * Run series jobs across worker threads (one model set per series), each worker taking the
 * next job when it finishes one, so long and short series balance out. A failing series is an
 * outcome like any other: the rest carry on. Without a built worker entry, or with one thread,
 * the jobs run one after another in-process.
 */
export async function runFleet(
  jobs: readonly SeriesJob[],
  options: RunFleetOptions = {},
): Promise<FleetResult> {
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), jobs.length));
  const workerUrl = fleetWorkerUrl();
  const outcomes: SeriesOutcome[] = new Array(jobs.length);
  let done = 0;
  const finish = (index: number, outcome: SeriesOutcome) => {
    outcomes[index] = outcome;
    done++;
    options.onDone?.(outcome, done, jobs.length);
  };

  if (threads === 1 || workerUrl === undefined) {
    for (const [index, job] of jobs.entries()) {
      const outcome = await runSeriesJob(job, {
        ...(options.pipeline ? { pipeline: options.pipeline } : {}),
        onStage: (stage) => options.onStage?.(job.series.id, stage),
      });
      finish(index, outcome);
    }
    return { outcomes, threads: 0 };
  }

  let next = 0;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(workerUrl, { execArgv: builtExecArgv() });
      const feed = () => {
        if (next >= jobs.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        const index = next++;
        worker.postMessage({ index, job: jobs[index]! } satisfies FleetWorkerRequest);
      };
      worker.on('message', (message: FleetWorkerMessage) => {
        if (message.type === 'stage') options.onStage?.(jobs[message.index]!.series.id, message.stage);
        else {
          finish(message.index, message.outcome);
          feed();
        }
      });
      worker.on('error', reject);
      feed();
    });
  await Promise.all(Array.from({ length: threads }, runWorker));
  return { outcomes, threads };
}
