//! Filling module paths fast, with the same result as filling them as one path.
//!
//! A code has a thousand modules or more. Filled as one path, every module's edges are
//! built, sorted and scanned: milliseconds for squares, tens of milliseconds for dots. But
//! modules sit on whole pixels and are all alike, so:
//! - whole-module rectangles (square styles) are summed on a module grid by the non-zero
//!   winding rule and written as blocks of pixels ([`fill_module_grid`]);
//! - shapes inside one module cell (dots, rounded modules) are rasterised once per distinct
//!   shape into a coverage stamp, stamped at every module, and the paint is laid through the
//!   coverage once ([`fill_stamped`]). Anti-aliasing samples the same sub-pixel positions
//!   in every cell, so a stamp is what the path would have given there.

use super::raster::{device_path, Placement};
use super::shapes::{Path, Seg};
use super::style::Rgba;
use crate::imaging::{Area, Coverage, Pixmap, Shader};

/// The corners and direction (+1 clockwise, -1 anticlockwise) of a contour that is an
/// axis-aligned rectangle on whole modules, or `None`.
fn grid_rect(contour: &[Seg]) -> Option<(usize, usize, usize, usize, i32)> {
    // A fixed array, not a Vec: this runs for every run of modules, in a crate built for
    // size, where each Vec push and index would be a call.
    let mut buf = [(0.0, 0.0); 5];
    let mut len = 0;
    for seg in contour {
        match *seg {
            Seg::Move(x, y) | Seg::Line(x, y) => {
                *buf.get_mut(len)? = (x, y);
                len += 1;
            }
            Seg::Close => {}
            Seg::Cubic(..) => return None,
        }
    }
    if len == 5 && buf[0] == buf[4] {
        len = 4;
    }
    let points = &buf[..len];
    let whole = |v: f64| v >= 0.0 && v.fract() == 0.0;
    if points.len() != 4 || !points.iter().all(|&(x, y)| whole(x) && whole(y)) {
        return None;
    }
    // Each side horizontal or vertical, alternating.
    let sides_ok = (0..4).all(|i| {
        let (a, b, c) = (points[i], points[(i + 1) % 4], points[(i + 2) % 4]);
        (a.1 == b.1 && b.0 == c.0 && a.0 != b.0) || (a.0 == b.0 && b.1 == c.1 && a.1 != b.1)
    });
    if !sides_ok {
        return None;
    }
    let area2: f64 = (0..4).map(|i| points[i].0 * points[(i + 1) % 4].1 - points[(i + 1) % 4].0 * points[i].1).sum();
    let xs = points.iter().map(|p| p.0 as usize);
    let ys = points.iter().map(|p| p.1 as usize);
    let (x0, x1) = (xs.clone().min()?, xs.max()?);
    let (y0, y1) = (ys.clone().min()?, ys.max()?);
    Some((x0, y0, x1, y1, if area2 > 0.0 { 1 } else { -1 }))
}

/// Fills `path` when it is made of whole-module rectangles only (square styles): the
/// non-zero winding of every module is summed on a grid and each covered module written
/// as a block of opaque pixels. Same result as the general rasteriser for such paths,
/// without building, sorting and scanning thousands of edges. Returns `false`, having
/// drawn nothing, for any other path.
pub(super) fn fill_module_grid(target: &mut Pixmap, path: &Path, size: f64, c: Rgba, place: &Placement) -> bool {
    let n = size as usize;
    let mut rects = Vec::new();
    for contour in path.segs.split_inclusive(|s| matches!(s, Seg::Close)) {
        let Some(rect) = grid_rect(contour) else { return false };
        if rect.2 > n || rect.3 > n {
            return false;
        }
        rects.push(rect);
    }
    target.fill_cells(place.x as i64, place.y as i64, place.module_pixels, n, &rects, [c.r, c.g, c.b, 255]);
    true
}

/// The bounding box of a contour's points, control points included.
fn bounds(contour: &[Seg]) -> (f64, f64, f64, f64) {
    let mut b = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    let mut add = |x: f64, y: f64| b = (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y));
    for seg in contour {
        match *seg {
            Seg::Move(x, y) | Seg::Line(x, y) => add(x, y),
            Seg::Cubic(a, c, d, e, f, g) => {
                add(a, c);
                add(d, e);
                add(f, g);
            }
            Seg::Close => {}
        }
    }
    b
}

/// `contour` moved by `(-dx, -dy)`.
fn shifted(contour: &[Seg], dx: f64, dy: f64) -> Vec<Seg> {
    contour
        .iter()
        .map(|s| match *s {
            Seg::Move(x, y) => Seg::Move(x - dx, y - dy),
            Seg::Line(x, y) => Seg::Line(x - dx, y - dy),
            Seg::Cubic(a, c, d, e, f, g) => Seg::Cubic(a - dx, c - dy, d - dx, e - dy, f - dx, g - dy),
            Seg::Close => Seg::Close,
        })
        .collect()
}

/// Fills `path` (in module units, quiet zone included) with `shader`, anti-aliased, into
/// the code placed at `place`: contours inside one module cell by stamps, the others (the
/// finder patterns) as a path.
pub(super) fn fill_stamped(target: &mut Pixmap, path: &Path, shader: &Shader, place: &Placement) {
    let m = place.module_pixels as i64;
    let side = place.side;
    // Coverage over the code, laid through the shader once.
    let mut coverage = Coverage {
        area: Area { x: place.x, y: place.y, w: side, h: side },
        data: vec![0; side as usize * side as usize],
    };
    let cells = (side as i64 / m) as f64;
    let mut stamps: Vec<(Vec<Seg>, Vec<u8>)> = Vec::new();
    let mut rest = Path::default();
    for contour in path.segs.split_inclusive(|s| matches!(s, Seg::Close)) {
        let (x0, y0, x1, y1) = bounds(contour);
        let (cx, cy) = (x0.floor(), y0.floor());
        let in_one_cell = cx >= 0.0 && cy >= 0.0 && x1 <= cx + 1.0 && y1 <= cy + 1.0 && cx < cells && cy < cells;
        if !in_one_cell {
            rest.segs.extend_from_slice(contour);
            continue;
        }
        let local = shifted(contour, cx, cy);
        let index = match stamps.iter().position(|(shape, _)| *shape == local) {
            Some(i) => i,
            None => {
                let cell = Area { x: 0, y: 0, w: m as u32, h: m as u32 };
                let stamp = device_path(&Path { segs: local.clone() }, m as f64, 0.0, 0.0).coverage(cell, false);
                stamps.push((local, stamp.data));
                stamps.len() - 1
            }
        };
        let stamp = &stamps[index].1;
        let (left, top) = (cx as usize * m as usize, cy as usize * m as usize);
        for (row, src) in stamp.chunks_exact(m as usize).enumerate() {
            let start = (top + row) * side as usize + left;
            for (dst, &s) in coverage.data[start..start + src.len()].iter_mut().zip(src) {
                *dst = (*dst).max(s);
            }
        }
    }
    shader.fill(target, &coverage, 255);
    if !rest.segs.is_empty() {
        shader.fill_path(target, &device_path(&rest, m as f64, place.x as f64, place.y as f64), 255);
    }
}
