//! From decoded component planes to RGBA rows: chroma upsampling, then the colour
//! transform. The YCbCr transform, every pixel of every photo, has a WebAssembly SIMD
//! twin doing the same 16-bit arithmetic.

/// What the components are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Model {
    /// One component.
    Gray,
    /// JFIF's YCbCr (three components, the default).
    YCbCr,
    /// Three components stored as RGB (Adobe transform 0, or component ids 'R', 'G', 'B').
    Rgb,
    /// Four components, CMYK as Adobe writes it (inverted: 0 is full ink).
    Cmyk,
    /// Four components, YCbCr of the CMY inks, then the inverted K (Adobe transform 2).
    Ycck,
}

/// One component's decoded samples and how it is subsampled.
pub struct Plane<'a> {
    pub samples: &'a [u8],
    pub stride: usize,
    /// The component's real size in samples (the plane is padded to whole blocks).
    pub width: usize,
    pub height: usize,
    /// The component's sampling factors and the frame's largest.
    pub h: usize,
    pub hmax: usize,
    pub v: usize,
    pub vmax: usize,
}

impl Plane<'_> {
    /// The component's samples on output row `y`, `out_w` of them: the plane's own row, or
    /// one upsampled into `buf`. Halved chroma (4:2:2, 4:2:0, the usual phone photo) is
    /// interpolated with the triangle filter of the common decoders ("fancy upsampling",
    /// weights 3/4 and 1/4 between the nearest samples), as is chroma halved only
    /// vertically (4:4:0); other ratios repeat samples.
    pub fn row<'b>(&'b self, y: usize, out_w: usize, buf: &'b mut [u8]) -> &'b [u8] {
        let row = |r: usize| &self.samples[r * self.stride..r * self.stride + self.width];
        let (full_h, half_h) = (self.h == self.hmax, 2 * self.h == self.hmax);
        let (full_v, half_v) = (self.v == self.vmax, 2 * self.v == self.vmax);
        if full_h && full_v {
            // Not subsampled: the component is exactly the frame's size.
            &row(y)[..out_w]
        } else if half_h && full_v {
            let src = row(y);
            triangle(src.len(), |i| src[i] as u16, 2, [1, 2], &mut buf[..out_w]);
            &buf[..out_w]
        } else if full_h && half_v {
            // Vertically only: 3/4 of the nearest chroma row, 1/4 of the next nearest.
            let r = y / 2;
            let far = if y % 2 == 0 { r.saturating_sub(1) } else { (r + 1).min(self.height - 1) };
            let (near, far, bias) = (row(r), row(far), 1 + (y % 2) as u16);
            for (o, (&n, &f)) in buf[..out_w].iter_mut().zip(near.iter().zip(far)) {
                *o = ((3 * n as u16 + f as u16 + bias) >> 2) as u8;
            }
            &buf[..out_w]
        } else if half_h && half_v {
            let r = y / 2;
            let far = if y % 2 == 0 { r.saturating_sub(1) } else { (r + 1).min(self.height - 1) };
            let (near, far) = (row(r), row(far));
            // Column sums 3 near + 1 far, then the same weights across.
            triangle(near.len(), |i| 3 * near[i] as u16 + far[i] as u16, 4, [8, 7], &mut buf[..out_w]);
            &buf[..out_w]
        } else {
            let src = row((y * self.v / self.vmax).min(self.height - 1));
            for (x, o) in buf[..out_w].iter_mut().enumerate() {
                *o = src[(x * self.h / self.hmax).min(self.width - 1)];
            }
            &buf[..out_w]
        }
    }
}

/// Doubles `n` samples across: each gives two outputs, 3/4 of itself and 1/4 of its
/// left (first) or right (second) neighbour, edges repeating. `shift` and `bias` (even,
/// odd output) undo the weights' scale; the two biases differ so that halves round
/// alternately up and down, as in the common decoders.
fn triangle(n: usize, value: impl Fn(usize) -> u16, shift: u32, bias: [u16; 2], out: &mut [u8]) {
    for (i, pair) in out.chunks_mut(2).enumerate() {
        let c = value(i.min(n - 1));
        let l = value(i.saturating_sub(1).min(n - 1));
        let r = value((i + 1).min(n - 1));
        pair[0] = ((3 * c + l + bias[0]) >> shift) as u8;
        if let Some(o) = pair.get_mut(1) {
            *o = ((3 * c + r + bias[1]) >> shift) as u8;
        }
    }
}

