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

use super::raster::{sk_path, Placement};
use super::shapes::{Path, Seg};
use super::style::Rgba;
use tiny_skia as sk;

/// The corners and direction (+1 clockwise, -1 anticlockwise) of a contour that is an
/// axis-aligned rectangle on whole modules, or `None`.
fn grid_rect(contour: &[Seg]) -> Option<(usize, usize, usize, usize, i32)> {
    let mut points = Vec::with_capacity(5);
    for seg in contour {
        match *seg {
            Seg::Move(x, y) | Seg::Line(x, y) => points.push((x, y)),
            Seg::Close => {}
            Seg::Cubic(..) => return None,
        }
    }
    if points.len() == 5 && points[0] == points[4] {
        points.pop();
    }
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
pub(super) fn fill_module_grid(target: &mut sk::PixmapMut, path: &Path, size: f64, c: Rgba, place: &Placement) -> bool {
    let n = size as usize;
    let mut winding = vec![0i32; n * n];
    for contour in path.segs.split_inclusive(|s| matches!(s, Seg::Close)) {
        let Some((x0, y0, x1, y1, dir)) = grid_rect(contour) else { return false };
        if x1 > n || y1 > n {
            return false;
        }
        for row in winding[y0 * n..y1 * n].chunks_exact_mut(n) {
            row[x0..x1].iter_mut().for_each(|w| *w += dir);
        }
    }
    let Some(px) = sk::PremultipliedColorU8::from_rgba(c.r, c.g, c.b, 255) else { return false };
    let (tw, th) = (target.width() as i64, target.height() as i64);
    let m = place.module_pixels as i64;
    let pixels = target.pixels_mut();
    for (my, row) in winding.chunks_exact(n).enumerate() {
        let top = place.y as i64 + my as i64 * m;
        let (y_from, y_to) = (top.clamp(0, th), (top + m).clamp(0, th));
        let mut mx = 0;
        while mx < n {
            if row[mx] == 0 {
                mx += 1;
                continue;
            }
            let run = row[mx..].iter().take_while(|&&w| w != 0).count();
            let left = place.x as i64 + mx as i64 * m;
            let (x_from, x_to) = (left.clamp(0, tw), (left + run as i64 * m).clamp(0, tw));
            for y in y_from..y_to {
                pixels[(y * tw + x_from) as usize..(y * tw + x_to) as usize].fill(px);
            }
            mx += run;
        }
    }
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

/// Fills `path` (in module units, quiet zone included) with `paint`, anti-aliased, into
/// the code placed at `place`: contours inside one module cell by stamps, the others (the
/// finder patterns) as a path.
pub(super) fn fill_stamped(target: &mut sk::PixmapMut, path: &Path, paint: &sk::Paint, place: &Placement) {
    let m = place.module_pixels as i64;
    let to_pixels = sk::Transform::from_row(m as f32, 0.0, 0.0, m as f32, place.x as f32, place.y as f32);
    let (tw, th) = (target.width() as i64, target.height() as i64);
    // Coverage over the whole target: painting through a mask of the target's size keeps
    // tiny-skia on its fast pipeline (a separate layer would need a pixmap-pattern blend).
    let Some(mut coverage) = sk::Mask::new(target.width(), target.height()) else {
        if let Some(p) = sk_path(path) {
            target.fill_path(&p, paint, sk::FillRule::Winding, to_pixels, None);
        }
        return;
    };
    let cells = (place.side as i64 / m) as f64;
    let mut stamps: Vec<(Vec<Seg>, sk::Mask)> = Vec::new();
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
                let Some(mut stamp) = sk::Mask::new(m as u32, m as u32) else { continue };
                if let Some(p) = sk_path(&Path { segs: local.clone() }) {
                    stamp.fill_path(&p, sk::FillRule::Winding, true, sk::Transform::from_scale(m as f32, m as f32));
                }
                stamps.push((local, stamp));
                stamps.len() - 1
            }
        };
        let stamp = stamps[index].1.data();
        let (left, top) = (place.x as i64 + cx as i64 * m, place.y as i64 + cy as i64 * m);
        // Clipped to the target: a poster may place a code partly off its edge.
        let (from_x, to_x) = (left.clamp(0, tw), (left + m).clamp(0, tw));
        if from_x == to_x {
            continue;
        }
        let data = coverage.data_mut();
        for (row, src) in stamp.chunks_exact(m as usize).enumerate() {
            let y = top + row as i64;
            if !(0..th).contains(&y) {
                continue;
            }
            let start = (y * tw + from_x) as usize;
            let src = &src[(from_x - left) as usize..(to_x - left) as usize];
            for (dst, &s) in data[start..start + src.len()].iter_mut().zip(src) {
                *dst = (*dst).max(s);
            }
        }
    }
    if let Some(rect) = sk::Rect::from_xywh(0.0, 0.0, cells as f32, cells as f32) {
        target.fill_rect(rect, paint, to_pixels, Some(&coverage));
    }
    if let Some(p) = sk_path(&rest) {
        target.fill_path(&p, paint, sk::FillRule::Winding, to_pixels, None);
    }
}
