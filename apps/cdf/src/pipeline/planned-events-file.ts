import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { CdfError, CdfErrorCode, type PlannedEvent, PlannedEventSchema, safeValidate } from '@cdf/core';
import { parseCsvTable } from './csv-table-file.ts';

const NUMBER_FIELDS = new Set([
  'expected_multiplier',
  'expected_duration_hours',
  'ramp_hours',
  'decay_hours',
]);

/**
 * Read planned launches: a JSON array, or a CSV with a header, in the seed's shape (`date`,
 * `name`, `expected_multiplier`, `expected_duration_hours`; `start` instead of `date`, and
 * `ramp_hours`, `decay_hours` are accepted too). Each record is checked with core's
 * `PlannedEventSchema`; a bad one is an INVALID_VALUE naming the file and its row.
 */
export async function readPlannedEvents(file: string): Promise<PlannedEvent[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const reason = cause instanceof Error && 'code' in cause ? ` (${String(cause.code)})` : '';
    throw new CdfError(CdfErrorCode.FileNotFound, `cannot read the events file${reason}`, { file, cause });
  }
  const records = extname(file).toLowerCase() === '.csv' ? csvRecords(text, file) : jsonRecords(text, file);
  return parsePlannedEvents(records, file);
}

/** Check records with `PlannedEventSchema`; INVALID_VALUE naming `file` and the 1-based row. */
export function parsePlannedEvents(records: readonly unknown[], file: string): PlannedEvent[] {
  return records.map((record, i) => {
    const parsed = safeValidate(PlannedEventSchema, record, { what: 'planned event', file, row: i + 1 });
    if (!parsed.success)
      throw new CdfError(CdfErrorCode.InvalidValue, parsed.error.message, { file, row: i + 1 });
    return parsed.value;
  });
}

function jsonRecords(text: string, file: string): unknown[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new CdfError(
      CdfErrorCode.InvalidValue,
      `the events file is not valid JSON: ${(cause as Error).message}`,
      {
        file,
        expected: 'a JSON array of events, or a .csv file',
        cause,
      },
    );
  }
  if (!Array.isArray(raw)) {
    throw new CdfError(CdfErrorCode.InvalidValue, 'planned events must be a JSON array', { file });
  }
  return raw;
}

function csvRecords(text: string, file: string): Record<string, unknown>[] {
  const table = parseCsvTable(text, file);
  return table.rows.map((cells) => {
    const row: Record<string, unknown> = {};
    table.header.forEach((name, i) => {
      const cell = (cells[i] ?? '').trim();
      if (cell === '') return;
      row[name] = NUMBER_FIELDS.has(name) && Number.isFinite(Number(cell)) ? Number(cell) : cell;
    });
    return row;
  });
}
