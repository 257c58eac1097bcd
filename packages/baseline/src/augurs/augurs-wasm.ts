import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as mstlModule from '@bsull/augurs/mstl';
import * as prophetModule from '@bsull/augurs/prophet';
import { CdfError, CdfErrorCode } from '@cdf/core';

/**
 * augurs ships each model as a wasm-bindgen module whose default initialiser `fetch`es its
 * `.wasm` next to the JS file, which Node cannot do for `file:` URLs. We read the bytes from
 * disk and use the synchronous initialiser instead; it is idempotent, so calling it per fit
 * costs nothing after the first time.
 */
const require = createRequire(import.meta.url);

function wasmBytes(subpath: string, file: string): Buffer {
  try {
    return readFileSync(join(dirname(require.resolve(`@bsull/augurs/${subpath}`)), file));
  } catch (cause) {
    throw new CdfError(CdfErrorCode.ModelFailed, `cannot load the augurs ${subpath} WebAssembly module`, {
      cause,
    });
  }
}

let prophetReady = false;
let mstlReady = false;

/** The augurs Prophet bindings, initialised. */
export function augursProphet(): typeof prophetModule {
  if (!prophetReady) {
    prophetModule.initSync({ module: wasmBytes('prophet', 'prophet_bg.wasm') });
    prophetReady = true;
  }
  return prophetModule;
}

/** The augurs MSTL bindings, initialised. */
export function augursMstl(): typeof mstlModule {
  if (!mstlReady) {
    mstlModule.initSync({ module: wasmBytes('mstl', 'mstl_bg.wasm') });
    mstlReady = true;
  }
  return mstlModule;
}
