import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CdfError } from '@cdf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPlannedEvents } from './planned-events-file.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'cdf-events-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

// The seed system's launch file shape, written here by hand.
const LAUNCH = {
  date: '2025-03-10T09:00:00Z',
  name: 'GPT-5, EU',
  expected_multiplier: 5,
  expected_duration_hours: 72,
};

describe('readPlannedEvents', () => {
  it('reads the seed shape from JSON and from CSV alike', async () => {
    const json = join(tmp, 'launches.json');
    await writeFile(json, JSON.stringify([LAUNCH]));
    const csv = join(tmp, 'launches.csv');
    await writeFile(
      csv,
      'date,name,expected_multiplier,expected_duration_hours\n2025-03-10T09:00:00Z,"GPT-5, EU",5,72\n',
    );
    const expected = [
      {
        start: Date.UTC(2025, 2, 10, 9),
        name: 'GPT-5, EU',
        expected_multiplier: 5,
        expected_duration_hours: 72,
      },
    ];
    expect(await readPlannedEvents(json)).toEqual(expected);
    expect(await readPlannedEvents(csv)).toEqual(expected);
  });

  it('names the file and row of a bad event', async () => {
    const csv = join(tmp, 'bad.csv');
    await writeFile(
      csv,
      'date,name,expected_multiplier,expected_duration_hours\n2025-03-10T09:00:00Z,a,5,72\n2025-03-11,b,-2,10\n',
    );
    const error = await readPlannedEvents(csv).catch((e: unknown) => e);
    expect(CdfError.isInstance(error) && error.code).toBe('INVALID_VALUE');
    expect((error as CdfError).toLine()).toMatch(/bad\.csv: row 2: invalid planned event/);
  });
});
