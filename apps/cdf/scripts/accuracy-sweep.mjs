#!/usr/bin/env node
// The accuracy runs of @cdf/quantile's README, end to end through the built CLI: for each seed,
// `cdf generate --start 2025-01-01 --end 2027-01-01 --seed S` (with its launches file), then
// `cdf forecast --horizon 168 --seed 42` on the history before each of 8 origins every 6 weeks
// back from 2026-12-25 (launches given unless --no-launches), then coverage, pinball (% of
// demand), P50 MAPE hourly and on daily totals, overall and by the generator's event type.
// Forecasts are kept in --dir and reused when present (delete the folder to rerun).
// --no-events generates the same demand with no event applied (`cdf generate --no-events`: what
// the forecast scores when nothing unannounced happens; no launches are given then either).
// --config FILE passes a cdf config to every forecast (to measure a stage's parameters; use a
// --dir of its own, since forecasts already in --dir are reused).
// Build first (pnpm build), then:
//   node apps/cdf/scripts/accuracy-sweep.mjs 3,5,11 [--dir /tmp/cdf-sweep] [--no-launches] [--no-events] [--config F]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtCli, COLUMNS, flag, LEVELS, pinball } from './forecast-scoring.mjs';

const LAST_ORIGIN = Date.parse('2026-12-25T00:00:00Z');
const ORIGIN_STEP_MS = 42 * 86_400_000;

const args = process.argv.slice(2);
const seeds = (args[0] ?? '').split(',').filter(Boolean).map(Number);
const dirArg = args.indexOf('--dir');
const root = dirArg >= 0 ? args[dirArg + 1] : '/tmp/cdf-accuracy-sweep';
const withoutEvents = args.includes('--no-events');
const withLaunches = !args.includes('--no-launches') && !withoutEvents;
const configFile = flag(args, '--config');
const config = configFile === undefined ? [] : ['--config', configFile];
if (
  seeds.length === 0 ||
  seeds.some((s) => !Number.isInteger(s)) ||
  !root ||
  (args.includes('--config') && configFile === undefined)
) {
  console.error(
    'usage: node apps/cdf/scripts/accuracy-sweep.mjs SEED[,SEED...] [--dir DIR] [--no-launches] [--no-events] [--config FILE]',
  );
  process.exit(2);
}
const cli = builtCli();

/** Parse a CSV text into a header and rows of strings. */
function readCsv(path) {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  return { header: head.split(','), rows: lines.map((l) => l.split(',')) };
}

const groups = new Map(); // group -> sums
function add(group, actual, quantiles) {
  const g = groups.get(group) ?? {
    hours: 0,
    demand: 0,
    ape: 0,
    covered: [0, 0, 0, 0, 0],
    pinball: [0, 0, 0, 0, 0],
  };
  g.hours++;
  g.demand += actual;
  g.ape += Math.abs(quantiles[0] - actual) / actual;
  LEVELS.forEach((q, j) => {
    const f = quantiles[j];
    if (actual <= f) g.covered[j]++;
    g.pinball[j] += pinball(actual, f, q);
  });
  groups.set(group, g);
}
let dailyApe = 0;
let days = 0;

for (const seed of seeds) {
  const suffix = withoutEvents ? '-no-events' : withLaunches ? '' : '-no-launches';
  const dir = join(root, `seed-${seed}${suffix}`);
  mkdirSync(dir, { recursive: true });
  const data = join(dir, 'demand.csv');
  const launches = join(dir, 'launches.json');
  if (!existsSync(data)) {
    execFileSync(
      'node',
      [
        cli,
        'generate',
        '--start',
        '2025-01-01',
        '--end',
        '2027-01-01',
        '--seed',
        String(seed),
        '--out',
        data,
        '--launches-out',
        launches,
        ...(withoutEvents ? ['--no-events'] : []),
        '-q',
      ],
      { stdio: 'inherit' },
    );
  }
  const lines = readFileSync(data, 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  const times = rows.map((r) => Date.parse(r[0]));
  const target = header.indexOf('compute_tflops');
  const eventType = header.indexOf('event_type');
  const byTime = new Map(rows.map((r, i) => [times[i], r]));
  for (let k = 0; k < 8; k++) {
    const origin = LAST_ORIGIN - k * ORIGIN_STEP_MS;
    const out = join(dir, `origin-${k}`);
    if (!existsSync(join(out, 'scenarios.csv'))) {
      const history = join(dir, `history-${k}.csv`);
      writeFileSync(
        history,
        `${[lines[0], ...lines.slice(1).filter((_, i) => times[i] < origin)].join('\n')}\n`,
      );
      const events = withLaunches ? ['--events', launches] : [];
      execFileSync(
        'node',
        [
          cli,
          'forecast',
          '--input',
          history,
          ...events,
          ...config,
          '--horizon',
          '168',
          '--seed',
          '42',
          '--out',
          out,
          '-q',
        ],
        { stdio: 'inherit' },
      );
    }
    const scenarios = readCsv(join(out, 'scenarios.csv'));
    const col = COLUMNS.map((c) => scenarios.header.indexOf(c));
    const daySums = Array.from({ length: 7 }, () => [0, 0]);
    scenarios.rows.forEach((r, i) => {
      const row = byTime.get(Date.parse(r[0]));
      const actual = Number(row[target]);
      const quantiles = col.map((c) => Number(r[c]));
      add('all', actual, quantiles);
      add(row[eventType] || 'no event', actual, quantiles);
      daySums[Math.floor(i / 24)][0] += actual;
      daySums[Math.floor(i / 24)][1] += quantiles[0];
    });
    for (const [actual, forecast] of daySums) {
      dailyApe += Math.abs(forecast - actual) / actual;
      days++;
    }
  }
}

const fmt = (x, d = 3) => x.toFixed(d);
console.log(
  `${seeds.length} seeds x 8 origins, ${withoutEvents ? 'no events applied' : `launches ${withLaunches ? 'given' : 'not given'}`}; forecasts in ${root}`,
);
console.log('| hours | n | coverage P50 / P75 / P90 / P95 / P99 | pinball % of demand | P50 MAPE % |');
console.log('| --- | --- | --- | --- | --- |');
for (const [name, g] of [...groups].sort(([a], [b]) =>
  a === 'all' ? -1 : b === 'all' ? 1 : a.localeCompare(b),
)) {
  const coverage = g.covered.map((c) => fmt(c / g.hours)).join(' / ');
  const pinball = g.pinball.map((p) => fmt((100 * p) / g.demand, 2)).join(' / ');
  console.log(`| ${name} | ${g.hours} | ${coverage} | ${pinball} | ${fmt((100 * g.ape) / g.hours, 2)} |`);
}
console.log(`P50 MAPE on daily totals: ${fmt((100 * dailyApe) / days, 2)}% over ${days} days`);
