/**
 * SVG path data, written compactly: one absolute moveto, then relative steps in tenths of a
 * unit. Positions are rounded once to the 0.1 grid and the steps are exact differences on it,
 * so nothing drifts however long the path is. A two-year history stays a few tens of kilobytes.
 */

const tenths = (v: number) => Math.round(v * 10);

/** A number of tenths as path text: `12.5`, `.7`, `-.3`, `4`. */
function num(t: number): string {
  const s = String(t / 10);
  if (s.startsWith('0.')) return s.slice(1);
  if (s.startsWith('-0.')) return `-${s.slice(2)}`;
  return s;
}

/** Join numbers with a space, or nothing before a minus sign (which separates on its own). */
function join(values: readonly number[]): string {
  let out = '';
  for (const v of values) {
    const text = num(v);
    out += out === '' || text.startsWith('-') ? text : ` ${text}`;
  }
  return out;
}

/** A relative polyline through points given in tenths, starting with a moveto to the first. */
function polyline(xs: readonly number[], ys: readonly number[]): string {
  if (xs.length === 0) return '';
  let d = `M${join([xs[0]!, ys[0]!])}`;
  if (xs.length > 1) {
    const steps: number[] = [];
    for (let i = 1; i < xs.length; i++) steps.push(xs[i]! - xs[i - 1]!, ys[i]! - ys[i - 1]!);
    d += `l${join(steps)}`;
  }
  return d;
}

/** A polyline through the points (x[i], y[i]); non-finite y values break the line. */
export function linePath(x: readonly number[], y: readonly number[]): string {
  let d = '';
  let xs: number[] = [];
  let ys: number[] = [];
  for (let i = 0; i <= x.length; i++) {
    const yi = y[i];
    if (i < x.length && yi !== undefined && Number.isFinite(yi)) {
      xs.push(tenths(x[i]!));
      ys.push(tenths(yi));
      continue;
    }
    d += polyline(xs, ys);
    xs = [];
    ys = [];
  }
  return d;
}

/** A step line: each value holds until the next x (then jumps), the last one for `lastWidth`. */
export function stepPath(x: readonly number[], y: readonly number[], lastWidth: number): string {
  if (x.length === 0) return '';
  const xs = x.map(tenths);
  const ys = y.map(tenths);
  let d = `M${join([xs[0]!, ys[0]!])}`;
  for (let i = 1; i < xs.length; i++) {
    d += `h${num(xs[i]! - xs[i - 1]!)}`;
    if (ys[i] !== ys[i - 1]) d += `v${num(ys[i]! - ys[i - 1]!)}`;
  }
  return `${d}h${num(tenths(x[x.length - 1]! + lastWidth) - xs[xs.length - 1]!)}`;
}

/** A closed area between `lower` and `upper` over x: the shaded band of a quantile range. */
export function bandPath(x: readonly number[], lower: readonly number[], upper: readonly number[]): string {
  if (x.length === 0) return '';
  const xs = [...x, ...[...x].reverse()].map(tenths);
  const ys = [...upper, ...[...lower].reverse()].map(tenths);
  return `${polyline(xs, ys)}z`;
}

/**
 * Dots as zero-length subpaths: drawn with a round line cap and `vector-effect:non-scaling-stroke`
 * they stay round when the page stretches the plot horizontally to zoom.
 */
export function dotsPath(x: readonly number[], y: readonly number[]): string {
  if (x.length === 0) return '';
  const xs = x.map(tenths);
  const ys = y.map(tenths);
  let d = `M${join([xs[0]!, ys[0]!])}h0`;
  for (let i = 1; i < xs.length; i++) d += `m${join([xs[i]! - xs[i - 1]!, ys[i]! - ys[i - 1]!])}h0`;
  return d;
}
