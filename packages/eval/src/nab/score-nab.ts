import { CdfError, CdfErrorCode } from '@cdf/core';
import { loadNabCorpus, type NabCorpus } from './nab-corpus.ts';
import type { NabDetection } from './nab-detections.ts';
import { type NabFileScore, scoreNabFile } from './nab-file-score.ts';
import { type NabCostMatrix, type NabProfileName, nabProfiles } from './nab-profiles.ts';

/** Where `scoreNab` gets a detector's scores: a map by data-relative path, or a loader called once per file. */
export type NabDetectionSource =
  | ReadonlyMap<string, NabDetection>
  | ((relativePath: string) => NabDetection | Promise<NabDetection>);

/** Options of {@link scoreNab}. */
export interface ScoreNabOptions {
  /** The NAB root (with `data/` and `labels/combined_windows.json`); read when `corpus` is absent. */
  dataDir?: string;
  /** A corpus from `loadNabCorpus`, to read the data once for many runs. Wins over `dataDir`. */
  corpus?: NabCorpus;
  /** The detector's scores for every file of the corpus. */
  detections: NabDetectionSource;
  /** A row is a detection when its anomaly score is `>= threshold` (NAB's published thresholds are per detector and profile). */
  threshold: number;
  /** A profile name from `nabProfiles`, or custom weights. Default `standard`. */
  profile?: NabProfileName | Readonly<NabCostMatrix>;
  /** Share of each file's first rows that is not scored. Default 0.15, as NAB. */
  probationaryPercent?: number;
}

/** One file's line of a NAB result. */
export interface NabFileResult extends NabFileScore {
  /** Data-relative path of the file. */
  file: string;
}

/** A detector's NAB result over the corpus. */
export interface NabResult {
  /** The normalised NAB score: `100 * (raw - null) / (perfect - null)`; null detector 0, perfect 100. */
  score: number;
  /** Sum of the files' raw scores. */
  rawScore: number;
  /** Raw score of the null detector (no detection): `-fnWeight` per scored window. */
  nullScore: number;
  /** Raw score of a perfect detector: `tpWeight` per window. */
  perfectScore: number;
  /** Per-file scores and counts, in corpus order. */
  perFile: NabFileResult[];
  /** Row counts summed over the files (NAB's "Totals" row). */
  tp: number;
  /** Detections outside windows (rows). */
  fp: number;
  /** Window rows without detection. */
  fn: number;
  /** Rows outside windows without detection. */
  tn: number;
}

/**
 * Score a detector on the NAB corpus as NAB v1.0 does (`nab/scorer.py` + `nab/sweeper.py` +
 * `Runner.normalize`): score each file with {@link scoreNabFile}, sum the raw scores, and
 * normalise with the null detector (`-fnWeight` per window) and the perfect detector
 * (`tpWeight` per window) so that null scores 0 and perfect 100.
 *
 * Every corpus file needs a detection with one score per data row (and, when timestamps are
 * given, the same timestamps); otherwise it throws `CdfError`. Scoring a corpus with fewer files
 * than NAB's 58 normalises over those files' windows.
 *
 * @example
 * const corpus = await loadNabCorpus('/data/NAB');
 * const detections = await loadNabResults({ resultsDir: '/data/NAB/results', detector: 'numenta', files: corpus.files.keys() });
 * const { score } = await scoreNab({ corpus, detections, threshold: 0.5422, profile: 'standard' }); // ≈ 70.1
 */
export async function scoreNab(options: ScoreNabOptions): Promise<NabResult> {
  const corpus = options.corpus ?? (await loadNabCorpus(requireDataDir(options.dataDir)));
  const costMatrix = resolveProfile(options.profile ?? 'standard');
  const perFile: NabFileResult[] = [];
  let rawScore = 0;
  let scoredWindows = 0;
  let totalWindows = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const [file, data] of corpus.files) {
    const detection = await getDetection(options.detections, file);
    checkDetection(file, data.timestamps, detection);
    const result = scoreNabFile({
      timestamps: data.timestamps,
      scores: detection.scores,
      windows: data.windows,
      threshold: options.threshold,
      costMatrix,
      probationaryPercent: options.probationaryPercent ?? 0.15,
      file,
    });
    perFile.push({ file, ...result });
    rawScore += result.rawScore;
    scoredWindows += result.scoredWindows;
    totalWindows += data.windows.length;
    tp += result.tp;
    fp += result.fp;
    fn += result.fn;
    tn += result.tn;
  }
  const nullScore = -costMatrix.fnWeight * scoredWindows;
  const perfectScore = costMatrix.tpWeight * totalWindows;
  if (perfectScore === nullScore) {
    throw new CdfError(CdfErrorCode.InvalidValue, 'NAB score undefined: the corpus has no windows to score', {
      file: corpus.dataDir,
      expected: 'at least one labelled window',
    });
  }
  return {
    score: (100 * (rawScore - nullScore)) / (perfectScore - nullScore),
    rawScore,
    nullScore,
    perfectScore,
    perFile,
    tp,
    fp,
    fn,
    tn,
  };
}

function requireDataDir(dataDir: string | undefined): string {
  if (dataDir === undefined) {
    throw new CdfError(CdfErrorCode.InvalidConfig, 'scoreNab needs "dataDir" or "corpus"', {
      column: 'dataDir',
      expected: 'the NAB root directory',
    });
  }
  return dataDir;
}

function resolveProfile(profile: NabProfileName | Readonly<NabCostMatrix>): Readonly<NabCostMatrix> {
  if (typeof profile !== 'string') return profile;
  const found = (nabProfiles as Record<string, Readonly<NabCostMatrix>>)[profile];
  if (found === undefined) {
    throw new CdfError(CdfErrorCode.InvalidConfig, `unknown NAB profile "${profile}"`, {
      column: 'profile',
      value: profile,
      expected: Object.keys(nabProfiles).join(', '),
    });
  }
  return found;
}

async function getDetection(source: NabDetectionSource, file: string): Promise<NabDetection> {
  const detection = typeof source === 'function' ? await source(file) : source.get(file);
  if (detection === undefined) {
    throw new CdfError(CdfErrorCode.FileNotFound, 'no detections for this NAB file', {
      file,
      expected: 'one detection per file of the corpus',
    });
  }
  return detection;
}

function checkDetection(file: string, timestamps: Float64Array, detection: NabDetection): void {
  if (detection.scores.length !== timestamps.length) {
    throw new CdfError(CdfErrorCode.InvalidValue, 'detections do not cover the data file row for row', {
      file,
      column: 'anomaly_score',
      value: `${detection.scores.length} scores`,
      expected: `${timestamps.length} scores, one per data row`,
    });
  }
  const own = detection.timestamps;
  if (own === undefined) return;
  for (let i = 0; i < timestamps.length; i++) {
    if (own[i] !== timestamps[i]) {
      throw new CdfError(CdfErrorCode.InvalidTimestamp, 'detection timestamp differs from the data file', {
        file,
        row: i + 1,
        column: 'timestamp',
        value: Number.isFinite(own[i]) ? new Date(own[i]!).toISOString() : String(own[i]),
        expected: new Date(timestamps[i]!).toISOString(),
      });
    }
  }
}
