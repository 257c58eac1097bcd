import type { Series } from '@cdf/core';
import { DetectorCore } from './detector-core.ts';
import type { ResolvedDetectorParams } from './detector-params.ts';

/** The core's output over a whole series, column by column. */
export interface CoreTrace {
  expected: Float64Array;
  z: Float64Array;
  rateOfChange: Float64Array;
  forest: Float64Array;
  decadesZ: Float64Array;
  decadesRate: Float64Array;
  decadesForest: Float64Array;
  score: Float64Array;
}

/**
 * Run the causal core over a series, point by point, exactly as the streaming detector would:
 * the batch result is the streaming result. Filled points are fed as missing. The warm-up's
 * points take the verdicts the core gives them once the warm-up is over
 * ({@link DetectorCore.lateWarmup}), as the streaming detector reports them then.
 */
export function traceSeries(series: Series, params: ResolvedDetectorParams): CoreTrace {
  const n = series.values.length;
  const trace: CoreTrace = {
    expected: new Float64Array(n),
    z: new Float64Array(n),
    rateOfChange: new Float64Array(n),
    forest: new Float64Array(n),
    decadesZ: new Float64Array(n),
    decadesRate: new Float64Array(n),
    decadesForest: new Float64Array(n),
    score: new Float64Array(n),
  };
  const core = new DetectorCore(params);
  for (let i = 0; i < n; i++) {
    const out = core.step(series.values[i]!, series.filled[i] === 1);
    trace.expected[i] = out.expected;
    trace.z[i] = out.z;
    trace.rateOfChange[i] = out.rateOfChange;
    trace.forest[i] = out.forest;
    trace.decadesZ[i] = out.decadesZ;
    trace.decadesRate[i] = out.decadesRate;
    trace.decadesForest[i] = out.decadesForest;
    trace.score[i] = out.score;
  }
  const late = core.lateWarmup;
  if (late !== null) {
    trace.expected.set(late.expected);
    trace.z.set(late.z);
    trace.decadesZ.set(late.decadesZ);
    trace.score.set(late.score);
  }
  return trace;
}
