import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSingleSeries } from '../../test/pipeline-fixture.ts';
import { cdfRunner } from '../../test/run-cdf.ts';

let tmp: string;
let metrics: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'cdf-images-'));
  metrics = await writeSingleSeries(tmp);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const cdf = cdfRunner({ now: Date.UTC(2025, 1, 20) });

describe('--images', () => {
  it('writes every dashboard panel as an SVG file beside dashboard.html, and report rebuilds them', async () => {
    const out = join(tmp, 'run');
    const { code, stderr } = await cdf(
      'forecast',
      '--input',
      metrics,
      '--out',
      out,
      '--horizon',
      '24',
      '--images',
      'svg',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const images = (await readdir(join(out, 'images'))).sort();
    expect(images.length).toBeGreaterThanOrEqual(6);
    expect(images.every((name) => name.endsWith('.svg'))).toBe(true);
    for (const name of images) {
      const svg = await readFile(join(out, 'images', name), 'utf8');
      expect(svg.startsWith('<svg') || svg.startsWith('<?xml')).toBe(true);
      expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    }

    const rebuilt = join(tmp, 'rebuilt');
    const report = await cdf('report', '--run', out, '--out', rebuilt, '--images', 'svg');
    expect(report.code).toBe(0);
    expect((await readdir(join(rebuilt, 'images'))).sort()).toEqual(images);
  });

  it('refuses an unknown format in one line with exit 2', async () => {
    const { code, stderr } = await cdf(
      'forecast',
      '--input',
      metrics,
      '--out',
      join(tmp, 'x'),
      '--images',
      'gif',
    );
    expect(code).toBe(2);
    expect(stderr).toBe('cdf: --images: "gif" is not one of svg, png\n');
  });
});
