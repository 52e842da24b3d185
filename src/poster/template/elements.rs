//! Template elements: what each type takes, and how a position refers to an earlier
//! element (`"y": { "below": "title", "gap": 16 }`), so that a two-line title pushes the
//! price down.

#![allow(missing_docs)] // Field names say what they hold; the README documents the template format.

use super::bind::Bound;
use super::paint::{read_corners, read_dash, read_weight, ColorSpec, Corners, Fill, Shadow, Stroke};
use super::read::{choose, invalid, number, Obj};
use crate::error::Result;
use crate::poster::text::{Align, FontStyle, VerticalAlign};
use crate::poster::value::Value;
use crate::qr::{EcLevel, FinderShape, ModuleShape};

/// Where an element sits on one axis.
#[derive(Clone, Debug, PartialEq)]
pub enum Pos {
    /// At this coordinate.
    At(f32),
    /// After the end of element `of` (`rightOf`, `below`), `gap` px away.
    After { of: usize, gap: f32 },
    /// Before the start of element `of` (`leftOf`, `above`), `gap` px away.
    Before { of: usize, gap: f32 },
    /// Start edges aligned (`alignLeft`, `alignTop`), plus `offset`.
    Start { of: usize, offset: f32 },
    /// End edges aligned (`alignRight`, `alignBottom`), plus `offset`.
    End { of: usize, offset: f32 },
    /// Centres aligned (`centerOf`), plus `offset`.
    Center { of: usize, offset: f32 },
}

/// How an image fills its box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// Fills the box, cropping what overflows (CSS `object-fit: cover`).
    Cover,
    /// Fits inside the box, whole (CSS `contain`).
    Contain,
    /// Stretched to the box.
    Fill,
}

pub(crate) const FITS: &[(&str, Fit)] = &[("cover", Fit::Cover), ("contain", Fit::Contain), ("fill", Fit::Fill)];

/// An element: common fields and its kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    /// Name that later elements' positions refer to.
    pub id: Option<String>,
    /// Data path that must be present and non-empty for the element to be drawn.
    pub condition: Option<String>,
    /// Horizontal position of the left edge.
    pub x: Pos,
    /// Vertical position of the top edge.
    pub y: Pos,
    /// 0 to 1. Default: 1.
    pub opacity: f32,
    /// What is drawn.
    pub kind: ElementKind,
}

/// The element types.
#[derive(Clone, Debug, PartialEq)]
pub enum ElementKind {
    /// A rectangle.
    Rect(RectElement),
    /// An image asset.
    Image(ImageElement),
    /// Text.
    Text(TextElement),
    /// A QR code.
    Qr(QrElement),
    /// A straight line.
    Line(LineElement),
}

/// `"type": "rect"`.
#[derive(Clone, Debug, PartialEq)]
pub struct RectElement {
    pub width: f32,
    pub height: f32,
    pub fill: Option<Fill>,
    pub stroke: Option<Stroke>,
    pub radius: Corners,
    pub shadow: Option<Shadow>,
}

/// `"type": "image"`.
#[derive(Clone, Debug, PartialEq)]
pub struct ImageElement {
    pub asset: Bound,
    pub width: f32,
    pub height: f32,
    pub fit: Fit,
    pub position: (f32, f32),
    pub radius: Corners,
    pub circle: bool,
    /// A ring drawn around the outside of the shape.
    pub border: Option<Stroke>,
    pub shadow: Option<Shadow>,
}

/// Font settings of a text or a run; a run's unset fields come from its text.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct FontSpec {
    pub families: Option<Vec<String>>,
    pub size: Option<f32>,
    pub weight: Option<u16>,
    pub style: Option<FontStyle>,
}

/// A run of a mixed-style text.
#[derive(Clone, Debug, PartialEq)]
pub struct RunSpec {
    pub text: Bound,
    pub font: FontSpec,
    pub color: Option<ColorSpec>,
    pub letter_spacing: Option<f32>,
    pub underline: Option<bool>,
    pub strikethrough: Option<bool>,
}

