import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

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

/**
 * The repository root above `from` (default the working directory): the nearest folder holding
 * `pnpm-workspace.yaml`, so a script finds `../shared/datasets` whichever package folder pnpm
 * runs it from. `from` itself when no folder above has one (an installed package, say).
 */
export function repoRootOf(from: string = process.cwd()): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(from);
    dir = parent;
  }
}
