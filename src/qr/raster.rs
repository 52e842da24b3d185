//! Raster output: the geometry of [`super::shapes`] filled at a whole
//! number of pixels per module, so that module edges fall on pixel edges and square
//! codes are perfectly crisp. [`draw_qr`] paints into any pixmap (the poster engine uses
//! it for its QR element); [`qr_pixmap`] makes a pixmap of its own.

use super::fill::{fill_module_grid, fill_stamped};
use super::logo::{contain, logo_geometry, LogoArt};
use super::shapes::{qr_shapes, Path, Seg};
use super::style::{FinderShape, ModuleShape, Paint, QrStyle, Rgba};
use super::symbol::QrSymbol;
use crate::error::{Error, ErrorKind, Result};
use crate::imaging::{resize_to, Path as DevicePath, Pixmap, Shader};

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

/// `path` (module units) in device px: `m` px a module from (`x`, `y`).
pub(super) fn device_path(path: &Path, m: f64, x: f64, y: f64) -> DevicePath {
    let mut d = DevicePath::default();
    let p = |a: f64, b: f64| ((a * m + x) as f32, (b * m + y) as f32);
    for seg in &path.segs {
        match *seg {
            Seg::Move(a, b) => {
                let (a, b) = p(a, b);
                d.move_to(a, b);
            }
            Seg::Line(a, b) => {
                let (a, b) = p(a, b);
                d.line_to(a, b);
            }
            Seg::Cubic(a, b, c, e, f, g) => {
                let ((a, b), (c, e), (f, g)) = (p(a, b), p(c, e), p(f, g));
                d.cubic_to(a, b, c, e, f, g);
            }
            Seg::Close => d.close(),
        }
    }
    d
}

/// The shader of `paint` over a drawing `size` modules wide (same geometry as the SVG's
/// gradients), in device px for a code placed at `place`.
pub(super) fn shader(paint: &Paint, size: f64, place: &Placement) -> Shader {
    let stops =
        |s: &[super::style::Stop]| -> Vec<(f32, Rgba)> { s.iter().map(|s| (s.offset as f32, s.color)).collect() };
    let m = place.module_pixels as f64;
    let at = |u: f64, v: f64| ((u * m + place.x as f64) as f32, (v * m + place.y as f64) as f32);
    let c = size / 2.0;
    match paint {
        Paint::Solid(rgba) => Shader::Solid(*rgba),
        Paint::Linear { angle, stops: s } => {
            // libm, not std: std calls the platform libm natively, which may round differently from wasm.
            let (dx, dy) = (libm::cos(angle.to_radians()) * c, libm::sin(angle.to_radians()) * c);
            Shader::Linear { start: at(c - dx, c - dy), end: at(c + dx, c + dy), stops: stops(s) }
        }
        Paint::Radial { stops: s } => {
            Shader::Radial { center: at(c, c), radius: (c * std::f64::consts::SQRT_2 * m) as f32, stops: stops(s) }
        }
    }
}

/// Draws `symbol` with `style` and `logo` into the `box_px` square at `(x, y)` of `target`.
///
/// # Errors
/// [`ErrorKind::QrInvalidOptions`] when the box is too small (see [`placement`]).
pub fn draw_qr(
    target: &mut Pixmap,
    symbol: &QrSymbol,
    style: &QrStyle,
    logo: &LogoArt,
    x: i32,
    y: i32,
    box_px: u32,
) -> Result<Placement> {
    let shapes = qr_shapes(&symbol.matrix, style);
    let place = placement(shapes.size as u32, x, y, box_px)?;
    let m = place.module_pixels as f64;
    if let Some(bg) = style.background {
        if let Some(rect) = DevicePath::rect(x as f32, y as f32, box_px as f32, box_px as f32) {
            Shader::Solid(bg).fill_path(target, &rect, 255);
        }
    }
    // Squares on whole pixels are crisp by construction: no edge is ever grey.
    let square = style.module_shape == ModuleShape::Square
        && style.finder_outer == FinderShape::Square
        && style.finder_inner == FinderShape::Square;
    let opaque = |p: &Paint| match p {
        Paint::Solid(c) if c.a == 255 => Some(*c),
        _ => None,
    };
    let modules_done = square
        && opaque(&style.foreground).is_some_and(|c| fill_module_grid(target, &shapes.modules, shapes.size, c, &place));
    if !modules_done {
        fill_stamped(target, &shapes.modules, &shader(&style.foreground, shapes.size, &place), &place);
    }
    if let Some(c) = style.finder_color {
        let finders_done = square && c.a == 255 && fill_module_grid(target, &shapes.finders, shapes.size, c, &place);
        if !finders_done {
            let path = device_path(&shapes.finders, m, place.x as f64, place.y as f64);
            Shader::Solid(c).fill_path(target, &path, 255);
        }
    }
    if let Some(g) = logo_geometry(symbol, style) {
        // Whole pixels, like the modules around it.
        let area_x = place.x + (g.area_x * m) as i32;
        let area_y = place.y + (g.area_y * m) as i32;
        let area_px = g.area_side * m;
        if let Some(bg) = logo.background {
            let mut plate = Path::default();
            let r = logo.radius * area_px;
            plate.rect(area_x as f64, area_y as f64, area_px, area_px, [r; 4], false);
            Shader::Solid(bg).fill_path(target, &device_path(&plate, 1.0, 0.0, 0.0), 255);
        }
        if let Some(image) = &logo.image {
            let (w, h) = contain(image.pixels.width(), image.pixels.height(), g.logo_side * m);
            let (w, h) = ((w.round() as u32).max(1), (h.round() as u32).max(1));
            // w and h are at most the code's side, which qr_pixmap and placement bound.
            let Some(scaled) = resize_to(&image.pixels, w, h) else { return Ok(place) };
            let lx = area_x + ((area_px as u32).saturating_sub(w) / 2) as i32;
            let ly = area_y + ((area_px as u32).saturating_sub(h) / 2) as i32;
            target.draw(&scaled, lx, ly, None, 255);
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
pub fn qr_pixmap(symbol: &QrSymbol, style: &QrStyle, logo: &LogoArt, size: u32) -> Result<(Pixmap, Placement)> {
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
    let mut pixmap = Pixmap::new(size, size)
        .ok_or_else(|| Error::new(ErrorKind::QrInvalidOptions, format!("size {size} px cannot be drawn")).at("size"))?;
    let place = draw_qr(&mut pixmap, symbol, style, logo, 0, 0, size)?;
    Ok((pixmap, place))
}
