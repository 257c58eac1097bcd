/**
 * The mean of `component` per position in a cycle: per UTC hour of the day (`period` 24 h) or
 * per hour of the week from Monday 00:00 UTC (`period` 168 h). Positions without data are NaN.
 */
export function seasonalProfile(
  timestamps: readonly number[],
  component: readonly number[],
  period: 'day' | 'week',
): number[] {
  const hour = 3_600_000;
  const slots = period === 'day' ? 24 : 168;
  // 1970-01-05 was a Monday: weeks are counted from there.
  const origin = period === 'day' ? 0 : 4 * 24 * hour;
  const sum = new Float64Array(slots);
  const count = new Float64Array(slots);
  for (let i = 0; i < timestamps.length; i++) {
    const hours = Math.floor((timestamps[i]! - origin) / hour);
    const slot = ((hours % slots) + slots) % slots;
    sum[slot]! += component[i]!;
    count[slot]! += 1;
  }
  return Array.from(sum, (s, k) => (count[k]! > 0 ? s / count[k]! : Number.NaN));
}
