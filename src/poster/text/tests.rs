//! Layout laws, checked against values computed here from the font tables directly.
//!
//! Needs a CJK font: the bundled subset `www/examples/fonts/NotoSansSC-Regular.otf`, or the
//! file named by `SHARE_EARN_TEST_FONT`. Without either the font tests print a note and pass.

use std::sync::{Arc, OnceLock};
use std::time::Instant;

use super::*;

const NO_START: &str = "，。、！？；：）」』】》〉〕”’…·";
const NO_END: &str = "（「『【《〈〔“‘";

pub(super) fn font_bytes() -> Option<Arc<[u8]>> {
    static BYTES: OnceLock<Option<Arc<[u8]>>> = OnceLock::new();
    BYTES
        .get_or_init(|| {
            let bundled = concat!(env!("CARGO_MANIFEST_DIR"), "/www/examples/fonts/NotoSansSC-Regular.otf");
            let path = std::env::var("SHARE_EARN_TEST_FONT").ok().filter(|p| !p.is_empty());
            let path = if std::path::Path::new(bundled).exists() { Some(bundled.to_owned()) } else { path };
            let bytes = path.and_then(|p| std::fs::read(p).ok()).map(Arc::from);
            if bytes.is_none() {
                eprintln!("note: no test font (set SHARE_EARN_TEST_FONT to a CJK TTF/OTF); font tests skipped");
            }
            bytes
        })
        .clone()
}

pub(super) fn book() -> Option<(FontBook, Arc<[u8]>)> {
    let data = font_bytes()?;
    let mut book = FontBook::new();
    book.add(data.clone(), Some("Test Sans"), None, None, "fonts[0]").ok()?;
    Some((book, data))
}

pub(super) fn run(text: &str, size: f32) -> TextRun {
    let style = TextStyle { families: vec!["test sans".into()], size, ..TextStyle::default() };
    TextRun { text: text.into(), style }
}

fn para(runs: Vec<TextRun>, width: Option<f32>) -> Paragraph {
    Paragraph { runs, width, ..Paragraph::default() }
}

/// Width of `text` at `size` from `hmtx`, summed here without the engine.
fn advance(data: &[u8], text: &str, size: f32) -> f32 {
    let face = ttf_parser::Face::parse(data, 0).expect("test font parses");
    let units: u32 =
        text.chars().map(|c| face.glyph_index(c).and_then(|g| face.glyph_hor_advance(g)).map_or(0, u32::from)).sum();
    units as f32 * size / f32::from(face.units_per_em())
}

fn texts(l: &TextLayout) -> Vec<&str> {
    l.lines.iter().map(|l| l.text.as_str()).collect()
}

#[test]
fn kinsoku_no_line_starts_or_ends_with_forbidden_punctuation() {
    let Some((book, data)) = book() else { return };
    let em = advance(&data, "字", 20.0);
    for ch in NO_START.chars().chain(NO_END.chars()) {
        let text = format!("分享赚{ch}好友专享价{ch}仅限今日{ch}扫码立即购买{ch}长按识别二维码");
        // Every width from 2 to 9 ideographs puts the character at some line edge.
        for cols in 2..10 {
            let l = layout(&book, &para(vec![run(&text, 20.0)], Some(em * cols as f32 + 0.01)));
            let lines = texts(&l);
            assert_eq!(lines.concat(), text, "no character lost or added");
            for (i, line) in lines.iter().enumerate() {
                if i > 0 {
                    assert!(!NO_START.contains(line.chars().next().unwrap_or('字')), "{lines:?}");
                }
                if i + 1 < lines.len() {
                    assert!(!NO_END.contains(line.chars().last().unwrap_or('字')), "{lines:?}");
                }
            }
        }
    }
}

#[test]
fn latin_words_are_split_only_when_longer_than_the_line() {
    let Some((book, data)) = book() else { return };
    let w = advance(&data, "wonderful", 30.0) + 0.5;
    let l = layout(&book, &para(vec![run("hello wonderful world", 30.0)], Some(w)));
    assert_eq!(texts(&l), ["hello", "wonderful", "world"]);
    let long = "supercalifragilistic";
    let l = layout(&book, &para(vec![run(long, 30.0)], Some(w)));
    assert!(l.lines.len() >= 2);
    assert_eq!(texts(&l).concat(), long);
    assert!(l.lines.iter().all(|line| line.width <= w));
    // Greedy: the first piece is the longest prefix that fits.
    let first = texts(&l)[0];
    let next = &long[..first.len() + 1];
    assert!(advance(&data, first, 30.0) <= w && advance(&data, next, 30.0) > w);
}