// YCbCr -> RGB (JFIF): R = Y + 1.402 Cr', G = Y - 0.344136 Cb' - 0.714136 Cr',
// B = Y + 1.772 Cb', with Cb' = Cb - 128. The fractional parts times 2^15, rounded, for a
// rounding 16-bit multiply (WebAssembly's `q15mulr`): 1.402 = 1 + 0.402, 1.772 = 1 + 0.772.
const CR_R: i32 = 13173; // 0.402
const CB_G: i32 = 11277; // 0.344136
const CR_G: i32 = 23401; // 0.714136
const CB_B: i32 = 25297; // 0.772

/// `(a * b + 2^14) >> 15`: the rounding Q15 product (never saturates for these inputs).
#[inline(always)]
fn q15(a: i32, b: i32) -> i32 {
    (a * b + 0x4000) >> 15
}

#[inline(always)]
fn ycbcr(y: u8, cb: u8, cr: u8) -> [u8; 3] {
    let (y, cb, cr) = (y as i32, cb as i32 - 128, cr as i32 - 128);
    let c = |v: i32| v.clamp(0, 255) as u8;
    [c(y + cr + q15(cr, CR_R)), c(y - q15(cb, CB_G) - q15(cr, CR_G)), c(y + cb + q15(cb, CB_B))]
}

