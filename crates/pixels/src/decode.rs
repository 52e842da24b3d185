//! PNG and JPEG decoding, bounded before a pixel is decoded: PNG with the `png` crate, JPEG
//! with the decoder in [`crate::jpeg`]. (Through the `image` crate this cost 30 KiB more
//! of `.wasm` and a conversion pass per image: its generic pixel conversions for every
//! colour type.)

use super::Pixmap;
use std::fmt;
use std::io::Cursor;

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

/// Why bytes did not decode. `share_earn` turns it into its `Error` with the kind
/// `IMAGE_TOO_LARGE` or `IMAGE_INVALID` and the same message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// The image exceeds the [`DecodeLimits`] (`false`: it is not a PNG or JPEG, or is
    /// corrupt or truncated).
    pub too_large: bool,
    /// What was wrong, for people.
    pub message: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DecodeError {}

type Result<T> = std::result::Result<T, DecodeError>;

fn too_large(message: String) -> DecodeError {
    DecodeError { too_large: true, message }
}

fn invalid(message: String) -> DecodeError {
    DecodeError { too_large: false, message }
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Decodes PNG or JPEG `bytes` into premultiplied RGBA, turned upright as its EXIF
/// orientation says.
///
/// # Errors
/// A [`DecodeError`] when the bytes are not a PNG or JPEG, are corrupt or truncated, or
/// exceed `limits`.
pub fn decode_image(bytes: &[u8], limits: &DecodeLimits) -> Result<Pixmap> {
    if bytes.len() > limits.max_bytes {
        return Err(too_large(format!(
            "the image is {} bytes; at most {} are accepted",
            bytes.len(),
            limits.max_bytes
        )));
    }
    let (mut rgba, w, h, orientation) = if bytes.starts_with(PNG_SIGNATURE) {
        decode_png(bytes, limits)?
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        decode_jpeg(bytes, limits)?
    } else {
        return Err(invalid(format!("the {} bytes are not a PNG or JPEG image", bytes.len())));
    };
    let (w, h) = super::orient::apply(&mut rgba, w, h, orientation);
    Pixmap::from_vec(rgba, w, h).ok_or_else(|| invalid("the image has no pixels".into()))
}

/// Refuses a size over the limits, before the pixels are decoded.
pub(crate) fn check_size(name: &str, w: u32, h: u32, limits: &DecodeLimits) -> Result<()> {
    if w > limits.max_side || h > limits.max_side || w as u64 * h as u64 > limits.max_pixels {
        return Err(too_large(format!(
            "the {name} is {w}x{h} pixels; at most {0}x{0} and {1} pixels are accepted",
            limits.max_side, limits.max_pixels
        )));
    }
    Ok(())
}

type Decoded = (Vec<u8>, u32, u32, u8);

/// PNG with the `png` crate: every colour type and depth expanded to 8-bit RGBA.
fn decode_png(bytes: &[u8], limits: &DecodeLimits) -> Result<Decoded> {
    let bad = |e: png::DecodingError| match e {
        png::DecodingError::LimitsExceeded => too_large("decoding the PNG needs more memory than allowed".into()),
        e => invalid(format!("the PNG cannot be read: {e}")),
    };
    // Room for the decoded frame at up to 16-bit RGBA, and the decoder's own buffers.
    let budget = usize::try_from(limits.max_pixels.saturating_mul(8)).unwrap_or(usize::MAX);
    let mut decoder = png::Decoder::new_with_limits(Cursor::new(bytes), png::Limits { bytes: budget });
    decoder.set_transformations(
        png::Transformations::EXPAND | png::Transformations::STRIP_16 | png::Transformations::ALPHA,
    );
    // The header alone first: a decompression bomb is refused before anything is allocated.
    let (w, h) = {
        let info = decoder.read_header_info().map_err(bad)?;
        (info.width, info.height)
    };
    check_size("PNG", w, h, limits)?;
    let mut reader = decoder.read_info().map_err(bad)?;
    let size = reader.output_buffer_size().ok_or_else(|| too_large("the PNG is too large to decode".into()))?;
    let mut buf = vec![0u8; size];
    let frame = reader.next_frame(&mut buf).map_err(bad)?;
    buf.truncate(frame.buffer_size());
    let orientation = reader.info().exif_metadata.as_deref().map_or(1, super::orient::from_exif);
    let mut rgba = match frame.color_type {
        png::ColorType::Rgba => buf,
        png::ColorType::GrayscaleAlpha => buf.chunks_exact(2).flat_map(|p| [p[0], p[0], p[0], p[1]]).collect(),
        png::ColorType::Rgb => buf.chunks_exact(3).flat_map(|p| [p[0], p[1], p[2], 255]).collect(),
        png::ColorType::Grayscale => buf.iter().flat_map(|&v| [v, v, v, 255]).collect(),
        png::ColorType::Indexed => return Err(invalid("the PNG's palette could not be expanded".into())),
    };
    premultiply(&mut rgba);
    Ok((rgba, frame.width, frame.height, orientation))
}

/// JPEG with our own decoder (see [`crate::jpeg`]), straight to RGBA (opaque: nothing to
/// premultiply).
fn decode_jpeg(bytes: &[u8], limits: &DecodeLimits) -> Result<Decoded> {
    let d = crate::jpeg::decode(bytes, limits)?;
    Ok((d.rgba, d.width, d.height, d.orientation))
}

/// Straight alpha -> premultiplied, rounded to nearest.
fn premultiply(data: &mut [u8]) {
    for px in data.chunks_exact_mut(4) {
        let a = px[3] as u32;
        if a != 255 {
            for c in &mut px[..3] {
                *c = super::pixmap::mul255(*c as u32, a) as u8;
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
