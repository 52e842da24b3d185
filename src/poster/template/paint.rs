//! Colours, gradients, strokes, corner radii and shadows of template elements.

use super::bind::Bound;
use super::read::{integer, invalid, number, Obj};
use crate::error::Result;
use crate::poster::value::Value;
use crate::qr::Rgba;

/// Largest blur radius of a shadow, in template px.
pub const MAX_BLUR: f32 = 200.0;

/// A CSS colour, possibly from the data (`"{{brand.color}}"`).
#[derive(Clone, Debug, PartialEq)]
pub struct ColorSpec {
    source: Bound,
    path: String,
    fixed: Option<Rgba>,
}

impl ColorSpec {
    pub(crate) fn read(value: &Value, path: &str) -> Result<ColorSpec> {
        let source = Bound::parse(super::read::string(value, path)?, path)?;
        let fixed = source.literal().map(|css| parse_color(css, path)).transpose()?;
        Ok(ColorSpec { source, path: path.to_owned(), fixed })
    }

    /// A fixed colour.
    pub fn fixed(color: Rgba) -> ColorSpec {
        ColorSpec { source: Bound::default(), path: String::new(), fixed: Some(color) }
    }

    /// The colour for this data.
    ///
    /// # Errors
    /// `TEMPLATE_INVALID` at the colour's path when a bound value is not a CSS colour.
    pub fn resolve(&self, data: &Value, missing: &mut Vec<String>) -> Result<Rgba> {
        match self.fixed {
            Some(c) => Ok(c),
            None => parse_color(&self.source.resolve(data, missing), &self.path),
        }
    }
}

/// Parses a CSS colour; `TEMPLATE_INVALID` at `path` otherwise.
pub(crate) fn parse_color(css: &str, path: &str) -> Result<Rgba> {
    crate::qr::parse_color(css, path)
        .map_err(|_| invalid(path, format!("{} is not a CSS colour", crate::error::quote(css))))
}

/// A gradient stop.
#[derive(Clone, Debug, PartialEq)]
pub struct StopSpec {
    /// 0 to 1.
    pub offset: f32,
    /// The colour there.
    pub color: ColorSpec,
}

/// How an area is filled.
#[derive(Clone, Debug, PartialEq)]
pub enum Fill {
    /// One colour.
    Color(ColorSpec),
    /// A linear gradient across the box at `angle` degrees clockwise from left-to-right
    /// (90: top to bottom), as wide as the box's extent in that direction.
    Linear {
        /// Degrees.
        angle: f32,
        /// Two or more stops, offsets ascending.
        stops: Vec<StopSpec>,
    },
    /// A radial gradient from the box's centre to its farthest corner.
    Radial {
        /// Two or more stops, offsets ascending.
        stops: Vec<StopSpec>,
    },
}

impl Fill {
    /// A colour string, or `{ "type": "linear" | "radial", "angle"?, "stops": [{offset, color}] }`.
    pub(crate) fn read(value: &Value, path: &str) -> Result<Fill> {
        if let Value::String(_) = value {
            return Ok(Fill::Color(ColorSpec::read(value, path)?));
        }
        let mut o = Obj::new(value, path)?;
        let kind = o.choice("type", &[("linear", true), ("radial", false)])?;
        let kind = kind.ok_or_else(|| invalid(&o.at("type"), "is required: \"linear\" or \"radial\""))?;
        let angle = if kind { o.number("angle", -360.0, 360.0)?.unwrap_or(90.0) } else { 0.0 };
        let stops_path = o.at("stops");
        let items = o.array("stops")?.ok_or_else(|| invalid(&stops_path, "is required"))?;
        if items.len() < 2 || items.len() > 16 {
            return Err(invalid(&stops_path, "must hold 2 to 16 stops"));
        }
        let mut stops = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let mut s = Obj::new(item, &format!("{stops_path}[{i}]"))?;
            let offset = s.required_number("offset", 0.0, 1.0)?;
            if stops.last().is_some_and(|p: &StopSpec| p.offset > offset) {
                return Err(invalid(&s.at("offset"), "offsets must not decrease"));
            }
            let color_path = s.at("color");
            let color = ColorSpec::read(s.required("color")?, &color_path)?;
            s.finish()?;
            stops.push(StopSpec { offset, color });
        }
        o.finish()?;
        Ok(if kind { Fill::Linear { angle, stops } } else { Fill::Radial { stops } })
    }
}

