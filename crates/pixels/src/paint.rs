//! What a shape is filled with: a colour or a gradient, evaluated per pixel centre in
//! device pixels and laid through the shape's coverage.
//!
//! Gradients interpolate straight (not premultiplied) colour between stops, as CSS and
//! Canvas 2D do, then premultiply. The arithmetic is plain `f32` (no fused or platform
//! maths), so native and wasm give the same bytes.

use super::path::{Coverage, Path};
use super::pixmap::{premultiply, Pixmap};
use crate::Rgba;

/// A fill.
#[derive(Clone, Debug, PartialEq)]
pub enum Shader {
    /// One colour.
    Solid(Rgba),
    /// Colour along the line from `start` to `end`, padded beyond.
    Linear {
        /// Where offset 0 lies.
        start: (f32, f32),
        /// Where offset 1 lies.
        end: (f32, f32),
        /// Offsets (0-1, ascending) and colours.
        stops: Vec<(f32, Rgba)>,
    },
    /// Colour by distance from `center`: offset 1 at `radius`, padded beyond.
    Radial {
        /// Where offset 0 lies.
        center: (f32, f32),
        /// Where offset 1 lies.
        radius: f32,
        /// Offsets (0-1, ascending) and colours.
        stops: Vec<(f32, Rgba)>,
    },
}

impl Shader {
    /// The offset along the gradient at device point (`x`, `y`), or `None` for a colour.
    fn offset_at(&self) -> Option<impl Fn(f32, f32) -> f32 + '_> {
        enum Geometry {
            Line { x0: f32, y0: f32, dx: f32, dy: f32 },
            Circle { cx: f32, cy: f32, inv_r: f32 },
        }
        let g = match self {
            Shader::Solid(_) => return None,
            Shader::Linear { start, end, .. } => {
                let (dx, dy) = (end.0 - start.0, end.1 - start.1);
                let len2 = dx * dx + dy * dy;
                let k = if len2 > 0.0 { 1.0 / len2 } else { 0.0 };
                Geometry::Line { x0: start.0, y0: start.1, dx: dx * k, dy: dy * k }
            }
            Shader::Radial { center, radius, .. } => {
                Geometry::Circle { cx: center.0, cy: center.1, inv_r: if *radius > 0.0 { 1.0 / radius } else { 0.0 } }
            }
        };
        Some(move |x: f32, y: f32| match g {
            Geometry::Line { x0, y0, dx, dy } => (x - x0) * dx + (y - y0) * dy,
            Geometry::Circle { cx, cy, inv_r } => {
                let (u, v) = (x - cx, y - cy);
                (u * u + v * v).sqrt() * inv_r
            }
        })
    }

    fn stops(&self) -> &[(f32, Rgba)] {
        match self {
            Shader::Solid(_) => &[],
            Shader::Linear { stops, .. } | Shader::Radial { stops, .. } => stops,
        }
    }

    /// The premultiplied colour at gradient offset `t`.
    fn color_at(stops: &[(f32, Rgba)], t: f32) -> [u8; 4] {
        let Some(first) = stops.first() else { return [0; 4] };
        // NaN (a degenerate gradient) takes the first colour too.
        if t.is_nan() || t <= first.0 {
            return premultiply(first.1);
        }
        for pair in stops.windows(2) {
            let ((o0, c0), (o1, c1)) = (pair[0], pair[1]);
            if t <= o1 {
                let f = if o1 > o0 { (t - o0) / (o1 - o0) } else { 1.0 };
                let mix = |a: u8, b: u8| (a as f32 + (b as f32 - a as f32) * f + 0.5) as u8;
                return premultiply(Rgba {
                    r: mix(c0.r, c1.r),
                    g: mix(c0.g, c1.g),
                    b: mix(c0.b, c1.b),
                    a: mix(c0.a, c1.a),
                });
            }
        }
        premultiply(stops[stops.len() - 1].1)
    }

    /// Fills `coverage` on `pixmap` with this shader, times `alpha` (0-255).
    pub fn fill(&self, pixmap: &mut Pixmap, coverage: &Coverage, alpha: u8) {
        let a = coverage.area;
        if let Shader::Solid(c) = self {
            pixmap.fill_coverage(a.x, a.y, a.w, &coverage.data, premultiply(*c), alpha);
            return;
        }
        let Some(offset) = self.offset_at() else { return };
        let stops = self.stops();
        // Gradient stops may be translucent: rows are checked.
        pixmap.paint_coverage(a.x, a.y, a.w, &coverage.data, alpha, false, |x, y, n, out| {
            let py = y as f32 + 0.5;
            for (i, px) in out.chunks_exact_mut(4).take(n).enumerate() {
                let t = offset((x + i as i32) as f32 + 0.5, py);
                px.copy_from_slice(&Self::color_at(stops, t));
            }
        });
    }

    /// Fills `path` (non-zero) on `pixmap`, times `alpha`.
    pub fn fill_path(&self, pixmap: &mut Pixmap, path: &Path, alpha: u8) {
        if let Some(area) = path.area_within(pixmap_area(pixmap)) {
            self.fill(pixmap, &path.coverage(area, false), alpha);
        }
    }
}

/// The whole of `pixmap` as an area.
pub fn pixmap_area(pixmap: &Pixmap) -> super::path::Area {
    super::path::Area { x: 0, y: 0, w: pixmap.width(), h: pixmap.height() }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RED: Rgba = Rgba { r: 255, g: 0, b: 0, a: 255 };
    const BLUE: Rgba = Rgba { r: 0, g: 0, b: 255, a: 255 };

    #[test]
    fn a_linear_gradient_is_halfway_at_its_middle_and_padded_beyond() {
        let mut p = Pixmap::new(10, 1).unwrap();
        let s = Shader::Linear { start: (0.0, 0.0), end: (10.0, 0.0), stops: vec![(0.0, RED), (1.0, BLUE)] };
        let all = Path::rect(0.0, 0.0, 10.0, 1.0).unwrap();
        s.fill_path(&mut p, &all, 255);
        // Pixel 4's centre is at 4.5: 45% of the way, rounded.
        assert_eq!(p.pixel(4, 0), [140, 0, 115, 255]);
        let s = Shader::Linear { start: (20.0, 0.0), end: (30.0, 0.0), stops: vec![(0.0, RED), (1.0, BLUE)] };
        s.fill_path(&mut p, &all, 255);
        assert_eq!(p.pixel(9, 0), [255, 0, 0, 255]);
    }

    #[test]
    fn a_radial_gradient_depends_on_distance_only() {
        let mut p = Pixmap::new(21, 21).unwrap();
        let s = Shader::Radial { center: (10.5, 10.5), radius: 10.0, stops: vec![(0.0, RED), (1.0, BLUE)] };
        s.fill_path(&mut p, &Path::rect(0.0, 0.0, 21.0, 21.0).unwrap(), 255);
        assert_eq!(p.pixel(10, 10), [255, 0, 0, 255]);
        assert_eq!(p.pixel(15, 10), p.pixel(10, 15));
        assert_eq!(p.pixel(0, 10), [0, 0, 255, 255]);
    }

    #[test]
    fn translucent_stops_are_interpolated_straight_then_premultiplied() {
        let clear_white = Rgba { r: 255, g: 255, b: 255, a: 0 };
        // Halfway between transparent white and opaque red: straight (255, 128, 128, 128).
        assert_eq!(Shader::color_at(&[(0.0, clear_white), (1.0, RED)], 0.5), [128, 64, 64, 128]);
    }
}
