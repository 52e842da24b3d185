//! PNG output in the smallest colour type that holds the pixels exactly.
//!
//! A plain QR code has two colours: as a 1-bit palette image it is some 30 times smaller
//! than as RGBA, and compresses faster because there are fewer bytes to compress. Anti-
//! aliased or gradient codes and posters with photos have more colours and are written as
//! RGB (opaque) or RGBA. The pixels are never changed: decoding gives back exactly what
//! was drawn.

use super::Pixmap;
use std::borrow::Cow;
use std::collections::HashMap;

/// Straight-alpha RGBA of a pixmap (which keeps premultiplied colour).
pub fn straight_rgba(pixmap: &Pixmap) -> Vec<u8> {
    if pixmap.is_opaque() {
        // Opaque: premultiplied and straight are the same bytes.
        return pixmap.data().to_vec();
    }
    pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| {
            let a = p[3] as u32;
            // Rounded division, as the premultiplication was rounded.
            let un = |v: u8| ((v as u32 * 255 + a / 2).checked_div(a).unwrap_or(0)).min(255) as u8;
            [un(p[0]), un(p[1]), un(p[2]), p[3]]
        })
        .collect()
}

/// Colour -> palette index. Codes have a handful of colours, looked up by a short linear
/// scan; anti-aliased drawings can have up to 256, looked up in a hash map.
#[derive(Default)]
struct Palette {
    colors: Vec<u32>,
    map: HashMap<u32, u8>,
}

impl Palette {
    const SCAN: usize = 16;

    fn find(&self, c: u32) -> Option<u8> {
        if self.colors.len() <= Self::SCAN {
            self.colors.iter().position(|&k| k == c).map(|i| i as u8)
        } else {
            self.map.get(&c).copied()
        }
    }

    /// Adds `c` if new; `false` when it would be the 257th colour.
    fn add(&mut self, c: u32) -> bool {
        if self.find(c).is_some() {
            return true;
        }
        if self.colors.len() == 256 {
            return false;
        }
        self.colors.push(c);
        if self.colors.len() == Self::SCAN + 1 {
            self.map = self.colors.iter().enumerate().map(|(i, &k)| (k, i as u8)).collect();
        } else if self.colors.len() > Self::SCAN {
            self.map.insert(c, (self.colors.len() - 1) as u8);
        }
        true
    }
}

fn pixels_u32(rgba: &[u8]) -> impl Iterator<Item = u32> + '_ {
    rgba.chunks_exact(4).map(|p| u32::from_le_bytes([p[0], p[1], p[2], p[3]]))
}

/// The distinct colours of `rgba` in order of first appearance, if there are at most 256.
fn palette_of(rgba: &[u8]) -> Option<Palette> {
    let mut palette = Palette::default();
    let mut last = None;
    for c in pixels_u32(rgba) {
        // Runs of one colour are the common case: skip the lookup for them.
        if last != Some(c) {
            last = Some(c);
            if !palette.add(c) {
                return None;
            }
        }
    }
    Some(palette)
}

/// Packs palette indices at `depth` bits per pixel, rows padded to whole bytes.
fn pack_indices(rgba: &[u8], width: usize, palette: &Palette, depth: u8) -> Vec<u8> {
    let per_byte = 8 / depth as usize;
    let row_bytes = width.div_ceil(per_byte);
    let rows = rgba.len() / 4 / width.max(1);
    let mut out = vec![0u8; row_bytes * rows];
    let mut last = (u32::MAX, 0u8);
    for (row, line) in out.chunks_exact_mut(row_bytes).zip(rgba.chunks_exact(width * 4)) {
        for (x, c) in pixels_u32(line).enumerate() {
            if c != last.0 {
                last = (c, palette.find(c).unwrap_or(0));
            }
            let shift = 8 - depth as usize * (x % per_byte + 1);
            row[x / per_byte] |= last.1 << shift;
        }
    }
    out
}

/// PNG bytes of `pixmap`: palette (1, 2, 4 or 8 bits) when it has at most 256 colours,
/// else RGB when opaque, else RGBA. Fast compression: the bytes are meant to be shown or
/// uploaded at once, not archived.
pub fn encode_png(pixmap: &Pixmap) -> Vec<u8> {
    let (w, h) = (pixmap.width(), pixmap.height());
    // Opaque pixels are the same premultiplied or not: posters (photos, a few million
    // pixels) skip the demultiplying copy.
    let opaque = pixmap.is_opaque();
    let rgba: Cow<[u8]> = if opaque { Cow::Borrowed(pixmap.data()) } else { Cow::Owned(straight_rgba(pixmap)) };
    let mut out = Vec::with_capacity(rgba.len() / 8 + 1024);
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_compression(png::Compression::Fast);
    let data = if let Some(palette) = palette_of(&rgba) {
        let colors: Vec<[u8; 4]> = palette.colors.iter().map(|c| c.to_le_bytes()).collect();
        let depth = match colors.len() {
            0..=2 => 1,
            3..=4 => 2,
            5..=16 => 4,
            _ => 8,
        };
        encoder.set_color(png::ColorType::Indexed);
        encoder.set_depth(match depth {
            1 => png::BitDepth::One,
            2 => png::BitDepth::Two,
            4 => png::BitDepth::Four,
            _ => png::BitDepth::Eight,
        });
        encoder.set_palette(colors.iter().flat_map(|c| [c[0], c[1], c[2]]).collect::<Vec<u8>>());
        if colors.iter().any(|c| c[3] != 255) {
            // tRNS may stop after the last translucent entry.
            let last = colors.iter().rposition(|c| c[3] != 255).unwrap_or(0);
            encoder.set_trns(colors[..=last].iter().map(|c| c[3]).collect::<Vec<u8>>());
        }
        pack_indices(&rgba, w as usize, &palette, depth)
    } else if opaque {
        encoder.set_color(png::ColorType::Rgb);
        // Photos and gradients: Paeth alone compresses the W2 poster as well as trying all
        // five filters on every row (686 KB either way) in a fifth less time.
        encoder.set_filter(png::Filter::Paeth);
        rgba.chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect()
    } else {
        encoder.set_color(png::ColorType::Rgba);
        rgba.into_owned()
    };
    // Writing to a Vec cannot fail, and the header matches the data by construction
    // (a pixmap is never empty; the data length follows from the colour type and depth).
    let mut writer = encoder.write_header().expect("a valid PNG header");
    writer.write_image_data(&data).expect("image data of the header's size");
    writer.finish().expect("writing to memory");
    out
}
