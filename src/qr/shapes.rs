//! The geometry of a styled QR code, in module units, shared by every output: the SVG
//! writer turns it into path data, the rasteriser (and the poster engine) into filled
//! paths. Drawing code exists once.
//!
//! Coordinates include the quiet zone: module `(x, y)` covers `[q + x, q + x + 1)`. Rings
//! (finder patterns) are an outer contour clockwise and an inner one anticlockwise, so
//! the default non-zero fill rule leaves the hole open in SVG and in the rasteriser alike.

use super::encode::QrMatrix;
use super::style::{FinderShape, ModuleShape, QrStyle};

/// One step of a path.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Seg {
    /// Start a contour.
    Move(f64, f64),
    /// Straight line.
    Line(f64, f64),
    /// Cubic Bézier: two control points, then the end point.
    Cubic(f64, f64, f64, f64, f64, f64),
    /// Close the contour.
    Close,
}

/// Cubic control distance for a quarter circle of radius 1.
const KAPPA: f64 = 0.552_284_749_8;

/// A path under construction.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Path {
    /// The steps.
    pub segs: Vec<Seg>,
}

impl Path {
    /// A rectangle with corner radii (top-left, top-right, bottom-right, bottom-left),
    /// clockwise, or anticlockwise when `reverse`.
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, r: [f64; 4], reverse: bool) {
        let [tl, tr, br, bl] = r;
        let k = KAPPA;
        let start = self.segs.len();
        // Clockwise from the end of the top-left corner.
        self.segs.push(Seg::Move(x + tl, y));
        self.segs.push(Seg::Line(x + w - tr, y));
        if tr > 0.0 {
            self.segs.push(Seg::Cubic(x + w - tr + tr * k, y, x + w, y + tr - tr * k, x + w, y + tr));
        }
        self.segs.push(Seg::Line(x + w, y + h - br));
        if br > 0.0 {
            self.segs.push(Seg::Cubic(x + w, y + h - br + br * k, x + w - br + br * k, y + h, x + w - br, y + h));
        }
        self.segs.push(Seg::Line(x + bl, y + h));
        if bl > 0.0 {
            self.segs.push(Seg::Cubic(x + bl - bl * k, y + h, x, y + h - bl + bl * k, x, y + h - bl));
        }
        self.segs.push(Seg::Line(x, y + tl));
        if tl > 0.0 {
            self.segs.push(Seg::Cubic(x, y + tl - tl * k, x + tl - tl * k, y, x + tl, y));
        }
        self.segs.push(Seg::Close);
        if reverse {
            reverse_contour(&mut self.segs[start..]);
        }
    }

    /// A circle, clockwise or anticlockwise.
    pub fn circle(&mut self, cx: f64, cy: f64, radius: f64, reverse: bool) {
        let d = 2.0 * radius;
        self.rect(cx - radius, cy - radius, d, d, [radius; 4], reverse);
    }

    /// Whether nothing was drawn.
    pub fn is_empty(&self) -> bool {
        self.segs.is_empty()
    }
}

/// Reverses the direction of one closed contour `Move, …, Close` in place.
fn reverse_contour(segs: &mut [Seg]) {
    let mut points = Vec::with_capacity(segs.len());
    let mut out = Vec::with_capacity(segs.len());
    let mut current = (0.0, 0.0);
    for s in segs.iter() {
        match *s {
            Seg::Move(x, y) | Seg::Line(x, y) => current = (x, y),
            Seg::Cubic(.., x, y) => current = (x, y),
            Seg::Close => {}
        }
        points.push(current);
    }
    // points[i] is the end of segment i; walk backwards.
    let n = segs.len() - 1; // without Close
    out.push(Seg::Move(points[n - 1].0, points[n - 1].1));
    for i in (1..n).rev() {
        let (x, y) = points[i - 1];
        out.push(match segs[i] {
            Seg::Cubic(c1x, c1y, c2x, c2y, _, _) => Seg::Cubic(c2x, c2y, c1x, c1y, x, y),
            _ => Seg::Line(x, y),
        });
    }
    out.push(Seg::Close);
    segs.copy_from_slice(&out);
}

