import { readFile } from 'node:fs/promises';
import { CdfError, CdfErrorCode } from '@cdf/core';

/** Read a UTF-8 file, turning a missing or unreadable file into `CdfError` `FILE_NOT_FOUND`. */
export async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    throw new CdfError(CdfErrorCode.FileNotFound, 'cannot read the file', { file: path, cause });
  }
}
