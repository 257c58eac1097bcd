import { extname } from 'node:path';
import type { DataFormat } from './load-options.ts';

const BY_EXTENSION: Readonly<Record<string, DataFormat>> = {
  '.csv': 'csv',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.parquet': 'parquet',
  '.pq': 'parquet',
};

/**
 * The format a path's extension names (`.csv`, `.json`, `.ndjson`, `.jsonl`, `.parquet`, `.pq`,
 * any case), or undefined for any other extension (compressed files included).
 */
export function detectFormat(path: string): DataFormat | undefined {
  return BY_EXTENSION[extname(path).toLowerCase()];
}
