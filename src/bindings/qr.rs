//! Bindings of [`crate::qr`]: the module matrix, SVG, PNG and RGBA pixels. Options are
//! read in [`super::qr_options`].

use super::qr_options::{drawing, symbol_options, Drawing, QrOptions, QrStyleOptions};
use super::{args, throw, to_ts, under, JsResult};
use crate::qr;
use serde::Serialize;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// The cleared logo area.
#[derive(Tsify, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QrLogoArea {
    /// Left column of the cleared square, in modules (quiet zone excluded).
    pub x: u32,
    /// Top row.
    pub y: u32,
    /// Side of the cleared square, in modules (odd: it is centred on the middle module).
    pub modules: u32,
    /// Logo width as a fraction of the code's width, after any shrinking.
    pub size: f64,
    /// Whether the requested size was larger than safe and was reduced.
    pub shrunk: bool,
}

/// A QR code's modules and what was chosen.
#[derive(Tsify, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QrMatrix {
    /// Modules per side, quiet zone excluded (21 + 4 per version above 1).
    pub size: u32,
    /// `size * size` bytes, row by row: 1 dark, 0 light. The logo area is light.
    #[tsify(type = "Uint8Array")]
    #[serde(with = "serde_bytes_as_uint8array")]
    pub modules: Vec<u8>,
    /// Version, 1 to 40.
    pub version: u32,
    /// The level used.
    #[tsify(type = "\"L\" | \"M\" | \"Q\" | \"H\"")]
    pub ec_level: &'static str,
    /// The data mask, 0 to 7.
    pub mask: u32,
    /// The logo area, when one was requested.
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo: Option<QrLogoArea>,
}

/// serde-wasm-bindgen writes `Vec<u8>` as an array of numbers; bytes become a Uint8Array.
mod serde_bytes_as_uint8array {
    pub fn serialize<S: serde::Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(bytes)
    }
}

/// What was chosen for a symbol, as every drawing function reports it.
fn logo_area(s: &qr::QrSymbol) -> Option<QrLogoArea> {
    s.logo_area.map(|a| QrLogoArea {
        x: a.x as u32,
        y: a.y as u32,
        modules: a.size as u32,
        size: s.logo_size.unwrap_or(0.0),
        shrunk: s.logo_shrunk,
    })
}

/// The modules of the QR code of `text`, with the level chosen as `options.ecLevel` says
/// and the logo area cleared.
#[wasm_bindgen(js_name = qrMatrix)]
pub fn qr_matrix(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<Ts<QrOptions>>,
) -> JsResult<Ts<QrMatrix>> {
    let text = throw(args::string(&text, "text"))?;
    let options = throw(symbol_options(options))?;
    let s = throw(qr::build_symbol(&text, &options).map_err(|e| under(e, "options")))?;
    let m = &s.matrix;
    to_ts(QrMatrix {
        size: m.width() as u32,
        modules: m.modules().iter().map(|&d| d as u8).collect(),
        version: m.version() as u32,
        ec_level: m.ec_level().name(),
        mask: m.mask() as u32,
        logo: logo_area(&s),
    })
}

/// Reads the text and options of a drawing function, checks the style and builds the
/// symbol.
fn symbol_for(text: JsValue, options: Option<Ts<QrStyleOptions>>) -> crate::Result<(qr::QrSymbol, Drawing)> {
    let text = args::string(&text, "text")?;
    let d = drawing(options)?;
    d.style.validate().map_err(|e| under(e, "options"))?;
    d.logo.validate().map_err(|e| under(e, "options"))?;
    let s = qr::build_symbol(&text, &d.symbol).map_err(|e| under(e, "options"))?;
    Ok((s, d))
}

/// The QR code of `text` as an SVG document: one path per colour, in module units, sized
/// `options.size` pixels. A logo image is embedded as a `data:` URL.
#[wasm_bindgen(js_name = qrSvg)]
pub fn qr_svg(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<Ts<QrStyleOptions>>,
) -> JsResult<String> {
    let (s, d) = throw(symbol_for(text, options))?;
    Ok(qr::qr_svg(&s, &d.style, &d.logo, d.size))
}

/// A drawn QR code.
#[derive(Tsify, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QrImage {
    /// `qrPng`: PNG bytes, a palette image (1 to 8 bits a pixel) when the drawing has at
    /// most 256 colours (a plain code is 1-bit), else RGB or RGBA. `qrPixels`: straight-alpha
    /// RGBA, row by row.
    #[tsify(type = "Uint8Array")]
    #[serde(with = "serde_bytes_as_uint8array")]
    pub bytes: Vec<u8>,
    /// Pixels: `options.size`.
    pub width: u32,
    /// Pixels: `options.size`.
    pub height: u32,
    /// Pixels per module: the largest whole number that fits.
    pub module_pixels: u32,
    /// Background margin on each side beyond the quiet zone, in pixels (the remainder of
    /// `size` after whole-pixel modules, split evenly; the right and bottom get the odd one).
    pub margin: u32,
    /// Version, 1 to 40.
    pub version: u32,
    /// The level used.
    #[tsify(type = "\"L\" | \"M\" | \"Q\" | \"H\"")]
    pub ec_level: &'static str,
    /// The data mask, 0 to 7.
    pub mask: u32,
    /// The logo area, when one was requested.
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo: Option<QrLogoArea>,
}

fn raster(text: JsValue, options: Option<Ts<QrStyleOptions>>, png: bool) -> crate::Result<QrImage> {
    let (s, d) = symbol_for(text, options)?;
    let (pixmap, place) = qr::qr_pixmap(&s, &d.style, &d.logo, d.size).map_err(|e| under(e, "options"))?;
    let bytes = if png { crate::imaging::encode_png(&pixmap) } else { crate::imaging::png::straight_rgba(&pixmap) };
    Ok(QrImage {
        bytes,
        width: d.size,
        height: d.size,
        module_pixels: place.module_pixels,
        margin: place.x as u32,
        version: s.matrix.version() as u32,
        ec_level: s.matrix.ec_level().name(),
        mask: s.matrix.mask() as u32,
        logo: logo_area(&s),
    })
}

/// The QR code of `text` as a PNG, `options.size` pixels square, modules on whole pixels.
#[wasm_bindgen(js_name = qrPng)]
pub fn qr_png(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<Ts<QrStyleOptions>>,
) -> JsResult<Ts<QrImage>> {
    to_ts(throw(raster(text, options, true))?)
}

/// The QR code of `text` as straight-alpha RGBA pixels, row by row, in `bytes`
/// (`ctx.putImageData(new ImageData(new Uint8ClampedArray(r.bytes), r.width), 0, 0)` draws
/// it on a canvas).
#[wasm_bindgen(js_name = qrPixels)]
pub fn qr_pixels(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<Ts<QrStyleOptions>>,
) -> JsResult<Ts<QrImage>> {
    to_ts(throw(raster(text, options, false))?)
}
