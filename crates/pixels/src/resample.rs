//! Scaling decoded pixels to the size they are drawn at.
//!
//! Drawing a 1000-pixel photo into a 60-pixel box with a transform samples a few source
//! pixels per output pixel and aliases; a separable filter over every source pixel keeps
//! logos and photos sharp and clean. The filter is Catmull-Rom (the cubic that
//! `image::imageops` and Pillow's "bicubic" use), widened by the scale factor when shrinking
//! so that every source pixel contributes. The arithmetic is fixed-point integer, as in
//! Pillow: results are the same on every platform (native and wasm give identical bytes)
//! and several times faster than a float filter in WebAssembly. The pixels stay
//! premultiplied, which a filter over images with alpha needs.

use super::Pixmap;

/// Fractional bits of the filter weights.
const BITS: u32 = 14;
const ONE: i32 = 1 << BITS;

/// Catmull-Rom: the cubic with B = 0, C = 0.5.
fn catmull_rom(x: f32) -> f32 {
    let x = x.abs();
    if x < 1.0 {
        1.5 * x * x * x - 2.5 * x * x + 1.0
    } else if x < 2.0 {
        -0.5 * x * x * x + 2.5 * x * x - 4.0 * x + 2.0
    } else {
        0.0
    }
}

/// For each output position, the first source index and the fixed-point weights, summing
/// to exactly [`ONE`].
fn weights(src: u32, dst: u32) -> Vec<(usize, Vec<i32>)> {
    let scale = src as f32 / dst as f32;
    let support = if scale > 1.0 { 2.0 * scale } else { 2.0 };
    let stretch = scale.max(1.0);
    (0..dst)
        .map(|i| {
            let centre = (i as f32 + 0.5) * scale;
            let first = ((centre - support).floor() as i64).max(0) as usize;
            let last = ((centre + support).ceil() as i64).min(src as i64) as usize;
            let raw: Vec<f32> = (first..last).map(|j| catmull_rom((j as f32 + 0.5 - centre) / stretch)).collect();
            let total: f32 = raw.iter().sum();
            let mut w: Vec<i32> = raw.iter().map(|v| (v / total * ONE as f32).round() as i32).collect();
            // Rounding can leave the sum a unit or two off: give the difference to the
            // largest weight, so flat areas stay exactly flat.
            let error = ONE - w.iter().sum::<i32>();
            if let Some(max) = w.iter_mut().max_by_key(|v| **v) {
                *max += error;
            }
            (first, w)
        })
        .collect()
}

fn clamp_u8(v: i32) -> u8 {
    ((v + (1 << (BITS - 1))) >> BITS).clamp(0, 255) as u8
}

/// `source` scaled to exactly `width` x `height` pixels (each at least 1), or `None` when
/// that pixmap cannot be allocated.
pub fn resize_to(source: &Pixmap, width: u32, height: u32) -> Option<Pixmap> {
    let (width, height) = (width.max(1), height.max(1));
    if source.width() == width && source.height() == height {
        return Some(source.clone());
    }
    // Checks the size before the filter allocates anything.
    let mut out = Pixmap::new(width, height)?;
    // Vertical pass first, a whole row at a time so that the inner loop runs along memory
    // (and vectorises): `height` rows of the source's width, 8 bits as in Pillow. The
    // horizontal pass, which cannot run along memory, then has only `height` rows to do.
    let stride = source.width() as usize * 4;
    let mut mid = vec![0u8; height as usize * stride];
    vertical(source.data(), stride, &weights(source.height(), height), &mut mid);
    horizontal(&mid, stride, &weights(source.width(), width), out.data_mut(), width as usize * 4);
    Some(out)
}

/// Each output row of `mid` as the weighted sum of source rows.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn vertical(src: &[u8], stride: usize, down: &[(usize, Vec<i32>)], mid: &mut [u8]) {
    let mut acc = vec![0i32; stride];
    for ((first, w), row) in down.iter().zip(mid.chunks_exact_mut(stride)) {
        acc.fill(0);
        let lines = src.get(first * stride..(first + w.len()) * stride).unwrap_or_default();
        for (line, &wk) in lines.chunks_exact(stride).zip(w) {
            for (a, &v) in acc.iter_mut().zip(line) {
                *a += v as i32 * wk;
            }
        }
        for (m, &a) in row.iter_mut().zip(&acc) {
            *m = clamp_u8(a);
        }
    }
}

/// Each output pixel of a row as the weighted sum of `mid`'s pixels.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn horizontal(mid: &[u8], stride: usize, across: &[(usize, Vec<i32>)], out: &mut [u8], out_stride: usize) {
    for (line, row) in mid.chunks_exact(stride).zip(out.chunks_exact_mut(out_stride)) {
        for ((first, w), px) in across.iter().zip(row.chunks_exact_mut(4)) {
            let taps = line.get(first * 4..(first + w.len()) * 4).unwrap_or_default();
            let mut a = [0i32; 4];
            for (p, &wk) in taps.chunks_exact(4).zip(w) {
                for c in 0..4 {
                    a[c] += p[c] as i32 * wk;
                }
            }
            let alpha = clamp_u8(a[3]);
            // The filter's negative lobes can push a channel above its alpha, which is not
            // a valid premultiplied colour.
            px.copy_from_slice(&[
                clamp_u8(a[0]).min(alpha),
                clamp_u8(a[1]).min(alpha),
                clamp_u8(a[2]).min(alpha),
                alpha,
            ]);
        }
    }
}

