//! Errors across the JS bindings: every code reached, the instance surviving each, the number rule, TS `ErrorCode`.
#![cfg(target_arch = "wasm32")]

mod web_support;

use share_earn::bindings::codes::{
    decode_member_code, encode_member_code, format_member_code, generate_vouchers, MemberCodec,
};
use share_earn::bindings::links::{build_share_link, decide_attribution, pack_scene, parse_scene, parse_share_link};
use share_earn::bindings::money::{allocate, apply_rate, parse_rate};
use share_earn::bindings::poster::{layout_poster, render_poster};
use share_earn::bindings::qr::{qr_matrix, qr_png, qr_svg};
use share_earn::bindings::rewards::preview_rewards;
use share_earn::bindings::TS_ERRORS;
use std::collections::BTreeSet;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_support::*;

wasm_bindgen_test_configure!(run_in_browser);

type Reach = fn() -> Result<JsValue, JsValue>;

/// One way through the bindings to each error code: (code, path, call).
fn one_case_per_code() -> Vec<(&'static str, Option<&'static str>, Reach)> {
    vec![
        ("INVALID_ARGUMENT", Some("options.minLenght"), || {
            encode_member_code(n(1.0), some(r#"{"minLenght":8}"#)).map(JsValue::from)
        }),
        ("CODE_INVALID_ID", Some("id"), || encode_member_code(n(TWO_POW_53), None).map(JsValue::from)),
        ("CODE_INVALID_OPTIONS", Some("options.alphabet"), || {
            MemberCodec::new(some(r#"{"alphabet":"ABC"}"#)).map(JsValue::from)
        }),
        ("CODE_BAD_LENGTH", None, || decode_member_code(s("ZS3FHF7"), None).map(JsValue::from)),
        ("CODE_BAD_CHARACTER", None, || decode_member_code(s("ZS3FHF7U"), None).map(JsValue::from)),
        ("CODE_BAD_CHECKSUM", None, || {
            decode_member_code(s("ZS3FHF7W"), some(&secret(VECTOR_SECRET))).map(JsValue::from)
        }),
        ("CODE_NOT_CANONICAL", None, || {
            let options = format!(r#"{{"secret":"{VECTOR_SECRET}","blocklist":["ZS"]}}"#);
            decode_member_code(s("ZS3FHF7V"), some(&options)).map(JsValue::from)
        }),
        ("CODE_BLOCKLIST_EXHAUSTED", None, || {
            let pairs: Vec<String> = (0..100).map(|i| format!(r#""{i:02}""#)).collect();
            let options = format!(r#"{{"alphabet":"0123456789","blocklist":[{}]}}"#, pairs.join(","));
            encode_member_code(n(1.0), some(&options)).map(JsValue::from)
        }),
        ("VOUCHER_BAD_PATTERN", Some("options.pattern"), || {
            generate_vouchers(ts(&voucher_json("SALE", "1", ""))).map(JsValue::from)
        }),
        ("VOUCHER_BAD_CHARSET", Some("options.charset"), || {
            generate_vouchers(ts(&voucher_json("######", "1", r#","charset":"AA""#))).map(JsValue::from)
        }),
        ("VOUCHER_BAD_COUNT", Some("options.count"), || {
            generate_vouchers(ts(&voucher_json("####", "0", ""))).map(JsValue::from)
        }),
        ("VOUCHER_SPACE_TOO_SMALL", None, || generate_vouchers(ts(&voucher_json("##", "10", ""))).map(JsValue::from)),
        ("RANDOM_UNAVAILABLE", None, || {
            with_failing_random(|| generate_vouchers(ts(&voucher_json("####", "1", "")))).map(JsValue::from)
        }),
        ("LINK_BAD_URL", None, || build_share_link(s("/goods/1"), ts(r#"{"code":"ZS3FHF7V"}"#)).map(JsValue::from)),
        ("LINK_BAD_SCHEME", None, || parse_share_link(s("ftp://a.example/?ref=ZS3FHF7V"), None).map(JsValue::from)),
        ("LINK_BAD_PARAM", Some("options.params.code"), || {
            build_share_link(s("https://a.example/"), ts(r#"{"code":"X","params":{"code":"utm_ref"}}"#))
                .map(JsValue::from)
        }),
        ("SCENE_TOO_LONG", None, || {
            pack_scene(typed(json(&format!(r#"{{"code":"{}"}}"#, "A".repeat(31))))).map(JsValue::from)
        }),
        ("SCENE_BAD_CHARACTER", Some("fields.code"), || pack_scene(ts(r#"{"code":"ZS3F HF7V"}"#)).map(JsValue::from)),
        ("SCENE_INVALID", None, || parse_scene(s("")).map(JsValue::from)),
        ("ATTRIBUTION_INVALID", Some("nowMs"), || {
            decide_attribution(JsValue::NULL, JsValue::NULL, n(-1.0), ts(r#"{"model":"firstTouch"}"#))
                .map(JsValue::from)
        }),
        ("QR_DATA_TOO_LONG", None, || qr_matrix(s(&"x".repeat(2954)), some(r#"{"ecLevel":"L"}"#)).map(JsValue::from)),
        ("QR_INVALID_OPTIONS", Some("options.ecLevel"), || {
            qr_matrix(s("x"), some(r#"{"ecLevel":"X"}"#)).map(JsValue::from)
        }),
        ("QR_LOGO_TOO_LARGE", Some("options.logo.size"), || {
            qr_matrix(s("x"), some(r#"{"logo":{"size":0.5,"oversize":"reject"}}"#)).map(JsValue::from)
        }),
        ("QR_LOW_CONTRAST", Some("options.foreground"), || {
            qr_svg(s("x"), some(r##"{"foreground":"#ffeb3b"}"##)).map(JsValue::from)
        }),
        ("IMAGE_INVALID", Some("options.logo.image"), || {
            let options = with_logo_image(r#"{"logo":{}}"#, &uint8(b"GIF89a, not a PNG or JPEG").into());
            qr_png(s("x"), Some(typed(options))).map(JsValue::from)
        }),
        ("IMAGE_TOO_LARGE", Some("options.logo.image"), || {
            let options = with_logo_image(r#"{"logo":{}}"#, &uint8(&png_claiming(100_000, 100_000)).into());
            qr_png(s("x"), Some(typed(options))).map(JsValue::from)
        }),
        ("TEMPLATE_INVALID", Some("elements[0].type"), || {
            let template = json(r#"{"version":1,"width":10,"height":10,"elements":[{"type":"star"}]}"#);
            render_poster(template, JsValue::NULL, JsValue::NULL, None).map(JsValue::from)
        }),
        ("TEMPLATE_LIMIT", Some("width"), || {
            layout_poster(json(r#"{"version":1,"width":100000,"height":10}"#), JsValue::NULL, JsValue::NULL, None)
        }),
        ("ASSET_MISSING", Some("fonts[0].asset"), || {
            let template = json(r#"{"version":1,"width":10,"height":10,"fonts":[{"asset":"x.otf"}]}"#);
            render_poster(template, JsValue::NULL, JsValue::NULL, None).map(JsValue::from)
        }),
        ("FONT_INVALID", Some("fonts[0]"), || {
            let template = json(r#"{"version":1,"width":10,"height":10,"fonts":[{"asset":"x.otf"}]}"#);
            let assets = js_sys::Object::new();
            js_sys::Reflect::set(&assets, &s("x.otf"), &uint8(b"OTTO, but not a font")).unwrap();
            render_poster(template, JsValue::NULL, assets.into(), None).map(JsValue::from)
        }),
        ("POSTER_INVALID_OPTIONS", Some("options.pixelRatio"), || {
            let template = json(r#"{"version":1,"width":10,"height":10}"#);
            render_poster(template, JsValue::NULL, JsValue::NULL, some(r#"{"pixelRatio":9}"#)).map(JsValue::from)
        }),
        ("AMOUNT_INVALID", Some("amount"), || allocate(n(1.5), json("[1,2]"), None)),
        ("AMOUNT_OVERFLOW", None, || apply_rate(n(TWO_POW_53 - 1.0), s("2"), None).map(JsValue::from)),
        ("RATE_INVALID", Some("rate"), || parse_rate(s("10折")).map(JsValue::from)),
        ("ALLOCATION_INVALID", Some("weights[1]"), || allocate(n(100.0), json("[1,-2]"), None)),
        ("REWARD_RULES_INVALID", Some("rules.commission.levels[0]"), || {
            let rules = json(r#"{"version":1,"commission":{"levels":["120%"]}}"#);
            preview_rewards(rules, json(r#"{"lines":[{"price":100,"quantity":1}]}"#), Some(JsValue::NULL))
                .map(JsValue::from)
        }),
        ("REWARD_CART_INVALID", Some("cart.lines"), || {
            preview_rewards(json(r#"{"version":1}"#), json(r#"{"lines":[]}"#), None).map(JsValue::from)
        }),
    ]
}

#[wasm_bindgen_test]
fn every_error_code_is_reached_through_the_bindings_and_the_instance_survives_each() {
    let mut reached = BTreeSet::new();
    for (code, path, call) in one_case_per_code() {
        reached.insert(expect_error(call(), code, path));
        assert_still_works();
    }
    // No exception: RANDOM_UNAVAILABLE is reached by switching off crypto.getRandomValues.
    let reached: BTreeSet<&str> = reached.iter().map(String::as_str).collect();
    assert_eq!(reached, all_codes());
}

/// The quoted strings between `export type ErrorCode =` and the next `;`.
fn typescript_error_codes() -> Vec<String> {
    const START: &str = "export type ErrorCode =";
    let start = TS_ERRORS.find(START).expect("ErrorCode is declared") + START.len();
    let union = &TS_ERRORS[start..start + TS_ERRORS[start..].find(';').expect("ErrorCode ends with ;")];
    let parts: Vec<&str> = union.split('"').collect();
    // Between the quotes: odd pieces are codes, even pieces are only `|` and whitespace.
    for between in parts.iter().step_by(2) {
        assert!(between.chars().all(|c| c == '|' || c.is_whitespace()), "unexpected {between:?} in ErrorCode");
    }
    parts.iter().skip(1).step_by(2).map(|code| code.to_string()).collect()
}

#[wasm_bindgen_test]
fn typescript_error_code_union_lists_every_code_once() {
    let listed = typescript_error_codes();
    let unique: BTreeSet<&str> = listed.iter().map(String::as_str).collect();
    assert_eq!(unique.len(), listed.len(), "a code is listed twice: {listed:?}");
    assert_eq!(unique, all_codes());
    // And in the documentation order of ErrorKind::ALL.
    let documented: Vec<&str> = share_earn::ErrorKind::ALL.iter().map(|k| k.code()).collect();
    assert_eq!(listed, documented);
    assert!(TS_ERRORS.contains(r#"name: "ShareEarnError";"#));
}

/// A binding called with `value` as one of its number arguments.
type WithNumber = fn(JsValue) -> Result<JsValue, JsValue>;

/// Every number argument: (path, the code of a number that is out of range, the call).
fn number_arguments() -> Vec<(&'static str, &'static str, WithNumber)> {
    const RECORD: &str = r#"{"code":"Y56Q925A","attributedAtMs":1700000000000}"#;
    const FIRST: &str = r#"{"model":"firstTouch"}"#;
    const NOW: f64 = 1_700_000_000_000.0;
    vec![
        ("id", "CODE_INVALID_ID", |v| encode_member_code(v, None).map(JsValue::from)),
        ("id", "CODE_INVALID_ID", |v| MemberCodec::new(None).and_then(|c| c.encode(v)).map(JsValue::from)),
        ("options.minLength", "CODE_INVALID_OPTIONS", |v| {
            encode_member_code(n(1.0), Some(typed(with("{}", "minLength", &v)))).map(JsValue::from)
        }),
        // groupSize only shapes display, so it has no code of its own.
        ("options.groupSize", "INVALID_ARGUMENT", |v| {
            format_member_code(s("K7M2Q9XD"), Some(typed(with("{}", "groupSize", &v)))).map(JsValue::from)
        }),
        ("options.count", "VOUCHER_BAD_COUNT", |v| {
            generate_vouchers(typed(with(&voucher_json("######", "1", ""), "count", &v))).map(JsValue::from)
        }),
        ("options.margin", "VOUCHER_BAD_COUNT", |v| {
            generate_vouchers(typed(with(&voucher_json("######", "1", ""), "margin", &v))).map(JsValue::from)
        }),
        ("weights[0]", "ALLOCATION_INVALID", |v| allocate(n(100.0), js_sys::Array::of1(&v).into(), None)),
        ("nowMs", "ATTRIBUTION_INVALID", |v| {
            decide_attribution(JsValue::NULL, JsValue::NULL, v, ts(FIRST)).map(JsValue::from)
        }),
        ("policy.windowDays", "ATTRIBUTION_INVALID", |v| {
            let policy = with(r#"{"model":"window"}"#, "windowDays", &v);
            decide_attribution(JsValue::NULL, JsValue::NULL, n(NOW), typed(policy)).map(JsValue::from)
        }),
        ("existing.attributedAtMs", "ATTRIBUTION_INVALID", |v| {
            let existing = with(r#"{"code":"Y56Q925A"}"#, "attributedAtMs", &v);
            decide_attribution(existing, JsValue::NULL, n(NOW), ts(FIRST)).map(JsValue::from)
        }),
        ("existing.expiresAtMs", "ATTRIBUTION_INVALID", |v| {
            decide_attribution(with(RECORD, "expiresAtMs", &v), JsValue::NULL, n(NOW), ts(FIRST)).map(JsValue::from)
        }),
    ]
}

#[wasm_bindgen_test]
fn a_value_that_is_no_number_is_invalid_argument_and_a_bad_number_keeps_the_code_of_its_domain() {
    // The rule of ErrorKind::InvalidArgument, for every number argument of the API: the wrong
    // type is the caller's mistake; a number of the right type but out of range, fractional,
    // NaN or infinite is reported in the terms of what it stands for. Both carry the path.
    for (path, domain, call) in number_arguments() {
        for (value, shown) in not_numbers() {
            expect_error_saying(call(value), "INVALID_ARGUMENT", Some(path), shown);
            assert_still_works();
        }
        for value in bad_numbers() {
            expect_error(call(n(value)), domain, Some(path));
            assert_still_works();
        }
        // A good number goes through.
        let good = if path.ends_with("Ms") { 1_700_000_000_000.0 } else { 12.0 };
        call(n(good)).unwrap_or_else(|e| panic!("{path} = {good}: {e:?}"));
    }
}

/// The number options of the QR functions whose every value in [`bad_numbers`] is out of
/// range: (path, the code of such a number, a good value, the call).
fn qr_number_options() -> Vec<(&'static str, &'static str, f64, WithNumber)> {
    fn png_with(key: &str, v: &JsValue) -> Result<JsValue, JsValue> {
        qr_png(s(SHARE_URL), Some(typed(with("{}", key, v)))).map(JsValue::from)
    }
    fn png_logo_with(key: &str, v: &JsValue) -> Result<JsValue, JsValue> {
        let options = json(r#"{"logo":{}}"#);
        assert!(js_sys::Reflect::set(&get(&options, "logo"), &s(key), v).unwrap());
        qr_png(s(SHARE_URL), Some(typed(options))).map(JsValue::from)
    }
    // A version-1 code has no room for a padded logo: a real share URL has.
    const SHARE_URL: &str = "https://shop.example.com/p/10086?ref=K7M2Q9XD&utm_source=wechat";
    vec![
        ("options.size", "QR_INVALID_OPTIONS", 300.0, |v| png_with("size", &v)),
        ("options.quietZone", "QR_INVALID_OPTIONS", 4.0, |v| png_with("quietZone", &v)),
        ("options.logo.size", "QR_INVALID_OPTIONS", 0.2, |v| png_logo_with("size", &v)),
        ("options.logo.padding", "QR_INVALID_OPTIONS", 2.0, |v| png_logo_with("padding", &v)),
        ("options.logo.radius", "QR_INVALID_OPTIONS", 0.25, |v| png_logo_with("radius", &v)),
        ("options.logo.size", "QR_INVALID_OPTIONS", 0.2, |v| {
            qr_matrix(s(SHARE_URL), Some(typed(with(r#"{"logo":{}}"#, "logo", &with("{}", "size", &v)))))
                .map(JsValue::from)
        }),
    ]
}

#[wasm_bindgen_test]
fn qr_number_options_follow_the_same_rule() {
    for (path, domain, good, call) in qr_number_options() {
        for (value, shown) in not_numbers() {
            expect_error_saying(call(value), "INVALID_ARGUMENT", Some(path), shown);
            assert_still_works();
        }
        for value in bad_numbers() {
            expect_error(call(n(value)), domain, Some(path));
            assert_still_works();
        }
        call(n(good)).unwrap_or_else(|e| panic!("{path} = {good}: {}", message_of(&e)));
    }
}
