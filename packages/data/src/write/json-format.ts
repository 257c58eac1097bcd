import { CdfError, CdfErrorCode } from '@cdf/core';

/** The path of the first non-finite number inside `value`, like `events[3].magnitude`, or undefined. */
function findNonFinite(value: unknown, path: string, seen: Set<unknown>): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path || '(root)';
  if (typeof value !== 'object' || value === null || seen.has(value)) return undefined;
  seen.add(value);
  if (ArrayBuffer.isView(value)) {
    if (value instanceof DataView) return undefined;
    const items = value as unknown as ArrayLike<number | bigint>;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (typeof item === 'number' && !Number.isFinite(item)) return `${path}[${i}]`;
    }
    return undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNonFinite(value[i], `${path}[${i}]`, seen);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const found = findNonFinite(item, path ? `${path}.${key}` : key, seen);
    if (found) return found;
  }
  return undefined;
}

/**
 * Serialise a value as JSON text for a file: two-space indent and a final newline; typed arrays
 * become plain arrays. Unlike `JSON.stringify`, a non-finite number is an error rather than a
 * silent `null`: throws `CdfError` (`INVALID_VALUE`) naming its path (`events[3].magnitude`).
 */
export function formatJson(value: unknown): string {
  const bad = findNonFinite(value, '', new Set());
  if (bad !== undefined) {
    throw new CdfError(CdfErrorCode.InvalidValue, 'cannot write a non-finite number to JSON', {
      column: bad,
      expected: 'finite numbers only',
    });
  }
  const text = JSON.stringify(
    value,
    (_key, raw: unknown) =>
      ArrayBuffer.isView(raw) && !(raw instanceof DataView)
        ? Array.from(raw as unknown as ArrayLike<number>)
        : raw,
    2,
  );
  if (text === undefined) throw new CdfError(CdfErrorCode.InvalidValue, 'value has no JSON form');
  return `${text}\n`;
}
