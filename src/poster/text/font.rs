//! The fonts a caller supplied for one render, and the choice of a face for a style.
//!
//! A [`FontBook`] keeps each font's bytes (`Arc<[u8]>`, shared with the caller) and the few
//! numbers layout needs (metrics in em units, family, weight, style), extracted once when
//! the font is added. `ttf_parser::Face` borrows the bytes, so it is re-parsed where glyphs
//! are needed: parsing reads only the table directory, which is cheap next to layout.

use std::sync::Arc;

use ttf_parser::{name::PlatformId, name_id, Face, Style};

use crate::error::{Error, ErrorKind, Result};

/// Upright or italic. Oblique faces count as italic: posters have no third choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum FontStyle {
    /// Upright.
    #[default]
    Normal,
    /// Italic or oblique.
    Italic,
}

/// Vertical metrics in em (font units divided by units_per_em), positive downwards for
/// `descent`, so a size in px times a value gives px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Metrics {
    pub units_per_em: f32,
    pub ascent: f32,
    pub descent: f32,
    pub line_gap: f32,
    /// Top of the underline above the baseline (negative: below) and its thickness.
    pub underline: Option<(f32, f32)>,
    /// Top of the strikeout stroke above the baseline and its thickness.
    pub strikeout: Option<(f32, f32)>,
}

/// Metrics used where there is no font at all (an empty book), so that lines still get
/// a plausible height instead of collapsing to zero.
pub(crate) const FALLBACK_METRICS: Metrics =
    Metrics { units_per_em: 1000.0, ascent: 0.8, descent: 0.2, line_gap: 0.0, underline: None, strikeout: None };

#[derive(Clone, Debug)]
struct Entry {
    data: Arc<[u8]>,
    family: String,
    /// Lower-cased, trimmed `family`, for case-insensitive matching.
    key: String,
    weight: u16,
    style: FontStyle,
    metrics: Metrics,
}

/// The fonts supplied for one render, in the order they were added.
#[derive(Clone, Debug, Default)]
pub struct FontBook {
    fonts: Vec<Entry>,
}

impl FontBook {
    /// An empty book.
    pub fn new() -> Self {
        FontBook { fonts: Vec::new() }
    }

    /// Adds a TrueType (`glyf`) or OpenType (CFF) font, or the first face of a collection,
    /// and returns its index. `family`, `weight` and `style` override what the font says
    /// of itself (name ID 16 or 1, OS/2 `usWeightClass`, OS/2 `fsSelection`). `path` locates
    /// the font in the caller's input for errors, e.g. `fonts[0]`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::FontInvalid`] when the bytes are not a font, are truncated, are WOFF or
    /// WOFF2, or have no Unicode `cmap`, no outlines, no horizontal metrics or no glyphs.
    pub fn add(
        &mut self,
        data: Arc<[u8]>,
        family: Option<&str>,
        weight: Option<u16>,
        style: Option<FontStyle>,
        path: &str,
    ) -> Result<usize> {
        let bad = |message: &str| Error::new(ErrorKind::FontInvalid, message).at(path);
        match data.get(..4) {
            Some(b"wOF2") => return Err(bad("WOFF2 is not supported; convert to TTF/OTF")),
            Some(b"wOFF") => return Err(bad("WOFF is not supported; convert to TTF/OTF")),
            _ => {}
        }
        let face =
            Face::parse(&data, 0).map_err(|e| bad(&format!("not a TrueType/OpenType font, or truncated ({e})")))?;
        let tables = face.tables();
        let has_unicode_cmap = tables.cmap.is_some_and(|cmap| cmap.subtables.into_iter().any(|s| s.is_unicode()));
        if !has_unicode_cmap {
            return Err(bad("the font has no Unicode character map (cmap), or it is truncated"));
        }
        if tables.glyf.is_none() && tables.cff.is_none() {
            return Err(bad("the font has no glyph outlines (glyf or CFF), or it is truncated"));
        }
        if tables.hmtx.is_none() {
            return Err(bad("the font has no horizontal metrics (hmtx), or it is truncated"));
        }
        if face.number_of_glyphs() == 0 || face.units_per_em() == 0 {
            return Err(bad("the font has no glyphs or a units-per-em of 0"));
        }
        let metrics = metrics(&face);
        let family = match family {
            Some(f) => f.to_owned(),
            None => own_family(&face),
        };
        let weight = weight.unwrap_or_else(|| face.weight().to_number()).clamp(1, 1000);
        let style = style.unwrap_or(match face.style() {
            Style::Normal => FontStyle::Normal,
            Style::Italic | Style::Oblique => FontStyle::Italic,
        });
        let key = family_key(&family);
        self.fonts.push(Entry { data, family, key, weight, style, metrics });
        Ok(self.fonts.len() - 1)
    }

