import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdfRunner } from '../../test/run-cdf.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'cdf-generate-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const cdf = cdfRunner();

async function rows(path: string): Promise<string[][]> {
  const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
  return lines.slice(1).map((line) => line.split(','));
}

describe('cdf generate --no-events', () => {
  it('writes the same demand with no event applied: equal outside the events, normal inside them', async () => {
    const span = ['--start', '2024-01-01', '--end', '2024-04-01', '--seed', '3'];
    const withEvents = join(tmp, 'with.csv');
    const without = join(tmp, 'without.csv');
    expect((await cdf('generate', ...span, '--out', withEvents)).code).toBe(0);
    const run = await cdf('generate', ...span, '--out', without, '--no-events');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /wrote 2,184 rows .* seed 3\) to .*without\.csv; no events applied; \d+ planned launches/,
    );

    const a = await rows(withEvents);
    const b = await rows(without);
    expect(b).toHaveLength(a.length);
    expect(b.every((row) => row[6] === '')).toBe(true); // no event_type anywhere
    let inside = 0;
    let higher = 0;
    for (let i = 0; i < a.length; i++) {
      expect(b[i]![0]).toBe(a[i]![0]);
      if (a[i]![6] === '')
        expect(b[i]![1]).toBe(a[i]![1]); // the same noise and calendar
      else {
        inside++;
        if (Number(a[i]![1]) > Number(b[i]![1])) higher++;
      }
    }
    // seed 3's quarter holds events, and nearly every event hour is above its event-free twin
    expect(inside).toBeGreaterThan(50);
    expect(higher / inside).toBeGreaterThan(0.95);
  });

  it('says so in --json', async () => {
    const out = join(tmp, 'json.csv');
    const run = await cdf(
      'generate',
      '--start',
      '2024-01-01',
      '--end',
      '2024-01-08',
      '--out',
      out,
      '--no-events',
      '--json',
    );
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.eventsApplied).toBe(false);
    expect(result.eventsByType).toEqual({
      feature_launch: 0,
      viral_event: 0,
      api_abuse: 0,
      gradual_growth: 0,
    });
  });
});
