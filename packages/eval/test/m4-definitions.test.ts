/**
 * sMAPE, MASE, OWA and the M4 reference forecasts on the M4 hourly data in
 * ../shared/datasets/m4-hourly, or $CDF_DATASETS/m4-hourly (the even-numbered half, 207 of 414 series; M4 competition).
 * The definitions are those of the dataset README:
 *   "sMAPE = mean of 200|y-f|/(|y|+|f|); MASE = mean |y-f| divided by the in-sample
 *    mean |y_t - y_{t-24}|; OWA = mean of MASE/MASE_Naive2 and sMAPE/sMAPE_Naive2."
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { datasetsDir, mase, naive2, owa, seasonalNaive, smape } from '../src/index.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const m4Dir = join(datasetsDir(repoRoot), 'm4-hourly');

function readLong(file: string): Map<string, number[]> {
  const series = new Map<string, number[]>();
  const lines = readFileSync(join(m4Dir, file), 'utf8').split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const first = line.indexOf(',');
    const last = line.lastIndexOf(',');
    const id = line.slice(0, first);
    let values = series.get(id);
    if (values === undefined) {
      values = [];
      series.set(id, values);
    }
    values.push(Number(line.slice(last + 1)));
  }
  return series;
}

describe('M4 definitions on M4 hourly', () => {
  let train: Map<string, number[]>;
  let test: Map<string, number[]>;

  beforeAll(() => {
    if (!existsSync(m4Dir))
      throw new Error(`M4 data not found at ${m4Dir}: the shared datasets folder is required`);
    train = readLong('train.csv');
    test = readLong('test.csv');
  });

  it('smape and mase equal the README formulas written out literally', () => {
    const insample = train.get('H2')!;
    const actual = test.get('H2')!;
    const forecast = seasonalNaive(insample, 48, 24);
    let smapeSum = 0;
    let maeSum = 0;
    for (let t = 0; t < 48; t++) {
      smapeSum +=
        (200 * Math.abs(actual[t]! - forecast[t]!)) / (Math.abs(actual[t]!) + Math.abs(forecast[t]!));
      maeSum += Math.abs(actual[t]! - forecast[t]!);
    }
    let scaleSum = 0;
    for (let t = 24; t < insample.length; t++) scaleSum += Math.abs(insample[t]! - insample[t - 24]!);
    const scale = scaleSum / (insample.length - 24);
    expect(smape(actual, forecast)).toBeCloseTo(smapeSum / 48, 10);
    expect(mase(actual, forecast, { insample, seasonalPeriod: 24 })).toBeCloseTo(maeSum / 48 / scale, 10);
  });

  it('sNaive and Naive2 land near the published all-414 scores on our half', () => {
    const scores = { sNaive: { smape: 0, mase: 0 }, naive2: { smape: 0, mase: 0 } };
    for (const [id, insample] of train) {
      const actual = test.get(id)!;
      const forecasts = { sNaive: seasonalNaive(insample, 48, 24), naive2: naive2(insample, 48, 24) };
      for (const name of ['sNaive', 'naive2'] as const) {
        scores[name].smape += smape(actual, forecasts[name]) / train.size;
        scores[name].mase += mase(actual, forecasts[name], { insample, seasonalPeriod: 24 }) / train.size;
      }
    }
    const sNaiveOwa = owa(scores.sNaive, scores.naive2);
    console.log(
      `M4 hourly (${train.size} series): sNaive sMAPE ${scores.sNaive.smape.toFixed(3)} MASE ${scores.sNaive.mase.toFixed(3)}; Naive2 sMAPE ${scores.naive2.smape.toFixed(3)} MASE ${scores.naive2.mase.toFixed(3)}; sNaive OWA ${sNaiveOwa.toFixed(3)}`,
    );
    expect(train.size).toBe(207);
    // Published over all 414 series: sNaive 13.912 / 1.193, Naive2 18.383 / 2.395, sNaive OWA 0.627.
    // Measured on this half: 13.845 / 1.154, 18.541 / 2.358, 0.618. Half the series cannot match
    // exactly; the tolerances catch a wrong definition (plain naive scores 43.0 / 11.6), not noise.
    expect(Math.abs(scores.sNaive.smape - 13.912)).toBeLessThan(0.5);
    expect(Math.abs(scores.sNaive.mase - 1.193)).toBeLessThan(0.1);
    expect(Math.abs(scores.naive2.smape - 18.383)).toBeLessThan(0.5);
    expect(Math.abs(scores.naive2.mase - 2.395)).toBeLessThan(0.1);
    expect(Math.abs(sNaiveOwa - 0.627)).toBeLessThan(0.03);
  });
});
