import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSynthetic, loadMetrics, prepareSeries, syntheticToCsv } from '@cdf/data';
import { speedCase } from '../speed-case.ts';
import type { Suite } from '../suite.ts';

const TWO_YEARS = { start: '2025-01-01T00:00:00Z', end: '2027-01-01T00:00:00Z', seed: 11 };

/** Rows of the large CSV: 1M in a full run (5-minute steps over ~9.5 years), 100k in a quick one. */
function largeRows(quick: boolean): number {
  return quick ? 100_000 : 1_000_000;
}

function writeSyntheticCsv(path: string, rows: number, stepMs: number): void {
  const start = Date.UTC(2020, 0, 1);
  writeFileSync(
    path,
    syntheticToCsv(generateSynthetic({ start, end: start + rows * stepMs, stepMs, seed: 3 })),
  );
}

/** @cdf/data: generate, load and prepare. */
export const dataSuite: Suite = {
  name: 'data',
  speed: [
    speedCase({
      id: 'data/generate-2y',
      title: 'synthetic 2 years hourly + CSV text',
      units: () => ({ count: 17_520, unit: 'rows' }),
      setup: () => undefined,
      run: () => syntheticToCsv(generateSynthetic(TWO_YEARS)),
    }),
    speedCase({
      id: 'data/load-csv-2y',
      title: 'load + validate a 17,520-row CSV',
      units: () => ({ count: 17_520, unit: 'rows' }),
      setup: (ctx) => {
        const path = join(ctx.scratch, 'two-years.csv');
        writeFileSync(path, syntheticToCsv(generateSynthetic(TWO_YEARS)));
        return path;
      },
      run: (path) => loadMetrics(path),
    }),
    speedCase({
      id: 'data/prepare-2y',
      title: 'sort, dedupe, infer step, fill gaps (17,520 rows)',
      units: () => ({ count: 17_520, unit: 'rows' }),
      setup: async (ctx) => {
        const path = join(ctx.scratch, 'two-years-prepare.csv');
        writeFileSync(path, syntheticToCsv(generateSynthetic(TWO_YEARS)));
        return loadMetrics(path);
      },
      run: (table) => prepareSeries(table),
    }),
    speedCase({
      id: 'data/load-csv-large',
      title: 'load + validate a large CSV (1M rows; 100k in --quick)',
      units: (ctx) => ({ count: largeRows(ctx.quick), unit: 'rows' }),
      setup: (ctx) => {
        const path = join(ctx.scratch, 'large.csv');
        writeSyntheticCsv(path, largeRows(ctx.quick), 300_000);
        return path;
      },
      run: (path) => loadMetrics(path),
    }),
  ],
};