#[test]
fn grapheme_clusters_are_never_split() {
    let Some((book, _)) = book() else { return };
    let clusters = ["a", "👨\u{200D}👩\u{200D}👧", "🇨🇳", "e\u{301}", "1\u{FE0F}\u{20E3}", "字"];
    let l = layout(&book, &para(vec![run(&clusters.concat(), 20.0)], Some(1.0)));
    assert_eq!(texts(&l), clusters, "one cluster per line at a width of 1 px");
    assert!(l.lines.iter().all(|line| !line.glyphs.is_empty()), "tofu is drawn, not nothing");
}

#[test]
fn ellipsis_line_fits_the_width_and_keeps_max_lines() {
    let Some((book, data)) = book() else { return };
    let title = "【双11限定】轻薄羽绒服女短款立领保暖外套冬季新款百搭上衣 修身显瘦 加厚白鸭绒 防风防泼水";
    for w in [90.0, 150.0, 233.3, 400.0] {
        let p = Paragraph { max_lines: Some(2), ..para(vec![run(title, 24.0)], Some(w)) };
        let l = layout(&book, &p);
        assert_eq!(l.lines.len(), 2);
        assert!(l.truncated);
        let last = &l.lines[1];
        assert!(last.text.ends_with('…'), "{:?}", last.text);
        for line in &l.lines {
            assert!(line.width <= w, "{} > {w}", line.width);
            assert!((advance(&data, &line.text, 24.0) - line.width).abs() < 0.01);
        }
        // Maximal: one more character of the title would not have fitted.
        let kept = last.text.trim_end_matches('…');
        let start = title.find(&l.lines[1].text.trim_end_matches('…').to_string()).unwrap_or(0);
        if let Some(next) = title[start + kept.len()..].chars().next().filter(|c| !c.is_whitespace()) {
            assert!(advance(&data, &format!("{kept}{next}…"), 24.0) > w);
        }
    }
    // Too narrow even for the ellipsis: nothing overflows.
    let narrow = advance(&data, "…", 24.0) / 2.0;
    let p = Paragraph { max_lines: Some(1), ..para(vec![run(title, 24.0)], Some(narrow)) };
    let l = layout(&book, &p);
    assert!(l.truncated && l.lines.iter().all(|line| line.width <= narrow));
}

#[test]
fn ellipsis_takes_the_style_of_the_last_run_on_the_line() {
    let Some((book, _)) = book() else { return };
    let blue = Rgba { r: 0, g: 0, b: 255, a: 255 };
    let mut big = run("二三四五六七八九十", 30.0);
    big.style.color = blue;
    let p = Paragraph { max_lines: Some(1), ..para(vec![run("一", 20.0), big], Some(200.0)) };
    let l = layout(&book, &p);
    let last = l.lines[0].glyphs.last().expect("the ellipsis is drawn");
    assert!(l.lines[0].text.ends_with('…'));
    assert_eq!((last.size, last.color), (30.0, blue));
}

#[test]
fn bold_runs_use_the_bold_face_of_the_family() {
    let bold = concat!(env!("CARGO_MANIFEST_DIR"), "/www/examples/fonts/NotoSansSC-Bold.otf");
    let (Some((mut book, _)), Ok(bytes)) = (book(), std::fs::read(bold)) else { return };
    let b = book.add(Arc::from(bytes), Some("TEST SANS"), None, None, "fonts[1]").expect("bold font is valid");
    assert_eq!(book.weight(b), 700, "usWeightClass of the bundled bold");
    let mut r = run("分享", 20.0);
    for (weight, font) in [(400, 0), (600, b), (700, b), (500, 0)] {
        r.style.weight = weight;
        let l = layout(&book, &para(vec![r.clone()], None));
        assert!(l.lines[0].glyphs.iter().all(|g| g.font == font), "weight {weight}");
    }
}

#[test]
fn height_drops_lines_that_do_not_fit() {
    let Some((book, _)) = book() else { return };
    let p =
        Paragraph { height: Some(75.0), line_height: Some(30.0), ..para(vec![run("一\n二\n三\n四", 20.0)], None) };
    let l = layout(&book, &p);
    assert_eq!(texts(&l), ["一", "二…"]);
    assert!(l.truncated && (l.height - 60.0).abs() < 1e-4);
}

