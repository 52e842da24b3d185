//! Bindings of [`crate::poster`]: `renderPoster` and `layoutPoster`. The template format's
//! TypeScript types are in [`super::poster_types`].

use super::args::{self, ObjectArg};
use super::{js, throw, to_ts, JsResult};
use crate::error::{Error, ErrorKind};
use crate::poster::{self, value::Value, Assets, Format, RenderOptions};
use serde::Serialize;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Options of `renderPoster` and `layoutPoster`.
#[derive(Tsify, Default)]
#[serde(rename_all = "camelCase")]
pub struct RenderPosterOptions {
    /// `"png"` (default), `"jpeg"`, or `"rgba"`: raw straight-alpha pixels for a canvas's
    /// `ImageData`, with nothing to encode.
    #[tsify(optional, type = "\"png\" | \"jpeg\" | \"rgba\"")]
    pub format: Option<String>,
    /// JPEG quality, 1 to 100. Default: 90.
    #[tsify(optional)]
    pub quality: Option<u8>,
    /// Device pixels per template px, above 0 and at most 8 (`window.devicePixelRatio`).
    /// Default: 1.
    #[tsify(optional)]
    pub pixel_ratio: Option<f64>,
    /// Largest output in pixels; a larger `pixelRatio` is lowered to fit, with a
    /// `PIXEL_RATIO_CLAMPED` warning. Default: 16777216 (4096 x 4096).
    #[tsify(optional)]
    pub max_pixels: Option<f64>,
    /// Outline every element's box (magenta; hidden elements dashed). Default: false.
    #[tsify(optional)]
    pub debug: Option<bool>,
}

/// A warning of a render: the poster was drawn, but something may not be as intended.
#[derive(Tsify, Serialize)]
pub struct PosterWarning {
    /// `GLYPH_MISSING`, `DATA_MISSING`, `PIXEL_RATIO_CLAMPED` or `QR_LOGO_SHRUNK`.
    #[tsify(type = "\"GLYPH_MISSING\" | \"DATA_MISSING\" | \"PIXEL_RATIO_CLAMPED\" | \"QR_LOGO_SHRUNK\"")]
    pub code: &'static str,
    /// For people.
    pub message: String,
    /// The element's index in `elements`, when it concerns one.
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub element: Option<usize>,
    /// That element's `id`, if it has one.
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The missing character, or the data path without a value.
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A rendered poster.
#[derive(Tsify, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PosterImage {
    /// PNG or JPEG bytes, or RGBA pixels (`width * height * 4`).
    #[tsify(type = "Uint8Array")]
    #[serde(serialize_with = "uint8array")]
    pub bytes: Vec<u8>,
    /// Pixels.
    pub width: u32,
    /// Pixels.
    pub height: u32,
    /// The format of `bytes`.
    #[tsify(type = "\"png\" | \"jpeg\" | \"rgba\"")]
    pub format: &'static str,
    /// The pixel ratio used: lower than asked when `maxPixels` clamped it.
    pub pixel_ratio: f32,
    /// Missing glyphs and data, a clamped ratio, a shrunk QR logo.
    pub warnings: Vec<PosterWarning>,
}

fn uint8array<S: serde::Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_bytes(bytes)
}

fn invalid(path: &str, message: String) -> Error {
    Error::new(ErrorKind::InvalidArgument, message).at(path)
}

use super::json_value;

fn template(value: &JsValue) -> crate::Result<poster::Template> {
    poster::Template::from_value(&json_value(value, "template", ErrorKind::TemplateInvalid)?)
}

fn data(value: &JsValue) -> crate::Result<Value> {
    if value.is_undefined() || value.is_null() {
        return Ok(Value::Object(Vec::new()));
    }
    json_value(value, "data", ErrorKind::InvalidArgument)
}

/// `{ name: Uint8Array | ArrayBuffer }`, or a `Map` of the same.
fn assets(value: &JsValue) -> crate::Result<Assets> {
    let mut assets = Assets::new();
    if value.is_undefined() || value.is_null() {
        return Ok(assets);
    }
    let entries: Vec<(JsValue, JsValue)> = if let Some(map) = value.dyn_ref::<js_sys::Map>() {
        let mut out = Vec::new();
        map.for_each(&mut |v, k| out.push((k, v)));
        out
    } else if value.is_object() && !js_sys::Array::is_array(value) {
        js_sys::Object::entries(value.unchecked_ref())
            .iter()
            .map(|pair| {
                let pair: js_sys::Array = pair.unchecked_into();
                (pair.get(0), pair.get(1))
            })
            .collect()
    } else {
        return Err(invalid(
            "assets",
            format!("assets must be an object of Uint8Arrays, not {}", args::describe(value)),
        ));
    };
    for (key, bytes) in entries {
        let name = key.as_string().ok_or_else(|| invalid("assets", "asset names must be strings".into()))?;
        let path = format!("assets.{name}");
        let data = if let Some(a) = bytes.dyn_ref::<js_sys::Uint8Array>() {
            a.to_vec()
        } else if let Some(b) = bytes.dyn_ref::<js_sys::ArrayBuffer>() {
            js_sys::Uint8Array::new(b).to_vec()
        } else {
            return Err(invalid(
                &path,
                format!("{path} must be a Uint8Array or an ArrayBuffer, not {}", args::describe(&bytes)),
            ));
        };
        assets.insert(name, data);
    }
    Ok(assets)
}

