//! Paints and shadows: gradients as shaders over an element's box, and shadows blurred
//! with three box blurs.

use crate::imaging::{Area, Path, Pixmap, Shader};
use crate::poster::layout::{Paint, ShadowPaint};

/// The paint as a shader for a box in device px (gradients span the box).
pub fn shader(paint: &Paint, x: f32, y: f32, w: f32, h: f32) -> Shader {
    let (cx, cy) = (x + w / 2.0, y + h / 2.0);
    match paint {
        Paint::Solid(c) => Shader::Solid(*c),
        Paint::Linear { angle, stops } => {
            let a = (*angle as f64).to_radians();
            let (dx, dy) = (libm::cos(a) as f32, libm::sin(a) as f32);
            // Half the box's extent along the direction, as CSS sizes its gradient line.
            let half = (w * dx.abs() + h * dy.abs()) / 2.0;
            Shader::Linear {
                start: (cx - dx * half, cy - dy * half),
                end: (cx + dx * half, cy + dy * half),
                stops: stops.clone(),
            }
        }
        Paint::Radial { stops } => {
            Shader::Radial { center: (cx, cy), radius: (w * w + h * h).sqrt() / 2.0, stops: stops.clone() }
        }
    }
}

/// `opacity` (0-1) as a byte.
pub fn alpha_of(opacity: f32) -> u8 {
    (opacity.clamp(0.0, 1.0) * 255.0 + 0.5) as u8
}

/// Draws the shadow of `path` (in device px) onto `canvas`: the shape, offset, blurred
/// with three box blurs per axis (within 3% of a Gaussian), in the shadow's colour. Only
/// the shadow's own bounding box (within reach of the canvas) is blurred, never the whole
/// canvas.
pub fn draw_shadow(canvas: &mut Pixmap, path: &Path, shadow: &ShadowPaint, scale: f32, opacity: f32) {
    // CSS: the blur radius is twice the Gaussian's standard deviation.
    let sigma = shadow.blur * scale / 2.0;
    let boxes = box_sizes(sigma);
    let spread: u32 = boxes.iter().map(|b| b / 2 + 1).sum();
    let moved = path.transformed(1.0, shadow.x * scale, shadow.y * scale);
    let s = spread as i32;
    // Pixels up to `spread` beyond the canvas still blur into it.
    let reach = Area { x: -s, y: -s, w: canvas.width() + 2 * spread, h: canvas.height() + 2 * spread };
    let Some(shape) = moved.area_within(reach) else { return };
    let Some(area) =
        (Area { x: shape.x - s, y: shape.y - s, w: shape.w + 2 * spread, h: shape.h + 2 * spread }).intersect(reach)
    else {
        return;
    };
    let mut coverage = moved.coverage(area, false);
    let (w, h) = (area.w as usize, area.h as usize);
    let mut scratch = vec![0u8; w.max(h)];
    for b in boxes {
        blur_rows(&mut coverage.data, w, h, b as usize, &mut scratch);
        blur_columns(&mut coverage.data, w, h, b as usize, &mut scratch);
    }
    Shader::Solid(shadow.color).fill(canvas, &coverage, alpha_of(opacity));
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
}
