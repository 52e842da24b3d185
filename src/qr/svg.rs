//! SVG output: one `<path>` per colour, numbers in module units, nothing from the caller
//! written as text (colours are re-serialised from their parsed values), so the result is
//! always well-formed XML.

use super::logo::{logo_geometry, LogoArt};
use super::shapes::{qr_shapes, Path, Seg};
use super::style::{FinderShape, ModuleShape, Paint, QrStyle, Rgba};
use super::symbol::QrSymbol;
use base64::Engine as _;
use std::fmt::Write;

/// Writes `n` with at most three decimals and no trailing zeros into `out` from `at`, and
/// returns where it ends: at most [`NUM_MAX`] bytes. Done on integers: float formatting
/// would add some 20 KB of the standard library to the `.wasm`, and the formatting
/// machinery is slow for the thousands of numbers of a path. Bytes are written by index,
/// not pushed: in this crate's size-optimised build every push would be a call.
fn num_at(out: &mut [u8], mut at: usize, n: f64) -> usize {
    let thousandths = (n * 1000.0).round() as i64;
    if thousandths < 0 {
        out[at] = b'-';
        at += 1;
    }
    let t = thousandths.unsigned_abs();
    let mut whole = t / 1000;
    let (mut len, mut next) = (1, 10u64);
    while len < 20 && whole >= next {
        len += 1;
        next = next.saturating_mul(10);
    }
    for k in (0..len).rev() {
        out[at + k] = b'0' + (whole % 10) as u8;
        whole /= 10;
    }
    at += len;
    let mut frac = t % 1000;
    if frac != 0 {
        out[at] = b'.';
        let mut width = 3;
        while frac % 10 == 0 {
            frac /= 10;
            width -= 1;
        }
        for k in (1..=width).rev() {
            out[at + k] = b'0' + (frac % 10) as u8;
            frac /= 10;
        }
        at += 1 + width;
    }
    at
}

/// The most bytes [`num_at`] writes: sign, 20 digits, point, 3 decimals.
const NUM_MAX: usize = 25;

/// Appends `n` as [`num_at`] writes it.
fn num(out: &mut String, n: f64) {
    let mut buf = [0u8; NUM_MAX];
    let len = num_at(&mut buf, 0, n);
    out.push_str(std::str::from_utf8(&buf[..len]).unwrap_or_default());
}

/// Path data, compact: horizontal and vertical lines as relative `h`/`v`, and the line
/// that returns to a contour's start left to `Z`.
fn path_data(path: &Path) -> String {
    // Room for the longest command (a cubic: C and six numbers) is made before each one.
    const ROOM: usize = 1 + 6 * (NUM_MAX + 1);
    let mut d = vec![0u8; path.segs.len() * 8 + ROOM];
    let mut at = 0;
    let (mut cx, mut cy) = (0.0, 0.0);
    let (mut sx, mut sy) = (0.0, 0.0);
    for (i, seg) in path.segs.iter().enumerate() {
        if d.len() < at + ROOM {
            d.resize(2 * d.len() + ROOM, 0);
        }
        let mut cmd = |c: u8, values: &[f64]| {
            d[at] = c;
            at += 1;
            for (k, &v) in values.iter().enumerate() {
                if k > 0 {
                    d[at] = b' ';
                    at += 1;
                }
                at = num_at(&mut d, at, v);
            }
        };
        match *seg {
            Seg::Move(x, y) => {
                cmd(b'M', &[x, y]);
                (cx, cy, sx, sy) = (x, y, x, y);
            }
            Seg::Line(x, y) => {
                let closes = (x, y) == (sx, sy) && matches!(path.segs.get(i + 1), Some(Seg::Close));
                if closes || (x, y) == (cx, cy) {
                    // Z draws it; or it has no length.
                } else if y == cy {
                    cmd(b'h', &[x - cx]);
                } else if x == cx {
                    cmd(b'v', &[y - cy]);
                } else {
                    cmd(b'L', &[x, y]);
                }
                (cx, cy) = (x, y);
            }
            Seg::Cubic(a, b, c, e, f, g) => {
                cmd(b'C', &[a, b, c, e, f, g]);
                (cx, cy) = (f, g);
            }
            Seg::Close => {
                cmd(b'Z', &[]);
                (cx, cy) = (sx, sy);
            }
        }
    }
    d.truncate(at);
    // ASCII only: digits, signs, points, spaces and command letters.
    String::from_utf8(d).unwrap_or_default()
}

/// A short id that differs between different drawings, so that several inline SVGs on
/// one page do not share gradient definitions by accident (FNV-1a of the path data).
fn id_for(data: &str) -> String {
    let hash = data.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3));
    format!("se{:08x}", hash as u32)
}

fn stops(out: &mut String, stops: &[super::style::Stop]) {
    for s in stops {
        let _ = write!(out, "<stop offset=\"");
        num(out, s.offset);
        let _ = write!(out, "\" stop-color=\"{}\"", Rgba { a: 255, ..s.color }.hex());
        if s.color.a != 255 {
            out.push_str(" stop-opacity=\"");
            num(out, s.color.a as f64 / 255.0);
            out.push('"');
        }
        out.push_str("/>");
    }
}

