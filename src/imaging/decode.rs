//! PNG and JPEG decoding with limits (see [`share_earn_pixels::decode`], where the
//! decoders run), with this crate's errors.

use super::Pixmap;
use crate::error::{Error, ErrorKind, Result};

pub use share_earn_pixels::decode::DecodeLimits;

/// Decodes PNG or JPEG `bytes` into premultiplied RGBA, turned upright as its EXIF
/// orientation says. `path` names the input in errors (e.g. `"logo.image"`).
///
/// # Errors
/// [`ErrorKind::ImageInvalid`] when the bytes are not a PNG or JPEG, or are corrupt or
/// truncated; [`ErrorKind::ImageTooLarge`] when they exceed `limits`.
pub fn decode_image(bytes: &[u8], limits: &DecodeLimits, path: &str) -> Result<Pixmap> {
    share_earn_pixels::decode_image(bytes, limits).map_err(|e| {
        let kind = if e.too_large { ErrorKind::ImageTooLarge } else { ErrorKind::ImageInvalid };
        Error::new(kind, e.message).at(path)
    })
}
