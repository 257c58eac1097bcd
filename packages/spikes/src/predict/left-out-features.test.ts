import { describe, expect, it } from 'vitest';
import { fitSpikePredictor } from './fit-spike-predictor.ts';
import { loadSpikePredictor } from './load-spike-predictor.ts';
import { syntheticSpikeTask, truncateTask } from './measure/synthetic-spike-task.ts';
import {
  DEFAULT_LEFT_OUT_FEATURES,
  SEASON_OF_YEAR_FEATURES,
  SPIKE_MONTH_FEATURES,
  spikeModelFeatures,
  WEEKDAY_FEATURES,
} from './spike-model-features.ts';

describe('spikeModelFeatures', () => {
  const names = [
    'month_sin',
    'dow_sin',
    'future_dow_cos',
    'anomalies_30d',
    'anomalies_7d',
    'hour_sin',
    'is_weekend',
  ];
  const matrix = {
    names,
    columns: names.map((_, j) => Float64Array.of(j, j + 0.5)),
    rows: 2,
    origins: Int32Array.of(0, 1),
    notes: [],
  };

  it('leaves out the month of the year by default, origin and target hour alike', () => {
    const seen = spikeModelFeatures(matrix);
    expect(seen.names).toEqual(names.slice(1));
    expect(Array.from(seen.columns[0]!)).toEqual([1, 1.5]);
    expect(DEFAULT_LEFT_OUT_FEATURES).toEqual([
      'month_sin',
      'future_month_sin',
      'month_cos',
      'future_month_cos',
    ]);
  });

  it('leaves out exactly the columns it is given', () => {
    const more = [...DEFAULT_LEFT_OUT_FEATURES, ...WEEKDAY_FEATURES, ...SPIKE_MONTH_FEATURES];
    expect(spikeModelFeatures(matrix, more).names).toEqual(['anomalies_7d', 'hour_sin', 'is_weekend']);
    expect(spikeModelFeatures(matrix, []).names).toEqual(names);
  });
});

// The case behind the measurement in the package README ("Leaving out the weekday or the 30-day
// spike count"): the spike evaluation's task for generator seed 414 (two years hourly from
// 2023-01-01, ground-truth spikes, launches planned), fitted on its first 75% as the evaluation
// does. On 2024-08-07 01:00 UTC nothing had happened for 30 days and nothing happened in the next
// 7. With the defaults the classifier gives 92 of the 96 hours 4-7 days out 0.5 to 1.0 (a known
// failure: "Over-confident far ahead" in the README); leaving the two out keeps them under the base
// rate. `leftOutFeatures` is a parameter, saved with the model.
describe('the spike predictor with the weekday and the 30-day count left out, a month into a quiet stretch', () => {
  const task = syntheticSpikeTask(414);
  const cut = Math.floor(task.series.values.length * 0.75);
  const train = truncateTask(task, cut);
  const origin = task.series.timestamps.indexOf(Date.parse('2024-08-07T01:00:00Z'));
  const history = truncateTask(task, origin + 1);
  const request = {
    horizon: 168,
    history: { series: history.series, anomalies: history.anomalies, spikeTypes: history.spikeTypes },
  };

  it('stays under the base rate 4-7 days out, and saves and loads the list', async () => {
    expect(origin).toBeGreaterThan(cut);
    expect(task.anomalies.subarray(origin - 30 * 24, origin + 169).every((a) => a === 0)).toBe(true);
    const baseRate = train.anomalies.reduce((a, b) => a + b, 0) / cut;
    const leftOutFeatures = [...DEFAULT_LEFT_OUT_FEATURES, ...WEEKDAY_FEATURES, ...SPIKE_MONTH_FEATURES];
    const predictor = await fitSpikePredictor(train.series, {
      anomalies: train.anomalies,
      plannedEvents: task.plannedEvents,
      parallel: false,
      leftOutFeatures,
    });
    const forecast = predictor.predict(request);
    expect(Math.max(...forecast.probability.subarray(72))).toBeLessThan(baseRate);

    const json = JSON.parse(JSON.stringify(predictor.toJSON()));
    const loaded = await loadSpikePredictor(json);
    expect(loaded.params.leftOutFeatures).toEqual(leftOutFeatures);
    expect(loaded.predict(request)).toEqual(forecast);
    // saved before leftOutFeatures existed: its models left out the month, and load so
    delete json.params.leftOutFeatures;
    const older = await loadSpikePredictor(json);
    expect(older.params.leftOutFeatures).toEqual([...SEASON_OF_YEAR_FEATURES]);
    for (const model of [predictor, loaded, older]) model.free();
  });
});
