//! The poster template: a versioned JSON document, read into these types with every value
//! checked and every unknown key refused. Strings may hold `{{data.path}}` bindings, filled
//! per render by the layout stage.
//!
//! ```json
//! { "version": 1, "width": 750, "height": 1334, "background": "#ffffff",
//!   "fonts": [{ "asset": "NotoSansSC-Regular.otf" }],
//!   "elements": [{ "type": "text", "x": 40, "y": 40, "text": "{{user.name}}", "font": { "size": 32 } }] }
//! ```
//!
//! The README's "Poster templates" section documents every field.

mod bind;
mod elements;
mod paint;
pub(crate) mod read;

pub use bind::{Bound, MAX_STRING_CHARS};
pub use elements::{
    Element, ElementKind, Fit, FontSpec, ImageElement, LineElement, Pos, QrElement, QrLogoSpec, RectElement, RunSpec,
    TextElement,
};
pub use paint::{ColorSpec, Corners, Fill, Shadow, StopSpec, Stroke};

use crate::error::{Error, ErrorKind, Result};
use crate::poster::text::FontStyle;
use crate::poster::value::{number_text, Value};
use read::{invalid, Obj};

/// The template format version this library reads.
pub const VERSION: u32 = 1;
/// Most elements a template may have.
pub const MAX_ELEMENTS: usize = 500;
/// Largest width or height, in template px.
pub const MAX_SIDE: f32 = 8192.0;
/// Largest width x height, in template px (16.7 million: 4096 x 4096).
pub const MAX_AREA: f32 = 16_777_216.0;

/// A font the template uses: an asset and, optionally, what to call it.
#[derive(Clone, Debug, PartialEq)]
pub struct FontDecl {
    /// Asset name of the TTF/OTF bytes.
    pub asset: Bound,
    /// Family name to match; default: the font's own.
    pub family: Option<String>,
    /// Weight; default: the font's own (OS/2).
    pub weight: Option<u16>,
    /// Style; default: the font's own.
    pub style: Option<FontStyle>,
}

/// The poster's background.
#[derive(Clone, Debug, PartialEq)]
pub enum Background {
    /// A colour or gradient over the whole poster.
    Fill(Fill),
    /// An image covering (or contained in) the whole poster.
    Image {
        /// Asset name.
        asset: Bound,
        /// How it is fitted. Default: cover.
        fit: Fit,
        /// Which part stays in view when cropped, 0-1 on each axis. Default: centre.
        position: (f32, f32),
    },
}

/// A parsed, checked template.
#[derive(Clone, Debug, PartialEq)]
pub struct Template {
    /// Width in template px (CSS px: `pixelRatio` scales the output).
    pub width: f32,
    /// Height in template px.
    pub height: f32,
    /// Default: white.
    pub background: Option<Background>,
    /// Fonts, in fallback order after each text's own families.
    pub fonts: Vec<FontDecl>,
    /// Drawn in order, later on top.
    pub elements: Vec<Element>,
}

impl Template {
    /// Reads a template from its JSON value.
    ///
    /// # Errors
    /// `TEMPLATE_INVALID` with the path of the first bad value (wrong type, out of range,
    /// unknown field, unknown element type, reference to an unknown or later element,
    /// malformed binding); `TEMPLATE_LIMIT` when it has too many elements, too long a
    /// string or too many pixels.
    pub fn from_value(value: &Value) -> Result<Template> {
        let mut o = Obj::new(value, "")?;
        let version_path = o.at("version");
        match o.get("version") {
            Some(Value::Number(v)) if *v == VERSION as f64 => {}
            Some(other) => {
                return Err(invalid(
                    &version_path,
                    format!("this library reads template version {VERSION}; got {}", describe(other)),
                ))
            }
            None => return Err(invalid(&version_path, format!("is required (the current version is {VERSION})"))),
        }
        let width = side(&mut o, "width")?;
        let height = side(&mut o, "height")?;
        if width * height > MAX_AREA {
            return Err(Error::new(
                ErrorKind::TemplateLimit,
                format!(
                    "a poster may have at most 16777216 px (4096 x 4096); {} x {} is larger",
                    number_text(width as f64),
                    number_text(height as f64)
                ),
            )
            .at("width"));
        }
        let background = o.get("background").map(|v| read_background(v, "background")).transpose()?;
        let mut fonts = Vec::new();
        for (i, item) in o.array("fonts")?.unwrap_or_default().iter().enumerate() {
            fonts.push(read_font(item, &format!("fonts[{i}]"))?);
        }
        let items = o.array("elements")?.unwrap_or_default();
        if items.len() > MAX_ELEMENTS {
            return Err(Error::new(
                ErrorKind::TemplateLimit,
                format!("a template may have at most {MAX_ELEMENTS} elements; this one has {}", items.len()),
            )
            .at("elements"));
        }
        let mut elements: Vec<Element> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let element = Element::read(item, &format!("elements[{i}]"), &elements)?;
            elements.push(element);
        }
        o.finish()?;
        Ok(Template { width, height, background, fonts, elements })
    }

    /// Parses JSON text and reads the template.
    ///
    /// # Errors
    /// As [`Template::from_value`], and `TEMPLATE_INVALID` when the text is not JSON.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str) -> Result<Template> {
        Template::from_value(&crate::poster::value::parse_json(text, "template")?)
    }
}

fn describe(v: &Value) -> String {
    match v {
        Value::Number(n) => crate::poster::value::number_text(*n),
        other => other.kind().to_owned(),
    }
}

/// A poster side: at least 1 px; above [`MAX_SIDE`] is a limit, not a typo.
fn side(o: &mut Obj, key: &'static str) -> Result<f32> {
    let path = o.at(key);
    let n = o.required_number(key, 1.0, f32::MAX)?;
    if n > MAX_SIDE {
        return Err(Error::new(
            ErrorKind::TemplateLimit,
            format!("{path}: a poster side may be at most 8192 px, not {}", number_text(n as f64)),
        )
        .at(path));
    }
    Ok(n)
}

fn read_font(value: &Value, path: &str) -> Result<FontDecl> {
    let mut o = Obj::new(value, path)?;
    let asset_path = o.at("asset");
    let asset = Bound::parse(o.required_string("asset")?, &asset_path)?;
    let family = o.string("family")?.map(str::to_owned);
    let weight_path = o.at("weight");
    let weight = o.get("weight").map(|v| paint::read_weight(v, &weight_path)).transpose()?;
    let style = o.choice("style", &[("normal", FontStyle::Normal), ("italic", FontStyle::Italic)])?;
    o.finish()?;
    Ok(FontDecl { asset, family, weight, style })
}

fn read_background(value: &Value, path: &str) -> Result<Background> {
    if value.get("image").is_some() {
        let mut o = Obj::new(value, path)?;
        let asset_path = o.at("image");
        let asset = Bound::parse(o.required_string("image")?, &asset_path)?;
        let fit = o.choice("fit", elements::FITS)?.unwrap_or(Fit::Cover);
        let position_path = o.at("position");
        let position = o.get("position").map(|v| elements::read_position(v, &position_path)).transpose()?;
        o.finish()?;
        return Ok(Background::Image { asset, fit, position: position.unwrap_or((0.5, 0.5)) });
    }
    Fill::read(value, path).map(Background::Fill)
}
