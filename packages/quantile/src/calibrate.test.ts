import { QUANTILE_COLUMNS, QUANTILE_LEVELS } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { arForecaster, arForecasterFor, arSeries } from '../test/ar-series.ts';
import { assembleScenarios } from './assemble-scenarios.ts';
import { calibrate } from './calibrate.ts';
import { runRollingOrigin } from './rolling-origin.ts';
import { seriesHead } from './series-window.ts';

const H = 48;
const buckets = [6, 24, 48];

describe('calibrate', () => {
  it('covers a stationary log-AR(1) process at the nominal levels on held-out origins', async () => {
    const series = arSeries(8000, 3);
    // Calibrate on the first 4000 points only; score on origins after them.
    const table = await calibrate({
      series: seriesHead(series, 4000),
      forecaster: arForecaster,
      horizon: H,
      origins: 150,
      stride: 23,
      buckets,
    });
    const held = await runRollingOrigin({
      series,
      horizon: H,
      origins: 150,
      stride: 25,
      forecasters: { point: arForecaster },
      minHistory: 4000,
    });
    const below = new Float64Array(QUANTILE_LEVELS.length);
    let steps = 0;
    for (const record of held) {
      const frame = assembleScenarios({ timestamps: record.times, point: record.forecasts.point!, table });
      frame.forEach((row, i) => {
        QUANTILE_COLUMNS.forEach((c, k) => {
          if (record.actual[i]! <= row[c]) below[k]!++;
        });
        steps++;
      });
    }
    expect(held.length).toBeGreaterThanOrEqual(140);
    QUANTILE_LEVELS.forEach((level, k) => {
      const coverage = below[k]! / steps;
      expect(Math.abs(coverage - level)).toBeLessThan(level === 0.99 ? 0.015 : 0.04);
    });
  });

  it('gives intervals that widen with the horizon bucket on average, from the data alone', async () => {
    // phi = 0.97: the error variance is still growing between bucket 7-24 and 25-48.
    const series = arSeries(5000, 4, 0.97);
    const table = await calibrate({
      series,
      forecaster: arForecasterFor(0.97),
      horizon: H,
      origins: 150,
      stride: 23,
      buckets,
      monotoneWidth: false,
    });
    const mid = table.grid.indexOf(0.5);
    const levels = [0.75, 0.9, 0.95, 0.99].map((level) => table.grid.indexOf(level));
    const meanWidth = table.all.map(
      (row) => levels.reduce((sum, k) => sum + row[k]! - row[mid]!, 0) / levels.length,
    );
    for (let b = 1; b < meanWidth.length; b++) expect(meanWidth[b]!).toBeGreaterThan(meanWidth[b - 1]!);
  });

  it('forces widths to be non-decreasing when a far bucket is narrower by chance', async () => {
    const series = arSeries(1500, 5);
    // Origins spaced so the first bucket holds few residuals: its spread is noisy.
    const table = await calibrate({
      series,
      forecaster: arForecaster,
      horizon: H,
      origins: 20,
      stride: 37,
      buckets,
    });
    const mid = table.grid.indexOf(0.5);
    for (let k = mid; k < table.grid.length; k++) {
      for (let b = 1; b < table.all.length; b++) {
        expect(table.all[b]![k]! - table.all[b]![mid]!).toBeGreaterThanOrEqual(
          table.all[b - 1]![k]! - table.all[b - 1]![mid]! - 1e-12,
        );
      }
    }
  });
});
