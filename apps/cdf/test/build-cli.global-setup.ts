import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/*
 * vitest globalSetup: make sure `apps/cdf/dist/cli.js` is a build of the current source before
 * the end-to-end test spawns it. The built CLI imports workspace packages through their `dist`,
 * so every workspace dependency whose dist is missing or older than its source is rebuilt with
 * tsup first, dependencies before dependents. Nothing is built when all is fresh.
 */

const APP_DIR = join(import.meta.dirname, '..');

/** Newest modification time (ms) of the files that go into a package's build. */
function newestInput(dir: string): number {
  let newest = 0;
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else if (!/\.test\.ts$/.test(path)) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const input of ['src', 'package.json', 'tsup.config.ts']) {
    if (existsSync(join(dir, input))) visit(join(dir, input));
  }
  return newest;
}

/** Oldest modification time of the files in `dist`, or -1 when there is no build. */
function oldestOutput(dir: string): number {
  const dist = join(dir, 'dist');
  if (!existsSync(dist)) return -1;
  const files = readdirSync(dist).filter((name) => name.endsWith('.js'));
  if (files.length === 0) return -1;
  return Math.min(...files.map((name) => statSync(join(dist, name)).mtimeMs));
}

/** Directories of the workspace packages `dir` depends on (`workspace:` versions). */
function workspaceDependencies(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return Object.entries(manifest.dependencies ?? {})
    .filter(([, version]) => version.startsWith('workspace:'))
    .map(([name]) => dirname(realpathSync(join(dir, 'node_modules', name, 'package.json'))));
}

/** Build `dir` with tsup if it or a dependency is stale; returns whether it was built. */
function buildIfStale(dir: string, done: Map<string, boolean>): boolean {
  const known = done.get(dir);
  if (known !== undefined) return known;
  const dependencyRebuilt = workspaceDependencies(dir)
    .map((dependency) => buildIfStale(dependency, done))
    .some(Boolean);
  const stale = dependencyRebuilt || oldestOutput(dir) < newestInput(dir);
  if (stale) {
    const result = spawnSync('pnpm', ['exec', 'tsup'], { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(`tsup failed in ${dir}:\n${result.stdout}\n${result.stderr}`);
    }
  }
  done.set(dir, stale);
  return stale;
}

/** vitest globalSetup entry. */
export default function setup(): void {
  buildIfStale(APP_DIR, new Map());
}
