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

    // Called for every change of colour along the rows, from two loops.
    #[inline(always)]
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
    // Cannot fail: `chunks_exact(4)` gives 4-byte slices only.
    rgba.chunks_exact(4).map(|p| u32::from_le_bytes(p.try_into().expect("4 bytes")))
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

/// Colour types of the IHDR chunk (PNG specification, 11.2.2).
const INDEXED: u8 = 3;
const RGB: u8 = 2;
const RGBA: u8 = 6;
/// Row filter types (PNG specification, 9.2).
const FILTER_NONE: u8 = 0;
const FILTER_SUB: u8 = 1;
const FILTER_UP: u8 = 2;
const FILTER_PAETH: u8 = 4;

/// PNG bytes of `pixmap`: palette (1, 2, 4 or 8 bits) when it has at most 256 colours,
/// else RGB when opaque, else RGBA. Fast compression: the bytes are meant to be shown or
/// uploaded at once, not archived.
///
/// The chunks are written here rather than by the png crate's encoder so that the Paeth
/// filter can work on the RGBA rows directly, dropping alpha as it goes for RGB output (one
/// pass instead of a copy and a filter), with WebAssembly SIMD in the SIMD build: a third
/// of the time the encoder took for the W2 poster. The deflate stream is the png crate's
/// own fast setting: `fdeflate`.
pub fn encode_png(pixmap: &Pixmap) -> Vec<u8> {
    let (w, h) = (pixmap.width(), pixmap.height());
    // Opaque pixels are the same premultiplied or not: posters (photos, a few million
    // pixels) skip the demultiplying copy.
    let opaque = pixmap.is_opaque();
    let rgba: Cow<[u8]> = if opaque { Cow::Borrowed(pixmap.data()) } else { Cow::Owned(straight_rgba(pixmap)) };
    let mut png = Vec::with_capacity(rgba.len() / 8 + 1024);
    png.extend_from_slice(b"\x89PNG\r\n\x1a\n");
    let (w, rows) = (w as usize, h as usize);
    if let Some(palette) = palette_of(&rgba) {
        let colors: Vec<[u8; 4]> = palette.colors.iter().map(|c| c.to_le_bytes()).collect();
        let depth = match colors.len() {
            0..=2 => 1,
            3..=4 => 2,
            5..=16 => 4,
            _ => 8,
        };
        header(&mut png, w, rows, depth, INDEXED);
        chunk(&mut png, b"PLTE", &colors.iter().flat_map(|c| [c[0], c[1], c[2]]).collect::<Vec<u8>>());
        if let Some(last) = colors.iter().rposition(|c| c[3] != 255) {
            // tRNS may stop after the last translucent entry.
            chunk(&mut png, b"tRNS", &colors[..=last].iter().map(|c| c[3]).collect::<Vec<u8>>());
        }
        let packed = pack_indices(&rgba, w, &palette, depth);
        let row_bytes = packed.len() / rows;
        // Of no filter, Sub and Up, the one leaving the fewest non-zero bytes: a row the
        // same as the one above (most rows of a code, whose modules are many pixels tall)
        // is all zeros under Up, a row of long runs mostly zeros under Sub, and the
        // compressor writes zeros as runs (it has no string matching that would find
        // repeats otherwise). Codes come out 3-13% smaller than with no filter.
        let (mut sub, mut up) = (vec![0u8; row_bytes], vec![0u8; row_bytes]);
        image_data(&mut png, row_bytes, rows, |y, line| {
            let cur = &packed[y * row_bytes..(y + 1) * row_bytes];
            let nonzero = |v: &[u8]| v.iter().filter(|&&b| b != 0).count();
            let mut best = (nonzero(cur), FILTER_NONE);
            for (i, d) in sub.iter_mut().enumerate() {
                *d = cur[i].wrapping_sub(if i == 0 { 0 } else { cur[i - 1] });
            }
            best = best.min((nonzero(&sub), FILTER_SUB));
            let above = &packed[y.saturating_sub(1) * row_bytes..];
            for ((d, &c), &u) in up.iter_mut().zip(cur).zip(above) {
                *d = if y == 0 { c } else { c.wrapping_sub(u) };
            }
            best = best.min((nonzero(&up), FILTER_UP));
            line[0] = best.1;
            line[1..].copy_from_slice(match best.1 {
                FILTER_UP => &up,
                FILTER_SUB => &sub,
                _ => cur,
            });
        });
    } else {
        // Photos and gradients: Paeth alone compresses the W2 poster as well as trying all
        // five filters on every row (686 KB either way) in a fifth less time.
        let keep = if opaque { 3 } else { 4 };
        header(&mut png, w, rows, 8, if opaque { RGB } else { RGBA });
        let zero = vec![0u8; w * 4];
        image_data(&mut png, w * keep, rows, |y, line| {
            let prev = if y == 0 { &zero[..] } else { &rgba[(y - 1) * w * 4..y * w * 4] };
            line[0] = FILTER_PAETH;
            paeth(prev, &rgba[y * w * 4..(y + 1) * w * 4], &mut line[1..], keep);
        });
    }
    chunk(&mut png, b"IEND", &[]);
    png
}

