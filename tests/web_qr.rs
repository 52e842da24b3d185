//! QR bindings in the browser: the matrix, its reported choices, the logo area, and errors.
#![cfg(target_arch = "wasm32")]

mod web_support;

use share_earn::bindings::qr::qr_matrix;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_support::*;

wasm_bindgen_test_configure!(run_in_browser);

const SHARE_URL: &str =
    "https://shop.example.com/p/10086?ref=K7M2Q9XD&utm_source=wechat&utm_medium=poster&utm_campaign=double11";

fn modules(result: &wasm_bindgen::JsValue) -> js_sys::Uint8Array {
    get(result, "modules").dyn_into::<js_sys::Uint8Array>().expect("modules is a Uint8Array")
}

#[wasm_bindgen_test]
fn the_matrix_has_its_size_and_reports_version_level_and_mask() {
    let r: wasm_bindgen::JsValue = qr_matrix(s(SHARE_URL), None).unwrap().into();
    let size = get_f64(&r, "size").unwrap() as u32;
    let version = get_f64(&r, "version").unwrap() as u32;
    // A 104-byte URL needs version 5 at L (106 bytes), where Q and H do not fit; M holds 84: so L.
    assert_eq!((version, size), (5, 37));
    assert_eq!(get_str(&r, "ecLevel").as_deref(), Some("L"));
    assert!(get_f64(&r, "mask").unwrap() < 8.0);
    let m = modules(&r);
    assert_eq!(m.length(), size * size);
    // The top-left finder: a dark 7x7 ring, a light ring, a dark 3x3 core (ISO/IEC 18004 6.3.3).
    let at = |x: u32, y: u32| m.get_index(y * size + x);
    assert_eq!((0..7).map(|x| at(x, 0)).collect::<Vec<_>>(), vec![1; 7]);
    assert_eq!((0..7).map(|x| at(x, 1)).collect::<Vec<_>>(), vec![1, 0, 0, 0, 0, 0, 1]);
    assert_eq!((0..7).map(|x| at(x, 3)).collect::<Vec<_>>(), vec![1, 0, 1, 1, 1, 0, 1]);
    assert!(get(&r, "logo").is_undefined());
}

