import type { z } from 'zod';
import { CdfErrorCode, type CdfErrorOptions, SchemaError } from './errors.ts';

/** The result of {@link safeValidate}: the parsed value or the error, never a throw. */
export type ValidationResult<T> = { success: true; value: T } | { success: false; error: SchemaError };

/** Options for {@link validate} and {@link safeValidate}. */
export interface ValidateOptions extends CdfErrorOptions {
  /** What is being validated, for the message: "GPU profile", "config file". Default "value". */
  what?: string;
  /** Error code to use; default SCHEMA_MISMATCH. */
  code?: (typeof CdfErrorCode)[keyof typeof CdfErrorCode];
}

/** Validate `value` against `schema`, returning the result instead of throwing. */
export function safeValidate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  options: ValidateOptions = {},
): ValidationResult<z.output<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { success: true, value: parsed.data };
  const { what = 'value', code = CdfErrorCode.SchemaMismatch, ...location } = options;
  const issues = parsed.error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    return `${path}: ${issue.message}`;
  });
  const first = issues[0] ?? 'invalid';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return {
    success: false,
    error: new SchemaError(`invalid ${what}: ${first}${more}`, { ...location, issues, code }),
  };
}

/** Validate `value` against `schema`; throws a {@link SchemaError} with a one-line message. */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  options: ValidateOptions = {},
): z.output<S> {
  const result = safeValidate(schema, value, options);
  if (!result.success) throw result.error;
  return result.value;
}
