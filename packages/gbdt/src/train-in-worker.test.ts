import { describe, expect, it } from 'vitest';
import { binaryTarget, regressionTarget, uniformColumns } from '../test/synthetic-rows.ts';
import { trainGbdt } from './train-gbdt.ts';
import { trainGbdtInWorker, trainManyInParallel } from './train-in-worker.ts';
import { trainWorkerAvailable } from './worker-entry.ts';

const params = { iterations: 60, maxDepth: 4, subsample: 0.7 };

describe('training in worker threads', () => {
  it('finds the worker entry built by the test setup', () => {
    expect(trainWorkerAvailable()).toBe(true);
  });

  it('trains the same model as in-process training, bit for bit, leaving the inputs intact', async () => {
    const x = uniformColumns(2000, 5, 61);
    x[3]![10] = Number.NaN;
    const y = regressionTarget(x, 7);
    const copy = x.map((c) => c.slice());
    const input = { features: x, label: y, objective: 'regression' as const, params, seed: 5 };
    const here = await trainGbdt(input);
    const there = await trainGbdtInWorker(input);
    expect(Buffer.from(there.modelBytes()).equals(Buffer.from(here.modelBytes()))).toBe(true);
    expect(there.predict(x)).toEqual(here.predict(x));
    expect(x).toEqual(copy);
    here.free();
    there.free();
  });

  it('trains many jobs in parallel and returns them in input order', async () => {
    const x = uniformColumns(1500, 4, 71);
    const jobs = [
      { features: x, label: regressionTarget(x, 8), objective: 'regression' as const, params, seed: 1 },
      { features: x, label: binaryTarget(x, 9).label, objective: 'binary' as const, params, seed: 2 },
      { features: x, label: regressionTarget(x, 10), objective: 'regression' as const, params, seed: 3 },
    ];
    const models = await trainManyInParallel(jobs, { concurrency: 2 });
    expect(models.map((m) => m.objective)).toEqual(['regression', 'binary', 'regression']);
    for (const [k, job] of jobs.entries()) {
      const reference = await trainGbdt(job);
      expect(models[k]!.predict(x)).toEqual(reference.predict(x));
      reference.free();
      models[k]!.free();
    }
  });

  it('rejects bad input before starting any worker', async () => {
    const x = [Float64Array.of(1, 2)];
    await expect(
      trainManyInParallel([{ features: x, label: Float64Array.of(0, 3), objective: 'binary', seed: 1 }]),
    ).rejects.toThrow(/label/);
  });
});
