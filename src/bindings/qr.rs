//! Bindings of [`crate::qr`]: the module matrix with its level choice and logo area.

use super::args::{self, ObjectArg};
use super::{js, throw, to_ts, under, JsResult};
use crate::error::{quote, Error, ErrorKind};
use crate::qr;
use serde::Serialize;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// Options of the QR functions.
#[derive(Tsify, Default)]
#[serde(rename_all = "camelCase")]
pub struct QrOptions {
    /// `"auto"` (default): the highest level that needs no larger code, at least `"Q"` with a
    /// logo. Or exactly `"L"` (7%), `"M"` (15%), `"Q"` (25%), `"H"` (30%).
    #[tsify(optional, type = "\"auto\" | \"L\" | \"M\" | \"Q\" | \"H\"")]
    pub ec_level: Option<String>,
    /// A centred area kept free for a logo.
    #[tsify(optional)]
    pub logo: Option<QrLogoOptions>,
}

/// The logo area.
#[derive(Tsify, Default)]
#[serde(rename_all = "camelCase")]
pub struct QrLogoOptions {
    /// Logo width as a fraction of the code's width (quiet zone excluded), above 0 and at
    /// most 0.5. Default: 0.2.
    #[tsify(optional)]
    pub size: Option<f64>,
    /// Free modules around the logo, 0 to 4. Default: 1.
    #[tsify(optional)]
    pub padding: Option<u8>,
    /// `"shrink"` (default): draw the logo at the largest size that keeps the code readable;
    /// `"reject"`: throw `QR_LOGO_TOO_LARGE` instead.
    #[tsify(optional, type = "\"shrink\" | \"reject\"")]
    pub oversize: Option<String>,
}

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

fn level(name: &str) -> crate::Result<Option<qr::EcLevel>> {
    Ok(Some(match name {
        "auto" => return Ok(None),
        "L" => qr::EcLevel::L,
        "M" => qr::EcLevel::M,
        "Q" => qr::EcLevel::Q,
        "H" => qr::EcLevel::H,
        other => {
            return Err(Error::new(
                ErrorKind::QrInvalidOptions,
                format!("ecLevel {} is not one of \"auto\", \"L\", \"M\", \"Q\", \"H\"", quote(other)),
            )
            .at("options.ecLevel"))
        }
    }))
}

pub(crate) fn symbol_options(value: JsValue) -> crate::Result<qr::SymbolOptions> {
    let mut options = qr::SymbolOptions { ec_level: None, logo: None };
    let Some(mut o) = ObjectArg::optional(value, "options")? else { return Ok(options) };
    options.ec_level = o.string("ecLevel")?.map(|l| level(&l)).transpose()?.flatten();
    if let Some(mut l) = o.object("logo")? {
        let mut logo = qr::LogoReserve::default();
        logo.size = l.number("size")?.unwrap_or(logo.size);
        let padding = l.integer("padding", 0, 255, ErrorKind::QrInvalidOptions)?;
        logo.padding = padding.map_or(logo.padding, |p| p as u8);
        logo.oversize = match l.string("oversize")?.as_deref() {
            None | Some("shrink") => qr::Oversize::Shrink,
            Some("reject") => qr::Oversize::Reject,
            Some(other) => {
                return Err(Error::new(
                    ErrorKind::QrInvalidOptions,
                    format!("logo.oversize {} is not \"shrink\" or \"reject\"", quote(other)),
                )
                .at("options.logo.oversize"))
            }
        };
        l.finish()?;
        options.logo = Some(logo);
    }
    o.finish()?;
    Ok(options)
}

/// The modules of the QR code of `text`, with the level chosen as `options.ecLevel` says
/// and the logo area cleared.
#[wasm_bindgen(js_name = qrMatrix)]
pub fn qr_matrix(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<Ts<QrOptions>>,
) -> JsResult<Ts<QrMatrix>> {
    let text = throw(args::string(&text, "text"))?;
    let options = throw(symbol_options(js(options)))?;
    let s = throw(qr::build_symbol(&text, &options).map_err(|e| under(e, "options")))?;
    let m = &s.matrix;
    to_ts(QrMatrix {
        size: m.width() as u32,
        modules: m.modules().iter().map(|&d| d as u8).collect(),
        version: m.version() as u32,
        ec_level: m.ec_level().name(),
        mask: m.mask() as u32,
        logo: s.logo_area.map(|a| QrLogoArea {
            x: a.x as u32,
            y: a.y as u32,
            modules: a.size as u32,
            size: s.logo_size.unwrap_or(0.0),
            shrunk: s.logo_shrunk,
        }),
    })
}
