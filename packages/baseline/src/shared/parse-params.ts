import { CdfErrorCode, validate } from '@cdf/core';
import type { z } from 'zod';

/**
 * Parse a plug-in's parameters with its schema; bad parameters throw a `SchemaError` with
 * code INVALID_CONFIG naming the first bad field, so the CLI prints one clear line.
 */
export function parseParams<S extends z.ZodType>(schema: S, raw: unknown, model: string): z.output<S> {
  return validate(schema, raw ?? {}, { what: `${model} parameters`, code: CdfErrorCode.InvalidConfig });
}
