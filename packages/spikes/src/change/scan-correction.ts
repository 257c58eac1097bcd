/**
 * Decades to take off each window's improbability when windows of several lengths watch one
 * stream: `log10(longest / k)` for a window of `k` points (0 for the longest).
 *
 * Each window's statistic is ranked against its own past, so each reaches a given improbability
 * on about the same share of points. But a mean over the last point alone is a fresh look at
 * every step, while a mean over the last 32 points changes its mind about once every 32 steps:
 * at the same per-point improbability the short window raises `longest / k` times as many
 * separate excursions, i.e. alarms once the refractory period has merged each excursion into one.
 * Charging it `log10(longest / k)` decades evens out the false-alarm rate per unit of time across
 * windows (a scan statistic's correction for its independent looks). Parameter-free; measured on
 * NAB in the package README.
 */
export function scanCorrections(windowSteps: readonly number[]): Float64Array {
  const longest = Math.max(...windowSteps);
  return Float64Array.from(windowSteps, (k) => Math.log10(longest / k));
}
