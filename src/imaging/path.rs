//! Vector shapes in device pixels and their anti-aliased coverage, rasterised by `zeno`
//! (exact-area coverage, 256 levels, as font rasterisers compute it).
//!
//! zeno works in 24.8 fixed point and multiplies a segment's extent by 256 as it walks it,
//! so a segment must stay well under 32,768 px long. Paths that reach far outside the area
//! being drawn (a template may place a shape 100,000 px away) are therefore flattened and
//! clipped to that area first, in a way that keeps the non-zero winding of every pixel
//! inside it: what lies above or below is dropped, what lies left or right is moved onto
//! the area's edge.

use zeno::{Command, Fill, Mask, PathBuilder, Point};

pub use zeno::{Cap, Stroke};

/// Cubic approximation of a quarter circle: the control points sit this fraction of the
/// radius from the ends.
const KAPPA: f32 = 0.552_284_8;

/// How far outside the drawn area a path may reach and still go to zeno as it is.
const GUARD: f32 = 256.0;

/// Largest side rasterised in one go: with the guard, segments stay under 17,000 px.
const TILE: u32 = 16_384;

/// A path of lines and curves, in device pixels.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Path(pub Vec<Command>);

/// An axis-aligned rectangle of whole pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Area {
    /// Left edge.
    pub x: i32,
    /// Top edge.
    pub y: i32,
    /// Width.
    pub w: u32,
    /// Height.
    pub h: u32,
}

impl Area {
    /// The part of `self` inside `other`, if any.
    pub fn intersect(self, other: Area) -> Option<Area> {
        let x0 = self.x.max(other.x) as i64;
        let y0 = self.y.max(other.y) as i64;
        let x1 = (self.x as i64 + self.w as i64).min(other.x as i64 + other.w as i64);
        let y1 = (self.y as i64 + self.h as i64).min(other.y as i64 + other.h as i64);
        (x1 > x0 && y1 > y0).then(|| Area { x: x0 as i32, y: y0 as i32, w: (x1 - x0) as u32, h: (y1 - y0) as u32 })
    }
}

/// Coverage of a shape over an [`Area`]: one byte a pixel, 0 (outside) to 255 (inside).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coverage {
    /// Where the bytes lie.
    pub area: Area,
    /// `area.w` x `area.h` bytes, row by row.
    pub data: Vec<u8>,
}

