//! JPEG decoding (T.81 with JFIF, EXIF and Adobe's colour conventions): baseline,
//! extended and progressive Huffman-coded frames, 8-bit, greyscale, YCbCr, RGB, CMYK and
//! YCCK, any sampling factors, restart intervals.
//!
//! Written here rather than taken from a crate for two measured reasons: in WebAssembly the
//! Rust decoders run their inverse DCT and colour conversion in scalar code (their SIMD
//! paths are for x86 and Arm), which made decoding 40% of a poster's time; and the one the
//! crate used cost 40 KB of the brotli-compressed `.wasm`. Here the inverse DCT and the
//! YCbCr conversion have WebAssembly SIMD twins with the same integer arithmetic, and the
//! whole decoder is a fraction of that size. The tests compare it with zune-jpeg (the
//! `image` crate's decoder) on JPEGs of every kind the encoders here write.
//!
//! Not supported, each refused with its own message: arithmetic coding, 12-bit and
//! lossless frames, hierarchical mode (none of which browsers show either), and frames
//! whose height comes after the first scan (DNL).

mod color;
mod huffman;
mod idct;
mod scan;

use super::decode::{DecodeError, DecodeLimits};
use color::{Model, Plane};
use huffman::Table;
use scan::{Scan, Tables};

/// Why the entropy-coded data or a table could not be used (the message of an
/// `IMAGE_INVALID` error).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Corrupt(pub &'static str);

/// A decoded JPEG: opaque RGBA, its size and EXIF orientation (1-8).
pub struct Decoded {
    pub rgba: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub orientation: u8,
}

/// One component of the frame and the samples decoded for it.
pub struct Component {
    id: u8,
    /// Sampling factors.
    h: usize,
    v: usize,
    /// Quantisation table number.
    tq: usize,
    /// Samples across and down (before upsampling).
    width: usize,
    height: usize,
    /// Blocks covering those samples: what a scan of this component alone codes.
    bw: usize,
    bh: usize,
    /// The plane's row length: whole MCUs, as interleaved scans code them.
    stride: usize,
    plane: Vec<u8>,
    /// Progressive frames: every block's coefficients (zig-zag order), 64 a block.
    coefs: Vec<i16>,
    /// DC predictor.
    pred: i32,
    /// Whether a scan has coded it.
    scanned: bool,
}

impl Component {
    fn coef_index(&self, bx: usize, by: usize) -> usize {
        (by * (self.stride / 8) + bx) * 64
    }
}

/// The frame header and everything decoded so far.
pub struct Frame {
    width: usize,
    height: usize,
    progressive: bool,
    comps: Vec<Component>,
    /// MCUs across and down.
    mcux: usize,
    mcuy: usize,
    hmax: usize,
    vmax: usize,
}

fn invalid(message: impl Into<String>) -> DecodeError {
    DecodeError { too_large: false, message: message.into() }
}

impl From<Corrupt> for DecodeError {
    fn from(c: Corrupt) -> DecodeError {
        invalid(format!("the JPEG cannot be read: {}", c.0))
    }
}

/// Big-endian u16 at `at`.
fn be16(data: &[u8], at: usize) -> Option<usize> {
    data.get(at..at + 2).map(|b| u16::from_be_bytes([b[0], b[1]]) as usize)
}

