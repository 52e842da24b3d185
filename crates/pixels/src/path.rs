//! Vector shapes in device pixels and their anti-aliased coverage.
//!
//! Coverage is the exact area of each pixel inside the shape, computed by accumulating
//! signed areas: every edge adds, to each pixel of its row, the part of its height that
//! lies to the pixel's left, split by how much of the pixel it leaves to its right; a
//! running sum along the row then gives every pixel's winding-weighted area. Curves are
//! flattened to lines first (within a tenth of a pixel). This is all the posters and codes
//! need (fills with the non-zero or even-odd rule; strokes here are axis-aligned lines and
//! rings, built as fills), in a few kilobytes of `.wasm`: general rasterisers (tiny-skia,
//! zeno) cost 60 KiB brotli and more for pipelines and strokers we do not use.
//!
//! Geometry is clamped into the area drawn, in a way that keeps every pixel's winding:
//! each segment is split where it crosses the area's edges and its points clamped, so a
//! part above or below becomes horizontal (it adds nothing), a part to the left becomes
//! vertical on the left edge (it adds the same to every pixel right of it), and a part to
//! the right lands beyond the last pixel. Shapes 100,000 px away cost nothing and cannot
//! overflow anything.

/// Cubic approximation of a quarter circle: the control points sit this fraction of the
/// radius from the ends.
const KAPPA: f32 = 0.552_284_8;

/// Largest distance between a curve and the lines that replace it, in px.
const FLATNESS: f32 = 0.1;

/// One step of a path, in device pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Verb {
    /// Starts a contour (closing the previous one).
    Move(f32, f32),
    /// A straight segment to the point.
    Line(f32, f32),
    /// A quadratic Bézier segment: control point, end point.
    Quad(f32, f32, f32, f32),
    /// A cubic Bézier segment: two control points, end point.
    Cubic(f32, f32, f32, f32, f32, f32),
    /// Closes the contour.
    Close,
}

