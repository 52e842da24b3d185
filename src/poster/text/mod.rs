//! The poster text engine: the caller's fonts, paragraph layout and glyph outlines.
//!
//! ```text
//! FontBook (bytes + metrics) ─┐
//! Paragraph (runs + box) ─────┴─> layout() -> TextLayout (lines, glyphs) -> text_paths()
//! ```
//!
//! - **No shaping engine.** Each character maps to one glyph through `cmap`; advances come
//!   from `hmtx` (advance × size / units-per-em); there is no kerning, ligature, mark
//!   positioning or bidi. Exact for CJK, close for Latin; rustybuzz would cost more of the
//!   wasm budget than posters justify.
//! - **Fallback per grapheme cluster**: the run's families first (best weight and style of
//!   each), then every other font of the book in order; a cluster no font has is drawn
//!   with the first-choice font's `.notdef` box and reported in [`TextLayout::missing`].
//! - **Line breaking**: UAX #14 (unicode-linebreak) plus kinsoku, greedy, never inside a
//!   grapheme cluster (unicode-segmentation); see `breaking.rs`.
//! - **Deterministic**: only `+ - * /` on `f32`, so native and wasm lay out identically.
//!
//! [`layout`] never fails and never panics: bad sizes and boxes are clamped, missing glyphs
//! are reported, and text that does not fit is shrunk (if allowed) and cut with an ellipsis.

mod breaking;
mod font;
mod layout;
mod outline;
mod prepare;
#[cfg(test)]
mod tests;

pub use font::{FontBook, FontStyle};

use crate::imaging::Path;
use crate::qr::Rgba;

/// The style of one run of text.
#[derive(Clone, Debug, PartialEq)]
pub struct TextStyle {
    /// Family names to try in order, matched case-insensitively against the book.
    pub families: Vec<String>,
    /// Font size in px. Default: 16.
    pub size: f32,
    /// 100..=900. Default: 400.
    pub weight: u16,
    /// Default: `Normal`.
    pub style: FontStyle,
    /// Default: black.
    pub color: Rgba,
    /// px added after each grapheme cluster except a line's last. Default: 0.
    pub letter_spacing: f32,
    /// Default: false.
    pub underline: bool,
    /// Default: false.
    pub strikethrough: bool,
}

impl Default for TextStyle {
    fn default() -> Self {
        TextStyle {
            families: Vec::new(),
            size: 16.0,
            weight: 400,
            style: FontStyle::Normal,
            color: Rgba::BLACK,
            letter_spacing: 0.0,
            underline: false,
            strikethrough: false,
        }
    }
}

/// Text in one style.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    /// The characters; `\n`, `\r\n` and U+2028 break lines.
    pub text: String,
    /// How they look.
    pub style: TextStyle,
}

/// Horizontal alignment of lines within the paragraph's width.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Align {
    /// Flush left.
    #[default]
    Left,
    /// Centred.
    Center,
    /// Flush right.
    Right,
}

/// Vertical alignment of the lines within the paragraph's height.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum VerticalAlign {
    /// Lines start at the top of the box.
    #[default]
    Top,
    /// Lines are centred in the box.
    Middle,
    /// Lines end at the bottom of the box.
    Bottom,
}

/// Runs flowing in one box (`¥` small, `299` large, `.00` small share lines and baselines).
#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    /// The text, in order, in one flow.
    pub runs: Vec<TextRun>,
    /// Wrap width in px; `None`: one line per hard break. Default: `None`.
    pub width: Option<f32>,
    /// Box height in px: lines that do not fit are dropped (with the ellipsis), and lines are
    /// aligned within it. Default: `None`.
    pub height: Option<f32>,
    /// Line height in px at the runs' declared sizes; `None`: each font's ascent + descent
    /// + line gap. Default: `None`.
    pub line_height: Option<f32>,
    /// Default: `None`.
    pub max_lines: Option<u32>,
    /// Appended to the last kept line when text is cut; `""` cuts without. Default: `"…"`.
    pub ellipsis: String,
    /// Shrink-to-fit: when the text needs more lines than allowed or a word is wider than
    /// the width, every size, the line height and letter spacing shrink in steps of at most
    /// 0.5 px of the largest run, down to this size (at least 1 px). Default: `None`.
    pub min_size: Option<f32>,
    /// Default: `Left`.
    pub align: Align,
    /// Default: `Top`.
    pub vertical_align: VerticalAlign,
}

