//! Loads and stores between byte slices and WebAssembly SIMD vectors, without `unsafe`:
//! through `u64`s, which the engines compile to single 128-bit moves.
//!
//! Only the SIMD build has them (`-Ctarget-feature=+simd128`). Every loop written with them
//! has a portable twin doing the same integer arithmetic, so both builds give the same
//! bytes; the package tests compare both builds' posters with the native goldens.

use core::arch::wasm32::*;

/// The first 16 bytes of `b`. (Through a fixed-size array: LLVM makes that one load,
/// where an array built byte by byte stayed sixteen byte loads and shifts.) Callers pass at
/// least 16 bytes (each call site says why), so the `expect` cannot fire.
#[inline(always)]
pub fn load16(b: &[u8]) -> v128 {
    let v = u128::from_le_bytes(b[..16].try_into().expect("16 bytes"));
    u64x2(v as u64, (v >> 64) as u64)
}

/// Writes the 16 bytes of `v` to the start of `out`.
#[inline(always)]
pub fn store16(out: &mut [u8], v: v128) {
    out[..8].copy_from_slice(&u64x2_extract_lane::<0>(v).to_le_bytes());
    out[8..16].copy_from_slice(&u64x2_extract_lane::<1>(v).to_le_bytes());
}
