//! PNG and JPEG decoding with the `image` crate, bounded before a pixel is decoded.

use crate::error::{Error, ErrorKind, Result};
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};
use std::io::Cursor;
use tiny_skia::{IntSize, Pixmap};

/// How large an image may be. Checked against the header, so a small file that claims
/// huge dimensions (a decompression bomb) is refused before anything is allocated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DecodeLimits {
    /// Largest width or height in pixels. Default: 8192.
    pub max_side: u32,
    /// Largest width x height. Default: 25,000,000 (a 48 MP phone photo is refused: scale
    /// it on the server; at 4 bytes a pixel the limit is 100 MB of memory).
    pub max_pixels: u64,
    /// Largest encoded size in bytes. Default: 32 MiB.
    pub max_bytes: usize,
}

impl Default for DecodeLimits {
    fn default() -> Self {
        DecodeLimits { max_side: 8192, max_pixels: 25_000_000, max_bytes: 32 << 20 }
    }
}

fn too_large(path: &str, message: String) -> Error {
    Error::new(ErrorKind::ImageTooLarge, message).at(path)
}

fn invalid(path: &str, message: String) -> Error {
    Error::new(ErrorKind::ImageInvalid, message).at(path)
}

/// What the decoder said, without its type names.
fn describe(e: &image::ImageError) -> String {
    match e {
        image::ImageError::Decoding(d) => d.to_string(),
        image::ImageError::Unsupported(u) => u.to_string(),
        other => other.to_string(),
    }
}

/// Decodes PNG or JPEG `bytes` into premultiplied RGBA, turned upright as its EXIF
/// orientation says. `path` names the input in errors (e.g. `"logo.image"`).
///
/// # Errors
/// [`ErrorKind::ImageInvalid`] when the bytes are not a PNG or JPEG, or are corrupt or
/// truncated; [`ErrorKind::ImageTooLarge`] when they exceed `limits`.
pub fn decode_image(bytes: &[u8], limits: &DecodeLimits, path: &str) -> Result<Pixmap> {
    if bytes.len() > limits.max_bytes {
        return Err(too_large(
            path,
            format!("the image is {} bytes; at most {} are accepted", bytes.len(), limits.max_bytes),
        ));
    }
    let format = match image::guess_format(bytes) {
        Ok(f @ (ImageFormat::Png | ImageFormat::Jpeg)) => f,
        _ => {
            return Err(invalid(path, format!("the {} bytes are not a PNG or JPEG image", bytes.len())));
        }
    };
    let name = if format == ImageFormat::Png { "PNG" } else { "JPEG" };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut l = image::Limits::default();
    l.max_image_width = Some(limits.max_side);
    l.max_image_height = Some(limits.max_side);
    // Room for the pixels in the decoder's own format (up to 16-bit RGBA) and our copy.
    l.max_alloc = Some(limits.max_pixels.saturating_mul(16));
    reader.limits(l);
    let mut decoder = reader.into_decoder().map_err(|e| match e {
        image::ImageError::Limits(_) => {
            too_large(path, format!("the {name} is larger than {0}x{0} pixels", limits.max_side))
        }
        e => invalid(path, format!("the {name} cannot be read: {}", describe(&e))),
    })?;
    let (w, h) = decoder.dimensions();
    if w > limits.max_side || h > limits.max_side || w as u64 * h as u64 > limits.max_pixels {
        return Err(too_large(
            path,
            format!(
                "the {name} is {w}x{h} pixels; at most {0}x{0} and {1} pixels are accepted",
                limits.max_side, limits.max_pixels
            ),
        ));
    }
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| match e {
        image::ImageError::Limits(_) => too_large(path, format!("decoding the {name} needs more memory than allowed")),
        e => invalid(path, format!("the {name} cannot be read: {}", describe(&e))),
    })?;
    image.apply_orientation(orientation);
    let rgba = image.into_rgba8();
    let (w, h) = rgba.dimensions();
    let mut data = rgba.into_raw();
    premultiply(&mut data);
    let size = IntSize::from_wh(w, h).ok_or_else(|| invalid(path, format!("the {name} has no pixels")))?;
    Pixmap::from_vec(data, size).ok_or_else(|| invalid(path, format!("the {name} has no pixels")))
}

/// Straight alpha -> premultiplied, rounding as tiny-skia does.
fn premultiply(data: &mut [u8]) {
    for px in data.chunks_exact_mut(4) {
        let a = px[3] as u16;
        if a != 255 {
            for c in &mut px[..3] {
                // (c * a + 127) / 255, exact for all 8-bit inputs.
                let t = *c as u16 * a + 128;
                *c = ((t + (t >> 8)) >> 8) as u8;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn premultiply_matches_the_exact_rounded_product() {
        for c in 0..=255u16 {
            for a in 0..=255u16 {
                let mut px = [c as u8, 0, 0, a as u8];
                premultiply(&mut px);
                let exact = ((c * a) as f64 / 255.0).round() as u16;
                assert_eq!(px[0] as u16, if a == 255 { c } else { exact }, "c={c} a={a}");
            }
        }
    }
}