/// An outline: `{ "width": 2, "color": "#eeeeee" }`.
#[derive(Clone, Debug, PartialEq)]
pub struct Stroke {
    /// Width in template px.
    pub width: f32,
    /// Colour.
    pub color: ColorSpec,
}

impl Stroke {
    pub(crate) fn read(value: &Value, path: &str) -> Result<Stroke> {
        let mut o = Obj::new(value, path)?;
        let width = o.required_number("width", 0.0, 500.0)?;
        let color_path = o.at("color");
        let color = ColorSpec::read(o.required("color")?, &color_path)?;
        o.finish()?;
        Ok(Stroke { width, color })
    }
}

/// A drop shadow: `{ "x": 0, "y": 8, "blur": 24, "color": "rgba(0,0,0,.25)" }`. `blur` is
/// the CSS blur radius (about twice the Gaussian's sigma); it is drawn with three box
/// blurs, which look the same at a fraction of the cost.
#[derive(Clone, Debug, PartialEq)]
pub struct Shadow {
    /// Offset right, px.
    pub x: f32,
    /// Offset down, px.
    pub y: f32,
    /// Blur radius, px. Default: 0.
    pub blur: f32,
    /// Colour. Default: `rgba(0,0,0,0.25)`.
    pub color: ColorSpec,
}

impl Shadow {
    pub(crate) fn read(value: &Value, path: &str) -> Result<Shadow> {
        let mut o = Obj::new(value, path)?;
        let x = o.number("x", -1000.0, 1000.0)?.unwrap_or(0.0);
        let y = o.number("y", -1000.0, 1000.0)?.unwrap_or(0.0);
        let blur = o.number("blur", 0.0, MAX_BLUR)?.unwrap_or(0.0);
        let color_path = o.at("color");
        let color = match o.get("color") {
            Some(v) => ColorSpec::read(v, &color_path)?,
            None => ColorSpec::fixed(Rgba { r: 0, g: 0, b: 0, a: 64 }),
        };
        o.finish()?;
        Ok(Shadow { x, y, blur, color })
    }
}

/// Corner radii, clockwise from the top left, in template px.
pub type Corners = [f32; 4];

/// A number for all four corners, or `[topLeft, topRight, bottomRight, bottomLeft]`.
pub(crate) fn read_corners(value: &Value, path: &str) -> Result<Corners> {
    match value {
        Value::Array(items) if items.len() == 4 => {
            let mut c = [0.0; 4];
            for (i, item) in items.iter().enumerate() {
                c[i] = number(item, &format!("{path}[{i}]"), 0.0, 10_000.0)?;
            }
            Ok(c)
        }
        Value::Array(_) => Err(invalid(path, "must be a number or an array of 4 numbers")),
        other => Ok([number(other, path, 0.0, 10_000.0)?; 4]),
    }
}

/// Dash pattern `[on, off]` in px.
pub(crate) fn read_dash(value: &Value, path: &str) -> Result<[f32; 2]> {
    match value {
        Value::Array(items) if items.len() == 2 => Ok([
            number(&items[0], &format!("{path}[0]"), 0.5, 1000.0)?,
            number(&items[1], &format!("{path}[1]"), 0.5, 1000.0)?,
        ]),
        _ => Err(invalid(path, "must be [on, off]: two lengths in px")),
    }
}

/// A font weight: a number 1-1000 or `"normal"`/`"bold"`.
pub(crate) fn read_weight(value: &Value, path: &str) -> Result<u16> {
    match value {
        Value::String(s) if s == "normal" => Ok(400),
        Value::String(s) if s == "bold" => Ok(700),
        Value::String(_) => Err(invalid(path, "must be a number from 1 to 1000, \"normal\" or \"bold\"")),
        other => Ok(integer(other, path, 1, 1000)? as u16),
    }
}
