//! Text through `layout_poster`: CJK line-breaking rules, ellipsis, shrink-to-fit, emoji
//! clusters, empty and missing text, `if`, and relative placement, read from the layout
//! report (lines, boxes, warnings).
//!
//! The bundled font (Noto Sans SC subset) gives every ideograph and full-width punctuation
//! mark an advance of exactly 1 em, so widths of CJK text are known without the engine:
//! `n` characters at size `s` are `n * s` px wide.
#![cfg(all(not(target_arch = "wasm32"), feature = "poster"))]

mod poster_support;

use poster_support::*;
use share_earn::poster::value::{parse_json, Value};
use share_earn::poster::{layout_poster, render_poster, ElementReport, LayoutReport, RenderOptions, Template};

/// May not start a line.
const NO_START: &[char] = &['，', '。', '、', '！', '？', '；', '：', '）', '」', '』', '】', '》'];
/// May not end a line.
const NO_END: &[char] = &['（', '「', '『', '【', '《'];

fn data(json: &str) -> Value {
    parse_json(json, "data").unwrap()
}

fn lay(template: &str, data_json: &str) -> LayoutReport {
    let t = Template::from_json(template).unwrap_or_else(|e| panic!("{e}\n{template}"));
    layout_poster(&t, &data(data_json), &fonts(), &RenderOptions::default()).unwrap()
}

/// A template with one text element (`text` is JSON members after `"type": "text"`).
fn one_text(members: &str) -> String {
    format!(
        r#"{{ "version": 1, "width": 800, "height": 600,
             "fonts": [{{ "asset": "NotoSansSC-Regular.otf" }}, {{ "asset": "NotoSansSC-Bold.otf" }}],
             "elements": [{{ "type": "text", "id": "t", "x": 0, "y": 0, {members} }}] }}"#
    )
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

fn lines(e: &ElementReport) -> Vec<String> {
    e.lines.as_ref().expect("a text element has lines").iter().map(|l| l.text.clone()).collect()
}

