//! Share posters: a JSON template, a data object and the caller's assets (images and
//! fonts, as bytes) rendered to PNG or JPEG, the same on every platform.
//!
//! The pipeline, one stage per module, each depending only on the ones before it:
//!
//! - [`value`]: the JSON value tree templates and data arrive as;
//! - [`template`]: the checked template, every unknown key refused, bindings parsed;
//! - [`text`]: fonts, line breaking (UAX #14 with CJK rules), ellipsis, shrink-to-fit;
//! - [`layout`](mod@layout): template + data + fonts -> every element's box and content;
//! - [`raster`]: the layout painted into a pixmap (images, shadows, glyphs, the QR);
//! - [`encode`](mod@encode): pixels -> PNG / JPEG / RGBA.
//!
//! ```no_run
//! # #[cfg(not(target_arch = "wasm32"))]
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use share_earn::poster::{render_poster, Assets, RenderOptions, Template, value::parse_json};
//!
//! let template = Template::from_json(&std::fs::read_to_string("template.json")?)?;
//! let data = parse_json(&std::fs::read_to_string("data.json")?, "data")?;
//! let mut assets = Assets::new();
//! assets.insert("NotoSansSC-Regular.otf", std::fs::read("NotoSansSC-Regular.otf")?);
//! let poster = render_poster(&template, &data, &assets, &RenderOptions::default())?;
//! std::fs::write("poster.png", &poster.bytes)?;
//! # Ok(())
//! # }
//! # #[cfg(target_arch = "wasm32")]
//! # fn main() {}
//! ```

mod assets;
pub mod encode;
pub mod layout;
pub mod raster;
mod report;
pub mod template;
pub mod text;
/// The JSON value tree (shared with the reward rules: [`crate::value`]).
pub use crate::value;

pub use assets::{Assets, Warning};
pub use encode::Format;
pub use layout::{layout, Layout};
pub use report::{ElementReport, LayoutReport, LineReport};
pub use template::Template;

use crate::error::{Error, ErrorKind, Result};
use crate::imaging::DecodeLimits;
use value::Value;

/// The default largest output, in pixels: 16.7 million (4096 x 4096).
pub const DEFAULT_MAX_PIXELS: u64 = 16_777_216;

/// How to render.
#[derive(Clone, Debug, PartialEq)]
pub struct RenderOptions {
    /// Output format. Default: PNG.
    pub format: Format,
    /// JPEG quality, 1-100. Default: 90.
    pub quality: u8,
    /// Device pixels per template px, above 0 and at most 8. Default: 1.
    pub pixel_ratio: f32,
    /// Largest output in pixels; a larger `pixel_ratio` is lowered to fit and a
    /// `PIXEL_RATIO_CLAMPED` warning says so. Default: [`DEFAULT_MAX_PIXELS`].
    pub max_pixels: u64,
    /// Outline every element's box. Default: false.
    pub debug: bool,
    /// Limits for decoding image assets. Default: [`DecodeLimits::default`].
    pub limits: DecodeLimits,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            format: Format::Png,
            quality: 90,
            pixel_ratio: 1.0,
            max_pixels: DEFAULT_MAX_PIXELS,
            debug: false,
            limits: DecodeLimits::default(),
        }
    }
}

/// A rendered poster.
#[derive(Clone, Debug, PartialEq)]
pub struct Rendered {
    /// The encoded image (or raw RGBA).
    pub bytes: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The format of `bytes`.
    pub format: Format,
    /// The pixel ratio used (lower than asked when clamped).
    pub pixel_ratio: f32,
    /// What the caller may want to know: missing glyphs or data, a clamped ratio.
    pub warnings: Vec<Warning>,
}

fn check(options: &RenderOptions) -> Result<()> {
    let bad = |path: &str, message: &str| Err(Error::new(ErrorKind::PosterInvalidOptions, message.to_owned()).at(path));
    if !(options.pixel_ratio > 0.0 && options.pixel_ratio <= 8.0) {
        return bad("pixelRatio", "pixelRatio must be above 0 and at most 8");
    }
    if !(1..=100).contains(&options.quality) {
        return bad("quality", "quality must be from 1 to 100");
    }
    if options.max_pixels == 0 || options.max_pixels > 268_435_456 {
        return bad("maxPixels", "maxPixels must be from 1 to 268435456 (16384 x 16384)");
    }
    Ok(())
}

/// The pixel ratio after the pixel limit, and the warning when it was lowered.
fn clamp_ratio(template: &Template, options: &RenderOptions) -> (f32, Option<Warning>) {
    let area = template.width as f64 * template.height as f64;
    let asked = options.pixel_ratio as f64;
    if area * asked * asked <= options.max_pixels as f64 {
        return (options.pixel_ratio, None);
    }
    // Three decimals, rounded down, so the result stays under the limit.
    let ratio = ((options.max_pixels as f64 / area).sqrt() * 1000.0).floor() / 1000.0;
    let ratio = ratio.max(0.001) as f32;
    let message = format!(
        "pixelRatio {} would make {} pixels, more than maxPixels {}; {} was used",
        value::number_text(options.pixel_ratio as f64),
        (area * asked * asked) as u64,
        options.max_pixels,
        value::number_text(ratio as f64)
    );
    (ratio, Some(Warning { code: "PIXEL_RATIO_CLAMPED", message, element: None, id: None, text: None }))
}

/// Lays out the poster without drawing it: every element's box and text lines.
///
/// # Errors
/// As [`layout()`], and `POSTER_INVALID_OPTIONS` for unusable options.
pub fn layout_poster(
    template: &Template,
    data: &Value,
    assets: &Assets,
    options: &RenderOptions,
) -> Result<LayoutReport> {
    check(options)?;
    let (ratio, clamped) = clamp_ratio(template, options);
    let mut laid = layout(template, data, assets)?;
    laid.warnings.extend(clamped);
    Ok(LayoutReport::new(&laid, ratio))
}

/// Renders the poster.
///
/// # Errors
/// `POSTER_INVALID_OPTIONS` for unusable options; the layout's errors ([`layout()`]);
/// `IMAGE_INVALID` / `IMAGE_TOO_LARGE` for an image asset and the QR errors of a QR
/// element, each with the path of the template value concerned.
pub fn render_poster(template: &Template, data: &Value, assets: &Assets, options: &RenderOptions) -> Result<Rendered> {
    check(options)?;
    let (ratio, clamped) = clamp_ratio(template, options);
    let mut laid = layout(template, data, assets)?;
    let pixmap = raster::rasterize(&laid, assets, ratio, options.limits, options.debug)?;
    if options.format == Format::Jpeg && pixmap.width().max(pixmap.height()) > u16::MAX as u32 {
        return Err(Error::new(ErrorKind::PosterInvalidOptions, "a JPEG may be at most 65535 pixels a side; use PNG")
            .at("format"));
    }
    laid.warnings.extend(clamped);
    Ok(Rendered {
        bytes: encode::encode(&pixmap, options.format, options.quality),
        width: pixmap.width(),
        height: pixmap.height(),
        format: options.format,
        pixel_ratio: ratio,
        warnings: laid.warnings,
    })
}