fn options(value: Option<Ts<RenderPosterOptions>>) -> crate::Result<RenderOptions> {
    let mut options = RenderOptions::default();
    let Some(mut o) = ObjectArg::optional(js(value), "options")? else { return Ok(options) };
    let format_path = o.path_of("format");
    options.format = match o.string("format")?.as_deref() {
        None | Some("png") => Format::Png,
        Some("jpeg") | Some("jpg") => Format::Jpeg,
        Some("rgba") => Format::Rgba,
        Some(other) => {
            return Err(Error::new(
                ErrorKind::PosterInvalidOptions,
                format!("{format_path} {} is not \"png\", \"jpeg\" or \"rgba\"", crate::error::quote(other)),
            )
            .at(format_path))
        }
    };
    let k = ErrorKind::PosterInvalidOptions;
    options.quality = o.integer("quality", 1, 100, k)?.map_or(90, |q| q as u8);
    if let Some(r) = o.number("pixelRatio")? {
        options.pixel_ratio = if r.is_finite() { r as f32 } else { f32::NAN };
    }
    options.max_pixels = o.integer("maxPixels", 1, 268_435_456, k)?.unwrap_or(poster::DEFAULT_MAX_PIXELS);
    let debug_path = o.path_of("debug");
    options.debug = match o.value("debug") {
        None => false,
        Some(v) => v.as_bool().ok_or_else(|| invalid(&debug_path, format!("{debug_path} must be true or false")))?,
    };
    o.finish()?;
    Ok(options)
}

fn under_options(e: Error) -> Error {
    match e.kind() {
        ErrorKind::PosterInvalidOptions if !e.path().unwrap_or("").starts_with("options") => {
            let path = format!("options.{}", e.path().unwrap_or(""));
            e.at(path)
        }
        _ => e,
    }
}

/// The four arguments both poster functions take, checked in the order a caller reads them.
fn inputs(
    template_value: &JsValue,
    data_value: &JsValue,
    assets_value: &JsValue,
    options_value: Option<Ts<RenderPosterOptions>>,
) -> crate::Result<(poster::Template, Value, Assets, RenderOptions)> {
    let options = options(options_value)?;
    Ok((template(template_value)?, data(data_value)?, assets(assets_value)?, options))
}

/// Renders a poster: `template` (a template object or its JSON text) filled from `data`,
/// with the images and fonts in `assets` (bytes by the names the template uses), to PNG,
/// JPEG or RGBA pixels.
#[wasm_bindgen(js_name = renderPoster)]
pub fn render_poster(
    #[wasm_bindgen(unchecked_param_type = "PosterTemplate | string")] template_value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown> | string | null | undefined")] data_value: JsValue,
    #[wasm_bindgen(
        unchecked_param_type = "Record<string, Uint8Array | ArrayBuffer> | Map<string, Uint8Array | ArrayBuffer> | null | undefined"
    )]
    assets_value: JsValue,
    options_value: Option<Ts<RenderPosterOptions>>,
) -> JsResult<Ts<PosterImage>> {
    let (template, data, assets, options) = throw(inputs(&template_value, &data_value, &assets_value, options_value))?;
    let r = throw(poster::render_poster(&template, &data, &assets, &options).map_err(under_options))?;
    to_ts(PosterImage {
        bytes: r.bytes,
        width: r.width,
        height: r.height,
        format: r.format.name(),
        pixel_ratio: r.pixel_ratio,
        warnings: r
            .warnings
            .into_iter()
            .map(|w| PosterWarning { code: w.code, message: w.message, element: w.element, id: w.id, text: w.text })
            .collect(),
    })
}

/// Lays a poster out without drawing it: every element's box, text lines and QR facts,
/// in template px. Same arguments as `renderPoster`; images are not decoded.
#[wasm_bindgen(js_name = layoutPoster, unchecked_return_type = "PosterLayout")]
pub fn layout_poster(
    #[wasm_bindgen(unchecked_param_type = "PosterTemplate | string")] template_value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown> | string | null | undefined")] data_value: JsValue,
    #[wasm_bindgen(
        unchecked_param_type = "Record<string, Uint8Array | ArrayBuffer> | Map<string, Uint8Array | ArrayBuffer> | null | undefined"
    )]
    assets_value: JsValue,
    options_value: Option<Ts<RenderPosterOptions>>,
) -> JsResult<JsValue> {
    let (template, data, assets, options) = throw(inputs(&template_value, &data_value, &assets_value, options_value))?;
    let report = throw(poster::layout_poster(&template, &data, &assets, &options).map_err(under_options))?;
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    report.serialize(&serializer).map_err(|e| js_sys::Error::new(&e.to_string()).into())
}