impl Default for Paragraph {
    fn default() -> Self {
        Paragraph {
            runs: Vec::new(),
            width: None,
            height: None,
            line_height: None,
            max_lines: None,
            ellipsis: "…".to_owned(),
            min_size: None,
            align: Align::Left,
            vertical_align: VerticalAlign::Top,
        }
    }
}

/// A laid-out paragraph, in px relative to the box's top-left corner.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct TextLayout {
    /// The lines kept, top to bottom.
    pub lines: Vec<Line>,
    /// The widest line.
    pub width: f32,
    /// Sum of the line heights (the content, not the box).
    pub height: f32,
    /// 1.0, or the shrink factor that was applied to every size.
    pub scale: f32,
    /// Text was cut (by `max_lines` or `height`), with or without an ellipsis.
    pub truncated: bool,
    /// Characters no font of the book has, each once, in text order (cut text included).
    pub missing: Vec<MissingGlyph>,
}

/// A character no supplied font has.
#[derive(Clone, Debug, PartialEq)]
pub struct MissingGlyph {
    /// The character.
    pub ch: char,
    /// The grapheme cluster it was found in.
    pub text: String,
}

/// One line of a [`TextLayout`].
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The characters shown (ellipsis included; line breaks and hanging or dropped spaces
    /// excluded).
    pub text: String,
    /// Left edge, after alignment within the width (or the widest line when width is None).
    pub x: f32,
    /// Top of the line box, after vertical alignment.
    pub top: f32,
    /// Baseline of every glyph on the line, relative to the box's top.
    pub baseline: f32,
    /// Width of the shown characters (hanging spaces excluded).
    pub width: f32,
    /// Height of the line box.
    pub height: f32,
    /// Glyphs to draw, left to right.
    pub glyphs: Vec<Glyph>,
    /// Underlines and strikethroughs, one per decorated run segment.
    pub decorations: Vec<Decoration>,
}

/// A glyph to draw at (`x`, its line's baseline).
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    /// Index in the [`FontBook`].
    pub font: usize,
    /// Glyph id in that font (0: `.notdef`, for a missing character).
    pub id: u16,
    /// Pen position relative to the box's left edge.
    pub x: f32,
    /// Font size in px, after shrink-to-fit.
    pub size: f32,
    /// Fill colour.
    pub color: Rgba,
}

/// An underline or strikethrough rectangle.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoration {
    /// Left edge, relative to the box's left.
    pub x: f32,
    /// Top edge, relative to the box's top.
    pub y: f32,
    /// Length in px.
    pub width: f32,
    /// Stroke height in px.
    pub thickness: f32,
    /// The run's colour.
    pub color: Rgba,
}

/// Lays out `paragraph` with the fonts of `book`. Never fails: see the module docs.
pub fn layout(book: &FontBook, paragraph: &Paragraph) -> TextLayout {
    layout::layout(book, paragraph)
}

/// The glyph outlines and decorations of `layout` as paths in px relative to the box's
/// top-left corner, in drawing order. Fill each with `FillRule::Winding`.
///
/// Glyphs of one colour are merged into one path per font, and decorations into one path
/// per colour, so a colour may appear more than once: TrueType and CFF outlines wind in
/// opposite directions, and merging them (or a rectangle) into one winding-filled path would
/// punch holes where they overlap.
pub fn text_paths(book: &FontBook, layout: &TextLayout) -> Vec<(Path, Rgba)> {
    outline::text_paths(book, layout)
}
