//! Paths and paints: rounded rectangles with a radius per corner, gradients as tiny-skia
//! shaders, and shadows blurred with three box blurs.

use crate::poster::layout::{to_color, Paint, ShadowPaint};
use crate::poster::template::Corners;
use tiny_skia::{self as sk, Path, PathBuilder, Pixmap, PixmapPaint, Point, Shader, Transform};

/// Cubic approximation of a quarter circle: the control points sit this fraction of the
/// radius from the ends.
const KAPPA: f32 = 0.552_284_8;

/// A rectangle with rounded corners (radii clockwise from the top left), scaled down
/// together when adjacent radii would overlap, as CSS does. `None` for an empty box.
pub fn rounded_rect(x: f32, y: f32, w: f32, h: f32, radius: Corners) -> Option<Path> {
    if !(w > 0.0 && h > 0.0 && x.is_finite() && y.is_finite()) {
        return None;
    }
    let [tl, tr, br, bl] = radius.map(|r| r.max(0.0));
    let sums = [(tl + tr, w), (tr + br, h), (br + bl, w), (bl + tl, h)];
    let f = sums.iter().filter(|(s, _)| *s > 0.0).map(|(s, side)| side / s).fold(1.0f32, f32::min);
    let [tl, tr, br, bl] = [tl * f, tr * f, br * f, bl * f];
    if tl + tr + br + bl == 0.0 {
        return Some(PathBuilder::from_rect(sk::Rect::from_xywh(x, y, w, h)?));
    }
    let (r, b) = (x + w, y + h);
    let mut p = PathBuilder::new();
    p.move_to(x + tl, y);
    p.line_to(r - tr, y);
    p.cubic_to(r - tr + tr * KAPPA, y, r, y + tr - tr * KAPPA, r, y + tr);
    p.line_to(r, b - br);
    p.cubic_to(r, b - br + br * KAPPA, r - br + br * KAPPA, b, r - br, b);
    p.line_to(x + bl, b);
    p.cubic_to(x + bl - bl * KAPPA, b, x, b - bl + bl * KAPPA, x, b - bl);
    p.line_to(x, y + tl);
    p.cubic_to(x, y + tl - tl * KAPPA, x + tl - tl * KAPPA, y, x + tl, y);
    p.close();
    p.finish()
}

/// An ellipse inscribed in the box.
pub fn ellipse(x: f32, y: f32, w: f32, h: f32) -> Option<Path> {
    PathBuilder::from_oval(sk::Rect::from_xywh(x, y, w, h)?)
}

/// The paint as a shader for a box (gradients span the box).
pub fn shader(paint: &Paint, x: f32, y: f32, w: f32, h: f32) -> Shader<'static> {
    let stops = |s: &[(f32, crate::qr::Rgba)]| -> Vec<sk::GradientStop> {
        s.iter().map(|(o, c)| sk::GradientStop::new(*o, to_color(*c))).collect()
    };
    let (cx, cy) = (x + w / 2.0, y + h / 2.0);
    let fallback =
        |s: &[(f32, crate::qr::Rgba)]| Shader::SolidColor(s.first().map_or(sk::Color::BLACK, |c| to_color(c.1)));
    match paint {
        Paint::Solid(c) => Shader::SolidColor(to_color(*c)),
        Paint::Linear { angle, stops: s } => {
            let a = (*angle as f64).to_radians();
            let (dx, dy) = (libm::cos(a) as f32, libm::sin(a) as f32);
            // Half the box's extent along the direction, as CSS sizes its gradient line.
            let half = (w * dx.abs() + h * dy.abs()) / 2.0;
            let start = Point::from_xy(cx - dx * half, cy - dy * half);
            let end = Point::from_xy(cx + dx * half, cy + dy * half);
            sk::LinearGradient::new(start, end, stops(s), sk::SpreadMode::Pad, Transform::identity())
                .unwrap_or_else(|| fallback(s))
        }
        Paint::Radial { stops: s } => {
            let radius = (w * w + h * h).sqrt() / 2.0;
            sk::RadialGradient::new(
                Point::from_xy(cx, cy),
                0.0,
                Point::from_xy(cx, cy),
                radius,
                stops(s),
                sk::SpreadMode::Pad,
                Transform::identity(),
            )
            .unwrap_or_else(|| fallback(s))
        }
    }
}

