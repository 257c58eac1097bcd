/** Vitest global setup: build `dist-worker/train-worker.js` from the current source before the tests. */
import { build } from 'tsup';
import { workerBuild } from '../tsup.worker.ts';

export default async function setup(): Promise<void> {
  await build({ ...workerBuild, config: false });
}
