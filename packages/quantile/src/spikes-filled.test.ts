import type { Series } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { withSpikesFilled } from './spikes-filled.ts';

function hourly(values: Float64Array): Series {
  return {
    id: 's',
    target: 'y',
    stepMs: 3_600_000,
    timestamps: Float64Array.from(values, (_, i) => i * 3_600_000),
    values,
    filled: new Uint8Array(values.length),
    columns: { y: values },
    timeZone: 'UTC',
  };
}

describe('withSpikesFilled', () => {
  it('replaces spike points with the value a week (else a day) earlier, chaining through runs', () => {
    // 400 hours: value = hour of the week; a burst of 10x at hours 350..353 and one at hour 30.
    const values = Float64Array.from({ length: 400 }, (_, i) => (i % 168) + 1);
    const burst = Float64Array.from(values);
    const mask = new Uint8Array(400);
    for (const i of [30, 350, 351, 352, 353]) {
      burst[i] = 10 * burst[i]!;
      mask[i] = 1;
    }
    // A spike a week earlier too: 350 - 168 = 182 is masked, so 350 takes 182's filled value.
    burst[182] = 999;
    mask[182] = 1;
    const out = withSpikesFilled(hourly(burst), mask);
    expect(out.values[30]).toBe(burst[6]); // first week: a day back
    expect(out.values[182]).toBe(values[182]);
    for (const i of [350, 351, 352, 353]) expect(out.values[i]).toBe(values[i]);
    expect(out.columns.y).toBe(out.values);
    expect(burst[350]).toBe(10 * values[350]!); // input untouched
  });

  it("fills a spike run's decay while it reads more than 15% above normal, for at most three days", () => {
    // flat 100 a point for two weeks; a masked burst at hours 200..203, then a tail the detector
    // missed: 300, 200, 120, 112 (112 is within 15% of 100: the decay has ended)
    const values = new Float64Array(336).fill(100);
    const mask = new Uint8Array(336);
    for (let i = 200; i < 204; i++) {
      values[i] = 1000;
      mask[i] = 1;
    }
    [300, 200, 120, 112, 130].forEach((v, k) => {
      values[204 + k] = v;
    });
    const out = withSpikesFilled(hourly(values), mask).values;
    expect([...out.subarray(200, 210)]).toEqual([100, 100, 100, 100, 100, 100, 100, 112, 130, 100]);
    // a lasting rise after a burst is filled for three days at most, then read as it is
    const lasting = Float64Array.from(values, (v, i) => (i >= 204 ? 200 : v));
    const kept = withSpikesFilled(hourly(lasting), mask).values;
    expect(kept[204 + 71]).toBe(100);
    expect(kept[204 + 72]).toBe(200);
    // without a spike before it, a rise is never filled
    expect(withSpikesFilled(hourly(lasting), new Uint8Array(336)).values[210]).toBe(200);
  });

  it('returns the same series when nothing is masked', () => {
    const s = hourly(new Float64Array(10).fill(1));
    expect(withSpikesFilled(s, new Uint8Array(10))).toBe(s);
  });
});
