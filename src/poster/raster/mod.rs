//! Raster: a [`Layout`] painted into pixels, `scale` device pixels per template px. Only
//! drawing happens here; every position and line of text was decided by the layout stage.
//! Shapes are built in device px, so that the rasteriser's pixel grid is the output's.

mod image;
pub mod shapes;

use super::assets::Assets;
use super::layout::{BackgroundPaint, Content, Layout, Placed};
use crate::error::{Error, Result};
use crate::imaging::paint::pixmap_area;
use crate::imaging::{DecodeLimits, Path, Pixmap, Shader};
use crate::qr::{self, Rgba};
use image::{DeviceBox, Images};
use shapes::{alpha_of, draw_shadow, shader};

/// Paints `layout` at `scale`, decoding images from `assets` within `limits`. With
/// `debug`, every element's box is outlined.
///
/// # Errors
/// `IMAGE_INVALID` / `IMAGE_TOO_LARGE` for an image asset, the QR errors of a QR element
/// that does not fit its box, each with the element's path; `TEMPLATE_LIMIT` when the
/// pixmap cannot be allocated.
pub fn rasterize(layout: &Layout, assets: &Assets, scale: f32, limits: DecodeLimits, debug: bool) -> Result<Pixmap> {
    let (w, h) = ((layout.width * scale).round().max(1.0) as u32, (layout.height * scale).round().max(1.0) as u32);
    let blank = || {
        Pixmap::new(w, h).ok_or_else(|| {
            Error::new(crate::ErrorKind::TemplateLimit, format!("a {w}x{h} pixel canvas cannot be allocated"))
                .at("width")
        })
    };
    let mut images = Images::new(assets, limits);
    let mut canvas = match &layout.background {
        BackgroundPaint::Paint(super::layout::Paint::Solid(c)) => {
            let mut canvas = blank()?;
            canvas.fill(*c);
            canvas
        }
        BackgroundPaint::Paint(p) => {
            let mut canvas = blank()?;
            if let Some(all) = Path::rect(0.0, 0.0, w as f32, h as f32) {
                shader(p, 0.0, 0.0, w as f32, h as f32).fill_path(&mut canvas, &all, 255);
            }
            canvas
        }
        BackgroundPaint::Image { asset, fit, position } => {
            let pixels = images.take(asset, "background.image")?;
            if pixels.width() == w && pixels.height() == h && pixels.is_opaque() {
                // A photo made for the poster's size: every fit puts it there 1:1, so it
                // becomes the canvas (instead of clearing, filling and drawing).
                pixels
            } else {
                let mut canvas = blank()?;
                canvas.fill(Rgba::WHITE);
                let dest = DeviceBox { x: 0, y: 0, w, h };
                image::draw_image(&mut canvas, &pixels, dest, *fit, *position, None, 1.0);
                canvas
            }
        }
    };
    for element in &layout.elements {
        let path = format!("elements[{}]", element.index);
        draw(&mut canvas, layout, element, &mut images, scale).map_err(|e| super::layout::inside(e, &path))?;
    }
    if debug {
        outline_boxes(&mut canvas, layout, scale);
    }
    Ok(canvas)
}

