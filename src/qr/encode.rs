//! Text -> QR module matrix, with the choice of error-correction level.
//!
//! Encoding (segments, Reed-Solomon, placement) is the `qrcode` crate's, step by step
//! through its public stages; the mask is chosen by its scoring rules in the `mask` module,
//! computed faster. This file chooses the level and reads back what was chosen. With `EcChoice::Auto` the
//! level is the highest one that fits in the version the lowest allowed level needs, as
//! segno and Nayuki's library do: error correction that costs no extra size is free.

use super::mask::best_masked;
use crate::error::{Error, ErrorKind, Result};
use qrcode::bits::{encode_auto, Bits};
use qrcode::canvas::Canvas;
use qrcode::types::{QrError, QrResult};
use qrcode::{EcLevel as CrateLevel, Version};

/// Error-correction level: the share of codewords that can be restored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EcLevel {
    /// About 7% of codewords.
    L,
    /// About 15%.
    M,
    /// About 25%.
    Q,
    /// About 30%.
    H,
}

impl EcLevel {
    /// All levels, lowest first.
    pub const ALL: [EcLevel; 4] = [EcLevel::L, EcLevel::M, EcLevel::Q, EcLevel::H];

    /// `"L"`, `"M"`, `"Q"` or `"H"`.
    pub fn name(self) -> &'static str {
        match self {
            EcLevel::L => "L",
            EcLevel::M => "M",
            EcLevel::Q => "Q",
            EcLevel::H => "H",
        }
    }

    /// Index in tables ordered L, M, Q, H.
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    fn to_crate(self) -> CrateLevel {
        match self {
            EcLevel::L => CrateLevel::L,
            EcLevel::M => CrateLevel::M,
            EcLevel::Q => CrateLevel::Q,
            EcLevel::H => CrateLevel::H,
        }
    }

    /// The format information's two level bits (ISO/IEC 18004 Table 12).
    fn from_format_bits(bits: u16) -> EcLevel {
        match bits & 3 {
            1 => EcLevel::L,
            0 => EcLevel::M,
            3 => EcLevel::Q,
            _ => EcLevel::H,
        }
    }
}

/// How to choose the error-correction level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EcChoice {
    /// The highest level that fits in the version that `floor` needs.
    Auto {
        /// Lowest acceptable level (L without a logo, Q with one).
        floor: EcLevel,
    },
    /// Exactly this level.
    Fixed(EcLevel),
}

/// A QR symbol: dark and light modules, without the quiet zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrMatrix {
    width: usize,
    dark: Vec<bool>,
    version: u8,
    ec_level: EcLevel,
    mask: u8,
}

/// Most bytes, alphanumeric characters and digits a version-40 symbol holds, per level
/// (ISO/IEC 18004 Table 7), for the message of [`ErrorKind::QrDataTooLong`].
const V40_CAPACITY: [(usize, usize, usize); 4] =
    [(2953, 4296, 7089), (2331, 3391, 5596), (1663, 2420, 3993), (1273, 1852, 3057)];

fn too_long(level: EcLevel, len: usize) -> Error {
    let (bytes, alnum, digits) = V40_CAPACITY[level.index()];
    Error::new(
        ErrorKind::QrDataTooLong,
        format!(
            "{len} bytes do not fit in a QR code at level {}: the largest (version 40) holds at most {bytes} bytes \
             of text, {alnum} upper-case alphanumeric characters or {digits} digits; shorten the text or lower ecLevel",
            level.name()
        ),
    )
}

/// The bits of `data` in exactly `version` at `level`, if they fit.
fn bits_in(data: &[u8], version: Version, level: EcLevel) -> QrResult<Bits> {
    let mut bits = Bits::new(version);
    bits.push_optimal_data(data)?;
    bits.push_terminator(level.to_crate())?;
    Ok(bits)
}

/// Error correction, placement and mask: what `QrCode::with_bits` does, with the fast
/// mask scoring.
fn symbol(bits: Bits, level: EcLevel) -> Result<QrMatrix> {
    let version = bits.version();
    let Version::Normal(v) = version else {
        return Err(Error::new(ErrorKind::QrDataTooLong, "micro QR codes are not used"));
    };
    let data = bits.into_bytes();
    let (codewords, ec) = qrcode::ec::construct_codewords(&data, version, level.to_crate())
        .map_err(|e| Error::new(ErrorKind::QrDataTooLong, format!("the text cannot be encoded: {e}")))?;
    let mut canvas = Canvas::new(version, level.to_crate());
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&codewords, &ec);
    let width = version.width() as usize;
    let dark = best_masked(&canvas, width);
    let mut m = QrMatrix { width, dark, version: v as u8, ec_level: level, mask: 0 };
    let (read_level, mask) = m.format_info();
    m.ec_level = read_level;
    m.mask = mask;
    Ok(m)
}

