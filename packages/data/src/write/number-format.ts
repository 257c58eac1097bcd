/**
 * Round to a number of decimals, halves away from zero. The result is the double nearest to the
 * rounded decimal, so `String(result)` prints that decimal and nothing more: `roundToDecimals(
 * 0.1 + 0.2, 3)` is `0.3`, which prints as `0.3`, not `0.30000000000000004`.
 */
export function roundToDecimals(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const scale = 10 ** decimals;
  const scaled = Math.abs(value) * scale;
  // Past 2^53 there is no fraction left to round.
  if (scaled >= 2 ** 53) return value;
  const rounded = (Math.sign(value) * Math.round(scaled)) / scale;
  return rounded === 0 ? 0 : rounded;
}

/**
 * Format a finite number for a text table: the shortest text that reads back as exactly the same
 * double (JavaScript's round-trip `String`), with `-0` written as `0`. With `decimals`, the value
 * is first rounded to that many decimals (and trailing zeros are never written).
 */
export function formatNumber(value: number, decimals?: number): string {
  const v = decimals === undefined ? value : roundToDecimals(value, decimals);
  return v === 0 ? '0' : String(v);
}
