//! Posters in the browser: `renderPoster` and `layoutPoster` through the exported bindings,
//! the W2 example rendered byte for byte as the native golden (PNG and JPEG), raw RGBA,
//! the forms assets and templates may take, and errors with `code` and `path`, after each
//! of which the instance still works.
#![cfg(all(target_arch = "wasm32", feature = "poster"))]

mod web_support;

use sha2::{Digest, Sha256};
use share_earn::bindings::poster::{layout_poster, render_poster};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_support::*;

wasm_bindgen_test_configure!(run_in_browser);

// The W2 example and its native goldens (`tests/poster_golden.rs` writes them).
const W2_TEMPLATE: &str = include_str!("../www/examples/w2-product/template.json");
const W2_DATA: &str = include_str!("../www/examples/w2-product/data.json");
const W2_ASSETS: &[(&str, &[u8])] = &[
    ("bg.jpg", include_bytes!("../www/examples/w2-product/assets/bg.jpg")),
    ("product.jpg", include_bytes!("../www/examples/w2-product/assets/product.jpg")),
    ("avatar.jpg", include_bytes!("../www/examples/w2-product/assets/avatar.jpg")),
    ("logo.png", include_bytes!("../www/examples/w2-product/assets/logo.png")),
    ("NotoSansSC-Regular.otf", include_bytes!("../www/examples/fonts/NotoSansSC-Regular.otf")),
    ("NotoSansSC-Bold.otf", include_bytes!("../www/examples/fonts/NotoSansSC-Bold.otf")),
];
const W2_PNG: &[u8] = include_bytes!("golden/poster/w2-product.png");
const W2_JPEG: &[u8] = include_bytes!("golden/poster/w2-product-q80.jpg");

/// `{ name: Uint8Array }`.
fn assets(items: &[(&str, &[u8])]) -> JsValue {
    let object = js_sys::Object::new();
    for (name, bytes) in items {
        assert!(js_sys::Reflect::set(&object, &s(name), &uint8(bytes)).unwrap());
    }
    object.into()
}

fn w2_assets() -> JsValue {
    assets(W2_ASSETS)
}

fn bytes_of(image: &JsValue) -> Vec<u8> {
    get(image, "bytes").dyn_into::<js_sys::Uint8Array>().expect("bytes is a Uint8Array").to_vec()
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn render(template: JsValue, data: JsValue, assets: JsValue, options: Option<&str>) -> Result<JsValue, JsValue> {
    render_poster(template, data, assets, options.map(ts)).map(JsValue::from)
}

/// A small poster whose pixels are known from the template alone: a `#abcdef` background
/// and a red square at (10, 10) - (30, 30).
const SMALL: &str = r##"{ "version": 1, "width": 40, "height": 30, "background": "#abcdef",
  "elements": [{ "type": "rect", "x": 10, "y": 10, "width": 20, "height": 20, "fill": "#ff0000" }] }"##;