    /// How many fonts the book holds.
    pub fn len(&self) -> usize {
        self.fonts.len()
    }

    /// Whether the book holds no font.
    pub fn is_empty(&self) -> bool {
        self.fonts.is_empty()
    }

    /// The family of font `font` (as overridden when added); `""` for an unknown index.
    pub fn family(&self, font: usize) -> &str {
        self.fonts.get(font).map_or("", |e| e.family.as_str())
    }

    /// The weight of font `font` (100..=900 usually); 400 for an unknown index.
    pub fn weight(&self, font: usize) -> u16 {
        self.fonts.get(font).map_or(400, |e| e.weight)
    }

    /// The style of font `font`; `Normal` for an unknown index.
    pub fn style(&self, font: usize) -> FontStyle {
        self.fonts.get(font).map_or(FontStyle::Normal, |e| e.style)
    }

    /// Whether some font of the book has `family` (case-insensitive).
    pub fn has_family(&self, family: &str) -> bool {
        let key = family_key(family);
        self.fonts.iter().any(|e| e.key == key)
    }

    /// The parsed face of font `font`. Bytes were parsed once in `add`, so this only fails
    /// for an unknown index.
    pub(crate) fn face(&self, font: usize) -> Option<Face<'_>> {
        self.fonts.get(font).and_then(|e| Face::parse(&e.data, 0).ok())
    }

    pub(crate) fn metrics(&self, font: usize) -> &Metrics {
        self.fonts.get(font).map_or(&FALLBACK_METRICS, |e| &e.metrics)
    }

    /// The faces to try for a style, best first: for each family of the chain the face of
    /// that family that best matches `weight` and `style`, then every other face in book
    /// order, so that any glyph some supplied font has gets drawn.
    pub(crate) fn chain(&self, families: &[String], weight: u16, style: FontStyle) -> Vec<usize> {
        let mut chain: Vec<usize> = Vec::with_capacity(self.fonts.len());
        // The text's own families first, then every other family in the order the fonts
        // were added: each family contributes its best face for the weight and style first,
        // so a text without a family list still gets the bold face when it asks for 700.
        let mut keys: Vec<String> = families.iter().map(|f| family_key(f)).collect();
        for e in &self.fonts {
            if !keys.contains(&e.key) {
                keys.push(e.key.clone());
            }
        }
        for key in keys {
            let best = self
                .fonts
                .iter()
                .enumerate()
                .filter(|(_, e)| e.key == key)
                .min_by_key(|(i, e)| (e.style != style, weight_rank(e.weight, weight), *i));
            if let Some((i, _)) = best {
                if !chain.contains(&i) {
                    chain.push(i);
                }
            }
        }
        for i in 0..self.fonts.len() {
            if !chain.contains(&i) {
                chain.push(i);
            }
        }
        chain
    }
}

/// Sort key for a face weight against a requested one: closer first; on a tie, the heavier
/// face when the request is above 500 and the lighter one otherwise (as CSS leans).
fn weight_rank(face: u16, wanted: u16) -> (u16, bool) {
    let distance = face.abs_diff(wanted);
    let wrong_side = if wanted > 500 { face < wanted } else { face > wanted };
    (distance, wrong_side)
}

pub(crate) fn family_key(family: &str) -> String {
    // ASCII case folding only: full Unicode lowercasing would bring its tables into the
    // `.wasm` (5 KiB), and CJK family names have no case.
    family.trim().to_ascii_lowercase()
}

fn metrics(face: &Face<'_>) -> Metrics {
    let upem = f32::from(face.units_per_em().max(1));
    let em = |v: i16| f32::from(v) / upem;
    // ttf-parser already prefers the OS/2 typo metrics when USE_TYPO_METRICS is set and
    // falls back from an all-zero hhea; negative values would only make lines overlap.
    let ascent = em(face.ascender()).max(0.0);
    let descent = (-em(face.descender())).max(0.0);
    let line_gap = em(face.line_gap()).max(0.0);
    let line = |m: ttf_parser::LineMetrics| (m.thickness > 0).then(|| (em(m.position), em(m.thickness)));
    Metrics {
        units_per_em: upem,
        ascent,
        descent,
        line_gap,
        underline: face.underline_metrics().and_then(line),
        strikeout: face.strikeout_metrics().and_then(line),
    }
}

