import { describe, expect, it } from 'vitest';
import { regressionTarget, uniformColumns } from '../test/synthetic-rows.ts';
import { loadGbdt } from './load-gbdt.ts';
import { trainGbdt } from './train-gbdt.ts';
import { xgboostLog } from './xgboost-runtime.ts';

// Its own file, so the WASM runtime is loaded for the first time inside the capture.
describe('WASM console noise', () => {
  it('never reaches stdout, stderr or the console, and is kept in xgboostLog()', async () => {
    const written: string[] = [];
    const out = process.stdout.write.bind(process.stdout);
    const err = process.stderr.write.bind(process.stderr);
    const originals = { log: console.log, warn: console.warn, error: console.error, info: console.info };
    const record = (chunk: unknown) => {
      written.push(String(chunk));
      return true;
    };
    process.stdout.write = record as typeof process.stdout.write;
    process.stderr.write = record as typeof process.stderr.write;
    console.log =
      console.warn =
      console.error =
      console.info =
        (...args: unknown[]) => record(args.join(' '));
    try {
      const x = uniformColumns(500, 3, 81);
      const model = await trainGbdt({
        features: x,
        label: regressionTarget(x, 1),
        objective: 'regression',
        params: { iterations: 10 },
        seed: 1,
      });
      const loaded = await loadGbdt(model.toJSON());
      loaded.predict(x);
      model.free();
      loaded.free();
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.stdout.write = out;
      process.stderr.write = err;
      Object.assign(console, originals);
    }
    expect(written).toEqual([]);
    // The noise was produced, and captured rather than lost.
    expect(xgboostLog().some((line) => line.includes('Tree method is selected'))).toBe(true);
    expect(xgboostLog().some((line) => line.includes('falling back to ArrayBuffer'))).toBe(true);
  });
});