/// Decodes `bytes` (starting with SOI), checking the frame's size against `limits` before
/// any pixel memory is taken.
pub fn decode(bytes: &[u8], limits: &DecodeLimits) -> Result<Decoded, DecodeError> {
    let truncated = || invalid("the JPEG is truncated: a marker segment runs past the end of the file");
    let mut quant = [[0u16; 64]; 4];
    let (mut dc, mut ac): ([Option<Table>; 4], [Option<Table>; 4]) = Default::default();
    let mut restart = 0;
    let mut frame: Option<Frame> = None;
    let mut orientation = None;
    let mut adobe_transform = None;
    let mut pos = 2;
    loop {
        // The next marker: 0xFF, any fill 0xFFs, then the code. Stray bytes between
        // segments (some encoders leave them) are skipped, as decoders do.
        while pos < bytes.len() && bytes[pos] != 0xFF {
            pos += 1;
        }
        while pos < bytes.len() && bytes[pos] == 0xFF {
            pos += 1;
        }
        let Some(&marker) = bytes.get(pos) else {
            // No EOI. A sequential image is whole once each component was in a scan (a
            // file missing its last two bytes); a progressive one may lack scans that
            // would have sharpened it, which is a truncated file.
            let complete = frame.as_ref().is_some_and(|f| !f.progressive && f.comps.iter().all(|c| c.scanned));
            if complete {
                break;
            }
            return Err(invalid("the JPEG is truncated: it ends before its last scan"));
        };
        pos += 1;
        match marker {
            0xD9 => break,                                // EOI
            0xD8 | 0xD0..=0xD7 | 0x01 | 0x00 => continue, // no length: SOI, RSTn, TEM, a stuffed byte
            _ => {}
        }
        let len = be16(bytes, pos).ok_or_else(truncated)?;
        let seg = bytes.get(pos + 2..pos + len).filter(|_| len >= 2).ok_or_else(truncated)?;
        let next = pos + len;
        match marker {
            0xC0..=0xC2 => {
                if frame.is_some() {
                    return Err(invalid("the JPEG has more than one frame"));
                }
                frame = Some(read_frame(seg, marker == 0xC2, limits)?);
            }
            0xC3 | 0xC5..=0xC7 | 0xCB | 0xCD..=0xCF => {
                return Err(invalid("lossless and hierarchical JPEGs are not supported"));
            }
            0xC9 | 0xCA | 0xCC => return Err(invalid("arithmetic-coded JPEGs are not supported")),
            0xC4 => read_huffman(seg, &mut dc, &mut ac)?,
            0xDB => read_quant(seg, &mut quant)?,
            0xDD => restart = be16(seg, 0).ok_or_else(truncated)?,
            0xDA => {
                let f = frame.as_mut().ok_or_else(|| invalid("the JPEG has a scan before its frame header"))?;
                let s = read_scan(seg, f)?;
                let tables = Tables { dc: &dc, ac: &ac, quant: &quant, restart };
                pos = scan::decode(bytes, next, f, &s, &tables)?;
                s.comps.iter().for_each(|&(c, _, _)| f.comps[c].scanned = true);
                continue;
            }
            0xDC => return Err(invalid("JPEGs whose height is given after the first scan (DNL) are not supported")),
            0xE1 if orientation.is_none() && seg.starts_with(b"Exif\0\0") => {
                orientation = Some(super::orient::from_exif(seg));
            }
            0xEE if seg.len() >= 12 && seg.starts_with(b"Adobe") => adobe_transform = Some(seg[11]),
            _ => {} // APPn, COM and the rest: skipped
        }
        pos = next;
    }
    let mut frame = frame.ok_or_else(|| invalid("the JPEG has no frame header"))?;
    if !frame.comps.iter().all(|c| c.scanned) {
        return Err(invalid("the JPEG has no image data for some of its components"));
    }
    if frame.progressive {
        scan::finish_progressive(&mut frame, &quant);
    }
    let model = match (frame.comps.len(), adobe_transform) {
        (1, _) => Model::Gray,
        (3, Some(0)) => Model::Rgb,
        (3, None) if frame.comps.iter().map(|c| c.id).eq(*b"RGB") => Model::Rgb,
        (3, _) => Model::YCbCr,
        (_, Some(2)) => Model::Ycck,
        _ => Model::Cmyk,
    };
    let rgba = to_rgba(&frame, model)?;
    Ok(Decoded { rgba, width: frame.width as u32, height: frame.height as u32, orientation: orientation.unwrap_or(1) })
}

