/**
 * Reproduces NAB v1.0's published final scores from the published per-row anomaly scores of two
 * reference detectors. Data: ../shared/datasets/nab or $CDF_DATASETS/nab (NAB v1.0 corpus, labels, profiles,
 * `reference-detections/`, `published-thresholds.json`, `published-final-results.json`; MIT,
 * numenta/NAB). Never copied into the repo; the test fails when the folder is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  datasetsDir,
  loadNabCorpus,
  loadNabResults,
  type NabCorpus,
  type NabDetection,
  nabProfiles,
  scoreNab,
} from '../src/index.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const nabDir = join(datasetsDir(repoRoot), 'nab');
const profiles = ['standard', 'reward_low_FP_rate', 'reward_low_FN_rate'] as const;
const detectors = ['windowedGaussian', 'numenta'] as const;

type Published = Record<string, Record<string, number>>;
type Thresholds = Record<string, Record<string, { threshold: number; score: number }>>;

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(join(nabDir, name), 'utf8')) as T;
}

describe('NAB v1.0 reproduction', () => {
  let corpus: NabCorpus;
  const detections = new Map<string, Map<string, NabDetection>>();

  beforeAll(async () => {
    if (!existsSync(nabDir)) {
      throw new Error(`NAB data not found at ${nabDir}: the shared datasets folder is required (CI has it)`);
    }
    corpus = await loadNabCorpus(nabDir);
    for (const detector of detectors) {
      detections.set(
        detector,
        await loadNabResults({
          resultsDir: join(nabDir, 'reference-detections'),
          detector,
          files: corpus.files.keys(),
        }),
      );
    }
  });

  it('has the profiles of config/profiles.json', () => {
    const fromFile = readJson<Record<string, { CostMatrix: unknown }>>('profiles.json');
    for (const profile of profiles) expect(nabProfiles[profile]).toEqual(fromFile[profile]!.CostMatrix);
  });

  it('reads 58 files and 116 windows', () => {
    expect(corpus.files.size).toBe(58);
    let windows = 0;
    for (const file of corpus.files.values()) windows += file.windows.length;
    expect(windows).toBe(116);
  });

  for (const detector of detectors) {
    for (const profile of profiles) {
      it(`reproduces ${detector} on ${profile}`, async () => {
        const published = readJson<Published>('published-final-results.json')[detector]![profile]!;
        const tuned = readJson<Thresholds>('published-thresholds.json')[detector]![profile]!;
        const result = await scoreNab({
          corpus,
          detections: detections.get(detector)!,
          threshold: tuned.threshold,
          profile,
        });
        console.log(
          `NAB ${detector} ${profile}: score ${result.score.toFixed(4)} (published ${published.toFixed(4)}), raw ${result.rawScore.toFixed(4)} (published ${tuned.score.toFixed(4)})`,
        );
        expect(result.nullScore).toBe(-116 * nabProfiles[profile].fnWeight);
        expect(result.perfectScore).toBe(116);
        expect(result.score).toBeCloseTo(published, 6);
        // published-thresholds.json also records the raw score at that threshold. For numenta it
        // matches; for windowedGaussian it is stale (-44.75 there, which would normalise to 30.7,
        // not the published 39.65), so the raw score is checked against the final result instead.
        const rawFromFinal = result.nullScore + (published * (result.perfectScore - result.nullScore)) / 100;
        expect(result.rawScore).toBeCloseTo(rawFromFinal, 6);
        if (detector === 'numenta') expect(result.rawScore).toBeCloseTo(tuned.score, 6);
      });
    }
  }
});
