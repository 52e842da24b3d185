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

/// Reads `ecLevel` and `logo` from an options object (the symbol's options, shared by
/// every QR function).
fn read_symbol(o: &mut ObjectArg) -> crate::Result<qr::SymbolOptions> {
    let mut options = qr::SymbolOptions { ec_level: None, logo: None };
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
    Ok(options)
}

fn symbol_options(value: JsValue) -> crate::Result<qr::SymbolOptions> {
    let Some(mut o) = ObjectArg::optional(value, "options")? else {
        return Ok(qr::SymbolOptions { ec_level: None, logo: None });
    };
    let options = read_symbol(&mut o)?;
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

/// A gradient for the dark modules.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct QrGradient {
    /// `"linear"` (across the code at `angle`) or `"radial"` (from the centre).
    #[tsify(type = "\"linear\" | \"radial\"")]
    pub r#type: String,
    /// Degrees clockwise from left-to-right (linear only). Default: 0.
    #[tsify(optional)]
    pub angle: Option<f64>,
    /// Two or more stops, offsets from 0 to 1 ascending.
    pub stops: Vec<QrGradientStop>,
}

/// A gradient stop.
#[derive(Tsify)]
pub struct QrGradientStop {
    /// Position, 0 to 1.
    pub offset: f64,
    /// A CSS colour.
    pub color: String,
}

/// How the code looks, and how large it is drawn.
#[derive(Tsify, Default)]
#[serde(rename_all = "camelCase")]
pub struct QrStyleOptions {
    /// `"auto"` (default), `"L"`, `"M"`, `"Q"`, `"H"`: see `qrMatrix`.
    #[tsify(optional, type = "\"auto\" | \"L\" | \"M\" | \"Q\" | \"H\"")]
    pub ec_level: Option<String>,
    /// A centred area kept free for a logo.
    #[tsify(optional)]
    pub logo: Option<QrLogoOptions>,
    /// Width and height in pixels. Default: 300.
    #[tsify(optional)]
    pub size: Option<u32>,
    /// Light modules around the code, 2 to 16 (the standard asks for 4). Default: 4.
    #[tsify(optional)]
    pub quiet_zone: Option<u32>,
    /// Data modules: `"square"` (default), `"rounded"`, `"dots"`.
    #[tsify(optional, type = "\"square\" | \"rounded\" | \"dots\"")]
    pub module_shape: Option<String>,
    /// Finder patterns, outer ring and inner square: `"square"` (default), `"rounded"`,
    /// `"circle"`.
    #[tsify(optional, type = "\"square\" | \"rounded\" | \"circle\"")]
    pub finder_shape: Option<String>,
    /// The finders' inner square, when it differs from `finderShape`.
    #[tsify(optional, type = "\"square\" | \"rounded\" | \"circle\"")]
    pub finder_inner_shape: Option<String>,
    /// Dark modules: a CSS colour or a gradient. Default: `"#000000"`.
    #[tsify(optional, type = "string | QrGradient")]
    pub foreground: Option<String>,
    /// The finder patterns, when they differ from `foreground`.
    #[tsify(optional)]
    pub finder_color: Option<String>,
    /// Light modules: a CSS colour, or `"transparent"`. Default: `"#ffffff"`.
    #[tsify(optional)]
    pub background: Option<String>,
}