fn draw(canvas: &mut Pixmap, layout: &Layout, e: &Placed, images: &mut Images, scale: f32) -> Result<()> {
    let alpha = alpha_of(e.opacity);
    // The element's box in device px.
    let (x, y, w, h) = (e.x * scale, e.y * scale, e.width * scale, e.height * scale);
    match &e.content {
        Content::Hidden => {}
        Content::Rect { fill, stroke, radius, shadow } => {
            let Some(shape) = Path::rounded_rect(x, y, w, h, radius.map(|r| r * scale)) else { return Ok(()) };
            if let Some(sh) = shadow {
                draw_shadow(canvas, &shape, sh, scale, e.opacity);
            }
            if let Some(fill) = fill {
                shader(fill, x, y, w, h).fill_path(canvas, &shape, alpha);
            }
            if let Some((width, color)) = stroke {
                // Inside the box, as a CSS border is: the box less the box inset by the
                // width, whose corners are rounded by what is left of the radius.
                let sw = width * scale;
                let mut ring = shape.clone();
                ring.push_rounded_rect(
                    x + sw,
                    y + sw,
                    w - 2.0 * sw,
                    h - 2.0 * sw,
                    radius.map(|r| (r * scale - sw).max(0.0)),
                );
                fill_even_odd(canvas, &ring, *color, alpha);
            }
        }
        Content::Image { asset, fit, position, radius, circle, border, shadow } => {
            let Some(dest) = DeviceBox::of(e.x, e.y, e.width, e.height, scale) else { return Ok(()) };
            let (x, y, w, h) = (dest.x as f32, dest.y as f32, dest.w as f32, dest.h as f32);
            let clip = if *circle {
                Path::ellipse(x, y, w, h)
            } else {
                Path::rounded_rect(x, y, w, h, radius.map(|r| r * scale))
            };
            let Some(clip) = clip else { return Ok(()) };
            if let Some(sh) = shadow {
                draw_shadow(canvas, &clip, sh, scale, e.opacity);
            }
            if let Some((width, color)) = border {
                let b = width * scale;
                let outer = if *circle {
                    Path::ellipse(x - b, y - b, w + 2.0 * b, h + 2.0 * b)
                } else {
                    Path::rounded_rect(
                        x - b,
                        y - b,
                        w + 2.0 * b,
                        h + 2.0 * b,
                        radius.map(|r| if r > 0.0 { r * scale + b } else { 0.0 }),
                    )
                };
                if let Some(mut ring) = outer {
                    ring.push_path(&clip);
                    fill_even_odd(canvas, &ring, *color, alpha);
                }
            }
            let rounded = *circle || radius.iter().any(|r| *r > 0.0);
            let pixels = images.get(asset, "asset")?;
            image::draw_image(canvas, pixels, dest, *fit, *position, rounded.then_some(&clip), e.opacity);
        }
        Content::Text(text) => {
            for (path, color) in super::text::text_paths(&layout.fonts, text) {
                Shader::Solid(color).fill_path(canvas, &path.transformed(scale, x, y), alpha);
            }
        }
        Content::Qr { symbol, style, logo_asset, logo_background, logo_radius } => {
            let image = match logo_asset {
                Some(name) => Some(qr::LogoImage::decode(images.bytes(name, "logo.asset")?, "logo.asset")?),
                None => None,
            };
            let art = qr::LogoArt { image, background: *logo_background, radius: *logo_radius };
            let side = w.round() as u32;
            let (x, y) = (x.round() as i32, y.round() as i32);
            if alpha == 255 {
                qr::draw_qr(canvas, symbol, style, &art, x, y, side)?;
            } else if let Some(mut layer) = Pixmap::new(side.max(1), side.max(1)) {
                qr::draw_qr(&mut layer, symbol, style, &art, 0, 0, side)?;
                canvas.draw(&layer, x, y, None, alpha);
            }
        }
        Content::Line { vertical, thickness, color, dash, round_cap } => {
            let t = thickness * scale;
            let (x0, y0, x1, y1) =
                if *vertical { (x + t / 2.0, y, x + t / 2.0, y + h) } else { (x, y + t / 2.0, x + w, y + t / 2.0) };
            let dash = dash.map(|[on, off]| [on * scale, off * scale]);
            Shader::Solid(*color).fill_path(canvas, &Path::dashed_line(x0, y0, x1, y1, t, dash, *round_cap), alpha);
        }
    }
    Ok(())
}

/// Fills the area between the contours of `ring` (even-odd) with `color`.
fn fill_even_odd(canvas: &mut Pixmap, ring: &Path, color: Rgba, alpha: u8) {
    if let Some(area) = ring.area_within(pixmap_area(canvas)) {
        Shader::Solid(color).fill(canvas, &ring.coverage(area, true), alpha);
    }
}

/// `debug: true`: a 1-px outline along the inside of every element's box, magenta,
/// hidden ones dashed.
fn outline_boxes(canvas: &mut Pixmap, layout: &Layout, scale: f32) {
    let magenta = Rgba { r: 255, g: 0, b: 200, a: 220 };
    for e in &layout.elements {
        let (x0, y0) = (e.x * scale, e.y * scale);
        let (x1, y1) = (x0 + (e.width * scale).max(1.0), y0 + (e.height * scale).max(1.0));
        let dash = matches!(e.content, Content::Hidden).then_some([4.0, 4.0]);
        let mut sides = Path::default();
        for (a, b, c, d) in [
            (x0, y0 + 0.5, x1, y0 + 0.5),
            (x0, y1 - 0.5, x1, y1 - 0.5),
            (x0 + 0.5, y0, x0 + 0.5, y1),
            (x1 - 0.5, y0, x1 - 0.5, y1),
        ] {
            sides.push_path(&Path::dashed_line(a, b, c, d, 1.0, dash, false));
        }
        Shader::Solid(magenta).fill_path(canvas, &sides, 255);
    }
}
