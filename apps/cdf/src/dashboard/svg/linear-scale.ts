/** A linear map from a data domain to a pixel range, with its inverse. */
export interface LinearScale {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  invert(pixel: number): number;
}

/** Map `domain` linearly onto `range`; a zero-width domain maps everything to the range's middle. */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const width = d1 - d0;
  const scale = ((value: number) =>
    width === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / width) * (r1 - r0)) as LinearScale;
  Object.assign(scale, {
    domain,
    range,
    invert: (pixel: number) => (r1 === r0 ? d0 : d0 + ((pixel - r0) / (r1 - r0)) * width),
  });
  return scale;
}

/** About `count` round tick values (1, 2, 2.5 or 5 times a power of ten) covering `[lo, hi]`. */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  const first = Math.ceil(lo / step - 1e-9) * step;
  for (let v = first; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** Round ticks that cover `[lo, hi]`: the first at or below `lo`, the last at or above `hi`. */
export function coveringTicks(lo: number, hi: number, count: number): number[] {
  const inner = niceTicks(lo, hi > lo ? hi : lo + 1, count);
  const step = inner.length > 1 ? inner[1]! - inner[0]! : 1;
  const first = Math.floor(lo / step + 1e-9) * step;
  const ticks: number[] = [];
  for (let v = first; ; v += step) {
    ticks.push(Number(v.toPrecision(12)));
    if (v >= hi - step * 1e-9) break;
  }
  return ticks;
}

/** The domain `[0 or lo, hi]` widened to round ticks, for a value axis that starts at zero. */
export function niceDomain(lo: number, hi: number, count: number): [number, number] {
  const top = hi > lo ? hi : lo + 1;
  const ticks = niceTicks(lo, top, count);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : top - lo;
  const last = ticks[ticks.length - 1] ?? top;
  return [lo, last >= top ? last : last + step];
}
