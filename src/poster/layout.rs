//! Layout: template + data + fonts -> every element's box and content, resolved. Nothing
//! is drawn here (that is [`super::raster`]); `layoutPoster` returns this stage's result.

#![allow(missing_docs)] // Field names say what they hold; the README documents the template format.

use super::assets::{Assets, Warning};
use super::template::{
    Background, ColorSpec, Corners, Element, ElementKind, Fill, Fit, Pos, QrElement, RunSpec, Shadow, Stroke, Template,
    TextElement,
};
use super::text::{self, FontBook, FontStyle, Paragraph, TextLayout, TextRun, TextStyle};
use super::value::Value;
use crate::error::{Error, ErrorKind, Result};
use crate::qr::{self, Rgba};

/// Most characters one text element may show once its bindings are filled.
pub const MAX_TEXT_CHARS: usize = 5_000;

/// A resolved paint.
#[derive(Clone, Debug, PartialEq)]
pub enum Paint {
    /// One colour.
    Solid(Rgba),
    /// Linear gradient, degrees clockwise from left-to-right.
    Linear { angle: f32, stops: Vec<(f32, Rgba)> },
    /// Radial gradient from the centre to the farthest corner.
    Radial { stops: Vec<(f32, Rgba)> },
}

/// A resolved shadow.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ShadowPaint {
    pub x: f32,
    pub y: f32,
    pub blur: f32,
    pub color: Rgba,
}

/// What a laid-out element draws.
#[derive(Clone, Debug)]
pub enum Content {
    /// Not drawn: its `if` found no data.
    Hidden,
    Rect {
        fill: Option<Paint>,
        stroke: Option<(f32, Rgba)>,
        radius: Corners,
        shadow: Option<ShadowPaint>,
    },
    Image {
        asset: String,
        fit: Fit,
        position: (f32, f32),
        radius: Corners,
        circle: bool,
        border: Option<(f32, Rgba)>,
        shadow: Option<ShadowPaint>,
    },
    Text(TextLayout),
    Qr {
        symbol: qr::QrSymbol,
        style: qr::QrStyle,
        logo_asset: Option<String>,
        logo_background: Option<Rgba>,
        logo_radius: f64,
    },
    Line {
        vertical: bool,
        thickness: f32,
        color: Rgba,
        dash: Option<[f32; 2]>,
        round_cap: bool,
    },
}

/// One element, placed.
#[derive(Clone, Debug)]
pub struct Placed {
    /// Its index in the template's `elements`.
    pub index: usize,
    pub id: Option<String>,
    /// `rect`, `image`, `text`, `qr` or `line`.
    pub kind: &'static str,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub opacity: f32,
    pub content: Content,
}

/// A resolved background.
#[derive(Clone, Debug)]
pub enum BackgroundPaint {
    Paint(Paint),
    Image { asset: String, fit: Fit, position: (f32, f32) },
}

/// The layout of a poster.
#[derive(Debug)]
pub struct Layout {
    pub width: f32,
    pub height: f32,
    pub background: BackgroundPaint,
    pub elements: Vec<Placed>,
    pub fonts: FontBook,
    pub warnings: Vec<Warning>,
}

