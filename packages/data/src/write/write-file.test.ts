import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CdfError } from '@cdf/core';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeTextFile } from './write-file.ts';

const root = await mkdtemp(join(tmpdir(), 'cdf-write-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('creates parent folders, writes, replaces, and leaves no temporary file', async () => {
    const path = join(root, 'a', 'b', 'out.csv');
    await writeTextFile(path, 'first\n');
    expect(await readFile(path, 'utf8')).toBe('first\n');
    await writeFileAtomic(path, new TextEncoder().encode('second\n'));
    expect(await readFile(path, 'utf8')).toBe('second\n');
    expect(await readdir(join(root, 'a', 'b'))).toEqual(['out.csv']);
  });

  it('throws WRITE_FAILED with the path when the folder cannot exist', async () => {
    const file = join(root, 'plain-file');
    await writeFile(file, 'x');
    const target = join(file, 'inside.csv');
    const error = await writeTextFile(target, 'y').catch((e: unknown) => e);
    expect(CdfError.isInstance(error)).toBe(true);
    expect((error as CdfError).code).toBe('WRITE_FAILED');
    expect((error as CdfError).location.file).toBe(target);
  });
});
