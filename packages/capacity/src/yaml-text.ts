/** A value the YAML writer can emit: JSON data. */
export type YamlValue =
  | string
  | number
  | boolean
  | null
  | readonly YamlValue[]
  | { readonly [key: string]: YamlValue };

const PLAIN = /^[A-Za-z_/][A-Za-z0-9_./-]*$/;
const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

/**
 * Write JSON data as block-style YAML (2-space indent), with optional `#` comment lines on top.
 * Strings that could read as anything but a string are double-quoted (JSON escapes are valid
 * YAML), so the output parses back to the same data. Keys keep their insertion order.
 */
export function toYaml(value: YamlValue, comments: readonly string[] = []): string {
  const lines = comments.map((c) => (c === '' ? '#' : `# ${c}`));
  if (isScalar(value) || isEmpty(value)) lines.push(scalar(value));
  else emit(value, 0, lines);
  return `${lines.join('\n')}\n`;
}

function emit(
  value: readonly YamlValue[] | { readonly [key: string]: YamlValue },
  indent: number,
  out: string[],
): void {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    for (const item of value as readonly YamlValue[]) {
      if (isScalar(item) || isEmpty(item)) {
        out.push(`${pad}- ${scalar(item)}`);
        continue;
      }
      const nested: string[] = [];
      emit(item as readonly YamlValue[] | { readonly [key: string]: YamlValue }, indent + 2, nested);
      const first = nested[0] ?? '';
      out.push(`${pad}- ${first.slice(indent + 2)}`, ...nested.slice(1));
    }
    return;
  }
  for (const [key, item] of Object.entries(value as { readonly [key: string]: YamlValue })) {
    const k = PLAIN.test(key) && !RESERVED.test(key) ? key : JSON.stringify(key);
    if (isScalar(item) || isEmpty(item)) out.push(`${pad}${k}: ${scalar(item)}`);
    else {
      out.push(`${pad}${k}:`);
      emit(item as readonly YamlValue[] | { readonly [key: string]: YamlValue }, indent + 2, out);
    }
  }
}

function isScalar(value: YamlValue): value is string | number | boolean | null {
  return value === null || typeof value !== 'object';
}

function isEmpty(value: YamlValue): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

function scalar(value: YamlValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return '[]';
  if (typeof value === 'object') return '{}';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} as YAML`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return PLAIN.test(value) && !RESERVED.test(value) ? value : JSON.stringify(value);
}
