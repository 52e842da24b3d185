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

// ---- qrPng and qrPixels -------------------------------------------------------------------

use share_earn::bindings::qr::{qr_pixels, qr_png};
use wasm_bindgen::JsValue;

/// `{"ecLevel":"H"}`: the share URL then needs version 10 (57 modules; 104 bytes fit the 119
/// of 10-H but not the 98 of 9-H). With the default quiet zone of 4 it is 57 + 2*4 = 65
/// modules wide; the default 300 px hold floor(300 / 65) = 4 px per module (260 px) and
/// leave (300 - 260) / 2 = 20 px of margin on each side.
const AT_H: &str = r#"{"ecLevel":"H"}"#;
const V10_MODULES: u32 = 57;
const PX: u32 = 4;
const MARGIN: u32 = 20;
const QUIET: u32 = 4;

const BLACK: [u8; 4] = [0, 0, 0, 255];
const WHITE: [u8; 4] = [255, 255, 255, 255];

fn bytes_of(result: &JsValue) -> Vec<u8> {
    get(result, "bytes").dyn_into::<js_sys::Uint8Array>().expect("bytes is a Uint8Array").to_vec()
}

fn png(text: &str, options: &str) -> JsValue {
    qr_png(s(text), some(options)).unwrap_or_else(|e| panic!("qrPng {options}: {}", message_of(&e))).into()
}

fn pixels(text: &str, options: &str) -> JsValue {
    qr_pixels(s(text), some(options)).unwrap_or_else(|e| panic!("qrPixels {options}: {}", message_of(&e))).into()
}

fn png_with(options: JsValue) -> JsValue {
    qr_png(s(SHARE_URL), Some(typed(options))).unwrap_or_else(|e| panic!("qrPng: {}", message_of(&e))).into()
}

fn pixels_with(options: JsValue) -> JsValue {
    qr_pixels(s(SHARE_URL), Some(typed(options))).unwrap_or_else(|e| panic!("qrPixels: {}", message_of(&e))).into()
}

/// The RGBA of pixel (x, y) of straight RGBA rows `width` wide.
fn pixel(rgba: &[u8], width: u32, x: u32, y: u32) -> [u8; 4] {
    let at = ((y * width + x) * 4) as usize;
    rgba[at..at + 4].try_into().unwrap()
}

fn close(actual: [u8; 4], expected: [u8; 4], tolerance: u8) -> bool {
    actual.iter().zip(expected).all(|(a, e)| a.abs_diff(e) <= tolerance)
}

/// Decodes PNG bytes with the `png` crate into straight RGBA rows.
fn decode_png(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::ALPHA | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().expect("the PNG header decodes");
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).expect("the PNG pixels decode");
    buf.truncate(info.buffer_size());
    let rgba = match info.color_type {
        png::ColorType::Rgba => buf,
        png::ColorType::GrayscaleAlpha => buf.chunks_exact(2).flat_map(|p| [p[0], p[0], p[0], p[1]]).collect(),
        other => panic!("ALPHA gives RGBA or grey+alpha, not {other:?}"),
    };
    (info.width, info.height, rgba)
}

#[wasm_bindgen_test]
fn the_crc32_of_the_helpers_is_the_one_of_png() {
    // Every PNG ends with IEND and this CRC; and the check value of CRC-32 is CBF43926.
    assert_eq!(crc32(b"IEND"), 0xAE42_6082);
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    let bomb = png_claiming(100_000, 100_000);
    assert_eq!(png_header(&bomb).0, 100_000, "the hand-made header reads back");
}

