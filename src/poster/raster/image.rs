//! Image elements and image backgrounds: decoded once per render, the visible part
//! cropped and resampled to exactly the device pixels it covers, then copied through the
//! element's shape.

use crate::error::Result;
use crate::imaging::{decode_image, resize_to, DecodeLimits};
use crate::poster::assets::Assets;
use crate::poster::template::Fit;
use std::borrow::Cow;
use tiny_skia::{self as sk, Path, Pixmap, Transform};

/// Decoded images of one render, by asset name: an asset drawn twice is decoded once.
pub struct Images<'a> {
    assets: &'a Assets,
    limits: DecodeLimits,
    decoded: Vec<(String, Pixmap)>,
}

impl<'a> Images<'a> {
    pub fn new(assets: &'a Assets, limits: DecodeLimits) -> Self {
        Images { assets, limits, decoded: Vec::new() }
    }

    /// The pixels of `name`; `path` names the template value in errors.
    pub fn get(&mut self, name: &str, path: &str) -> Result<&Pixmap> {
        let i = match self.decoded.iter().position(|(n, _)| n == name) {
            Some(i) => i,
            None => {
                let bytes = self.assets.get(name, path)?;
                let pixels = decode_image(bytes, &self.limits, path)?;
                self.decoded.push((name.to_owned(), pixels));
                self.decoded.len() - 1
            }
        };
        Ok(&self.decoded[i].1)
    }

    /// The raw bytes of `name` (for the QR logo, which decodes its own).
    pub fn bytes(&self, name: &str, path: &str) -> Result<&'a [u8]> {
        self.assets.get(name, path).map(|b| &b[..])
    }
}

/// Where an image goes, in device px.
#[derive(Clone, Copy, Debug)]
pub struct DeviceBox {
    pub x: i32,
    pub y: i32,
    pub w: u32,
    pub h: u32,
}

impl DeviceBox {
    /// The template box scaled to device px, edges rounded (so that neighbouring boxes
    /// share their edge pixels exactly).
    pub fn of(x: f32, y: f32, w: f32, h: f32, scale: f32) -> Option<DeviceBox> {
        let (x0, y0) = ((x * scale).round(), (y * scale).round());
        let (x1, y1) = (((x + w) * scale).round(), ((y + h) * scale).round());
        let ok = |v: f32| v.is_finite() && v.abs() < 1e7;
        if !(ok(x0) && ok(y0) && ok(x1) && ok(y1)) || x1 <= x0 || y1 <= y0 {
            return None;
        }
        Some(DeviceBox { x: x0 as i32, y: y0 as i32, w: (x1 - x0) as u32, h: (y1 - y0) as u32 })
    }
}

/// Draws `image` into `dest` as `fit` and `position` say, through `clip` when given (a
/// path in device px), with `opacity`.
pub fn draw_image(
    canvas: &mut Pixmap,
    image: &Pixmap,
    dest: DeviceBox,
    fit: Fit,
    position: (f32, f32),
    clip: Option<&Path>,
    opacity: f32,
) {
    let (iw, ih) = (image.width() as f32, image.height() as f32);
    let (dw, dh) = (dest.w as f32, dest.h as f32);
    // The source rectangle shown, and the device rectangle it lands on.
    let (crop, target) = match fit {
        Fit::Fill => ((0, 0, image.width(), image.height()), dest),
        Fit::Cover => {
            let k = (dw / iw).max(dh / ih);
            let (cw, ch) = ((dw / k).round().clamp(1.0, iw), (dh / k).round().clamp(1.0, ih));
            let cx = ((iw - cw) * position.0).round().clamp(0.0, iw - cw);
            let cy = ((ih - ch) * position.1).round().clamp(0.0, ih - ch);
            ((cx as u32, cy as u32, cw as u32, ch as u32), dest)
        }
        Fit::Contain => {
            let k = (dw / iw).min(dh / ih);
            let (tw, th) = ((iw * k).round().max(1.0), (ih * k).round().max(1.0));
            let tx = dest.x + ((dw - tw) * position.0).round() as i32;
            let ty = dest.y + ((dh - th) * position.1).round() as i32;
            ((0, 0, image.width(), image.height()), DeviceBox { x: tx, y: ty, w: tw as u32, h: th as u32 })
        }
    };
    let Some(source) = cropped(image, crop) else { return };
    let scaled: Cow<Pixmap> = if source.width() == target.w && source.height() == target.h {
        source
    } else {
        match resize_to(&source, target.w, target.h) {
            Some(p) => Cow::Owned(p),
            None => return,
        }
    };
    // The clip's anti-aliased coverage, in the target's own coordinates.
    let coverage = match clip {
        Some(path) => {
            let Some(mut mask) = sk::Mask::new(target.w, target.h) else { return };
            let shift = Transform::from_translate(-(target.x as f32), -(target.y as f32));
            mask.fill_path(path, sk::FillRule::Winding, true, shift);
            Some(mask)
        }
        None => None,
    };
    let alpha = (opacity.clamp(0.0, 1.0) * 255.0 + 0.5) as u32;
    composite(canvas, &scaled, target.x, target.y, coverage.as_ref().map(|m| m.data()), alpha);
}

