import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';

/** A package found on disk: where it is, its version and the file `import` should load. */
export interface PackageEntry {
  /** Folder holding its package.json. */
  dir: string;
  version?: string;
  /** Absolute path of its ESM entry, or undefined when no entry file exists (e.g. not built). */
  entry?: string;
  /** Entries considered, for error messages. */
  candidates: string[];
}

interface Manifest {
  name?: string;
  version?: string;
  main?: string;
  module?: string;
  exports?: unknown;
}

function readManifest(file: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/**
 * The `.` entry of a package's `exports`, for an ESM import from plain node: the `import`
 * target, else `default`, else the `@cdf/source` TypeScript target (loadable only under a
 * TypeScript-aware runner such as vitest). The first one that exists on disk wins, so a built
 * package loads its `dist` and an unbuilt workspace package still loads in tests.
 */
function exportTargets(manifest: Manifest): string[] {
  const { exports } = manifest;
  const root =
    typeof exports === 'string'
      ? exports
      : exports && typeof exports === 'object' && '.' in exports
        ? (exports as Record<string, unknown>)['.']
        : exports && typeof exports === 'object' && !Object.keys(exports).some((k) => k.startsWith('.'))
          ? exports
          : undefined;
  if (typeof root === 'string') return [root];
  if (root && typeof root === 'object') {
    const conditions = root as Record<string, unknown>;
    return ['import', 'default', 'node', '@cdf/source'].flatMap((c) =>
      typeof conditions[c] === 'string' ? [conditions[c] as string] : [],
    );
  }
  return [manifest.module, manifest.main, 'index.js'].filter((x): x is string => typeof x === 'string');
}

/**
 * Find package `name` as node would from `fromDir`: `node_modules/<name>` in `fromDir` and every
 * folder above it, or the enclosing package itself when its name is `name` (self-reference).
 * Returns the folders searched in `searched` when nothing is found.
 */
export function findPackage(name: string, fromDir: string): PackageEntry | { searched: string[] } {
  const searched: string[] = [];
  let dir = fromDir;
  const { root } = parse(dir);
  for (;;) {
    const self = readManifest(join(dir, 'package.json'));
    if (self?.name === name) return entryOf(dir, self);
    const candidate = join(dir, 'node_modules', name);
    searched.push(candidate);
    const manifest = readManifest(join(candidate, 'package.json'));
    if (manifest) return entryOf(candidate, manifest);
    if (dir === root) return { searched };
    dir = dirname(dir);
  }
}

function entryOf(dir: string, manifest: Manifest): PackageEntry {
  const candidates = exportTargets(manifest).map((target) => join(dir, target));
  const entry = candidates.find((file) => existsSync(file));
  return {
    dir,
    ...(manifest.version === undefined ? {} : { version: manifest.version }),
    ...(entry === undefined ? {} : { entry }),
    candidates,
  };
}
