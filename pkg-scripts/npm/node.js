// share-earn for Node.js: the WebAssembly module is instantiated synchronously on import,
// from the .wasm file shipped next to this one (the SIMD build; the baseline build on an
// engine without WebAssembly SIMD), so every function works right away.
// `init()` and `initSync()` exist for code shared with the browser entry and do nothing.
import { readFileSync } from 'node:fs';
import { initSync as wasmInitSync } from './share_earn.js';
import { wasmFileName } from './simd.js';

wasmInitSync({ module: readFileSync(new URL(`./${wasmFileName()}`, import.meta.url)) });

export * from './share_earn.js';
export * from './attribution.js';
export * from './poster.js';
export { isShareEarnError } from './errors.js';
export { simdSupported } from './simd.js';

/** Already done on import; resolves at once. */
export default async function init() {}

/** Already done on import. */
export function initSync() {}