#[wasm_bindgen_test]
fn qr_png_is_a_png_of_the_requested_size_and_reports_what_was_chosen() {
    let r = png(SHARE_URL, AT_H);
    let bytes = bytes_of(&r);
    let (w, h, depth, colour, chunks) = png_header(&bytes);
    assert_eq!((w, h), (300, 300), "IHDR size = the default size");
    // A plain two-colour code: a 1-bit palette image, as the binding documents.
    assert_eq!((depth, colour), (1, 3), "1-bit palette");
    assert!(chunks.iter().any(|c| c == "PLTE") && chunks.iter().any(|c| c == "IDAT"), "{chunks:?}");
    assert_eq!(get_f64(&r, "width"), Some(300.0));
    assert_eq!(get_f64(&r, "height"), Some(300.0));
    assert_eq!(get_f64(&r, "version"), Some(10.0));
    assert_eq!(get_str(&r, "ecLevel").as_deref(), Some("H"));
    assert_eq!(get_f64(&r, "modulePixels"), Some(PX as f64));
    assert_eq!(get_f64(&r, "margin"), Some(MARGIN as f64));
    let mask = get_f64(&r, "mask").unwrap();
    assert!(mask.fract() == 0.0 && (0.0..8.0).contains(&mask), "mask {mask}");
    assert!(get(&r, "logo").is_undefined(), "no logo key without a logo");
    assert_eq!(keys(&r), ["bytes", "ecLevel", "height", "margin", "mask", "modulePixels", "version", "width"]);
    // The same symbol as qrMatrix reports.
    let m: JsValue = qr_matrix(s(SHARE_URL), some(AT_H)).unwrap().into();
    assert_eq!(get_f64(&m, "size"), Some(V10_MODULES as f64));
    assert_eq!(get_f64(&m, "mask"), Some(mask));

    for (options, size, px, margin) in [
        // 65 modules: 301 px is still 4 px a module; the odd pixel goes right and bottom.
        (r#"{"ecLevel":"H","size":301}"#, 301, 4, 20),
        // 1 px a module exactly.
        (r#"{"ecLevel":"H","size":65}"#, 65, 1, 0),
        // 1000 / 65 = 15 (975 px), margin 12 (and 13).
        (r#"{"ecLevel":"H","size":1000}"#, 1000, 15, 12),
        // quietZone 2: 61 modules, 300 / 61 = 4 (244 px), margin 28.
        (r#"{"ecLevel":"H","quietZone":2}"#, 300, 4, 28),
        // "x" at L is version 1: 21 + 8 = 29 modules, 64 / 29 = 2 (58 px), margin 3.
        (r#"{"ecLevel":"L","size":64}"#, 64, 2, 3),
    ] {
        let text = if options.contains("\"L\"") { "x" } else { SHARE_URL };
        let r = png(text, options);
        let (w, h, ..) = png_header(&bytes_of(&r));
        assert_eq!((w, h), (size, size), "{options}");
        assert_eq!(get_f64(&r, "width"), Some(size as f64), "{options}");
        assert_eq!(get_f64(&r, "modulePixels"), Some(px as f64), "{options}");
        assert_eq!(get_f64(&r, "margin"), Some(margin as f64), "{options}");
    }
}

#[wasm_bindgen_test]
fn qr_pixels_are_straight_rgba_with_every_module_on_whole_pixels() {
    let r = pixels(SHARE_URL, AT_H);
    let rgba = bytes_of(&r);
    assert_eq!(rgba.len(), 300 * 300 * 4);
    assert_eq!(get_f64(&r, "modulePixels"), Some(PX as f64));
    assert_eq!(get_f64(&r, "margin"), Some(MARGIN as f64));
    assert_eq!(get_str(&r, "ecLevel").as_deref(), Some("H"));
    assert_eq!(get_f64(&r, "version"), Some(10.0));
    let at = |x, y| pixel(&rgba, 300, x, y);
    // The top-left finder starts after the margin and the quiet zone, at 20 + 4*4 = 36 px:
    // its dark ring (module 0), light ring (module 1), dark core (modules 2 to 4).
    let finder = MARGIN + QUIET * PX;
    assert_eq!(at(finder + 1, finder + 1), BLACK, "dark ring");
    assert_eq!(at(finder + PX + 1, finder + PX + 1), WHITE, "light ring");
    assert_eq!(at(finder + 3 * PX + 1, finder + 3 * PX + 1), BLACK, "dark core");
    // Quiet zone and margin.
    assert_eq!(at(MARGIN + 1, MARGIN + 1), WHITE, "quiet zone");
    assert_eq!(at(finder - 1, finder + 1), WHITE, "the pixel left of the finder");
    assert_eq!(at(0, 0), WHITE, "margin");
    assert_eq!(at(299, 299), WHITE, "margin");

    // Every pixel: the colour of the qrMatrix module it lies in, white outside the symbol.
    let m: JsValue = qr_matrix(s(SHARE_URL), some(AT_H)).unwrap().into();
    let modules = modules(&m).to_vec();
    let start = finder;
    let end = start + V10_MODULES * PX;
    for y in 0..300 {
        for x in 0..300 {
            let inside = (start..end).contains(&x) && (start..end).contains(&y);
            let dark = inside && modules[(((y - start) / PX) * V10_MODULES + (x - start) / PX) as usize] == 1;
            assert_eq!(at(x, y), if dark { BLACK } else { WHITE }, "pixel ({x}, {y})");
        }
    }

    // The PNG holds exactly these pixels.
    let (w, h, decoded) = decode_png(&bytes_of(&png(SHARE_URL, AT_H)));
    assert_eq!((w, h), (300, 300));
    assert!(decoded == rgba, "qrPng and qrPixels draw the same picture");
}

#[wasm_bindgen_test]
fn styled_codes_decode_to_the_same_pixels_as_qr_pixels() {
    let styles = [
        r##"{"size":250,"moduleShape":"dots","finderShape":"circle","finderInnerShape":"circle"}"##,
        r##"{"size":256,"moduleShape":"rounded","finderShape":"rounded","finderColor":"#c41d2f",
            "foreground":{"type":"linear","angle":45,"stops":[{"offset":0,"color":"#1a237e"},{"offset":1,"color":"#000"}]}}"##,
        r##"{"size":200,"background":"transparent",
            "foreground":{"type":"radial","stops":[{"offset":0,"color":"black"},{"offset":1,"color":"#333"}]}}"##,
        r##"{"size":300,"logo":{"size":0.25,"background":"#ffcc00","radius":0.3}}"##,
    ];
    for options in styles {
        let p = pixels(SHARE_URL, options);
        let size = get_f64(&p, "width").unwrap() as u32;
        let rgba = bytes_of(&p);
        assert_eq!(rgba.len() as u32, size * size * 4, "{options}");
        let (w, h, decoded) = decode_png(&bytes_of(&png(SHARE_URL, options)));
        assert_eq!((w, h), (size, size), "{options}");
        assert!(decoded == rgba, "{options}: the PNG and the pixels differ");
    }
    // Transparent: the margin is fully transparent, and the finder's dark ring opaque.
    let p = pixels(SHARE_URL, r#"{"ecLevel":"H","background":"transparent"}"#);
    let rgba = bytes_of(&p);
    assert_eq!(pixel(&rgba, 300, 0, 0)[3], 0, "transparent margin");
    assert_eq!(pixel(&rgba, 300, MARGIN + 1, MARGIN + 1)[3], 0, "transparent quiet zone");
    let ring = MARGIN + QUIET * PX + 1;
    assert_eq!(pixel(&rgba, 300, ring, ring), BLACK, "straight, not premultiplied, black");
    // A gradient: straight colours, opaque, and not all one colour.
    let p = pixels(
        SHARE_URL,
        r##"{"ecLevel":"H","foreground":{"type":"linear","stops":[{"offset":0,"color":"#ff0000"},{"offset":1,"color":"#0000ff"}]}}"##,
    );
    let rgba = bytes_of(&p);
    let left = pixel(&rgba, 300, ring, ring);
    let right = pixel(&rgba, 300, 300 - ring - 1, ring);
    assert!(left[0] > left[2] && right[2] > right[0], "red on the left, blue on the right: {left:?} {right:?}");
    assert_eq!((left[3], right[3]), (255, 255));
}

/// A 64 px QR code on a green background, made by qrPng itself: version 1 (29 modules with
/// the quiet zone) at 2 px a module is 58 px, so margin and quiet zone make a green border
/// 3 + 4*2 = 11 px wide on every side.
fn green_logo() -> Vec<u8> {
    let logo = png("logo", r##"{"size":64,"ecLevel":"L","background":"#00ff00"}"##);
    assert_eq!(get_f64(&logo, "modulePixels"), Some(2.0));
    assert_eq!(get_f64(&logo, "margin"), Some(3.0));
    bytes_of(&logo)
}

const GREEN: [u8; 4] = [0, 255, 0, 255];
const RED: [u8; 4] = [255, 0, 0, 255];

/// (left edge of the cleared area, left edge of the logo square, its side), in pixels, of a
/// `qrPng`/`qrPixels` result at H with the default layout.
fn logo_box(r: &JsValue) -> (u32, f64, f64) {
    let logo = get(r, "logo");
    let x = get_f64(&logo, "x").unwrap() as u32;
    assert_eq!(get_f64(&logo, "y").unwrap() as u32, x, "centred");
    let area = get_f64(&logo, "modules").unwrap();
    let side = get_f64(&logo, "size").unwrap() * (V10_MODULES * PX) as f64;
    // The symbol's middle: 20 + (4 + 28.5) * 4 = 150 px.
    let centre = (MARGIN + QUIET * PX) as f64 + V10_MODULES as f64 * PX as f64 / 2.0;
    assert_eq!(centre, 150.0);
    assert!(area * PX as f64 >= side + 2.0 * PX as f64, "padding of a module at least: {area} modules, {side} px");
    (MARGIN + (QUIET + x) * PX, centre - side / 2.0, side)
}

#[wasm_bindgen_test]
fn a_logo_image_is_drawn_in_the_cleared_area_from_bytes_or_an_array_buffer() {
    let image = green_logo();
    let base = r#"{"ecLevel":"H","logo":{"size":0.2}}"#;
    let r = pixels_with(with_logo_image(base, &uint8(&image).into()));
    let rgba = bytes_of(&r);
    assert_eq!(rgba.len(), 300 * 300 * 4);
    assert_eq!(get_str(&r, "ecLevel").as_deref(), Some("H"));
    let logo = get(&r, "logo");
    assert_eq!(get(&logo, "shrunk").as_bool(), Some(false));
    assert_eq!(get_f64(&logo, "size"), Some(0.2));
    let (area_left, logo_left, side) = logo_box(&r);
    let at = |x: u32, y: u32| pixel(&rgba, 300, x, y);
    // 45.6 px of logo: its green border is 11 * 45.6 / 64 = 7.8 px wide; 3 px in is green.
    let inside = logo_left.ceil() as u32 + 3;
    assert!(close(at(inside, 150), GREEN, 2), "logo border {:?}", at(inside, 150));
    assert!(close(at(inside, inside), GREEN, 2), "logo corner {:?}", at(inside, inside));
    assert!(side > 40.0, "{side}");
    // Between the logo and the area's edge: no plate, so the code's background.
    assert_eq!(at(area_left + 1, area_left + 1), WHITE, "cleared, no plate");

    // As an ArrayBuffer: the same picture, byte for byte; and the same PNG.
    let buffer: JsValue = uint8(&image).buffer().into();
    assert!(buffer.is_instance_of::<js_sys::ArrayBuffer>());
    let from_buffer = pixels_with(with_logo_image(base, &buffer));
    assert!(bytes_of(&from_buffer) == rgba, "ArrayBuffer and Uint8Array give the same pixels");
    let png_a = bytes_of(&png_with(with_logo_image(base, &uint8(&image).into())));
    let png_b = bytes_of(&png_with(with_logo_image(base, &uint8(&image).buffer().into())));
    assert!(png_a == png_b, "ArrayBuffer and Uint8Array give the same PNG");
    let (w, h, decoded) = decode_png(&png_a);
    assert_eq!((w, h), (300, 300));
    assert!(decoded == rgba, "the PNG with a logo holds the pixels of qrPixels");
    // A subarray view: only its own bytes count, not the whole buffer behind it.
    let mut padded = vec![0xEE; 7];
    padded.extend_from_slice(&image);
    padded.extend_from_slice(&[0xEE; 5]);
    let view = uint8(&padded).subarray(7, 7 + image.len() as u32);
    assert!(bytes_of(&pixels_with(with_logo_image(base, &view.into()))) == rgba, "a subarray view");

    // A logo larger than the code allows at this level is shrunk, and reported so.
    let big = pixels_with(with_logo_image(r#"{"ecLevel":"H","logo":{"size":0.5}}"#, &uint8(&image).into()));
    assert_eq!(get(&get(&big, "logo"), "shrunk").as_bool(), Some(true));
}

#[wasm_bindgen_test]
fn a_logo_plate_fills_the_cleared_area_with_its_background_and_radius() {
    let image = green_logo();
    let square = pixels_with(with_logo_image(
        r##"{"ecLevel":"H","logo":{"background":"#ff0000","radius":0}}"##,
        &uint8(&image).into(),
    ));
    let rgba = bytes_of(&square);
    let (area_left, logo_left, _) = logo_box(&square);
    let inside = logo_left.ceil() as u32 + 3;
    assert_eq!(pixel(&rgba, 300, area_left + 1, area_left + 1), RED, "square plate: its corner is red");
    assert!(close(pixel(&rgba, 300, inside, 150), GREEN, 2), "the logo is drawn over the plate");

    let round = pixels_with(with_logo_image(
        r##"{"ecLevel":"H","logo":{"background":"#ff0000","radius":0.5}}"##,
        &uint8(&image).into(),
    ));
    let rgba = bytes_of(&round);
    assert_eq!(pixel(&rgba, 300, area_left + 1, area_left + 1), WHITE, "a circle leaves the corner white");
    assert!(close(pixel(&rgba, 300, area_left + 2, 150), RED, 8), "the circle reaches the middle of each edge");

    // A plate without an image.
    let plate = pixels(SHARE_URL, r##"{"ecLevel":"H","logo":{"background":"#ff0000"}}"##);
    let rgba = bytes_of(&plate);
    assert_eq!(pixel(&rgba, 300, 150, 150), RED, "the plate covers the middle");

    // qrSvg embeds the same bytes as a data: URL.
    let svg = share_earn::bindings::qr::qr_svg(
        s(SHARE_URL),
        Some(typed(with_logo_image(r#"{"ecLevel":"H","logo":{}}"#, &uint8(&image).into()))),
    )
    .unwrap();
    let b64 = {
        let binary: String = image.iter().map(|&b| b as char).collect();
        let btoa: js_sys::Function = get(&js_sys::global(), "btoa").unchecked_into();
        btoa.call1(&JsValue::NULL, &s(&binary)).unwrap().as_string().unwrap()
    };
    assert!(svg.contains(&format!("data:image/png;base64,{b64}")), "the SVG embeds the logo's own bytes");
    parse_xml(&web_sys_free_dom_parser(), &svg);
}

#[wasm_bindgen_test]
fn raster_errors_name_the_option_and_the_instance_keeps_working() {
    let reference = bytes_of(&png(SHARE_URL, AT_H));
    let works = || {
        assert_still_works();
        assert!(bytes_of(&png(SHARE_URL, AT_H)) == reference, "qrPng after an error draws the same PNG");
    };
    let logo_png = green_logo();
    let truncated = logo_png[..logo_png.len() / 2].to_vec();
    let mut bad_crc = png_claiming(16, 16);
    bad_crc[29] ^= 0xFF; // a byte of the IHDR CRC
    let jpeg_garbage = [&[0xFF, 0xD8, 0xFF, 0xE0][..], &[0x42; 60]].concat();
    type Image = (&'static str, JsValue, &'static str);
    let images: Vec<Image> = vec![
        ("a string", s("logo.png"), "INVALID_ARGUMENT"),
        ("a number", n(1.0), "INVALID_ARGUMENT"),
        ("an array of numbers", json("[137,80,78,71]"), "INVALID_ARGUMENT"),
        ("a plain object", json("{}"), "INVALID_ARGUMENT"),
        ("garbage", uint8(b"this is not an image at all").into(), "IMAGE_INVALID"),
        ("no bytes", uint8(&[]).into(), "IMAGE_INVALID"),
        ("half a PNG", uint8(&truncated).into(), "IMAGE_INVALID"),
        ("a JPEG signature and garbage", uint8(&jpeg_garbage).into(), "IMAGE_INVALID"),
        ("a PNG with a bad CRC", uint8(&bad_crc).into(), "IMAGE_INVALID"),
        ("a PNG claiming 100000x100000", uint8(&png_claiming(100_000, 100_000)).into(), "IMAGE_TOO_LARGE"),
        ("a PNG claiming 8193x1", uint8(&png_claiming(8193, 1)).into(), "IMAGE_TOO_LARGE"),
        // Within 8192 a side, but 64 million pixels: over the 25 million limit.
        ("a PNG claiming 8000x8000", uint8(&png_claiming(8000, 8000)).into(), "IMAGE_TOO_LARGE"),
        ("the huge PNG as an ArrayBuffer", uint8(&png_claiming(100_000, 100_000)).buffer().into(), "IMAGE_TOO_LARGE"),
    ];
    for (what, image, code) in images {
        for draw in [qr_png, qr_pixels] {
            let options = with_logo_image(r#"{"logo":{"size":0.2}}"#, &image);
            let e = expect_error(draw(s(SHARE_URL), Some(typed(options))), code, Some("options.logo.image"));
            assert_eq!(e, code, "{what}");
            works();
        }
    }
    let cases: &[(&str, &str, &str)] = &[
        (r#"{"size":20}"#, "QR_INVALID_OPTIONS", "options.size"),
        // 64 px cannot hold the 65 modules of version 10 with its quiet zone (65 px can).
        (r#"{"size":64,"ecLevel":"H"}"#, "QR_INVALID_OPTIONS", "options.size"),
        (r#"{"size":15}"#, "QR_INVALID_OPTIONS", "options.size"),
        (r#"{"size":9000}"#, "QR_INVALID_OPTIONS", "options.size"),
        (r#"{"size":300.5}"#, "QR_INVALID_OPTIONS", "options.size"),
        (r#"{"size":"300"}"#, "INVALID_ARGUMENT", "options.size"),
        (r#"{"logo":{"radius":0.7}}"#, "QR_INVALID_OPTIONS", "options.logo.radius"),
        (r#"{"logo":{"radius":-0.1}}"#, "QR_INVALID_OPTIONS", "options.logo.radius"),
        (r#"{"logo":{"radius":"50%"}}"#, "INVALID_ARGUMENT", "options.logo.radius"),
        (r#"{"logo":{"background":"no such colour"}}"#, "QR_INVALID_OPTIONS", "options.logo.background"),
        (r#"{"logo":{"imgae":"x"}}"#, "INVALID_ARGUMENT", "options.logo.imgae"),
        (r#"{"finderShape":"circle","finderInnerShape":"square"}"#, "QR_INVALID_OPTIONS", "options.finderInnerShape"),
        (r#"{"finderShape":"star"}"#, "QR_INVALID_OPTIONS", "options.finderShape"),
        (r#"{"moduleShape":"hearts"}"#, "QR_INVALID_OPTIONS", "options.moduleShape"),
        (r#"{"quietZone":17}"#, "QR_INVALID_OPTIONS", "options.quietZone"),
        (r#"{"background":"black"}"#, "QR_LOW_CONTRAST", "options.foreground"),
        (r#"{"colour":"red"}"#, "INVALID_ARGUMENT", "options.colour"),
        (r#"{"format":"png"}"#, "INVALID_ARGUMENT", "options.format"),
    ];
    for (options, code, path) in cases {
        for draw in [qr_png, qr_pixels] {
            expect_error(draw(s(SHARE_URL), some(options)), code, Some(path));
            works();
        }
    }
    // The other shapes are fine in a circular ring; a square ring takes a square centre.
    for options in [
        r#"{"finderShape":"circle","finderInnerShape":"circle"}"#,
        r#"{"finderShape":"circle","finderInnerShape":"rounded"}"#,
        r#"{"finderShape":"circle"}"#,
        r#"{"finderShape":"square","finderInnerShape":"circle"}"#,
    ] {
        assert!(qr_png(s(SHARE_URL), some(options)).is_ok(), "{options}");
    }
    expect_error(qr_png(n(1.0), None), "INVALID_ARGUMENT", Some("text"));
    expect_error(qr_pixels(s("x"), Some(typed(s("big")))), "INVALID_ARGUMENT", Some("options"));
    expect_error(qr_png(s(&"x".repeat(1274)), some(AT_H)), "QR_DATA_TOO_LONG", None);
    works();
}
