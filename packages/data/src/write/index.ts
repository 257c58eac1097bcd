// Barrel of write/: general writers used by every output (CSV, JSON, atomic files).
export { type CsvColumn, type CsvFormatOptions, formatCsv, quoteCsvField } from './csv-format.ts';
export { formatJson } from './json-format.ts';
export { formatNumber, roundToDecimals } from './number-format.ts';
export { writeFileAtomic, writeTextFile } from './write-file.ts';
