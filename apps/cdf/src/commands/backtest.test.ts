import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdfRunner } from '../../test/run-cdf.ts';

let tmp: string;
let fleet: string;

// A long table written for this test, hourly from 2025-03-03T00:00Z (three weeks):
//   daily: 100 + 10 * (hour of day), 4 higher on odd days -> seasonal naive is 4 off everywhere;
//   trend: 100 + t, rising 1 per hour -> seasonal naive (one day back) is 24 low at steps 1-24;
//   stub:  30 points only -> too short for a 24-step backtest.
function fleetCsv(): string {
  const lines = ['timestamp,series,compute_tflops'];
  const start = Date.UTC(2025, 2, 3);
  const iso = (t: number) => new Date(start + t * 3_600_000).toISOString().replace('.000Z', 'Z');
  for (let t = 0; t < 504; t++)
    lines.push(`${iso(t)},daily,${100 + 10 * (t % 24) + 4 * (Math.floor(t / 24) % 2)}`);
  for (let t = 0; t < 504; t++) lines.push(`${iso(t)},trend,${100 + t}`);
  for (let t = 0; t < 30; t++) lines.push(`${iso(t)},stub,${50 + t}`);
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'cdf-backtest-'));
  fleet = join(tmp, 'fleet.csv');
  await writeFile(fleet, fleetCsv());
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const cdf = cdfRunner();

describe('cdf backtest', () => {
  it('backtests every series, prints the table and writes the JSON; a bad series is reported', async () => {
    const out = join(tmp, 'seasonal.json');
    const { code, stdout, stderr } = await cdf(
      'backtest',
      '--input',
      fleet,
      '--id-col',
      'series',
      '--horizon',
      '24',
      '--origins',
      '3',
      '--model',
      'seasonal-naive',
      '--out',
      out,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('backtest of 3 series, horizon 24, 3 origins 24 steps apart, refit every origin');
    // mean over daily (errors 4, MASE scale 4) and trend (errors 24, MASE scale 24): MAE 14, MASE 1
    expect(lines).toContain('model           horizon  series    mae   rmse   smape    mase');
    expect(stdout).toMatch(/^seasonal-naive {2}all\s+2\s+14\.00\s+14\.00\s+\S+\s+1\.0000$/m);
    expect(stdout).toMatch(/^seasonal-naive {2}1-6\s+2\s+14\.00/m);
    expect(stdout).toMatch(/^seasonal-naive {2}7-24\s+2\s+14\.00/m);
    expect(stdout).toMatch(/^seasonal-naive {2}daily\s+4\.0000\s+4\.0000\s+\S+\s+1\.0000$/m);
    expect(stdout).toMatch(/^seasonal-naive {2}trend\s+24\.00\s+24\.00\s+\S+\s+1\.0000$/m);
    expect(stdout).toMatch(
      /^failed: stub \(seasonal-naive\): backtest \(3 origins, horizon 24, stride 24\) needs at least 97 points of history, got 30$/m,
    );
    expect(stdout.trimEnd().endsWith(`wrote ${out}`)).toBe(true);

    const json = JSON.parse(await readFile(out, 'utf8'));
    expect(json).toMatchObject({ horizon: 24, origins: 3, stride: 24, refitEvery: 1 });
    const [model] = json.models;
    expect(model.plugin).toBe('@cdf/baseline#seasonal-naive');
    expect(model.summary.overall.mae).toBeCloseTo(14, 9);
    expect(model.summary.overall.mase).toBeCloseTo(1, 9);
    expect(model.failures).toEqual([expect.objectContaining({ id: 'stub', code: 'INSUFFICIENT_HISTORY' })]);
    const trend = model.series.find((s: { series: string }) => s.series === 'trend');
    // origins 504 - 24*3 = 432, 456, 480
    expect(trend.perOrigin.map((o: { origin: number }) => o.origin)).toEqual([432, 456, 480]);
    expect(trend.perOrigin[0].start).toBe('2025-03-21T00:00:00.000Z');
    for (const o of trend.perOrigin) expect(o.metrics.mae).toBe(24);
    expect(trend.perHorizonBucket.map((b: { label: string }) => b.label)).toEqual(['1-6', '7-24']);
  });

  it('compares models and prints the default (auto = ensemble)', async () => {
    const out = join(tmp, 'compare.json');
    const { code, stdout } = await cdf(
      'backtest',
      '--input',
      fleet,
      '--id-col',
      'series',
      '--horizon',
      '24',
      '--origins',
      '2',
      '--model',
      'auto,seasonal-naive-week',
      '--metrics',
      'mae,smape',
      '--out',
      out,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^auto\s+all\s+2\s/m);
    expect(stdout).toMatch(/^seasonal-naive-week\s+all\s+2\s/m);
    const json = JSON.parse(await readFile(out, 'utf8'));
    expect(json.models.map((m: { plugin: string }) => m.plugin)).toEqual([
      '@cdf/baseline#ensemble',
      '@cdf/baseline#seasonal-naive',
    ]);
    // on the rising series, a week-old copy is 168 low; the ensemble follows the level
    const trendOf = (m: { series: { series: string; overall: { mae: number } }[] }) =>
      m.series.find((s) => s.series === 'trend')!.overall.mae;
    expect(trendOf(json.models[1])).toBe(168);
    expect(trendOf(json.models[0])).toBeLessThan(24);
  });

  it('fails with one line when no series can be backtested, and on bad flags', async () => {
    const none = await cdf(
      'backtest',
      '--input',
      fleet,
      '--id-col',
      'series',
      '--horizon',
      '400',
      '--origins',
      '2',
      '--model',
      'seasonal-naive',
      '--out',
      join(tmp, 'none.json'),
    );
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(/^cdf: .*no series could be backtested/);
    expect(none.stderr.trimEnd().split('\n')).toHaveLength(1);

    const bad = await cdf(
      'backtest',
      '--input',
      fleet,
      '--horizon',
      '0',
      '--origins',
      '2',
      '--out',
      'x.json',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--horizon: "0" is not a whole number >= 1/);
    const model = await cdf(
      'backtest',
      '--input',
      fleet,
      '--horizon',
      '2',
      '--origins',
      '2',
      '--model',
      'arima',
      '--out',
      'x.json',
    );
    expect(model.code).toBe(2);
    expect(model.stderr).toMatch(/--model: "arima" is not one of auto, ensemble/);
  });
});