/// A path of lines and curves, in device pixels. Contours are closed implicitly.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Path(pub Vec<Verb>);

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
        self.0.push(Verb::Move(x, y));
    }

    /// A straight segment.
    pub fn line_to(&mut self, x: f32, y: f32) {
        self.0.push(Verb::Line(x, y));
    }

    /// A quadratic Bézier segment.
    pub fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.push(Verb::Quad(x1, y1, x, y));
    }

    /// A cubic Bézier segment.
    pub fn cubic_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.push(Verb::Cubic(x1, y1, x2, y2, x, y));
    }

    /// Closes the contour.
    pub fn close(&mut self) {
        self.0.push(Verb::Close);
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
        let mut p = Path::default();
        p.push_rounded_rect(x, y, w, h, radius).then_some(p)
    }

    /// Appends a rounded rectangle as [`Path::rounded_rect`] makes it; `false` (and
    /// nothing appended) when empty or not finite.
    pub fn push_rounded_rect(&mut self, x: f32, y: f32, w: f32, h: f32, radius: [f32; 4]) -> bool {
        if !(w > 0.0 && h > 0.0 && x.is_finite() && y.is_finite() && w.is_finite() && h.is_finite()) {
            return false;
        }
        let [tl, tr, br, bl] = radius.map(|r| if r.is_finite() { r.max(0.0) } else { 0.0 });
        let sums = [(tl + tr, w), (tr + br, h), (br + bl, w), (bl + tl, h)];
        let f = sums.iter().filter(|(s, _)| *s > 0.0).map(|(s, side)| side / s).fold(1.0f32, f32::min);
        let [tl, tr, br, bl] = [tl * f, tr * f, br * f, bl * f];
        let (r, b) = (x + w, y + h);
        let p = self;
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
        true
    }

    /// The ellipse inscribed in the box, or `None` when empty or not finite.
    pub fn ellipse(x: f32, y: f32, w: f32, h: f32) -> Option<Path> {
        Path::rounded_rect(x, y, w, h, [w.max(h); 4])
    }

    /// Every point mapped to `(x * scale + dx, y * scale + dy)`.
    pub fn transformed(&self, scale: f32, dx: f32, dy: f32) -> Path {
        let m = |x: f32, y: f32| (x * scale + dx, y * scale + dy);
        Path(
            self.0
                .iter()
                .map(|v| match *v {
                    Verb::Move(x, y) => {
                        let (x, y) = m(x, y);
                        Verb::Move(x, y)
                    }
                    Verb::Line(x, y) => {
                        let (x, y) = m(x, y);
                        Verb::Line(x, y)
                    }
                    Verb::Quad(a, b, x, y) => {
                        let ((a, b), (x, y)) = (m(a, b), m(x, y));
                        Verb::Quad(a, b, x, y)
                    }
                    Verb::Cubic(a, b, c, d, x, y) => {
                        let ((a, b), (c, d), (x, y)) = (m(a, b), m(c, d), m(x, y));
                        Verb::Cubic(a, b, c, d, x, y)
                    }
                    Verb::Close => Verb::Close,
                })
                .collect(),
        )
    }

    /// Dashes along the axis-aligned line from (`x0`, `y0`) to (`x1`, `y1`), `width`
    /// across, as a path to fill: `dash` is `[on, off]` lengths (none: one solid run),
    /// and `round` caps add half the width at each end of every dash as a semicircle (a
    /// zero-length dash becomes a dot), as SVG and Canvas strokes do.
    pub fn dashed_line(x0: f32, y0: f32, x1: f32, y1: f32, width: f32, dash: Option<[f32; 2]>, round: bool) -> Path {
        let mut p = Path::default();
        let vertical = x0 == x1;
        let (start, end) = if vertical { (y0.min(y1), y0.max(y1)) } else { (x0.min(x1), x0.max(x1)) };
        let across = if vertical { x0 } else { y0 } - width / 2.0;
        let cap = if round { width / 2.0 } else { 0.0 };
        let mut run = |from: f32, to: f32| {
            let (a, len) = (from - cap, to - from + 2.0 * cap);
            let r = [cap; 4];
            if vertical {
                p.push_rounded_rect(across, a, width, len, r);
            } else {
                p.push_rounded_rect(a, across, len, width, r);
            }
        };
        match dash {
            Some([on, off]) if on >= 0.0 && off > 0.0 && on + off > 0.0 => {
                // At most 100,000 dashes: a line longer than that with tiny dashes is drawn
                // solid beyond (a poster is 8192 px at most).
                let mut at = start;
                for _ in 0..100_000 {
                    if at > end || (at == end && on > 0.0) {
                        return p;
                    }
                    run(at, (at + on).min(end));
                    at += on + off;
                }
                if at < end {
                    run(at, end);
                }
            }
            _ => run(start, end),
        }
        p
    }

    /// The box of every point, control points included: `(left, top, right, bottom)`.
    pub fn bounds(&self) -> Option<(f32, f32, f32, f32)> {
        let mut b = (f32::INFINITY, f32::INFINITY, f32::NEG_INFINITY, f32::NEG_INFINITY);
        let mut add = |x: f32, y: f32| b = (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y));
        for v in &self.0 {
            match *v {
                Verb::Move(x, y) | Verb::Line(x, y) => add(x, y),
                Verb::Quad(a, b, x, y) => {
                    add(a, b);
                    add(x, y);
                }
                Verb::Cubic(a, b, c, d, x, y) => {
                    add(a, b);
                    add(c, d);
                    add(x, y);
                }
                Verb::Close => {}
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
        let mut acc = Accumulator::new(area);
        let mut start = (0.0, 0.0);
        let mut pen = (0.0, 0.0);
        for v in &self.0 {
            match *v {
                Verb::Move(x, y) => {
                    acc.line(pen, start);
                    start = (x, y);
                    pen = start;
                }
                Verb::Line(x, y) => {
                    acc.line(pen, (x, y));
                    pen = (x, y);
                }
                Verb::Quad(a, b, x, y) => {
                    // The same curve as a cubic: control points two thirds of the way.
                    let c1 = (pen.0 + (a - pen.0) * 2.0 / 3.0, pen.1 + (b - pen.1) * 2.0 / 3.0);
                    let c2 = (x + (a - x) * 2.0 / 3.0, y + (b - y) * 2.0 / 3.0);
                    acc.cubic(pen, c1, c2, (x, y));
                    pen = (x, y);
                }
                Verb::Cubic(a, b, c, d, x, y) => {
                    acc.cubic(pen, (a, b), (c, d), (x, y));
                    pen = (x, y);
                }
                Verb::Close => {
                    acc.line(pen, start);
                    pen = start;
                }
            }
        }
        acc.line(pen, start);
        Coverage { area, data: acc.finish(even_odd) }
    }
}