/// Lays out `template` with `data`, loading its fonts from `assets`.
///
/// # Errors
/// `ASSET_MISSING` for a font or image name that `assets` lacks, `FONT_INVALID` for font
/// bytes that are not a font, `TEMPLATE_INVALID` for a bound value that is unusable (a
/// colour that is not one), `TEMPLATE_LIMIT` for a text too long once bound, and the QR
/// errors of a QR element; each with the path of the template value concerned.
pub fn layout(template: &Template, data: &Value, assets: &Assets) -> Result<Layout> {
    let mut ctx = Ctx { data, missing: Vec::new(), warnings: Vec::new() };
    let mut fonts = FontBook::new();
    for (i, decl) in template.fonts.iter().enumerate() {
        let path = format!("fonts[{i}]");
        let name = ctx.text(&decl.asset);
        let bytes = assets.get(&name, &format!("{path}.asset"))?;
        fonts.add(bytes.clone(), decl.family.as_deref(), decl.weight, decl.style, &path)?;
    }
    ctx.flush(None, None);
    let background = match &template.background {
        None => BackgroundPaint::Paint(Paint::Solid(Rgba::WHITE)),
        Some(Background::Fill(fill)) => BackgroundPaint::Paint(ctx.paint(fill)?),
        Some(Background::Image { asset, fit, position }) => {
            let name = ctx.text(asset);
            assets.get(&name, "background.image")?;
            BackgroundPaint::Image { asset: name, fit: *fit, position: *position }
        }
    };
    ctx.flush(None, None);
    let mut placed: Vec<Placed> = Vec::with_capacity(template.elements.len());
    for (index, element) in template.elements.iter().enumerate() {
        let path = format!("elements[{index}]");
        let visible = element.condition.as_deref().is_none_or(|c| data.lookup(c).is_some_and(Value::is_present));
        let (content, width, height) = if visible {
            ctx.content(element, &path, assets, &fonts).map_err(|e| inside(e, &path))?
        } else {
            (Content::Hidden, 0.0, 0.0)
        };
        let x = resolve(&element.x, &placed, width, |p| (p.x, p.width));
        let y = resolve(&element.y, &placed, height, |p| (p.y, p.height));
        ctx.flush(Some(index), element.id.as_deref());
        if let Content::Text(t) = &content {
            for m in &t.missing {
                ctx.warn(
                    "GLYPH_MISSING",
                    format!("{path}: no font has a glyph for {} (U+{:04X})", m.text, m.ch as u32),
                    Some(index),
                    element.id.as_deref(),
                    Some(m.text.clone()),
                );
            }
        }
        if let Content::Qr { symbol, .. } = &content {
            if symbol.logo_shrunk {
                let message = format!("{path}: the logo was drawn smaller than asked so that the code stays readable");
                ctx.warn("QR_LOGO_SHRUNK", message, Some(index), element.id.as_deref(), None);
            }
        }
        placed.push(Placed {
            index,
            id: element.id.clone(),
            kind: kind_name(&element.kind),
            x,
            y,
            width,
            height,
            opacity: element.opacity,
            content,
        });
    }
    Ok(Layout {
        width: template.width,
        height: template.height,
        background,
        elements: placed,
        fonts,
        warnings: ctx.warnings,
    })
}

fn kind_name(kind: &ElementKind) -> &'static str {
    match kind {
        ElementKind::Rect(_) => "rect",
        ElementKind::Image(_) => "image",
        ElementKind::Text(_) => "text",
        ElementKind::Qr(_) => "qr",
        ElementKind::Line(_) => "line",
    }
}

/// An error of a core stage (QR options, colours), placed under the element's path.
pub(crate) fn inside(e: Error, path: &str) -> Error {
    match e.path() {
        Some(p) if p.starts_with("elements[") || p.starts_with("fonts[") => e,
        Some(p) => {
            let full = format!("{path}.{p}");
            e.at(full)
        }
        None => e.at(path.to_owned()),
    }
}

/// One axis of an element's position, from the boxes before it. A hidden element is an
/// empty box at its own position.
fn resolve(pos: &Pos, placed: &[Placed], own: f32, axis: impl Fn(&Placed) -> (f32, f32)) -> f32 {
    let edge = |of: &usize| placed.get(*of).map(&axis).unwrap_or((0.0, 0.0));
    match pos {
        Pos::At(v) => *v,
        Pos::After { of, gap } => {
            let (start, len) = edge(of);
            start + len + gap
        }
        Pos::Before { of, gap } => edge(of).0 - gap - own,
        Pos::Start { of, offset } => edge(of).0 + offset,
        Pos::End { of, offset } => {
            let (start, len) = edge(of);
            start + len - own + offset
        }
        Pos::Center { of, offset } => {
            let (start, len) = edge(of);
            start + (len - own) / 2.0 + offset
        }
    }
}

struct Ctx<'a> {
    data: &'a Value,
    missing: Vec<String>,
    warnings: Vec<Warning>,
}

