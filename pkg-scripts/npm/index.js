// share-earn for browsers, Web Workers and bundlers (Vite, webpack, Rollup, esbuild).
//
// Call `await init()` once before anything else. With no argument the .wasm is loaded from
// next to this file (`new URL(..., import.meta.url)`, which bundlers understand): the SIMD
// build `share_earn_bg.wasm` where the engine runs WebAssembly SIMD, else the baseline build
// `share_earn_bg.baseline.wasm` (same functions, same output bytes, slower). Pass a URL, a
// fetch `Response`, the bytes or a compiled `WebAssembly.Module` to load one from elsewhere.
// `initSync(bytesOrModule)` does the same synchronously.
import wasmInit, { initSync as wasmInitSync } from './share_earn.js';
import { simdSupported } from './simd.js';

export * from './share_earn.js';
export * from './attribution.js';
export * from './poster.js';
export { isShareEarnError } from './errors.js';
export { simdSupported } from './simd.js';

let ready = null;

function defaultModule() {
  // Spelled out, not computed, so that bundlers see and copy both files.
  return simdSupported()
    ? new URL('./share_earn_bg.wasm', import.meta.url)
    : new URL('./share_earn_bg.baseline.wasm', import.meta.url);
}

/**
 * Loads and instantiates the WebAssembly module. Safe to call many times: later calls
 * return the first call's promise (a failed load may be retried).
 */
export default function init(source) {
  if (ready === null) {
    const input =
      source === undefined
        ? { module_or_path: defaultModule() }
        : isInitObject(source)
          ? source
          : { module_or_path: source };
    ready = wasmInit(input).then(
      () => undefined,
      (error) => {
        ready = null;
        throw error;
      },
    );
  }
  return ready;
}

/** Instantiates the module synchronously from its bytes or a compiled `WebAssembly.Module`. */
export function initSync(source) {
  wasmInitSync(isInitObject(source) ? source : { module: source });
  ready ??= Promise.resolve();
}

function isInitObject(value) {
  return value !== null && typeof value === 'object' && ('module_or_path' in value || 'module' in value);
}