type Pt = (f32, f32);

/// Signed area deltas of one area, two spare columns a row (see [`Accumulator::line`]).
struct Accumulator {
    origin: Pt,
    w: usize,
    h: usize,
    cells: Vec<f32>,
}

impl Accumulator {
    fn new(area: Area) -> Accumulator {
        let (w, h) = (area.w as usize, area.h as usize);
        Accumulator { origin: (area.x as f32, area.y as f32), w, h, cells: vec![0.0; (w + 2) * h] }
    }

    /// Adds the edge `a`-`b` (device px), clamped into the area as the module docs say.
    fn line(&mut self, a: Pt, b: Pt) {
        let (a, b) = ((a.0 - self.origin.0, a.1 - self.origin.1), (b.0 - self.origin.0, b.1 - self.origin.1));
        if a.1 == b.1 || !(a.0.is_finite() && a.1.is_finite() && b.0.is_finite() && b.1.is_finite()) {
            return;
        }
        // Clamped to x in [0, w + 1] (the spare columns take what lies right of the last
        // pixel) and y in [0, h].
        let (hi_x, hi_y) = ((self.w + 1) as f32, self.h as f32);
        let mut cuts = [1.0f32; 5];
        let mut n = 0;
        for (from, to, edge) in [(a.0, b.0, 0.0), (a.0, b.0, hi_x), (a.1, b.1, 0.0), (a.1, b.1, hi_y)] {
            if (from - edge) * (to - edge) < 0.0 {
                cuts[n] = (edge - from) / (to - from);
                n += 1;
            }
        }
        let cuts = &mut cuts[..n + 1];
        // At most five: sorted by insertion (the standard sort is kilobytes of `.wasm`).
        for i in 1..cuts.len() {
            let mut j = i;
            while j > 0 && cuts[j - 1] > cuts[j] {
                cuts.swap(j - 1, j);
                j -= 1;
            }
        }
        // Not `f32::clamp`: its bounds check formats floats in its panic message, which
        // links float formatting into the `.wasm`; the bounds here are never inverted.
        let within = |v: f32, hi: f32| {
            if v < 0.0 {
                0.0
            } else if v > hi {
                hi
            } else {
                v
            }
        };
        let clamp = |p: Pt| (within(p.0, hi_x), within(p.1, hi_y));
        let mut from = clamp(a);
        for &t in cuts.iter() {
            let to = clamp(if t >= 1.0 { b } else { (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t) });
            self.inside(from, to);
            from = to;
        }
    }

    /// Adds an edge that lies inside the clamped box.
    fn inside(&mut self, a: Pt, b: Pt) {
        if a.1 == b.1 {
            return;
        }
        // Downwards edges add, upwards edges subtract (the winding direction).
        let (dir, top, bottom) = if a.1 < b.1 { (1.0, a, b) } else { (-1.0, b, a) };
        let dxdy = (bottom.0 - top.0) / (bottom.1 - top.1);
        let stride = self.w + 2;
        let first = top.1 as usize;
        let last = (bottom.1.ceil() as usize).min(self.h);
        for row in first..last {
            let y0 = top.1.max(row as f32);
            let y1 = bottom.1.min((row + 1) as f32);
            if y1 <= y0 {
                continue;
            }
            let x0 = top.0 + (y0 - top.1) * dxdy;
            let x1 = top.0 + (y1 - top.1) * dxdy;
            let cells = &mut self.cells[row * stride..(row + 1) * stride];
            span(cells, x0, y0, x1, y1, dir);
        }
    }

