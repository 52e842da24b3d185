//! Bad templates, data, assets and options: each is a typed error with the path of the
//! offending value, and the next render of a good template is unaffected. Also the pixel
//! limit, which lowers the pixel ratio with a warning instead of failing.
#![cfg(all(not(target_arch = "wasm32"), feature = "poster"))]

mod poster_support;

use poster_support::*;
use share_earn::poster::value::{parse_json, Value};
use share_earn::poster::{layout_poster, render_poster, Assets, RenderOptions, Rendered, Template};
use share_earn::{Error, ErrorKind};

/// A small good template: text in both bundled fonts, a rect and a QR code.
const GOOD: &str = r##"{
  "version": 1, "width": 200, "height": 120,
  "fonts": [{ "asset": "NotoSansSC-Regular.otf" }, { "asset": "NotoSansSC-Bold.otf" }],
  "elements": [
    { "type": "rect", "id": "bar", "x": 0, "y": 0, "width": 200, "height": 8, "fill": "#e1251b" },
    { "type": "text", "id": "title", "x": 10, "y": { "below": "bar", "gap": 4 }, "width": 100, "text": "{{title}}",
      "font": { "size": 16 }, "maxLines": 2 },
    { "type": "qr", "x": 110, "y": 20, "size": 84, "text": "{{url}}" }
  ]
}"##;
const GOOD_DATA: &str = r#"{ "title": "分享赚 好友专享", "url": "https://s.example/K7M2Q9XD" }"#;

fn data(json: &str) -> Value {
    parse_json(json, "data").unwrap()
}

fn good_render() -> Rendered {
    let t = Template::from_json(GOOD).unwrap();
    render_poster(&t, &data(GOOD_DATA), &fonts(), &RenderOptions::default()).unwrap()
}

/// Runs `render`, checks it fails with `code` at `path`, then checks that a good render
/// still gives the same bytes as before any error.
fn expect<T: std::fmt::Debug>(
    what: &str,
    result: Result<T, Error>,
    kind: ErrorKind,
    path: &str,
    baseline: &Rendered,
) -> Error {
    let e = match result {
        Ok(v) => panic!("{what}: expected {} at {path}, got {v:?}", kind.code()),
        Err(e) => e,
    };
    assert_eq!((e.kind(), e.path()), (kind, Some(path)), "{what}: {e}");
    assert!(e.message().len() > 10, "{what}: the message says little: {e}");
    let again = good_render();
    assert_eq!(again.bytes, baseline.bytes, "{what}: a good render after the error differs");
    e
}

/// The template `GOOD` parsed, with data and assets, rendered with `options`.
fn render_with(template: &str, data_json: &str, assets: &Assets, options: &RenderOptions) -> Result<Rendered, Error> {
    let t = Template::from_json(template)?;
    render_poster(&t, &data(data_json), assets, options)
}

fn render(template: &str) -> Result<Rendered, Error> {
    render_with(template, "{}", &fonts(), &RenderOptions::default())
}

/// A template around `elements` (JSON array items), with the bundled fonts.
fn with_elements(elements: &str) -> String {
    format!(
        r#"{{ "version": 1, "width": 200, "height": 120,
             "fonts": [{{ "asset": "NotoSansSC-Regular.otf" }}], "elements": [{elements}] }}"#
    )
}

const RECT: &str = r##"{ "type": "rect", "id": "a", "x": 0, "y": 0, "width": 10, "height": 10, "fill": "#000" }"##;

