#!/usr/bin/env node
// `pnpm cdf <command>` from the repo root: build the app and what it depends on (turbo caches,
// so this is quick when nothing changed), then run the built CLI with the given arguments.
// `--bench` runs the benchmark harness instead of the CLI.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const bench = args[0] === '--bench';
const filter = bench ? '@cdf/bench...' : '@cdf/app...';

const build = spawnSync(
  'pnpm',
  ['exec', 'turbo', 'run', 'build', `--filter=${filter}`, '--output-logs=errors-only'],
  {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
if (build.status !== 0) {
  process.stderr.write(build.stdout ?? '');
  process.stderr.write(build.stderr ?? '');
  process.stderr.write('cdf: the build failed (output above)\n');
  process.exit(build.status ?? 1);
}
const entry = bench ? 'tooling/bench/dist/main.js' : 'apps/cdf/dist/cli.js';
process.argv = [process.argv[0], resolve(root, entry), ...(bench ? args.slice(1) : args)];
await import(pathToFileURL(resolve(root, entry)).href);