    /// A cubic as lines within [`FLATNESS`] px (the number of pieces from the control
    /// polygon's second differences), at most 1000 pieces.
    fn cubic(&mut self, p0: Pt, p1: Pt, p2: Pt, p3: Pt) {
        let dd = |a: Pt, b: Pt, c: Pt| ((a.0 - 2.0 * b.0 + c.0).abs()).max((a.1 - 2.0 * b.1 + c.1).abs());
        let d = dd(p0, p1, p2).max(dd(p1, p2, p3));
        // Split into n pieces, a cubic strays at most 3/4 * d / n² from its chords.
        let n = (0.75 * d / FLATNESS).sqrt().ceil();
        let n = if n.is_finite() { n.clamp(1.0, 1000.0) as u32 } else { 1 };
        let mut prev = p0;
        for i in 1..=n {
            let t = i as f32 / n as f32;
            let u = 1.0 - t;
            let (a, b, c, e) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
            let q = if i == n {
                p3
            } else {
                (a * p0.0 + b * p1.0 + c * p2.0 + e * p3.0, a * p0.1 + b * p1.1 + c * p2.1 + e * p3.1)
            };
            self.line(prev, q);
            prev = q;
        }
    }

    /// Running sums along each row: the winding-weighted area of every pixel.
    fn finish(self, even_odd: bool) -> Vec<u8> {
        let stride = self.w + 2;
        let w = self.w;
        let mut out = vec![0u8; w * self.h];
        if w == 0 {
            return out;
        }
        for (y, row) in self.cells.chunks_exact(stride).enumerate() {
            // Rows crossed only by the same vertical edges (the sides of a rectangle, most
            // of a card) have the same cells as the row above, so the same coverage: a copy
            // instead of the running sum.
            if y > 0
                && row.iter().zip(&self.cells[(y - 1) * stride..y * stride]).all(|(a, b)| a.to_bits() == b.to_bits())
            {
                out.copy_within((y - 1) * w..y * w, y * w);
                continue;
            }
            let dst = &mut out[y * w..(y + 1) * w];
            let mut sum = 0.0f32;
            if even_odd {
                for (c, d) in row.iter().zip(dst.iter_mut()) {
                    sum += c;
                    let m = sum.abs() % 2.0;
                    *d = ((if m > 1.0 { 2.0 - m } else { m }) * 255.0 + 0.5) as u8;
                }
            } else {
                for (c, d) in row.iter().zip(dst.iter_mut()) {
                    sum += c;
                    // Not `f32::min`: its NaN rule makes it a call to `fminf` in wasm, a
                    // tenth of a poster's time. The float-to-byte cast saturates anyway.
                    *d = (sum.abs() * 255.0 + 0.5) as u8;
                }
            }
        }
        out
    }
}

