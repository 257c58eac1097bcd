import { createRequire } from 'node:module';
import { CdfError, CdfErrorCode } from '@cdf/core';

/**
 * The raw C interface of ml-xgboost's WASM build (XGBoost of 2017 compiled with emscripten),
 * taken below its `XGBoost` class so that matrices go in as one `Float32Array` copy instead of
 * nested arrays, and no argument is ever copied onto the 5 MB emscripten stack.
 */
export interface XGBoostRuntime {
  /** Allocate `bytes` on the WASM heap (never garbage-collected: pair with {@link free}). */
  malloc(bytes: number): number;
  free(pointer: number): void;
  /** Current heap views (re-read after every allocation: the heap can grow and move). */
  heapF32(): Float32Array;
  heapU8(): Uint8Array;
  /** `XGDMatrixCreateFromMat(data, rows, cols, missing = -1)` + labels + `XGBoosterCreate`. */
  createModel(dataPointer: number, labelPointer: number, rows: number, cols: number): number;
  setParam(model: number, name: string, value: string): void;
  /** `iterations` rounds of `XGBoosterUpdateOneIter`. */
  trainIterations(model: number, iterations: number): void;
  /** Predict one row of `cols` floats at `rowPointer`; writes to `outPointer`, returns the output size. */
  predictOne(model: number, rowPointer: number, cols: number, outPointer: number): number;
  /** Serialise the booster; returns its size in bytes (-1 on failure), then {@link copySaved}. */
  saveModel(model: number): number;
  copySaved(pointer: number, size: number): void;
  /** Restore a booster from `size` bytes at `pointer`; 0 on failure. */
  loadModel(pointer: number, size: number): number;
  freeModel(model: number): void;
}

interface EmscriptenModule {
  isReady: Promise<EmscriptenModule>;
  print: (line: string) => void;
  printErr: (line: string) => void;
  HEAPF32: Float32Array;
  HEAPU8: Uint8Array;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  _create_model(data: number, labels: number, rows: number, cols: number): number;
  _train_full_model(model: number, iterations: number): void;
  _predict_one(model: number, row: number, cols: number, out: number): number;
  _save_model(model: number): number;
  _get_file_content(pointer: number, size: number): void;
  _load_model(pointer: number, size: number): number;
  _free_memory_model(model: number): void;
  cwrap(name: string, returns: string | null, args: string[]): (...args: unknown[]) => unknown;
}

const LOG_LIMIT = 200;
const captured: string[] = [];
let runtime: Promise<XGBoostRuntime> | undefined;

/**
 * What the WASM build printed (load warnings such as "wasm streaming compile failed ... falling
 * back", and XGBoost's own "[hh:mm:ss] Tree method is selected ..." lines), newest last, at most
 * 200 lines. cdf never lets these reach stdout or stderr: a CLI's output stays clean.
 */
export function xgboostLog(): readonly string[] {
  return captured;
}

function capture(line: string): void {
  captured.push(String(line));
  if (captured.length > LOG_LIMIT) captured.splice(0, captured.length - LOG_LIMIT);
}

/**
 * The XGBoost WASM runtime of this thread, loaded once (each worker thread loads its own).
 * Its print hooks are pointed at {@link xgboostLog} before the asynchronous instantiation that
 * would print, so nothing leaks to the console.
 */
export function loadXGBoostRuntime(): Promise<XGBoostRuntime> {
  runtime ??= instantiate();
  return runtime;
}

async function instantiate(): Promise<XGBoostRuntime> {
  let module: EmscriptenModule;
  try {
    const require = createRequire(import.meta.url);
    module = require('ml-xgboost/dist/wasm/xgboost.js') as EmscriptenModule;
    module.print = capture;
    module.printErr = capture;
    module = await module.isReady;
  } catch (cause) {
    runtime = undefined;
    throw new CdfError(CdfErrorCode.ModelFailed, 'could not load the XGBoost WASM runtime (ml-xgboost)', {
      cause,
      expected: 'the ml-xgboost package installed beside @cdf/gbdt',
    });
  }
  const m = module;
  const setParam = m.cwrap('set_param', null, ['number', 'string', 'string']);
  return {
    malloc: (bytes) => {
      const pointer = m._malloc(bytes);
      if (pointer === 0) {
        throw new CdfError(
          CdfErrorCode.ModelFailed,
          `XGBoost WASM heap exhausted allocating ${bytes} bytes`,
          {
            expected: 'a smaller training matrix (the WASM heap is at most 2 GB)',
          },
        );
      }
      return pointer;
    },
    free: (pointer) => m._free(pointer),
    heapF32: () => m.HEAPF32,
    heapU8: () => m.HEAPU8,
    createModel: (data, labels, rows, cols) => m._create_model(data, labels, rows, cols),
    setParam: (model, name, value) => {
      setParam(model, name, value);
    },
    trainIterations: (model, iterations) => m._train_full_model(model, iterations),
    predictOne: (model, row, cols, out) => m._predict_one(model, row, cols, out),
    saveModel: (model) => m._save_model(model),
    copySaved: (pointer, size) => m._get_file_content(pointer, size),
    loadModel: (pointer, size) => m._load_model(pointer, size),
    freeModel: (model) => m._free_memory_model(model),
  };
}
