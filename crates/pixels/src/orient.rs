//! EXIF orientation: phone cameras store pixels as the sensor read them and a tag saying
//! how to turn them. Only tag 0x0112 of the first IFD is read; everything else in the
//! EXIF block is ignored.

/// The orientation (1-8) in a TIFF-structured EXIF block, optionally behind the JPEG APP1
/// `Exif\0\0` prefix; 1 (upright) when absent or unreadable.
pub fn from_exif(exif: &[u8]) -> u8 {
    let tiff = exif.strip_prefix(b"Exif\0\0").unwrap_or(exif);
    let big = match tiff.get(..2) {
        Some(b"MM") => true,
        Some(b"II") => false,
        _ => return 1,
    };
    let u16_at = |at: usize| {
        tiff.get(at..at + 2)
            .map(|b| if big { u16::from_be_bytes([b[0], b[1]]) } else { u16::from_le_bytes([b[0], b[1]]) })
    };
    let u32_at = |at: usize| {
        tiff.get(at..at + 4).map(|b| {
            let b = [b[0], b[1], b[2], b[3]];
            if big {
                u32::from_be_bytes(b)
            } else {
                u32::from_le_bytes(b)
            }
        })
    };
    let Some(ifd) = u32_at(4).map(|o| o as usize) else { return 1 };
    let Some(count) = u16_at(ifd) else { return 1 };
    for i in 0..count as usize {
        let entry = ifd + 2 + i * 12;
        if u16_at(entry) == Some(0x0112) {
            // A SHORT value sits in the first two bytes of the value field.
            return match u16_at(entry + 8) {
                Some(v @ 1..=8) => v as u8,
                _ => 1,
            };
        }
    }
    1
}

/// Turns `rgba` (`w` x `h`, 4 bytes a pixel) upright for `orientation`; returns the new
/// size (swapped for the four orientations that rotate by 90 degrees).
pub fn apply(rgba: &mut Vec<u8>, w: u32, h: u32, orientation: u8) -> (u32, u32) {
    if !(2..=8).contains(&orientation) || rgba.len() != w as usize * h as usize * 4 {
        return (w, h);
    }
    let (w, h) = (w as usize, h as usize);
    let swap = orientation >= 5;
    let (ow, oh) = if swap { (h, w) } else { (w, h) };
    let mut out = vec![0u8; rgba.len()];
    for y in 0..h {
        for x in 0..w {
            // Where the stored pixel (x, y) goes when shown upright (EXIF 2.3, tag 0x0112).
            let (nx, ny) = match orientation {
                2 => (w - 1 - x, y),
                3 => (w - 1 - x, h - 1 - y),
                4 => (x, h - 1 - y),
                5 => (y, x),
                6 => (h - 1 - y, x),
                7 => (h - 1 - y, w - 1 - x),
                _ => (y, w - 1 - x),
            };
            let (from, to) = ((y * w + x) * 4, (ny * ow + nx) * 4);
            out[to..to + 4].copy_from_slice(&rgba[from..from + 4]);
        }
    }
    *rgba = out;
    (ow as u32, oh as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 2x1 image, red then green, in each orientation: where the two pixels land
    /// (worked by hand from the tag's definition: the first row/column it names).
    #[test]
    fn every_orientation_turns_a_two_pixel_image_as_exif_defines() {
        let (r, g) = ([255, 0, 0, 255], [0, 255, 0, 255]);
        for (o, size, expect) in [
            (1, (2, 1), [r, g]),
            (2, (2, 1), [g, r]),
            (3, (2, 1), [g, r]),
            (4, (2, 1), [r, g]),
            (5, (1, 2), [r, g]),
            (6, (1, 2), [r, g]),
            (7, (1, 2), [g, r]),
            (8, (1, 2), [g, r]),
        ] {
            let mut px: Vec<u8> = [r, g].concat();
            assert_eq!(apply(&mut px, 2, 1, o), size, "orientation {o}");
            assert_eq!(px, expect.concat(), "orientation {o}");
        }
    }

    #[test]
    fn the_tag_is_read_in_both_byte_orders() {
        let le = [b"Exif\0\0II*\0".as_slice(), &[8, 0, 0, 0, 1, 0, 0x12, 1, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0]].concat();
        let be = [b"MM\0*".as_slice(), &[0, 0, 0, 8, 0, 1, 1, 0x12, 0, 3, 0, 0, 0, 1, 0, 3, 0, 0]].concat();
        assert_eq!(from_exif(&le), 6);
        assert_eq!(from_exif(&be), 3);
        assert_eq!(from_exif(b"Exif\0\0II*\0\xff\xff"), 1);
        assert_eq!(from_exif(b""), 1);
    }
}
