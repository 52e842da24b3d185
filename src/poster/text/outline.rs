//! Glyph outlines as paths, as resvg draws text: the layout says where, the font
//! says what, the raster stage only fills.

use std::collections::BTreeMap;

use ttf_parser::{GlyphId, OutlineBuilder};

use super::font::FontBook;
use super::prepare::Faces;
use super::TextLayout;
use crate::imaging::Path;
use crate::qr::Rgba;

/// One outline command in font units (y up).
#[derive(Clone, Copy, Debug)]
enum Seg {
    Move(f32, f32),
    Line(f32, f32),
    Quad(f32, f32, f32, f32),
    Cubic(f32, f32, f32, f32, f32, f32),
    Close,
}

#[derive(Default)]
struct Recorder(Vec<Seg>);

impl OutlineBuilder for Recorder {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.push(Seg::Move(x, y));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.push(Seg::Line(x, y));
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.push(Seg::Quad(x1, y1, x, y));
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.push(Seg::Cubic(x1, y1, x2, y2, x, y));
    }
    fn close(&mut self) {
        self.0.push(Seg::Close);
    }
}

/// What a path holds: glyphs of one font, or decorations (see `text_paths`' docs).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    Font(usize),
    Decorations,
}

/// Builders keyed by (group, colour), in order of first use. A paragraph has few colours
/// and fonts, so a linear search beats a map.
#[derive(Default)]
struct Groups(Vec<(Group, Rgba, Path)>);

impl Groups {
    fn builder(&mut self, group: Group, color: Rgba) -> &mut Path {
        let i = match self.0.iter().position(|(g, c, _)| *g == group && *c == color) {
            Some(i) => i,
            None => {
                self.0.push((group, color, Path::default()));
                self.0.len() - 1
            }
        };
        // `i` is in bounds: found or just pushed.
        &mut self.0[i].2
    }
}

pub(super) fn text_paths(book: &FontBook, layout: &TextLayout) -> Vec<(Path, Rgba)> {
    let faces = Faces::new(book);
    // Outlines at unit scale, for this call only: memory is bounded by the layout's glyphs.
    let mut cache: BTreeMap<(usize, u16), Option<Vec<Seg>>> = BTreeMap::new();
    let mut groups = Groups::default();
    for line in &layout.lines {
        for g in &line.glyphs {
            let upem = book.metrics(g.font).units_per_em;
            let scale = g.size / upem;
            if !(scale > 0.0 && scale.is_finite() && g.x.is_finite() && line.baseline.is_finite()) {
                continue;
            }
            let segs = cache.entry((g.font, g.id)).or_insert_with(|| {
                let face = faces.face(g.font)?;
                let mut rec = Recorder::default();
                face.outline_glyph(GlyphId(g.id), &mut rec)?;
                Some(rec.0)
            });
            let Some(segs) = segs else { continue };
            let pb = groups.builder(Group::Font(g.font), g.color);
            // Font y grows upwards, the poster's downwards.
            let (ox, oy) = (g.x, line.baseline);
            let p = |x: f32, y: f32| (ox + x * scale, oy - y * scale);
            for seg in segs.iter() {
                match *seg {
                    Seg::Move(x, y) => {
                        let (x, y) = p(x, y);
                        pb.move_to(x, y);
                    }
                    Seg::Line(x, y) => {
                        let (x, y) = p(x, y);
                        pb.line_to(x, y);
                    }
                    Seg::Quad(x1, y1, x, y) => {
                        let ((x1, y1), (x, y)) = (p(x1, y1), p(x, y));
                        pb.quad_to(x1, y1, x, y);
                    }
                    Seg::Cubic(x1, y1, x2, y2, x, y) => {
                        let ((x1, y1), (x2, y2), (x, y)) = (p(x1, y1), p(x2, y2), p(x, y));
                        pb.cubic_to(x1, y1, x2, y2, x, y);
                    }
                    Seg::Close => pb.close(),
                }
            }
        }
        for d in &line.decorations {
            if let Some(rect) = Path::rect(d.x, d.y, d.width, d.thickness) {
                groups.builder(Group::Decorations, d.color).push_path(&rect);
            }
        }
    }
    groups.0.into_iter().filter(|(_, _, p)| !p.is_empty()).map(|(_, color, p)| (p, color)).collect()
}

#[cfg(test)]
mod tests {
    use super::super::tests::{book, run};
    use super::super::{layout, Paragraph};
    use super::*;

    #[test]
    fn outlines_sit_on_the_baseline_and_scale_with_size() {
        let Some((book, _)) = book() else { return };
        let mut r = run("H", 100.0);
        r.style.underline = true;
        r.style.color = Rgba { r: 200, g: 0, b: 0, a: 255 };
        let l = layout(&book, &Paragraph { runs: vec![r], ..Paragraph::default() });
        let paths = text_paths(&book, &l);
        assert_eq!(paths.len(), 2, "one glyph path, one decoration path");
        let (glyph, color) = &paths[0];
        assert_eq!(*color, Rgba { r: 200, g: 0, b: 0, a: 255 });
        let (left, top, _, bottom) = glyph.bounds().expect("bounds");
        let line = &l.lines[0];
        // Independent: read the glyph's box from the font directly.
        let face = book.face(0).expect("face");
        let id = face.glyph_index('H').expect("H");
        let bb = face.glyph_bounding_box(id).expect("bbox");
        let s = 100.0 / f32::from(face.units_per_em());
        // The path's box includes control points, which for "H" (straight stems) are none.
        assert!((bottom - (line.baseline - f32::from(bb.y_min) * s)).abs() < 0.01);
        assert!((top - (line.baseline - f32::from(bb.y_max) * s)).abs() < 0.01);
        assert!((left - (line.x + f32::from(bb.x_min) * s)).abs() < 0.01);
        let d = &line.decorations[0];
        let (dl, dt, dr, _) = paths[1].0.bounds().expect("bounds");
        assert!((dt - d.y).abs() < 1e-3 && (dr - dl - d.width).abs() < 1e-3);
    }

    #[test]
    fn empty_layout_has_no_paths() {
        let book = FontBook::new();
        assert!(text_paths(&book, &TextLayout::default()).is_empty());
    }
}