impl Path {
    /// Starts a contour.
    pub fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to((x, y));
    }

    /// A straight segment.
    pub fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to((x, y));
    }

    /// A quadratic Bézier segment.
    pub fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.quad_to((x1, y1), (x, y));
    }

    /// A cubic Bézier segment.
    pub fn cubic_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.curve_to((x1, y1), (x2, y2), (x, y));
    }

    /// Closes the contour.
    pub fn close(&mut self) {
        self.0.close();
    }

    /// Whether there is nothing to draw.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Appends the contours of `other`.
    pub fn push_path(&mut self, other: &Path) {
        self.0.extend_from_slice(&other.0);
    }

    /// A rectangle (clockwise), or `None` when empty or not finite.
    pub fn rect(x: f32, y: f32, w: f32, h: f32) -> Option<Path> {
        Path::rounded_rect(x, y, w, h, [0.0; 4])
    }

    /// A rectangle with rounded corners (radii clockwise from the top left), scaled down
    /// together when adjacent radii would overlap, as CSS does. `None` when empty or not
    /// finite.
    pub fn rounded_rect(x: f32, y: f32, w: f32, h: f32, radius: [f32; 4]) -> Option<Path> {
        if !(w > 0.0 && h > 0.0 && x.is_finite() && y.is_finite() && w.is_finite() && h.is_finite()) {
            return None;
        }
        let [tl, tr, br, bl] = radius.map(|r| if r.is_finite() { r.max(0.0) } else { 0.0 });
        let sums = [(tl + tr, w), (tr + br, h), (br + bl, w), (bl + tl, h)];
        let f = sums.iter().filter(|(s, _)| *s > 0.0).map(|(s, side)| side / s).fold(1.0f32, f32::min);
        let [tl, tr, br, bl] = [tl * f, tr * f, br * f, bl * f];
        let (r, b) = (x + w, y + h);
        let mut p = Path::default();
        p.move_to(x + tl, y);
        p.line_to(r - tr, y);
        if tr > 0.0 {
            p.cubic_to(r - tr + tr * KAPPA, y, r, y + tr - tr * KAPPA, r, y + tr);
        }
        p.line_to(r, b - br);
        if br > 0.0 {
            p.cubic_to(r, b - br + br * KAPPA, r - br + br * KAPPA, b, r - br, b);
        }
        p.line_to(x + bl, b);
        if bl > 0.0 {
            p.cubic_to(x + bl - bl * KAPPA, b, x, b - bl + bl * KAPPA, x, b - bl);
        }
        p.line_to(x, y + tl);
        if tl > 0.0 {
            p.cubic_to(x, y + tl - tl * KAPPA, x + tl - tl * KAPPA, y, x + tl, y);
        }
        p.close();
        Some(p)
    }

    /// The ellipse inscribed in the box, or `None` when empty or not finite.
    pub fn ellipse(x: f32, y: f32, w: f32, h: f32) -> Option<Path> {
        Path::rounded_rect(x, y, w, h, [w.max(h); 4])
    }

    /// Every point mapped to `(x * scale + dx, y * scale + dy)`.
    pub fn transformed(&self, scale: f32, dx: f32, dy: f32) -> Path {
        let m = |p: Point| Point::new(p.x * scale + dx, p.y * scale + dy);
        Path(
            self.0
                .iter()
                .map(|c| match *c {
                    Command::MoveTo(p) => Command::MoveTo(m(p)),
                    Command::LineTo(p) => Command::LineTo(m(p)),
                    Command::QuadTo(a, p) => Command::QuadTo(m(a), m(p)),
                    Command::CurveTo(a, b, p) => Command::CurveTo(m(a), m(b), m(p)),
                    Command::Close => Command::Close,
                })
                .collect(),
        )
    }

    /// The outline of this path stroked with `stroke`, as a path to fill (non-zero).
    pub fn stroked(&self, stroke: &Stroke) -> Path {
        let mut out = Vec::with_capacity(self.0.len() * 4);
        zeno::apply(&self.0, *stroke, None, &mut out);
        Path(out)
    }

    /// The box of every point, control points included: `(left, top, right, bottom)`.
    pub fn bounds(&self) -> Option<(f32, f32, f32, f32)> {
        let mut b = (f32::INFINITY, f32::INFINITY, f32::NEG_INFINITY, f32::NEG_INFINITY);
        let mut add = |p: &Point| b = (b.0.min(p.x), b.1.min(p.y), b.2.max(p.x), b.3.max(p.y));
        for c in &self.0 {
            match c {
                Command::MoveTo(p) | Command::LineTo(p) => add(p),
                Command::QuadTo(a, p) => {
                    add(a);
                    add(p);
                }
                Command::CurveTo(a, c, p) => {
                    add(a);
                    add(c);
                    add(p);
                }
                Command::Close => {}
            }
        }
        (b.0 <= b.2 && b.1 <= b.3 && b.0.is_finite() && b.1.is_finite() && b.2.is_finite() && b.3.is_finite())
            .then_some(b)
    }

    /// The whole pixels the path may touch, within `limit`.
    pub fn area_within(&self, limit: Area) -> Option<Area> {
        let (l, t, r, b) = self.bounds()?;
        let clamp = |v: f32| v.clamp(-1e9, 1e9) as i64;
        let (x0, y0) = (clamp(l.floor()), clamp(t.floor()));
        let (x1, y1) = (clamp(r.ceil()), clamp(b.ceil()));
        let inside = |v: i64| v.clamp(i32::MIN as i64, i32::MAX as i64) as i32;
        let w = (x1 - x0).clamp(0, u32::MAX as i64) as u32;
        let h = (y1 - y0).clamp(0, u32::MAX as i64) as u32;
        Area { x: inside(x0), y: inside(y0), w, h }.intersect(limit)
    }

    /// The anti-aliased coverage of the path filled with the non-zero rule (or even-odd
    /// with `even_odd`) over `area`.
    pub fn coverage(&self, area: Area, even_odd: bool) -> Coverage {
        let mut data = vec![0u8; area.w as usize * area.h as usize];
        let fill = if even_odd { Fill::EvenOdd } else { Fill::NonZero };
        // Tiles small enough for zeno's fixed point (see the module's docs).
        for ty in (0..area.h).step_by(TILE as usize) {
            for tx in (0..area.w).step_by(TILE as usize) {
                let tile = Area {
                    x: (area.x as i64 + tx as i64) as i32,
                    y: (area.y as i64 + ty as i64) as i32,
                    w: (area.w - tx).min(TILE),
                    h: (area.h - ty).min(TILE),
                };
                let one = area.w == tile.w && area.h == tile.h;
                let mut part = if one { std::mem::take(&mut data) } else { vec![0u8; tile.w as usize * tile.h as usize] };
                self.render_tile(tile, fill, &mut part);
                if one {
                    data = part;
                } else {
                    for (row, src) in part.chunks_exact(tile.w as usize).enumerate() {
                        let start = (ty as usize + row) * area.w as usize + tx as usize;
                        data[start..start + src.len()].copy_from_slice(src);
                    }
                }
            }
        }
        Coverage { area, data }
    }

    fn render_tile(&self, tile: Area, fill: Fill, out: &mut [u8]) {
        let shift = (-(tile.x as f32), -(tile.y as f32));
        let near = self.bounds().is_some_and(|(l, t, r, b)| {
            l >= tile.x as f32 - GUARD
                && t >= tile.y as f32 - GUARD
                && r <= (tile.x as i64 + tile.w as i64) as f32 + GUARD
                && b <= (tile.y as i64 + tile.h as i64) as f32 + GUARD
        });
        if near {
            Mask::new(&self.0).style(fill).size(tile.w, tile.h).offset(shift).render_into(out, None);
        } else {
            let clipped = clip_to(&self.0, tile);
            Mask::new(&clipped).style(fill).size(tile.w, tile.h).offset(shift).render_into(out, None);
        }
    }
}

