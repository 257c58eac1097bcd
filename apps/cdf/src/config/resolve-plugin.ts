import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CdfError, CdfErrorCode, type StageKind } from '@cdf/core';
import { findPackage } from './package-entry.ts';
import { parsePluginSpec } from './plugin-spec.ts';

/** A plug-in found for a `use` reference, with where it came from (for run.json). */
export interface ResolvedPlugin<P> {
  plugin: P;
  /** The reference as written. */
  use: string;
  /** The plug-in's registry name. */
  name: string;
  /** Version of the package it came from, when known. */
  version?: string;
  /** `builtin`, or the file it was imported from. */
  source: string;
}

/** Where and how to look for plug-ins. */
export interface ResolvePluginOptions {
  /** The config file's folder: packages installed beside the config are found from here first. */
  configDir?: string;
  /** The app's own adapters by registry name (checked before anything is imported). */
  builtins?: ReadonlyMap<string, { plugin: unknown; version?: string }>;
  /**
   * Packages taken from the app alone, with a bare `import()`, so the run uses one copy of
   * them. Default: the `@cdf/` packages the app itself can resolve (its own dependencies).
   */
  appPackages?: (name: string) => boolean;
}

/** The app's folder (src/config or dist), where its own dependencies are found. */
const APP_DIR = dirname(fileURLToPath(import.meta.url));

type Module = Record<string, unknown>;

/** True for a `@cdf/` package the app itself resolves: one of cdf's own stage packages. */
export function isAppDependency(packageName: string): boolean {
  return packageName.startsWith('@cdf/') && !('searched' in findPackage(packageName, APP_DIR));
}

function isPluginLike(
  value: unknown,
): value is { stage: unknown; name: unknown; create: unknown; load: unknown } {
  return typeof value === 'object' && value !== null && 'create' in value && 'stage' in value;
}

/**
 * Resolve `use` (`package#export`) to a plug-in of `stage`: the app's built-in adapters first,
 * then the package as installed beside the config file (walking up `node_modules`, or the
 * enclosing package itself), then as installed with the app. In the module, the export named
 * after `#` is taken, else an exported plug-in whose registry name is `use`. The plug-in must
 * declare `stage` and have `create` and `load` functions and a name.
 *
 * @throws CdfError PLUGIN_NOT_FOUND saying every place tried, or naming the shape problem.
 */
export async function resolvePlugin<P>(
  use: string,
  stage: StageKind,
  where: string,
  options: ResolvePluginOptions = {},
): Promise<ResolvedPlugin<P>> {
  const spec = parsePluginSpec(use, where);
  const builtin = options.builtins?.get(use);
  if (builtin !== undefined) return checked(builtin.plugin, use, stage, where, 'builtin', builtin.version);

  const tried: string[] = [];
  const isAppPackage = options.appPackages ?? isAppDependency;
  const sources: { dir: string; label: string }[] = [];
  if (options.configDir !== undefined && !isAppPackage(spec.packageName))
    sources.push({ dir: options.configDir, label: 'the config folder' });
  sources.push({ dir: APP_DIR, label: 'the app' });
  for (const { dir, label } of sources) {
    const found = findPackage(spec.packageName, dir);
    if ('searched' in found) {
      tried.push(`${label}: not in ${found.searched[0] ?? dir} or any node_modules above`);
      continue;
    }
    let module: Module;
    try {
      if (label === 'the app') {
        // The app's own copy, through node's (or the test runner's) resolution.
        module = (await import(spec.packageName)) as Module;
      } else {
        if (found.entry === undefined) {
          tried.push(
            `${label}: ${found.dir} has no entry file (tried ${found.candidates.join(', ')}; is it built?)`,
          );
          continue;
        }
        module = (await import(pathToFileURL(found.entry).href)) as Module;
      }
    } catch (cause) {
      tried.push(
        `${label}: importing ${found.entry ?? spec.packageName} failed: ${(cause as Error).message}`,
      );
      continue;
    }
    const plugin = pick(module, spec.exportName, use);
    if (plugin === undefined) {
      const names = Object.keys(module).filter((k) => isPluginLike(module[k]));
      throw new CdfError(
        CdfErrorCode.PluginNotFound,
        `package "${spec.packageName}" has no plug-in "${spec.exportName}"`,
        {
          column: where,
          value: use,
          expected:
            names.length > 0
              ? `one of its plug-in exports: ${names.join(', ')}`
              : 'an exported stage plug-in',
        },
      );
    }
    return checked(plugin, use, stage, where, found.entry ?? found.dir, found.version);
  }
  throw new CdfError(CdfErrorCode.PluginNotFound, `cannot load plug-in package "${spec.packageName}"`, {
    column: where,
    value: use,
    expected: `an installed package (tried ${tried.join('; ')})`,
  });
}

function pick(module: Module, exportName: string, use: string): unknown {
  const named = module[exportName];
  if (named !== undefined) return named;
  return Object.values(module).find((value) => isPluginLike(value) && value.name === use);
}

function checked<P>(
  plugin: unknown,
  use: string,
  stage: StageKind,
  where: string,
  source: string,
  version: string | undefined,
): ResolvedPlugin<P> {
  const fail = (expected: string) =>
    new CdfError(CdfErrorCode.PluginNotFound, `"${use}" is not a ${stage} plug-in`, {
      column: where,
      value: use,
      expected,
    });
  if (!isPluginLike(plugin)) throw fail('an object with stage, name, create() and load()');
  if (plugin.stage !== stage) throw fail(`stage "${stage}", got "${String(plugin.stage)}"`);
  if (typeof plugin.create !== 'function' || typeof plugin.load !== 'function')
    throw fail('create(params) and load(saved) functions');
  if (typeof plugin.name !== 'string' || plugin.name === '') throw fail('a registry name');
  return {
    plugin: plugin as P,
    use,
    name: plugin.name,
    ...(version === undefined ? {} : { version }),
    source,
  };
}