/// The SVG document of `symbol` drawn with `style` and `logo`, `pixels` wide and high (the
/// viewBox is in modules, so it scales without blur). A logo image is embedded as a
/// `data:` URL of its original bytes.
pub fn qr_svg(symbol: &QrSymbol, style: &QrStyle, logo: &LogoArt, pixels: u32) -> String {
    let shapes = qr_shapes(&symbol.matrix, style);
    let modules = path_data(&shapes.modules);
    let finders = path_data(&shapes.finders);
    let id = id_for(&modules);
    let mut out = String::with_capacity(modules.len() + finders.len() + 512);
    out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ");
    num(&mut out, shapes.size);
    out.push(' ');
    num(&mut out, shapes.size);
    // Curves need anti-aliasing; only all-square codes are drawn with crisp edges.
    let square = style.module_shape == ModuleShape::Square
        && style.finder_outer == FinderShape::Square
        && style.finder_inner == FinderShape::Square;
    let crisp = if square { " shape-rendering=\"crispEdges\"" } else { "" };
    let _ = write!(out, "\" width=\"{pixels}\" height=\"{pixels}\"{crisp}>");
    let fill = match &style.foreground {
        Paint::Solid(c) => c.hex(),
        Paint::Linear { angle, stops: s } => {
            // The same trigonometry as the raster output (`libm`, one implementation on
            // every target), and no second copy of it in the `.wasm`.
            let (dx, dy) = (libm::cos(angle.to_radians()) / 2.0, libm::sin(angle.to_radians()) / 2.0);
            let (c, size) = (shapes.size / 2.0, shapes.size);
            let _ = write!(out, "<defs><linearGradient id=\"{id}\" gradientUnits=\"userSpaceOnUse\" x1=\"");
            for (i, v) in [c - dx * size, c - dy * size, c + dx * size, c + dy * size].into_iter().enumerate() {
                if i > 0 {
                    out.push_str(["", "\" y1=\"", "\" x2=\"", "\" y2=\""][i]);
                }
                num(&mut out, v);
            }
            out.push_str("\">");
            stops(&mut out, s);
            out.push_str("</linearGradient></defs>");
            format!("url(#{id})")
        }
        Paint::Radial { stops: s } => {
            let c = shapes.size / 2.0;
            let _ = write!(out, "<defs><radialGradient id=\"{id}\" gradientUnits=\"userSpaceOnUse\" cx=\"");
            num(&mut out, c);
            out.push_str("\" cy=\"");
            num(&mut out, c);
            out.push_str("\" r=\"");
            num(&mut out, c * std::f64::consts::SQRT_2);
            out.push_str("\">");
            stops(&mut out, s);
            out.push_str("</radialGradient></defs>");
            format!("url(#{id})")
        }
    };
    if let Some(bg) = style.background {
        out.push_str("<rect width=\"100%\" height=\"100%\" fill=\"");
        out.push_str(&bg.hex());
        out.push_str("\"/>");
    }
    let _ = write!(out, "<path fill=\"{fill}\" d=\"{modules}\"/>");
    if let (Some(color), false) = (style.finder_color, finders.is_empty()) {
        let _ = write!(out, "<path fill=\"{}\" d=\"{finders}\"/>", color.hex());
    }
    if let Some(g) = logo_geometry(symbol, style) {
        if let Some(bg) = logo.background {
            let mut plate = Path::default();
            let r = logo.radius * g.area_side;
            plate.rect(g.area_x, g.area_y, g.area_side, g.area_side, [r; 4], false);
            let _ = write!(out, "<path fill=\"{}\" d=\"{}\"/>", bg.hex(), path_data(&plate));
        }
        if let Some(image) = &logo.image {
            let inset = (g.area_side - g.logo_side) / 2.0;
            out.push_str("<image x=\"");
            for (i, v) in [g.area_x + inset, g.area_y + inset, g.logo_side, g.logo_side].into_iter().enumerate() {
                if i > 0 {
                    out.push_str(["", "\" y=\"", "\" width=\"", "\" height=\""][i]);
                }
                num(&mut out, v);
            }
            let _ = write!(out, "\" preserveAspectRatio=\"xMidYMid meet\" href=\"data:{};base64,", image.mime);
            base64::engine::general_purpose::STANDARD.encode_string(&image.bytes, &mut out);
            out.push_str("\"/>");
        }
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::num;

    #[test]
    fn numbers_have_at_most_three_decimals_and_no_trailing_zeros() {
        let mut values = vec![0.0, -0.0, 0.0004, -0.0004, 0.0005, -0.0005, 1e-9, 12.5, -12.5, 1.0 / 3.0, 1e12, -1e12];
        values.extend((-3000..=3000).map(|i| i as f64 * 0.0137));
        for v in values {
            let t = (v * 1000.0).round() as i64;
            // The same number written by the formatter, then trimmed.
            let full =
                format!("{}{}.{:03}", if t < 0 { "-" } else { "" }, t.unsigned_abs() / 1000, t.unsigned_abs() % 1000);
            let expected = full.trim_end_matches('0').trim_end_matches('.');
            let mut out = String::from("x");
            num(&mut out, v);
            assert_eq!(out, format!("x{expected}"), "{v}");
        }
    }
}
