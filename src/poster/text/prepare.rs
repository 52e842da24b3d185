//! Itemising: a paragraph's runs become one string of grapheme clusters, each with the face
//! that draws it, its glyphs and its advance in em.
//!
//! There is no shaping engine (rustybuzz would more than double the poster's share of the
//! wasm budget): each character maps to one glyph through `cmap`, advances come from `hmtx`
//! and there is no kerning, ligature or mark positioning. That is exact for CJK and close
//! for Latin, the text of storefront posters.

use std::collections::BTreeSet;

use ttf_parser::{Face, GlyphId};
use unicode_segmentation::UnicodeSegmentation;

use super::font::FontBook;
use super::{MissingGlyph, TextRun};
use crate::qr::Rgba;

/// Sizes and spacings beyond this many px are clamped, so that sums stay finite.
const MAX_PX: f32 = 100_000.0;

/// A run's style, sanitised, with its face chain resolved once.
#[derive(Clone, Debug)]
pub(super) struct RunInfo {
    pub size: f32,
    pub letter_spacing: f32,
    pub color: Rgba,
    pub underline: bool,
    pub strikethrough: bool,
    /// Faces to try, best first (every face of the book appears once).
    pub chain: Vec<usize>,
}

impl RunInfo {
    pub fn new(book: &FontBook, run: &TextRun) -> Self {
        let s = &run.style;
        RunInfo {
            size: px(s.size).max(0.0),
            letter_spacing: px(s.letter_spacing),
            color: s.color,
            underline: s.underline,
            strikethrough: s.strikethrough,
            chain: book.chain(&s.families, s.weight, s.style),
        }
    }

    /// The face the style asks for; it draws `.notdef` when no face has a character.
    pub fn primary(&self) -> Option<usize> {
        self.chain.first().copied()
    }
}

/// Non-finite values count as 0; huge ones are clamped.
pub(super) fn px(v: f32) -> f32 {
    if v.is_finite() {
        v.clamp(-MAX_PX, MAX_PX)
    } else {
        0.0
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// Drawn, and a line may not start or end with it invisibly.
    Visible,
    /// A space that hangs at the end of a line and is dropped at the start of one.
    Space,
    /// A mandatory line break (LF, CR LF, NEL, LS, PS, VT, FF).
    Newline,
}

#[derive(Clone, Debug)]
pub(super) struct Cluster {
    /// Byte range in [`Prepared::text`].
    pub start: usize,
    pub end: usize,
    pub run: usize,
    /// The face that draws it (`None` only when the book is empty).
    pub font: Option<usize>,
    /// Range in [`Prepared::glyphs`].
    pub glyphs: (usize, usize),
    /// Advance in em of the run's size.
    pub em: f32,
    pub kind: Kind,
    /// Whether letter spacing follows it (clusters that draw nothing take none).
    pub spaced: bool,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct ClusterGlyph {
    pub id: u16,
    /// Pen offset from the cluster's start, in em.
    pub x: f32,
}

/// Everything about a paragraph that does not depend on the width or the scale.
#[derive(Debug, Default)]
pub(super) struct Prepared {
    pub text: String,
    pub runs: Vec<RunInfo>,
    pub clusters: Vec<Cluster>,
    pub glyphs: Vec<ClusterGlyph>,
    pub missing: Vec<MissingGlyph>,
    missing_seen: BTreeSet<char>,
}

impl Prepared {
    pub fn new(book: &FontBook, faces: &Faces<'_>, runs: &[TextRun]) -> Self {
        let mut p = Prepared::default();
        p.text.reserve(runs.iter().map(|r| r.text.len()).sum());
        for run in runs {
            p.runs.push(RunInfo::new(book, run));
        }
        for (r, run) in runs.iter().enumerate() {
            let base = p.text.len();
            p.text.push_str(&run.text);
            // Clusters never span runs: each run is segmented on its own.
            for (offset, g) in run.text.grapheme_indices(true) {
                p.push_cluster(faces, r, base + offset, g);
            }
        }
        p
    }

    /// Itemises `text` (an ellipsis) in the style of run `run`, appending its clusters after
    /// the paragraph's; returns their index range.
    pub fn append(&mut self, faces: &Faces<'_>, run: usize, text: &str) -> (usize, usize) {
        let first = self.clusters.len();
        let base = self.text.len();
        self.text.push_str(text);
        for (offset, g) in text.grapheme_indices(true) {
            self.push_cluster(faces, run, base + offset, g);
        }
        (first, self.clusters.len())
    }

    pub fn cluster_text(&self, c: &Cluster) -> &str {
        self.text.get(c.start..c.end).unwrap_or("")
    }

    pub fn first_char(&self, c: &Cluster) -> char {
        self.cluster_text(c).chars().next().unwrap_or('\u{FFFD}')
    }

    fn push_cluster(&mut self, faces: &Faces<'_>, run: usize, start: usize, g: &str) {
        let chain: &[usize] = self.runs.get(run).map_or(&[], |r| r.chain.as_slice());
        let primary = chain.first().copied();
        let first = g.chars().next().unwrap_or(' ');
        let kind = if is_newline(first) {
            Kind::Newline
        } else if is_space(first) {
            Kind::Space
        } else {
            Kind::Visible
        };
        let g0 = self.glyphs.len();
        let mut cluster =
            Cluster { start, end: start + g.len(), run, font: primary, glyphs: (g0, g0), em: 0.0, kind, spaced: false };
        if kind == Kind::Newline {
            self.clusters.push(cluster);
            return;
        }
        let drawn = || g.chars().filter(|&c| !is_ignorable(c)).map(|c| if c == '\t' { ' ' } else { c });
        let font = chain.iter().copied().find(|&f| drawn().all(|c| faces.glyph(f, c).is_some()));
        if font.is_none() {
            for c in drawn() {
                if !faces.any_has(c) && self.missing_seen.insert(c) {
                    self.missing.push(MissingGlyph { ch: c, text: g.to_owned() });
                }
            }
        }
        cluster.font = font.or(primary);
        if let Some(f) = cluster.font {
            let mut tofu_drawn = false;
            for c in drawn() {
                let id = match faces.glyph(f, c) {
                    Some(id) => id,
                    // One .notdef per cluster: a whole missing emoji sequence is one box.
                    None if !tofu_drawn => {
                        tofu_drawn = true;
                        0
                    }
                    None => continue,
                };
                self.glyphs.push(ClusterGlyph { id, x: cluster.em });
                cluster.em += faces.advance(f, id);
            }
        }
        cluster.glyphs.1 = self.glyphs.len();
        cluster.spaced = cluster.glyphs.1 > g0;
        self.clusters.push(cluster);
    }
}

/// The book's faces, parsed once per layout.
pub(super) struct Faces<'a> {
    faces: Vec<Option<Face<'a>>>,
    upem: Vec<f32>,
}

impl<'a> Faces<'a> {
    pub fn new(book: &'a FontBook) -> Self {
        let faces: Vec<_> = (0..book.len()).map(|i| book.face(i)).collect();
        let upem = (0..book.len()).map(|i| book.metrics(i).units_per_em).collect();
        Faces { faces, upem }
    }

    pub fn face(&self, font: usize) -> Option<&Face<'a>> {
        self.faces.get(font).and_then(Option::as_ref)
    }

    pub fn glyph(&self, font: usize, c: char) -> Option<u16> {
        self.face(font)?.glyph_index(c).map(|g| g.0).filter(|&g| g != 0)
    }

    fn any_has(&self, c: char) -> bool {
        (0..self.faces.len()).any(|f| self.glyph(f, c).is_some())
    }

    /// Advance of glyph `id` in em.
    pub fn advance(&self, font: usize, id: u16) -> f32 {
        let units = self.face(font).and_then(|f| f.glyph_hor_advance(GlyphId(id))).unwrap_or(0);
        let upem = self.upem.get(font).copied().unwrap_or(1000.0);
        f32::from(units) / upem
    }
}

