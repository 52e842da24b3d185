//! The inverse DCT of an 8x8 block, in 32-bit integers: the Loeffler-Ligtenberg-Moschytz
//! factorisation (12 multiplications for 8 points) with 13-bit constants, the accuracy of
//! the classic "islow" decoders (within 1 of the exact transform for real JPEG data).
//!
//! The 1-D transform is written once, over a [`Lane`]: one `i32` in the portable build,
//! four in a WebAssembly SIMD vector in the SIMD build. Each lane does the same wrapping
//! integer operations either way, so both builds give the same pixels.
//!
//! Blocks arrive dequantised and transposed (coefficient (u, v) at `u * 8 + v`, u the
//! horizontal frequency): the first pass then runs along u for four v at a time with no
//! shuffling, one transpose follows, and the second pass yields whole output rows.

/// Fractional bits of the constants.
const CONST_BITS: u32 = 13;
/// Extra bits of precision kept between the passes.
const PASS1_BITS: u32 = 2;

// The factorisation's constants x 2^13, rounded (the test derives them from cosines).
const F0_298: i32 = 2446;
const F0_390: i32 = 3196;
const F0_541: i32 = 4433;
const F0_765: i32 = 6270;
const F0_899: i32 = 7373;
const F1_175: i32 = 9633;
const F1_501: i32 = 12299;
const F1_847: i32 = 15137;
const F1_961: i32 = 16069;
const F2_053: i32 = 16819;
const F2_562: i32 = 20995;
const F3_072: i32 = 25172;

/// Integer lanes with wrapping arithmetic (corrupt data must not panic or differ).
trait Lane: Copy {
    fn add(self, o: Self) -> Self;
    fn sub(self, o: Self) -> Self;
    fn mul(self, c: i32) -> Self;
    fn shl(self, n: u32) -> Self;
    /// Adds `bias`, then shifts right arithmetically by `n`.
    fn descale(self, bias: i32, n: u32) -> Self;
    fn zero() -> Self;
}

impl Lane for i32 {
    #[inline(always)]
    fn add(self, o: i32) -> i32 {
        self.wrapping_add(o)
    }
    #[inline(always)]
    fn sub(self, o: i32) -> i32 {
        self.wrapping_sub(o)
    }
    #[inline(always)]
    fn mul(self, c: i32) -> i32 {
        self.wrapping_mul(c)
    }
    #[inline(always)]
    fn shl(self, n: u32) -> i32 {
        self.wrapping_shl(n)
    }
    #[inline(always)]
    fn descale(self, bias: i32, n: u32) -> i32 {
        self.wrapping_add(bias) >> n
    }
    #[inline(always)]
    fn zero() -> i32 {
        0
    }
}

/// The 8-point 1-D inverse DCT of `x` (scaled by 8^0.5 and 2^13, as the passes expect),
/// each output descaled with `bias` and `shift`. With `LOW`, `x[4..]` are taken as zero and
/// the operations on them drop out at compile time; adding and multiplying zeros is exact,
/// so the result is the same as the full transform's.
#[inline(always)]
fn idct8<L: Lane, const LOW: bool>(x: [L; 8], bias: i32, shift: u32) -> [L; 8] {
    let x = if LOW { [x[0], x[1], x[2], x[3], L::zero(), L::zero(), L::zero(), L::zero()] } else { x };
    // Even part: the 4-point IDCT of x0, x2, x4, x6.
    let z1 = x[2].add(x[6]).mul(F0_541);
    let t2 = z1.add(x[6].mul(-F1_847));
    let t3 = z1.add(x[2].mul(F0_765));
    let t0 = x[0].add(x[4]).shl(CONST_BITS);
    let t1 = x[0].sub(x[4]).shl(CONST_BITS);
    let (e0, e3, e1, e2) = (t0.add(t3), t0.sub(t3), t1.add(t2), t1.sub(t2));
    // Odd part: x7, x5, x3, x1 through the rotations.
    let (a0, a1, a2, a3) = (x[7], x[5], x[3], x[1]);
    let (z1, z2, z3, z4) = (a0.add(a3), a1.add(a2), a0.add(a2), a1.add(a3));
    let z5 = z3.add(z4).mul(F1_175);
    let (a0, a1, a2, a3) = (a0.mul(F0_298), a1.mul(F2_053), a2.mul(F3_072), a3.mul(F1_501));
    let (z1, z2) = (z1.mul(-F0_899), z2.mul(-F2_562));
    let z3 = z3.mul(-F1_961).add(z5);
    let z4 = z4.mul(-F0_390).add(z5);
    let o0 = a0.add(z1).add(z3);
    let o1 = a1.add(z2).add(z4);
    let o2 = a2.add(z2).add(z3);
    let o3 = a3.add(z1).add(z4);
    let d = |v: L| v.descale(bias, shift);
    [
        d(e0.add(o3)),
        d(e1.add(o2)),
        d(e2.add(o1)),
        d(e3.add(o0)),
        d(e3.sub(o0)),
        d(e2.sub(o1)),
        d(e1.sub(o2)),
        d(e0.sub(o3)),
    ]
}

