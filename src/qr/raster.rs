//! Raster output with tiny-skia: the geometry of [`super::shapes`] filled at a whole
//! number of pixels per module, so that module edges fall on pixel edges and square
//! codes are perfectly crisp. [`draw_qr`] paints into any pixmap (the poster engine uses
//! it for its QR element); [`qr_pixmap`] makes a pixmap of its own.

use super::fill::{fill_module_grid, fill_stamped};
use super::logo::{contain, logo_geometry, LogoArt};
use super::shapes::{qr_shapes, Path, Seg};
use super::style::{FinderShape, ModuleShape, Paint, QrStyle, Rgba};
use super::symbol::QrSymbol;
use crate::error::{Error, ErrorKind, Result};
use crate::imaging::resize_to;
use tiny_skia as sk;

/// Largest raster side in pixels.
pub const MAX_PIXELS: u32 = 8192;

/// Where a code was drawn, in pixels of the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    /// Pixels per module.
    pub module_pixels: u32,
    /// Left and top edge of the quiet zone (the box's edge plus the centring margin).
    pub x: i32,
    /// See `x`.
    pub y: i32,
    /// Side of the code with its quiet zone: `module_pixels` x modules. The rest of the box
    /// is an even margin of background.
    pub side: u32,
}

/// How a code of `modules` per side (quiet zone included) fits a `box_px` square at
/// `(x, y)`: the largest whole number of pixels per module, centred.
///
/// # Errors
/// [`ErrorKind::QrInvalidOptions`] at `size` when the box is smaller than one pixel per
/// module.
pub fn placement(modules: u32, x: i32, y: i32, box_px: u32) -> Result<Placement> {
    let module_pixels = box_px / modules.max(1);
    if module_pixels == 0 {
        return Err(Error::new(
            ErrorKind::QrInvalidOptions,
            format!(
                "size {box_px} px is too small for this code: it is {modules} modules wide with its quiet zone, so it \
                 needs at least {modules} px (3 px per module or more scans best)"
            ),
        )
        .at("size"));
    }
    let side = module_pixels * modules;
    let margin = ((box_px - side) / 2) as i32;
    Ok(Placement { module_pixels, x: x + margin, y: y + margin, side })
}

fn color(c: Rgba) -> sk::Color {
    sk::Color::from_rgba8(c.r, c.g, c.b, c.a)
}

pub(super) fn sk_path(path: &Path) -> Option<sk::Path> {
    let mut b = sk::PathBuilder::with_capacity(path.segs.len(), path.segs.len() * 3);
    for seg in &path.segs {
        match *seg {
            Seg::Move(x, y) => b.move_to(x as f32, y as f32),
            Seg::Line(x, y) => b.line_to(x as f32, y as f32),
            Seg::Cubic(a, c, d, e, f, g) => b.cubic_to(a as f32, c as f32, d as f32, e as f32, f as f32, g as f32),
            Seg::Close => b.close(),
        }
    }
    b.finish()
}

/// The shader of `paint` over a drawing `size` modules wide (same geometry as the SVG's
/// gradients), in module units.
fn shader(paint: &Paint, size: f64) -> sk::Shader<'static> {
    let stops = |s: &[super::style::Stop]| -> Vec<sk::GradientStop> {
        s.iter().map(|s| sk::GradientStop::new(s.offset as f32, color(s.color))).collect()
    };
    let c = size / 2.0;
    let gradient = match paint {
        Paint::Solid(rgba) => return sk::Shader::SolidColor(color(*rgba)),
        Paint::Linear { angle, stops: s } => {
            // libm, not std: std calls the platform libm natively, which may round differently from wasm.
            let (dx, dy) = (libm::cos(angle.to_radians()) * c, libm::sin(angle.to_radians()) * c);
            let (start, end) = (
                sk::Point::from_xy((c - dx) as f32, (c - dy) as f32),
                sk::Point::from_xy((c + dx) as f32, (c + dy) as f32),
            );
            sk::LinearGradient::new(start, end, stops(s), sk::SpreadMode::Pad, sk::Transform::identity())
        }
        Paint::Radial { stops: s } => {
            let centre = sk::Point::from_xy(c as f32, c as f32);
            let r = (c * std::f64::consts::SQRT_2) as f32;
            sk::RadialGradient::new(centre, 0.0, centre, r, stops(s), sk::SpreadMode::Pad, sk::Transform::identity())
        }
    };
    // Validated stops always make a gradient; fall back to the first colour regardless.
    gradient.unwrap_or_else(|| sk::Shader::SolidColor(color(paint.colors()[0])))
}

