import { readFile } from 'node:fs/promises';
import { CdfError, CdfErrorCode } from '@cdf/core';
import { CsvRecordReader } from '@cdf/data';

/** A small CSV file as text cells: its header and its rows (for cdf's own output files). */
export interface CsvTable {
  header: string[];
  rows: string[][];
  /** The column index of `name`, or MISSING_COLUMN naming the file. */
  column(name: string): number;
}

/** Read a CSV file written by cdf (scenarios.csv, anomalies.csv) into text cells. */
export async function readCsvTable(file: string): Promise<CsvTable> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new CdfError(CdfErrorCode.FileNotFound, 'cannot read file', { file, cause });
  }
  return parseCsvTable(text, file);
}

/** Parse CSV text with a header line into text cells. */
export function parseCsvTable(text: string, file: string): CsvTable {
  let header: string[] = [];
  const rows: string[][] = [];
  const reader = new CsvRecordReader((fields, count, record) => {
    if (count === 0) return;
    const cells = Array.from({ length: count }, (_, i) => fields.value(i));
    if (record === 0) header = cells.map((c) => c.trim());
    else rows.push(cells);
  }, file);
  reader.push(text);
  reader.end();
  return {
    header,
    rows,
    column(name) {
      const i = header.indexOf(name);
      if (i < 0)
        throw new CdfError(CdfErrorCode.MissingColumn, `missing column "${name}"`, { file, column: name });
      return i;
    },
  };
}