/// Renders `SMALL` and checks two pixels: the proof, after an error, that rendering works.
fn assert_posters_still_work() {
    let r = render(json(SMALL), JsValue::NULL, JsValue::NULL, Some(r#"{"format":"rgba"}"#))
        .expect("a poster after an error");
    let px = bytes_of(&r);
    assert_eq!(&px[..4], &[0xab, 0xcd, 0xef, 0xff]);
    let at = (15 * 40 + 15) * 4;
    assert_eq!(&px[at..at + 4], &[0xff, 0, 0, 0xff]);
}

#[wasm_bindgen_test]
fn the_w2_poster_is_byte_identical_to_the_native_golden() {
    let r = render(s(W2_TEMPLATE), json(W2_DATA), w2_assets(), None).unwrap();
    assert_eq!(get_str(&r, "format").as_deref(), Some("png"));
    assert_eq!((get_f64(&r, "width"), get_f64(&r, "height")), (Some(750.0), Some(1334.0)));
    assert_eq!(get_f64(&r, "pixelRatio"), Some(1.0));
    assert_eq!(js_sys::Array::from(&get(&r, "warnings")).length(), 0);
    let bytes = bytes_of(&r);
    assert_eq!(
        sha256_hex(&bytes),
        sha256_hex(W2_PNG),
        "wasm PNG ({} bytes) vs native golden ({} bytes)",
        bytes.len(),
        W2_PNG.len()
    );
    assert!(bytes == W2_PNG);
}

#[wasm_bindgen_test]
fn the_w2_jpeg_is_byte_identical_to_the_native_golden() {
    let r = render(s(W2_TEMPLATE), json(W2_DATA), w2_assets(), Some(r#"{"format":"jpeg","quality":80}"#)).unwrap();
    assert_eq!(get_str(&r, "format").as_deref(), Some("jpeg"));
    let bytes = bytes_of(&r);
    assert_eq!(&bytes[..3], &[0xFF, 0xD8, 0xFF], "JPEG SOI");
    assert_eq!(
        sha256_hex(&bytes),
        sha256_hex(W2_JPEG),
        "wasm JPEG ({} bytes) vs native golden ({} bytes)",
        bytes.len(),
        W2_JPEG.len()
    );
}

#[wasm_bindgen_test]
fn layout_poster_reports_boxes_lines_and_qr() {
    let r = layout_poster(s(W2_TEMPLATE), json(W2_DATA), w2_assets(), None).unwrap();
    assert_eq!((get_f64(&r, "width"), get_f64(&r, "pixelRatio")), (Some(750.0), Some(1.0)));
    let elements = js_sys::Array::from(&get(&r, "elements"));
    assert_eq!(elements.length(), 12);
    let title = elements.get(5);
    assert_eq!(get_str(&title, "id").as_deref(), Some("title"));
    assert_eq!(get_str(&title, "type").as_deref(), Some("text"));
    // Two lines of lineHeight 46 (from the template), the price 36 px below them.
    let lines = js_sys::Array::from(&get(&title, "lines"));
    assert_eq!(lines.length(), 2);
    assert_eq!(get_f64(&lines.get(0), "height"), Some(46.0));
    assert!(get_str(&lines.get(0), "text").unwrap().starts_with("【双11限定】"));
    assert_eq!(get_f64(&elements.get(6), "y"), Some(862.0 + 2.0 * 46.0 + 36.0));
    let qr = get(&elements.get(10), "qr");
    assert_eq!(get_str(&qr, "ecLevel").as_deref(), Some("H"));
    assert!(get_f64(&qr, "modules").unwrap() >= 21.0);
    // Without the original price the `if` hides its element.
    let data = json(W2_DATA);
    assert!(js_sys::Reflect::delete_property(
        get(&data, "product").unchecked_ref::<js_sys::Object>(),
        &s("originalPrice")
    )
    .unwrap());
    let r = layout_poster(s(W2_TEMPLATE), data, w2_assets(), None).unwrap();
    assert_eq!(get(&js_sys::Array::from(&get(&r, "elements")).get(7), "visible").as_bool(), Some(false));
    // A missing binding is a warning with the path.
    let data = json(W2_DATA);
    assert!(
        js_sys::Reflect::delete_property(get(&data, "product").unchecked_ref::<js_sys::Object>(), &s("title")).unwrap()
    );
    let r = layout_poster(s(W2_TEMPLATE), data, w2_assets(), None).unwrap();
    let warnings = js_sys::Array::from(&get(&r, "warnings"));
    assert_eq!(warnings.length(), 1);
    assert_eq!(get_str(&warnings.get(0), "code").as_deref(), Some("DATA_MISSING"));
    assert_eq!(get_str(&warnings.get(0), "text").as_deref(), Some("product.title"));
}

#[wasm_bindgen_test]
fn rgba_output_is_width_times_height_times_4_with_known_pixels() {
    let r = render(json(SMALL), JsValue::NULL, JsValue::NULL, Some(r#"{"format":"rgba","pixelRatio":2}"#)).unwrap();
    assert_eq!(get_str(&r, "format").as_deref(), Some("rgba"));
    assert_eq!((get_f64(&r, "width"), get_f64(&r, "height")), (Some(80.0), Some(60.0)));
    let px = bytes_of(&r);
    assert_eq!(px.len(), 80 * 60 * 4);
    let at = |x: usize, y: usize| px[(y * 80 + x) * 4..(y * 80 + x) * 4 + 4].to_vec();
    assert_eq!(at(0, 0), [0xab, 0xcd, 0xef, 0xff]);
    assert_eq!(at(79, 59), [0xab, 0xcd, 0xef, 0xff]);
    // The square covers template px 10..30, device px 20..60.
    assert_eq!(at(20, 20), [0xff, 0, 0, 0xff]);
    assert_eq!(at(59, 59), [0xff, 0, 0, 0xff]);
    assert_eq!(at(19, 20), [0xab, 0xcd, 0xef, 0xff]);
    assert_eq!(at(60, 30), [0xab, 0xcd, 0xef, 0xff]);
    // The same pixels as the PNG (decoded by the browser-independent check: the PNG's IHDR).
    let png = render(json(SMALL), JsValue::NULL, JsValue::NULL, Some(r#"{"pixelRatio":2}"#)).unwrap();
    let (w, h, _, _, _) = png_header(&bytes_of(&png));
    assert_eq!((w, h), (80, 60));
}

#[wasm_bindgen_test]
fn assets_as_uint8array_arraybuffer_or_map_and_templates_as_text_or_object_render_the_same() {
    const T: &str = r##"{ "version": 1, "width": 60, "height": 60, "background": "#ffffff",
      "elements": [{ "type": "image", "asset": "logo.png", "x": 5, "y": 5, "width": 50, "height": 50, "circle": true }] }"##;
    let logo: &[u8] = include_bytes!("../www/examples/w2-product/assets/logo.png");
    let base = bytes_of(&render(json(T), JsValue::NULL, assets(&[("logo.png", logo)]), None).unwrap());
    // An ArrayBuffer.
    let buffer = js_sys::Object::new();
    js_sys::Reflect::set(&buffer, &s("logo.png"), &uint8(logo).buffer()).unwrap();
    assert!(bytes_of(&render(json(T), JsValue::NULL, buffer.into(), None).unwrap()) == base, "ArrayBuffer");
    // A Uint8Array that views part of a larger buffer.
    let mut padded = vec![0xEE; 7];
    padded.extend_from_slice(logo);
    padded.extend_from_slice(&[0xEE; 5]);
    let whole = uint8(&padded);
    let view = js_sys::Uint8Array::new_with_byte_offset_and_length(&whole.buffer(), 7, logo.len() as u32);
    let object = js_sys::Object::new();
    js_sys::Reflect::set(&object, &s("logo.png"), &view).unwrap();
    assert!(bytes_of(&render(json(T), JsValue::NULL, object.into(), None).unwrap()) == base, "a view");
    // A Map.
    let map = js_sys::Map::new();
    map.set(&s("logo.png"), &uint8(logo));
    assert!(bytes_of(&render(json(T), JsValue::NULL, map.into(), None).unwrap()) == base, "Map");
    // The template as JSON text.
    assert!(bytes_of(&render(s(T), JsValue::NULL, assets(&[("logo.png", logo)]), None).unwrap()) == base, "JSON text");
    // Data as JSON text.
    const BOUND: &str = r##"{ "version": 1, "width": 60, "height": 60, "background": "{{bg}}" }"##;
    let a = bytes_of(&render(s(BOUND), json(r##"{"bg":"#123456"}"##), JsValue::NULL, None).unwrap());
    let b = bytes_of(&render(s(BOUND), s(r##"{"bg":"#123456"}"##), JsValue::NULL, None).unwrap());
    assert!(a == b, "data as text");
}

type Call = Box<dyn Fn() -> Result<JsValue, JsValue>>;

fn template_call(template: JsValue) -> Call {
    Box::new(move || render(template.clone(), JsValue::NULL, JsValue::NULL, None))
}

#[wasm_bindgen_test]
fn errors_carry_code_and_path_and_the_instance_keeps_working() {
    let font = |bytes: &'static [u8]| -> Call {
        Box::new(move || {
            let t = r#"{ "version": 1, "width": 10, "height": 10, "fonts": [{ "asset": "f.otf" }] }"#;
            render(json(t), JsValue::NULL, assets(&[("f.otf", bytes)]), None)
        })
    };
    let image = |bytes: Vec<u8>| -> Call {
        Box::new(move || {
            let t = r#"{ "version": 1, "width": 10, "height": 10,
              "elements": [{ "type": "image", "asset": "a.png", "width": 5, "height": 5 }] }"#;
            render(json(t), JsValue::NULL, assets(&[("a.png", &bytes)]), None)
        })
    };
    let options =
        |o: &'static str| -> Call { Box::new(move || render(json(SMALL), JsValue::NULL, JsValue::NULL, Some(o))) };
    let regular: &'static [u8] = W2_ASSETS[4].1;
    let cases: Vec<(&str, &str, Call)> = vec![
        ("TEMPLATE_INVALID", "template", template_call(s("{ \"version\": 1,"))),
        (
            "TEMPLATE_INVALID",
            "widht",
            template_call(json(r#"{ "version": 1, "width": 10, "height": 10, "widht": 5 }"#)),
        ),
        (
            "TEMPLATE_INVALID",
            "elements[0].font.fontsize",
            template_call(json(
                r#"{ "version": 1, "width": 10, "height": 10, "elements": [{ "type": "text", "text": "x", "font": { "fontsize": 3 } }] }"#,
            )),
        ),
        (
            "TEMPLATE_INVALID",
            "elements[0].type",
            template_call(json(r#"{ "version": 1, "width": 10, "height": 10, "elements": [{ "type": "star" }] }"#)),
        ),
        ("TEMPLATE_INVALID", "version", template_call(json(r#"{ "width": 10, "height": 10 }"#))),
        (
            "TEMPLATE_INVALID",
            "elements[0].fill",
            Box::new(|| {
                let t = r#"{ "version": 1, "width": 10, "height": 10,
                  "elements": [{ "type": "rect", "width": 5, "height": 5, "fill": "{{brand}}" }] }"#;
                render(json(t), json(r#"{"brand":"notacolour"}"#), JsValue::NULL, None)
            }),
        ),
        ("TEMPLATE_LIMIT", "width", template_call(json(r#"{ "version": 1, "width": 100000, "height": 10 }"#))),
        ("TEMPLATE_LIMIT", "elements", {
            let many = vec![r#"{ "type": "rect", "width": 1, "height": 1 }"#; 501].join(",");
            template_call(s(&format!(r#"{{ "version": 1, "width": 10, "height": 10, "elements": [{many}] }}"#)))
        }),
        (
            "ASSET_MISSING",
            "fonts[0].asset",
            template_call(json(r#"{ "version": 1, "width": 10, "height": 10, "fonts": [{ "asset": "x.otf" }] }"#)),
        ),
        (
            "ASSET_MISSING",
            "elements[0].asset",
            template_call(json(
                r#"{ "version": 1, "width": 10, "height": 10, "elements": [{ "type": "image", "asset": "a.png", "width": 5, "height": 5 }] }"#,
            )),
        ),
        ("FONT_INVALID", "fonts[0]", font(&regular[..1000])),
        ("FONT_INVALID", "fonts[0]", font(b"not a font at all")),
        ("IMAGE_INVALID", "elements[0].asset", image(b"GIF89a, not a PNG or JPEG".to_vec())),
        ("IMAGE_TOO_LARGE", "elements[0].asset", image(png_claiming(30_000, 30_000))),
        ("POSTER_INVALID_OPTIONS", "options.pixelRatio", options(r#"{"pixelRatio":0}"#)),
        ("POSTER_INVALID_OPTIONS", "options.pixelRatio", options(r#"{"pixelRatio":9}"#)),
        (
            "POSTER_INVALID_OPTIONS",
            "options.pixelRatio",
            Box::new(|| {
                render_poster(
                    json(SMALL),
                    JsValue::NULL,
                    JsValue::NULL,
                    Some(typed(with("{}", "pixelRatio", &n(f64::NAN)))),
                )
                .map(JsValue::from)
            }),
        ),
        ("POSTER_INVALID_OPTIONS", "options.quality", options(r#"{"quality":0}"#)),
        ("POSTER_INVALID_OPTIONS", "options.quality", options(r#"{"quality":101}"#)),
        ("POSTER_INVALID_OPTIONS", "options.maxPixels", options(r#"{"maxPixels":0}"#)),
        ("POSTER_INVALID_OPTIONS", "options.format", options(r#"{"format":"gif"}"#)),
        ("INVALID_ARGUMENT", "options.pixelratio", options(r#"{"pixelratio":2}"#)),
        (
            "INVALID_ARGUMENT",
            "assets.a.png",
            Box::new(|| {
                let t = r#"{ "version": 1, "width": 10, "height": 10 }"#;
                let a = js_sys::Object::new();
                js_sys::Reflect::set(&a, &s("a.png"), &s("base64...")).unwrap();
                render(json(t), JsValue::NULL, a.into(), None)
            }),
        ),
    ];
    for (code, path, call) in &cases {
        expect_error(call(), code, Some(*path));
        assert_posters_still_work();
        assert_still_works();
    }
    // layoutPoster throws the same errors.
    let e = layout_poster(
        json(r#"{ "version": 1, "width": 10, "height": 10, "widht": 5 }"#),
        JsValue::NULL,
        JsValue::NULL,
        None,
    );
    expect_error(e, "TEMPLATE_INVALID", Some("widht"));
    let e = layout_poster(json(SMALL), JsValue::NULL, JsValue::NULL, Some(ts(r#"{"pixelRatio":0}"#)));
    expect_error(e, "POSTER_INVALID_OPTIONS", Some("options.pixelRatio"));
    assert_posters_still_work();
}

#[wasm_bindgen_test]
fn a_pixel_ratio_over_max_pixels_is_lowered_with_a_warning() {
    let t = r##"{ "version": 1, "width": 1000, "height": 1000, "background": "#abcdef" }"##;
    let r =
        render(json(t), JsValue::NULL, JsValue::NULL, Some(r#"{"pixelRatio":8,"maxPixels":4000000,"format":"rgba"}"#))
            .unwrap();
    assert_eq!(
        (get_f64(&r, "width"), get_f64(&r, "height"), get_f64(&r, "pixelRatio")),
        (Some(2000.0), Some(2000.0), Some(2.0))
    );
    let warnings = js_sys::Array::from(&get(&r, "warnings"));
    assert_eq!(warnings.length(), 1);
    assert_eq!(get_str(&warnings.get(0), "code").as_deref(), Some("PIXEL_RATIO_CLAMPED"));
    assert_eq!(bytes_of(&r).len(), 2000 * 2000 * 4);
}
