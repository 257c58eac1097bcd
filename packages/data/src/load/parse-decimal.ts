/** Powers of ten that are exact doubles (10^0 .. 10^22). */
const EXACT_POWERS = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The number written in `text[start, end)`, which must be a decimal: optional sign, digits
 * with an optional point (`12`, `-3.5`, `.5`, `5.`), optional exponent (`1e-3`), with spaces
 * and tabs allowed around it. NaN when the range is anything else (empty, text, `NaN`, hex);
 * ±Infinity for an overflowing exponent (`1e999`).
 *
 * Reads in place, without cutting a string, and is exact: numbers with at most 15 significant
 * digits and a power of ten within ±22 take Clinger's fast path (one correctly rounded IEEE
 * multiplication or division of two exact doubles); all others go through `Number()`.
 */
export function parseDecimal(text: string, start: number, end: number): number {
  let c = text.charCodeAt(start);
  // Blank check inline (no call): this runs once per cell, often before the JIT warms up.
  while (start < end && (c === 32 || c === 9 || c === 13 || c === 10)) c = text.charCodeAt(++start);
  let last = text.charCodeAt(end - 1);
  while (end > start && (last === 32 || last === 9 || last === 13 || last === 10))
    last = text.charCodeAt(--end - 1);
  let i = start;
  const negative = c === 45;
  if (negative || c === 43) i++;
  let mantissa = 0;
  let significant = 0;
  let digits = 0;
  let scale = 0;
  for (; i < end; i++) {
    c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    digits++;
    if (mantissa !== 0 || c !== 0) {
      significant++;
      mantissa = mantissa * 10 + c;
    }
  }
  if (i < end && text.charCodeAt(i) === 46) {
    i++;
    for (; i < end; i++) {
      c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      digits++;
      if (mantissa !== 0 || c !== 0) {
        significant++;
        mantissa = mantissa * 10 + c;
      }
      scale--;
    }
  }
  if (digits === 0) return Number.NaN;
  if (i < end && (text.charCodeAt(i) | 32) === 101) {
    i++;
    c = text.charCodeAt(i);
    const negativeExponent = c === 45;
    if (negativeExponent || c === 43) i++;
    let exponent = 0;
    let exponentDigits = 0;
    for (; i < end; i++) {
      c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      exponentDigits++;
      if (exponent < 100_000) exponent = exponent * 10 + c;
    }
    if (exponentDigits === 0) return Number.NaN;
    scale += negativeExponent ? -exponent : exponent;
  }
  if (i !== end) return Number.NaN;
  if (significant > 15 || scale < -22 || scale > 22) return Number(text.slice(start, end));
  const value = scale < 0 ? mantissa / EXACT_POWERS[-scale]! : mantissa * EXACT_POWERS[scale]!;
  return negative ? -value : value;
}
