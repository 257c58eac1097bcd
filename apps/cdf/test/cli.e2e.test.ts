import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The built bin, as `pnpm cdf` and an installed `cdf` run it (globalSetup builds it).
const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');
const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);

function run(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
}

describe('the built cdf executable', () => {
  it('exits 0 and prints the summary for a good file, and a real non-zero exit code for bad data', () => {
    const good = run('validate', fixture('good-hourly.csv'));
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('24 read');

    const bad = run('validate', fixture('missing-target.csv'));
    expect(bad.status).toBe(3);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^cdf: .*missing-target\.csv.*compute_tflops/);

    const usage = run('validate');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toBe("cdf: missing required argument 'file' (see cdf --help)\n");
  });
});