#[test]
fn shrink_finds_the_largest_half_pixel_size_that_fits() {
    let Some((book, data)) = book() else { return };
    let text = "好友专享价仅限今日扫码立即购买";
    // 19.6 px per ideograph: 19.5 on the 0.5 px grid, 19 on a coarser one.
    let width = 294.0;
    let p = Paragraph { max_lines: Some(1), min_size: Some(8.0), ..para(vec![run(text, 40.0)], Some(width)) };
    let l = layout(&book, &p);
    assert!(!l.truncated && l.lines.len() == 1);
    let size = 40.0 * l.scale;
    // Independent: one line fits iff the advance sum fits; the grid is 40, 39.5, ...
    let expected = (0..64).map(|k| 40.0 - 0.5 * k as f32).find(|&s| advance(&data, text, s) <= width);
    assert_eq!(Some(size), expected);
    assert!(l.lines[0].width <= width);
    // Floor reached: cut with an ellipsis at min_size.
    let p = Paragraph { max_lines: Some(1), min_size: Some(30.0), ..para(vec![run(text, 40.0)], Some(width)) };
    let l = layout(&book, &p);
    assert!(l.truncated && (l.scale - 0.75).abs() < 1e-6 && l.lines[0].text.ends_with('…'));
}

#[test]
fn long_titles_lay_out_quickly() {
    let Some((book, _)) = book() else { return };
    let title: String = "限时抢购 Limited offer 双11，".chars().cycle().take(300).collect();
    let t = Instant::now();
    let p = Paragraph { max_lines: Some(2), min_size: Some(12.0), ..para(vec![run(&title, 36.0)], Some(600.0)) };
    let l = layout(&book, &p);
    assert_eq!(l.lines.len(), 2);
    let huge: String = title.chars().cycle().take(100_000).collect();
    let l2 = layout(&book, &para(vec![run(&huge, 16.0)], Some(500.0)));
    assert!(l.truncated && l2.lines.len() > 100);
    assert!(t.elapsed().as_secs_f32() < 20.0, "took {:?}", t.elapsed());
}

#[test]
fn empty_and_degenerate_input_never_panics() {
    let book = FontBook::new();
    let empty = layout(&book, &Paragraph::default());
    assert!(empty.lines.is_empty() && empty.width == 0.0 && empty.height == 0.0);
    let l = layout(&book, &para(vec![run("", 10.0), run("", 20.0)], Some(100.0)));
    assert!(l.lines.is_empty() && l.height == 0.0);
    let Some((book, _)) = self::book() else { return };
    for size in [0.0, -5.0, f32::NAN, f32::INFINITY, 1e30] {
        for width in [None, Some(0.0), Some(-1.0), Some(f32::NAN)] {
            let mut p = para(vec![run("ab 分享\n赚", size)], width);
            p.line_height = Some(f32::NAN);
            p.min_size = Some(f32::NAN);
            p.max_lines = Some(0);
            let l = layout(&book, &p);
            assert!(l.lines.is_empty() && l.truncated);
            p.max_lines = None;
            let l = layout(&book, &p);
            assert!(l.width.is_finite() && l.height.is_finite());
            let _ = text_paths(&book, &l);
        }
    }
}

#[test]
fn missing_glyphs_are_reported_once_and_ignorables_never() {
    let Some((book, data)) = book() else { return };
    let face = ttf_parser::Face::parse(&data, 0).expect("test font parses");
    assert!(face.glyph_index('\u{1F600}').is_none(), "test needs a font without U+1F600");
    let l = layout(&book, &para(vec![run("\u{1F600}a\u{1F600}b\u{200D}\u{FE0F}", 20.0)], None));
    assert_eq!(l.missing, vec![MissingGlyph { ch: '\u{1F600}', text: "\u{1F600}".into() }]);
    let tofu = l.lines[0].glyphs.iter().filter(|g| g.id == 0).count();
    assert_eq!(tofu, 2);
    let plain = layout(&book, &para(vec![run("a\u{200D}b\u{FE0F}\u{AD}", 20.0)], None));
    assert!(plain.missing.is_empty());
    assert!((plain.width - advance(&data, "ab", 20.0)).abs() < 1e-4, "ignorables take no width");
}

/// (ascent, descent, line gap) in em, from the font's tables.
fn vertical(data: &[u8]) -> (f32, f32, f32) {
    let face = ttf_parser::Face::parse(data, 0).expect("test font parses");
    let upem = f32::from(face.units_per_em());
    let os2 = face.tables().os2;
    let (a, d, g) = match os2.filter(|t| t.use_typographic_metrics()) {
        Some(t) => (t.typographic_ascender(), t.typographic_descender(), t.typographic_line_gap()),
        None => (face.tables().hhea.ascender, face.tables().hhea.descender, face.tables().hhea.line_gap),
    };
    (f32::from(a) / upem, -f32::from(d) / upem, f32::from(g) / upem)
}

