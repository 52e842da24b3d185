//! Mask choice, scored exactly as the `qrcode` crate scores it, but on a plain bit grid.
//!
//! The crate's `Canvas::apply_best_mask` spends most of an encode in its penalty scoring
//! (it boxes a closure for every module it looks at): some 1.6 ms for a version-10 code
//! natively, far more in a size-optimised wasm build. Here the same four penalties
//! (ISO/IEC 18004 7.8.3, with the crate's own details: no 5% rounding of the balance
//! penalty, the finder-like rule as it wrote it, u16 arithmetic) are computed over
//! `Vec<bool>` rows by [`share_earn_pixels::qr_penalty`] (built for speed with the pixel
//! loops), so the chosen mask, and hence every module, is the crate's own. The tests
//! compare whole symbols with `QrCode` output over thousands of inputs.

use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::Color;
use share_earn_pixels::qr_penalty::penalty;

/// The eight patterns, in the order the crate tries them (ties go to the first).
const PATTERNS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// Applies each mask to `canvas` (data drawn, functional patterns drawn) and returns the
/// modules of the one with the lowest penalty, `true` = dark.
pub(crate) fn best_masked(canvas: &Canvas, width: usize) -> Vec<bool> {
    let mut best: Option<(u16, Vec<bool>)> = None;
    for pattern in PATTERNS {
        let mut c = canvas.clone();
        c.apply_mask(pattern);
        let dark: Vec<bool> = c.into_colors().into_iter().map(|m| m == Color::Dark).collect();
        let score = penalty(&dark, width);
        if best.as_ref().is_none_or(|(s, _)| score < *s) {
            best = Some((score, dark));
        }
    }
    best.map(|(_, d)| d).unwrap_or_default()
}
