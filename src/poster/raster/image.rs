//! Image elements and image backgrounds: decoded once per render, the visible part
//! cropped and resampled to exactly the device pixels it covers, then copied through the
//! element's shape.

use crate::error::Result;
use crate::imaging::{decode_image, resize_to, Area, DecodeLimits, Path, Pixmap};
use crate::poster::assets::Assets;
use crate::poster::template::Fit;
use std::borrow::Cow;

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

    /// As [`Images::get`], taking the pixels out of the cache: an element that uses the
    /// same asset later decodes it again.
    pub fn take(&mut self, name: &str, path: &str) -> Result<Pixmap> {
        self.get(name, path)?;
        let i = self.decoded.iter().position(|(n, _)| n == name).unwrap_or_default();
        Ok(self.decoded.swap_remove(i).1)
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
            let (cw, ch) = (within((dw / k).round(), 1.0, iw), within((dh / k).round(), 1.0, ih));
            let cx = within(((iw - cw) * position.0).round(), 0.0, iw - cw);
            let cy = within(((ih - ch) * position.1).round(), 0.0, ih - ch);
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
    // The clip's anti-aliased coverage, over the target.
    let area = Area { x: target.x, y: target.y, w: target.w, h: target.h };
    let coverage = clip.map(|path| path.coverage(area, false));
    canvas.draw(&scaled, target.x, target.y, coverage.as_ref().map(|c| &c.data[..]), super::shapes::alpha_of(opacity));
}

/// The `(x, y, w, h)` part of `image`, without copying when it is the whole.
fn cropped(image: &Pixmap, (x, y, w, h): (u32, u32, u32, u32)) -> Option<Cow<'_, Pixmap>> {
    if (x, y, w, h) == (0, 0, image.width(), image.height()) {
        return Some(Cow::Borrowed(image));
    }
    image.crop(x, y, w, h).map(Cow::Owned)
}

/// `v` within `lo..=hi`. (`f32::clamp` asserts `lo <= hi` with a message that formats both
/// floats, which links the standard library's float formatting into the `.wasm`.)
fn within(v: f32, lo: f32, hi: f32) -> f32 {
    if v < lo {
        lo
    } else if v > hi {
        hi
    } else {
        v
    }
}
