import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HOUR_MS } from '@cdf/core';
import { generateSynthetic, syntheticToCsv } from '@cdf/data';

/**
 * Small pipeline inputs made by @cdf/data's synthetic generator for the command tests: six
 * weeks of hourly demand from Monday 2025-01-06 (seed 3), and a long table of three such series
 * (seeds 3, 4, 5) plus one broken series whose timestamps repeat.
 */
export const FIXTURE_START = Date.UTC(2025, 0, 6);
/** End of the six weeks. */
export const FIXTURE_END = FIXTURE_START + 42 * 24 * HOUR_MS;

function series(seed: number) {
  return generateSynthetic({
    start: FIXTURE_START,
    end: FIXTURE_END,
    seed,
    stepMs: HOUR_MS,
    timeZone: 'UTC',
  });
}

/** Write `metrics.csv` (one series) into `dir`; returns its path. */
export async function writeSingleSeries(dir: string): Promise<string> {
  const file = join(dir, 'metrics.csv');
  await writeFile(file, syntheticToCsv(series(3)));
  return file;
}

/** Write `fleet.csv` (ids a, b, c and a broken `bad`) into `dir`; returns its path. */
export async function writeFleet(dir: string): Promise<string> {
  const lines = ['series_id,timestamp,compute_tflops'];
  for (const [id, seed] of [
    ['a', 3],
    ['b', 4],
    ['c', 5],
  ] as const) {
    const data = series(seed);
    const values = data.columns.compute_tflops!;
    for (const [i, t] of data.timestamps.entries())
      lines.push(`${id},${new Date(t).toISOString()},${values[i]}`);
  }
  // A duplicate timestamp with a different value: the series cannot be prepared.
  for (let i = 0; i < 400; i++)
    lines.push(`bad,${new Date(FIXTURE_START + i * HOUR_MS).toISOString()},${100 + i}`);
  lines.push(`bad,${new Date(FIXTURE_START).toISOString()},7`);
  const file = join(dir, 'fleet.csv');
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}
