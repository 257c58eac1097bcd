// Shared by the measurement scripts in this folder (a module, not a script): the scenario frame's
// quantile levels, pinball loss, command-line flags, the built CLI, and the scores of forecasts
// written with --id-col.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { datasetsDir } from '@cdf/eval';

/** The quantile levels of the scenario frame, in the order of {@link COLUMNS}. */
export const LEVELS = [0.5, 0.75, 0.9, 0.95, 0.99];
/** The scenario frame's quantile columns. */
export const COLUMNS = ['p50', 'p75', 'p90', 'p95', 'p99'];

/** The app's built CLI (`apps/cdf/dist/cli.js`); exits with a message when it is not built. */
export function builtCli() {
  const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
  if (!existsSync(cli)) {
    console.error(`${cli} not found: run pnpm build first`);
    process.exit(2);
  }
  return cli;
}

/**
 * A folder of the shared datasets (`--data` when given, else `name` in @cdf/eval's
 * `datasetsDir`: `$CDF_DATASETS`, `../shared/datasets` beside the repository, or
 * `/work/shared/datasets`); exits with a message naming `file` when that file is not in it.
 */
export function datasetFolder(args, name, file) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
  const folder = flag(args, '--data', join(datasetsDir(root), name));
  if (!existsSync(join(folder, file))) {
    console.error(`${join(folder, file)} not found: pass --data DIR or set CDF_DATASETS`);
    process.exit(2);
  }
  return folder;
}

/** The value after `name` in `args`, else `fallback`. */
export function flag(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
}

/** Pinball loss of the quantile `forecast` at `level` for the value `actual`. */
export function pinball(actual, forecast, level) {
  return actual >= forecast ? level * (actual - forecast) : (1 - level) * (forecast - actual);
}

/** `scenarios.csv` of an --id-col forecast: for each series id, each step's [p50 .. p99]. */
export function readQuantileForecasts(path) {
  const [head, ...rows] = readFileSync(path, 'utf8').trim().split('\n');
  const header = head.split(',');
  const id = header.indexOf('series_id');
  const columns = COLUMNS.map((c) => header.indexOf(c));
  const forecasts = new Map();
  for (const row of rows) {
    const cells = row.split(',');
    if (!forecasts.has(cells[id])) forecasts.set(cells[id], []);
    forecasts.get(cells[id]).push(columns.map((c) => Number(cells[c])));
  }
  return forecasts;
}

/**
 * Sums over forecast steps of p50 sMAPE (M4 definition), absolute error and pinball loss at each
 * level, both divided by the series' `scale`, and coverage of each quantile.
 */
export class ScaledScores {
  #steps = 0;
  #smape = 0;
  #mase = 0;
  #pinball = LEVELS.map(() => 0);
  #covered = LEVELS.map(() => 0);

  /** Add one step: the actual value, its [p50 .. p99] and the series' error scale. */
  add(actual, quantiles, scale) {
    this.#steps++;
    const p50 = quantiles[0];
    const denominator = Math.abs(actual) + Math.abs(p50);
    this.#smape += denominator > 0 ? (200 * Math.abs(actual - p50)) / denominator : 0;
    this.#mase += Math.abs(actual - p50) / scale;
    LEVELS.forEach((level, i) => {
      this.#pinball[i] += pinball(actual, quantiles[i], level) / scale;
      if (actual <= quantiles[i]) this.#covered[i]++;
    });
  }

  /** Markdown cells: sMAPE, MASE, scaled pinball P50 / ... / P99, coverage P50 / ... / P99. */
  cells(smapeDigits, pinballDigits) {
    const n = this.#steps;
    const mean = (sums, d) => sums.map((x) => (x / n).toFixed(d)).join(' / ');
    return `${(this.#smape / n).toFixed(smapeDigits)} | ${(this.#mase / n).toFixed(3)} | ${mean(this.#pinball, pinballDigits)} | ${mean(this.#covered, 3)}`;
  }
}
