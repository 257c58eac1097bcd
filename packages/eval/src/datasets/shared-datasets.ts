import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The shared datasets folder (M4 hourly, NAB, ServeGen, Azure LLM traces; read in place, never
 * copied into the repo) for the tests and benchmarks that score on real data: `$CDF_DATASETS`
 * if set, else `../shared/datasets` beside the repo root (where a checkout and CI find it),
 * else `/work/shared/datasets`.
 */
export function datasetsDir(repoRoot: string): string {
  const candidates = [
    process.env.CDF_DATASETS,
    resolve(repoRoot, '..', 'shared', 'datasets'),
    '/work/shared/datasets',
  ].filter((p): p is string => typeof p === 'string' && p.length > 0);
  return candidates.find((p) => existsSync(p)) ?? candidates[0]!;
}

/** A dataset's folder, or undefined when it is not there (the suite then reports it as missing). */
export function datasetPath(repoRoot: string, ...parts: string[]): string | undefined {
  const path = join(datasetsDir(repoRoot), ...parts);
  return existsSync(path) ? path : undefined;
}
