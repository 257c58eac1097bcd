/**
 * The time-ordered spike evaluation over many seeds, summarised (a script, not a unit test): runs
 * `evaluate-spike-predictor.js` (bundled beside this one) once per seed, each in its own process,
 * and prints one line per seed (AUC and ECE at h <= 24, AUC at 25-72 h) and their means, with the
 * seeds that miss AUC >= 0.90 or ECE < 0.05 at h <= 24 (the issue's targets). Seeds as a list and
 * ranges; `--params` goes to every run, so a setting is compared against the defaults:
 *
 *   node node_modules/.predict-measure/evaluate-spike-seeds.js 1-5,31-35
 *   node node_modules/.predict-measure/evaluate-spike-seeds.js 400-414 --params '{"plannedDistanceCap":null}'
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { params: { type: 'string', default: '{}' } },
});

/** Seeds of a list like `1-5,31,40-42`; exits with a usage line on anything else. */
function parseSeeds(text: string | undefined): number[] {
  const seeds: number[] = [];
  for (const part of (text ?? '').split(',').filter(Boolean)) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!range) usage(`not a seed or range: "${part}"`);
    const from = Number(range[1]);
    const to = Number(range[2] ?? range[1]);
    for (let s = from; s <= to; s++) seeds.push(s);
  }
  if (seeds.length === 0) usage('no seeds given');
  return seeds;
}

function usage(problem: string): never {
  console.error(`${problem}\nusage: node evaluate-spike-seeds.js SEEDS (e.g. 1-5,31) [--params JSON]`);
  process.exit(2);
}

interface Bucket {
  horizons: string;
  auc: number;
  ece: number;
}

const seeds = parseSeeds(positionals[0]);
const script = join(dirname(fileURLToPath(import.meta.url)), 'evaluate-spike-predictor.js');
const rows: { seed: number; auc: number; ece: number; aucFar: number }[] = [];
for (const seed of seeds) {
  const out = execFileSync('node', [script, '--seed', String(seed), '--params', values.params ?? '{}'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const buckets = (JSON.parse(out) as { buckets: Bucket[] }).buckets;
  const near = buckets.find((b) => b.horizons === '1-24')!;
  const far = buckets.find((b) => b.horizons === '25-72')!;
  rows.push({ seed, auc: near.auc, ece: near.ece, aucFar: far.auc });
  console.log(
    `seed ${seed}: AUC h<=24 ${near.auc.toFixed(3)}, ECE h<=24 ${near.ece.toFixed(3)}, AUC 25-72 h ${far.auc.toFixed(3)}`,
  );
}
const mean = (pick: (r: (typeof rows)[number]) => number) =>
  rows.reduce((a, r) => a + pick(r), 0) / rows.length;
const misses = rows.filter((r) => r.auc < 0.9 || r.ece >= 0.05).map((r) => r.seed);
console.log(
  `${rows.length} seeds: mean AUC h<=24 ${mean((r) => r.auc).toFixed(4)}, ECE h<=24 ${mean((r) => r.ece).toFixed(4)}, AUC 25-72 h ${mean((r) => r.aucFar).toFixed(4)}; miss AUC >= 0.90 or ECE < 0.05 at h<=24: ${misses.length}${misses.length > 0 ? ` (${misses.join(', ')})` : ''}`,
);
