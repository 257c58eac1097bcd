import { describe, expect, it } from 'vitest';
import { parseCsvReference } from '../write/csv-reference-parser.test-helper.ts';
import { generateSynthetic } from './generate-synthetic.ts';
import { SYNTHETIC_CSV_HEADER, syntheticToCsv } from './synthetic-csv.ts';

describe('syntheticToCsv', () => {
  it('writes the documented header and reads back to the generated values exactly', () => {
    const data = generateSynthetic({ start: '2023-01-01', end: '2023-03-01', seed: 5 });
    const rows = parseCsvReference(syntheticToCsv(data));
    expect(rows[0]).toEqual([
      'timestamp',
      'compute_tflops',
      'request_count',
      'avg_tokens_per_request',
      'p95_latency_ms',
      'queue_depth',
      'event_type',
    ]);
    expect(rows[0]).toEqual([...SYNTHETIC_CSV_HEADER]);
    expect(rows.length).toBe(data.timestamps.length + 1);
    for (let i = 0; i < data.timestamps.length; i++) {
      const row = rows[i + 1]!;
      expect(row[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:00:00\.000Z$/);
      expect(Date.parse(row[0]!)).toBe(data.timestamps[i]);
      SYNTHETIC_CSV_HEADER.slice(1, 6).forEach((name, c) => {
        expect(Number(row[c + 1])).toBe(data.columns[name]![i]);
      });
      expect(row[6]).toBe(data.eventType[i]);
    }
  });

  it('keeps values compact: at most 3 decimals for compute, whole request counts', () => {
    const csv = syntheticToCsv(generateSynthetic({ start: '2023-01-01', end: '2023-01-08' }));
    for (const line of csv.trimEnd().split('\n').slice(1)) {
      const [, compute, requests, tokens] = line.split(',');
      expect(compute).toMatch(/^\d+(\.\d{1,3})?$/);
      expect(requests).toMatch(/^\d+$/);
      expect(tokens).toMatch(/^\d+(\.\d)?$/);
    }
  });
});
