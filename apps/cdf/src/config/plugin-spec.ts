import { CdfError, CdfErrorCode } from '@cdf/core';

/** A parsed `use` value: which package to import and which export (or registry name) to take. */
export interface PluginSpec {
  /** As written: `@cdf/baseline#mstl`. */
  use: string;
  /** `@cdf/baseline`. */
  packageName: string;
  /** `mstl`: an export name, or the part after `#` of a plug-in's registry name. */
  exportName: string;
}

const PACKAGE_NAME = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i;

/** Split `package#export`; throws INVALID_CONFIG naming `where` (e.g. `baseline.use`) when malformed. */
export function parsePluginSpec(use: string, where: string): PluginSpec {
  const hash = use.indexOf('#');
  const packageName = hash < 0 ? use : use.slice(0, hash);
  const exportName = hash < 0 ? '' : use.slice(hash + 1);
  if (!PACKAGE_NAME.test(packageName) || exportName === '' || exportName.includes('#')) {
    throw new CdfError(CdfErrorCode.InvalidConfig, 'invalid plug-in reference', {
      column: where,
      value: use,
      expected: '"package#export", e.g. "@cdf/baseline#mstl" or "my-forecasters#weeklyMedian"',
    });
  }
  return { use, packageName, exportName };
}
