import type {
  Prophet,
  ProphetInitialParams,
  ProphetOptimizedParams,
  ProphetOptimizeOptions,
  ProphetOptimizeOutput,
  ProphetPredictionData,
  ProphetTrainingData,
} from '@bsull/augurs/prophet';
import { optimizer as wasmstanOptimizer } from '@bsull/augurs-prophet-wasmstan';
import { z } from 'zod';
import { augursProphet } from '../augurs/augurs-wasm.ts';
import {
  canonicalData,
  canonicalOrder,
  fromCanonical,
  type StanFeatureData,
  toCanonical,
} from './canonical-columns.ts';
import { EVENT_REGRESSOR } from './prophet-frame.ts';
import type { ProphetParams } from './prophet-params.ts';
import type { ResolvedSeasonality } from './prophet-seasonality.ts';

/**
 * Finds the maximum-likelihood Prophet parameters: augurs' optimizer contract. The default is
 * the Stan model compiled to WebAssembly (`@bsull/augurs-prophet-wasmstan`); a custom one
 * (native cmdstan, or a failing one in tests) can be passed to `createProphetBaseline`.
 */
export interface ProphetOptimizer {
  optimize(init: ProphetInitialParams, data: string, opts: ProphetOptimizeOptions): ProphetOptimizeOutput;
}

/** The default optimizer: Prophet's Stan model as WebAssembly. */
export const defaultProphetOptimizer = wasmstanOptimizer as unknown as ProphetOptimizer;

/**
 * The optimised parameters of a fit, JSON-safe, enough to rebuild the model exactly.
 * `beta` is in canonical column order (see `canonical-columns.ts`).
 */
export const StoredProphetParamsSchema = z.object({
  k: z.number(),
  m: z.number(),
  sigmaObs: z.number(),
  delta: z.array(z.number()),
  beta: z.array(z.number()),
  trend: z.array(z.number()),
});
/** Stored optimised parameters. */
export type StoredProphetParams = z.infer<typeof StoredProphetParamsSchema>;

/** Everything that decides the shape of one Prophet model. */
export interface ProphetSpec {
  params: ProphetParams;
  mode: 'additive' | 'multiplicative';
  seasonality: ResolvedSeasonality;
  /** Whether the planned-event regressor is part of the model. */
  learnEvents: boolean;
  /** Seed of the Stan optimizer. */
  seed: number;
}

/** A fitted augurs Prophet and the parameters it was fitted with. */
export interface ProphetEngine {
  readonly optimized: StoredProphetParams;
  /** Whether the optimizer started from previous parameters. */
  readonly warmStarted: boolean;
  /** Point forecasts (no sampling: `uncertaintySamples` is 0 so output is deterministic). */
  predict(frame: ProphetPredictionData): Float64Array;
}

function toStored(params: ProphetOptimizedParams): StoredProphetParams {
  return {
    k: params.k,
    m: params.m,
    sigmaObs: params.sigmaObs,
    delta: Array.from(params.delta),
    beta: Array.from(params.beta),
    trend: Array.from(params.trend),
  };
}

function toAugurs(stored: StoredProphetParams): ProphetOptimizedParams {
  return {
    k: stored.k,
    m: stored.m,
    sigmaObs: stored.sigmaObs,
    delta: Float64Array.from(stored.delta),
    beta: Float64Array.from(stored.beta),
    trend: Float64Array.from(stored.trend),
  };
}

const silentLogs = { debug: '', info: '', warn: '', error: '', fatal: '' };

function buildProphet(spec: ProphetSpec, optimizer: ProphetOptimizer): Prophet {
  const { params } = spec;
  const prophet = new (augursProphet().Prophet)({
    optimizer,
    growth: params.growth,
    seasonalityMode: spec.mode,
    changepointPriorScale: params.changepointPriorScale,
    seasonalityPriorScale: params.seasonalityPriorScale,
    nChangepoints: params.nChangepoints,
    changepointRange: params.changepointRange,
    dailySeasonality: spec.seasonality.daily,
    weeklySeasonality: spec.seasonality.weekly,
    yearlySeasonality: spec.seasonality.yearly,
    uncertaintySamples: 0,
  });
  for (const r of params.regressors) {
    prophet.addRegressor(r.name, {
      mode: r.mode,
      ...(r.priorScale === undefined ? {} : { priorScale: r.priorScale }),
    });
  }
  if (spec.learnEvents) {
    prophet.addRegressor(EVENT_REGRESSOR, {
      mode: 'multiplicative',
      priorScale: params.eventPriorScale,
      standardize: 'no',
    });
  }
  return prophet;
}

