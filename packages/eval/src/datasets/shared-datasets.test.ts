import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRootOf } from './shared-datasets.ts';

// Every folder the tests make lives under this one, removed at the end.
const scratch = mkdtempSync(join(tmpdir(), 'cdf-shared-datasets-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('repoRootOf', () => {
  it('finds the folder holding pnpm-workspace.yaml above a package folder', () => {
    const root = mkdtempSync(join(scratch, 'root-'));
    writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages: []\n');
    const pkg = join(root, 'packages', 'spikes');
    mkdirSync(pkg, { recursive: true });
    expect(repoRootOf(pkg)).toBe(root);
    expect(repoRootOf(root)).toBe(root);
  });

  it('returns the folder itself when no folder above is a workspace', () => {
    const lone = mkdtempSync(join(scratch, 'lone-'));
    expect(repoRootOf(lone)).toBe(lone);
  });

  it('finds this repository from the package folder vitest runs in', () => {
    expect(existsSync(join(repoRootOf(), 'pnpm-workspace.yaml'))).toBe(true);
    expect(repoRootOf()).not.toBe(process.cwd());
  });
});
