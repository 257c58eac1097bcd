import { CdfError, CdfErrorCode, NotFittedError } from '@cdf/core';
import { boosterBytes } from './booster-bytes.ts';
import { type FeatureColumns, namedColumns } from './feature-columns.ts';
import type { GbdtObjective, GbdtParams } from './gbdt-params.ts';
import { encodeRowMajor } from './row-major-encoding.ts';
import { SAVED_GBDT_FORMAT, type SavedGbdt } from './saved-gbdt.ts';
import type { XGBoostRuntime } from './xgboost-runtime.ts';

/** What a model was trained as. */
export interface GbdtModelInfo {
  objective: GbdtObjective;
  featureNames: readonly string[];
  params: GbdtParams;
  seed: number;
}

/**
 * A trained booster living in the WASM heap of this thread. WASM memory is not garbage-collected:
 * call {@link GbdtModel.free} when done (predicting afterwards throws NOT_FITTED).
 */
export class GbdtModel {
  /** `regression` (predicts values) or `binary` (predicts probabilities in [0, 1]). */
  readonly objective: GbdtObjective;
  /** Feature names in the column order `predict` expects. */
  readonly featureNames: readonly string[];
  /** Parameters it was trained with. */
  readonly params: GbdtParams;
  /** Seed it was trained with. */
  readonly seed: number;
  readonly #runtime: XGBoostRuntime;
  #handle: number;

  /** Wrap a booster handle (internal: use `trainGbdt` or `loadGbdt`). */
  constructor(runtime: XGBoostRuntime, handle: number, info: GbdtModelInfo) {
    this.#runtime = runtime;
    this.#handle = handle;
    this.objective = info.objective;
    this.featureNames = info.featureNames;
    this.params = info.params;
    this.seed = info.seed;
  }

  /** True until {@link free}. */
  get alive(): boolean {
    return this.#handle !== 0;
  }

  /**
   * Predict every row of `features` (same columns, same order as in training; a `FeatureMatrix`
   * must carry the same names). Returns a value per row, a probability for `binary`.
   */
  predict(features: FeatureColumns): Float64Array {
    const handle = this.#live('predict');
    const named = namedColumns(features);
    this.#checkColumns(named.names, Array.isArray(features));
    const cols = named.columns.length;
    const data = encodeRowMajor(named);
    const rt = this.#runtime;
    const rowPointer = rt.malloc(cols * 4);
    const outPointer = rt.malloc(16);
    const out = new Float64Array(named.rows);
    try {
      for (let r = 0; r < named.rows; r++) {
        rt.heapF32().set(data.subarray(r * cols, (r + 1) * cols), rowPointer >> 2);
        rt.predictOne(handle, rowPointer, cols, outPointer);
        out[r] = rt.heapF32()[outPointer >> 2]!;
      }
    } finally {
      rt.free(rowPointer);
      rt.free(outPointer);
    }
    return out;
  }

  /** XGBoost's binary model bytes (what `toJSON` encodes). */
  modelBytes(): Uint8Array {
    return boosterBytes(this.#runtime, this.#live('save'));
  }

  /** The model as JSON; `loadGbdt` restores a model that predicts identically. */
  toJSON(): SavedGbdt {
    return {
      format: SAVED_GBDT_FORMAT,
      version: 1,
      objective: this.objective,
      featureNames: [...this.featureNames],
      params: { ...this.params },
      seed: this.seed,
      model: Buffer.from(this.modelBytes()).toString('base64'),
    };
  }

  /** Release the booster's WASM memory. Safe to call twice. */
  free(): void {
    if (this.#handle !== 0) this.#runtime.freeModel(this.#handle);
    this.#handle = 0;
  }

  #live(action: string): number {
    if (this.#handle === 0) throw new NotFittedError(`cannot ${action}: this GBDT model was freed`);
    return this.#handle;
  }

  #checkColumns(names: readonly string[], anonymous: boolean): void {
    const expected = this.featureNames;
    const same = anonymous
      ? names.length === expected.length
      : names.length === expected.length && names.every((name, j) => name === expected[j]);
    if (!same) {
      const at = names.findIndex((name, j) => name !== expected[j]);
      throw new CdfError(
        CdfErrorCode.SchemaMismatch,
        'prediction features differ from the training features',
        {
          column: anonymous ? 'features' : (names[at] ?? expected[names.length] ?? 'features'),
          value: `${names.length} columns`,
          expected: `the ${expected.length} training columns in order: ${expected.slice(0, 4).join(', ')}${expected.length > 4 ? ', ...' : ''}`,
        },
      );
    }
  }
}