pub(super) fn is_newline(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Spaces that hang at a line's end: the breakable space separators. No-break spaces
/// (U+00A0, U+2007, U+202F) are excluded: they are meant to stay visible and glued.
pub(super) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{1680}' | '\u{2000}'..='\u{2006}' | '\u{2008}'..='\u{200A}'
        | '\u{205F}' | '\u{3000}')
}

/// Default-ignorable code points (Unicode DerivedCoreProperties) and control characters:
/// invisible by definition, so they are never drawn, take no width and never warn.
pub(super) fn is_ignorable(c: char) -> bool {
    (c.is_control() && c != '\t' && !is_newline(c))
        || matches!(c, '\u{AD}' | '\u{34F}' | '\u{61C}' | '\u{115F}' | '\u{1160}'
            | '\u{17B4}' | '\u{17B5}' | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        for c in ['\u{200D}', '\u{200C}', '\u{FE0F}', '\u{E0101}', '\u{AD}', '\u{0}', '\u{7F}'] {
            assert!(is_ignorable(c), "U+{:04X} is default-ignorable", c as u32);
        }
        for c in ['a', ' ', '\t', '\n', '中', '\u{301}', '\u{20E3}'] {
            assert!(!is_ignorable(c), "U+{:04X} is drawn", c as u32);
        }
        assert!(is_space('\u{3000}') && is_space(' ') && !is_space('\u{A0}') && !is_space('\u{202F}'));
        assert!(is_newline('\u{2028}') && is_newline('\r') && !is_newline(' '));
        assert_eq!(px(f32::NAN), 0.0);
        assert_eq!(px(f32::INFINITY), 0.0);
        assert_eq!(px(1e30), MAX_PX);
    }

    #[test]
    fn an_empty_book_itemises_without_fonts_and_reports_each_char_once() {
        let book = FontBook::new();
        let faces = Faces::new(&book);
        let run = crate::poster::text::tests::run("ab\u{200D}a\n", 10.0);
        let p = Prepared::new(&book, &faces, &[run]);
        let kinds: Vec<_> = p.clusters.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, [Kind::Visible, Kind::Visible, Kind::Visible, Kind::Newline]);
        let missing: Vec<char> = p.missing.iter().map(|m| m.ch).collect();
        assert_eq!(missing, ['a', 'b'], "ZWJ never warns; 'a' once");
        assert!(p.clusters.iter().all(|c| c.em == 0.0 && c.font.is_none()));
    }
}