/// Encodes `text` (UTF-8, byte/alphanumeric/numeric segments as the crate chooses them).
///
/// # Errors
/// [`ErrorKind::QrDataTooLong`] when no version holds the text at the required level.
pub fn encode(text: &str, choice: EcChoice) -> Result<QrMatrix> {
    let data = text.as_bytes();
    let (floor, fixed) = match choice {
        EcChoice::Auto { floor } => (floor, false),
        EcChoice::Fixed(level) => (level, true),
    };
    let smallest = encode_auto(data, floor.to_crate()).map_err(|e| match e {
        QrError::DataTooLong => too_long(floor, data.len()),
        other => Error::new(ErrorKind::QrDataTooLong, format!("the text cannot be encoded: {other}")),
    })?;
    if !fixed {
        let version = smallest.version();
        for &level in EcLevel::ALL.iter().rev().filter(|&&l| l > floor) {
            if let Ok(bits) = bits_in(data, version, level) {
                return symbol(bits, level);
            }
        }
    }
    symbol(smallest, floor)
}

impl QrMatrix {
    /// Modules per side (21 for version 1, 4 more per version), quiet zone excluded.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Version, 1 to 40.
    pub fn version(&self) -> u8 {
        self.version
    }

    /// The error-correction level used.
    pub fn ec_level(&self) -> EcLevel {
        self.ec_level
    }

    /// The data mask pattern chosen by the encoder, 0 to 7.
    pub fn mask(&self) -> u8 {
        self.mask
    }

    /// Whether the module at column `x`, row `y` is dark (false outside the symbol).
    #[inline(always)] // called for every module and its neighbours, in a crate built for size
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.dark[y * self.width + x]
    }

    /// Row-major modules, `true` = dark.
    pub fn modules(&self) -> &[bool] {
        &self.dark
    }

    /// Whether the module belongs to a function pattern (finder, separator, timing,
    /// alignment, format or version information) rather than to data.
    pub fn is_functional(&self, x: usize, y: usize) -> bool {
        let w = self.width as i16;
        qrcode::canvas::is_functional(Version::Normal(self.version as i16), w, x as i16, y as i16)
    }

    /// Sets modules to light: the area under a logo.
    pub(crate) fn clear(&mut self, area: &ModuleRect) {
        for y in area.y..area.y + area.size {
            for x in area.x..area.x + area.size {
                self.dark[y * self.width + x] = false;
            }
        }
    }

    /// Level and mask from the format information next to the top-left finder
    /// (ISO/IEC 18004 7.9: 15 bits, XOR 0x5412; bits 14-10 are level and mask). The
    /// encoder wrote it, so it is read without error correction.
    fn format_info(&self) -> (EcLevel, u8) {
        // Bit i (0 = least significant) sits in column 8 going up from row 0, skipping the
        // timing row 6, then in row 8 going left from column 7, skipping column 6.
        let mut bits = 0u16;
        for i in 0..15 {
            let (x, y) = match i {
                0..=5 => (8, i),
                6..=7 => (8, i + 1),
                8 => (7, 8),
                _ => (14 - i, 8),
            };
            if self.is_dark(x, y) {
                bits |= 1 << i;
            }
        }
        let info = (bits ^ 0x5412) >> 10;
        (EcLevel::from_format_bits(info >> 3), (info & 7) as u8)
    }
}

/// A square of modules: the area cleared under a logo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModuleRect {
    /// Left column.
    pub x: usize,
    /// Top row.
    pub y: usize,
    /// Side, in modules.
    pub size: usize,
}

impl ModuleRect {
    /// The centred square of `size` modules in a symbol of `width` (both odd, so that
    /// the square is symmetric around the centre module).
    pub fn centred(width: usize, size: usize) -> ModuleRect {
        let start = (width - size) / 2;
        ModuleRect { x: start, y: start, size }
    }

    /// Whether the module at `(x, y)` is inside.
    pub fn contains(&self, x: usize, y: usize) -> bool {
        (self.x..self.x + self.size).contains(&x) && (self.y..self.y + self.size).contains(&y)
    }
}