/// `(a * b) / 255`, rounded, exact for all 8-bit inputs.
fn mul255(a: u32, b: u32) -> u32 {
    let t = a * b + 128;
    (t + (t >> 8)) >> 8
}

/// Source-over of premultiplied `src` onto `canvas` at (`x`, `y`), scaled by the clip's
/// `coverage` (one byte a source pixel) and `alpha`. Images are copied pixel for pixel
/// (already resampled to their device size), so this integer loop gives what tiny-skia's
/// float pattern pipeline would, several times faster and the same on every platform.
fn composite(canvas: &mut Pixmap, src: &Pixmap, x: i32, y: i32, coverage: Option<&[u8]>, alpha: u32) {
    let (cw, ch) = (canvas.width() as i64, canvas.height() as i64);
    let (sw, sh) = (src.width() as i64, src.height() as i64);
    let (x0, y0) = ((x as i64).max(0), (y as i64).max(0));
    let (x1, y1) = ((x as i64 + sw).min(cw), (y as i64 + sh).min(ch));
    if x0 >= x1 || y0 >= y1 {
        return;
    }
    let src_px = src.data();
    let dst_px = canvas.data_mut();
    for row in y0..y1 {
        let sy = row - y as i64;
        let s_start = ((sy * sw + (x0 - x as i64)) * 4) as usize;
        let d_start = ((row * cw + x0) * 4) as usize;
        let n = (x1 - x0) as usize;
        let cov_row = coverage.map(|c| &c[(sy * sw + (x0 - x as i64)) as usize..][..n]);
        let s_row = &src_px[s_start..s_start + n * 4];
        let d_row = &mut dst_px[d_start..d_start + n * 4];
        if cov_row.is_none() && alpha == 255 && s_row.chunks_exact(4).all(|p| p[3] == 255) {
            // An opaque row of a photo drawn unclipped (backgrounds): a plain copy.
            d_row.copy_from_slice(s_row);
            continue;
        }
        for (i, (s, d)) in s_row.chunks_exact(4).zip(d_row.chunks_exact_mut(4)).enumerate() {
            let k = match cov_row {
                Some(c) => mul255(c[i] as u32, alpha),
                None => alpha,
            };
            if k == 0 {
                continue;
            }
            let [r, g, b, a] = if k == 255 {
                [s[0] as u32, s[1] as u32, s[2] as u32, s[3] as u32]
            } else {
                [mul255(s[0] as u32, k), mul255(s[1] as u32, k), mul255(s[2] as u32, k), mul255(s[3] as u32, k)]
            };
            if a == 255 {
                d.copy_from_slice(&[r as u8, g as u8, b as u8, 255]);
            } else if a > 0 {
                let keep = 255 - a;
                d[0] = (r + mul255(d[0] as u32, keep)) as u8;
                d[1] = (g + mul255(d[1] as u32, keep)) as u8;
                d[2] = (b + mul255(d[2] as u32, keep)) as u8;
                d[3] = (a + mul255(d[3] as u32, keep)) as u8;
            }
        }
    }
}

/// The `(x, y, w, h)` part of `image`, without copying when it is the whole.
fn cropped(image: &Pixmap, (x, y, w, h): (u32, u32, u32, u32)) -> Option<Cow<'_, Pixmap>> {
    if (x, y, w, h) == (0, 0, image.width(), image.height()) {
        return Some(Cow::Borrowed(image));
    }
    let rect = sk::IntRect::from_xywh(x as i32, y as i32, w, h)?;
    image.clone_rect(rect).map(Cow::Owned)
}