/// Every cut of the text: no line starts with closing punctuation, none ends with opening
/// punctuation, and together the lines are the text (spaces aside).
fn check_kinsoku(text: &str, size: f32, width: f32) -> Vec<String> {
    let r = lay(
        &one_text(&format!(r#""width": {width}, "font": {{ "size": {size} }}, "text": {}"#, json_string(text))),
        "{}",
    );
    let e = &r.elements[0];
    let shown = lines(e);
    for (i, line) in shown.iter().enumerate() {
        let first = line.chars().next().unwrap_or_else(|| panic!("empty line {i} at width {width}: {shown:?}"));
        let last = line.chars().last().unwrap();
        assert!(i == 0 || !NO_START.contains(&first), "line {i} starts with {first} at width {width}: {shown:?}");
        assert!(
            i + 1 == shown.len() || !NO_END.contains(&last),
            "line {i} ends with {last} at width {width}: {shown:?}"
        );
    }
    let joined: String = shown.concat().chars().filter(|c| !c.is_whitespace()).collect();
    let expected: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(joined, expected, "width {width}: lines lose or add text: {shown:?}");
    shown
}

#[test]
fn cjk_punctuation_never_starts_or_ends_a_line_wrongly() {
    let titles = [
        "【双11限定】轻薄羽绒服（女款）短款立领，保暖外套。冬季新款！百搭上衣？修身显瘦；加厚：白鸭绒、防风「防泼水」",
        "好友专享《会员日》特惠，仅限今日。「分享赚」积分、优惠券、会员（限时）！快来参加吧？扫码领取：立即购买",
        "一二三四五，六七八九十。一二三四五、六七八九十！一二三四（五六）七八九「十一」二三『四五』六【七八】九《十》",
        "（一）（二）（三）「四」「五」【六】【七】《八》《九》。好，「好」。",
    ];
    // At size 20 every character is 20 px: widths 20 * k + 0..19 put the break after the
    // k-th character for every k, so every character of each title meets the boundary.
    // From k = 4: no title has more than 3 characters in a row without a break allowed
    // between them (`时）！`, `《十》`), so every line can keep the rules within its width.
    let mut lines_seen = 0;
    for title in titles {
        for k in 4..=24 {
            for extra in [0.0, 7.5, 19.9] {
                lines_seen += check_kinsoku(title, 20.0, 20.0 * k as f32 + extra).len();
            }
        }
    }
    assert!(lines_seen > 1000, "the titles were cut often: {lines_seen} lines");
}

#[test]
fn a_comma_that_would_start_a_line_takes_a_character_with_it_or_hangs() {
    // Five ideographs fill a 100 px line at 20 px; the comma after them may not start the
    // next line.
    let shown = check_kinsoku("一二三四五，六七", 20.0, 100.0);
    assert_ne!(shown, ["一二三四五", "，六七"]);
    assert!(shown.len() >= 2, "{shown:?}");
    // An opening bracket as the fifth character may not end the line.
    let shown = check_kinsoku("一二三四「五六」七", 20.0, 100.0);
    assert!(!shown[0].ends_with('「'), "{shown:?}");
}

#[test]
fn an_ellipsis_ends_a_cut_text_and_fits_the_box() {
    let title = "【双11限定】轻薄羽绒服女短款立领保暖外套冬季新款百搭上衣 修身显瘦 加厚白鸭绒 防风防泼水 多色可选 七天无理由退换";
    // About 57 characters at 24 px, 1300 px or so: more than 3 lines of any of these widths.
    for width in [120.0, 200.0, 257.0, 333.3, 400.0] {
        for max_lines in [1, 2, 3] {
            let r = lay(
                &one_text(&format!(
                    r#""width": {width}, "maxLines": {max_lines}, "font": {{ "size": 24 }}, "lineHeight": 34, "text": {}"#,
                    json_string(title)
                )),
                "{}",
            );
            let e = &r.elements[0];
            let ls = e.lines.as_ref().unwrap();
            assert_eq!(ls.len(), max_lines, "width {width}: {:?}", lines(e));
            assert_eq!(e.truncated, Some(true), "width {width}, {max_lines} lines: {:?}", lines(e));
            let last = ls.last().unwrap();
            assert!(last.text.ends_with('…'), "width {width}: {:?}", last.text);
            for l in ls {
                assert!(l.width <= width, "width {width}: line {:?} is {} px", l.text, l.width);
                assert_eq!(l.height, 34.0, "lineHeight");
            }
            // The box is as tall as the lines kept.
            assert_eq!(e.height, 34.0 * max_lines as f32);
        }
    }
    // A custom ellipsis, and none.
    let r = lay(
        &one_text(
            r#""width": 100, "maxLines": 1, "ellipsis": "...", "font": { "size": 20 }, "text": "一二三四五六七八九十""#,
        ),
        "{}",
    );
    let line = &r.elements[0].lines.as_ref().unwrap()[0];
    assert!(line.text.ends_with("...") && line.width <= 100.0, "{line:?}");
    let r = lay(
        &one_text(
            r#""width": 100, "maxLines": 1, "ellipsis": "", "font": { "size": 20 }, "text": "一二三四五六七八九十""#,
        ),
        "{}",
    );
    assert_eq!(lines(&r.elements[0]), ["一二三四五"]);
    // Text that fits is not cut.
    let r = lay(&one_text(r#""width": 100, "maxLines": 1, "font": { "size": 20 }, "text": "一二三四五""#), "{}");
    assert_eq!((lines(&r.elements[0]), r.elements[0].truncated), (vec!["一二三四五".to_owned()], Some(false)));
}

#[test]
fn min_size_shrinks_until_the_text_fits() {
    // Eight ideographs at 32 px need 256 px; in 200 px they fit at 25 px = 32 - 14 x 0.5.
    let r = lay(
        &one_text(
            r#""width": 200, "maxLines": 1, "minSize": 16, "font": { "size": 32 }, "lineHeight": 40, "text": "一二三四五六七八""#,
        ),
        "{}",
    );
    let e = &r.elements[0];
    let scale = e.scale.unwrap();
    assert!((scale - 25.0 / 32.0).abs() < 1e-6, "scale {scale}");
    assert_eq!(lines(e), ["一二三四五六七八"]);
    assert_eq!(e.truncated, Some(false));
    let l = &e.lines.as_ref().unwrap()[0];
    assert!(l.width <= 200.0 && l.width > 199.0, "{}", l.width);
    // The line height shrinks with the text.
    assert!((l.height - 40.0 * scale).abs() < 1e-3, "{}", l.height);
    // Not below minSize: at 20 px the text still does not fit 100 px, so it is cut.
    let r = lay(
        &one_text(r#""width": 100, "maxLines": 1, "minSize": 20, "font": { "size": 32 }, "text": "一二三四五六七八""#),
        "{}",
    );
    let e = &r.elements[0];
    assert!((e.scale.unwrap() - 20.0 / 32.0).abs() < 1e-6, "{:?}", e.scale);
    assert_eq!(e.truncated, Some(true));
    assert!(lines(e)[0].ends_with('…'));
    assert!(e.lines.as_ref().unwrap()[0].width <= 100.0);
    // Text that fits is not shrunk.
    let r = lay(
        &one_text(r#""width": 400, "maxLines": 1, "minSize": 16, "font": { "size": 32 }, "text": "一二三四五六七八""#),
        "{}",
    );
    assert_eq!(r.elements[0].scale, Some(1.0));
    // Over two lines: 12 ideographs at 32 px in 2 lines of 160 px need 6 per line: 26.5 px
    // gives 6.03 per line... 26.5 * 6 = 159 fits; 27 * 6 = 162 does not.
    let r = lay(
        &one_text(
            r#""width": 160, "maxLines": 2, "minSize": 10, "font": { "size": 32 }, "text": "一二三四五六七八九十一二""#,
        ),
        "{}",
    );
    let e = &r.elements[0];
    assert!((e.scale.unwrap() * 32.0 - 26.5).abs() < 1e-4, "{:?}", e.scale);
    assert_eq!(lines(e), ["一二三四五六", "七八九十一二"]);
}

const FAMILY: &str = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}";
const FLAG: &str = "\u{1F1E8}\u{1F1F3}";

#[test]
fn emoji_sequences_and_flags_are_never_split_and_each_missing_character_warns_once() {
    let text = format!("分享{FAMILY}全家{FLAG}中国{FAMILY}好物{FLAG}推荐一起来{FAMILY}{FLAG}{FAMILY}{FLAG}");
    for width in (20..=200).step_by(5) {
        let r = lay(
            &one_text(&format!(r#""width": {width}, "font": {{ "size": 20 }}, "text": {}"#, json_string(&text))),
            "{}",
        );
        let shown = lines(&r.elements[0]);
        assert_eq!(shown.concat(), text, "width {width}: {shown:?}");
        for line in &shown {
            let zwj = line.matches('\u{200D}').count();
            let men = line.matches('\u{1F468}').count();
            assert_eq!(zwj, 3 * men, "width {width}: a family sequence is split in {line:?}");
            assert!(!line.starts_with('\u{200D}'), "width {width}: {line:?}");
            let regional = line.chars().filter(|c| ('\u{1F1E6}'..='\u{1F1FF}').contains(c)).count();
            assert_eq!(regional % 2, 0, "width {width}: a flag is split in {line:?}");
        }
        // The font has no emoji: one GLYPH_MISSING per character, whatever the repeats,
        // in text order. (The joiner U+200D draws nothing and needs no glyph.)
        let missing: Vec<String> =
            r.warnings.iter().filter(|w| w.code == "GLYPH_MISSING").map(|w| w.text.clone().unwrap()).collect();
        assert_eq!(missing.len(), 6, "width {width}: {:?}", r.warnings);
        assert_eq!(r.warnings.len(), 6, "only GLYPH_MISSING: {:?}", r.warnings);
        // Each names the cluster the character was found in, and the element.
        assert_eq!(missing, [FAMILY, FAMILY, FAMILY, FAMILY, FLAG, FLAG], "width {width}");
        for (w, code) in r.warnings.iter().zip(["U+1F468", "U+1F469", "U+1F467", "U+1F466", "U+1F1E8", "U+1F1F3"]) {
            assert_eq!((w.element, w.id.as_deref()), (Some(0), Some("t")));
            assert!(w.message.contains(code), "{} should name {code}", w.message);
        }
    }
    // Rendering draws them (as .notdef boxes) without failing, and warns the same.
    let t = Template::from_json(&one_text(&format!(
        r#""width": 200, "font": {{ "size": 20 }}, "text": {}"#,
        json_string(&text)
    )))
    .unwrap();
    let poster = render_poster(&t, &data("{}"), &fonts(), &RenderOptions::default()).unwrap();
    assert_eq!(poster.warnings.iter().filter(|w| w.code == "GLYPH_MISSING").count(), 6);
}

#[test]
fn a_300_character_title_in_two_lines() {
    let title: String = "轻薄羽绒服女短款立领保暖外套冬季新款百搭上衣，修身显瘦。".chars().cycle().take(300).collect();
    let r = lay(
        &one_text(&format!(
            r#""width": 650, "maxLines": 2, "font": {{ "size": 32 }}, "lineHeight": 46, "text": {}"#,
            json_string(&title)
        )),
        "{}",
    );
    let e = &r.elements[0];
    let shown = lines(e);
    assert_eq!(shown.len(), 2);
    assert_eq!(e.truncated, Some(true));
    assert!(shown[1].ends_with('…'));
    // 650 / 32 = 20.3: 20 ideographs on the first line (kinsoku may move one).
    assert!((19..=20).contains(&shown[0].chars().count()), "{shown:?}");
    assert!(e.lines.as_ref().unwrap().iter().all(|l| l.width <= 650.0));
    assert_eq!(e.height, 92.0);
    assert!(title.starts_with(&shown[0]));
}

/// The W2 example with `product.title` (and more) replaced.
fn w2_with(edit: impl FnOnce(&mut Value)) -> LayoutReport {
    let ex = example("w2-product");
    let mut d = ex.data.clone();
    edit(&mut d);
    layout_poster(&ex.template, &d, &ex.assets, &RenderOptions::default()).unwrap()
}

fn set(v: &mut Value, path: &[&str], value: Option<Value>) {
    let Value::Object(members) = v else { panic!("not an object") };
    if path.len() == 1 {
        members.retain(|(k, _)| k != path[0]);
        if let Some(value) = value {
            members.push((path[0].to_owned(), value));
        }
        return;
    }
    let (_, child) = members.iter_mut().find(|(k, _)| k == path[0]).unwrap();
    set(child, &path[1..], value);
}

fn by_id<'a>(r: &'a LayoutReport, id: &str) -> &'a ElementReport {
    r.elements.iter().find(|e| e.id.as_deref() == Some(id)).unwrap_or_else(|| panic!("no element {id}"))
}

#[test]
fn a_two_line_title_pushes_the_price_down_by_one_line_height() {
    // From the W2 template: the title has lineHeight 46 and the price sits 36 below it.
    const LINE_HEIGHT: f32 = 46.0;
    let one = w2_with(|d| set(d, &["product", "title"], Some(Value::String("轻薄羽绒服".into()))));
    let two = w2_with(|_| {});
    let (t1, t2) = (by_id(&one, "title"), by_id(&two, "title"));
    assert_eq!(lines(t1).len(), 1);
    assert_eq!(lines(t2).len(), 2);
    assert_eq!(t1.height, LINE_HEIGHT);
    assert_eq!(t2.height, 2.0 * LINE_HEIGHT);
    let (p1, p2) = (by_id(&one, "price"), by_id(&two, "price"));
    assert_eq!(p1.y, 862.0 + LINE_HEIGHT + 36.0);
    assert_eq!(p2.y - p1.y, LINE_HEIGHT);
    // And everything placed below the price moves with it.
    assert_eq!(by_id(&two, "slogan").y - by_id(&one, "slogan").y, LINE_HEIGHT);
    // The struck-through original price is aligned on the price's bottom, right of it.
    let original = |r: &LayoutReport| r.elements[7].clone();
    let (o, p) = (original(&two), p2);
    assert!(o.visible);
    assert_eq!(o.x, p.x + p.width + 16.0);
    assert_eq!(o.y + o.height, p.y + p.height);
}

#[test]
fn an_empty_title_has_no_lines_and_what_is_below_moves_up() {
    let empty = w2_with(|d| set(d, &["product", "title"], Some(Value::String(String::new()))));
    let title = by_id(&empty, "title");
    assert_eq!(lines(title), Vec::<String>::new());
    assert_eq!(title.height, 0.0);
    assert_eq!(by_id(&empty, "price").y, 862.0 + 36.0);
    // An empty string is data, not missing data.
    assert!(empty.warnings.iter().all(|w| w.code != "DATA_MISSING"), "{:?}", empty.warnings);
}

#[test]
fn a_missing_binding_renders_empty_with_a_warning_naming_the_path() {
    let ex = example("w2-product");
    let mut d = ex.data.clone();
    set(&mut d, &["product", "title"], None);
    let r = layout_poster(&ex.template, &d, &ex.assets, &RenderOptions::default()).unwrap();
    let title = by_id(&r, "title");
    assert_eq!(lines(title), Vec::<String>::new());
    let missing: Vec<_> = r.warnings.iter().filter(|w| w.code == "DATA_MISSING").collect();
    assert_eq!(missing.len(), 1, "{:?}", r.warnings);
    assert_eq!(missing[0].text.as_deref(), Some("product.title"));
    assert_eq!((missing[0].element, missing[0].id.as_deref()), (Some(5), Some("title")));
    assert!(missing[0].message.contains("product.title"));
    // The render goes through with the same warning.
    let poster = render_poster(&ex.template, &d, &ex.assets, &RenderOptions::default()).unwrap();
    assert_eq!(poster.warnings.iter().filter(|w| w.code == "DATA_MISSING").count(), 1);
    // A binding inside a longer text: the rest stays.
    let r = lay(&one_text(r#""text": "你好，{{user.name}}！""#), r#"{ "user": {} }"#);
    assert_eq!(lines(&r.elements[0]), ["你好，！"]);
    assert_eq!(
        r.warnings.iter().map(|w| (w.code, w.text.clone())).collect::<Vec<_>>(),
        [("DATA_MISSING", Some("user.name".into()))]
    );
    // null, an object or an array have no text either.
    for value in ["null", "{}", "[1]"] {
        let r = lay(&one_text(r#""text": "{{v}}""#), &format!(r#"{{ "v": {value} }}"#));
        assert_eq!(r.warnings.len(), 1, "{value}");
    }
    // Numbers and booleans print as JavaScript prints them.
    let r = lay(&one_text(r#""text": "{{a}} {{b}} {{c}}""#), r#"{ "a": 12, "b": 12.5, "c": true }"#);
    assert_eq!(lines(&r.elements[0]), ["12 12.5 true"]);
}

#[test]
fn if_hides_an_element_and_below_it_collapses() {
    // B below A (gap 10) only if `promo`; C below B (gap 20).
    let t = r#"{ "version": 1, "width": 300, "height": 300, "fonts": [{ "asset": "NotoSansSC-Regular.otf" }],
      "elements": [
        { "type": "text", "id": "a", "x": 0, "y": 50, "text": "标题", "font": { "size": 20 }, "lineHeight": 30 },
        { "type": "text", "id": "b", "if": "promo", "x": 0, "y": { "below": "a", "gap": 10 }, "text": "{{promo}}",
          "font": { "size": 20 }, "lineHeight": 30 },
        { "type": "text", "id": "c", "x": 0, "y": { "below": "b", "gap": 20 }, "text": "价格", "font": { "size": 20 }, "lineHeight": 30 }
      ] }"#;
    let shown = lay(t, r#"{ "promo": "限时" }"#);
    assert!(shown.elements[1].visible);
    assert_eq!(shown.elements[1].y, 50.0 + 30.0 + 10.0);
    assert_eq!(shown.elements[2].y, 90.0 + 30.0 + 20.0);
    for hidden_data in ["{}", r#"{ "promo": "" }"#, r#"{ "promo": null }"#, r#"{ "promo": false }"#] {
        let hidden = lay(t, hidden_data);
        let b = &hidden.elements[1];
        assert!(!b.visible, "{hidden_data}");
        assert_eq!((b.width, b.height), (0.0, 0.0));
        // C moves up by B's height: the hidden element is an empty box where it would be.
        assert_eq!(hidden.elements[2].y, 50.0 + 30.0 + 10.0 + 20.0, "{hidden_data}");
        // A hidden element's bindings are not looked up: no DATA_MISSING for it.
        assert!(hidden.warnings.is_empty(), "{hidden_data}: {:?}", hidden.warnings);
    }
    // In the W2 example, no original price hides the struck-through text.
    let no_original = w2_with(|d| set(d, &["product", "originalPrice"], None));
    assert!(!no_original.elements[7].visible);
    assert!(no_original.warnings.is_empty(), "{:?}", no_original.warnings);
}

#[test]
fn mixed_runs_share_one_baseline_and_line() {
    // ¥ small, 299 large, .00 small: one line whose height comes from the largest run.
    let r = lay(
        &one_text(
            r#""runs": [{ "text": "¥", "font": { "size": 20 } }, { "text": "299", "font": { "size": 48 } }, { "text": ".00", "font": { "size": 20 } }]"#,
        ),
        "{}",
    );
    let e = &r.elements[0];
    assert_eq!(lines(e), ["¥299.00"]);
    let l = &e.lines.as_ref().unwrap()[0];
    let alone = lay(&one_text(r#""text": "299", "font": { "size": 48 }"#), "{}");
    let big = &alone.elements[0].lines.as_ref().unwrap()[0];
    assert_eq!((l.baseline, l.height), (big.baseline, big.height));
}

/// With both weights supplied and no `family` named, `weight: 700` should draw with the
/// Bold face, exactly as it does when the family is named.
#[test]
fn bold_weight_without_a_family_uses_the_bold_font() {
    let render = |font: &str| {
        let t = Template::from_json(&one_text(&format!(r#""text": "299 粗体", "font": {font}"#))).unwrap();
        render_poster(&t, &data("{}"), &fonts(), &RenderOptions::default()).unwrap().bytes
    };
    let named = render(r#"{ "size": 40, "weight": 700, "family": "Noto Sans SC Subset" }"#);
    let regular = render(r#"{ "size": 40, "weight": 400 }"#);
    assert!(named != regular, "the Bold face draws differently");
    assert!(render(r#"{ "size": 40, "weight": 700 }"#) == named, "weight 700 without a family draws the Regular face");
    assert!(render(r#"{ "size": 40, "weight": "bold" }"#) == named, "\"bold\" without a family draws the Regular face");
}