/// Draws the shadow of `path` (in device px) onto `canvas`: the shape, offset, blurred
/// with three box blurs per axis (within 3% of a Gaussian), in the shadow's colour. Only
/// the shadow's own bounding box is blurred, never the whole canvas.
pub fn draw_shadow(canvas: &mut Pixmap, path: &Path, shadow: &ShadowPaint, scale: f32, opacity: f32) {
    // CSS: the blur radius is twice the Gaussian's standard deviation.
    let sigma = shadow.blur * scale / 2.0;
    let boxes = box_sizes(sigma);
    let spread: u32 = boxes.iter().map(|b| b / 2 + 1).sum();
    let bounds = path.bounds();
    let left = (bounds.left() + shadow.x * scale).floor() as i32 - spread as i32;
    let top = (bounds.top() + shadow.y * scale).floor() as i32 - spread as i32;
    let w = (bounds.width().ceil() as u32).saturating_add(2 * spread + 2);
    let h = (bounds.height().ceil() as u32).saturating_add(2 * spread + 2);
    let Some(mut mask) = sk::Mask::new(w, h) else { return };
    let shift = Transform::from_translate(shadow.x * scale - left as f32, shadow.y * scale - top as f32);
    mask.fill_path(path, sk::FillRule::Winding, true, shift);
    let data = mask.data_mut();
    let mut scratch = vec![0u8; w.max(h) as usize];
    for b in boxes {
        blur_rows(data, w as usize, h as usize, b as usize, &mut scratch);
        blur_columns(data, w as usize, h as usize, b as usize, &mut scratch);
    }
    let Some(mut layer) = Pixmap::new(w, h) else { return };
    let c = shadow.color;
    let alpha = c.a as f32 * opacity;
    for (px, &m) in layer.pixels_mut().iter_mut().zip(mask.data()) {
        let a = (m as f32 * alpha / 255.0 + 0.5) as u8;
        let pm = |v: u8| ((v as u32 * a as u32 + 127) / 255) as u8;
        if let Some(p) = sk::PremultipliedColorU8::from_rgba(pm(c.r), pm(c.g), pm(c.b), a) {
            *px = p;
        }
    }
    canvas.draw_pixmap(left, top, layer.as_ref(), &PixmapPaint::default(), Transform::identity(), None);
}

/// Widths of three box blurs that together approximate a Gaussian of `sigma` (the
/// standard construction: boxes of width wl or wl + 2 whose variances sum to sigma²).
fn box_sizes(sigma: f32) -> [u32; 3] {
    if sigma < 0.5 {
        return [1, 1, 1];
    }
    let n = 3.0;
    let ideal = (12.0 * sigma * sigma / n + 1.0).sqrt();
    let mut wl = ideal.floor() as i64;
    if wl % 2 == 0 {
        wl -= 1;
    }
    let wu = wl + 2;
    let m = ((12.0 * sigma * sigma - n * (wl * wl) as f32 - 4.0 * n * wl as f32 - 3.0 * n) / (-4.0 * wl as f32 - 4.0))
        .round();
    let size = |i: f32| (if i < m { wl } else { wu }).clamp(1, 4001) as u32;
    [size(0.0), size(1.0), size(2.0)]
}

/// One pass of a centred box blur of odd `width` over each row (edges read as zero).
fn blur_rows(data: &mut [u8], w: usize, h: usize, width: usize, scratch: &mut [u8]) {
    if width <= 1 {
        return;
    }
    for row in data.chunks_exact_mut(w).take(h) {
        blur_line(row.iter().copied(), w, width, scratch);
        row.copy_from_slice(&scratch[..w]);
    }
}

fn blur_columns(data: &mut [u8], w: usize, h: usize, width: usize, scratch: &mut [u8]) {
    if width <= 1 {
        return;
    }
    for x in 0..w {
        blur_line(data.iter().skip(x).step_by(w).copied(), h, width, scratch);
        for (y, v) in scratch[..h].iter().enumerate() {
            data[y * w + x] = *v;
        }
    }
}

/// Running-sum box filter of one line into `out`.
fn blur_line(line: impl Iterator<Item = u8> + Clone, len: usize, width: usize, out: &mut [u8]) {
    let r = width / 2;
    let values: Vec<u32> = line.map(u32::from).collect();
    let at = |i: isize| if i >= 0 && (i as usize) < len { values[i as usize] } else { 0 };
    let mut sum: u32 = (0..=r as isize).map(at).sum();
    let div = width as u32;
    for (i, slot) in out.iter_mut().enumerate().take(len) {
        *slot = ((sum + div / 2) / div) as u8;
        let i = i as isize;
        sum = sum + at(i + r as isize + 1) - at(i - r as isize);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn box_blur_variances_sum_to_sigma_squared() {
        // Each box of odd width w adds (w² - 1) / 12 to the variance. Below sigma 2 odd
        // widths are too coarse to come within 15% (sigma 1 gets widths 1, 1, 3).
        for sigma in [2.0f32, 2.5, 6.0, 12.0, 40.0] {
            let v: f32 = box_sizes(sigma).iter().map(|&w| ((w * w) as f32 - 1.0) / 12.0).sum();
            assert!((v.sqrt() - sigma).abs() / sigma < 0.15, "sigma {sigma}: {v}");
        }
    }

    #[test]
    fn a_box_blur_keeps_the_total_and_spreads_evenly() {
        let mut out = [0u8; 9];
        blur_line([0u8, 0, 0, 0, 255, 0, 0, 0, 0].into_iter(), 9, 3, &mut out);
        assert_eq!(out, [0, 0, 0, 85, 85, 85, 0, 0, 0]);
    }

    #[test]
    fn radii_that_overlap_are_scaled_down_together() {
        let p = rounded_rect(0.0, 0.0, 100.0, 40.0, [40.0; 4]).unwrap();
        let b = p.bounds();
        assert_eq!((b.width(), b.height()), (100.0, 40.0));
        assert!(rounded_rect(0.0, 0.0, 0.0, 10.0, [0.0; 4]).is_none());
    }
}
