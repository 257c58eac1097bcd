// Measure `cdf forecast --id-col` on a fleet: N synthetic series (seeds 1..N) of H hours each,
// written as one long CSV, forecast a week ahead with the default pipeline by the built CLI.
// Usage (after `pnpm --filter @cdf/app build`): node scripts/measure-fleet.mjs [N=200] [H=2000] [threads]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSynthetic } from '@cdf/data';

const n = Number(process.argv[2] ?? 200);
const hours = Number(process.argv[3] ?? 2000);
const threads = process.argv[4];
const dir = mkdtempSync(join(tmpdir(), 'cdf-fleet-'));
const start = Date.UTC(2025, 0, 6);
const lines = ['series_id,timestamp,compute_tflops'];
for (let s = 1; s <= n; s++) {
  const data = generateSynthetic({
    start,
    end: start + hours * 3_600_000,
    seed: s,
    stepMs: 3_600_000,
    timeZone: 'UTC',
  });
  const values = data.columns.compute_tflops;
  for (let i = 0; i < data.timestamps.length; i++) {
    lines.push(`s${String(s).padStart(3, '0')},${new Date(data.timestamps[i]).toISOString()},${values[i]}`);
  }
}
const input = join(dir, 'fleet.csv');
writeFileSync(input, `${lines.join('\n')}\n`);
const out = join(dir, 'out');
const args = ['dist/cli.js', '--quiet', 'forecast', '--input', input, '--id-col', 'series_id', '--out', out];
if (threads) args.push('--threads', threads);
const t = performance.now();
const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
if (result.status !== 0 && result.status !== 8)
  throw new Error(`cdf failed (${result.status}): ${result.stderr}${result.error ?? ''}`);
const seconds = (performance.now() - t) / 1000;
const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
const perSeries = run.series.map((s) => s.ms).sort((a, b) => a - b);
const skipped = run.series.filter((s) => s.stages.some((st) => st.status === 'skipped')).length;
console.log(
  JSON.stringify(
    {
      series: n,
      hours,
      exit: result.status,
      stderr: result.stderr.trim(),
      wall_s: Math.round(seconds * 10) / 10,
      threads: run.threads,
      ok: run.series.length,
      failed: run.failures.length,
      spike_stage_skipped: skipped,
      per_series_ms: { median: perSeries[perSeries.length >> 1], max: perSeries.at(-1) },
      timings_ms: run.timings_ms,
      baselines: run.series.reduce((acc, s) => {
        const b = s.stages.find((st) => st.stage === 'baseline').use;
        acc[b] = (acc[b] ?? 0) + 1;
        return acc;
      }, {}),
    },
    null,
    1,
  ),
);