/// SOF0-2: size, components and their sampling; limits checked, planes allocated.
fn read_frame(seg: &[u8], progressive: bool, limits: &DecodeLimits) -> Result<Frame, DecodeError> {
    let bad = |m: &str| invalid(format!("the JPEG's frame header is invalid: {m}"));
    if seg.len() < 6 {
        return Err(bad("too short"));
    }
    if seg[0] != 8 {
        return Err(invalid(format!("{}-bit JPEGs are not supported (8-bit only)", seg[0])));
    }
    let (height, width, n) = (be16(seg, 1).unwrap_or(0), be16(seg, 3).unwrap_or(0), seg[5] as usize);
    if height == 0 {
        return Err(invalid("JPEGs whose height is given after the first scan (DNL) are not supported"));
    }
    if width == 0 {
        return Err(bad("the width is 0"));
    }
    if !matches!(n, 1 | 3 | 4) || seg.len() < 6 + 3 * n {
        return Err(bad("1, 3 or 4 components are supported"));
    }
    super::decode::check_size("JPEG", width as u32, height as u32, limits)?;
    let specs: Vec<(u8, usize, usize, usize)> = seg[6..6 + 3 * n]
        .chunks_exact(3)
        .map(|c| (c[0], (c[1] >> 4) as usize, (c[1] & 15) as usize, c[2] as usize))
        .collect();
    if specs.iter().any(|&(_, h, v, tq)| !(1..=4).contains(&h) || !(1..=4).contains(&v) || tq > 3) {
        return Err(bad("a sampling factor is not 1-4 or a table number not 0-3"));
    }
    let hmax = specs.iter().map(|s| s.1).max().unwrap_or(1);
    let vmax = specs.iter().map(|s| s.2).max().unwrap_or(1);
    let (mcux, mcuy) = (width.div_ceil(8 * hmax), height.div_ceil(8 * vmax));
    let mut comps = Vec::with_capacity(n);
    for (id, h, v, tq) in specs {
        if comps.iter().any(|c: &Component| c.id == id) {
            return Err(bad("two components have the same id"));
        }
        let (cw, ch) = ((width * h).div_ceil(hmax), (height * v).div_ceil(vmax));
        let (stride, rows) = (mcux * h * 8, mcuy * v * 8);
        let plane = zeroed::<u8>(stride * rows)?;
        let coefs = if progressive { zeroed::<i16>(stride * rows)? } else { Vec::new() };
        comps.push(Component {
            id,
            h,
            v,
            tq,
            width: cw,
            height: ch,
            bw: cw.div_ceil(8),
            bh: ch.div_ceil(8),
            stride,
            plane,
            coefs,
            pred: 0,
            scanned: false,
        });
    }
    Ok(Frame { width, height, progressive, comps, mcux, mcuy, hmax, vmax })
}

/// A zeroed buffer, or a typed error when the memory cannot be had.
fn zeroed<T: Clone + Default>(n: usize) -> Result<Vec<T>, DecodeError> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| DecodeError {
        too_large: true,
        message: "decoding the JPEG needs more memory than there is".into(),
    })?;
    v.resize(n, T::default());
    Ok(v)
}

/// DHT: one or more tables.
fn read_huffman(mut seg: &[u8], dc: &mut [Option<Table>; 4], ac: &mut [Option<Table>; 4]) -> Result<(), DecodeError> {
    while !seg.is_empty() {
        let (class, id) = (seg[0] >> 4, (seg[0] & 15) as usize);
        let counts: [u8; 16] =
            seg.get(1..17).and_then(|c| c.try_into().ok()).ok_or(Corrupt("a Huffman table is cut short"))?;
        let total: usize = counts.iter().map(|&c| c as usize).sum();
        let symbols = seg.get(17..17 + total).ok_or(Corrupt("a Huffman table is cut short"))?;
        if class > 1 || id > 3 {
            return Err(Corrupt("a Huffman table has a bad class or number").into());
        }
        let table = Table::new(&counts, symbols)?;
        if class == 0 { &mut dc[id] } else { &mut ac[id] }.replace(table);
        seg = &seg[17 + total..];
    }
    Ok(())
}

