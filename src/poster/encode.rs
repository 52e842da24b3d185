//! Poster pixels -> PNG, JPEG or raw RGBA bytes.

use crate::imaging::Pixmap;
use crate::imaging::{encode_png, png::straight_rgba};

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
                .data()
                .chunks_exact(4)
                .flat_map(|p| {
                    let under = 255 - p[3];
                    [p[0].saturating_add(under), p[1].saturating_add(under), p[2].saturating_add(under)]
                })
                .collect();
            let mut out = Vec::with_capacity(rgb.len() / 10 + 1024);
            let encoder = jpeg_encoder::Encoder::new(&mut out, quality.clamp(1, 100));
            // Writing RGB8 of the stated size to memory cannot fail (posters are at most
            // 16384 px a side, under JPEG's 65535); an empty result would be caught by
            // every caller that decodes it.
            let (w, h) = (u16::try_from(pixmap.width()), u16::try_from(pixmap.height()));
            if let (Ok(w), Ok(h)) = (w, h) {
                let _ = encoder.encode(&rgb, w, h, jpeg_encoder::ColorType::Rgb);
            }
            out
        }
    }
}