/// `commands` flattened to lines and clamped into `area` (grown by one pixel), keeping
/// every pixel's winding inside it. Each segment is split where it crosses the box's
/// edges and every point clamped into the box: a piece above or below becomes horizontal
/// (it adds no cover), a piece to the left becomes vertical on the left edge (it adds the
/// same cover to every pixel right of it), a piece to the right lands beyond the area.
/// Clamping is continuous, so contours stay closed.
fn clip_to(commands: &[Command], area: Area) -> Vec<Command> {
    let lo = Point::new(area.x as f32 - 1.0, area.y as f32 - 1.0);
    let hi = Point::new((area.x as i64 + area.w as i64) as f32 + 1.0, (area.y as i64 + area.h as i64) as f32 + 1.0);
    let clamp = |p: Point| Point::new(p.x.clamp(lo.x, hi.x), p.y.clamp(lo.y, hi.y));
    let line = |out: &mut Vec<Command>, a: Point, b: Point| {
        let mut cuts = [1.0f32; 5];
        let mut n = 0;
        for (from, to, edge) in [(a.x, b.x, lo.x), (a.x, b.x, hi.x), (a.y, b.y, lo.y), (a.y, b.y, hi.y)] {
            if (from - edge) * (to - edge) < 0.0 {
                cuts[n] = (edge - from) / (to - from);
                n += 1;
            }
        }
        let cuts = &mut cuts[..n + 1];
        cuts.sort_by(f32::total_cmp);
        for &t in cuts.iter() {
            let p = if t >= 1.0 { b } else { Point::new(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t) };
            out.push(Command::LineTo(clamp(p)));
        }
    };
    let mut out: Vec<Command> = Vec::new();
    let mut start = Point::ZERO;
    let mut pen = Point::ZERO;
    for c in commands {
        match *c {
            Command::MoveTo(p) => {
                start = p;
                pen = p;
                out.push(Command::MoveTo(clamp(p)));
            }
            Command::LineTo(p) => {
                line(&mut out, pen, p);
                pen = p;
            }
            Command::QuadTo(a, p) => {
                let c1 = Point::new(pen.x + (a.x - pen.x) * 2.0 / 3.0, pen.y + (a.y - pen.y) * 2.0 / 3.0);
                let c2 = Point::new(p.x + (a.x - p.x) * 2.0 / 3.0, p.y + (a.y - p.y) * 2.0 / 3.0);
                flatten(pen, c1, c2, p, &mut |a, b| line(&mut out, a, b));
                pen = p;
            }
            Command::CurveTo(a, b, p) => {
                flatten(pen, a, b, p, &mut |a, b| line(&mut out, a, b));
                pen = p;
            }
            Command::Close => {
                line(&mut out, pen, start);
                out.push(Command::Close);
                pen = start;
            }
        }
    }
    out
}

