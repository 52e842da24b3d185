//! Options of the QR bindings: their TypeScript types and the readers that turn a JS
//! object into the core's option structs, key by key, refusing unknown keys.

use super::args::{self, ObjectArg};
use super::js;
use crate::error::{quote, Error, ErrorKind};
use crate::qr;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// Options of `qrMatrix`.
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

/// The logo of `qrSvg`, `qrPng` and `qrPixels`: the area, and what is drawn in it.
#[derive(Tsify, Default)]
#[serde(rename_all = "camelCase")]
pub struct QrLogoStyle {
    /// PNG or JPEG bytes, fitted in the logo's square keeping their aspect ratio. Without
    /// it the area stays blank (or shows `background`).
    #[tsify(optional, type = "Uint8Array | ArrayBuffer")]
    pub image: Option<Vec<u8>>,
    /// See `qrMatrix`. Default: 0.2.
    #[tsify(optional)]
    pub size: Option<f64>,
    /// See `qrMatrix`. Default: 1.
    #[tsify(optional)]
    pub padding: Option<u8>,
    /// See `qrMatrix`. Default: `"shrink"`.
    #[tsify(optional, type = "\"shrink\" | \"reject\"")]
    pub oversize: Option<String>,
    /// A CSS colour for a plate under the logo covering the cleared area. Default: none.
    #[tsify(optional)]
    pub background: Option<String>,
    /// Corner radius of the plate as a fraction of its side: 0 (square) to 0.5 (circle).
    /// Default: 0.
    #[tsify(optional)]
    pub radius: Option<f64>,
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
    /// A logo (or a blank area for one) in the middle.
    #[tsify(optional)]
    pub logo: Option<QrLogoStyle>,
    /// Width and height in pixels, 16 to 8192. Modules are drawn a whole number of pixels
    /// wide, centred: what is left over widens the margin. Default: 300.
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

/// Everything a drawing function needs, read from one options object.
pub(crate) struct Drawing {
    pub symbol: qr::SymbolOptions,
    pub style: qr::QrStyle,
    pub logo: qr::LogoArt,
    pub size: u32,
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

/// Reads `ecLevel` and `logo` (shared by every QR function); with `art`, also the logo's
/// image and plate, which only the drawing functions take.
fn read_symbol(o: &mut ObjectArg, art: bool) -> crate::Result<(qr::SymbolOptions, qr::LogoArt)> {
    let mut options = qr::SymbolOptions { ec_level: None, logo: None };
    let mut logo_art = qr::LogoArt::default();
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
        if art {
            let image_path = l.path_of("image");
            logo_art.image = l.bytes("image")?.map(|b| qr::LogoImage::decode(&b, &image_path)).transpose()?;
            let background_path = l.path_of("background");
            logo_art.background = l.string("background")?.map(|c| qr::parse_color(&c, &background_path)).transpose()?;
            logo_art.radius = l.number("radius")?.unwrap_or(0.0);
        }
        l.finish()?;
        options.logo = Some(logo);
    }
    Ok((options, logo_art))
}

/// The options of `qrMatrix`.
pub(crate) fn symbol_options(value: Option<Ts<QrOptions>>) -> crate::Result<qr::SymbolOptions> {
    let Some(mut o) = ObjectArg::optional(js(value), "options")? else {
        return Ok(qr::SymbolOptions { ec_level: None, logo: None });
    };
    let (options, _) = read_symbol(&mut o, false)?;
    o.finish()?;
    Ok(options)
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

fn required_error(path: &str) -> Error {
    Error::new(ErrorKind::InvalidArgument, format!("{path} is required")).at(path)
}

fn paint(o: &mut ObjectArg) -> crate::Result<Option<qr::Paint>> {
    let path = o.path_of("foreground");
    let Some(value) = o.value("foreground") else { return Ok(None) };
    if let Some(css) = value.as_string() {
        return Ok(Some(qr::Paint::Solid(qr::parse_color(&css, &path)?)));
    }
    let mut g = ObjectArg::required(value, &path)?;
    let kind = g.required_string("type")?;
    let angle = g.number("angle")?.unwrap_or(0.0);
    let stops_path = g.path_of("stops");
    let list = g.value("stops").ok_or_else(|| required_error(&stops_path))?;
    let array: js_sys::Array = wasm_bindgen::JsCast::dyn_into(list).map_err(|v: JsValue| {
        Error::new(ErrorKind::InvalidArgument, format!("{stops_path} must be an array, not {}", args::describe(&v)))
            .at(stops_path.clone())
    })?;
    let mut stops = Vec::new();
    for (i, item) in array.iter().enumerate() {
        let mut s = ObjectArg::required(item, &format!("{stops_path}[{i}]"))?;
        let offset_path = s.path_of("offset");
        let offset = s.number("offset")?.ok_or_else(|| required_error(&offset_path))?;
        let color_path = s.path_of("color");
        let color = qr::parse_color(&s.required_string("color")?, &color_path)?;
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

/// Reads the options of the drawing functions: the symbol's, the style, the logo and the
/// pixel size.
pub(crate) fn drawing(value: Option<Ts<QrStyleOptions>>) -> crate::Result<Drawing> {
    let mut d = Drawing {
        symbol: qr::SymbolOptions { ec_level: None, logo: None },
        style: qr::QrStyle::default(),
        logo: qr::LogoArt::default(),
        size: 300,
    };
    let Some(mut o) = ObjectArg::optional(js(value), "options")? else { return Ok(d) };
    d.size = o.integer("size", 16, qr::MAX_PIXELS as u64, ErrorKind::QrInvalidOptions)?.unwrap_or(300) as u32;
    let style = &mut d.style;
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
    if let Some(p) = paint(&mut o)? {
        style.foreground = p;
    }
    let finder_path = o.path_of("finderColor");
    style.finder_color = o.string("finderColor")?.map(|c| qr::parse_color(&c, &finder_path)).transpose()?;
    let background_path = o.path_of("background");
    if let Some(c) = o.string("background")? {
        style.background = Some(qr::parse_color(&c, &background_path)?).filter(|c| c.a > 0);
    }
    (d.symbol, d.logo) = read_symbol(&mut o, true)?;
    o.finish()?;
    Ok(d)
}
