//! The pixel buffer everything is drawn into: premultiplied RGBA, 8 bits a channel, rows
//! top to bottom. All blending is integer arithmetic, so a pixel comes out the same on
//! every platform and in wasm.

use crate::Rgba;

/// Largest width or height of a pixmap: with 4 bytes a pixel a row stays far below any
/// index limit, and the rasteriser's 24.8 fixed point has room to spare.
pub const MAX_SIDE: u32 = 65_535;

/// An image of premultiplied RGBA pixels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pixmap {
    width: u32,
    height: u32,
    data: Vec<u8>,
}

/// `(a * b) / 255`, rounded, exact for all 8-bit inputs.
#[inline]
pub fn mul255(a: u32, b: u32) -> u32 {
    let t = a * b + 128;
    (t + (t >> 8)) >> 8
}

/// The premultiplied bytes of a straight colour.
pub fn premultiply(c: Rgba) -> [u8; 4] {
    let a = c.a as u32;
    [mul255(c.r as u32, a) as u8, mul255(c.g as u32, a) as u8, mul255(c.b as u32, a) as u8, c.a]
}

impl Pixmap {
    /// A transparent pixmap, or `None` when a side is 0 or above [`MAX_SIDE`], or the
    /// memory cannot be had.
    pub fn new(width: u32, height: u32) -> Option<Pixmap> {
        let len = Self::len_of(width, height)?;
        let mut data = Vec::new();
        data.try_reserve_exact(len).ok()?;
        data.resize(len, 0);
        Some(Pixmap { width, height, data })
    }

    /// Wraps premultiplied RGBA `data` of `width` x `height` pixels; `None` when the
    /// length does not match or a side is out of range.
    pub fn from_vec(data: Vec<u8>, width: u32, height: u32) -> Option<Pixmap> {
        (Self::len_of(width, height)? == data.len()).then_some(Pixmap { width, height, data })
    }

    fn len_of(width: u32, height: u32) -> Option<usize> {
        if width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE {
            return None;
        }
        (width as usize).checked_mul(height as usize)?.checked_mul(4)
    }

    /// Width in pixels.
    pub fn width(&self) -> u32 {
        self.width
    }

    /// Height in pixels.
    pub fn height(&self) -> u32 {
        self.height
    }

    /// The premultiplied RGBA bytes, row by row.
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// See [`Pixmap::data`].
    pub fn data_mut(&mut self) -> &mut [u8] {
        &mut self.data
    }

    /// The bytes, giving up the pixmap.
    pub fn take(self) -> Vec<u8> {
        self.data
    }

    /// The premultiplied RGBA of the pixel at (`x`, `y`); transparent outside.
    pub fn pixel(&self, x: u32, y: u32) -> [u8; 4] {
        if x >= self.width || y >= self.height {
            return [0; 4];
        }
        let i = (y as usize * self.width as usize + x as usize) * 4;
        [self.data[i], self.data[i + 1], self.data[i + 2], self.data[i + 3]]
    }

    /// Whether every pixel is opaque.
    pub fn is_opaque(&self) -> bool {
        // 64 pixels at a time without an early exit inside, so that the loop vectorises.
        let mut chunks = self.data.chunks_exact(256);
        let whole = chunks.by_ref().all(|c| c.chunks_exact(4).fold(255u8, |m, p| m & p[3]) == 255);
        whole && chunks.remainder().chunks_exact(4).all(|p| p[3] == 255)
    }

    /// Every pixel set to `color` (replacing, not blending).
    pub fn fill(&mut self, color: Rgba) {
        let p = premultiply(color);
        for px in self.data.chunks_exact_mut(4) {
            px.copy_from_slice(&p);
        }
    }

    /// Every pixel of the rectangle from (`left`, `top`) to (`right`, `bottom`), edges
    /// excluded, set to the premultiplied `color` (replacing, not blending); the part
    /// outside the pixmap is skipped. (QR modules on whole pixels are written with it.)
    pub fn fill_rect(&mut self, left: i64, top: i64, right: i64, bottom: i64, color: [u8; 4]) {
        let (w, h) = (self.width as i64, self.height as i64);
        let (x0, x1) = (left.clamp(0, w) as usize, right.clamp(0, w) as usize);
        let (y0, y1) = (top.clamp(0, h) as usize, bottom.clamp(0, h) as usize);
        if x0 >= x1 {
            return;
        }
        let stride = w as usize * 4;
        for y in y0..y1 {
            for px in self.data[y * stride + x0 * 4..y * stride + x1 * 4].chunks_exact_mut(4) {
                px.copy_from_slice(&color);
            }
        }
    }

