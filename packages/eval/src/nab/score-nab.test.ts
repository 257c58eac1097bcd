import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNabCorpus } from './nab-corpus.ts';
import { scoreNab } from './score-nab.ts';

// A two-file corpus in NAB's layout, written to a temp dir: a.csv has 20 rows and one window on
// rows 5..9; b.csv has 10 rows and no window.
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cdf-nab-'));
  mkdirSync(join(dir, 'data', 'set'), { recursive: true });
  mkdirSync(join(dir, 'labels'));
  const rows = (n: number) =>
    [
      'timestamp,value',
      ...Array.from({ length: n }, (_, i) => `2015-01-01 00:${String(i).padStart(2, '0')}:00,${i}`),
    ].join('\n');
  writeFileSync(join(dir, 'data', 'set', 'a.csv'), rows(20));
  writeFileSync(join(dir, 'data', 'set', 'b.csv'), `${rows(10)}\n`);
  writeFileSync(
    join(dir, 'labels', 'combined_windows.json'),
    JSON.stringify({
      'set/a.csv': [['2015-01-01 00:05:00.000000', '2015-01-01 00:09:00.000000']],
      'set/b.csv': [],
    }),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function flags(n: number, rows: number[]): { scores: Float64Array } {
  return { scores: Float64Array.from({ length: n }, (_, i) => (rows.includes(i) ? 1 : 0)) };
}

describe('scoreNab', () => {
  it('normalises so that null scores 0 and perfect 100', async () => {
    const perfect = new Map([
      ['set/a.csv', flags(20, [5])],
      ['set/b.csv', flags(10, [])],
    ]);
    const nothing = new Map([
      ['set/a.csv', flags(20, [])],
      ['set/b.csv', flags(10, [])],
    ]);
    const best = await scoreNab({ dataDir: dir, detections: perfect, threshold: 0.5 });
    const none = await scoreNab({ dataDir: dir, detections: nothing, threshold: 0.5 });
    expect(best).toMatchObject({ score: 100, rawScore: 1, nullScore: -1, perfectScore: 1 });
    expect(none.score).toBe(0);
    expect(none.perFile.map((f) => f.file)).toEqual(['set/a.csv', 'set/b.csv']);
  });

  // b.csv: probation floor(1.5) = 1 row; an FP on row 5 with no window: -0.11.
  // raw = 1 - 0.11 = 0.89 -> 100 * (0.89 + 1) / (1 + 1) = 94.5
  it('accepts a loader and sums false positives over files', async () => {
    const corpus = await loadNabCorpus(dir);
    const result = await scoreNab({
      corpus,
      detections: async (file) => (file === 'set/a.csv' ? flags(20, [5]) : flags(10, [5])),
      threshold: 0.5,
    });
    expect(result.score).toBeCloseTo(94.5, 10);
    expect(result).toMatchObject({ tp: 1, fp: 1 });
  });

  it('throws a CdfError for a missing file, a short detection or an unknown profile', async () => {
    const corpus = await loadNabCorpus(dir);
    await expect(scoreNab({ corpus, detections: new Map(), threshold: 0.5 })).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
      location: { file: 'set/a.csv' },
    });
    await expect(scoreNab({ corpus, detections: () => flags(3, []), threshold: 0.5 })).rejects.toMatchObject({
      code: 'INVALID_VALUE',
    });
    await expect(
      // @ts-expect-error an unknown profile name is a runtime error too
      scoreNab({ corpus, detections: () => flags(20, []), threshold: 0.5, profile: 'strict' }),
    ).rejects.toMatchObject({ code: 'INVALID_CONFIG' });
    await expect(loadNabCorpus(join(dir, 'nowhere'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