#[test]
fn one_run_line_height_equals_the_line_height() {
    let Some((book, data)) = book() else { return };
    let (a, d, g) = vertical(&data);
    let p = Paragraph { line_height: Some(37.0), ..para(vec![run("一\n二\n三", 20.0)], None) };
    let l = layout(&book, &p);
    for (i, line) in l.lines.iter().enumerate() {
        assert!((line.height - 37.0).abs() < 1e-4 && (line.top - 37.0 * i as f32).abs() < 1e-3);
        assert!((line.baseline - line.top - ((37.0 - 20.0 * (a + d)) / 2.0 + 20.0 * a)).abs() < 1e-3);
    }
    let normal = layout(&book, &para(vec![run("一", 20.0)], None));
    assert!((normal.height - 20.0 * (a + d + g)).abs() < 1e-3);
}

#[test]
fn mixed_runs_share_a_baseline() {
    let Some((book, data)) = book() else { return };
    let (a, d, _) = vertical(&data);
    let runs = vec![run("¥", 20.0), run("299", 40.0), run(".00", 20.0)];
    let p = Paragraph { line_height: Some(60.0), ..para(runs, Some(500.0)) };
    let l = layout(&book, &p);
    assert_eq!(texts(&l), ["¥299.00"]);
    let line = &l.lines[0];
    let top = |s: f32| (60.0 - s * (a + d)) / 2.0 + s * a;
    let bottom = |s: f32| (60.0 - s * (a + d)) / 2.0 + s * d;
    assert!((line.baseline - top(20.0).max(top(40.0))).abs() < 1e-3);
    assert!((line.height - (top(20.0).max(top(40.0)) + bottom(20.0).max(bottom(40.0)))).abs() < 1e-3);
    let sizes: Vec<f32> = line.glyphs.iter().map(|g| g.size).collect();
    assert_eq!(sizes, [20.0, 40.0, 40.0, 40.0, 20.0, 20.0, 20.0]);
    let x_299 = line.glyphs[1].x;
    assert!((x_299 - advance(&data, "¥", 20.0)).abs() < 1e-3, "pen continues across runs");
}

#[test]
fn align_and_vertical_align_offsets() {
    let Some((book, data)) = book() else { return };
    let w = advance(&data, "Hello", 30.0);
    let mut p = para(vec![run("Hello   ", 30.0)], Some(500.0));
    p.height = Some(200.0);
    for (align, x) in [(Align::Left, 0.0), (Align::Center, (500.0 - w) / 2.0), (Align::Right, 500.0 - w)] {
        p.align = align;
        let l = layout(&book, &p);
        assert!((l.lines[0].x - x).abs() < 1e-3, "{align:?}: trailing spaces hang");
        assert!((l.lines[0].glyphs[0].x - x).abs() < 1e-3);
    }
    for (va, f) in [(VerticalAlign::Top, 0.0), (VerticalAlign::Middle, 0.5), (VerticalAlign::Bottom, 1.0)] {
        p.vertical_align = va;
        let l = layout(&book, &p);
        assert!((l.lines[0].top - (200.0 - l.height) * f).abs() < 1e-3);
    }
}

#[test]
fn letter_spacing_and_decorations() {
    let Some((book, data)) = book() else { return };
    let mut r = run("abc", 20.0);
    r.style.letter_spacing = 5.0;
    r.style.underline = true;
    r.style.strikethrough = true;
    let l = layout(&book, &para(vec![r, run("d", 20.0)], None));
    let line = &l.lines[0];
    assert!((line.width - (advance(&data, "abcd", 20.0) + 15.0)).abs() < 1e-3);
    let mut alone = run("abc", 20.0);
    alone.style.letter_spacing = 5.0;
    let l2 = layout(&book, &para(vec![alone], None));
    assert!((l2.width - (advance(&data, "abc", 20.0) + 10.0)).abs() < 1e-3, "none after the last");
    assert_eq!(line.decorations.len(), 2, "only the first run is decorated");
    let u = &line.decorations[0];
    assert!((u.width - (advance(&data, "abc", 20.0) + 15.0)).abs() < 1e-3);
    let face = ttf_parser::Face::parse(&data, 0).expect("test font parses");
    let s = 20.0 / f32::from(face.units_per_em());
    if let Some(m) = face.underline_metrics() {
        assert!((u.y - (line.baseline - f32::from(m.position) * s)).abs() < 1e-3);
        assert!((u.thickness - f32::from(m.thickness) * s).abs() < 1e-3);
    }
    assert!(line.decorations[1].y < line.baseline - 20.0 * 0.1, "strike sits above the baseline");
}
