import { basename, dirname, join } from 'node:path';
import { parseNabCsv } from './nab-csv.ts';
import { readTextFile } from './read-text-file.ts';

/** A detector's output for one NAB file: a score per row. */
export interface NabDetection {
  /** UTC epoch ms of each row; when given, must equal the data file's timestamps. */
  timestamps?: Float64Array;
  /** Anomaly score of each row (NAB detectors emit 0..1). */
  scores: Float64Array;
}

/** Options of {@link loadNabResults}. */
export interface LoadNabResultsOptions {
  /** NAB's `results/` directory (or a copy such as `reference-detections/`). */
  resultsDir: string;
  /** Detector name: files are read from `<resultsDir>/<detector>/<dir>/<detector>_<name>.csv`. */
  detector: string;
  /** Data-relative paths to read, e.g. the keys of `loadNabCorpus(...).files`. */
  files: Iterable<string>;
}

/**
 * Read a detector's NAB results files (`timestamp,...,anomaly_score,...`) into the map
 * `scoreNab` takes, keyed by data-relative path. NAB names a results file after its detector:
 * `numenta/realTweets/numenta_Twitter_volume_AAPL.csv` holds the scores of
 * `realTweets/Twitter_volume_AAPL.csv`.
 */
export async function loadNabResults(options: LoadNabResultsOptions): Promise<Map<string, NabDetection>> {
  const { resultsDir, detector } = options;
  const paths = [...options.files];
  const read = await Promise.all(
    paths.map(async (relativePath) => {
      const path = join(resultsDir, detector, dirname(relativePath), `${detector}_${basename(relativePath)}`);
      const { timestamps, values } = parseNabCsv(await readTextFile(path), path, 'anomaly_score');
      return [relativePath, { timestamps, scores: values }] as const;
    }),
  );
  return new Map(read);
}