/// Adds one row's piece of an edge, from (`x0`, `y0`) to (`x1`, `y1`) (y0 < y1, both in
/// the row), to the row's `cells`: split where it crosses pixel columns, each piece adds
/// its height times the part of its column right of its midpoint to that column, and the
/// rest to the next column, so that the running sum is complete from there on.
fn span(cells: &mut [f32], x0: f32, y0: f32, x1: f32, y1: f32, dir: f32) {
    let last = cells.len() - 2;
    let mut add = |xa: f32, ya: f32, xb: f32, yb: f32| {
        let height = (yb - ya) * dir;
        let mid = (xa + xb) / 2.0;
        // A float-to-integer cast saturates (a negative `mid` gives column 0); `f32::max`
        // would be a call in wasm (see `finish`), `clamp` is two comparisons.
        let col = (mid as usize).min(last);
        let into = (mid - col as f32).clamp(0.0, 1.0);
        cells[col] += height * (1.0 - into);
        cells[col + 1] += height * into;
    };
    let (c0, c1) = (x0.floor(), x1.floor());
    if c0 == c1 || x0 == x1 {
        add(x0, y0, x1, y1);
        return;
    }
    // Walk the column boundaries between x0 and x1 in the edge's direction.
    let dydx = (y1 - y0) / (x1 - x0);
    let (step, mut edge) = if x1 > x0 { (1.0, c0 + 1.0) } else { (-1.0, c0) };
    let (mut xa, mut ya) = (x0, y0);
    while (edge - x1) * step < 0.0 {
        let yb = y0 + (edge - x0) * dydx;
        add(xa, ya, edge, yb);
        xa = edge;
        ya = yb;
        edge += step;
    }
    add(xa, ya, x1, y1);
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
    fn dashed_lines_leave_gaps_and_round_caps_make_dots() {
        let s = Path::dashed_line(0.0, 5.0, 40.0, 5.0, 2.0, Some([10.0, 10.0]), false);
        let c = s.coverage(Area { x: 0, y: 0, w: 40, h: 10 }, false);
        let row = |y: usize| &c.data[y * 40..(y + 1) * 40];
        let dash = |x: usize| (0..10).contains(&x) || (20..30).contains(&x);
        for y in 0..10 {
            for x in 0..40 {
                let want = if (4..6).contains(&y) && dash(x) { 255 } else { 0 };
                assert_eq!(row(y)[x], want, "({x}, {y})");
            }
        }
        // Round caps on zero-length dashes: dots one width across, pi r² each.
        let dots = Path::dashed_line(0.0, 5.0, 40.0, 5.0, 4.0, Some([0.0, 10.0]), true);
        let c = dots.coverage(Area { x: -5, y: 0, w: 50, h: 10 }, false);
        let area = sum(&c) as f64 / 255.0;
        let exact = 5.0 * std::f64::consts::PI * 4.0;
        assert!((area - exact).abs() < 0.1 * 5.0 * std::f64::consts::PI * 4.0, "{area} vs {exact}");
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
    fn overlapping_contours_saturate_under_non_zero_and_cancel_under_even_odd() {
        let mut p = Path::rect(0.0, 0.0, 4.0, 1.0).unwrap();
        p.push_path(&Path::rect(2.0, 0.0, 4.0, 1.0).unwrap());
        let area = Area { x: 0, y: 0, w: 6, h: 1 };
        assert_eq!(p.coverage(area, false).data, [255; 6]);
        assert_eq!(p.coverage(area, true).data, [255, 255, 0, 0, 255, 255]);
    }

    #[test]
    fn coverage_is_exact_for_a_slanted_edge() {
        // A right triangle with legs 4 (across) and 2 (down): the hypotenuse passes two
        // rows; each pixel's area worked by hand.
        let mut p = Path::default();
        p.move_to(0.0, 0.0);
        p.line_to(4.0, 2.0);
        p.line_to(0.0, 2.0);
        let c = p.coverage(Area { x: 0, y: 0, w: 4, h: 2 }, false);
        // Row 0: the edge y = x / 2 runs from (0, 0) to (2, 1); below it in pixel 0 the
        // area is 1 - 1/4 = 0.75, in pixel 1 1 - 3/4 = 0.25; pixels 2 and 3 are above it.
        // Row 1: from (2, 1) to (4, 2): pixels 0 and 1 full, 2 is 0.75, 3 is 0.25.
        let want = [0.75, 0.25, 0.0, 0.0, 1.0, 1.0, 0.75, 0.25].map(|a: f64| (a * 255.0 + 0.5) as u8);
        assert_eq!(c.data, want);
    }

    #[test]
    fn areas_intersect() {
        let a = Area { x: -5, y: 0, w: 10, h: 10 };
        assert_eq!(a.intersect(Area { x: 0, y: 5, w: 100, h: 100 }), Some(Area { x: 0, y: 5, w: 5, h: 5 }));
        assert_eq!(a.intersect(Area { x: 5, y: 0, w: 1, h: 1 }), None);
    }
}
