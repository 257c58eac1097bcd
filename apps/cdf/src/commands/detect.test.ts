import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdfRunner } from '../../test/run-cdf.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'cdf-detect-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const cdf = cdfRunner();

/** Ten weeks of synthetic demand (seed 3, from 2024-01-01) into `out`, with `extra` generate flags. */
async function generateTenWeeks(out: string, ...extra: string[]): Promise<void> {
  const generated = await cdf(
    'generate',
    '--start',
    '2024-01-01',
    '--end',
    '2024-03-11',
    '--seed',
    '3',
    '--out',
    out,
    ...extra,
  );
  expect(generated.code).toBe(0);
}

describe('cdf detect', () => {
  it('writes one row per step and the typed events beside it', async () => {
    const metrics = join(tmp, 'metrics.csv');
    const truth = join(tmp, 'truth.csv');
    await generateTenWeeks(metrics, '--events-out', truth);
    const out = join(tmp, 'anomalies.csv');
    const { code, stdout, stderr } = await cdf('detect', '--input', metrics, '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/scored 1,680 steps at sensitivity 0.5: [\d,]+ anomalous, \d+ spike events/);

    const lines = (await readFile(out, 'utf8')).trimEnd().split('\n');
    expect(lines[0]).toBe('timestamp,value,expected,score,is_anomaly,spike_type,detectors');
    expect(lines).toHaveLength(1 + 1680);
    expect(lines[1]).toMatch(/^2024-01-01T00:00:00.000Z,[\d.]+,[\d.]+,0,false,,$/);
    const flagged = lines.slice(1).filter((l) => l.split(',')[4] === 'true');
    expect(flagged.length).toBeGreaterThan(0);
    for (const line of flagged) {
      const cells = line.split(',');
      expect(Number(cells[3])).toBeGreaterThanOrEqual(0.5);
      expect(cells[5]).toMatch(/^(feature_launch|viral_event|api_abuse|gradual_growth)$/);
      expect(cells[6]).toMatch(/robust_z|rate_of_change|isolation_forest/);
    }

    const events = (await readFile(join(tmp, 'anomalies-events.csv'), 'utf8')).trimEnd().split('\n');
    expect(events[0]).toBe('start,end,peak,peak_value,magnitude,type,score');
    expect(events.length).toBeGreaterThan(1);
    // Most detected events overlap a true one (event precision on this seed).
    const truthRows = (await readFile(truth, 'utf8')).trimEnd().split('\n').slice(1);
    const truthSpans = truthRows.map((r) =>
      r
        .split(',')
        .slice(0, 2)
        .map((t) => Date.parse(t)),
    );
    const matched = events.slice(1).filter((row) => {
      const [start, end] = row
        .split(',')
        .slice(0, 2)
        .map((t) => Date.parse(t));
      return truthSpans.some(([s, e]) => start! <= e! && end! >= s!);
    });
    console.log(`detect: ${matched.length} of ${events.length - 1} events match the truth`);
    expect(matched.length / (events.length - 1)).toBeGreaterThanOrEqual(0.75);
  });

  it('reads planned launches from JSON or CSV alike, as cdf forecast --events does', async () => {
    // The same ten weeks with their planned launches written both ways.
    const metrics = join(tmp, 'launch-metrics.csv');
    const events: Record<string, string> = {};
    for (const ext of ['json', 'csv']) {
      const launches = join(tmp, `launches.${ext}`);
      await generateTenWeeks(metrics, '--launches-out', launches);
      const out = join(tmp, `with-launches-${ext}.csv`);
      const run = await cdf('detect', '--input', metrics, '--launches', launches, '--out', out);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      events[ext] = await readFile(join(tmp, `with-launches-${ext}-events.csv`), 'utf8');
    }
    expect(events.csv).toBe(events.json);
    expect(events.json).toContain(',feature_launch,');
  });

  it('a higher sensitivity flags at least as many steps', async () => {
    const metrics = join(tmp, 'metrics.csv');
    const count = async (s: string) => {
      const out = join(tmp, `a-${s}.csv`);
      expect((await cdf('detect', '--input', metrics, '--out', out, '--sensitivity', s)).code).toBe(0);
      return (await readFile(out, 'utf8')).split('\n').filter((l) => l.split(',')[4] === 'true').length;
    };
    expect(await count('0.8')).toBeGreaterThanOrEqual(await count('0.3'));
  });

  it('refuses a sensitivity outside 0..1 with one line and exit code 2', async () => {
    const { code, stderr } = await cdf('detect', '--input', 'x.csv', '--out', 'y.csv', '--sensitivity', '2');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--sensitivity: "2" is not a number from 0 to 1/);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('names the file when the input is missing', async () => {
    const { code, stderr } = await cdf(
      'detect',
      '--input',
      join(tmp, 'nope.csv'),
      '--out',
      join(tmp, 'o.csv'),
    );
    expect(code).not.toBe(0);
    expect(stderr).toContain('nope.csv');
  });
});
