import { describe, expect, it } from 'vitest';
import { bandPath, dotsPath, linePath, stepPath } from './svg-path.ts';

/** Absolute points of a path made of M / l / h / v / m commands (what a renderer would draw). */
function points(d: string): [number, number][] {
  const out: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (const [, cmd, args] of d.matchAll(/([MlhvmzZ])([^MlhvmzZ]*)/g)) {
    const n = (args!.match(/-?(?:\d+\.?\d*|\.\d+)/g) ?? []).map(Number);
    if (cmd === 'M' || cmd === 'm') {
      x = cmd === 'M' ? n[0]! : x + n[0]!;
      y = cmd === 'M' ? n[1]! : y + n[1]!;
      out.push([x, y]);
    } else if (cmd === 'l') {
      for (let i = 0; i < n.length; i += 2) {
        x += n[i]!;
        y += n[i + 1]!;
        out.push([x, y]);
      }
    } else if (cmd === 'h') {
      x += n[0]!;
      out.push([x, y]);
    } else if (cmd === 'v') {
      y += n[0]!;
      out.push([x, y]);
    }
  }
  return out.map(([a, b]) => [Math.round(a * 10) / 10, Math.round(b * 10) / 10]);
}

describe('svg paths', () => {
  it('draws a polyline through the rounded points without drift over 20,000 steps', () => {
    const x = Array.from({ length: 20_000 }, (_, i) => 64 + i * 0.0571);
    const y = x.map((v) => 200 + 80 * Math.sin(v / 7));
    const drawn = points(linePath(x, y));
    expect(drawn).toHaveLength(20_000);
    for (let i = 0; i < x.length; i += 997) {
      expect(drawn[i]![0]).toBeCloseTo(Math.round(x[i]! * 10) / 10, 6);
      expect(drawn[i]![1]).toBeCloseTo(Math.round(y[i]! * 10) / 10, 6);
    }
  });

  it('breaks a line at non-finite values', () => {
    expect(linePath([0, 1, 2, 3], [5, Number.NaN, 7, 8])).toBe('M0 5M2 7l1 1');
  });

  it('writes negative steps without a separator and leading zeros without the zero', () => {
    expect(linePath([10, 10.5, 11], [20, 19.7, 20])).toBe('M10 20l.5-.3 .5 .3');
  });

  it('closes a band over the upper edge and back along the lower one', () => {
    const d = bandPath([0, 1, 2], [5, 5, 5], [1, 2, 3]);
    expect(points(d)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [2, 5],
      [1, 5],
      [0, 5],
    ]);
    expect(d.endsWith('z')).toBe(true);
  });

  it('holds each step value until the next x', () => {
    expect(points(stepPath([0, 2, 4], [10, 8, 8], 2))).toEqual([
      [0, 10],
      [2, 10],
      [2, 8],
      [4, 8],
      [6, 8],
    ]);
  });

  it('draws one zero-length subpath per dot', () => {
    const d = dotsPath([1, 3.2, 2], [4, 4, 9.5]);
    expect(d.match(/h0/g)).toHaveLength(3);
    expect(points(d).filter((_, i) => i % 2 === 0)).toEqual([
      [1, 4],
      [3.2, 4],
      [2, 9.5],
    ]);
  });
});
