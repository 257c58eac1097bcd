import { join } from 'node:path';
import { CdfError, CdfErrorCode } from '@cdf/core';
import { parseNabCsv } from './nab-csv.ts';
import type { NabWindow } from './nab-file-score.ts';
import { parseNabTimestamp } from './nab-timestamp.ts';
import { readTextFile } from './read-text-file.ts';

/** One data file of the NAB corpus: its timestamps and its labelled windows. */
export interface NabCorpusFile {
  /** UTC epoch ms of each row of the data file. */
  timestamps: Float64Array;
  /** The file's windows from `labels/combined_windows.json`. */
  windows: NabWindow[];
}

/** The NAB corpus as the scorer needs it, keyed by data-relative path (`realTweets/Twitter_volume_AAPL.csv`). */
export interface NabCorpus {
  /** The NAB root the corpus was read from. */
  dataDir: string;
  /** Every file listed in `combined_windows.json`, in its order. */
  files: Map<string, NabCorpusFile>;
}

/**
 * Read the NAB corpus under `dataDir` (a NAB checkout or copy): the windows from
 * `labels/combined_windows.json` and the timestamps of each listed file under `data/`.
 * Read it once and pass it to `scoreNab` for many detectors, thresholds and profiles.
 */
export async function loadNabCorpus(dataDir: string): Promise<NabCorpus> {
  const labelsPath = join(dataDir, 'labels', 'combined_windows.json');
  const text = await readTextFile(labelsPath);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new CdfError(CdfErrorCode.UnsupportedFormat, 'not valid JSON', { file: labelsPath, cause });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CdfError(CdfErrorCode.SchemaMismatch, 'expected an object of file -> windows', {
      file: labelsPath,
    });
  }
  const entries = Object.entries(parsed as Record<string, unknown>);
  const files = new Map<string, NabCorpusFile>();
  const loaded = await Promise.all(
    entries.map(async ([relativePath, rawWindows]) => {
      const windows = parseWindows(rawWindows, labelsPath, relativePath);
      const dataPath = join(dataDir, 'data', relativePath);
      const { timestamps } = parseNabCsv(await readTextFile(dataPath), dataPath);
      return [relativePath, { timestamps, windows }] as const;
    }),
  );
  for (const [relativePath, file] of loaded) files.set(relativePath, file);
  return { dataDir, files };
}

function parseWindows(raw: unknown, file: string, relativePath: string): NabWindow[] {
  if (!Array.isArray(raw)) {
    throw new CdfError(CdfErrorCode.SchemaMismatch, `windows of "${relativePath}" are not a list`, {
      file,
      column: relativePath,
      expected: 'a list of [start, end] pairs',
    });
  }
  return raw.map((pair: unknown) => {
    if (
      !Array.isArray(pair) ||
      pair.length !== 2 ||
      typeof pair[0] !== 'string' ||
      typeof pair[1] !== 'string'
    ) {
      throw new CdfError(
        CdfErrorCode.SchemaMismatch,
        `a window of "${relativePath}" is not a [start, end] pair`,
        {
          file,
          column: relativePath,
          value: JSON.stringify(pair),
          expected: '["YYYY-MM-DD HH:MM:SS.ffffff", "YYYY-MM-DD HH:MM:SS.ffffff"]',
        },
      );
    }
    return {
      start: parseNabTimestamp(pair[0], { file, column: relativePath }),
      end: parseNabTimestamp(pair[1], { file, column: relativePath }),
    };
  });
}
