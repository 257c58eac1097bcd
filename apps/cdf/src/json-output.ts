/**
 * Serialise a command's result for `--json`: two-space indented, one trailing newline, typed
 * arrays as plain arrays and non-finite numbers as `null` (JSON has no NaN), so any result
 * object can be printed as is and parsed back by a script.
 */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, jsonReplacer, 2)}\n`;
}

function jsonReplacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>);
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (value instanceof Map) return Object.fromEntries(value);
  return value;
}
