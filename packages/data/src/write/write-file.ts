import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CdfError, CdfErrorCode } from '@cdf/core';

let tempCounter = 0;

/**
 * Write a file atomically: create the parent folders, write a temporary file beside the target,
 * then rename it over the target, so a reader never sees half a file and a crash never leaves
 * one. Throws `CdfError` (`WRITE_FAILED`, with the path) when the folder or file cannot be
 * written; the temporary file is removed.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  tempCounter += 1;
  const temp = join(folder, `.${basename(path)}.${process.pid}.${tempCounter}.tmp`);
  try {
    await mkdir(folder, { recursive: true });
    await writeFile(temp, content);
    await rename(temp, path);
  } catch (cause) {
    await rm(temp, { force: true }).catch(() => undefined);
    const reason = cause instanceof Error && 'code' in cause ? ` (${String(cause.code)})` : '';
    throw new CdfError(CdfErrorCode.WriteFailed, `cannot write the file${reason}`, { file: path, cause });
  }
}

/** Write UTF-8 text to a file atomically (see {@link writeFileAtomic}). */
export function writeTextFile(path: string, content: string): Promise<void> {
  return writeFileAtomic(path, content);
}