/// `"type": "text"`.
#[derive(Clone, Debug, PartialEq)]
pub struct TextElement {
    /// One run for `text`, or the `runs`.
    pub runs: Vec<RunSpec>,
    pub width: Option<f32>,
    pub height: Option<f32>,
    pub line_height: Option<f32>,
    pub max_lines: Option<u32>,
    pub ellipsis: String,
    pub min_size: Option<f32>,
    pub align: Align,
    pub vertical_align: VerticalAlign,
}

/// `"type": "qr"`: the options of `qrPng`, in a `size` px square.
#[derive(Clone, Debug, PartialEq)]
pub struct QrElement {
    pub text: Bound,
    pub size: f32,
    pub ec_level: Option<EcLevel>,
    pub quiet_zone: u32,
    pub module_shape: ModuleShape,
    pub finder_shape: FinderShape,
    pub finder_inner_shape: FinderShape,
    pub foreground: Option<Fill>,
    pub finder_color: Option<ColorSpec>,
    pub background: Option<ColorSpec>,
    pub logo: Option<QrLogoSpec>,
}

/// The logo of a QR element.
#[derive(Clone, Debug, PartialEq)]
pub struct QrLogoSpec {
    pub asset: Option<Bound>,
    pub size: f64,
    pub padding: u8,
    pub reject_oversize: bool,
    pub background: Option<ColorSpec>,
    pub radius: f64,
}

/// `"type": "line"`: horizontal or vertical.
#[derive(Clone, Debug, PartialEq)]
pub struct LineElement {
    pub length: f32,
    pub vertical: bool,
    pub thickness: f32,
    pub color: ColorSpec,
    pub dash: Option<[f32; 2]>,
    pub round_cap: bool,
}

const BOX: f32 = 100_000.0;

impl Element {
    /// Reads element `path`; `earlier` are the elements before it, which its position may
    /// name.
    pub(crate) fn read(value: &Value, path: &str, earlier: &[Element]) -> Result<Element> {
        let mut o = Obj::new(value, path)?;
        let kinds = [("rect", 0), ("image", 1), ("text", 2), ("qr", 3), ("line", 4)];
        let type_path = o.at("type");
        let kind = o
            .choice("type", &kinds)?
            .ok_or_else(|| invalid(&type_path, "is required: \"rect\", \"image\", \"text\", \"qr\" or \"line\""))?;
        let id = o.string("id")?.map(str::to_owned);
        if let Some(id) = &id {
            if earlier.iter().any(|e| e.id.as_ref() == Some(id)) {
                return Err(invalid(
                    &o.at("id"),
                    format!("{} is already the id of an earlier element", crate::error::quote(id)),
                ));
            }
        }
        let condition = o.string("if")?.map(|s| s.trim().to_owned());
        let x = read_pos(&mut o, "x", ["rightOf", "leftOf", "alignLeft", "alignRight"], earlier)?;
        let y = read_pos(&mut o, "y", ["below", "above", "alignTop", "alignBottom"], earlier)?;
        let opacity = o.number("opacity", 0.0, 1.0)?.unwrap_or(1.0);
        let kind = match kind {
            0 => ElementKind::Rect(read_rect(&mut o)?),
            1 => ElementKind::Image(read_image(&mut o)?),
            2 => ElementKind::Text(read_text(&mut o)?),
            3 => ElementKind::Qr(read_qr(&mut o)?),
            _ => ElementKind::Line(read_line(&mut o)?),
        };
        o.finish()?;
        Ok(Element { id, condition, x, y, opacity, kind })
    }
}

