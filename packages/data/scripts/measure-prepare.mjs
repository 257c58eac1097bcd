#!/usr/bin/env node
// Measures prepareSeries on tables built in memory (no file I/O): 17,520 rows (two years hourly),
// then 1M and 10M rows, sorted and shuffled, a 1,000-series long table, and 1-minute data
// resampled to 1h. Every table has three columns (compute_tflops, request_count,
// p95_latency_ms), 1% of the grid missing (gaps) and 2% empty target cells. Bundles src/prepare
// with tsup (so it runs on plain node without a build), runs each case in a fresh child process
// and prints the prepare time (the first run, then the median of the warm runs; wall and CPU)
// and the child's peak RSS.
//
//   node packages/data/scripts/measure-prepare.mjs [maxRows=10000000]
//
// Not a unit test: the 10M cases take a few seconds each and about 1-2 GB of memory.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, '..');
const bundle = resolve('/tmp/cdf-measure-prepare', 'prepare.js');

if (process.argv[2] === '--child') {
  const [, , , rowsText, layout] = process.argv;
  const { prepareSeries } = await import(pathToFileURL(bundle).href);
  const rows = Number(rowsText);
  const { table, options } = buildTable(rows, layout);
  // First (cold, JIT warming up) run, then more: the median warm time is what a long-running
  // service sees. 12 runs up to 1M rows, 3 beyond.
  // CPU time too: on a shared machine it is steadier than wall time.
  const runsMs = [];
  const cpuMs = [];
  let result;
  const runs = rows <= 1_000_000 ? 12 : 3;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    result = prepareSeries(table, options);
    runsMs.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
  }
  const { series, summary } = result;
  const ms = runsMs[0];
  console.log(
    JSON.stringify({
      layout,
      rows,
      ms: Math.round(ms),
      warmMs: median(runsMs.slice(1)),
      cpuMs: Math.round(cpuMs[0]),
      warmCpuMs: median(cpuMs.slice(1)),
      msPerMillionRows: Math.round((ms / rows) * 1e6),
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      series: series.length,
      points: summary.points,
      step: summary.step,
      filled: summary.gaps.pointsFilled,
      outOfOrder: summary.outOfOrderRows,
      merged: summary.rowsMergedByResample,
    }),
  );
  process.exit(0);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const m = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.round(m * 10) / 10;
}

/** A deterministic table of `rows` rows; `layout` is sorted | shuffled | fleet | resample. */
function buildTable(rows, layout) {
  const seriesCount = layout === 'fleet' ? 1000 : 1;
  const step = layout === 'resample' ? 60_000 : 3_600_000;
  const start = Date.UTC(2020, 0, 1);
  let state = 12345;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const order = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) order[i] = i;
  if (layout === 'shuffled') {
    for (let i = rows - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }
  const timestamps = new Float64Array(rows);
  const tflops = new Float64Array(rows);
  const requests = new Float64Array(rows);
  const latency = new Float64Array(rows);
  const names = Array.from({ length: seriesCount }, (_, s) => `model-${s}`);
  const ids = seriesCount > 1 ? new Array(rows) : undefined;
  for (let r = 0; r < rows; r++) {
    const i = order[r];
    const s = i % seriesCount;
    const k = Math.floor(i / seriesCount);
    const point = k + Math.floor(k / 99); // every 100th grid point is missing: a gap
    timestamps[r] = start + point * step;
    const daily = 1 + 0.3 * Math.sin((2 * Math.PI * (point % 24)) / 24);
    tflops[r] = random() < 0.02 ? Number.NaN : 100 * daily + random() * 5;
    requests[r] = Math.round(1000 * daily);
    latency[r] = 200 + random() * 50;
    if (ids) ids[r] = names[s];
  }
  const table = {
    timestamps,
    columns: { compute_tflops: tflops, request_count: requests, p95_latency_ms: latency },
    ...(ids ? { ids } : {}),
  };
  return { table, options: layout === 'resample' ? { resample: '1h' } : {} };
}

const maxRows = Number(process.argv[2] ?? 10_000_000);
let t = performance.now();
const { build } = await import('tsup');
await build({
  entry: { prepare: resolve(packageDir, 'src/prepare/index.ts') },
  outDir: dirname(bundle),
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  config: false,
  dts: false,
  splitting: false,
  silent: true,
  noExternal: [/.*/],
  esbuildOptions(options) {
    options.conditions = ['@cdf/source'];
  },
});
console.log(`bundled src/prepare in ${Math.round(performance.now() - t)} ms`);

const cases = [
  [17_520, 'sorted'],
  [17_520, 'shuffled'],
  [1_000_000, 'sorted'],
  [1_000_000, 'shuffled'],
  [1_000_000, 'fleet'],
  [1_000_000, 'resample'],
  [10_000_000, 'sorted'],
  [10_000_000, 'shuffled'],
  [10_000_000, 'fleet'],
  [10_000_000, 'resample'],
].filter(([rows]) => rows <= maxRows);
for (const [rows, layout] of cases) {
  t = performance.now();
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', String(rows), layout], {
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    process.stderr.write(run.stderr);
    process.exit(run.status ?? 1);
  }
  process.stdout.write(run.stdout);
}
