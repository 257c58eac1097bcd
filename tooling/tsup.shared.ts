import type { Options } from 'tsup';

/**
 * The build every cdf package uses: ESM with declarations, one entry per public subpath.
 * Packages pass their entries; everything else is shared so builds stay alike.
 */
export function cdfTsup(entry: Record<string, string>, extra: Partial<Options> = {}): Options {
  return {
    entry,
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    splitting: false,
    treeshake: true,
    ...extra,
  };
}