function engineOf(
  prophet: Prophet,
  spec: ProphetSpec,
  optimized: StoredProphetParams,
  warmStarted: boolean,
): ProphetEngine {
  const regressorModes = new Map<string, 'additive' | 'multiplicative'>(
    spec.params.regressors.map((r) => [r.name, r.mode]),
  );
  regressorModes.set(EVENT_REGRESSOR, 'multiplicative');
  return {
    optimized,
    warmStarted,
    predict(frame) {
      // augurs sums components in its (random) column order, so yhat can differ in the last
      // bit between two models with equal parameters; summing the components in name order
      // gives the same yhat (trend * (1 + multiplicative) + additive) byte for byte
      const out = prophet.predict(frame);
      const n = out.trend.point.length;
      const additive = new Float64Array(n);
      const multiplicative = new Float64Array(n);
      const addAll = (components: Map<string, { point: number[] }>, modeOf: (name: string) => string) => {
        for (const name of [...components.keys()].sort()) {
          const target = modeOf(name) === 'multiplicative' ? multiplicative : additive;
          const point = components.get(name)!.point;
          for (let i = 0; i < n; i++) target[i] = target[i]! + point[i]!;
        }
      };
      addAll(out.seasonalities, () => spec.mode);
      addAll(out.regressors, (name) => regressorModes.get(name) ?? 'additive');
      return Float64Array.from(out.trend.point, (t, i) => t * (1 + multiplicative[i]!) + additive[i]!);
    },
  };
}

/**
 * Fit Prophet with the optimizer, capturing the optimised parameters. With `warmStart`, the
 * optimizer starts from those parameters when their shape matches this model (same number
 * of changepoints and features), else from Prophet's usual initial values.
 */
export function fitProphetEngine(
  spec: ProphetSpec,
  training: ProphetTrainingData,
  optimizer: ProphetOptimizer,
  warmStart?: StoredProphetParams,
): ProphetEngine {
  let captured: StoredProphetParams | undefined;
  let warmStarted = false;
  const capturing: ProphetOptimizer = {
    optimize(init, data, opts) {
      const parsed = JSON.parse(data) as StanFeatureData;
      const order = canonicalOrder(parsed);
      let start: ProphetInitialParams = { ...init, beta: toCanonical(init.beta, order) };
      if (
        warmStart &&
        warmStart.delta.length === init.delta.length &&
        warmStart.beta.length === init.beta.length
      ) {
        start = {
          k: warmStart.k,
          m: warmStart.m,
          sigmaObs: warmStart.sigmaObs,
          delta: Float64Array.from(warmStart.delta),
          beta: Float64Array.from(warmStart.beta),
        };
        warmStarted = true;
      }
      const out = optimizer.optimize(start, JSON.stringify(canonicalData(parsed, order)), opts);
      // copy now (augurs takes the returned arrays), keeping coefficients in canonical order
      captured = toStored(out.params);
      return { logs: out.logs, params: { ...out.params, beta: fromCanonical(out.params.beta, order) } };
    },
  };
  const prophet = buildProphet(spec, capturing);
  prophet.fit(training, { seed: spec.seed });
  if (!captured) throw new Error('the optimizer returned no parameters');
  return engineOf(prophet, spec, captured, warmStarted);
}

/**
 * Rebuild a fitted Prophet from stored parameters without optimising: the same training
 * frame and a "replay" optimizer that returns the stored parameters give the model that was
 * saved, bit for bit (augurs has no other way to restore a fit).
 */
export function replayProphetEngine(
  spec: ProphetSpec,
  training: ProphetTrainingData,
  stored: StoredProphetParams,
): ProphetEngine {
  const replay: ProphetOptimizer = {
    optimize(_init, data) {
      const order = canonicalOrder(JSON.parse(data) as StanFeatureData);
      const params = toAugurs(stored);
      return { logs: silentLogs, params: { ...params, beta: fromCanonical(params.beta, order) } };
    },
  };
  const prophet = buildProphet(spec, replay);
  prophet.fit(training, { seed: spec.seed });
  return engineOf(prophet, spec, stored, false);
}
