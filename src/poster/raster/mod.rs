//! Raster: a [`Layout`] painted into pixels with tiny-skia, `scale` device pixels per
//! template px. Only drawing happens here; every position and line of text was decided
//! by the layout stage.

mod image;
pub mod shapes;

use super::assets::Assets;
use super::layout::{to_color, BackgroundPaint, Content, Layout, Paint, Placed};
use crate::error::{Error, Result};
use crate::imaging::DecodeLimits;
use crate::qr::{self, Rgba};
use image::{DeviceBox, Images};
use shapes::{draw_shadow, ellipse, rounded_rect, shader};
use tiny_skia::{self as sk, Path, Pixmap, Transform};

/// Paints `layout` at `scale`, decoding images from `assets` within `limits`. With
/// `debug`, every element's box is outlined.
///
/// # Errors
/// `IMAGE_INVALID` / `IMAGE_TOO_LARGE` for an image asset, the QR errors of a QR element
/// that does not fit its box, each with the element's path; `TEMPLATE_LIMIT` when the
/// pixmap cannot be allocated.
pub fn rasterize(layout: &Layout, assets: &Assets, scale: f32, limits: DecodeLimits, debug: bool) -> Result<Pixmap> {
    let (w, h) = ((layout.width * scale).round().max(1.0) as u32, (layout.height * scale).round().max(1.0) as u32);
    let mut canvas = Pixmap::new(w, h).ok_or_else(|| {
        Error::new(crate::ErrorKind::TemplateLimit, format!("a {w}x{h} pixel canvas cannot be allocated")).at("width")
    })?;
    let mut images = Images::new(assets, limits);
    match &layout.background {
        BackgroundPaint::Paint(Paint::Solid(c)) => canvas.fill(to_color(*c)),
        BackgroundPaint::Paint(p) => {
            let paint = sk::Paint { shader: shader(p, 0.0, 0.0, w as f32, h as f32), ..Default::default() };
            if let Some(r) = sk::Rect::from_xywh(0.0, 0.0, w as f32, h as f32) {
                canvas.fill_rect(r, &paint, Transform::identity(), None);
            }
        }
        BackgroundPaint::Image { asset, fit, position } => {
            canvas.fill(sk::Color::WHITE);
            let pixels = images.get(asset, "background.image")?;
            let dest = DeviceBox { x: 0, y: 0, w, h };
            image::draw_image(&mut canvas, pixels, dest, *fit, *position, None, 1.0);
        }
    }
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
    let s = Transform::from_scale(scale, scale);
    let fade = |c: Rgba| to_color(Rgba { a: (c.a as f32 * e.opacity + 0.5) as u8, ..c });
    match &e.content {
        Content::Hidden => {}
        Content::Rect { fill, stroke, radius, shadow } => {
            let Some(shape) = rounded_rect(e.x, e.y, e.width, e.height, *radius) else { return Ok(()) };
            if let (Some(sh), Some(device)) = (shadow, shape.clone().transform(s)) {
                draw_shadow(canvas, &device, sh, scale, e.opacity);
            }
            if let Some(fill) = fill {
                let mut shader = shader(fill, e.x, e.y, e.width, e.height);
                shader.apply_opacity(e.opacity);
                let paint = sk::Paint { shader, anti_alias: true, ..Default::default() };
                canvas.fill_path(&shape, &paint, sk::FillRule::Winding, s, None);
            }
            if let Some((width, color)) = stroke {
                // Inside the box, as a CSS border is.
                let half = width / 2.0;
                let inset = radius.map(|r| (r - half).max(0.0));
                if let Some(ring) = rounded_rect(e.x + half, e.y + half, e.width - width, e.height - width, inset) {
                    let paint = solid(fade(*color));
                    let stroke = sk::Stroke { width: *width, ..Default::default() };
                    canvas.stroke_path(&ring, &paint, &stroke, s, None);
                }
            }
        }
        Content::Image { asset, fit, position, radius, circle, border, shadow } => {
            let Some(dest) = DeviceBox::of(e.x, e.y, e.width, e.height, scale) else { return Ok(()) };
            let (x, y, w, h) = (dest.x as f32, dest.y as f32, dest.w as f32, dest.h as f32);
            let clip = if *circle { ellipse(x, y, w, h) } else { rounded_rect(x, y, w, h, radius.map(|r| r * scale)) };
            let Some(clip) = clip else { return Ok(()) };
            if let Some(sh) = shadow {
                draw_shadow(canvas, &clip, sh, scale, e.opacity);
            }
            if let Some((width, color)) = border {
                let b = width * scale;
                let outer = if *circle {
                    ellipse(x - b, y - b, w + 2.0 * b, h + 2.0 * b)
                } else {
                    rounded_rect(
                        x - b,
                        y - b,
                        w + 2.0 * b,
                        h + 2.0 * b,
                        radius.map(|r| if r > 0.0 { r * scale + b } else { 0.0 }),
                    )
                };
                if let Some(ring) = outer.and_then(|o| ring(&o, &clip)) {
                    canvas.fill_path(&ring, &solid(fade(*color)), sk::FillRule::EvenOdd, Transform::identity(), None);
                }
            }
            let rounded = *circle || radius.iter().any(|r| *r > 0.0);
            let pixels = images.get(asset, "asset")?;
            image::draw_image(canvas, pixels, dest, *fit, *position, rounded.then_some(&clip), e.opacity);
        }
        Content::Text(text) => {
            let at = Transform::from_translate(e.x, e.y).post_scale(scale, scale);
            for (path, color) in super::text::text_paths(&layout.fonts, text) {
                let mut c = color;
                c.apply_opacity(e.opacity);
                canvas.fill_path(&path, &solid(c), sk::FillRule::Winding, at, None);
            }
        }
        Content::Qr { symbol, style, logo_asset, logo_background, logo_radius } => {
            let image = match logo_asset {
                Some(name) => Some(qr::LogoImage::decode(images.bytes(name, "logo.asset")?, "logo.asset")?),
                None => None,
            };
            let art = qr::LogoArt { image, background: *logo_background, radius: *logo_radius };
            let side = (e.width * scale).round() as u32;
            let (x, y) = ((e.x * scale).round() as i32, (e.y * scale).round() as i32);
            if e.opacity >= 1.0 {
                qr::draw_qr(&mut canvas.as_mut(), symbol, style, &art, x, y, side)?;
            } else if let Some(mut layer) = Pixmap::new(side.max(1), side.max(1)) {
                qr::draw_qr(&mut layer.as_mut(), symbol, style, &art, 0, 0, side)?;
                let paint = sk::PixmapPaint { opacity: e.opacity, ..Default::default() };
                canvas.draw_pixmap(x, y, layer.as_ref(), &paint, Transform::identity(), None);
            }
        }
        Content::Line { vertical, thickness, color, dash, round_cap } => {
            let (x0, y0, x1, y1) = if *vertical {
                (e.x + thickness / 2.0, e.y, e.x + thickness / 2.0, e.y + e.height)
            } else {
                (e.x, e.y + thickness / 2.0, e.x + e.width, e.y + thickness / 2.0)
            };
            let mut pb = sk::PathBuilder::new();
            pb.move_to(x0, y0);
            pb.line_to(x1, y1);
            let Some(line) = pb.finish() else { return Ok(()) };
            let stroke = sk::Stroke {
                width: *thickness,
                line_cap: if *round_cap { sk::LineCap::Round } else { sk::LineCap::Butt },
                dash: dash.and_then(|[on, off]| sk::StrokeDash::new(vec![on, off], 0.0)),
                ..Default::default()
            };
            canvas.stroke_path(&line, &solid(fade(*color)), &stroke, s, None);
        }
    }
    Ok(())
}