const PASS1_SHIFT: u32 = CONST_BITS - PASS1_BITS;
const PASS1_BIAS: i32 = 1 << (PASS1_SHIFT - 1);
/// The second pass also divides by 8 (the 2-D normalisation) and adds the level shift.
const PASS2_SHIFT: u32 = CONST_BITS + PASS1_BITS + 3;
const PASS2_BIAS: i32 = (1 << (PASS2_SHIFT - 1)) + (128 << PASS2_SHIFT);

/// The pixel value of a block whose only non-zero coefficient is the (dequantised) DC:
/// what [`idct`] computes for it, without the other 63 zeros.
#[inline]
pub fn dc_only(dc: i32) -> u8 {
    let row = dc.shl(CONST_BITS).descale(PASS1_BIAS, PASS1_SHIFT);
    row.shl(CONST_BITS).descale(PASS2_BIAS, PASS2_SHIFT).clamp(0, 255) as u8
}

/// The 8x8 pixels of the dequantised, transposed `block`, into `out` (row `y` at
/// `y * stride`), clamped to 0-255. `low`: every non-zero coefficient has u < 4 and v < 4
/// (a hint: the SIMD build then does a third of the work; the result is the same).
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
pub fn idct(block: &[i32; 64], out: &mut [u8], stride: usize, _low: bool) {
    let mut mid = [0i32; 64]; // mid[x * 8 + v]: pass 1 output for column x, frequency v
    for v in 0..8 {
        let x: [i32; 8] = std::array::from_fn(|u| block[u * 8 + v]);
        let r = if x[1..].iter().all(|&c| c == 0) {
            // Only the DC term along u: the same value for every x (computed as `idct8`
            // does it, so that corrupt, overflowing input gives the same bytes too).
            [x[0].shl(CONST_BITS).descale(PASS1_BIAS, PASS1_SHIFT); 8]
        } else {
            idct8::<_, false>(x, PASS1_BIAS, PASS1_SHIFT)
        };
        for (xx, val) in r.into_iter().enumerate() {
            mid[xx * 8 + v] = val;
        }
    }
    for xx in 0..8 {
        let col: [i32; 8] = std::array::from_fn(|v| mid[xx * 8 + v]);
        let r = idct8::<_, false>(col, PASS2_BIAS, PASS2_SHIFT);
        for (y, val) in r.into_iter().enumerate() {
            out[y * stride + xx] = val.clamp(0, 255) as u8;
        }
    }
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
pub use simd::idct;

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd {
    use super::*;
    use core::arch::wasm32::*;

    #[derive(Clone, Copy)]
    struct V(v128);

    impl Lane for V {
        #[inline(always)]
        fn add(self, o: V) -> V {
            V(i32x4_add(self.0, o.0))
        }
        #[inline(always)]
        fn sub(self, o: V) -> V {
            V(i32x4_sub(self.0, o.0))
        }
        #[inline(always)]
        fn mul(self, c: i32) -> V {
            V(i32x4_mul(self.0, i32x4_splat(c)))
        }
        #[inline(always)]
        fn shl(self, n: u32) -> V {
            V(i32x4_shl(self.0, n))
        }
        #[inline(always)]
        fn descale(self, bias: i32, n: u32) -> V {
            V(i32x4_shr(i32x4_add(self.0, i32x4_splat(bias)), n))
        }
        #[inline(always)]
        fn zero() -> V {
            V(i32x4_splat(0))
        }
    }

    #[inline(always)]
    fn load(block: &[i32; 64], at: usize) -> V {
        // Through a fixed-size array: no bounds check between the lanes, so one load. Cannot
        // fail: `at` is u * 8 + 0 or 4 with u < 8, so `at + 4 <= 64` and the slice has 4.
        let b: &[i32; 4] = block[at..at + 4].try_into().expect("4 of 64");
        V(i32x4(b[0], b[1], b[2], b[3]))
    }

    /// Transposes the 4x4 block of lanes `r`.
    #[inline(always)]
    fn transpose4(r: [V; 4]) -> [V; 4] {
        let t0 = i32x4_shuffle::<0, 4, 1, 5>(r[0].0, r[1].0);
        let t1 = i32x4_shuffle::<2, 6, 3, 7>(r[0].0, r[1].0);
        let t2 = i32x4_shuffle::<0, 4, 1, 5>(r[2].0, r[3].0);
        let t3 = i32x4_shuffle::<2, 6, 3, 7>(r[2].0, r[3].0);
        [
            V(i64x2_shuffle::<0, 2>(t0, t2)),
            V(i64x2_shuffle::<1, 3>(t0, t2)),
            V(i64x2_shuffle::<0, 2>(t1, t3)),
            V(i64x2_shuffle::<1, 3>(t1, t3)),
        ]
    }

    /// As the portable `idct`, four lanes at a time.
    pub fn idct(block: &[i32; 64], out: &mut [u8], stride: usize, low: bool) {
        if low {
            idct_lanes::<true>(block, out, stride)
        } else {
            idct_lanes::<false>(block, out, stride)
        }
    }

    #[inline(always)]
    fn idct_lanes<const LOW: bool>(block: &[i32; 64], out: &mut [u8], stride: usize) {
        let z = V::zero();
        // Pass 1 along u: a[x] holds (x, v = 0-3), b[x] holds (x, v = 4-7).
        let a = idct8::<V, LOW>(
            std::array::from_fn(|u| if LOW && u >= 4 { z } else { load(block, u * 8) }),
            PASS1_BIAS,
            PASS1_SHIFT,
        );
        let b = if LOW {
            [z; 8]
        } else {
            idct8::<V, false>(std::array::from_fn(|u| load(block, u * 8 + 4)), PASS1_BIAS, PASS1_SHIFT)
        };
        // Transposed: columns x = 0-3 and 4-7, each as eight vectors over v.
        let (a0, a1) = (transpose4([a[0], a[1], a[2], a[3]]), transpose4([a[4], a[5], a[6], a[7]]));
        let (b0, b1) = if LOW {
            ([z; 4], [z; 4])
        } else {
            (transpose4([b[0], b[1], b[2], b[3]]), transpose4([b[4], b[5], b[6], b[7]]))
        };
        // Pass 2 along v: outputs are rows y, four x at a time.
        let lo = idct8::<V, LOW>([a0[0], a0[1], a0[2], a0[3], b0[0], b0[1], b0[2], b0[3]], PASS2_BIAS, PASS2_SHIFT);
        let hi = idct8::<V, LOW>([a1[0], a1[1], a1[2], a1[3], b1[0], b1[1], b1[2], b1[3]], PASS2_BIAS, PASS2_SHIFT);
        for y in 0..8 {
            // The saturating narrowings clamp to 0-255, as the portable build's clamp.
            let w = i16x8_narrow_i32x4(lo[y].0, hi[y].0);
            let b = u8x16_narrow_i16x8(w, w);
            out[y * stride..y * stride + 8].copy_from_slice(&u64x2_extract_lane::<0>(b).to_le_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_are_the_cosines_of_the_factorisation() {
        let c = |k: f64| (k * std::f64::consts::PI / 16.0).cos();
        let r2 = std::f64::consts::SQRT_2;
        let fix = |x: f64| (x * 8192.0).round() as i32;
        assert_eq!(F0_541, fix(r2 * c(6.0)));
        assert_eq!(F0_765, fix(r2 * (c(2.0) - c(6.0))));
        assert_eq!(F1_847, fix(r2 * (c(2.0) + c(6.0))));
        assert_eq!(F1_175, fix(r2 * c(3.0)));
        assert_eq!(F0_298, fix(r2 * (-c(1.0) + c(3.0) + c(5.0) - c(7.0))));
        assert_eq!(F2_053, fix(r2 * (c(1.0) + c(3.0) - c(5.0) + c(7.0))));
        assert_eq!(F3_072, fix(r2 * (c(1.0) + c(3.0) + c(5.0) - c(7.0))));
        assert_eq!(F1_501, fix(r2 * (c(1.0) + c(3.0) - c(5.0) - c(7.0))));
        assert_eq!(F0_899, fix(r2 * (c(3.0) - c(7.0))));
        assert_eq!(F2_562, fix(r2 * (c(1.0) + c(3.0))));
        assert_eq!(F1_961, fix(r2 * (c(3.0) + c(5.0))));
        assert_eq!(F0_390, fix(r2 * (c(3.0) - c(5.0))));
    }

    /// T.81 A.3.3, computed in floating point, level-shifted and rounded.
    fn reference(block: &[i32; 64]) -> [f64; 64] {
        let c = |k: usize| if k == 0 { std::f64::consts::FRAC_1_SQRT_2 } else { 1.0 };
        let mut out = [0.0; 64];
        for y in 0..8 {
            for x in 0..8 {
                let mut s = 0.0;
                for v in 0..8 {
                    for u in 0..8 {
                        let f = block[u * 8 + v] as f64; // transposed, as `idct` takes it
                        s += c(u)
                            * c(v)
                            * f
                            * (((2 * x + 1) as f64 * u as f64 * std::f64::consts::PI) / 16.0).cos()
                            * (((2 * y + 1) as f64 * v as f64 * std::f64::consts::PI) / 16.0).cos();
                    }
                }
                out[y * 8 + x] = (s / 4.0 + 128.0).clamp(0.0, 255.0);
            }
        }
        out
    }

    #[test]
    fn within_one_of_the_exact_transform() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut worst = 0.0f64;
        for round in 0..2000 {
            // Photo-like blocks: large low frequencies, small and sparse high ones.
            let mut block = [0i32; 64];
            for (i, c) in block.iter_mut().enumerate() {
                let (u, v) = (i / 8, i % 8);
                let range = 1024 >> (u + v).min(9);
                let r = next();
                if round % 3 == 0 || r % 4 == 0 || u + v < 3 {
                    *c = (r >> 8) as i32 % (2 * range + 1) - range;
                }
            }
            let mut out = [0u8; 64];
            idct(&block, &mut out, 8, false);
            for (got, want) in out.iter().zip(reference(&block)) {
                worst = worst.max((*got as f64 - want).abs());
            }
        }
        assert!(worst <= 1.0, "largest error {worst}");
    }

    #[test]
    fn dc_only_matches_the_full_transform() {
        for dc in (-2048..2048).step_by(7).chain([i32::MIN / 4, i32::MAX / 4]) {
            let mut block = [0; 64];
            block[0] = dc;
            let mut out = [0u8; 64];
            idct(&block, &mut out, 8, false);
            assert!(out.iter().all(|&p| p == dc_only(dc)), "dc {dc}");
        }
    }
}
