import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RequirementFrameSchema, ScenarioFrameSchema } from '@cdf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../test/capture-io.ts';
import { FIXTURE_END, writeFleet, writeSingleSeries } from '../../test/pipeline-fixture.ts';
import { cdfRunner } from '../../test/run-cdf.ts';
import { main } from '../main.ts';
import { readCsvTable } from '../pipeline/csv-table-file.ts';
import { readScenarioFile } from '../pipeline/rebuild-report.ts';

let tmp: string;
let metrics: string;
let fleet: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'cdf-forecast-'));
  metrics = await writeSingleSeries(tmp);
  fleet = await writeFleet(tmp);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const cdf = cdfRunner({ now: Date.UTC(2025, 1, 20) });

async function requirements(file: string) {
  const table = await readCsvTable(file);
  return RequirementFrameSchema.parse(
    table.rows.map((cells) => {
      const row: Record<string, unknown> = {};
      table.header.forEach((name, i) => {
        const cell = cells[i] ?? '';
        row[name] = ['timestamp', 'risk_level', 'series_id'].includes(name) ? cell : Number(cell);
      });
      return row;
    }),
  );
}

const HORIZON = '24';

describe('cdf forecast', () => {
  it('writes every output of one series, valid against the core schemas', async () => {
    const out = join(tmp, 'single');
    const { code, stdout, stderr } = await cdf(
      'forecast',
      '--input',
      metrics,
      '--out',
      out,
      '--horizon',
      HORIZON,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const name of [
      'scenarios.csv',
      'requirements.csv',
      'anomalies.csv',
      'spike-events.json',
      'recommendations.md',
      'recommendations.json',
      'dashboard.html',
      'run.json',
      'model/pipeline.json',
    ]) {
      expect(existsSync(join(out, name)), name).toBe(true);
    }
    const scenarios = await readScenarioFile(join(out, 'scenarios.csv'));
    expect(ScenarioFrameSchema.safeParse(scenarios).success).toBe(true);
    expect(scenarios).toHaveLength(24);
    // The forecast starts one step after the history's last point.
    expect(scenarios[0]!.timestamp).toBe(FIXTURE_END);
    const reqs = await requirements(join(out, 'requirements.csv'));
    expect(reqs.map((r) => r.timestamp)).toEqual(scenarios.map((r) => r.timestamp));
    const anomalies = await readCsvTable(join(out, 'anomalies.csv'));
    expect(anomalies.rows).toHaveLength(42 * 24);
    const run = JSON.parse(await readFile(join(out, 'run.json'), 'utf8'));
    expect(run.parameters.horizon).toBe(24);
    expect(run.series[0].stages.map((s: { stage: string }) => s.stage).slice(0, 4)).toEqual([
      'anomalies',
      'baseline',
      'spikes',
      'quantile',
    ]);
    expect(run.stages.find((s: { stage: string }) => s.stage === 'quantile').name).toBe(
      '@cdf/quantile#conformal',
    );
    // the ensemble baseline hands its calendar to the quantile stage's regressor
    const quantile = run.series[0].stages.find((s: { stage: string }) => s.stage === 'quantile');
    expect(quantile.notes.join(' ')).toContain(
      "level regressor: the baseline's calendar divided out and put back",
    );
    expect(run.backtest.baseline_mase).toBeGreaterThan(0);
    expect(stdout).toContain('forecast 1 of 1 series, 24 steps ahead');
    expect(stdout).toContain(`dashboard: ${join(out, 'dashboard.html')}`);
  });

  it('fit then predict on the same data reproduces the forecast, and report rebuilds it', async () => {
    const model = join(tmp, 'model');
    const fit = await cdf('fit', '--input', metrics, '--out', model, '--horizon', HORIZON);
    expect(fit.stderr).toBe('');
    expect(fit.code).toBe(0);
    expect(existsSync(join(model, 'pipeline.json'))).toBe(true);
    const out = join(tmp, 'predicted');
    const predict = await cdf('predict', '--model', model, '--input', metrics, '--out', out);
    expect(predict.stderr).toBe('');
    expect(predict.code).toBe(0);
    const forecast = await readFile(join(tmp, 'single', 'scenarios.csv'), 'utf8');
    expect(await readFile(join(out, 'scenarios.csv'), 'utf8')).toBe(forecast);
    expect(await readFile(join(out, 'requirements.csv'), 'utf8')).toBe(
      await readFile(join(tmp, 'single', 'requirements.csv'), 'utf8'),
    );

    const reportOut = join(tmp, 'report');
    const report = await cdf('report', '--run', out, '--out', reportOut);
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    expect(await readFile(join(reportOut, 'dashboard.html'), 'utf8')).toBe(
      await readFile(join(out, 'dashboard.html'), 'utf8'),
    );
    expect(await readFile(join(reportOut, 'recommendations.md'), 'utf8')).toBe(
      await readFile(join(out, 'recommendations.md'), 'utf8'),
    );
  });

  it('predicts from newer observations than the model saw', async () => {
    // Drop the last day: fit on the shorter history, predict with the full one.
    const text = await readFile(metrics, 'utf8');
    const lines = text.trimEnd().split('\n');
    const shorter = join(tmp, 'shorter.csv');
    await writeFile(shorter, `${lines.slice(0, lines.length - 24).join('\n')}\n`);
    const model = join(tmp, 'model-short');
    expect((await cdf('fit', '--input', shorter, '--out', model, '--horizon', HORIZON)).code).toBe(0);
    const out = join(tmp, 'newer');
    const { code, stderr } = await cdf('predict', '--model', model, '--input', metrics, '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const scenarios = await readScenarioFile(join(out, 'scenarios.csv'));
    expect(scenarios[0]!.timestamp).toBe(FIXTURE_END);
    const run = JSON.parse(await readFile(join(out, 'run.json'), 'utf8'));
    const base = run.series[0].stages.find((s: { stage: string }) => s.stage === 'baseline');
    expect(base.notes[0]).toContain('24 steps newer than the fitted history');
  });

  it('forecasts a history with gaps: empty cells and missing rows are filled', async () => {
    // Day 3 (inside the detector's first-week warm-up) loses its target at 10:00-12:00 (empty
    // cells), day 30 loses the rows 03:00-05:00. Until 2026-11-27 the dashboard refused the
    // detector's missing expected value at a filled warm-up step and the run failed (exit 3).
    const lines = (await readFile(metrics, 'utf8')).trimEnd().split('\n');
    const row = (day: number, hour: number) => 1 + day * 24 + hour;
    for (const hour of [10, 11, 12]) lines[row(3, hour)] = lines[row(3, hour)]!.replace(/,[^,]*/, ',');
    const gappy = lines.filter((_, i) => i < row(30, 3) || i > row(30, 5));
    const file = join(tmp, 'gappy.csv');
    await writeFile(file, `${gappy.join('\n')}\n`);
    const out = join(tmp, 'gappy');
    const { code, stderr } = await cdf('forecast', '--input', file, '--out', out, '--horizon', HORIZON);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(existsSync(join(out, 'dashboard.html'))).toBe(true);
    const run = JSON.parse(await readFile(join(out, 'run.json'), 'utf8'));
    expect(run.input.summary.gaps.pointsFilled).toBe(6);
    const anomalies = await readCsvTable(join(out, 'anomalies.csv'));
    expect(anomalies.rows).toHaveLength(42 * 24); // one row per step, the filled ones included
    const expected = (r: number) => anomalies.rows[r - 1]![anomalies.header.indexOf('expected')];
    // the warm-up has no expected value at a filled step; after it the detector's own
    for (const hour of [10, 11, 12]) expect(expected(row(3, hour))).toBe('');
    for (const hour of [3, 4, 5]) expect(Number(expected(row(30, hour)))).toBeGreaterThan(0);
    const report = await cdf('report', '--run', out, '--out', join(tmp, 'gappy-report'));
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    expect(await readFile(join(tmp, 'gappy-report', 'dashboard.html'), 'utf8')).toBe(
      await readFile(join(out, 'dashboard.html'), 'utf8'),
    );
  });

  it('runs a fleet: one bad series is reported, the others are written, exit code 8', async () => {
    const out = join(tmp, 'fleet');
    const { code, stdout, stderr } = await cdf(
      'forecast',
      '--input',
      fleet,
      '--id-col',
      'series_id',
      '--out',
      out,
      '--horizon',
      HORIZON,
      '--threads',
      '2',
    );
    expect(code).toBe(8);
    expect(stderr).toMatch(
      /^cdf: 1 of 4 series failed \(the others were written; see .*run\.json\); first: .*bad/,
    );
    expect(stdout).toContain('forecast 3 of 4 series');
    const scenarios = await readScenarioFile(join(out, 'scenarios.csv'));
    expect(ScenarioFrameSchema.safeParse(scenarios).success).toBe(true);
    expect([...new Set(scenarios.map((r) => r.series_id))]).toEqual(['a', 'b', 'c']);
    const run = JSON.parse(await readFile(join(out, 'run.json'), 'utf8'));
    expect(run.failures.map((f: { id: string }) => f.id)).toEqual(['bad']);
    expect(run.series.map((s: { id: string }) => s.id)).toEqual(['a', 'b', 'c']);
    const reqs = await requirements(join(out, 'requirements.csv'));
    expect(reqs).toHaveLength(3 * 24);
  });

  it('shows each stage with elapsed time on a TTY, and nothing with --quiet', async () => {
    const tty = captureIo({ isTTY: true });
    expect(
      await main(['forecast', '--input', metrics, '--out', join(tmp, 'tty'), '--horizon', '12'], tty.io),
    ).toBe(0);
    for (const stage of [
      'resolving stages',
      'fitting and forecasting: anomalies',
      'fitting and forecasting: quantile',
    ]) {
      expect(tty.stderr()).toMatch(new RegExp(`cdf: ${stage} \\(\\d+\\.\\ds\\)`));
    }
    const quiet = captureIo({ isTTY: true });
    const args = ['--quiet', 'forecast', '--input', metrics, '--out', join(tmp, 'quiet'), '--horizon', '12'];
    expect(await main(args, quiet.io)).toBe(0);
    expect(quiet.stderr()).toBe('');
    expect(quiet.stdout()).toBe('');
  });

  it('fails with one line and exit 3 on a missing input', async () => {
    const { code, stderr } = await cdf('forecast', '--input', join(tmp, 'nope.csv'), '--out', join(tmp, 'x'));
    expect(code).toBe(3);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^cdf: .*nope\.csv/);
  });

  it('prints machine-readable results with --json', async () => {
    const out = join(tmp, 'json');
    const { code, stdout } = await cdf(
      '--json',
      'forecast',
      '--input',
      metrics,
      '--out',
      out,
      '--horizon',
      '12',
    );
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.series).toEqual({ total: 1, ok: 1, failed: [] });
    expect(doc.recommended.peak_gpus).toBeGreaterThan(0);
    expect(doc.files).toContain('scenarios.csv');
  });
});
