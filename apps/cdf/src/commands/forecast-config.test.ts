import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSingleSeries } from '../../test/pipeline-fixture.ts';
import { cdfRunner } from '../../test/run-cdf.ts';

// The config shipped with the example package: its folder is where the plug-in is found.
const EXAMPLE_CONFIG = join(import.meta.dirname, '../../../../examples/custom-baseline/cdf.config.json');

let tmp: string;
let metrics: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'cdf-config-'));
  metrics = await writeSingleSeries(tmp);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const cdf = cdfRunner();

async function config(name: string, body: unknown): Promise<string> {
  const file = join(tmp, name);
  await writeFile(file, JSON.stringify(body));
  return file;
}

describe('cdf forecast --config', () => {
  it('runs a team baseline from its own package (examples/custom-baseline)', async () => {
    const out = join(tmp, 'custom');
    const { code, stdout, stderr } = await cdf(
      'forecast',
      '--input',
      metrics,
      '--out',
      out,
      '--config',
      EXAMPLE_CONFIG,
      '--horizon',
      '24',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('baseline: @cdf/example-custom-baseline#weeklyProfileBaseline');
    const run = JSON.parse(await readFile(join(out, 'run.json'), 'utf8'));
    const baseline = run.series[0].stages.find((s: { stage: string }) => s.stage === 'baseline');
    expect(baseline.name).toBe('@cdf/example-custom-baseline#weekly-profile');
    expect(baseline.notes[0]).toMatch(/^weekly profile: median of the last 4 weeks/);
    // --horizon beats the config's 168.
    expect(run.parameters.horizon).toBe(24);
    const saved = JSON.parse(await readFile(join(out, 'model', 'series', '0000-default.json'), 'utf8'));
    expect(saved.baseline.saved.name).toBe('@cdf/example-custom-baseline#weekly-profile');
  });

  it('says what it tried when a plug-in package is not installed', async () => {
    const file = await config('missing.json', { baseline: { use: '@acme/nowhere#fancy' } });
    const { code, stderr } = await cdf(
      'forecast',
      '--input',
      metrics,
      '--out',
      join(tmp, 'x'),
      '--config',
      file,
    );
    expect(code).toBe(5);
    expect(stderr).toMatch(
      /^cdf: row|^cdf: column "baseline.use": cannot load plug-in package "@acme\/nowhere"/,
    );
    expect(stderr).toContain('the config folder: not in');
    expect(stderr).toContain('the app: not in');
  });

  it('refuses a plug-in of the wrong stage, and a missing export, naming the config key', async () => {
    const wrong = await config('wrong.json', { baseline: { use: '@cdf/capacity#capacityPlugin' } });
    const a = await cdf('forecast', '--input', metrics, '--out', join(tmp, 'y'), '--config', wrong);
    expect(a.code).toBe(5);
    expect(a.stderr).toContain('"@cdf/capacity#capacityPlugin" is not a baseline plug-in');
    const missing = await config('no-export.json', { baseline: { use: '@cdf/baseline#nope' } });
    const b = await cdf('forecast', '--input', metrics, '--out', join(tmp, 'z'), '--config', missing);
    expect(b.code).toBe(5);
    expect(b.stderr).toMatch(
      /package "@cdf\/baseline" has no plug-in "nope" .*one of its plug-in exports: .*mstlBaseline/,
    );
  });

  it('rejects unknown keys and bad params with INVALID_CONFIG (exit 5)', async () => {
    const typo = await config('typo.json', { basline: { use: '@cdf/baseline#mstl' } });
    const a = await cdf('forecast', '--input', metrics, '--out', join(tmp, 'w'), '--config', typo);
    expect(a.code).toBe(5);
    expect(a.stderr).toMatch(/typo\.json: invalid config file: .*basline/);
    const params = await config('params.json', {
      baseline: { use: '@cdf/baseline#mstl', params: { periods: 'x' } },
    });
    const b = await cdf('forecast', '--input', metrics, '--out', join(tmp, 'v'), '--config', params);
    expect(b.code).toBe(5);
  });
});

describe('plug-in contract check', () => {
  it('refuses a team baseline that breaks the core contract, naming the failed check', async () => {
    // A package beside the config whose baseline predicts one point too few.
    const dir = join(tmp, 'team');
    const pkg = join(dir, 'node_modules', '@team', 'short-baseline');
    await import('node:fs/promises').then((fs) => fs.mkdir(pkg, { recursive: true }));
    await writeFile(
      join(pkg, 'package.json'),
      JSON.stringify({
        name: '@team/short-baseline',
        version: '1.0.0',
        type: 'module',
        exports: { '.': { import: './index.js' } },
      }),
    );
    await writeFile(
      join(pkg, 'index.js'),
      `const fitted = (series) => ({
        stage: 'baseline', name: '@team/short-baseline#short', notes: [], stepMs: series.stepMs,
        lastTimestamp: series.timestamps[series.timestamps.length - 1],
        predict: ({ horizon }) => ({ timestamps: new Float64Array(horizon - 1), point: new Float64Array(horizon - 1) }),
        inSample: () => ({ timestamps: series.timestamps, point: series.values }),
        toJSON: () => ({ schemaVersion: 1, stage: 'baseline', name: '@team/short-baseline#short', params: {}, state: null }),
      });
      export const short = { stage: 'baseline', name: '@team/short-baseline#short', description: 'broken on purpose',
        create: () => ({ stage: 'baseline', name: '@team/short-baseline#short', params: {}, fit: async ({ series }) => fitted(series) }),
        load: () => { throw new Error('no'); } };
`,
    );
    const file = join(dir, 'cdf.config.json');
    await writeFile(file, JSON.stringify({ baseline: { use: '@team/short-baseline#short' } }));
    const { code, stderr } = await cdf(
      'forecast',
      '--input',
      metrics,
      '--out',
      join(tmp, 'u'),
      '--config',
      file,
    );
    expect(code).toBe(5);
    expect(stderr).toMatch(
      /"@team\/short-baseline#short" breaks the baseline contract .*predicts the horizon/,
    );
  });
});