fn read_pos(o: &mut Obj, key: &'static str, names: [&'static str; 4], earlier: &[Element]) -> Result<Pos> {
    let path = o.at(key);
    let Some(value) = o.get(key) else { return Ok(Pos::At(0.0)) };
    if let Value::Number(_) = value {
        return Ok(Pos::At(number(value, &path, -BOX, BOX)?));
    }
    let mut r = Obj::new(value, &path)?;
    let all = [names[0], names[1], names[2], names[3], "centerOf"];
    let present: Vec<&str> = all.iter().copied().filter(|n| r.has(n)).collect();
    let [name] = present.as_slice() else {
        return Err(invalid(&path, format!("must be a number or an object with one of {}", all.join(", "))));
    };
    let name_path = r.at(name);
    let target = r.required_string(all.iter().copied().find(|n| n == name).unwrap_or("centerOf"))?;
    let of = earlier
        .iter()
        .position(|e| e.id.as_deref() == Some(target))
        .ok_or_else(|| invalid(&name_path, format!("no earlier element has the id {}", crate::error::quote(target))))?;
    let relative = *name == names[0] || *name == names[1];
    let amount = if relative { r.number("gap", -BOX, BOX)? } else { r.number("offset", -BOX, BOX)? }.unwrap_or(0.0);
    r.finish()?;
    Ok(match all.iter().position(|n| n == name) {
        Some(0) => Pos::After { of, gap: amount },
        Some(1) => Pos::Before { of, gap: amount },
        Some(2) => Pos::Start { of, offset: amount },
        Some(3) => Pos::End { of, offset: amount },
        _ => Pos::Center { of, offset: amount },
    })
}

fn color(o: &mut Obj, key: &'static str) -> Result<Option<ColorSpec>> {
    let path = o.at(key);
    o.get(key).map(|v| ColorSpec::read(v, &path)).transpose()
}

fn with<T>(o: &mut Obj, key: &'static str, read: impl Fn(&Value, &str) -> Result<T>) -> Result<Option<T>> {
    let path = o.at(key);
    o.get(key).map(|v| read(v, &path)).transpose()
}

fn read_rect(o: &mut Obj) -> Result<RectElement> {
    Ok(RectElement {
        width: o.required_number("width", 0.0, BOX)?,
        height: o.required_number("height", 0.0, BOX)?,
        fill: with(o, "fill", Fill::read)?,
        stroke: with(o, "stroke", Stroke::read)?,
        radius: with(o, "radius", read_corners)?.unwrap_or_default(),
        shadow: with(o, "shadow", Shadow::read)?,
    })
}

/// `"center"`, `"top"`, `"bottom right"`…, or `[x, y]` fractions from 0 to 1.
pub(crate) fn read_position(value: &Value, path: &str) -> Result<(f32, f32)> {
    if let Value::Array(items) = value {
        if let [x, y] = items.as_slice() {
            return Ok((number(x, &format!("{path}[0]"), 0.0, 1.0)?, number(y, &format!("{path}[1]"), 0.0, 1.0)?));
        }
    }
    let text = super::read::string(value, path)?;
    let (mut x, mut y) = (0.5, 0.5);
    for word in text.split_whitespace() {
        match word {
            "left" => x = 0.0,
            "right" => x = 1.0,
            "top" => y = 0.0,
            "bottom" => y = 1.0,
            "center" => {}
            _ => {
                return Err(invalid(path, "must be words from center, top, bottom, left, right, or [x, y] from 0 to 1"))
            }
        }
    }
    Ok((x, y))
}

fn read_image(o: &mut Obj) -> Result<ImageElement> {
    let asset_path = o.at("asset");
    Ok(ImageElement {
        asset: Bound::parse(o.required_string("asset")?, &asset_path)?,
        width: o.required_number("width", 0.0, BOX)?,
        height: o.required_number("height", 0.0, BOX)?,
        fit: o.choice("fit", FITS)?.unwrap_or(Fit::Cover),
        position: with(o, "position", read_position)?.unwrap_or((0.5, 0.5)),
        radius: with(o, "radius", read_corners)?.unwrap_or_default(),
        circle: o.boolean("circle")?.unwrap_or(false),
        border: with(o, "border", Stroke::read)?,
        shadow: with(o, "shadow", Shadow::read)?,
    })
}

