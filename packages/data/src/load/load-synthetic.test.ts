import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { generateSynthetic } from '../synthetic/generate-synthetic.ts';
import { syntheticToCsv } from '../synthetic/synthetic-csv.ts';
import { loadMetrics } from './load-metrics.ts';

describe('loadMetrics on the synthetic generator output', () => {
  it('reads back exactly what the generator wrote, with event_type as a text column', async () => {
    const data = generateSynthetic({ start: '2024-01-01', end: '2024-03-01', seed: 7 });
    const dir = mkdtempSync(join(tmpdir(), 'cdf-load-synthetic-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'synthetic.csv');
    writeFileSync(path, syntheticToCsv(data));
    const table = await loadMetrics(path);
    expect(Array.from(table.timestamps)).toEqual(Array.from(data.timestamps));
    for (const [name, values] of Object.entries(data.columns)) {
      expect(Array.from(table.columns[name]!)).toEqual(Array.from(values as Float64Array));
    }
    expect(table.textColumns).toEqual(['event_type']);
    expect(Object.values(table.missing).every((count) => count === 0)).toBe(true);
    expect(table.timestampFormat).toBe('iso-utc');
  });
});