    /// Fills with the opaque `color` every cell of an `n` x `n` grid of `cell` x `cell`
    /// pixel squares, top left at (`x`, `y`), that `rects` cover by the non-zero winding
    /// rule: a QR code's modules, drawn as blocks. A rectangle is `(x0, y0, x1, y1,
    /// direction)`: cells `x0..x1` x `y0..y1` (one not within the grid is ignored),
    /// `direction` +1 for a clockwise contour, -1 for an anticlockwise one. Pixels outside
    /// the pixmap are skipped.
    pub fn fill_cells(
        &mut self,
        x: i64,
        y: i64,
        cell: u32,
        n: usize,
        rects: &[(usize, usize, usize, usize, i32)],
        color: [u8; 4],
    ) {
        let mut winding = vec![0i32; n * n];
        for &(x0, y0, x1, y1, dir) in rects {
            if x0 > x1 || y0 > y1 || x1 > n || y1 > n {
                continue;
            }
            for row in winding[y0 * n..y1 * n].chunks_exact_mut(n) {
                row[x0..x1].iter_mut().for_each(|w| *w += dir);
            }
        }
        let m = cell as i64;
        for (cy, row) in winding.chunks_exact(n.max(1)).enumerate() {
            let top = y + cy as i64 * m;
            let mut cx = 0;
            while cx < n {
                if row[cx] == 0 {
                    cx += 1;
                    continue;
                }
                let run = row[cx..].iter().take_while(|&&w| w != 0).count();
                let left = x + cx as i64 * m;
                self.fill_rect(left, top, left + run as i64 * m, top + m, color);
                cx += run;
            }
        }
    }

    /// A copy of the `w` x `h` rectangle at (`x`, `y`), which must lie inside.
    pub fn crop(&self, x: u32, y: u32, w: u32, h: u32) -> Option<Pixmap> {
        if x.checked_add(w)? > self.width || y.checked_add(h)? > self.height {
            return None;
        }
        let mut out = Pixmap::new(w, h)?;
        let stride = self.width as usize * 4;
        for (row, dst) in out.data.chunks_exact_mut(w as usize * 4).enumerate() {
            let start = (y as usize + row) * stride + x as usize * 4;
            dst.copy_from_slice(&self.data[start..start + w as usize * 4]);
        }
        Some(out)
    }

    /// Source-over of `src` at (`x`, `y`), scaled by `coverage` (one byte a source pixel,
    /// e.g. a clip's anti-aliased edge) and `alpha`. Parts outside are skipped.
    pub fn draw(&mut self, src: &Pixmap, x: i32, y: i32, coverage: Option<&[u8]>, alpha: u8) {
        let (cw, ch) = (self.width as i64, self.height as i64);
        let (sw, sh) = (src.width as i64, src.height as i64);
        let (x0, y0) = ((x as i64).max(0), (y as i64).max(0));
        let (x1, y1) = ((x as i64 + sw).min(cw), (y as i64 + sh).min(ch));
        if x0 >= x1 || y0 >= y1 || alpha == 0 {
            return;
        }
        let n = (x1 - x0) as usize;
        for row in y0..y1 {
            let sy = row - y as i64;
            let s_index = (sy * sw + (x0 - x as i64)) as usize;
            let d_start = ((row * cw + x0) * 4) as usize;
            let cov_row = coverage.and_then(|c| c.get(s_index..s_index + n));
            let s_row = &src.data[s_index * 4..(s_index + n) * 4];
            let d_row = &mut self.data[d_start..d_start + n * 4];
            let whole = cov_row.is_none_or(|c| c.iter().all(|&v| v == 255));
            if whole && alpha == 255 && s_row.chunks_exact(4).all(|p| p[3] == 255) {
                // An opaque row of a photo, unclipped or inside its clip: a plain copy.
                d_row.copy_from_slice(s_row);
                continue;
            }
            for (i, (s, d)) in s_row.chunks_exact(4).zip(d_row.chunks_exact_mut(4)).enumerate() {
                let k = match cov_row {
                    Some(c) => mul255(c[i] as u32, alpha as u32),
                    None => alpha as u32,
                };
                over(d, [s[0], s[1], s[2], s[3]], k);
            }
        }
    }

    /// Source-over of the premultiplied `color` through `coverage`, a `w`-wide mask whose
    /// top left is at (`x`, `y`), times `alpha`. Coverage outside the pixmap is skipped.
    pub fn fill_coverage(&mut self, x: i32, y: i32, w: u32, coverage: &[u8], color: [u8; 4], alpha: u8) {
        // The colour buffer starts at the span's first pixel on every row: fill it once,
        // as far as the widest span so far.
        let mut filled = 0;
        self.paint_coverage(x, y, w, coverage, alpha, color[3] == 255, |_, _, n, out| {
            if n > filled {
                for px in out[filled * 4..n * 4].chunks_exact_mut(4) {
                    px.copy_from_slice(&color);
                }
                filled = n;
            }
        });
    }

