//! PNG output in the smallest colour type that holds the pixels exactly.
//!
//! A plain QR code has two colours: as a 1-bit palette image it is some 30 times smaller
//! than as RGBA, and compresses faster because there are fewer bytes to compress. Anti-
//! aliased or gradient codes and posters with photos have more colours and are written as
//! RGB (opaque) or RGBA. The pixels are never changed: decoding gives back exactly what
//! was drawn.

use std::collections::HashMap;
use tiny_skia::Pixmap;

/// Straight-alpha RGBA of a pixmap (tiny-skia keeps premultiplied colour).
pub fn straight_rgba(pixmap: &Pixmap) -> Vec<u8> {
    pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect()
}

/// The distinct colours of `rgba`, in order of first appearance, if there are at most 256.
fn palette_of(rgba: &[u8]) -> Option<Vec<[u8; 4]>> {
    let mut index: HashMap<[u8; 4], u8> = HashMap::new();
    let mut colors = Vec::new();
    let mut last: Option<[u8; 4]> = None;
    for px in rgba.chunks_exact(4) {
        let c = [px[0], px[1], px[2], px[3]];
        // Runs of one colour are the common case: skip the map lookup for them.
        if last == Some(c) {
            continue;
        }
        last = Some(c);
        if let std::collections::hash_map::Entry::Vacant(slot) = index.entry(c) {
            if colors.len() == 256 {
                return None;
            }
            slot.insert(colors.len() as u8);
            colors.push(c);
        }
    }
    Some(colors)
}

/// Packs palette indices at `depth` bits per pixel, rows padded to whole bytes.
fn pack_indices(rgba: &[u8], width: usize, colors: &[[u8; 4]], depth: u8) -> Vec<u8> {
    let index: HashMap<[u8; 4], u8> = colors.iter().enumerate().map(|(i, c)| (*c, i as u8)).collect();
    let per_byte = 8 / depth as usize;
    let row_bytes = width.div_ceil(per_byte);
    let rows = rgba.len() / 4 / width.max(1);
    let mut out = vec![0u8; row_bytes * rows];
    let mut last = ([0u8; 4], 0u8);
    for (i, px) in rgba.chunks_exact(4).enumerate() {
        let c = [px[0], px[1], px[2], px[3]];
        let v = if c == last.0 { last.1 } else { index.get(&c).copied().unwrap_or(0) };
        last = (c, v);
        let (y, x) = (i / width, i % width);
        let shift = 8 - depth as usize * (x % per_byte + 1);
        out[y * row_bytes + x / per_byte] |= v << shift;
    }
    out
}

/// PNG bytes of `pixmap`: palette (1, 2, 4 or 8 bits) when it has at most 256 colours,
/// else RGB when opaque, else RGBA. Fast compression: the bytes are meant to be shown or
/// uploaded at once, not archived.
pub fn encode_png(pixmap: &Pixmap) -> Vec<u8> {
    let (w, h) = (pixmap.width(), pixmap.height());
    let rgba = straight_rgba(pixmap);
    let mut out = Vec::with_capacity(rgba.len() / 8 + 1024);
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_compression(png::Compression::Fast);
    let data = if let Some(colors) = palette_of(&rgba) {
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
        pack_indices(&rgba, w as usize, &colors, depth)
    } else if rgba.chunks_exact(4).all(|p| p[3] == 255) {
        encoder.set_color(png::ColorType::Rgb);
        rgba.chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect()
    } else {
        encoder.set_color(png::ColorType::Rgba);
        rgba
    };
    // Writing to a Vec cannot fail, and the header matches the data by construction
    // (a pixmap is never empty; the data length follows from the colour type and depth).
    let mut writer = encoder.write_header().expect("a valid PNG header");
    writer.write_image_data(&data).expect("image data of the header's size");
    writer.finish().expect("writing to memory");
    out
}