fn read_font(value: &Value, path: &str) -> Result<FontSpec> {
    let mut o = Obj::new(value, path)?;
    let family_path = o.at("family");
    let families = match o.get("family") {
        None => None,
        Some(Value::String(s)) => Some(vec![s.clone()]),
        Some(Value::Array(items)) => Some(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| super::read::string(v, &format!("{family_path}[{i}]")).map(str::to_owned))
                .collect::<Result<Vec<_>>>()?,
        ),
        Some(other) => {
            return Err(invalid(&family_path, format!("must be a string or an array of strings, not {}", other.kind())))
        }
    };
    let spec = FontSpec {
        families,
        size: o.number("size", 1.0, 1000.0)?,
        weight: with(&mut o, "weight", read_weight)?,
        style: o.choice("style", &[("normal", FontStyle::Normal), ("italic", FontStyle::Italic)])?,
    };
    o.finish()?;
    Ok(spec)
}

fn decoration(o: &mut Obj) -> Result<(Option<bool>, Option<bool>)> {
    let d = o.choice(
        "decoration",
        &[("none", (false, false)), ("underline", (true, false)), ("lineThrough", (false, true))],
    )?;
    Ok((d.map(|d| d.0), d.map(|d| d.1)))
}

fn read_run(value: &Value, path: &str) -> Result<RunSpec> {
    let mut o = Obj::new(value, path)?;
    let text_path = o.at("text");
    let text = Bound::parse(o.required_string("text")?, &text_path)?;
    let (underline, strikethrough) = decoration(&mut o)?;
    let run = RunSpec {
        text,
        font: with(&mut o, "font", read_font)?.unwrap_or_default(),
        color: color(&mut o, "color")?,
        letter_spacing: o.number("letterSpacing", -100.0, 1000.0)?,
        underline,
        strikethrough,
    };
    o.finish()?;
    Ok(run)
}

fn read_text(o: &mut Obj) -> Result<TextElement> {
    let text_path = o.at("text");
    let text = o.string("text")?.map(|t| Bound::parse(t, &text_path)).transpose()?;
    let runs_path = o.at("runs");
    let items = o.array("runs")?;
    let (underline, strikethrough) = decoration(o)?;
    let base = RunSpec {
        text: Bound::default(),
        font: with(o, "font", read_font)?.unwrap_or_default(),
        color: color(o, "color")?,
        letter_spacing: o.number("letterSpacing", -100.0, 1000.0)?,
        underline,
        strikethrough,
    };
    let runs = match (text, items) {
        (Some(text), None) => vec![RunSpec { text, ..base }],
        (None, Some(items)) if !items.is_empty() && items.len() <= 100 => {
            let mut runs = Vec::with_capacity(items.len() + 1);
            runs.push(base);
            for (i, item) in items.iter().enumerate() {
                runs.push(read_run(item, &format!("{runs_path}[{i}]"))?);
            }
            runs
        }
        (None, Some(_)) => return Err(invalid(&runs_path, "must hold 1 to 100 runs")),
        _ => return Err(invalid(&text_path, "a text needs either \"text\" or \"runs\" (not both)")),
    };
    Ok(TextElement {
        runs,
        width: o.number("width", 0.0, BOX)?,
        height: o.number("height", 0.0, BOX)?,
        line_height: o.number("lineHeight", 0.0, 2000.0)?,
        max_lines: o.integer("maxLines", 1, 1000)?,
        ellipsis: o.string("ellipsis")?.unwrap_or("…").to_owned(),
        min_size: o.number("minSize", 1.0, 1000.0)?,
        align: o
            .choice("align", &[("left", Align::Left), ("center", Align::Center), ("right", Align::Right)])?
            .unwrap_or_default(),
        vertical_align: o
            .choice(
                "verticalAlign",
                &[("top", VerticalAlign::Top), ("middle", VerticalAlign::Middle), ("bottom", VerticalAlign::Bottom)],
            )?
            .unwrap_or_default(),
    })
}

