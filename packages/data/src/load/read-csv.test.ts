import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CdfError } from '@cdf/core';
import fc from 'fast-check';
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadMetrics } from './load-metrics.ts';
import { readCsvTable } from './read-csv.ts';

async function* chunks(text: string, cuts: number[]): AsyncIterable<string> {
  let from = 0;
  for (const cut of [...cuts].map((c) => c % (text.length + 1)).sort((a, b) => a - b)) {
    yield text.slice(from, cut);
    from = cut;
  }
  yield text.slice(from);
}

function formatField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

const T0 = Date.UTC(2024, 0, 1);

describe('readCsvTable', () => {
  it('round-trips arbitrary numbers and text fields, in arbitrary chunks, one entry per row (property)', async () => {
    const row = fc.record({
      demand: fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
      other: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: undefined }),
      note: fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\n', '\r\n', '1', 'é') }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        async (rows, cuts) => {
          // The note starts with a letter so that its column is text whatever follows.
          const lines = rows.map(
            (r, i) =>
              `${new Date(T0 + i * 3_600_000).toISOString()},${r.demand},${r.other ?? ''},${formatField(`x${r.note}`)}`,
          );
          const text = `timestamp,compute_tflops,other,note\n${lines.join('\n')}\n`;
          const table = await readCsvTable(chunks(text, cuts), 'p.csv', {});
          expect(table.timestamps.length).toBe(rows.length);
          expect(Array.from(table.sourceRows)).toEqual(rows.map((_, i) => i + 1));
          expect(Array.from(table.timestamps)).toEqual(rows.map((_, i) => T0 + i * 3_600_000));
          rows.forEach((r, i) => {
            expect(table.columns.compute_tflops![i] === r.demand).toBe(true);
            if (r.other === undefined) expect(table.columns.other![i]).toBeNaN();
            else expect(table.columns.other![i] === r.other).toBe(true);
          });
          expect(table.missing.other).toBe(rows.filter((r) => r.other === undefined).length);
          expect(table.textColumns).toEqual(['note']);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never fails with anything but a CdfError on garbage (property)', async () => {
    const garbage = fc.oneof(
      fc.string(),
      fc.string({
        unit: fc.constantFrom(
          'timestamp',
          'compute_tflops',
          ',',
          '"',
          '\n',
          '2024-01-01',
          '1',
          '-',
          'e',
          'x',
          ' ',
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(garbage, fc.array(fc.nat(), { maxLength: 3 }), async (text, cuts) => {
        try {
          const table = await readCsvTable(chunks(text, cuts), 'g.csv', {});
          expect(table.timestamps.length).toBe(table.sourceRows.length);
        } catch (error) {
          if (!CdfError.isInstance(error)) throw error;
          expect(error.toLine().startsWith('g.csv: ')).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('skips a header preceded by blank lines and names empty header cells column<N>', async () => {
    const table = await readCsvTable(
      chunks('\n\ntimestamp,compute_tflops,\n2024-01-01,1,2\n', []),
      'b.csv',
      {},
    );
    expect(Object.keys(table.columns)).toEqual(['compute_tflops', 'column3']);
    expect(Array.from(table.sourceRows)).toEqual([1]);
  });

  it('loads 17,520 hourly rows (two years) exactly', async () => {
    const lines = [
      'timestamp,compute_tflops,request_count,avg_tokens_per_request,p95_latency_ms,queue_depth',
    ];
    for (let i = 0; i < 17_520; i++) {
      lines.push(
        `${new Date(T0 + i * 3_600_000).toISOString()},${100 + (i % 50) / 4},${1000 + i},${250.5},${80.25},${i % 7}`,
      );
    }
    const dir = mkdtempSync(join(tmpdir(), 'cdf-load-17520-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, '17520.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const table = await loadMetrics(path);
    expect(table.timestamps.length).toBe(17_520);
    expect(table.timestamps[17_519]).toBe(T0 + 17_519 * 3_600_000);
    expect(table.columns.request_count![17_519]).toBe(1000 + 17_519);
    expect(table.columns.compute_tflops![49]).toBe(100 + 49 / 4);
    // Speed is measured by `pnpm bench` (data/load-csv-2y), never in a timed unit test.
  });
});
