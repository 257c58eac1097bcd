#!/usr/bin/env node
// Measures loadMetrics on large CSV files: generates a 10,000,000-row, 6-column CSV (plus a
// 17,520-row one, two years hourly, and a 1,000,000-row one with naive timestamps read in
// Europe/Berlin) under /tmp, bundles src/load with tsup (so it runs on plain node without a
// build of the package), then loads each file in a fresh child process and prints the load time
// (wall clock, and CPU time, which a shared machine disturbs less) and the child's peak RSS
// (process.resourceUsage().maxRSS).
//
//   node packages/data/scripts/measure-load.mjs [rows=10000000]
//
// Not a unit test: it writes ~0.8 GB and takes about a minute.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, '..');
const bundleDir = '/tmp/cdf-measure-load';
const bundle = resolve(bundleDir, 'load.js');

if (process.argv[2] === '--child') {
  const [, , , file, timeZone] = process.argv;
  const { loadMetrics } = await import(pathToFileURL(bundle).href);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const table = await loadMetrics(file, timeZone ? { timeZone } : {});
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const rows = table.timestamps.length;
  console.log(
    JSON.stringify({
      file,
      rows,
      columns: Object.keys(table.columns).length,
      ms: Math.round(ms),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      msPerMillionRows: Math.round((ms / rows) * 1e6),
      maxRssMb: Math.round(maxRssMb),
      first: new Date(table.timestamps[0]).toISOString(),
      last: new Date(table.timestamps[rows - 1]).toISOString(),
    }),
  );
  process.exit(0);
}

/** Writes `rows` rows of a 6-column metrics CSV, 1-minute step, deterministic values. */
async function generate(path, rows, stepMs, naive) {
  if (existsSync(path) && statSync(path).size > 0) return;
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  out.write('timestamp,compute_tflops,request_count,avg_tokens_per_request,p95_latency_ms,queue_depth\n');
  const start = Date.UTC(2015, 0, 1);
  let batch = '';
  for (let i = 0; i < rows; i++) {
    const t = new Date(start + i * stepMs).toISOString();
    const ts = naive ? t.slice(0, 19).replace('T', ' ') : t;
    const tflops = (100 + 50 * Math.sin(i / 1440) + (i % 97) / 10).toFixed(3);
    batch += `${ts},${tflops},${1000 + (i % 500)},${(250 + (i % 13) * 1.5).toFixed(1)},${(80 + (i % 41)).toFixed(2)},${i % 17}\n`;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await new Promise((r) => out.once('drain', r));
      batch = '';
    }
  }
  out.write(batch);
  await new Promise((r) => out.end(r));
}

const rows = Number(process.argv[2] ?? 10_000_000);
const bigFile = `/tmp/cdf-measure-${rows}.csv`;
const smallFile = '/tmp/cdf-measure-17520.csv';
const naiveFile = '/tmp/cdf-measure-1000000-naive.csv';
let t = performance.now();
await generate(bigFile, rows, 60_000, false);
await generate(smallFile, 17_520, 3_600_000, false);
await generate(naiveFile, 1_000_000, 60_000, true);
console.log(
  `generated in ${Math.round(performance.now() - t)} ms: ${bigFile} (${statSync(bigFile).size} bytes)`,
);

t = performance.now();
const { build } = await import('tsup');
await build({
  entry: { load: resolve(packageDir, 'src/load/index.ts') },
  outDir: bundleDir,
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  config: false,
  dts: false,
  splitting: false,
  silent: true,
  noExternal: [/.*/],
  // Read @cdf/core from its TypeScript source, as vitest and tsc do.
  esbuildOptions(options) {
    options.conditions = ['@cdf/source'];
  },
});
console.log(`bundled src/load in ${Math.round(performance.now() - t)} ms`);

for (const [file, zone] of [[smallFile], [naiveFile, 'Europe/Berlin'], [bigFile]]) {
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', file, zone ?? ''], {
    encoding: 'utf8',
  });
  process.stdout.write(run.stdout);
  if (run.status !== 0) {
    process.stderr.write(run.stderr);
    process.exit(1);
  }
}
