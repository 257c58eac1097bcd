import { CdfError, CdfErrorCode, type Series } from '@cdf/core';
import {
  buildDirectMatrix,
  buildPredictionRows,
  type FeatureMatrix,
  SEASON_OF_YEAR_FEATURE_NAMES,
  selectFeatures,
  withoutFeatures,
} from '@cdf/features';
import { type GbdtModel, loadGbdt, type SavedGbdt, trainGbdt } from '@cdf/gbdt';
import { levelFromTarget, levelTarget, scaleFreeDesign } from './level-design.ts';
import type { RegressorParams } from './quantile-params.ts';
import { originStride, trainingHorizons } from './training-horizons.ts';

/** What {@link fitLevelRegressor} needs besides the series. */
export interface LevelRegressorOptions {
  /** Longest horizon it will be asked for, in steps. */
  horizon: number;
  /** Regressor hyperparameters (see `RegressorParamsSchema`). */
  params: RegressorParams;
  /** 1 where a point is inside a spike; with `params.excludeSpikes` those targets are not learned. */
  spikes?: Uint8Array;
  /** Seed of the trees' row and column sampling. */
  seed: number;
}

/** A fitted level regressor: the booster and how it was trained. */
export interface LevelRegressor {
  /** Demand forecast for steps 1..`horizon` after the last point of `history`. */
  predict(history: Series, horizon: number): Promise<Float64Array>;
  /** The booster as JSON. */
  toJSON(): SavedGbdt;
  /** What training did: rows, stride. */
  readonly notes: readonly string[];
  /** Release WASM memory (a loaded regressor reloads on the next predict). */
  free(): void;
}

/**
 * Train the XGBoost level regressor: direct multi-horizon rows from `@cdf/features` (origin
 * stride and a horizon grid bound the rows), demand-valued features divided by the origin's
 * weekly level, target `log(y(t + h) / level(t))`, without `params.leftOutFeatures`, nor the
 * month of the year once the history holds `params.seasonOfYearFromDays`. Rows whose target was
 * filled, whose origin has no level, or (by default) whose target is inside a spike are dropped.
 * Resolves to null when fewer than `params.minRows` rows remain (too little history to learn from).
 */
export async function fitLevelRegressor(
  series: Series,
  options: LevelRegressorOptions,
): Promise<LevelRegressor | null> {
  const { horizon, params, spikes, seed } = options;
  const n = series.values.length;
  const horizons = trainingHorizons(horizon);
  const stride = originStride(n, horizons.length, params.maxRows);
  const direct = buildDirectMatrix(series, {
    horizons,
    origins: { stride },
    maxRows: params.maxRows * 2,
  });
  const { matrix, scale } = scaleFreeDesign(
    withoutKnownFeatures(direct.matrix, leftOutFeatures(series, params)),
  );
  const keep: number[] = [];
  for (let r = 0; r < matrix.rows; r++) {
    if (direct.usable[r] !== 1 || !(scale[r]! > 0)) continue;
    const at = direct.matrix.origins[r]! + direct.horizon[r]!;
    if (params.excludeSpikes && spikes?.[at] === 1) continue;
    keep.push(r);
  }
  if (keep.length < params.minRows) return null;
  const rows = selectRows(matrix, keep);
  const label = new Float64Array(keep.length);
  keep.forEach((r, k) => {
    label[k] = levelTarget(direct.target[r]!, scale[r]!);
  });
  const model = await trainGbdt({
    features: rows,
    label,
    objective: 'regression',
    params: {
      iterations: params.iterations,
      maxDepth: params.maxDepth,
      eta: params.eta,
      maxBin: params.maxBin,
    },
    seed,
  });
  const notes = [
    `level regressor: ${keep.length} rows, origin stride ${stride}, ${horizons.length} horizons`,
  ];
  return regressorFromModel(model, notes);
}

/** A level regressor around a trained booster. */
export function regressorFromModel(model: GbdtModel, notes: readonly string[]): LevelRegressor {
  return wrapBooster(model.toJSON(), model, notes);
}

/** A level regressor from its saved booster; the booster loads on the first predict. */
export function loadLevelRegressor(saved: SavedGbdt, notes: readonly string[] = []): LevelRegressor {
  return wrapBooster(saved, null, notes);
}

function wrapBooster(saved: SavedGbdt, model: GbdtModel | null, notes: readonly string[]): LevelRegressor {
  let live = model;
  return {
    notes,
    toJSON: () => saved,
    free() {
      live?.free();
      live = null;
    },
    async predict(history: Series, horizon: number): Promise<Float64Array> {
      if (live === null) live = await loadGbdt(saved);
      return predictLevels(live, history, horizon);
    },
  };
}

function predictLevels(model: GbdtModel, history: Series, horizon: number): Float64Array {
  if (!Number.isInteger(horizon) || horizon < 1) {
    throw new CdfError(CdfErrorCode.InvalidConfig, 'forecast horizon must be a whole number of steps >= 1', {
      column: 'horizon',
      value: String(horizon),
      expected: 'an integer >= 1',
    });
  }
  const rows = buildPredictionRows(history, { horizons: { max: horizon, stride: 1 } });
  const { matrix, scale } = scaleFreeDesign(rows);
  // the booster's own columns: a model saved before the month was left out still reads it
  const z = model.predict(selectFeatures(matrix, model.featureNames));
  const out = new Float64Array(horizon);
  for (let k = 0; k < horizon; k++) {
    const s = scale[k]!;
    out[k] = s > 0 ? levelFromTarget(z[k]!, s) : Number.NaN;
  }
  return out;
}

/** What the regressor leaves out of `series`: the caller's list, and the month from a year of history. */
function leftOutFeatures(series: Series, params: RegressorParams): string[] {
  const days = (series.values.length * series.stepMs) / 86_400_000;
  const month = days >= params.seasonOfYearFromDays ? SEASON_OF_YEAR_FEATURE_NAMES : [];
  return [...new Set([...params.leftOutFeatures, ...month])];
}

/**
 * `matrix` without the `leftOut` columns; a name it does not have is an `INVALID_CONFIG` error
 * (a misspelt name would otherwise leave the feature in without a word).
 */
function withoutKnownFeatures(matrix: FeatureMatrix, leftOut: readonly string[]): FeatureMatrix {
  const unknown = leftOut.filter((name) => !matrix.names.includes(name));
  if (unknown.length > 0) {
    throw new CdfError(
      CdfErrorCode.InvalidConfig,
      'regressor.leftOutFeatures names a feature the level regressor does not have',
      {
        column: 'regressor.leftOutFeatures',
        value: unknown.join(','),
        expected: `names among ${matrix.names.join(', ')}`,
      },
    );
  }
  return withoutFeatures(matrix, leftOut);
}

function selectRows(matrix: FeatureMatrix, keep: readonly number[]): FeatureMatrix {
  const columns = matrix.columns.map((column) => {
    const out = new Float64Array(keep.length);
    keep.forEach((r, k) => {
      out[k] = column[r]!;
    });
    return out;
  });
  const origins = Int32Array.from(keep, (r) => matrix.origins[r]!);
  return { names: matrix.names, columns, rows: keep.length, origins, notes: matrix.notes ?? [] };
}