/// The vertical pass with WebAssembly SIMD: 16 bytes of a row at a time, every tap
/// summed in registers. The same integer arithmetic as the portable pass, so the same
/// bytes (the package tests compare both builds' posters with the native goldens).
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn vertical(src: &[u8], stride: usize, down: &[(usize, Vec<i32>)], mid: &mut [u8]) {
    use core::arch::wasm32::*;
    let half = i32x4_splat(1 << (BITS - 1));
    use super::simd::{load16, store16};
    let blocks = stride / 16;
    for ((first, w), row) in down.iter().zip(mid.chunks_exact_mut(stride)) {
        let lines = src.get(first * stride..(first + w.len()) * stride).unwrap_or_default();
        for b in 0..blocks {
            let mut acc = [i32x4_splat(0); 4];
            for (line, &wk) in lines.chunks_exact(stride).zip(w) {
                // In bounds: b < stride / 16 and the line is `stride` bytes.
                let v = load16(&line[b * 16..]);
                let (lo, hi) = (u16x8_extend_low_u8x16(v), u16x8_extend_high_u8x16(v));
                let wv = i32x4_splat(wk);
                let parts = [
                    u32x4_extend_low_u16x8(lo),
                    u32x4_extend_high_u16x8(lo),
                    u32x4_extend_low_u16x8(hi),
                    u32x4_extend_high_u16x8(hi),
                ];
                for (a, p) in acc.iter_mut().zip(parts) {
                    *a = i32x4_add(*a, i32x4_mul(p, wv));
                }
            }
            let f = |a| i32x4_shr(i32x4_add(a, half), BITS);
            // The saturating narrows clamp to 0..=255, as clamp_u8 does.
            let r =
                u8x16_narrow_i16x8(i16x8_narrow_i32x4(f(acc[0]), f(acc[1])), i16x8_narrow_i32x4(f(acc[2]), f(acc[3])));
            store16(&mut row[b * 16..], r);
        }
        for x in blocks * 16..stride {
            let a: i32 = lines.chunks_exact(stride).zip(w).map(|(line, &wk)| line[x] as i32 * wk).sum();
            row[x] = clamp_u8(a);
        }
    }
}

/// The horizontal pass with WebAssembly SIMD: one pixel's four channels a vector.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn horizontal(mid: &[u8], stride: usize, across: &[(usize, Vec<i32>)], out: &mut [u8], out_stride: usize) {
    use core::arch::wasm32::*;
    let half = i32x4_splat(1 << (BITS - 1));
    let (zero, max) = (i32x4_splat(0), i32x4_splat(255));
    for (line, row) in mid.chunks_exact(stride).zip(out.chunks_exact_mut(out_stride)) {
        for ((first, w), px) in across.iter().zip(row.chunks_exact_mut(4)) {
            let taps = line.get(first * 4..(first + w.len()) * 4).unwrap_or_default();
            let mut a = i32x4_splat(0);
            for (p, &wk) in taps.chunks_exact(4).zip(w) {
                // Cannot fail: `chunks_exact(4)` gives 4-byte slices only.
                let v = u32x4_splat(u32::from_le_bytes(p.try_into().expect("4 bytes")));
                let v = u32x4_extend_low_u16x8(u16x8_extend_low_u8x16(v));
                a = i32x4_add(a, i32x4_mul(v, i32x4_splat(wk)));
            }
            let c = i32x4_max(i32x4_min(i32x4_shr(i32x4_add(a, half), BITS), max), zero);
            // No channel above alpha (see the portable pass).
            let c = i32x4_min(c, i32x4_splat(i32x4_extract_lane::<3>(c)));
            let c = u8x16_narrow_i16x8(i16x8_narrow_i32x4(c, c), i16x8_splat(0));
            px.copy_from_slice(&u32x4_extract_lane::<0>(c).to_le_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_sum_to_one_and_cover_the_source() {
        for (src, dst) in [(1000, 650), (100, 7), (7, 100), (3, 1), (1, 5)] {
            let w = weights(src, dst);
            assert_eq!(w.len(), dst as usize);
            for (first, ws) in &w {
                assert_eq!(ws.iter().sum::<i32>(), ONE);
                assert!(first + ws.len() <= src as usize);
            }
        }
    }

    #[test]
    fn a_flat_colour_stays_exactly_flat() {
        let mut p = Pixmap::new(97, 61).unwrap();
        p.fill(crate::Rgba { r: 200, g: 40, b: 90, a: 255 });
        let r = resize_to(&p, 40, 150).unwrap();
        assert!(r.data().chunks_exact(4).all(|px| px == [200, 40, 90, 255]));
    }

    #[test]
    fn halving_averages_pixel_pairs_of_a_smooth_ramp() {
        // A horizontal ramp 0, 2, 4, ...: the filter is symmetric, so each output pixel is
        // the ramp's value at its centre (between two source pixels): 1, 5, 9, ...
        let mut p = Pixmap::new(64, 4).unwrap();
        for (i, px) in p.data_mut().chunks_exact_mut(4).enumerate() {
            let v = ((i % 64) * 2) as u8;
            px.copy_from_slice(&[v, v, v, 255]);
        }
        let r = resize_to(&p, 32, 4).unwrap();
        for x in 4..28 {
            assert_eq!(r.data()[x * 4], (4 * x + 1) as u8, "x={x}");
        }
    }
}
