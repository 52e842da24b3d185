//! SVG output: one `<path>` per colour, numbers in module units, nothing from the caller
//! written as text (colours are re-serialised from their parsed values), so the result is
//! always well-formed XML.

use super::logo::{logo_geometry, LogoArt};
use super::shapes::{qr_shapes, Path, Seg};
use super::style::{FinderShape, ModuleShape, Paint, QrStyle, Rgba};
use super::symbol::QrSymbol;
use base64::Engine as _;
use std::fmt::Write;

/// Appends the decimal digits of `v`.
fn digits(out: &mut String, mut v: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.extend(buf[i..].iter().map(|&b| b as char));
}

/// Writes `n` with at most three decimals and no trailing zeros. Done on integers: float
/// formatting would add some 20 KB of the standard library to the `.wasm`, and the
/// formatting machinery is slow for the thousands of numbers of a path.
fn num(out: &mut String, n: f64) {
    let thousandths = (n * 1000.0).round() as i64;
    if thousandths < 0 {
        out.push('-');
    }
    let t = thousandths.unsigned_abs();
    digits(out, t / 1000);
    let mut frac = t % 1000;
    if frac != 0 {
        out.push('.');
        let mut width = 3;
        while frac % 10 == 0 {
            frac /= 10;
            width -= 1;
        }
        let shown = if frac < 10 {
            width - 1
        } else if frac < 100 {
            width - 2
        } else {
            width - 3
        };
        (0..shown).for_each(|_| out.push('0'));
        digits(out, frac);
    }
}

/// Path data, compact: horizontal and vertical lines as relative `h`/`v`, and the line
/// that returns to a contour's start left to `Z`.
fn path_data(path: &Path) -> String {
    let mut d = String::with_capacity(path.segs.len() * 6);
    let (mut cx, mut cy) = (0.0, 0.0);
    let (mut sx, mut sy) = (0.0, 0.0);
    for (i, seg) in path.segs.iter().enumerate() {
        match *seg {
            Seg::Move(x, y) => {
                d.push('M');
                num(&mut d, x);
                d.push(' ');
                num(&mut d, y);
                (cx, cy, sx, sy) = (x, y, x, y);
            }
            Seg::Line(x, y) => {
                let closes = (x, y) == (sx, sy) && matches!(path.segs.get(i + 1), Some(Seg::Close));
                if closes || (x, y) == (cx, cy) {
                    // Z draws it; or it has no length.
                } else if y == cy {
                    d.push('h');
                    num(&mut d, x - cx);
                } else if x == cx {
                    d.push('v');
                    num(&mut d, y - cy);
                } else {
                    d.push('L');
                    num(&mut d, x);
                    d.push(' ');
                    num(&mut d, y);
                }
                (cx, cy) = (x, y);
            }
            Seg::Cubic(a, b, c, e, f, g) => {
                d.push('C');
                for (k, v) in [a, b, c, e, f, g].into_iter().enumerate() {
                    if k > 0 {
                        d.push(' ');
                    }
                    num(&mut d, v);
                }
                (cx, cy) = (f, g);
            }
            Seg::Close => {
                d.push('Z');
                (cx, cy) = (sx, sy);
            }
        }
    }
    d
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
