import { CdfError, SCENARIOS, ScenarioFrameSchema, type Series } from '@cdf/core';
import { generateSynthetic, syntheticSeries } from '@cdf/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dailyNaive } from '../test/seasonal-naive-forecaster.ts';
import { calibrationMinHistory } from './calibration-origins.ts';
import { fitQuantileStage } from './fit-quantile-stage.ts';
import { type FittedQuantileStage, loadQuantileStage } from './fitted-quantile-stage.ts';
import { resolveQuantileParams } from './quantile-params.ts';
import { quantilePlugin } from './quantile-plugin.ts';

// 60 days of synthetic demand (seed 5): small enough for a fast test, long enough for weekly features.
const data = generateSynthetic({ start: '2024-03-01', end: '2024-04-30', seed: 5 });
const series: Series = syntheticSeries(data, { id: 'synthetic' });
const params = {
  origins: 6,
  originStride: 25,
  horizonBuckets: [6, 24],
  minResiduals: 30,
  regressor: { iterations: 15, maxRows: 4000 },
};

describe('fitted quantile stage', () => {
  let stage: FittedQuantileStage;
  beforeAll(async () => {
    stage = await quantilePlugin
      .create(params)
      .fit({ series, horizon: 24, baseline: dailyNaive }, { seed: 3 });
  });
  afterAll(() => stage.free());

  it('fits, assembles a valid frame, and saves and loads to the same frame', async () => {
    expect(stage.hasRegressor).toBe(true);
    expect(stage.weights).toHaveLength(2);
    const baseline = await dailyNaive(series, 24);
    const frame = await stage.assemble({
      history: series,
      baseline,
      capacity: (r) => r[SCENARIOS.conservative],
    });
    expect(ScenarioFrameSchema.safeParse(frame).success).toBe(true);
    expect(frame).toHaveLength(24);
    expect(frame[0]!.timestamp).toBe(series.timestamps[series.timestamps.length - 1]! + 3_600_000);
    for (const row of frame) expect(row.p99).toBeGreaterThan(row.p50);

    const text = JSON.stringify(stage.toJSON());
    const loaded = loadQuantileStage(text);
    expect(JSON.stringify(loaded.toJSON())).toBe(text);
    const again = await loaded.assemble({
      history: series,
      baseline,
      capacity: (r) => r[SCENARIOS.conservative],
    });
    expect(again).toEqual(frame);
    loaded.free();
  });

  it('is deterministic for a seed', async () => {
    const again = await fitQuantileStage({ series, horizon: 24, baseline: dailyNaive }, params, { seed: 3 });
    expect(JSON.stringify(again.toJSON())).toBe(JSON.stringify(stage.toJSON()));
    again.free();
  });

  it('rejects bad parameters and saved models with a CdfError', async () => {
    expect(() => quantilePlugin.create({ horizonBuckets: [24, 6] })).toThrow(/ascending/);
    expect(() => quantilePlugin.create({ origins: 0 })).toThrow(CdfError);
    expect(() =>
      loadQuantileStage({ schemaVersion: 1, stage: 'baseline', name: 'x', params: {}, state: {} }),
    ).toThrow(/not a conformal quantile stage/);
    await expect(
      fitQuantileStage({ series, horizon: 24, baseline: dailyNaive, spikes: new Uint8Array(3) }, params),
    ).rejects.toThrow(/spike mask does not match/);
  });
});

describe('a history too short for the regressor', () => {
  // 20 days of the same generator: under the default regressor.minHistoryDays (28).
  const shortData = generateSynthetic({ start: '2024-03-01', end: '2024-03-21', seed: 5 });
  const short: Series = syntheticSeries(shortData, { id: 'synthetic-20d' });
  const fit = (minHistoryDays?: number) =>
    fitQuantileStage(
      { series: short, horizon: 24, baseline: dailyNaive },
      {
        ...params,
        regressor: { ...params.regressor, minHistoryDays },
      },
    );

  it('gets the baseline alone, and a note saying why', async () => {
    const fitted = await fit();
    expect(fitted.hasRegressor).toBe(false);
    expect(fitted.weights).toEqual([1, 1]);
    expect(fitted.notes).toContain(
      'level regressor: 20.0 days of history, under regressor.minHistoryDays (28): baseline-only point forecast',
    );
    fitted.free();
  });

  it('gets the regressor when minHistoryDays allows it', async () => {
    const fitted = await fit(14);
    expect(fitted.hasRegressor).toBe(true);
    expect(fitted.notes.some((n) => n.includes('minHistoryDays'))).toBe(false);
    fitted.free();
  });
});

describe('calibration origins have most of the history', () => {
  it('needs half the history by default, or the horizon when no origin has half', () => {
    const p = resolveQuantileParams({});
    expect(calibrationMinHistory(700, 48, p)).toBe(350);
    expect(calibrationMinHistory(17_520, 168, p)).toBe(8760);
    // 60 points, horizon 48: the latest origin has 12 points, less than half.
    expect(calibrationMinHistory(60, 48, p)).toBe(48);
    expect(calibrationMinHistory(700, 48, resolveQuantileParams({ minHistoryShare: 0 }))).toBe(48);
  });

  it('leaves out the origins with less', async () => {
    const notesOf = async (extra: Record<string, unknown>) => {
      const fitted = await fitQuantileStage(
        { series, horizon: 24, baseline: dailyNaive },
        { ...params, regressor: { enabled: false }, ...extra },
      );
      fitted.free();
      return fitted.notes.find((n) => n.startsWith('calibration:'));
    };
    // 1,440 points: origins need 720; 60 origins 23 apart reach back 1,357 + 24 steps, so the
    // 31 whose history is >= 720 are kept ((1440 - 24 - 720) / 23 = 30.3).
    expect(await notesOf({ origins: 60, originStride: 23 })).toBe(
      'calibration: 31 rolling origins, 23 steps apart',
    );
    expect(await notesOf({ origins: 60, originStride: 23, minHistoryShare: 0 })).toBe(
      'calibration: 60 rolling origins, 23 steps apart',
    );
  });
});
