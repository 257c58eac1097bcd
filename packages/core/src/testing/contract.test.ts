import { describe, expect, it } from 'vitest';
import { CdfError, CdfErrorCode, InsufficientHistoryError } from '../errors.ts';
import type { BaselinePlugin, FittedBaseline, SavedModel } from '../stage.ts';
import { baselineContract } from './contract.ts';

/** A tiny seasonal-mean baseline, only to exercise the contract kit (the real ones live in @cdf/baseline). */
function seasonalMeanPlugin(options: { mutate?: boolean; lossySave?: boolean } = {}): BaselinePlugin {
  const name = 'test#seasonal-mean';
  const build = (profile: number[], last: number, stepMs: number, n: number): FittedBaseline => ({
    stage: 'baseline',
    name,
    lastTimestamp: last,
    stepMs,
    notes: [],
    predict: ({ horizon }) => {
      const timestamps = new Float64Array(horizon);
      const point = new Float64Array(horizon);
      for (let i = 0; i < horizon; i++) {
        timestamps[i] = last + (i + 1) * stepMs;
        point[i] = profile[(n + i) % 24]!;
      }
      return { timestamps, point };
    },
    inSample: () => ({
      timestamps: new Float64Array(n),
      point: Float64Array.from({ length: n }, (_, i) => profile[i % 24]!),
    }),
    toJSON: (): SavedModel => ({
      schemaVersion: 1,
      stage: 'baseline',
      name,
      params: {},
      state: { profile: options.lossySave ? profile.map(Math.round) : profile, last, stepMs, n },
    }),
  });
  return {
    stage: 'baseline',
    name,
    description: 'mean of each hour of the day',
    create: (params) => {
      if (params && typeof params === 'object' && 'bogus' in params) {
        throw new CdfError(CdfErrorCode.InvalidConfig, 'unknown parameter bogus');
      }
      return {
        stage: 'baseline',
        name,
        params: {},
        fit: async ({ series }) => {
          if (series.values.length < 48) throw new InsufficientHistoryError(name, 48, series.values.length);
          if (options.mutate) series.values[0] = 0;
          const sums = new Array(24).fill(0);
          const counts = new Array(24).fill(0);
          series.values.forEach((v, i) => {
            sums[i % 24] += v;
            counts[i % 24] += 1;
          });
          const profile = sums.map((s, h) => s / counts[h]);
          const last = series.timestamps[series.timestamps.length - 1]!;
          return build(profile, last, series.stepMs, series.values.length);
        },
      };
    },
    load: (saved) => {
      const s = saved.state as { profile: number[]; last: number; stepMs: number; n: number };
      return build(s.profile, s.last, s.stepMs, s.n);
    },
  };
}

async function failures(plugin: BaselinePlugin): Promise<string[]> {
  const failed: string[] = [];
  for (const check of baselineContract(plugin, { invalidParams: { bogus: 1 }, tooShort: 10 })) {
    await check.run().catch(() => failed.push(check.name));
  }
  return failed;
}

describe('baselineContract', () => {
  it('passes a conforming baseline', async () => {
    expect(await failures(seasonalMeanPlugin())).toEqual([]);
  });

  it('catches a baseline that mutates its input', async () => {
    expect(await failures(seasonalMeanPlugin({ mutate: true }))).toEqual([
      'test#seasonal-mean: fit leaves its input untouched and is deterministic',
    ]);
  });

  it('catches a baseline whose saved model predicts differently', async () => {
    expect(await failures(seasonalMeanPlugin({ lossySave: true }))).toEqual([
      'test#seasonal-mean: saves to JSON and predicts identically after load',
    ]);
  });
});