impl Ctx<'_> {
    fn text(&mut self, bound: &super::template::Bound) -> String {
        bound.resolve(self.data, &mut self.missing)
    }

    fn warn(
        &mut self,
        code: &'static str,
        message: String,
        element: Option<usize>,
        id: Option<&str>,
        text: Option<String>,
    ) {
        self.warnings.push(Warning { code, message, element, id: id.map(str::to_owned), text });
    }

    /// Turns the data paths that had no value into one warning each.
    fn flush(&mut self, element: Option<usize>, id: Option<&str>) {
        let mut missing = std::mem::take(&mut self.missing);
        missing.dedup();
        for name in missing {
            let at = element.map_or_else(|| "the template".to_owned(), |i| format!("elements[{i}]"));
            let message = format!("{at}: the data has no value at {name}; it was left empty");
            self.warn("DATA_MISSING", message, element, id, Some(name));
        }
    }

    fn color(&mut self, spec: &ColorSpec) -> Result<Rgba> {
        spec.resolve(self.data, &mut self.missing)
    }

    fn paint(&mut self, fill: &Fill) -> Result<Paint> {
        let mut stops = |s: &[super::template::StopSpec]| -> Result<Vec<(f32, Rgba)>> {
            s.iter().map(|s| Ok((s.offset, s.color.resolve(self.data, &mut self.missing)?))).collect()
        };
        Ok(match fill {
            Fill::Color(c) => Paint::Solid(self.color(c)?),
            Fill::Linear { angle, stops: s } => Paint::Linear { angle: *angle, stops: stops(s)? },
            Fill::Radial { stops: s } => Paint::Radial { stops: stops(s)? },
        })
    }

    fn shadow(&mut self, s: &Option<Shadow>) -> Result<Option<ShadowPaint>> {
        s.as_ref().map(|s| Ok(ShadowPaint { x: s.x, y: s.y, blur: s.blur, color: self.color(&s.color)? })).transpose()
    }

    fn stroke(&mut self, s: &Option<Stroke>) -> Result<Option<(f32, Rgba)>> {
        s.as_ref().map(|s| Ok((s.width, self.color(&s.color)?))).transpose()
    }

    fn content(
        &mut self,
        element: &Element,
        path: &str,
        assets: &Assets,
        fonts: &FontBook,
    ) -> Result<(Content, f32, f32)> {
        Ok(match &element.kind {
            ElementKind::Rect(r) => {
                let content = Content::Rect {
                    fill: r.fill.as_ref().map(|f| self.paint(f)).transpose()?,
                    stroke: self.stroke(&r.stroke)?,
                    radius: r.radius,
                    shadow: self.shadow(&r.shadow)?,
                };
                (content, r.width, r.height)
            }
            ElementKind::Image(i) => {
                let asset = self.text(&i.asset);
                assets.get(&asset, &format!("{path}.asset"))?;
                let content = Content::Image {
                    asset,
                    fit: i.fit,
                    position: i.position,
                    radius: i.radius,
                    circle: i.circle,
                    border: self.stroke(&i.border)?,
                    shadow: self.shadow(&i.shadow)?,
                };
                (content, i.width, i.height)
            }
            ElementKind::Text(t) => {
                let paragraph = self.paragraph(t, path)?;
                let laid = text::layout(fonts, &paragraph);
                let (w, h) = (t.width.unwrap_or(laid.width), t.height.unwrap_or(laid.height));
                (Content::Text(laid), w, h)
            }
            ElementKind::Qr(q) => (self.qr(q, path, assets)?, q.size, q.size),
            ElementKind::Line(l) => {
                let content = Content::Line {
                    vertical: l.vertical,
                    thickness: l.thickness,
                    color: self.color(&l.color)?,
                    dash: l.dash,
                    round_cap: l.round_cap,
                };
                if l.vertical {
                    (content, l.thickness, l.length)
                } else {
                    (content, l.length, l.thickness)
                }
            }
        })
    }

    fn paragraph(&mut self, t: &TextElement, path: &str) -> Result<Paragraph> {
        let base = &t.runs[0];
        let base_style = TextStyle {
            families: base.font.families.clone().unwrap_or_default(),
            size: base.font.size.unwrap_or(16.0),
            weight: base.font.weight.unwrap_or(400),
            style: base.font.style.unwrap_or(FontStyle::Normal),
            color: base.color.as_ref().map(|c| self.color(c)).transpose()?.unwrap_or(Rgba::BLACK),
            letter_spacing: base.letter_spacing.unwrap_or(0.0),
            underline: base.underline.unwrap_or(false),
            strikethrough: base.strikethrough.unwrap_or(false),
        };
        let mut runs = Vec::with_capacity(t.runs.len());
        let mut chars = 0;
        for (i, run) in t.runs.iter().enumerate() {
            let style = if i == 0 { base_style.clone() } else { self.run_style(run, &base_style)? };
            let text = self.text(&run.text);
            chars += text.chars().count();
            if chars > MAX_TEXT_CHARS {
                return Err(Error::new(
                    ErrorKind::TemplateLimit,
                    format!("{path}: a text may show at most {MAX_TEXT_CHARS} characters once its data is filled in"),
                )
                .at(format!("{path}.text")));
            }
            if !text.is_empty() {
                runs.push(TextRun { text, style });
            }
        }
        Ok(Paragraph {
            runs,
            width: t.width,
            height: t.height,
            line_height: t.line_height,
            max_lines: t.max_lines,
            ellipsis: t.ellipsis.clone(),
            min_size: t.min_size,
            align: t.align,
            vertical_align: t.vertical_align,
        })
    }

    fn run_style(&mut self, run: &RunSpec, base: &TextStyle) -> Result<TextStyle> {
        Ok(TextStyle {
            families: run.font.families.clone().unwrap_or_else(|| base.families.clone()),
            size: run.font.size.unwrap_or(base.size),
            weight: run.font.weight.unwrap_or(base.weight),
            style: run.font.style.unwrap_or(base.style),
            color: match &run.color {
                Some(c) => self.color(c)?,
                None => base.color,
            },
            letter_spacing: run.letter_spacing.unwrap_or(base.letter_spacing),
            underline: run.underline.unwrap_or(base.underline),
            strikethrough: run.strikethrough.unwrap_or(base.strikethrough),
        })
    }

    fn qr(&mut self, q: &QrElement, path: &str, assets: &Assets) -> Result<Content> {
        let text = self.text(&q.text);
        let logo_reserve = q.logo.as_ref().map(|l| qr::LogoReserve {
            size: l.size,
            padding: l.padding,
            oversize: if l.reject_oversize { qr::Oversize::Reject } else { qr::Oversize::Shrink },
        });
        let symbol = qr::build_symbol(&text, &qr::SymbolOptions { ec_level: q.ec_level, logo: logo_reserve })?;
        let foreground = match &q.foreground {
            None => qr::Paint::Solid(Rgba::BLACK),
            Some(fill) => match self.paint(fill)? {
                Paint::Solid(c) => qr::Paint::Solid(c),
                Paint::Linear { angle, stops } => qr::Paint::Linear { angle: angle as f64, stops: qr_stops(stops) },
                Paint::Radial { stops } => qr::Paint::Radial { stops: qr_stops(stops) },
            },
        };
        let style = qr::QrStyle {
            module_shape: q.module_shape,
            finder_outer: q.finder_shape,
            finder_inner: q.finder_inner_shape,
            foreground,
            finder_color: q.finder_color.as_ref().map(|c| self.color(c)).transpose()?,
            background: q.background.as_ref().map(|c| self.color(c)).transpose()?.filter(|c| c.a > 0),
            quiet_zone: q.quiet_zone,
        };
        style.validate()?;
        let (mut logo_asset, mut logo_background, mut logo_radius) = (None, None, 0.0);
        if let Some(l) = &q.logo {
            if let Some(a) = &l.asset {
                let name = self.text(a);
                assets.get(&name, &format!("{path}.logo.asset"))?;
                logo_asset = Some(name);
            }
            logo_background = l.background.as_ref().map(|c| self.color(c)).transpose()?;
            logo_radius = l.radius;
        }
        Ok(Content::Qr { symbol, style, logo_asset, logo_background, logo_radius })
    }
}

fn qr_stops(stops: Vec<(f32, Rgba)>) -> Vec<qr::Stop> {
    stops.into_iter().map(|(offset, color)| qr::Stop { offset: offset as f64, color }).collect()
}
