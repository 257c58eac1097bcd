/**
 * What a text cell holds: nothing, a finite-looking decimal number, a non-finite number
 * (`NaN`, `Infinity`, `inf`, any case and sign), or other text.
 */
export type CellKind = 'empty' | 'number' | 'non-finite' | 'text';

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

const NON_FINITE = new Set(['nan', 'inf', 'infinity']);

/**
 * The {@link CellKind} of a cell. Numbers are decimal: optional sign, digits with an optional
 * point (`12`, `-3.5`, `.5`, `5.`), optional exponent (`1e-3`); spaces and tabs around them are
 * allowed. Hex, binary, `_` separators and thousands commas are text. A number with a huge
 * exponent (`1e999`) is `number` here; `Number()` then gives Infinity, which callers reject.
 */
export function cellKind(text: string): CellKind {
  let start = 0;
  let end = text.length;
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  if (start === end) return 'empty';
  let i = start;
  let c = text.charCodeAt(i);
  if (c === 43 || c === 45) i++; // + -
  let digits = 0;
  for (; i < end; i++) {
    c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    digits++;
  }
  if (i < end && text.charCodeAt(i) === 46) {
    i++;
    for (; i < end; i++) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      digits++;
    }
  }
  if (digits > 0 && i < end && (text.charCodeAt(i) | 32) === 101) {
    // e or E
    i++;
    c = text.charCodeAt(i);
    if (c === 43 || c === 45) i++;
    let exponentDigits = 0;
    for (; i < end; i++) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      exponentDigits++;
    }
    if (exponentDigits === 0) return 'text';
  }
  if (digits > 0 && i === end) return 'number';
  const word = text.slice(start, end).toLowerCase();
  const unsigned = word.charCodeAt(0) === 43 || word.charCodeAt(0) === 45 ? word.slice(1) : word;
  return NON_FINITE.has(unsigned) ? 'non-finite' : 'text';
}
