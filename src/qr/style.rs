//! How a QR code looks: module and finder shapes, colours and gradients, quiet zone, and
//! the contrast check that keeps styled codes readable.

use crate::error::{quote, Error, ErrorKind, Result};

pub use share_earn_pixels::Rgba;

/// Parses a CSS colour (`#1a1a1a`, `rgb(0 0 0 / 50%)`, `hsl(…)`, `hwb(…)`, `red`,
/// `transparent`; see [`css_color`](super::css_color)).
///
/// # Errors
/// [`ErrorKind::QrInvalidOptions`] at `path`.
pub fn parse_color(css: &str, path: &str) -> Result<Rgba> {
    let c = super::css_color::parse(css).ok_or_else(|| {
        let forms = "hex (#rgb, #rrggbb, #rrggbbaa), a CSS colour name, transparent, rgb(), hsl() or hwb()";
        Error::new(ErrorKind::QrInvalidOptions, format!("{} is not a CSS colour: write {forms}", quote(css))).at(path)
    })?;
    // Each channel rounded to the nearest of 256 levels.
    let [r, g, b, a] = c.map(|v| (v * 255.0 + 0.5) as u8);
    Ok(Rgba { r, g, b, a })
}

/// A colour stop of a gradient.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stop {
    /// Position along the gradient, 0 to 1.
    pub offset: f64,
    /// The colour there.
    pub color: Rgba,
}

/// How dark modules are painted.
#[derive(Clone, Debug, PartialEq)]
pub enum Paint {
    /// One colour.
    Solid(Rgba),
    /// A linear gradient across the symbol at `angle` degrees (0: left to right, 90: top
    /// to bottom).
    Linear {
        /// Direction, degrees clockwise from left-to-right.
        angle: f64,
        /// Two or more stops, offsets ascending.
        stops: Vec<Stop>,
    },
    /// A radial gradient from the centre of the symbol to its corners.
    Radial {
        /// Two or more stops, offsets ascending.
        stops: Vec<Stop>,
    },
}

impl Paint {
    /// Every colour the paint can take (for the contrast check).
    pub fn colors(&self) -> Vec<Rgba> {
        match self {
            Paint::Solid(c) => vec![*c],
            Paint::Linear { stops, .. } | Paint::Radial { stops } => stops.iter().map(|s| s.color).collect(),
        }
    }
}

/// Shape of data modules.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ModuleShape {
    /// Squares that join into solid areas. Default.
    #[default]
    Square,
    /// Squares whose outer corners are rounded where no neighbour continues them.
    Rounded,
    /// Circles, 85% of a module across.
    Dots,
}

/// Shape of a finder pattern's outer ring or inner square.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FinderShape {
    /// As the standard draws it. Default.
    #[default]
    Square,
    /// Rounded corners.
    Rounded,
    /// A circle (ring, for the outer part).
    Circle,
}

/// The look of a QR code.
#[derive(Clone, Debug, PartialEq)]
pub struct QrStyle {
    /// Default: [`ModuleShape::Square`].
    pub module_shape: ModuleShape,
    /// Outer 7x7 ring of the three finder patterns. Default: square.
    pub finder_outer: FinderShape,
    /// Inner 3x3 square of the finder patterns. Default: square.
    pub finder_inner: FinderShape,
    /// Dark modules. Default: black.
    pub foreground: Paint,
    /// Finder patterns, when they differ from `foreground`. Default: none.
    pub finder_color: Option<Rgba>,
    /// Light modules and quiet zone; `None` is transparent. Default: white.
    pub background: Option<Rgba>,
    /// Light modules around the symbol, 2 to 16. The standard asks for 4. Default: 4.
    pub quiet_zone: u32,
}

impl Default for QrStyle {
    fn default() -> Self {
        QrStyle {
            module_shape: ModuleShape::Square,
            finder_outer: FinderShape::Square,
            finder_inner: FinderShape::Square,
            foreground: Paint::Solid(Rgba::BLACK),
            finder_color: None,
            background: Some(Rgba::WHITE),
            quiet_zone: 4,
        }
    }
}

/// Lowest accepted contrast ratio (WCAG definition) between every dark colour and the
/// background: phone cameras need dark modules clearly darker than light ones.
pub const MIN_CONTRAST: f64 = 3.0;

impl QrStyle {
    /// Checks the quiet zone, the gradients and the contrast.
    ///
    /// # Errors
    /// [`ErrorKind::QrInvalidOptions`] (with the option's path) or
    /// [`ErrorKind::QrLowContrast`].
    pub fn validate(&self) -> Result<()> {
        if !(2..=16).contains(&self.quiet_zone) {
            return Err(Error::new(
                ErrorKind::QrInvalidOptions,
                format!("quietZone must be 2 to 16 modules (the standard asks for 4); got {}", self.quiet_zone),
            )
            .at("quietZone"));
        }
        if self.finder_outer == FinderShape::Circle && self.finder_inner == FinderShape::Square {
            // Along a diagonal the square's corners come within 0.38 modules of the ring,
            // far from the 1:1:3:1:1 proportions scanners check there: ZXing (the decoder of
            // most Android scanners) reads none of these codes in our gallery tests.
            return Err(Error::new(
                ErrorKind::QrInvalidOptions,
                "a square centre in a circular finder ring does not scan reliably; use finderInnerShape \"circle\" \
                 or \"rounded\"",
            )
            .at("finderInnerShape"));
        }
        if let Paint::Linear { stops, .. } | Paint::Radial { stops } = &self.foreground {
            let ordered = stops.windows(2).all(|w| w[0].offset <= w[1].offset);
            let in_range = stops.iter().all(|s| (0.0..=1.0).contains(&s.offset));
            if stops.len() < 2 || !ordered || !in_range {
                return Err(Error::new(
                    ErrorKind::QrInvalidOptions,
                    "a gradient needs two or more stops with offsets from 0 to 1 in ascending order",
                )
                .at("foreground.stops"));
            }
        }
        if let Paint::Linear { angle, .. } = &self.foreground {
            if !angle.is_finite() {
                return Err(Error::new(ErrorKind::QrInvalidOptions, "the angle must be a finite number of degrees")
                    .at("foreground.angle"));
            }
        }
        // A transparent background shows whatever is behind: assume white, the usual case,
        // and the one a dark foreground needs.
        let backdrop = self.background.map_or(Rgba::WHITE, |bg| Rgba { a: 255, ..bg });
        let light = backdrop.luminance_over(Rgba::WHITE);
        let darks = self.foreground.colors().into_iter().chain(self.finder_color);
        for (i, dark) in darks.enumerate() {
            let l = dark.luminance_over(backdrop);
            let ratio = (light + 0.05) / (l + 0.05);
            if ratio < MIN_CONTRAST {
                let what = if i < self.foreground.colors().len() { "foreground" } else { "finderColor" };
                return Err(Error::new(
                    ErrorKind::QrLowContrast,
                    format!(
                        "{what} {} on background {} has a contrast of {}:1; scanners need at least 3:1 with the \
                         dark colour on the dark modules",
                        dark.hex(),
                        backdrop.hex(),
                        hundredths(ratio)
                    ),
                )
                .at(what));
            }
        }
        Ok(())
    }
}

/// `x` with two decimals, without float formatting (which costs kilobytes of `.wasm`).
pub(crate) fn hundredths(x: f64) -> String {
    let h = (x * 100.0).round() as i64;
    format!("{}.{:02}", h / 100, (h % 100).abs())
}