/// Draws `symbol` with `style` and `logo` into the `box_px` square at `(x, y)` of `target`.
///
/// # Errors
/// [`ErrorKind::QrInvalidOptions`] when the box is too small (see [`placement`]).
pub fn draw_qr(
    target: &mut sk::PixmapMut,
    symbol: &QrSymbol,
    style: &QrStyle,
    logo: &LogoArt,
    x: i32,
    y: i32,
    box_px: u32,
) -> Result<Placement> {
    let shapes = qr_shapes(&symbol.matrix, style);
    let place = placement(shapes.size as u32, x, y, box_px)?;
    let m = place.module_pixels as f32;
    if let Some(bg) = style.background {
        let rect = sk::Rect::from_xywh(x as f32, y as f32, box_px as f32, box_px as f32);
        let paint = sk::Paint { shader: sk::Shader::SolidColor(color(bg)), anti_alias: false, ..Default::default() };
        if let Some(rect) = rect {
            target.fill_rect(rect, &paint, sk::Transform::identity(), None);
        }
    }
    let to_pixels = sk::Transform::from_row(m, 0.0, 0.0, m, place.x as f32, place.y as f32);
    // Squares on whole pixels need no anti-aliasing, and without it no edge is ever grey.
    let square = style.module_shape == ModuleShape::Square
        && style.finder_outer == FinderShape::Square
        && style.finder_inner == FinderShape::Square;
    let mut paint =
        sk::Paint { shader: shader(&style.foreground, shapes.size), anti_alias: !square, ..Default::default() };
    let opaque = |p: &Paint| match p {
        Paint::Solid(c) if c.a == 255 => Some(*c),
        _ => None,
    };
    let modules_done = square
        && opaque(&style.foreground).is_some_and(|c| fill_module_grid(target, &shapes.modules, shapes.size, c, &place));
    if !modules_done {
        fill_stamped(target, &shapes.modules, &paint, &place);
    }
    if let Some(c) = style.finder_color {
        let finders_done = square && c.a == 255 && fill_module_grid(target, &shapes.finders, shapes.size, c, &place);
        if let (false, Some(path)) = (finders_done, (!finders_done).then(|| sk_path(&shapes.finders)).flatten()) {
            paint.shader = sk::Shader::SolidColor(color(c));
            target.fill_path(&path, &paint, sk::FillRule::Winding, to_pixels, None);
        }
    }
    if let Some(g) = logo_geometry(symbol, style) {
        // Whole pixels, like the modules around it.
        let area_x = place.x + (g.area_x as f32 * m) as i32;
        let area_y = place.y + (g.area_y as f32 * m) as i32;
        let area_px = g.area_side as f32 * m;
        if let Some(bg) = logo.background {
            let mut plate = Path::default();
            let r = logo.radius * area_px as f64;
            plate.rect(area_x as f64, area_y as f64, area_px as f64, area_px as f64, [r; 4], false);
            if let Some(path) = sk_path(&plate) {
                let paint = sk::Paint { shader: sk::Shader::SolidColor(color(bg)), ..Default::default() };
                target.fill_path(&path, &paint, sk::FillRule::Winding, sk::Transform::identity(), None);
            }
        }
        if let Some(image) = &logo.image {
            let (w, h) = contain(image.pixels.width(), image.pixels.height(), g.logo_side * m as f64);
            let (w, h) = ((w.round() as u32).max(1), (h.round() as u32).max(1));
            // w and h are at most the code's side, which qr_pixmap and placement bound.
            let Some(scaled) = resize_to(&image.pixels, w, h) else { return Ok(place) };
            let lx = area_x + ((area_px as u32).saturating_sub(w) / 2) as i32;
            let ly = area_y + ((area_px as u32).saturating_sub(h) / 2) as i32;
            target.draw_pixmap(lx, ly, scaled.as_ref(), &sk::PixmapPaint::default(), sk::Transform::identity(), None);
        }
    }
    Ok(place)
}

/// `symbol` drawn on a `size` x `size` pixmap of its own (transparent where the style
/// has no background).
///
/// # Errors
/// [`ErrorKind::QrInvalidOptions`] when `size` is above [`MAX_PIXELS`] or too small for
/// the code.
pub fn qr_pixmap(symbol: &QrSymbol, style: &QrStyle, logo: &LogoArt, size: u32) -> Result<(sk::Pixmap, Placement)> {
    if size > MAX_PIXELS {
        return Err(Error::new(
            ErrorKind::QrInvalidOptions,
            format!("size must be at most {MAX_PIXELS} px; got {size}"),
        )
        .at("size"));
    }
    let shapes_size = symbol.matrix.width() as u32 + 2 * style.quiet_zone;
    // Check before allocating.
    placement(shapes_size, 0, 0, size)?;
    let mut pixmap = sk::Pixmap::new(size, size)
        .ok_or_else(|| Error::new(ErrorKind::QrInvalidOptions, format!("size {size} px cannot be drawn")).at("size"))?;
    let place = draw_qr(&mut pixmap.as_mut(), symbol, style, logo, 0, 0, size)?;
    Ok((pixmap, place))
}
