import {
  CdfError,
  CdfErrorCode,
  type ScenarioFrame,
  ScenarioFrameSchema,
  ScenarioRowSchema,
  safeValidate,
} from '@cdf/core';

/** Columnar scenario data, e.g. from a CSV or Arquero table. Timestamps: epoch ms or ISO 8601 with a zone. */
export interface ScenarioColumns {
  readonly timestamp: ArrayLike<number | string>;
  readonly baseline: ArrayLike<number>;
  readonly expected_value: ArrayLike<number>;
  readonly spike_probability: ArrayLike<number>;
  readonly p50: ArrayLike<number>;
  readonly p75: ArrayLike<number>;
  readonly p90: ArrayLike<number>;
  readonly p95: ArrayLike<number>;
  readonly p99: ArrayLike<number>;
  readonly recommended_capacity?: ArrayLike<number>;
  readonly series_id?: ArrayLike<string>;
}

const REQUIRED = [
  'timestamp',
  'baseline',
  'expected_value',
  'spike_probability',
  'p50',
  'p75',
  'p90',
  'p95',
  'p99',
] as const;
const OPTIONAL = ['recommended_capacity', 'series_id'] as const;

/**
 * Build a validated {@link ScenarioFrame} from columns. Throws a CdfError naming the file (when
 * given), the 1-based row and the column of the first bad cell: MISSING_COLUMN, INVALID_VALUE for
 * a cell, SCHEMA_MISMATCH for crossing quantiles or rows out of time order.
 */
export function scenarioFrameFromColumns(
  columns: ScenarioColumns,
  options: { file?: string } = {},
): ScenarioFrame {
  const where = options.file === undefined ? {} : { file: options.file };
  const raw = columns as unknown as Record<string, ArrayLike<unknown> | undefined>;
  for (const name of REQUIRED) {
    if (raw[name] === undefined) {
      throw new CdfError(CdfErrorCode.MissingColumn, `missing column "${name}"`, { ...where, column: name });
    }
  }
  const n = columns.timestamp.length;
  for (const name of [...REQUIRED, ...OPTIONAL]) {
    const column = raw[name];
    if (column !== undefined && column.length !== n) {
      throw new CdfError(
        CdfErrorCode.SchemaMismatch,
        `column "${name}" has ${column.length} values, timestamp has ${n}`,
        {
          ...where,
          column: name,
        },
      );
    }
  }
  const rows: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {};
    for (const name of [...REQUIRED, ...OPTIONAL]) {
      const column = raw[name];
      if (column !== undefined) row[name] = column[i];
    }
    const result = safeValidate(ScenarioRowSchema, row, { what: 'scenario row', ...where, row: i + 1 });
    if (!result.success) {
      const column = result.error.issues[0]?.split(':')[0];
      const known = column !== undefined && column in row;
      throw new CdfError(
        known ? CdfErrorCode.InvalidValue : CdfErrorCode.SchemaMismatch,
        result.error.message,
        {
          ...where,
          row: i + 1,
          ...(known ? { column, value: String(row[column]) } : {}),
        },
      );
    }
    rows.push(result.value);
  }
  const frame = safeValidate(ScenarioFrameSchema, rows, { what: 'scenario frame', ...where });
  if (!frame.success) {
    const index = Number(frame.error.issues[0]?.split('.')[0]);
    throw new CdfError(CdfErrorCode.SchemaMismatch, frame.error.message, {
      ...where,
      ...(Number.isInteger(index) ? { row: index + 1, column: 'timestamp' } : {}),
    });
  }
  return frame.value;
}
