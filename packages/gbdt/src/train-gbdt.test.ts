import { CdfError } from '@cdf/core';
import { rocAuc } from '@cdf/eval';
import { describe, expect, it } from 'vitest';
import { binaryTarget, regressionTarget, rSquared, uniformColumns } from '../test/synthetic-rows.ts';
import { loadGbdt } from './load-gbdt.ts';
import { trainGbdt } from './train-gbdt.ts';

const params = { iterations: 120, maxDepth: 4, eta: 0.15 };

describe('trainGbdt', () => {
  it('learns a non-linear regression (R² > 0.9 on held-out rows)', async () => {
    const train = uniformColumns(3000, 5, 11);
    const test = uniformColumns(1000, 5, 12);
    const model = await trainGbdt({
      features: train,
      label: regressionTarget(train, 1),
      objective: 'regression',
      params,
      seed: 3,
    });
    const r2 = rSquared(regressionTarget(test, 2), model.predict(test));
    model.free();
    expect(r2).toBeGreaterThan(0.9);
  });

  it('separates a binary problem (AUC > 0.95) with probabilities in [0, 1]', async () => {
    const train = uniformColumns(3000, 4, 21);
    const test = uniformColumns(1000, 4, 22);
    const model = await trainGbdt({
      features: train,
      label: binaryTarget(train, 5).label,
      objective: 'binary',
      params,
      seed: 3,
    });
    const p = model.predict(test);
    model.free();
    expect(Math.min(...p)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...p)).toBeLessThanOrEqual(1);
    const truth = binaryTarget(test, 6);
    const auc = rocAuc(Uint8Array.from(truth.label), p);
    expect(auc).toBeGreaterThan(0.95);
    // Within 0.02 of the Bayes ranking (the true probabilities).
    expect(auc).toBeGreaterThan(rocAuc(Uint8Array.from(truth.label), truth.p) - 0.02);
  });

  it('gives byte-identical models for the same seed and different ones for another seed', async () => {
    const x = uniformColumns(1500, 4, 31);
    const y = regressionTarget(x, 3);
    const input = {
      features: x,
      label: y,
      objective: 'regression' as const,
      params: { ...params, subsample: 0.6 },
    };
    const a = await trainGbdt({ ...input, seed: 7 });
    const b = await trainGbdt({ ...input, seed: 7 });
    const c = await trainGbdt({ ...input, seed: 8 });
    expect(Buffer.from(a.modelBytes()).equals(Buffer.from(b.modelBytes()))).toBe(true);
    expect(Buffer.from(a.modelBytes()).equals(Buffer.from(c.modelBytes()))).toBe(false);
    expect(a.predict(x)).toEqual(b.predict(x));
    for (const m of [a, b, c]) m.free();
  });

  it('saves to JSON (base64 bytes) and loads a model that predicts identically', async () => {
    const x = uniformColumns(1000, 3, 41);
    const names = ['load', 'hour', 'lag'];
    const matrix = { names, columns: x, rows: 1000 };
    const model = await trainGbdt({
      features: matrix,
      label: regressionTarget(x, 4),
      objective: 'regression',
      params,
      seed: 1,
    });
    const json = JSON.stringify(model.toJSON());
    expect(JSON.parse(json).model).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const loaded = await loadGbdt(json);
    expect(loaded.featureNames).toEqual(names);
    expect(loaded.predict(matrix)).toEqual(model.predict(matrix));
    model.free();
    loaded.free();
  });

  it('treats NaN as missing and keeps a genuine -1 apart from it', async () => {
    // x0 is -1 or 1 (the label follows it); NaN rows have label 0.5: three distinct leaves.
    const rows = 600;
    const x0 = new Float64Array(rows);
    const y = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      x0[r] = r % 3 === 0 ? -1 : r % 3 === 1 ? 1 : Number.NaN;
      y[r] = r % 3 === 0 ? 0 : r % 3 === 1 ? 1 : 0.5;
    }
    const model = await trainGbdt({
      features: [x0],
      label: y,
      objective: 'regression',
      params: { iterations: 200, maxDepth: 2, eta: 0.3, subsample: 1, colsampleByTree: 1, minChildWeight: 0 },
      seed: 1,
    });
    const p = model.predict([Float64Array.of(-1, 1, Number.NaN)]);
    model.free();
    expect(p[0]).toBeCloseTo(0, 2);
    expect(p[1]).toBeCloseTo(1, 2);
    expect(p[2]).toBeCloseTo(0.5, 2);
  });

  it('gives integer weights by repeating rows', async () => {
    const x = [Float64Array.of(0, 1, 2, 3)];
    const label = Float64Array.of(1, 2, 3, 4);
    const base = { features: x, label, objective: 'regression' as const, seed: 1 };
    const p = {
      iterations: 1,
      maxDepth: 1,
      eta: 1,
      subsample: 1,
      colsampleByTree: 1,
      minChildWeight: 0,
      lambda: 0,
    };
    // One stump, eta 1, base score 0.5: with rows 0 and 1 dropped only labels 3 and 4 remain.
    const weighted = await trainGbdt({ ...base, weight: Float64Array.of(0, 0, 1, 1), params: p });
    const pred = weighted.predict([Float64Array.of(2, 3)]);
    weighted.free();
    expect(pred[0]).toBeCloseTo(3, 5);
    expect(pred[1]).toBeCloseTo(4, 5);
    await expect(trainGbdt({ ...base, weight: Float64Array.of(1, 0.5, 1, 1), params: p })).rejects.toThrow(
      /whole numbers/,
    );
  });

  it('rejects bad input with a CdfError naming the field', async () => {
    const x = [Float64Array.of(0, 1, 2)];
    const bad = (input: Parameters<typeof trainGbdt>[0]) => trainGbdt(input).catch((e: unknown) => e);
    const binary = await bad({ features: x, label: Float64Array.of(0, 2, 1), objective: 'binary', seed: 1 });
    expect(CdfError.isInstance(binary) && binary.location).toMatchObject({ row: 2, column: 'label' });
    const inf = await bad({
      features: [Float64Array.of(0, Number.POSITIVE_INFINITY, 1)],
      label: Float64Array.of(0, 1, 1),
      objective: 'binary',
      seed: 1,
    });
    expect(CdfError.isInstance(inf) && inf.location).toMatchObject({ row: 2, column: 'f0' });
    const short = await bad({ features: x, label: Float64Array.of(0, 1), objective: 'regression', seed: 1 });
    expect(CdfError.isInstance(short) && short.code).toBe('INVALID_VALUE');
    const param = await bad({
      features: x,
      label: Float64Array.of(0, 1, 2),
      objective: 'regression',
      seed: 1,
      params: { maxDepth: 0 },
    });
    expect(CdfError.isInstance(param) && param.code).toBe('INVALID_CONFIG');
  });

  it('refuses to predict after free and checks prediction columns', async () => {
    const x = uniformColumns(200, 2, 51);
    const model = await trainGbdt({
      features: { names: ['a', 'b'], columns: x, rows: 200 },
      label: x[0]!,
      objective: 'regression',
      params: { iterations: 5 },
      seed: 1,
    });
    expect(() => model.predict({ names: ['b', 'a'], columns: x, rows: 200 })).toThrow(/differ/);
    expect(() => model.predict([x[0]!])).toThrow(/differ/);
    model.free();
    expect(() => model.predict(x)).toThrow(/freed/);
    model.free();
  });
});