/// A cubic as line segments, at most a quarter pixel from the curve (the number of
/// pieces from the control polygon's second differences), at most 4096 pieces.
fn flatten(p0: Point, p1: Point, p2: Point, p3: Point, emit: &mut impl FnMut(Point, Point)) {
    let dd = |a: Point, b: Point, c: Point| ((a.x - 2.0 * b.x + c.x).abs()).max((a.y - 2.0 * b.y + c.y).abs());
    let d = dd(p0, p1, p2).max(dd(p1, p2, p3));
    // For a cubic split into n pieces the error is at most 3/4 * d / n².
    let n = ((0.75 * d / 0.25).sqrt().ceil() as u32).clamp(1, 4096);
    let mut prev = p0;
    for i in 1..=n {
        let t = i as f32 / n as f32;
        let u = 1.0 - t;
        let (a, b, c, e) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
        let q = Point::new(
            a * p0.x + b * p1.x + c * p2.x + e * p3.x,
            a * p0.y + b * p1.y + c * p2.y + e * p3.y,
        );
        emit(prev, q);
        prev = q;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sum(c: &Coverage) -> u64 {
        c.data.iter().map(|&v| v as u64).sum()
    }

    #[test]
    fn a_pixel_aligned_square_is_fully_covered_and_nothing_else() {
        let p = Path::rect(2.0, 3.0, 4.0, 5.0).unwrap();
        let c = p.coverage(Area { x: 0, y: 0, w: 10, h: 10 }, false);
        for y in 0..10 {
            for x in 0..10 {
                let inside = (2..6).contains(&x) && (3..8).contains(&y);
                assert_eq!(c.data[y * 10 + x], if inside { 255 } else { 0 }, "({x}, {y})");
            }
        }
    }

    #[test]
    fn a_half_pixel_edge_gives_half_coverage() {
        let p = Path::rect(0.5, 0.0, 2.0, 1.0).unwrap();
        let c = p.coverage(Area { x: 0, y: 0, w: 3, h: 1 }, false);
        // Half of 255 is 127.5: either neighbour is exact to the rasteriser's 256 levels.
        assert!(matches!(c.data[..], [127 | 128, 255, 127 | 128]), "{:?}", c.data);
    }

    #[test]
    fn a_circle_covers_pi_r_squared() {
        let p = Path::ellipse(0.0, 0.0, 100.0, 100.0).unwrap();
        let c = p.coverage(Area { x: 0, y: 0, w: 100, h: 100 }, false);
        let area = sum(&c) as f64 / 255.0;
        let exact = std::f64::consts::PI * 2500.0;
        // Curves are flattened to chords, which cut a little inside: allow 0.1 px of
        // area per px of curved edge.
        assert!((area - exact).abs() < 0.1 * std::f64::consts::PI * 100.0, "{area} vs {exact}");
    }

    #[test]
    fn far_away_geometry_is_clipped_without_changing_what_is_inside() {
        // A triangle whose corners lie 200,000 px away, crossing a 20x20 area; its edge
        // y = x / 2 + 5 passes through the area and it lies below that edge (y down).
        // Clipped coverage must equal the exact area below the line, pixel by pixel.
        let mut p = Path::default();
        p.move_to(-200_000.0, -99_995.0);
        p.line_to(200_000.0, 100_005.0);
        p.line_to(-200_000.0, 100_005.0);
        p.close();
        let c = p.coverage(Area { x: 0, y: 0, w: 20, h: 20 }, false);
        for y in 0..20 {
            for x in 0..20 {
                // Area of the pixel below the line y = x / 2 + 5, by integration.
                let f = |x: f64| (y as f64 + 1.0 - (x / 2.0 + 5.0)).clamp(0.0, 1.0);
                let n = 1000;
                let exact: f64 = (0..n).map(|i| f(x as f64 + (i as f64 + 0.5) / n as f64)).sum::<f64>() / n as f64;
                let got = c.data[y * 20 + x] as f64 / 255.0;
                assert!((got - exact).abs() < 2.0 / 255.0, "({x}, {y}): {got} vs {exact}");
            }
        }
    }

    #[test]
    fn a_dashed_stroke_leaves_gaps() {
        let mut p = Path::default();
        p.move_to(0.0, 5.0);
        p.line_to(40.0, 5.0);
        let dashes = [10.0, 10.0];
        let s = p.stroked(Stroke::new(2.0).dash(&dashes, 0.0));
        let c = s.coverage(Area { x: 0, y: 0, w: 40, h: 10 }, false);
        let row = |y: usize| &c.data[y * 40..(y + 1) * 40];
        assert_eq!(row(4)[5], 255);
        assert_eq!(row(4)[15], 0);
        assert_eq!(row(4)[25], 255);
        assert_eq!(row(2), [0; 40]);
    }

    #[test]
    fn radii_that_overlap_are_scaled_down_together() {
        // 40 px radii on a 40 px tall box: scaled to 20, a stadium of area
        // 60 x 40 + pi x 20².
        let p = Path::rounded_rect(0.0, 0.0, 100.0, 40.0, [40.0; 4]).unwrap();
        assert_eq!(p.bounds(), Some((0.0, 0.0, 100.0, 40.0)));
        let area = sum(&p.coverage(Area { x: 0, y: 0, w: 100, h: 40 }, false)) as f64 / 255.0;
        let exact = 60.0 * 40.0 + std::f64::consts::PI * 400.0;
        assert!((area - exact).abs() < 0.1 * std::f64::consts::PI * 40.0, "{area} vs {exact}");
        assert!(Path::rounded_rect(0.0, 0.0, 0.0, 10.0, [0.0; 4]).is_none());
    }

    #[test]
    fn areas_intersect() {
        let a = Area { x: -5, y: 0, w: 10, h: 10 };
        assert_eq!(a.intersect(Area { x: 0, y: 5, w: 100, h: 100 }), Some(Area { x: 0, y: 5, w: 5, h: 5 }));
        assert_eq!(a.intersect(Area { x: 5, y: 0, w: 1, h: 1 }), None);
    }
}