/// Appends a chunk: length, type, data, CRC of type and data (PNG specification, 5.3).
fn chunk(png: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    // Chunk data is at most 2^31 - 1 bytes; the callers' data (a header, a palette, image
    // data split by `image_data`) always is.
    png.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = png.len();
    png.extend_from_slice(kind);
    png.extend_from_slice(data);
    let crc = crc32fast::hash(&png[start..]);
    png.extend_from_slice(&crc.to_be_bytes());
}

/// The IHDR chunk: no interlacing, the only compression and filter methods there are.
fn header(png: &mut Vec<u8>, w: usize, h: usize, depth: u8, color: u8) {
    let mut ihdr = [0u8; 13];
    ihdr[..4].copy_from_slice(&(w as u32).to_be_bytes());
    ihdr[4..8].copy_from_slice(&(h as u32).to_be_bytes());
    ihdr[8] = depth;
    ihdr[9] = color;
    chunk(png, b"IHDR", &ihdr);
}

/// The IDAT chunks: `rows` lines of a filter byte and `row_bytes` bytes, which
/// `line(y, out)` writes, as one zlib stream. Where compressing makes the data larger
/// (noise), the lines are stored uncompressed instead, as the png crate does.
fn image_data(png: &mut Vec<u8>, row_bytes: usize, rows: usize, mut line: impl FnMut(usize, &mut [u8])) {
    let mut buf = vec![0u8; row_bytes + 1];
    // Writing to memory cannot fail.
    let mut z = fdeflate::Compressor::new(Vec::with_capacity(row_bytes * rows / 4)).expect("in memory");
    for y in 0..rows {
        line(y, &mut buf);
        z.write_data(&buf).expect("in memory");
    }
    let mut zlib = z.finish().expect("in memory");
    let raw = (row_bytes + 1) * rows;
    if zlib.len() > fdeflate::StoredOnlyCompressor::<()>::compressed_size(raw) {
        let mut stored =
            fdeflate::StoredOnlyCompressor::new(std::io::Cursor::new(Vec::with_capacity(raw + raw / 8192 + 64)))
                .expect("in memory");
        for y in 0..rows {
            line(y, &mut buf);
            stored.write_data(&buf).expect("in memory");
        }
        zlib = stored.finish().expect("in memory").into_inner();
    }
    for part in zlib.chunks(1 << 30) {
        chunk(png, b"IDAT", part);
    }
}

/// The Paeth predictor (PNG specification, 9.4): of the left, upper and upper-left
/// bytes, the one closest to left + upper - upper left, ties in that order.
#[inline(always)]
fn predict(a: u8, b: u8, c: u8) -> u8 {
    let (a, b, c) = (a as i16, b as i16, c as i16);
    let (pa, pb, pc) = ((b - c).abs(), (a - c).abs(), (a + b - 2 * c).abs());
    (if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }) as u8
}

/// Paeth-filters pixels `from..to` of the RGBA row `cur` (above it `prev`) into `out`,
/// `keep` bytes a pixel: 4, or 3 to drop alpha (an opaque image written as RGB). Each
/// channel is predicted from the same channel of the neighbours, so filtering RGBA and
/// dropping alpha is exactly filtering the RGB row.
fn paeth_pixels(prev: &[u8], cur: &[u8], out: &mut [u8], keep: usize, from: usize, to: usize) {
    for x in from..to {
        for ch in 0..keep {
            let i = x * 4 + ch;
            let (a, c) = if x == 0 { (0, 0) } else { (cur[i - 4], prev[i - 4]) };
            out[x * keep + ch] = cur[i].wrapping_sub(predict(a, prev[i], c));
        }
    }
}

/// See [`paeth_pixels`]: the whole row.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn paeth(prev: &[u8], cur: &[u8], out: &mut [u8], keep: usize) {
    paeth_pixels(prev, cur, out, keep, 0, cur.len() / 4);
}