#[wasm_bindgen_test]
fn levels_are_honoured_and_a_logo_raises_the_floor_to_q() {
    for level in ["L", "M", "Q", "H"] {
        let r: wasm_bindgen::JsValue =
            qr_matrix(s(SHARE_URL), some(&format!(r#"{{"ecLevel":"{level}"}}"#))).unwrap().into();
        assert_eq!(get_str(&r, "ecLevel").as_deref(), Some(level));
    }
    let r: wasm_bindgen::JsValue = qr_matrix(s(SHARE_URL), some(r#"{"logo":{"size":0.2}}"#)).unwrap().into();
    let level = get_str(&r, "ecLevel").unwrap();
    assert!(level == "Q" || level == "H", "{level}");
    let logo = get(&r, "logo");
    let (x, y, side) = (
        get_f64(&logo, "x").unwrap() as u32,
        get_f64(&logo, "y").unwrap() as u32,
        get_f64(&logo, "modules").unwrap() as u32,
    );
    let size = get_f64(&r, "size").unwrap() as u32;
    assert_eq!(side % 2, 1);
    assert_eq!((x, y), ((size - side) / 2, (size - side) / 2), "centred");
    let m = modules(&r);
    assert!((y..y + side).all(|row| (x..x + side).all(|col| m.get_index(row * size + col) == 0)), "cleared");
    assert_eq!(get(&logo, "shrunk").as_bool(), Some(false));
    let big: wasm_bindgen::JsValue = qr_matrix(s(SHARE_URL), some(r#"{"logo":{"size":0.5}}"#)).unwrap().into();
    let logo = get(&big, "logo");
    assert_eq!(get(&logo, "shrunk").as_bool(), Some(true));
    assert!(get_f64(&logo, "size").unwrap() < 0.5);
}

#[wasm_bindgen_test]
fn bad_options_name_the_option_and_the_instance_keeps_working() {
    let cases: &[(&str, &str, &str)] = &[
        (r#"{"ecLevel":"X"}"#, "QR_INVALID_OPTIONS", "options.ecLevel"),
        (r#"{"ecLevel":3}"#, "INVALID_ARGUMENT", "options.ecLevel"),
        (r#"{"eclevel":"H"}"#, "INVALID_ARGUMENT", "options.eclevel"),
        (r#"{"logo":{"size":0}}"#, "QR_INVALID_OPTIONS", "options.logo.size"),
        (r#"{"logo":{"size":0.51}}"#, "QR_INVALID_OPTIONS", "options.logo.size"),
        (r#"{"logo":{"size":"20%"}}"#, "INVALID_ARGUMENT", "options.logo.size"),
        (r#"{"logo":{"padding":5}}"#, "QR_INVALID_OPTIONS", "options.logo.padding"),
        (r#"{"logo":{"padding":1.5}}"#, "QR_INVALID_OPTIONS", "options.logo.padding"),
        (r#"{"logo":{"oversize":"crop"}}"#, "QR_INVALID_OPTIONS", "options.logo.oversize"),
        (r#"{"logo":{"size":0.45,"oversize":"reject"}}"#, "QR_LOGO_TOO_LARGE", "options.logo.size"),
        (r#"{"logo":{"image":1}}"#, "INVALID_ARGUMENT", "options.logo.image"),
    ];
    for (options, code, path) in cases {
        expect_error(qr_matrix(s(SHARE_URL), some(options)), code, Some(path));
        assert_still_works();
        assert!(qr_matrix(s("after an error"), None).is_ok());
    }
    expect_error(qr_matrix(n(1.0), None), "INVALID_ARGUMENT", Some("text"));
    expect_error(qr_matrix(s(&"x".repeat(1274)), some(r#"{"ecLevel":"H"}"#)), "QR_DATA_TOO_LONG", None);
    assert!(qr_matrix(s(&"x".repeat(1273)), some(r#"{"ecLevel":"H"}"#)).is_ok(), "1273 bytes fit at H");
}

#[wasm_bindgen_test]
fn svg_output_is_well_formed_and_styled_by_the_options() {
    use share_earn::bindings::qr::qr_svg;
    let options = r##"{"size":240,"moduleShape":"dots","finderShape":"rounded","finderInnerShape":"square",
        "foreground":{"type":"linear","angle":45,"stops":[{"offset":0,"color":"#c41d2f"},{"offset":1,"color":"navy"}]},
        "finderColor":"black","background":"transparent","quietZone":2,"logo":{"size":0.2}}"##;
    let svg = qr_svg(s(SHARE_URL), some(options)).unwrap();
    // The browser's own XML parser must accept it.
    let parser = web_sys_free_dom_parser();
    let doc = parse_xml(&parser, &svg);
    assert_eq!(
        js_sys::Reflect::get(&doc, &"documentElement".into()).ok().and_then(|e| get_str(&e, "tagName")).as_deref(),
        Some("svg")
    );
    assert!(!svg.contains("parsererror"));
    assert!(svg.contains("width=\"240\"") && svg.contains("linearGradient"), "{svg}");
    assert_eq!(svg.matches("<path").count(), 2, "modules and finders");
    assert!(!svg.contains("<rect"), "transparent background");
    let cases: &[(&str, &str, &str)] = &[
        (r#"{"moduleShape":"hearts"}"#, "QR_INVALID_OPTIONS", "options.moduleShape"),
        (r#"{"foreground":"nope"}"#, "QR_INVALID_OPTIONS", "options.foreground"),
        (r#"{"foreground":{"type":"conic","stops":[]}}"#, "QR_INVALID_OPTIONS", "options.foreground.type"),
        (
            r#"{"foreground":{"type":"linear","stops":[{"offset":0,"color":"red"}]}}"#,
            "QR_INVALID_OPTIONS",
            "options.foreground.stops",
        ),
        (
            r#"{"foreground":{"type":"linear","stops":[{"offset":0}]}}"#,
            "INVALID_ARGUMENT",
            "options.foreground.stops[0].color",
        ),
        (r#"{"background":"black"}"#, "QR_LOW_CONTRAST", "options.foreground"),
        (r#"{"quietZone":1}"#, "QR_INVALID_OPTIONS", "options.quietZone"),
        (r#"{"size":8}"#, "QR_INVALID_OPTIONS", "options.size"),
        (r#"{"colour":"red"}"#, "INVALID_ARGUMENT", "options.colour"),
    ];
    for (options, code, path) in cases {
        expect_error(qr_svg(s(SHARE_URL), some(options)), code, Some(path));
        assert_still_works();
    }
}

fn web_sys_free_dom_parser() -> wasm_bindgen::JsValue {
    let ctor = js_sys::Reflect::get(&js_sys::global(), &"DOMParser".into()).unwrap();
    let ctor: &js_sys::Function = ctor.unchecked_ref();
    js_sys::Reflect::construct(ctor, &js_sys::Array::new()).unwrap()
}

fn parse_xml(parser: &wasm_bindgen::JsValue, text: &str) -> wasm_bindgen::JsValue {
    let parse: js_sys::Function = js_sys::Reflect::get(parser, &"parseFromString".into()).unwrap().unchecked_into();
    let doc = parse.call2(parser, &text.into(), &"image/svg+xml".into()).unwrap();
    let errors: js_sys::Function = js_sys::Reflect::get(&doc, &"getElementsByTagName".into()).unwrap().unchecked_into();
    let found = errors.call1(&doc, &"parsererror".into()).unwrap();
    assert_eq!(get_f64(&found, "length"), Some(0.0), "the SVG is well-formed XML");
    doc
}