/// One row of pixels from the component rows (each `out.len() / 4` samples long).
pub fn to_rgba(model: Model, rows: &[&[u8]], out: &mut [u8]) {
    match model {
        Model::Gray => {
            for (o, &v) in out.chunks_exact_mut(4).zip(rows[0]) {
                o.copy_from_slice(&[v, v, v, 255]);
            }
        }
        Model::YCbCr => ycbcr_row(rows[0], rows[1], rows[2], out),
        Model::Rgb => {
            for (i, o) in out.chunks_exact_mut(4).enumerate() {
                o.copy_from_slice(&[rows[0][i], rows[1][i], rows[2][i], 255]);
            }
        }
        Model::Cmyk | Model::Ycck => {
            for (i, o) in out.chunks_exact_mut(4).enumerate() {
                let [c, m, y] = if model == Model::Ycck {
                    // YCbCr of the uninverted inks (Adobe, and libjpeg after it).
                    ycbcr(rows[0][i], rows[1][i], rows[2][i]).map(|v| 255 - v)
                } else {
                    [rows[0][i], rows[1][i], rows[2][i]]
                };
                // Inverted inks: the colour is the paper's share left by ink and black.
                let k = rows[3][i] as u32;
                let mul = |v: u8| crate::pixmap::mul255(v as u32, k) as u8;
                o.copy_from_slice(&[mul(c), mul(m), mul(y), 255]);
            }
        }
    }
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn ycbcr_row(y: &[u8], cb: &[u8], cr: &[u8], out: &mut [u8]) {
    for (i, o) in out.chunks_exact_mut(4).enumerate() {
        let [r, g, b] = ycbcr(y[i], cb[i], cr[i]);
        o.copy_from_slice(&[r, g, b, 255]);
    }
}

/// As the portable `ycbcr_row`, sixteen pixels at a time.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn ycbcr_row(y: &[u8], cb: &[u8], cr: &[u8], out: &mut [u8]) {
    use crate::simd::{load16, store16};
    use core::arch::wasm32::*;
    let n = out.len() / 4;
    let whole = n / 16 * 16;
    let (k_cr_r, k_cb_g, k_cr_g, k_cb_b) =
        (i16x8_splat(CR_R as i16), i16x8_splat(CB_G as i16), i16x8_splat(CR_G as i16), i16x8_splat(CB_B as i16));
    let bias = i16x8_splat(128);
    // Eight pixels' channels as 16-bit values.
    let channels = |y: v128, cb: v128, cr: v128| {
        let cb = i16x8_sub(cb, bias);
        let cr = i16x8_sub(cr, bias);
        let r = i16x8_add(i16x8_add(y, cr), i16x8_q15mulr_sat(cr, k_cr_r));
        let g = i16x8_sub(i16x8_sub(y, i16x8_q15mulr_sat(cb, k_cb_g)), i16x8_q15mulr_sat(cr, k_cr_g));
        let b = i16x8_add(i16x8_add(y, cb), i16x8_q15mulr_sat(cb, k_cb_b));
        (r, g, b)
    };
    let opaque = u8x16_splat(255);
    for i in (0..whole).step_by(16) {
        // In bounds: each component row holds `out.len() / 4` samples (`to_rgba`'s contract,
        // which the decoder keeps: its rows are the image width), and i + 16 <= whole <= that.
        let (vy, vb, vr) = (load16(&y[i..]), load16(&cb[i..]), load16(&cr[i..]));
        let (r0, g0, b0) = channels(u16x8_extend_low_u8x16(vy), u16x8_extend_low_u8x16(vb), u16x8_extend_low_u8x16(vr));
        let (r1, g1, b1) =
            channels(u16x8_extend_high_u8x16(vy), u16x8_extend_high_u8x16(vb), u16x8_extend_high_u8x16(vr));
        // Saturating narrowing clamps to 0-255, as the portable clamp.
        let (r, g, b) = (u8x16_narrow_i16x8(r0, r1), u8x16_narrow_i16x8(g0, g1), u8x16_narrow_i16x8(b0, b1));
        let rg_lo = i8x16_shuffle::<0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23>(r, g);
        let rg_hi = i8x16_shuffle::<8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31>(r, g);
        let ba_lo = i8x16_shuffle::<0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23>(b, opaque);
        let ba_hi = i8x16_shuffle::<8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31>(b, opaque);
        let o = &mut out[i * 4..i * 4 + 64];
        store16(&mut o[0..], i16x8_shuffle::<0, 8, 1, 9, 2, 10, 3, 11>(rg_lo, ba_lo));
        store16(&mut o[16..], i16x8_shuffle::<4, 12, 5, 13, 6, 14, 7, 15>(rg_lo, ba_lo));
        store16(&mut o[32..], i16x8_shuffle::<0, 8, 1, 9, 2, 10, 3, 11>(rg_hi, ba_hi));
        store16(&mut o[48..], i16x8_shuffle::<4, 12, 5, 13, 6, 14, 7, 15>(rg_hi, ba_hi));
    }
    for i in whole..n {
        let [r, g, b] = ycbcr(y[i], cb[i], cr[i]);
        out[i * 4..i * 4 + 4].copy_from_slice(&[r, g, b, 255]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ycbcr_is_within_one_of_the_jfif_formulas() {
        for y in (0..=255).step_by(5) {
            for cb in 0..=255 {
                for cr in (0..=255).step_by(3) {
                    let [r, g, b] = ycbcr(y as u8, cb as u8, cr as u8);
                    let (yf, cbf, crf) = (y as f64, cb as f64 - 128.0, cr as f64 - 128.0);
                    let exact = [yf + 1.402 * crf, yf - 0.344136 * cbf - 0.714136 * crf, yf + 1.772 * cbf];
                    for (got, want) in [r, g, b].into_iter().zip(exact) {
                        let want = want.clamp(0.0, 255.0);
                        assert!((got as f64 - want).abs() <= 1.0, "{y} {cb} {cr}: {got} vs {want}");
                    }
                }
            }
        }
        // The neutral axis stays neutral.
        assert_eq!(ycbcr(77, 128, 128), [77, 77, 77]);
    }

    #[test]
    fn fancy_upsampling_interpolates_three_to_one() {
        let plane = Plane { samples: &[0, 100, 200, 0], stride: 4, width: 3, height: 1, h: 1, hmax: 2, v: 1, vmax: 1 };
        let mut buf = [0u8; 6];
        // 0: (0*3+0+1)/4=0, (0*3+100+2)/4=25; 100: (300+0+1)/4=75, (300+200+2)/4=125;
        // 200: (600+100+1)/4=175, (600+200+2)/4=200.
        assert_eq!(plane.row(0, 6, &mut buf), [0, 25, 75, 125, 175, 200]);
        // Vertically: row 1 of 4:2:0 output mixes chroma rows 0 (3/4) and 1 (1/4).
        let samples = [0, 0, 160, 160];
        let plane = Plane { samples: &samples, stride: 2, width: 2, height: 2, h: 1, hmax: 2, v: 1, vmax: 2 };
        let mut buf = [0u8; 4];
        assert_eq!(plane.row(1, 4, &mut buf), [40, 40, 40, 40]);
        assert_eq!(plane.row(0, 4, &mut buf), [0, 0, 0, 0]);
        assert_eq!(plane.row(3, 4, &mut buf), [160; 4]);
    }
}