/// See [`paeth_pixels`]: the whole row, four pixels a step in WebAssembly SIMD, with the
/// same arithmetic in 16-bit lanes.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn paeth(prev: &[u8], cur: &[u8], out: &mut [u8], keep: usize) {
    use super::simd::{load16, store16};
    use core::arch::wasm32::*;
    let width = cur.len() / 4;
    // The first pixel has no left neighbour; after it, blocks of four.
    paeth_pixels(prev, cur, out, keep, 0, width.min(1));
    let blocks = width.saturating_sub(1) / 4;
    let half = |v: v128, hi: bool| if hi { u16x8_extend_high_u8x16(v) } else { u16x8_extend_low_u8x16(v) };
    for k in 0..blocks {
        let i = (1 + 4 * k) * 4;
        // In bounds: k < (width - 1) / 4, so i + 16 <= 4 * width, the length of both rows.
        let (a16, b16, c16, x16) =
            (load16(&cur[i - 4..]), load16(&prev[i..]), load16(&prev[i - 4..]), load16(&cur[i..]));
        let mut d = [i16x8_splat(0); 2];
        for (j, dj) in d.iter_mut().enumerate() {
            let (a, b, c, x) = (half(a16, j == 1), half(b16, j == 1), half(c16, j == 1), half(x16, j == 1));
            let (bc, ac) = (i16x8_sub(b, c), i16x8_sub(a, c));
            let (pa, pb, pc) = (i16x8_abs(bc), i16x8_abs(ac), i16x8_abs(i16x8_add(bc, ac)));
            let use_a = v128_and(i16x8_le(pa, pb), i16x8_le(pa, pc));
            let pred = v128_bitselect(a, v128_bitselect(b, c, i16x8_le(pb, pc)), use_a);
            *dj = i16x8_sub(x, pred);
        }
        // The low byte of each lane is the difference modulo 256.
        let o = (1 + 4 * k) * keep;
        if keep == 3 {
            let v = i8x16_shuffle::<0, 2, 4, 8, 10, 12, 16, 18, 20, 24, 26, 28, 0, 0, 0, 0>(d[0], d[1]);
            if o + 16 <= out.len() {
                store16(&mut out[o..], v);
            } else {
                let mut tmp = [0u8; 16];
                store16(&mut tmp, v);
                out[o..o + 12].copy_from_slice(&tmp[..12]);
            }
        } else {
            let v = i8x16_shuffle::<0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30>(d[0], d[1]);
            store16(&mut out[o..], v);
        }
    }
    paeth_pixels(prev, cur, out, keep, 1 + 4 * blocks, width);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The predictor as the specification writes it (9.4), in wide integers.
    fn spec_paeth(a: u8, b: u8, c: u8) -> u8 {
        let p = a as i32 + b as i32 - c as i32;
        let (pa, pb, pc) = ((p - a as i32).abs(), (p - b as i32).abs(), (p - c as i32).abs());
        if pa <= pb && pa <= pc {
            a
        } else if pb <= pc {
            b
        } else {
            c
        }
    }

    #[test]
    fn the_predictor_is_the_specifications_for_every_input() {
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                for c in (0..=255u8).step_by(3) {
                    assert_eq!(predict(a, b, c), spec_paeth(a, b, c), "{a} {b} {c}");
                }
            }
        }
    }

    /// Decodes with the png crate's decoder: 8-bit RGB or RGBA bytes and the colour type.
    fn decode(bytes: &[u8]) -> (Vec<u8>, png::ColorType) {
        let mut reader = png::Decoder::new(std::io::Cursor::new(bytes)).read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let frame = reader.next_frame(&mut buf).unwrap();
        buf.truncate(frame.buffer_size());
        (buf, frame.color_type)
    }

    /// A pixmap of `w` x `h` with every pixel different (xorshift noise), alpha fixed.
    fn noise(w: u32, h: u32, alpha: u8) -> Pixmap {
        let mut s = 0x2545_f491u32;
        let data = (0..w * h)
            .flat_map(|_| {
                s ^= s << 13;
                s ^= s >> 17;
                s ^= s << 5;
                let [r, g, b, _] = s.to_le_bytes();
                let m = |v: u8| super::super::pixmap::mul255(v as u32, alpha as u32) as u8;
                [m(r), m(g), m(b), alpha]
            })
            .collect();
        Pixmap::from_vec(data, w, h).unwrap()
    }

    #[test]
    fn photos_decode_to_the_same_pixels_at_every_width() {
        for w in [1, 2, 5, 6, 7, 8, 9, 33] {
            // More than 256 colours, so RGB (the golden posters check compressed photos).
            let p = noise(w, 300, 255);
            let (rgb, kind) = decode(&encode_png(&p));
            assert_eq!(kind, png::ColorType::Rgb, "w={w}");
            let expected: Vec<u8> = p.data().chunks_exact(4).flat_map(|c| [c[0], c[1], c[2]]).collect();
            assert_eq!(rgb, expected, "w={w}");
        }
    }

    #[test]
    fn noise_is_stored_rather_than_inflated() {
        // Translucent noise does not compress: the stored fallback keeps it within a few
        // bytes a 64 KiB block of its raw size, and it still decodes exactly.
        let p = noise(301, 200, 200);
        let bytes = encode_png(&p);
        let raw = (301 * 4 + 1) * 200;
        assert!(bytes.len() < raw + 200, "{} bytes for {raw} raw", bytes.len());
        let (rgba, kind) = decode(&bytes);
        assert_eq!(kind, png::ColorType::Rgba);
        assert_eq!(rgba, straight_rgba(&p));
    }
}