#[test]
fn template_errors_name_the_offending_value() {
    let base = good_render();
    let invalid = ErrorKind::TemplateInvalid;
    let limit = ErrorKind::TemplateLimit;
    // Not JSON: the message says where.
    let e = expect("bad JSON", render("{\n  \"version\": 1,\n  \"width\": 100,,\n}"), invalid, "template", &base);
    assert!(e.message().contains("line 3") && e.message().contains("column"), "{e}");
    // Not an object.
    assert_eq!(render("[]").unwrap_err().kind(), invalid);
    assert_eq!(render("null").unwrap_err().kind(), invalid);
    let cases: Vec<(&str, String, ErrorKind, &str)> = vec![
        ("no version", r#"{ "width": 10, "height": 10 }"#.into(), invalid, "version"),
        ("version 2", r#"{ "version": 2, "width": 10, "height": 10 }"#.into(), invalid, "version"),
        ("version as text", r#"{ "version": "1", "width": 10, "height": 10 }"#.into(), invalid, "version"),
        ("no width", r#"{ "version": 1, "height": 10 }"#.into(), invalid, "width"),
        ("width as text", r#"{ "version": 1, "width": "100", "height": 10 }"#.into(), invalid, "width"),
        ("negative width", r#"{ "version": 1, "width": -100, "height": 10 }"#.into(), invalid, "width"),
        ("zero height", r#"{ "version": 1, "width": 100, "height": 0 }"#.into(), invalid, "height"),
        ("huge width", r#"{ "version": 1, "width": 100000, "height": 10 }"#.into(), limit, "width"),
        ("huge height", r#"{ "version": 1, "width": 10, "height": 8193 }"#.into(), limit, "height"),
        ("too many pixels", r#"{ "version": 1, "width": 8000, "height": 8000 }"#.into(), limit, "width"),
        (
            "unknown top-level key",
            r#"{ "version": 1, "width": 10, "height": 10, "widht": 5 }"#.into(),
            invalid,
            "widht",
        ),
        (
            "elements not an array",
            r#"{ "version": 1, "width": 10, "height": 10, "elements": {} }"#.into(),
            invalid,
            "elements",
        ),
        ("element not an object", with_elements("5"), invalid, "elements[0]"),
        ("no type", with_elements(r#"{ "x": 0 }"#), invalid, "elements[0].type"),
        ("unknown type", with_elements(r#"{ "type": "circle", "x": 0, "y": 0 }"#), invalid, "elements[0].type"),
        (
            "fontsize typo",
            with_elements(&format!(r#"{RECT}, {{ "type": "text", "text": "x", "font": {{ "fontsize": 20 }} }}"#)),
            invalid,
            "elements[1].font.fontsize",
        ),
        (
            "unknown element field",
            with_elements(r#"{ "type": "text", "text": "x", "colour": "red" }"#),
            invalid,
            "elements[0].colour",
        ),
        ("x as text", with_elements(r#"{ "type": "text", "text": "x", "x": "10" }"#), invalid, "elements[0].x"),
        (
            "font size as text",
            with_elements(r#"{ "type": "text", "text": "x", "font": { "size": "16px" } }"#),
            invalid,
            "elements[0].font.size",
        ),
        (
            "opacity true",
            with_elements(r#"{ "type": "text", "text": "x", "opacity": true }"#),
            invalid,
            "elements[0].opacity",
        ),
        (
            "opacity 2",
            with_elements(r#"{ "type": "text", "text": "x", "opacity": 2 }"#),
            invalid,
            "elements[0].opacity",
        ),
        (
            "circle as text",
            with_elements(r#"{ "type": "image", "asset": "a", "width": 1, "height": 1, "circle": "yes" }"#),
            invalid,
            "elements[0].circle",
        ),
        (
            "maxLines 0",
            with_elements(r#"{ "type": "text", "text": "x", "maxLines": 0 }"#),
            invalid,
            "elements[0].maxLines",
        ),
        (
            "maxLines 1.5",
            with_elements(r#"{ "type": "text", "text": "x", "maxLines": 1.5 }"#),
            invalid,
            "elements[0].maxLines",
        ),
        (
            "negative rect width",
            with_elements(r#"{ "type": "rect", "width": -5, "height": 10 }"#),
            invalid,
            "elements[0].width",
        ),
        ("rect without height", with_elements(r#"{ "type": "rect", "width": 5 }"#), invalid, "elements[0].height"),
        (
            "bad colour",
            with_elements(r##"{ "type": "rect", "width": 5, "height": 5, "fill": "#12" }"##),
            invalid,
            "elements[0].fill",
        ),
        (
            "bad stop colour",
            with_elements(
                r#"{ "type": "rect", "width": 5, "height": 5, "fill": { "type": "linear", "stops": [
                    { "offset": 0, "color": "red" }, { "offset": 1, "color": "nocolour" } ] } }"#,
            ),
            invalid,
            "elements[0].fill.stops[1].color",
        ),
        (
            "decreasing stops",
            with_elements(
                r#"{ "type": "rect", "width": 5, "height": 5, "fill": { "type": "radial", "stops": [
                    { "offset": 0.5, "color": "red" }, { "offset": 0.2, "color": "blue" } ] } }"#,
            ),
            invalid,
            "elements[0].fill.stops[1].offset",
        ),
        (
            "3 radii",
            with_elements(r#"{ "type": "rect", "width": 5, "height": 5, "radius": [1, 2, 3] }"#),
            invalid,
            "elements[0].radius",
        ),
        (
            "bad fit",
            with_elements(r#"{ "type": "image", "asset": "a", "width": 1, "height": 1, "fit": "crop" }"#),
            invalid,
            "elements[0].fit",
        ),
        (
            "bad position",
            with_elements(r#"{ "type": "image", "asset": "a", "width": 1, "height": 1, "position": [0.5, 2] }"#),
            invalid,
            "elements[0].position[1]",
        ),
        (
            "text and runs",
            with_elements(r#"{ "type": "text", "text": "x", "runs": [{ "text": "y" }] }"#),
            invalid,
            "elements[0].text",
        ),
        ("neither text nor runs", with_elements(r#"{ "type": "text" }"#), invalid, "elements[0].text"),
        (
            "unknown run field",
            with_elements(r#"{ "type": "text", "runs": [{ "text": "y", "size": 3 }] }"#),
            invalid,
            "elements[0].runs[0].size",
        ),
        (
            "qr size too small",
            with_elements(r#"{ "type": "qr", "text": "x", "size": 10 }"#),
            invalid,
            "elements[0].size",
        ),
        (
            "qr level",
            with_elements(r#"{ "type": "qr", "text": "x", "size": 100, "ecLevel": "X" }"#),
            invalid,
            "elements[0].ecLevel",
        ),
        (
            "line style",
            with_elements(r#"{ "type": "line", "length": 10, "style": "wavy" }"#),
            invalid,
            "elements[0].style",
        ),
        ("line dash", with_elements(r#"{ "type": "line", "length": 10, "dash": [3] }"#), invalid, "elements[0].dash"),
        (
            "unknown id",
            with_elements(&format!(r#"{RECT}, {{ "type": "text", "text": "x", "y": {{ "below": "nope" }} }}"#)),
            invalid,
            "elements[1].y.below",
        ),
        (
            "later id",
            with_elements(&format!(
                r#"{{ "type": "text", "text": "x", "x": {{ "rightOf": "a", "gap": 2 }} }}, {RECT}"#
            )),
            invalid,
            "elements[0].x.rightOf",
        ),
        (
            "own id",
            with_elements(r#"{ "type": "text", "id": "t", "text": "x", "y": { "below": "t" } }"#),
            invalid,
            "elements[0].y.below",
        ),
        (
            "two relations",
            with_elements(&format!(
                r#"{RECT}, {{ "type": "text", "text": "x", "y": {{ "below": "a", "above": "a" }} }}"#
            )),
            invalid,
            "elements[1].y",
        ),
        (
            "gap as text",
            with_elements(&format!(
                r#"{RECT}, {{ "type": "text", "text": "x", "y": {{ "below": "a", "gap": "8" }} }}"#
            )),
            invalid,
            "elements[1].y.gap",
        ),
        ("duplicate id", with_elements(&format!("{RECT}, {RECT}")), invalid, "elements[1].id"),
        ("unclosed binding", with_elements(r#"{ "type": "text", "text": "Hi {{name" }"#), invalid, "elements[0].text"),
        ("empty binding", with_elements(r#"{ "type": "text", "text": "Hi {{ }}" }"#), invalid, "elements[0].text"),
        (
            "binding in a run",
            with_elements(r#"{ "type": "text", "runs": [{ "text": "a" }, { "text": "{{a..b}}" }] }"#),
            invalid,
            "elements[0].runs[1].text",
        ),
        (
            "binding in an asset",
            with_elements(r#"{ "type": "image", "asset": "{{", "width": 1, "height": 1 }"#),
            invalid,
            "elements[0].asset",
        ),
        (
            "font not an object",
            r#"{ "version": 1, "width": 10, "height": 10, "fonts": ["a.otf"] }"#.into(),
            invalid,
            "fonts[0]",
        ),
        (
            "font weight",
            r#"{ "version": 1, "width": 10, "height": 10, "fonts": [{ "asset": "a", "weight": "heavy" }] }"#.into(),
            invalid,
            "fonts[0].weight",
        ),
        (
            "string too long",
            with_elements(&format!(r#"{{ "type": "text", "text": "{}" }}"#, "字".repeat(10_001))),
            limit,
            "elements[0].text",
        ),
        (
            "too many elements",
            with_elements(&vec![r#"{ "type": "rect", "width": 1, "height": 1 }"#; 501].join(",")),
            limit,
            "elements",
        ),
    ];
    for (what, template, kind, path) in cases {
        let e = expect(what, render(&template), kind, path, &base);
        // The path is also in the message, for people reading a log.
        if kind == invalid {
            assert!(e.message().contains(path), "{what}: {e}");
        }
    }
    // Limits are limits, not typos: exactly at them is fine.
    render(r#"{ "version": 1, "width": 8192, "height": 2 }"#).unwrap();
    // 10 000 characters is the limit of a template string: a 10 000-character asset name is
    // read (and then missing), one more is a limit.
    let named = |n: usize| {
        with_elements(&format!(r#"{{ "type": "image", "asset": "{}", "width": 5, "height": 5 }}"#, "a".repeat(n)))
    };
    expect("long asset name", render(&named(10_000)), ErrorKind::AssetMissing, "elements[0].asset", &base);
    expect("too long asset name", render(&named(10_001)), limit, "elements[0].asset", &base);
    // The text limit once filled is 5000 characters (see the data test): a literal of 5000 is fine.
    render(&with_elements(&format!(
        r#"{{ "type": "text", "text": "{}", "width": 100, "maxLines": 1 }}"#,
        "字".repeat(5_000)
    )))
    .unwrap();
    render(&with_elements(&vec![r#"{ "type": "rect", "width": 1, "height": 1 }"#; 500].join(","))).unwrap();
}

#[test]
fn data_errors_are_reported_at_the_template_value_that_uses_the_data() {
    let base = good_render();
    let fonts = fonts();
    let go = |template: &str, data: &str| render_with(template, data, &fonts, &RenderOptions::default());
    // A bound colour that is not a colour.
    let fill = with_elements(r#"{ "type": "rect", "width": 5, "height": 5, "fill": "{{brand}}" }"#);
    let e = expect(
        "bound fill",
        go(&fill, r#"{ "brand": "notacolour" }"#),
        ErrorKind::TemplateInvalid,
        "elements[0].fill",
        &base,
    );
    assert!(e.message().contains("notacolour"), "{e}");
    go(&fill, r##"{ "brand": "#e1251b" }"##).unwrap();
    let color = with_elements(&format!(r#"{RECT}, {{ "type": "text", "text": "x", "color": "{{{{brand.color}}}}" }}"#));
    expect(
        "bound text colour",
        go(&color, r#"{ "brand": { "color": 12 } }"#),
        ErrorKind::TemplateInvalid,
        "elements[1].color",
        &base,
    );
    let stop = with_elements(
        r#"{ "type": "rect", "width": 5, "height": 5, "fill": { "type": "linear", "stops": [
            { "offset": 0, "color": "red" }, { "offset": 1, "color": "{{c}}" } ] } }"#,
    );
    expect(
        "bound stop",
        go(&stop, r#"{ "c": "rgb(1,2)" }"#),
        ErrorKind::TemplateInvalid,
        "elements[0].fill.stops[1].color",
        &base,
    );
    // A text too long once its bindings are filled: 5001 characters, from 2 x 2500 + 1.
    let long = with_elements(r#"{ "type": "text", "text": "{{a}}{{a}}!", "width": 100, "maxLines": 1 }"#);
    let a = "好".repeat(2500);
    expect(
        "bound text too long",
        go(&long, &format!(r#"{{ "a": "{a}" }}"#)),
        ErrorKind::TemplateLimit,
        "elements[0].text",
        &base,
    );
    // 5000 is allowed.
    let exactly = with_elements(r#"{ "type": "text", "text": "{{a}}{{a}}", "width": 100, "maxLines": 1 }"#);
    go(&exactly, &format!(r#"{{ "a": "{a}" }}"#)).unwrap();
    // Across runs too.
    let runs = with_elements(
        r#"{ "type": "text", "runs": [{ "text": "{{a}}" }, { "text": "{{a}}" }, { "text": "!" }], "maxLines": 1, "width": 50 }"#,
    );
    let e = expect(
        "runs too long",
        go(&runs, &format!(r#"{{ "a": "{a}" }}"#)),
        ErrorKind::TemplateLimit,
        "elements[0].text",
        &base,
    );
    assert!(e.message().contains("5000"), "{e}");
}

/// CRC-32 of PNG (ISO 3309, reflected polynomial 0xEDB88320), bit by bit.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// The PNG signature and an IHDR chunk (right CRC) claiming `w` x `h` RGBA, then nothing.
fn png_header_only(w: u32, h: u32) -> Vec<u8> {
    let mut out = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    let mut chunk = b"IHDR".to_vec();
    chunk.extend_from_slice(&w.to_be_bytes());
    chunk.extend_from_slice(&h.to_be_bytes());
    chunk.extend_from_slice(&[8, 6, 0, 0, 0]);
    out.extend_from_slice(&13u32.to_be_bytes());
    out.extend_from_slice(&chunk);
    out.extend_from_slice(&crc32(&chunk).to_be_bytes());
    out
}

#[test]
fn crc32_matches_the_check_value() {
    // The standard check value of CRC-32 (the "123456789" test of the Rocksoft catalogue).
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
}

#[test]
fn asset_errors_name_the_template_value_that_names_the_asset() {
    let base = good_render();
    let image = |asset: &str| {
        with_elements(&format!(
            r#"{RECT}, {{ "type": "image", "asset": "{asset}", "x": 10, "y": 10, "width": 50, "height": 50 }}"#
        ))
    };
    let opts = RenderOptions::default();
    let mut assets = fonts();
    let go = |t: &str, assets: &Assets| render_with(t, "{}", assets, &opts);
    // Missing image, font, background and QR logo; a bound asset name that is missing.
    expect("missing image", go(&image("nope.png"), &assets), ErrorKind::AssetMissing, "elements[1].asset", &base);
    let e = expect(
        "missing font",
        go(r#"{ "version": 1, "width": 10, "height": 10, "fonts": [{ "asset": "Nope.otf" }] }"#, &assets),
        ErrorKind::AssetMissing,
        "fonts[0].asset",
        &base,
    );
    assert!(
        e.message().contains("Nope.otf") && e.message().contains("NotoSansSC-Regular.otf"),
        "names the asset and what was given: {e}"
    );
    let second_font = r#"{ "version": 1, "width": 10, "height": 10, "fonts": [{ "asset": "NotoSansSC-Regular.otf" }, { "asset": "x" }] }"#;
    expect("missing second font", go(second_font, &assets), ErrorKind::AssetMissing, "fonts[1].asset", &base);
    let background = r#"{ "version": 1, "width": 10, "height": 10, "background": { "image": "bg.jpg" } }"#;
    expect("missing background", go(background, &assets), ErrorKind::AssetMissing, "background.image", &base);
    let logo = with_elements(
        r#"{ "type": "qr", "text": "https://s.example/x", "size": 100, "logo": { "asset": "logo.png" } }"#,
    );
    expect("missing logo", go(&logo, &assets), ErrorKind::AssetMissing, "elements[0].logo.asset", &base);
    let bound = with_elements(r#"{ "type": "image", "asset": "{{pic}}", "width": 5, "height": 5 }"#);
    let e = render_with(&bound, r#"{ "pic": "p.jpg" }"#, &assets, &opts).unwrap_err();
    assert_eq!((e.kind(), e.path()), (ErrorKind::AssetMissing, Some("elements[0].asset")), "{e}");
    // layout_poster needs the asset too (it does not decode images, but it checks names).
    let t = Template::from_json(&image("nope.png")).unwrap();
    let e = layout_poster(&t, &data("{}"), &assets, &opts).unwrap_err();
    assert_eq!((e.kind(), e.path()), (ErrorKind::AssetMissing, Some("elements[1].asset")));

    // Bytes that are not an image.
    assets.insert("bad.png", b"GIF89a this is not a PNG".to_vec());
    expect("not an image", go(&image("bad.png"), &assets), ErrorKind::ImageInvalid, "elements[1].asset", &base);
    // A PNG cut after its header.
    let real = std::fs::read(repo().join("www/examples/w2-product/assets/logo.png")).unwrap();
    assets.insert("cut.png", real[..real.len() / 2].to_vec());
    expect("cut PNG", go(&image("cut.png"), &assets), ErrorKind::ImageInvalid, "elements[1].asset", &base);
    let jpeg = std::fs::read(repo().join("www/examples/w2-product/assets/avatar.jpg")).unwrap();
    assets.insert("cut.jpg", jpeg[..200].to_vec());
    expect("cut JPEG", go(&image("cut.jpg"), &assets), ErrorKind::ImageInvalid, "elements[1].asset", &base);
    // Bad bytes in a background and a logo are reported there.
    let bad_background = r#"{ "version": 1, "width": 10, "height": 10, "background": { "image": "bad.png" } }"#;
    expect("bad background", go(bad_background, &assets), ErrorKind::ImageInvalid, "background.image", &base);
    let bad_logo = with_elements(
        r#"{ "type": "qr", "text": "https://s.example/x", "size": 100, "logo": { "asset": "bad.png" } }"#,
    );
    expect("bad logo", go(&bad_logo, &assets), ErrorKind::ImageInvalid, "elements[0].logo.asset", &base);
    // A 30000 x 30000 header: refused from the header, before any pixel is allocated.
    assets.insert("bomb.png", png_header_only(30_000, 30_000));
    expect("30000x30000", go(&image("bomb.png"), &assets), ErrorKind::ImageTooLarge, "elements[1].asset", &base);
    // Fonts: not a font, and the first 1000 bytes of a real one.
    let otf = std::fs::read(repo().join("www/examples/fonts/NotoSansSC-Regular.otf")).unwrap();
    let mut broken = Assets::new();
    broken.insert("NotoSansSC-Regular.otf", otf[..1000].to_vec());
    let e = expect("truncated font", go(GOOD, &broken), ErrorKind::FontInvalid, "fonts[0]", &base);
    assert!(!e.message().is_empty());
    broken.insert("NotoSansSC-Regular.otf", jpeg.clone());
    expect("a JPEG as a font", go(GOOD, &broken), ErrorKind::FontInvalid, "fonts[0]", &base);
    // The second font broken, the first good.
    let mut second = fonts();
    second.insert("NotoSansSC-Bold.otf", otf[..1000].to_vec());
    expect("truncated second font", go(GOOD, &second), ErrorKind::FontInvalid, "fonts[1]", &base);
}

#[test]
fn bad_render_options_are_poster_invalid_options() {
    let base = good_render();
    let t = Template::from_json(GOOD).unwrap();
    let d = data(GOOD_DATA);
    let assets = fonts();
    let bad: Vec<(RenderOptions, &str)> = vec![
        (RenderOptions { pixel_ratio: 0.0, ..RenderOptions::default() }, "pixelRatio"),
        (RenderOptions { pixel_ratio: -1.0, ..RenderOptions::default() }, "pixelRatio"),
        (RenderOptions { pixel_ratio: 9.0, ..RenderOptions::default() }, "pixelRatio"),
        (RenderOptions { pixel_ratio: f32::NAN, ..RenderOptions::default() }, "pixelRatio"),
        (RenderOptions { pixel_ratio: f32::INFINITY, ..RenderOptions::default() }, "pixelRatio"),
        (RenderOptions { quality: 0, ..RenderOptions::default() }, "quality"),
        (RenderOptions { quality: 101, ..RenderOptions::default() }, "quality"),
        (RenderOptions { max_pixels: 0, ..RenderOptions::default() }, "maxPixels"),
    ];
    for (options, path) in bad {
        let what = format!("{options:?}");
        expect(&what, render_poster(&t, &d, &assets, &options), ErrorKind::PosterInvalidOptions, path, &base);
        expect(&what, layout_poster(&t, &d, &assets, &options), ErrorKind::PosterInvalidOptions, path, &base);
    }
    // The edges are allowed.
    for options in [
        RenderOptions { pixel_ratio: 8.0, ..RenderOptions::default() },
        RenderOptions { pixel_ratio: 0.5, quality: 1, ..RenderOptions::default() },
        RenderOptions { quality: 100, ..RenderOptions::default() },
    ] {
        let r = render_poster(&t, &d, &assets, &options).unwrap();
        assert_eq!(r.width, (200.0 * options.pixel_ratio) as u32);
    }
}

#[test]
fn a_pixel_ratio_over_the_pixel_limit_is_lowered_with_a_warning() {
    let t =
        Template::from_json(r##"{ "version": 1, "width": 1000, "height": 1000, "background": "#abcdef" }"##).unwrap();
    let options = RenderOptions { pixel_ratio: 8.0, max_pixels: 4_000_000, ..RenderOptions::default() };
    let r = render_poster(&t, &data("{}"), &Assets::new(), &options).unwrap();
    // sqrt(4 000 000 / (1000 x 1000)) = 2.
    assert_eq!((r.width, r.height, r.pixel_ratio), (2000, 2000, 2.0));
    let codes: Vec<&str> = r.warnings.iter().map(|w| w.code).collect();
    assert_eq!(codes, ["PIXEL_RATIO_CLAMPED"]);
    assert!(r.warnings[0].message.contains('8') && r.warnings[0].message.contains("4000000"), "{:?}", r.warnings);
    let (rgba, w, h) = png_rgba(&r.bytes);
    assert_eq!((w, h), (2000, 2000));
    assert_eq!(&rgba[..4], &[0xab, 0xcd, 0xef, 0xff]);
    // layoutPoster reports the same ratio and warning.
    let report = layout_poster(&t, &data("{}"), &Assets::new(), &options).unwrap();
    assert_eq!(report.pixel_ratio, 2.0);
    assert_eq!(report.warnings.iter().map(|w| w.code).collect::<Vec<_>>(), ["PIXEL_RATIO_CLAMPED"]);
    // A limit that is not a square: 1000 x 1000 at most 3 000 000 px -> ratio floor(1732.05)/1000,
    // and the output stays under the limit.
    let options = RenderOptions { pixel_ratio: 4.0, max_pixels: 3_000_000, ..RenderOptions::default() };
    let r = render_poster(&t, &data("{}"), &Assets::new(), &options).unwrap();
    assert_eq!(r.pixel_ratio, 1.732);
    assert_eq!((r.width, r.height), (1732, 1732));
    assert!(r.width as u64 * r.height as u64 <= 3_000_000);
    // Under the limit: no warning.
    let options = RenderOptions { pixel_ratio: 2.0, max_pixels: 4_000_000, ..RenderOptions::default() };
    let r = render_poster(&t, &data("{}"), &Assets::new(), &options).unwrap();
    assert_eq!((r.width, r.pixel_ratio, r.warnings.len()), (2000, 2.0, 0));
}

#[test]
fn unknown_top_level_key_lists_what_the_object_takes() {
    let e = Template::from_json(r#"{ "version": 1, "width": 10, "height": 10, "elemnts": [] }"#).unwrap_err();
    assert_eq!((e.code(), e.path()), ("TEMPLATE_INVALID", Some("elemnts")));
    assert!(e.message().contains("elements"), "suggests the keys it takes: {e}");
    // Listed once each, in alphabetical order.
    let listed = e.message().split("this object takes ").nth(1).unwrap();
    let keys: Vec<&str> = listed.split(", ").collect();
    let mut sorted = keys.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(keys, sorted, "{e}");
    assert!(keys.len() >= 5, "{e}");
}
