import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RequirementRowSchema, ScalingPolicySchema } from '@cdf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdfRunner } from '../../test/run-cdf.ts';
import { PLAN_FILES } from './plan.ts';

let tmp: string;
let scenarios: string;

// 12 hourly rows from 2025-03-03T00:00:00Z, made by formula for this test: baseline 1000 TFLOPS
// rising by 100 per hour; a predicted spike (probability 0.8, P99 3x) in hours 6-7.
const HEADER = 'timestamp,baseline,expected_value,spike_probability,p50,p75,p90,p95,p99';
function scenarioCsv(edit: (cells: string[], hour: number) => void = () => {}): string {
  const lines = [HEADER];
  for (let h = 0; h < 12; h++) {
    const base = 1000 + 100 * h;
    const spike = h === 6 || h === 7;
    const cells = [
      new Date(Date.UTC(2025, 2, 3, h)).toISOString().replace('.000Z', 'Z'),
      String(base),
      String(spike ? base * 1.8 : base * 1.05),
      spike ? '0.8' : '0.05',
      String(base),
      String(base * 1.1),
      String(base * (spike ? 2 : 1.2)),
      String(base * (spike ? 2.4 : 1.25)),
      String(base * (spike ? 3 : 1.4)),
    ];
    edit(cells, h);
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'cdf-plan-'));
  scenarios = join(tmp, 'scenarios.csv');
  await writeFile(scenarios, scenarioCsv());
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const cdf = cdfRunner();

