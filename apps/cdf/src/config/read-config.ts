import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CdfError, CdfErrorCode, validate } from '@cdf/core';
import { type CdfConfig, CdfConfigSchema } from './cdf-config.ts';

/** A config file read and validated, with the folder plug-ins are resolved from. */
export interface LoadedConfig {
  config: CdfConfig;
  /** The file as the user named it, for messages. */
  file: string;
  /** Absolute folder of the file: `use` packages are looked up from here first. */
  dir: string;
}

/**
 * Read a cdf config file (JSON) and validate it with {@link CdfConfigSchema}. Throws a CdfError:
 * FILE_NOT_FOUND when it cannot be read, INVALID_CONFIG (naming the file and the first bad key)
 * when it is not JSON or does not match.
 */
export async function readConfig(file: string): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const reason = cause instanceof Error && 'code' in cause ? ` (${String(cause.code)})` : '';
    throw new CdfError(CdfErrorCode.FileNotFound, `cannot read the config file${reason}`, { file, cause });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new CdfError(
      CdfErrorCode.InvalidConfig,
      `the config file is not valid JSON: ${(cause as Error).message}`,
      {
        file,
        cause,
      },
    );
  }
  const config = validate(CdfConfigSchema, raw, {
    what: 'config file',
    code: CdfErrorCode.InvalidConfig,
    file,
  });
  return { config, file, dir: dirname(resolve(file)) };
}