/// DQT: one or more tables, 8 or 16 bits a value, kept in zig-zag order.
fn read_quant(mut seg: &[u8], quant: &mut [[u16; 64]; 4]) -> Result<(), DecodeError> {
    while !seg.is_empty() {
        let (wide, id) = (seg[0] >> 4, (seg[0] & 15) as usize);
        let size = if wide == 1 { 128 } else { 64 };
        let values = seg.get(1..1 + size).ok_or(Corrupt("a quantisation table is cut short"))?;
        if wide > 1 || id > 3 {
            return Err(Corrupt("a quantisation table has a bad precision or number").into());
        }
        for (k, q) in quant[id].iter_mut().enumerate() {
            *q = if wide == 1 { u16::from_be_bytes([values[2 * k], values[2 * k + 1]]) } else { values[k] as u16 };
        }
        seg = &seg[1 + size..];
    }
    Ok(())
}

/// SOS: the components of the scan and its progressive parameters, checked against
/// T.81's rules (G.1.1.1.1) so that the scan decoder can trust them.
fn read_scan(seg: &[u8], frame: &Frame) -> Result<Scan, DecodeError> {
    let bad = |m: &'static str| DecodeError::from(Corrupt(m));
    let n = *seg.first().ok_or_else(|| bad("a scan header is empty"))? as usize;
    if !(1..=4).contains(&n) || seg.len() < 4 + 2 * n {
        return Err(bad("a scan header is cut short or has no components"));
    }
    let mut comps = Vec::with_capacity(n);
    for c in seg[1..1 + 2 * n].chunks_exact(2) {
        let index =
            frame.comps.iter().position(|k| k.id == c[0]).ok_or_else(|| bad("a scan names a missing component"))?;
        if comps.iter().any(|&(i, _, _)| i == index) {
            return Err(bad("a scan names a component twice"));
        }
        comps.push((index, (c[1] >> 4) as usize, (c[1] & 15) as usize));
    }
    let p = &seg[1 + 2 * n..];
    let (ss, se, ah, al) = (p[0] as usize, p[1] as usize, (p[2] >> 4) as u32, (p[2] & 15) as u32);
    if frame.progressive {
        let dc_scan = ss == 0;
        if (dc_scan && se != 0) || (!dc_scan && (se < ss || se > 63 || n != 1)) || al > 13 || ah > 13 {
            return Err(bad("a progressive scan has an invalid band or approximation"));
        }
    } else if ss != 0 || se != 63 || ah != 0 || al != 0 {
        // Sequential scans carry fixed values here; tolerate encoders that write others.
    }
    let blocks: usize = comps.iter().map(|&(i, _, _)| frame.comps[i].h * frame.comps[i].v).sum();
    if n > 1 && blocks > 10 {
        return Err(bad("an interleaved scan has more than 10 blocks an MCU"));
    }
    Ok(Scan { comps, ss, se: if frame.progressive { se } else { 63 }, ah, al })
}

/// The planes upsampled and converted to opaque RGBA.
fn to_rgba(frame: &Frame, model: Model) -> Result<Vec<u8>, DecodeError> {
    let (w, h) = (frame.width, frame.height);
    let mut rgba = zeroed::<u8>(w * h * 4)?;
    let planes: Vec<Plane> = frame
        .comps
        .iter()
        .map(|c| Plane {
            samples: &c.plane,
            stride: c.stride,
            width: c.width,
            height: c.height,
            h: c.h,
            hmax: frame.hmax,
            v: c.v,
            vmax: frame.vmax,
        })
        .collect();
    let mut bufs = vec![vec![0u8; w]; planes.len()];
    for (y, out) in rgba.chunks_exact_mut(w * 4).enumerate() {
        let rows: Vec<&[u8]> = planes.iter().zip(bufs.iter_mut()).map(|(p, b)| p.row(y, w, b)).collect();
        color::to_rgba(model, &rows, out);
    }
    Ok(rgba)
}