fn shape_name<T>(o: &mut ObjectArg, key: &'static str, names: &[(&str, T)]) -> crate::Result<Option<T>>
where
    T: Copy,
{
    let path = o.path_of(key);
    let Some(name) = o.string(key)? else { return Ok(None) };
    names.iter().find(|(n, _)| *n == name).map(|(_, v)| Some(*v)).ok_or_else(|| {
        let known: Vec<&str> = names.iter().map(|(n, _)| *n).collect();
        Error::new(ErrorKind::QrInvalidOptions, format!("{path} {} is not one of {}", quote(&name), known.join(", ")))
            .at(path)
    })
}

fn paint(o: &mut ObjectArg) -> crate::Result<Option<qr::Paint>> {
    let path = o.path_of("foreground");
    let Some(value) = o.value("foreground") else { return Ok(None) };
    if let Some(css) = value.as_string() {
        return Ok(Some(qr::Paint::Solid(qr::Rgba::parse(&css, &path)?)));
    }
    let mut g = ObjectArg::required(value, &path)?;
    let kind = g.required_string("type")?;
    let angle = g.number("angle")?.unwrap_or(0.0);
    let stops_path = g.path_of("stops");
    let list = g.value("stops").ok_or_else(|| {
        Error::new(ErrorKind::InvalidArgument, format!("{stops_path} is required")).at(stops_path.clone())
    })?;
    let array: js_sys::Array = wasm_bindgen::JsCast::dyn_into(list).map_err(|v: JsValue| {
        Error::new(ErrorKind::InvalidArgument, format!("{stops_path} must be an array, not {}", args::describe(&v)))
            .at(stops_path.clone())
    })?;
    let mut stops = Vec::new();
    for (i, item) in array.iter().enumerate() {
        let mut s = ObjectArg::required(item, &format!("{stops_path}[{i}]"))?;
        let offset_path = s.path_of("offset");
        let offset = s.number("offset")?.ok_or_else(|| {
            Error::new(ErrorKind::InvalidArgument, format!("{offset_path} is required")).at(offset_path.clone())
        })?;
        let color_path = s.path_of("color");
        let color = qr::Rgba::parse(&s.required_string("color")?, &color_path)?;
        s.finish()?;
        stops.push(qr::Stop { offset, color });
    }
    g.finish()?;
    match kind.as_str() {
        "linear" => Ok(Some(qr::Paint::Linear { angle, stops })),
        "radial" => Ok(Some(qr::Paint::Radial { stops })),
        other => Err(Error::new(
            ErrorKind::QrInvalidOptions,
            format!("{path}.type {} is not \"linear\" or \"radial\"", quote(other)),
        )
        .at(format!("{path}.type"))),
    }
}

/// Reads the options of `qrSvg`: the symbol's, the style and the pixel size.
fn style_options(value: JsValue) -> crate::Result<(qr::SymbolOptions, qr::QrStyle, u32)> {
    let mut style = qr::QrStyle::default();
    let Some(mut o) = ObjectArg::optional(value, "options")? else {
        return Ok((qr::SymbolOptions { ec_level: None, logo: None }, style, 300));
    };
    let size = o.integer("size", 16, 8192, ErrorKind::QrInvalidOptions)?.unwrap_or(300) as u32;
    style.quiet_zone = o.integer("quietZone", 0, 255, ErrorKind::QrInvalidOptions)?.map_or(4, |q| q as u32);
    let modules =
        [("square", qr::ModuleShape::Square), ("rounded", qr::ModuleShape::Rounded), ("dots", qr::ModuleShape::Dots)];
    style.module_shape = shape_name(&mut o, "moduleShape", &modules)?.unwrap_or_default();
    let finders = [
        ("square", qr::FinderShape::Square),
        ("rounded", qr::FinderShape::Rounded),
        ("circle", qr::FinderShape::Circle),
    ];
    style.finder_outer = shape_name(&mut o, "finderShape", &finders)?.unwrap_or_default();
    style.finder_inner = shape_name(&mut o, "finderInnerShape", &finders)?.unwrap_or(style.finder_outer);
    style.foreground = paint(&mut o)?.unwrap_or(style.foreground);
    let finder_path = o.path_of("finderColor");
    style.finder_color = o.string("finderColor")?.map(|c| qr::Rgba::parse(&c, &finder_path)).transpose()?;
    let background_path = o.path_of("background");
    style.background = match o.string("background")? {
        None => style.background,
        Some(c) => Some(qr::Rgba::parse(&c, &background_path)?).filter(|c| c.a > 0),
    };
    let symbol = read_symbol(&mut o)?;
    o.finish()?;
    Ok((symbol, style, size))
}

/// The QR code of `text` as an SVG document: one path per colour, in module units, sized
/// `options.size` pixels.
#[wasm_bindgen(js_name = qrSvg)]
pub fn qr_svg(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<Ts<QrStyleOptions>>,
) -> JsResult<String> {
    let text = throw(args::string(&text, "text"))?;
    let (symbol, style, size) = throw(style_options(js(options)))?;
    throw(style.validate().map_err(|e| under(e, "options")))?;
    let s = throw(qr::build_symbol(&text, &symbol).map_err(|e| under(e, "options")))?;
    Ok(qr::qr_svg(&qr::qr_shapes(&s.matrix, &style), &style, size))
}
