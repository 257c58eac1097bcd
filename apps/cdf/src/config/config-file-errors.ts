import { CdfError, CdfErrorCode } from '@cdf/core';

/** The error `error` names the config `file` it came from, when it is a configuration error without a file. */
function withConfigFile(file: string | undefined, error: unknown): unknown {
  if (file === undefined || !CdfError.isInstance(error)) return error;
  if (error.code !== CdfErrorCode.InvalidConfig || error.location.file !== undefined) return error;
  return new CdfError(error.code, error.message, { ...error.location, file, cause: error });
}

/** Run `f`, naming the config file in the configuration errors it throws. */
export function namingConfigFile<T>(file: string | undefined, f: () => T): T {
  try {
    return f();
  } catch (error) {
    throw withConfigFile(file, error);
  }
}

/** Await `f`, naming the config file in the configuration errors it throws. */
export async function namingConfigFileAsync<T>(file: string | undefined, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (error) {
    throw withConfigFile(file, error);
  }
}
