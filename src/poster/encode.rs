//! Poster pixels -> PNG, JPEG or raw RGBA bytes.

use crate::imaging::{encode_png, png::straight_rgba};
use tiny_skia::Pixmap;

/// Output format of a render.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    /// PNG in the smallest colour type that holds the pixels exactly. Default.
    #[default]
    Png,
    /// Baseline JPEG at the given quality, composited over white.
    Jpeg,
    /// Straight-alpha RGBA, 4 bytes a pixel, rows top to bottom: what a canvas's
    /// `ImageData` takes, with nothing to encode or decode.
    Rgba,
}

impl Format {
    /// `"png"`, `"jpeg"` or `"rgba"`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Jpeg => "jpeg",
            Format::Rgba => "rgba",
        }
    }
}

/// Encodes `pixmap`; `quality` (1-100) is used by JPEG only.
pub fn encode(pixmap: &Pixmap, format: Format, quality: u8) -> Vec<u8> {
    match format {
        Format::Png => encode_png(pixmap),
        Format::Rgba => straight_rgba(pixmap),
        Format::Jpeg => {
            // Premultiplied colour over white: c + (255 - a).
            let rgb: Vec<u8> = pixmap
                .pixels()
                .iter()
                .flat_map(|p| {
                    let under = 255 - p.alpha();
                    [p.red() + under, p.green() + under, p.blue() + under]
                })
                .collect();
            let mut out = Vec::with_capacity(rgb.len() / 10 + 1024);
            let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality.clamp(1, 100));
            // Writing RGB8 of the stated size to memory cannot fail; an empty result would
            // be caught by every caller that decodes it.
            let _ = image::ImageEncoder::write_image(
                encoder,
                &rgb,
                pixmap.width(),
                pixmap.height(),
                image::ExtendedColorType::Rgb8,
            );
            out
        }
    }
}