/// The paths of a styled symbol.
#[derive(Clone, Debug, PartialEq)]
pub struct QrShapes {
    /// Side of the drawing in modules, quiet zone included.
    pub size: f64,
    /// Data modules (and the finders when they share the foreground).
    pub modules: Path,
    /// The finder patterns when they have a colour of their own, else empty.
    pub finders: Path,
}

/// Whether `(x, y)` lies in one of the three 7x7 finder patterns.
fn in_finder(width: usize, x: usize, y: usize) -> bool {
    let (left, top) = (x < 7, y < 7);
    (top && (left || x >= width - 7)) || (left && y >= width - 7)
}

/// Builds the geometry of `matrix` drawn with `style`.
pub fn qr_shapes(matrix: &QrMatrix, style: &QrStyle) -> QrShapes {
    let w = matrix.width();
    let q = style.quiet_zone as f64;
    let dark = |x: isize, y: isize| x >= 0 && y >= 0 && matrix.is_dark(x as usize, y as usize);
    let mut modules = Path::default();
    for y in 0..w {
        let mut x = 0;
        while x < w {
            if !matrix.is_dark(x, y) || in_finder(w, x, y) {
                x += 1;
                continue;
            }
            let (fx, fy) = (q + x as f64, q + y as f64);
            match style.module_shape {
                ModuleShape::Square => {
                    // One rectangle per horizontal run keeps the path short.
                    let run = (x..w).take_while(|&e| matrix.is_dark(e, y) && !in_finder(w, e, y)).count();
                    modules.rect(fx, fy, run as f64, 1.0, [0.0; 4], false);
                    x += run;
                    continue;
                }
                ModuleShape::Rounded => {
                    let (xi, yi) = (x as isize, y as isize);
                    let (up, down, left, right) =
                        (dark(xi, yi - 1), dark(xi, yi + 1), dark(xi - 1, yi), dark(xi + 1, yi));
                    let r = |a: bool, b: bool| if a || b { 0.0 } else { 0.5 };
                    modules.rect(fx, fy, 1.0, 1.0, [r(up, left), r(up, right), r(down, right), r(down, left)], false);
                }
                ModuleShape::Dots => modules.circle(fx + 0.5, fy + 0.5, 0.425, false),
            }
            x += 1;
        }
    }
    let mut finders = Path::default();
    let target = if style.finder_color.is_some() { &mut finders } else { &mut modules };
    for (fx, fy) in [(0, 0), (w - 7, 0), (0, w - 7)] {
        let (x, y) = (q + fx as f64, q + fy as f64);
        match style.finder_outer {
            FinderShape::Square => {
                target.rect(x, y, 7.0, 7.0, [0.0; 4], false);
                target.rect(x + 1.0, y + 1.0, 5.0, 5.0, [0.0; 4], true);
            }
            FinderShape::Rounded => {
                target.rect(x, y, 7.0, 7.0, [2.0; 4], false);
                target.rect(x + 1.0, y + 1.0, 5.0, 5.0, [1.2; 4], true);
            }
            FinderShape::Circle => {
                target.circle(x + 3.5, y + 3.5, 3.5, false);
                target.circle(x + 3.5, y + 3.5, 2.5, true);
            }
        }
        match style.finder_inner {
            FinderShape::Square => target.rect(x + 2.0, y + 2.0, 3.0, 3.0, [0.0; 4], false),
            FinderShape::Rounded => target.rect(x + 2.0, y + 2.0, 3.0, 3.0, [0.9; 4], false),
            FinderShape::Circle => target.circle(x + 3.5, y + 3.5, 1.5, false),
        }
    }
    QrShapes { size: w as f64 + 2.0 * q, modules, finders }
}