const FINDERS: &[(&str, FinderShape)] =
    &[("square", FinderShape::Square), ("rounded", FinderShape::Rounded), ("circle", FinderShape::Circle)];

fn read_qr(o: &mut Obj) -> Result<QrElement> {
    let text_path = o.at("text");
    let text = Bound::parse(o.required_string("text")?, &text_path)?;
    let size = o.required_number("size", 21.0, 8192.0)?;
    let levels = [
        ("auto", None),
        ("L", Some(EcLevel::L)),
        ("M", Some(EcLevel::M)),
        ("Q", Some(EcLevel::Q)),
        ("H", Some(EcLevel::H)),
    ];
    let ec_level = o.choice("ecLevel", &levels)?.flatten();
    let quiet_zone = o.integer("quietZone", 0, 16)?.unwrap_or(2);
    let module_shape = o
        .choice(
            "moduleShape",
            &[("square", ModuleShape::Square), ("rounded", ModuleShape::Rounded), ("dots", ModuleShape::Dots)],
        )?
        .unwrap_or_default();
    let finder_shape = o.choice("finderShape", FINDERS)?.unwrap_or_default();
    let finder_inner_shape = o.choice("finderInnerShape", FINDERS)?.unwrap_or(finder_shape);
    let foreground = with(o, "foreground", Fill::read)?;
    let finder_color = color(o, "finderColor")?;
    let background = color(o, "background")?;
    let logo = with(o, "logo", read_qr_logo)?;
    Ok(QrElement {
        text,
        size,
        ec_level,
        quiet_zone,
        module_shape,
        finder_shape,
        finder_inner_shape,
        foreground,
        finder_color,
        background,
        logo,
    })
}

fn read_qr_logo(value: &Value, path: &str) -> Result<QrLogoSpec> {
    let mut o = Obj::new(value, path)?;
    let asset_path = o.at("asset");
    let asset = o.string("asset")?.map(|a| Bound::parse(a, &asset_path)).transpose()?;
    let size = o.number("size", 0.01, 0.5)?.unwrap_or(0.2) as f64;
    let padding = o.integer("padding", 0, 4)?.unwrap_or(1) as u8;
    let oversize_path = o.at("oversize");
    let reject_oversize = match o.string("oversize")? {
        None => false,
        Some(name) => choose(name, &[("shrink", false), ("reject", true)], &oversize_path)?,
    };
    let background = color(&mut o, "background")?;
    let radius = o.number("radius", 0.0, 0.5)?.unwrap_or(0.0) as f64;
    o.finish()?;
    Ok(QrLogoSpec { asset, size, padding, reject_oversize, background, radius })
}

fn read_line(o: &mut Obj) -> Result<LineElement> {
    let style = o.choice("style", &[("solid", 0), ("dashed", 1), ("dotted", 2)])?.unwrap_or(0);
    let thickness = o.number("thickness", 0.0, 1000.0)?.unwrap_or(1.0);
    let dash = with(o, "dash", read_dash)?.or(match style {
        1 => Some([thickness * 3.0, thickness * 2.0]),
        // Round caps on a near-zero dash draw round dots one thickness across.
        2 => Some([0.01, thickness * 2.0]),
        _ => None,
    });
    let color_path = o.at("color");
    Ok(LineElement {
        length: o.required_number("length", 0.0, BOX)?,
        vertical: o.choice("direction", &[("horizontal", false), ("vertical", true)])?.unwrap_or(false),
        thickness,
        color: o
            .get("color")
            .map(|v| ColorSpec::read(v, &color_path))
            .transpose()?
            .unwrap_or(ColorSpec::fixed(crate::qr::Rgba::BLACK)),
        dash,
        round_cap: o.choice("cap", &[("butt", false), ("round", true)])?.unwrap_or(style == 2),
    })
}
