//! A QR symbol ready to draw: the matrix with the logo area cleared, and what was chosen.

use super::encode::{encode, EcChoice, EcLevel, ModuleRect, QrMatrix};
use super::logo_area::largest_logo_side;
use crate::error::{Error, ErrorKind, Result};

/// What to do when the requested logo is larger than the code can afford.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Oversize {
    /// Draw the logo at the largest safe size. Default.
    #[default]
    Shrink,
    /// Fail with [`ErrorKind::QrLogoTooLarge`].
    Reject,
}

/// The area kept free for a centred logo.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LogoReserve {
    /// Width of the logo as a fraction of the symbol's width (quiet zone excluded),
    /// above 0 and at most 0.5. Default: 0.2.
    pub size: f64,
    /// Free modules between the logo and the nearest drawn module, 0 to 4. Default: 1.
    pub padding: u8,
    /// Default: [`Oversize::Shrink`].
    pub oversize: Oversize,
}

impl Default for LogoReserve {
    fn default() -> Self {
        LogoReserve { size: 0.2, padding: 1, oversize: Oversize::Shrink }
    }
}

/// Options of [`build_symbol`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SymbolOptions {
    /// `None` picks automatically: the highest level that costs no extra version, at
    /// least Q when there is a logo. Default: `None`.
    pub ec_level: Option<EcLevel>,
    /// A centred logo area. Default: none.
    pub logo: Option<LogoReserve>,
}

/// The symbol and the decisions taken.
#[derive(Clone, Debug, PartialEq)]
pub struct QrSymbol {
    /// Modules, with the logo area cleared.
    pub matrix: QrMatrix,
    /// The cleared area, when a logo was requested.
    pub logo_area: Option<ModuleRect>,
    /// The logo's width as a fraction of the symbol's width after any shrinking.
    pub logo_size: Option<f64>,
    /// Whether the logo was shrunk to the safe size.
    pub logo_shrunk: bool,
}

fn invalid(path: &str, message: String) -> Error {
    Error::new(ErrorKind::QrInvalidOptions, message).at(path)
}

/// Odd number of modules covering a logo `size` wide plus `padding` on each side.
fn cleared_side(width: usize, size: f64, padding: u8) -> usize {
    let side = (size * width as f64).ceil() as usize + 2 * padding as usize;
    side | 1
}

/// Encodes `text` and reserves the logo area.
///
/// # Errors
/// [`ErrorKind::QrDataTooLong`], [`ErrorKind::QrInvalidOptions`] (logo size or padding
/// out of range), [`ErrorKind::QrLogoTooLarge`] with `Oversize::Reject`.
pub fn build_symbol(text: &str, options: &SymbolOptions) -> Result<QrSymbol> {
    if let Some(logo) = &options.logo {
        if !(logo.size > 0.0 && logo.size <= 0.5) {
            return Err(invalid("logo.size", "logo.size must be above 0 and at most 0.5 (of the code's width)".into()));
        }
        if logo.padding > 4 {
            return Err(invalid("logo.padding", format!("logo.padding must be 0 to 4 modules; got {}", logo.padding)));
        }
    }
    let choice = match (options.ec_level, options.logo.is_some()) {
        (Some(level), _) => EcChoice::Fixed(level),
        (None, true) => EcChoice::Auto { floor: EcLevel::Q },
        (None, false) => EcChoice::Auto { floor: EcLevel::L },
    };
    let mut matrix = encode(text, choice)?;
    let Some(logo) = options.logo else {
        return Ok(QrSymbol { matrix, logo_area: None, logo_size: None, logo_shrunk: false });
    };
    let width = matrix.width();
    let wanted = cleared_side(width, logo.size, logo.padding);
    let largest = largest_logo_side(matrix.version(), matrix.ec_level());
    let pad = 2 * logo.padding as usize;
    let (side, shrunk) = if wanted <= largest {
        (wanted, false)
    } else if largest <= pad {
        // No logo size helps: the padding alone takes all the room there is.
        return Err(Error::new(
            ErrorKind::QrLogoTooLarge,
            format!(
                "this code (version {}, level {}) has room for a logo area of {largest} modules, which padding {} \
                 alone fills: lower logo.padding{}, or make the text longer (a larger code has more room)",
                matrix.version(),
                matrix.ec_level().name(),
                logo.padding,
                if matrix.ec_level() == EcLevel::H { "" } else { ", use ecLevel \"H\"" },
            ),
        )
        .at("logo.padding"));
    } else if logo.oversize == Oversize::Reject {
        let safe = (largest - pad) as f64 / width as f64;
        let hint = if matrix.ec_level() == EcLevel::H { "" } else { ", use ecLevel \"H\"" };
        return Err(Error::new(
            ErrorKind::QrLogoTooLarge,
            format!(
                "a logo {}% as wide as this code (version {}, level {}) would make it unreadable; at most {}% is \
                 safe with padding {}: make the logo smaller{hint}, or use oversize \"shrink\"",
                (logo.size * 100.0).round() as i64,
                matrix.version(),
                matrix.ec_level().name(),
                (safe * 100.0).floor() as i64,
                logo.padding
            ),
        )
        .at("logo.size"));
    } else {
        (largest, true)
    };
    let area = ModuleRect::centred(width, side);
    matrix.clear(&area);
    let logo_size = if shrunk { (side - pad) as f64 / width as f64 } else { logo.size };
    Ok(QrSymbol { matrix, logo_area: Some(area), logo_size: Some(logo_size), logo_shrunk: shrunk })
}
