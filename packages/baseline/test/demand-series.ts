import type { Series } from '@cdf/core';
import { makeSeries } from '@cdf/core/testing';

/**
 * Test fixture (generated, no file): hourly demand with linear growth from 100, a daily cycle
 * of +-30%, a 25% weekend dip and 3% noise from a fixed linear congruential generator.
 * `extra` lets a test add to each value.
 */
export function demandSeries(hours: number, extra: (i: number, base: number) => number = () => 0): Series {
  let state = 12345;
  const noise = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  const values = new Float64Array(hours);
  for (let i = 0; i < hours; i++) {
    const daily = 1 + 0.3 * Math.sin(((i % 24) - 8) * ((2 * Math.PI) / 24));
    const weekly = Math.floor(i / 24) % 7 >= 5 ? 0.75 : 1;
    const base = (100 + 0.04 * i) * daily * weekly * (1 + 0.03 * noise());
    values[i] = base + extra(i, base);
  }
  return makeSeries(values);
}