fn solid(color: sk::Color) -> sk::Paint<'static> {
    let mut paint = sk::Paint { anti_alias: true, ..Default::default() };
    paint.set_color(color);
    paint
}

/// The area between `outer` and `inner` (filled even-odd).
fn ring(outer: &Path, inner: &Path) -> Option<Path> {
    let mut pb = sk::PathBuilder::new();
    pb.push_path(outer);
    pb.push_path(inner);
    pb.finish()
}

/// `debug: true`: a 1-px outline round every element's box, magenta, hidden ones dashed.
fn outline_boxes(canvas: &mut Pixmap, layout: &Layout, scale: f32) {
    for e in &layout.elements {
        let Some(r) = sk::Rect::from_xywh(
            e.x * scale + 0.5,
            e.y * scale + 0.5,
            (e.width * scale - 1.0).max(1.0),
            (e.height * scale - 1.0).max(1.0),
        ) else {
            continue;
        };
        let hidden = matches!(e.content, Content::Hidden);
        let stroke = sk::Stroke {
            width: 1.0,
            dash: if hidden { sk::StrokeDash::new(vec![4.0, 4.0], 0.0) } else { None },
            ..Default::default()
        };
        let path = sk::PathBuilder::from_rect(r);
        canvas.stroke_path(
            &path,
            &solid(sk::Color::from_rgba8(255, 0, 200, 220)),
            &stroke,
            Transform::identity(),
            None,
        );
    }
}