/// The font's own family name: typographic family (ID 16) before the legacy one (ID 1),
/// US English before other languages, Unicode records before Mac Roman ones (read only
/// when ASCII, the one subset of Mac Roman that decodes without a table).
fn own_family(face: &Face<'_>) -> String {
    for id in [name_id::TYPOGRAPHIC_FAMILY, name_id::FAMILY] {
        let mut fallback = None;
        for name in face.names() {
            if name.name_id != id {
                continue;
            }
            let text = if name.is_unicode() {
                name.to_string()
            } else if name.platform_id == PlatformId::Macintosh && name.name.is_ascii() {
                String::from_utf8(name.name.to_vec()).ok()
            } else {
                None
            };
            let Some(text) = text.filter(|t| !t.trim().is_empty()) else { continue };
            let english =
                name.language_id == 0x0409 || (name.platform_id == PlatformId::Macintosh && name.language_id == 0);
            if english {
                return text;
            }
            fallback.get_or_insert(text);
        }
        if let Some(text) = fallback {
            return text;
        }
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book_with(weights: &[(u16, FontStyle)]) -> Option<FontBook> {
        let data = crate::poster::text::tests::font_bytes()?;
        let mut book = FontBook::new();
        for (i, &(w, s)) in weights.iter().enumerate() {
            book.add(data.clone(), Some("Fam"), Some(w), Some(s), &format!("fonts[{i}]")).ok()?;
        }
        Some(book)
    }

    #[test]
    fn weight_matching_is_closest_with_css_tie_breaks() {
        // Ties of 100 either side: CSS leans lighter up to 500 and heavier above it.
        assert!(weight_rank(300, 400) < weight_rank(500, 400));
        assert!(weight_rank(700, 600) < weight_rank(500, 600));
        assert!(weight_rank(400, 400) < weight_rank(300, 400));
        let n = FontStyle::Normal;
        let Some(book) = book_with(&[(300, n), (500, n), (700, FontStyle::Italic), (900, n)]) else {
            return;
        };
        let fam = vec!["FAM ".to_string()];
        assert_eq!(book.chain(&fam, 400, n)[0], 0);
        assert_eq!(book.chain(&fam, 600, n)[0], 1, "italic 700 loses to upright 500");
        assert_eq!(book.chain(&fam, 800, n)[0], 3);
        assert_eq!(book.chain(&fam, 100, FontStyle::Italic)[0], 2, "style before weight");
        assert_eq!(book.chain(&fam, 400, n), vec![0, 1, 2, 3], "others follow in book order");
        // A family the book lacks falls back to the book's families, best weight first.
        assert_eq!(book.chain(&["nope".into()], 900, n), vec![3, 0, 1, 2]);
        assert_eq!(book.chain(&[], 700, FontStyle::Italic)[0], 2, "no family list still matches weight and style");
    }

    #[test]
    fn rejects_non_fonts_with_font_invalid() {
        let mut book = FontBook::new();
        let cases: [&[u8]; 4] = [b"", b"wOF2\0\0\0\0", b"wOFF\0\0\0\0", b"PK\x03\x04 not a font"];
        for bytes in cases {
            let err = book.add(Arc::from(bytes), None, None, None, "fonts[2]").unwrap_err();
            assert_eq!(err.code(), "FONT_INVALID");
            assert_eq!(err.path(), Some("fonts[2]"));
        }
        let err = book.add(Arc::from(&b"wOF2abcd"[..]), None, None, None, "f").unwrap_err();
        assert!(err.message().contains("WOFF2 is not supported; convert to TTF/OTF"));
        assert!(book.is_empty());
    }

    #[test]
    fn truncated_font_is_rejected_at_every_cut() {
        let Some(data) = crate::poster::text::tests::font_bytes() else { return };
        let mut book = FontBook::new();
        // Cuts inside the table directory and inside the first tables: none may panic,
        // and a cut that loses a required table must be reported.
        for cut in [4usize, 12, 40, 200, 1000] {
            let cut = cut.min(data.len());
            let res = book.add(Arc::from(&data[..cut]), None, None, None, "fonts[0]");
            assert_eq!(res.map_err(|e| e.code()).err(), Some("FONT_INVALID"), "cut {cut}");
        }
    }

    #[test]
    fn reads_family_weight_and_style_from_the_font() {
        let Some(data) = crate::poster::text::tests::font_bytes() else { return };
        let face = Face::parse(&data, 0).expect("test font parses");
        let mut book = FontBook::new();
        let i = book.add(data.clone(), None, None, None, "fonts[0]").expect("test font is valid");
        assert!(!book.family(i).is_empty());
        assert_eq!(book.weight(i), face.weight().to_number());
        assert!(book.has_family(&book.family(i).to_uppercase()));
        assert_eq!(book.family(99), "");
    }
}
