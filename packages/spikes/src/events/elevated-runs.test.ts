import { describe, expect, it } from 'vitest';
import { extendElevatedRuns } from './elevated-runs.ts';

const options = { lookback: 48, window: 6, maxExtension: 100 };

/** 100 everywhere, `level` on [from, to). */
function plateau(n: number, from: number, to: number, level: number): Float64Array {
  return Float64Array.from({ length: n }, (_, t) => (t >= from && t < to ? level : 100));
}

describe('extendElevatedRuns', () => {
  it('keeps masking a plateau the detector stopped flagging, until demand is back', () => {
    // a 5x launch on steps 60..119; the detector flags only 60..79 (it absorbed the rest)
    const values = plateau(200, 60, 120, 500);
    const mask = Uint8Array.from(values, (_, t) => (t >= 60 && t < 80 ? 1 : 0));
    const out = extendElevatedRuns(values, mask, options);
    // masked through the plateau, and while the 6-step trailing median is still elevated
    // (steps 120..122: at least 3 of 6 values are 500), then free again
    for (let t = 60; t < 123; t++) expect(out[t]).toBe(1);
    for (let t = 123; t < 200; t++) expect(out[t]).toBe(0);
    for (let t = 0; t < 60; t++) expect(out[t]).toBe(0);
  });

  it('leaves a short burst that ended alone, and gives up after maxExtension', () => {
    // under half the median window long: the trailing median never sees it
    const burst = plateau(120, 50, 52, 400);
    const flagged = Uint8Array.from(burst, (_, t) => (t >= 50 && t < 52 ? 1 : 0));
    expect(Array.from(extendElevatedRuns(burst, flagged, options))).toEqual(Array.from(flagged));
    // a permanent step: extended for 100 steps, then it is the new normal
    const step = plateau(400, 60, 400, 300);
    const first = Uint8Array.from(step, (_, t) => (t >= 60 && t < 70 ? 1 : 0));
    const out = extendElevatedRuns(step, first, options);
    expect(out.reduce((a, b) => a + b, 0)).toBe(10 + 100);
    expect(out[169]).toBe(1);
    expect(out[170]).toBe(0);
  });

  it('extends only plateaus: a long run that is not itself elevated stays as flagged', () => {
    // demand rising slowly from 100 to 200; a flagged day at 1.2x, later demand above 1.5x
    const values = Float64Array.from({ length: 200 }, (_, t) => 100 + t * 0.5);
    const mask = Uint8Array.from(values, (_, t) => (t >= 60 && t < 70 ? 1 : 0));
    expect(Array.from(extendElevatedRuns(values, mask, options))).toEqual(Array.from(mask));
  });

  it('is causal: later values change no earlier verdict', () => {
    const values = plateau(200, 60, 120, 500);
    const mask = Uint8Array.from(values, (_, t) => (t >= 60 && t < 80 ? 1 : 0));
    const full = extendElevatedRuns(values, mask, options);
    const cut = extendElevatedRuns(values.subarray(0, 100), mask.subarray(0, 100), options);
    expect(Array.from(cut)).toEqual(Array.from(full.subarray(0, 100)));
  });
});
