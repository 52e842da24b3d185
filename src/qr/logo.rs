//! What is drawn in the cleared logo area, and where, for every output.

use super::style::{QrStyle, Rgba};
use super::symbol::QrSymbol;
use crate::error::{Error, ErrorKind, Result};
use crate::imaging::Pixmap;
use crate::imaging::{decode_image, DecodeLimits};

/// A decoded logo, with its original bytes for outputs that embed them (SVG).
#[derive(Clone, Debug, PartialEq)]
pub struct LogoImage {
    /// Premultiplied pixels, upright.
    pub pixels: Pixmap,
    /// The PNG or JPEG bytes as given.
    pub bytes: Vec<u8>,
    /// `"image/png"` or `"image/jpeg"`.
    pub mime: &'static str,
}

impl LogoImage {
    /// Decodes a PNG or JPEG logo. `path` names it in errors.
    ///
    /// # Errors
    /// [`ErrorKind::ImageInvalid`], [`ErrorKind::ImageTooLarge`] (over the default
    /// [`DecodeLimits`]).
    pub fn decode(bytes: &[u8], path: &str) -> Result<LogoImage> {
        let pixels = decode_image(bytes, &DecodeLimits::default(), path)?;
        // decode_image accepted the bytes, so they start with one of the two signatures.
        let mime = if bytes.starts_with(b"\x89PNG") { "image/png" } else { "image/jpeg" };
        Ok(LogoImage { pixels, bytes: bytes.to_vec(), mime })
    }
}

/// The look of the logo area. An area with neither image nor background is simply blank.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LogoArt {
    /// The logo, fitted inside its square keeping its aspect ratio. Default: none.
    pub image: Option<LogoImage>,
    /// A plate behind the logo covering the cleared area. Default: none (the code's
    /// background shows).
    pub background: Option<Rgba>,
    /// Corner radius of the plate as a fraction of its side, 0 (square) to 0.5 (circle).
    /// Default: 0.
    pub radius: f64,
}

impl LogoArt {
    /// Checks the radius.
    ///
    /// # Errors
    /// [`ErrorKind::QrInvalidOptions`] at `logo.radius`.
    pub fn validate(&self) -> Result<()> {
        if !(0.0..=0.5).contains(&self.radius) {
            return Err(Error::new(ErrorKind::QrInvalidOptions, "logo.radius must be 0 to 0.5 (of the plate's side)")
                .at("logo.radius"));
        }
        Ok(())
    }
}

/// Where the logo area lies, in module units with the quiet zone included (the
/// coordinates of [`super::QrShapes`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LogoGeometry {
    /// Left edge of the cleared area.
    pub area_x: f64,
    /// Top edge of the cleared area.
    pub area_y: f64,
    /// Side of the cleared area.
    pub area_side: f64,
    /// Side of the square the image is fitted into, centred in the area.
    pub logo_side: f64,
}

/// The logo area of `symbol` drawn with `style`, if it has one.
pub fn logo_geometry(symbol: &QrSymbol, style: &QrStyle) -> Option<LogoGeometry> {
    let area = symbol.logo_area?;
    let width = symbol.matrix.width() as f64;
    Some(LogoGeometry {
        area_x: style.quiet_zone as f64 + area.x as f64,
        area_y: style.quiet_zone as f64 + area.y as f64,
        area_side: area.size as f64,
        logo_side: symbol.logo_size.unwrap_or(0.0) * width,
    })
}

/// The largest `(width, height)` with the aspect of `w` x `h` inside a `side` square.
pub fn contain(w: u32, h: u32, side: f64) -> (f64, f64) {
    let scale = side / w.max(h).max(1) as f64;
    (w as f64 * scale, h as f64 * scale)
}
