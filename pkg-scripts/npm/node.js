// share-earn for Node.js: the WebAssembly module is instantiated synchronously on import,
// from the .wasm file shipped next to this one (the SIMD build; the baseline build on an
// engine without WebAssembly SIMD), so every function works right away.
// `init()` and `initSync()` exist for code shared with the browser entry and do nothing.
import { readFileSync } from 'node:fs';
import { initSync as wasmInitSync } from './share_earn.js';

const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

/** Whether this engine runs the SIMD build (`share_earn_bg.wasm`). */
export function simdSupported() {
  try {
    return WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

const file = simdSupported() ? './share_earn_bg.wasm' : './share_earn_bg.baseline.wasm';
wasmInitSync({ module: readFileSync(new URL(file, import.meta.url)) });

export * from './share_earn.js';
export * from './attribution.js';
export * from './poster.js';
export { isShareEarnError } from './errors.js';

/** Already done on import; resolves at once. */
export default async function init() {}

/** Already done on import. */
export function initSync() {}