describe('cdf plan', () => {
  it('writes the five plan files from a scenario CSV', async () => {
    const out = join(tmp, 'out-a100');
    const { code, stdout, stderr } = await cdf('plan', '--scenarios', scenarios, '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^planned 12 steps on NVIDIA A100 80GB SXM: .* GPUs on average/);

    const csv = (await readFile(join(out, 'requirements.csv'), 'utf8')).trimEnd().split('\n');
    expect(csv[0]).toBe(
      'timestamp,baseline_gpus,recommended_gpus,burst_ready_gpus,recommended_capacity,recommended_cost_per_hour,expected_utilization,risk_level',
    );
    expect(csv).toHaveLength(13);
    // hour 0: max(1250, 1050) x 1.3 = 1625 TFLOPS -> ceil(1625 / 312) = 6 GPUs at $3.50
    const first = csv[1]!.split(',');
    expect(first.slice(0, 6)).toEqual(['2025-03-03T00:00:00.000Z', '5', '6', '6', '1625', '21']);
    for (const line of csv.slice(1)) {
      const [timestamp, baseline, recommended, burst, capacity, cost, utilization, risk] = line.split(',');
      expect(
        RequirementRowSchema.safeParse({
          timestamp,
          baseline_gpus: Number(baseline),
          recommended_gpus: Number(recommended),
          burst_ready_gpus: Number(burst),
          recommended_capacity: Number(capacity),
          recommended_cost_per_hour: Number(cost),
          expected_utilization: Number(utilization),
          risk_level: risk,
        }).success,
      ).toBe(true);
    }

    const report = JSON.parse(await readFile(join(out, 'recommendations.json'), 'utf8'));
    expect(report.facts.gpu_tflops.value).toBe(312);
    const md = await readFile(join(out, 'recommendations.md'), 'utf8');
    expect(md).toContain('## Capacity planning');
    expect(md).toContain(`${report.facts.conservative_peak_gpus.value} at the peak`);

    const policy = JSON.parse(await readFile(join(out, 'scaling-policy.json'), 'utf8'));
    expect(policy.prewarm[0]).toMatchObject({
      start: '2025-03-03T05:00:00.000Z',
      end: '2025-03-03T08:00:00.000Z',
    });
    expect(ScalingPolicySchema.safeParse(policy).success).toBe(true);
    const hpa = await readFile(join(out, 'hpa.yaml'), 'utf8');
    expect(hpa).toContain('apiVersion: autoscaling/v2');
    expect(hpa).toContain(`maxReplicas: ${policy.max_gpus}`);
  });

  it('takes the GPU from flags and a config file, flags winning', async () => {
    const config = join(tmp, 'cdf.config.json');
    await writeFile(
      config,
      JSON.stringify({
        capacity: {
          use: '@cdf/capacity#planner',
          params: {
            gpu: 'h100',
            custom_gpus: [{ id: 'mi300x', name: 'AMD Instinct MI300X', tflops: 1307, price_per_hour: 5 }],
            cost: { capacity_buffer: 1.5 },
          },
        },
      }),
    );
    const fromConfig = await cdf(
      '--json',
      'plan',
      '--scenarios',
      scenarios,
      '--config',
      config,
      '--out',
      join(tmp, 'c1'),
    );
    expect(fromConfig.code).toBe(0);
    const a = JSON.parse(fromConfig.stdout);
    expect(a.gpu.id).toBe('h100');
    expect(a.files).toHaveLength(PLAN_FILES.length);
    // hour 11: max(2100 x 1.25, 2100 x 1.05) x 1.5 = 3937.5 -> ceil(3937.5 / 989) = 4 GPUs
    expect(a.recommended.peak_gpus).toBeGreaterThanOrEqual(4);

    const custom = await cdf(
      '--json',
      'plan',
      '--scenarios',
      scenarios,
      '--config',
      config,
      '--gpu',
      'MI300X',
      '--out',
      join(tmp, 'c2'),
    );
    expect(JSON.parse(custom.stdout).gpu.name).toBe('AMD Instinct MI300X');

    const edited = await cdf(
      '--json',
      'plan',
      '--scenarios',
      scenarios,
      '--gpu',
      'a100',
      '--gpu-tflops',
      '100',
      '--gpu-price',
      '1',
      '--out',
      join(tmp, 'c3'),
    );
    const c = JSON.parse(edited.stdout);
    expect([c.gpu.tflops, c.gpu.price_per_hour]).toEqual([100, 1]);
    const csv = await readFile(join(tmp, 'c3', 'requirements.csv'), 'utf8');
    // hour 0: 1625 / 100 -> 17 GPUs at $1
    expect(csv.split('\n')[1]!.split(',').slice(2, 3).concat(csv.split('\n')[1]!.split(',')[5]!)).toEqual([
      '17',
      '17',
    ]);
  });

  it('is quiet with --quiet and byte-identical on a second run', async () => {
    const run = await cdf('--quiet', 'plan', '--scenarios', scenarios, '--out', join(tmp, 'q1'));
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    await cdf('--quiet', 'plan', '--scenarios', scenarios, '--out', join(tmp, 'q2'));
    for (const name of PLAN_FILES) {
      expect(await readFile(join(tmp, 'q2', name), 'utf8')).toBe(
        await readFile(join(tmp, 'q1', name), 'utf8'),
      );
    }
  });

  it('reports a bad row with file, row and column on one line (exit 3)', async () => {
    const bad = join(tmp, 'bad.csv');
    await writeFile(
      bad,
      scenarioCsv((cells, h) => {
        if (h === 4) cells[3] = '1.7';
      }),
    );
    const { code, stderr } = await cdf('plan', '--scenarios', bad, '--out', join(tmp, 'bad'));
    expect(code).toBe(3);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`${bad}: row 5, column "spike_probability"`);

    const missing = join(tmp, 'missing.csv');
    await writeFile(missing, scenarioCsv().replace(HEADER, HEADER.replace('p90', 'p91')));
    const m = await cdf('plan', '--scenarios', missing, '--out', join(tmp, 'm'));
    expect(m.code).toBe(3);
    expect(m.stderr).toContain('missing column "p90"');
  });

  it('reads planned launches from JSON or CSV alike, as cdf forecast --events does', async () => {
    const launch = {
      date: '2025-03-03T09:00:00Z',
      name: 'v2 launch',
      expected_multiplier: 3,
      expected_duration_hours: 2,
    };
    const json = join(tmp, 'launches.json');
    const csv = join(tmp, 'launches.csv');
    await writeFile(json, JSON.stringify([launch]));
    await writeFile(
      csv,
      'date,name,expected_multiplier,expected_duration_hours\n2025-03-03T09:00:00Z,v2 launch,3,2\n',
    );
    const policy = async (...launches: string[]) => {
      const out = join(tmp, `launches-${launches.length === 0 ? 'none' : launches[1]!.split('.').pop()}`);
      const run = await cdf('plan', '--scenarios', scenarios, ...launches, '--out', out);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      return readFile(join(out, 'scaling-policy.json'), 'utf8');
    };
    const fromJson = await policy('--launches', json);
    expect(await policy('--launches', csv)).toBe(fromJson);
    expect(fromJson).not.toBe(await policy());
    expect(fromJson).toContain('v2 launch');

    const bad = join(tmp, 'bad-launches.csv');
    await writeFile(
      bad,
      'date,name,expected_multiplier,expected_duration_hours\n2025-03-03T09:00:00Z,ok,3,2\n2025-03-03T10:00:00Z,bad,-1,2\n',
    );
    const refused = await cdf('plan', '--scenarios', scenarios, '--launches', bad, '--out', join(tmp, 'x'));
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/^cdf: .*bad-launches\.csv: row 2/);
  });

  it('refuses bad flags (exit 2) and a bad config (exit 5)', async () => {
    const gpu = await cdf('plan', '--scenarios', scenarios, '--gpu', 'v100', '--out', join(tmp, 'x'));
    expect(gpu.code).toBe(2);
    expect(gpu.stderr).toBe('cdf: --gpu: "v100" is not one of a100, h100, h200, b200\n');
    const price = await cdf('plan', '--scenarios', scenarios, '--gpu-tflops', '-3', '--out', join(tmp, 'x'));
    expect(price.code).toBe(2);

    const config = join(tmp, 'bad.config.json');
    await writeFile(
      config,
      JSON.stringify({
        capacity: { use: '@cdf/capacity#planner', params: { cost: { capacity_buffer: 0.5 } } },
      }),
    );
    const bad = await cdf('plan', '--scenarios', scenarios, '--config', config, '--out', join(tmp, 'x'));
    expect(bad.code).toBe(5);
    expect(bad.stderr).toMatch(/^cdf: .*bad\.config\.json: invalid cost model: capacity_buffer/);

    // the config is read as `cdf forecast` reads it: a stage without `use`, or a key no stage
    // has, is refused the same way by both commands
    await writeFile(config, JSON.stringify({ capacity: { params: { gpu: 'h100' } } }));
    const noUse = await cdf('plan', '--scenarios', scenarios, '--config', config, '--out', join(tmp, 'x'));
    expect(noUse.code).toBe(5);
    expect(noUse.stderr).toMatch(/^cdf: .*bad\.config\.json: .*capacity\.use/);
    await writeFile(config, JSON.stringify({ capcity: { use: '@cdf/capacity#planner' } }));
    const typo = await cdf('plan', '--scenarios', scenarios, '--config', config, '--out', join(tmp, 'x'));
    expect(typo.code).toBe(5);
    expect(typo.stderr).toMatch(/^cdf: .*bad\.config\.json: .*capcity/);
    await writeFile(config, JSON.stringify({ capacity: { use: '@acme/capacity#planner' } }));
    const other = await cdf('plan', '--scenarios', scenarios, '--config', config, '--out', join(tmp, 'x'));
    expect(other.code).toBe(5);
    expect(other.stderr).toMatch(/^cdf: .*bad\.config\.json.*cdf plan runs @cdf\/capacity#planner only/);
  });
});
