//! What `layoutPoster` returns: the computed boxes and text lines, in template px, as
//! plain serialisable data (for the playground, tests and debugging).

#![allow(missing_docs)] // Field names say what they hold; the README documents the template format.

use super::assets::Warning;
use super::layout::{Content, Layout};
use serde::Serialize;

/// A laid-out poster.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LayoutReport {
    pub width: f32,
    pub height: f32,
    /// The pixel ratio a render with the same options uses.
    pub pixel_ratio: f32,
    pub elements: Vec<ElementReport>,
    pub warnings: Vec<WarningReport>,
}

/// One element's box.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ElementReport {
    pub index: usize,
    pub id: Option<String>,
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// False when its `if` found no data.
    pub visible: bool,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    /// Text elements: the lines as laid out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lines: Option<Vec<LineReport>>,
    /// Text elements: the text was cut (ellipsis).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub truncated: Option<bool>,
    /// Text elements: the shrink factor applied by `minSize` (1 when none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale: Option<f32>,
    /// QR elements: version, level and modules per side.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qr: Option<QrReport>,
}

/// A line of text, relative to the poster.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LineReport {
    pub text: String,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub baseline: f32,
}

/// The code a QR element draws.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QrReport {
    pub version: u8,
    pub ec_level: &'static str,
    pub modules: u32,
}

/// A warning as data.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WarningReport {
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub element: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl From<&Warning> for WarningReport {
    fn from(w: &Warning) -> Self {
        WarningReport {
            code: w.code,
            message: w.message.clone(),
            element: w.element,
            id: w.id.clone(),
            text: w.text.clone(),
        }
    }
}

impl LayoutReport {
    pub(crate) fn new(layout: &Layout, pixel_ratio: f32) -> LayoutReport {
        let elements = layout
            .elements
            .iter()
            .map(|e| {
                let mut r = ElementReport {
                    index: e.index,
                    id: e.id.clone(),
                    kind: e.kind,
                    visible: !matches!(e.content, Content::Hidden),
                    x: e.x,
                    y: e.y,
                    width: e.width,
                    height: e.height,
                    lines: None,
                    truncated: None,
                    scale: None,
                    qr: None,
                };
                match &e.content {
                    Content::Text(t) => {
                        r.lines = Some(
                            t.lines
                                .iter()
                                .map(|l| LineReport {
                                    text: l.text.clone(),
                                    x: e.x + l.x,
                                    y: e.y + l.top,
                                    width: l.width,
                                    height: l.height,
                                    baseline: e.y + l.baseline,
                                })
                                .collect(),
                        );
                        r.truncated = Some(t.truncated);
                        r.scale = Some(t.scale);
                    }
                    Content::Qr { symbol, .. } => {
                        r.qr = Some(QrReport {
                            version: symbol.matrix.version(),
                            ec_level: symbol.matrix.ec_level().name(),
                            modules: symbol.matrix.width() as u32,
                        });
                    }
                    _ => {}
                }
                r
            })
            .collect();
        LayoutReport {
            width: layout.width,
            height: layout.height,
            pixel_ratio,
            elements,
            warnings: layout.warnings.iter().map(WarningReport::from).collect(),
        }
    }
}
