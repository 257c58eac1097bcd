import { CdfError, CdfErrorCode, DEFAULT_TARGET } from '@cdf/core';
import type { LoadOptions } from './load-options.ts';

/** Time column names tried, in order, when none is given. */
export const TIME_COLUMN_CANDIDATES: readonly string[] = ['timestamp', 'time', 'ds', 'date', 'datetime'];

/** The roles of a file's columns once resolved against the options. */
export interface ResolvedColumns {
  timeCol: string;
  target: string;
  idCol: string | undefined;
}

/** The column names of a file in words, for messages: at most 20, then "and N more". */
export function listColumns(names: readonly string[]): string {
  if (names.length === 0) return '(none)';
  const shown = names.slice(0, 20).join(', ');
  return names.length > 20 ? `${shown} and ${names.length - 20} more` : shown;
}

const HINTS: Readonly<Record<'time' | 'target' | 'id', string>> = {
  time: 'a time column; name it with the timeCol option (--time-col)',
  target: 'the demand column; name it with the target option (--target)',
  id: 'the series id column named by the idCol option (--id-col)',
};

/** A CdfError MISSING_COLUMN naming the file, the column, the columns found and how to name another. */
export function missingColumn(
  file: string,
  column: string,
  found: readonly string[],
  role: 'time' | 'target' | 'id',
): CdfError {
  const message = `no ${role} column "${column}" (columns found: ${listColumns(found)})`;
  return new CdfError(CdfErrorCode.MissingColumn, message, { file, column, expected: HINTS[role] });
}

/**
 * The time column among `names`: `options.timeCol` (exactly), else the first candidate present,
 * else the first candidate present in another case (`TIMESTAMP`, as the Azure LLM traces spell
 * it); or throws MISSING_COLUMN.
 */
export function resolveTimeColumn(file: string, names: readonly string[], options: LoadOptions): string {
  if (options.timeCol !== undefined) {
    if (!names.includes(options.timeCol)) throw missingColumn(file, options.timeCol, names, 'time');
    return options.timeCol;
  }
  const found = TIME_COLUMN_CANDIDATES.find((name) => names.includes(name));
  if (found !== undefined) return found;
  for (const candidate of TIME_COLUMN_CANDIDATES) {
    const other = names.find((name) => name.toLowerCase() === candidate);
    if (other !== undefined) return other;
  }
  throw new CdfError(
    CdfErrorCode.MissingColumn,
    `no time column: none of ${TIME_COLUMN_CANDIDATES.map((n) => `"${n}"`).join(', ')} (columns found: ${listColumns(names)})`,
    { file, column: 'timestamp', expected: HINTS.time },
  );
}

/**
 * The target and id columns from the options (default target `compute_tflops`), checked to be
 * distinct from the time column (INVALID_CONFIG otherwise). Presence is checked by the caller.
 */
export function resolveRoles(timeCol: string, options: LoadOptions): ResolvedColumns {
  const target = options.target ?? DEFAULT_TARGET;
  const idCol = options.idCol;
  if (target === timeCol || idCol === timeCol || idCol === target) {
    const id = idCol === undefined ? '' : ` and id column ("${idCol}")`;
    throw new CdfError(
      CdfErrorCode.InvalidConfig,
      `the time column ("${timeCol}"), target ("${target}")${id} must be different columns`,
    );
  }
  return { timeCol, target, idCol };
}

/** Resolves every role against a known list of names, throwing MISSING_COLUMN for an absent one. */
export function resolveColumns(
  file: string,
  names: readonly string[],
  options: LoadOptions,
): ResolvedColumns {
  const timeCol = resolveTimeColumn(file, names, options);
  const roles = resolveRoles(timeCol, options);
  if (!names.includes(roles.target)) throw missingColumn(file, roles.target, names, 'target');
  if (roles.idCol !== undefined && !names.includes(roles.idCol))
    throw missingColumn(file, roles.idCol, names, 'id');
  return roles;
}
