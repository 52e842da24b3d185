// Which of the package's two builds this engine runs: `share_earn_bg.wasm` needs WebAssembly
// SIMD; `share_earn_bg.baseline.wasm` runs everywhere and gives the same bytes, slower.

// The smallest module that uses a SIMD instruction (i8x16.popcnt of a splat): engines
// without WebAssembly SIMD refuse to validate it.
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

/** File name of the build this engine should load. */
export function wasmFileName() {
  return simdSupported() ? 'share_earn_bg.wasm' : 'share_earn_bg.baseline.wasm';
}