    /// As [`Pixmap::fill_coverage`], with the colour of each pixel from `shade(x, y, n,
    /// out)`, which writes `n` premultiplied pixels of row `y` from column `x` into `out`.
    /// `opaque`: every shaded pixel is known to be opaque, so no row needs checking.
    #[allow(clippy::too_many_arguments)]
    pub fn paint_coverage(
        &mut self,
        x: i32,
        y: i32,
        w: u32,
        coverage: &[u8],
        alpha: u8,
        opaque: bool,
        mut shade: impl FnMut(i32, i32, usize, &mut [u8]),
    ) {
        if w == 0 || alpha == 0 {
            return;
        }
        let h = (coverage.len() / w as usize) as i64;
        let (cw, ch) = (self.width as i64, self.height as i64);
        let (x0, y0) = ((x as i64).max(0), (y as i64).max(0));
        let (x1, y1) = ((x as i64 + w as i64).min(cw), (y as i64 + h).min(ch));
        if x0 >= x1 || y0 >= y1 {
            return;
        }
        let n = (x1 - x0) as usize;
        let mut colors = vec![0u8; n * 4];
        for row in y0..y1 {
            let c_start = ((row - y as i64) * w as i64 + (x0 - x as i64)) as usize;
            let cov = &coverage[c_start..c_start + n];
            // Rows of a shape's bounding box that it does not touch (text lines' gaps).
            let Some(first) = cov.iter().position(|&c| c != 0) else { continue };
            let last = cov.iter().rposition(|&c| c != 0).unwrap_or(first);
            let span = last + 1 - first;
            shade(x0 as i32 + first as i32, row as i32, span, &mut colors[..span * 4]);
            let d_start = ((row * cw + x0) as usize + first) * 4;
            let d_row = &mut self.data[d_start..d_start + span * 4];
            let (cov, colors) = (&cov[first..=last], &colors[..span * 4]);
            let opaque = alpha == 255 && (opaque || colors.chunks_exact(4).all(|s| s[3] == 255));
            let mut i = 0;
            while i < span {
                if opaque && cov[i] == 255 {
                    // Inside an opaque fill: the colours themselves, as `over` would give,
                    // copied a run at a time (most of a large shape's pixels).
                    let run = cov[i..].iter().position(|&c| c != 255).unwrap_or(span - i);
                    d_row[i * 4..(i + run) * 4].copy_from_slice(&colors[i * 4..(i + run) * 4]);
                    i += run;
                    continue;
                }
                let k = if alpha == 255 { cov[i] as u32 } else { mul255(cov[i] as u32, alpha as u32) };
                let s = &colors[i * 4..i * 4 + 4];
                over(&mut d_row[i * 4..i * 4 + 4], [s[0], s[1], s[2], s[3]], k);
                i += 1;
            }
        }
    }
}

/// Source-over of premultiplied `s` scaled by `k` (0-255) onto the pixel `d`.
#[inline(always)]
fn over(d: &mut [u8], s: [u8; 4], k: u32) {
    if k == 0 {
        return;
    }
    let [r, g, b, a] = if k == 255 {
        [s[0] as u32, s[1] as u32, s[2] as u32, s[3] as u32]
    } else {
        [mul255(s[0] as u32, k), mul255(s[1] as u32, k), mul255(s[2] as u32, k), mul255(s[3] as u32, k)]
    };
    if a == 255 {
        d.copy_from_slice(&[r as u8, g as u8, b as u8, 255]);
    } else if a > 0 {
        let keep = 255 - a;
        d[0] = (r + mul255(d[0] as u32, keep)) as u8;
        d[1] = (g + mul255(d[1] as u32, keep)) as u8;
        d[2] = (b + mul255(d[2] as u32, keep)) as u8;
        d[3] = (a + mul255(d[3] as u32, keep)) as u8;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mul255_is_exact_rounding() {
        for a in 0..=255u32 {
            for b in 0..=255u32 {
                assert_eq!(mul255(a, b), (a * b + 127) / 255, "{a} * {b}");
            }
        }
    }

    #[test]
    fn half_covered_white_over_black_is_half_grey() {
        let mut p = Pixmap::new(2, 1).unwrap();
        p.fill(Rgba::BLACK);
        p.fill_coverage(0, 0, 2, &[128, 255], [255, 255, 255, 255], 255);
        assert_eq!(p.pixel(0, 0), [128, 128, 128, 255]);
        assert_eq!(p.pixel(1, 0), [255; 4]);
    }

    #[test]
    fn draw_clips_to_the_target_and_blends_translucent_pixels() {
        let mut p = Pixmap::new(3, 3).unwrap();
        let src = Pixmap::from_vec([0, 0, 100, 100].repeat(4), 2, 2).unwrap();
        p.draw(&src, 2, -1, None, 255);
        assert_eq!(p.pixel(2, 0), [0, 0, 100, 100]);
        assert_eq!(p.pixel(1, 0), [0; 4]);
        assert_eq!(p.pixel(2, 1), [0; 4]);
        assert!(Pixmap::from_vec(vec![0; 12], 2, 2).is_none());
        assert!(Pixmap::new(0, 4).is_none() && Pixmap::new(MAX_SIDE + 1, 1).is_none());
    }
}
