//! Helpers shared by the browser tests: JS values from JSON text, checks of thrown
//! errors, a known-good call to run after every error, a switch for the random generator,
//! and the browser's own URL parser.
#![allow(dead_code)] // Each test file uses a different part of this module.

use share_earn::bindings::codes::{decode_member_code, encode_member_code, MemberCodec};
use share_earn::bindings::links::{build_share_link, parse_share_link};
use share_earn::ErrorKind;
use std::collections::BTreeSet;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The secret of the frozen format-v1 vector in `tests/member_codes.rs`.
pub const VECTOR_SECRET: &str = "share-earn-test-vector";

/// `2^53`: the first integer above `Number.MAX_SAFE_INTEGER`.
pub const TWO_POW_53: f64 = 9_007_199_254_740_992.0;

/// A JS value from JSON text.
pub fn json(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap_or_else(|e| panic!("the test's JSON {text} does not parse: {e:?}"))
}

/// A typed argument from JSON text (any JSON: the bindings check the shape themselves).
pub fn ts<T: Tsify>(text: &str) -> Ts<T> {
    Ts::new_unchecked(json(text))
}

/// An optional typed argument from JSON text.
pub fn some<T: Tsify>(text: &str) -> Option<Ts<T>> {
    Some(ts(text))
}

/// A typed argument from any JS value.
pub fn typed<T: Tsify>(value: JsValue) -> Ts<T> {
    Ts::new_unchecked(value)
}

/// A JS string.
pub fn s(text: &str) -> JsValue {
    JsValue::from_str(text)
}

/// A JS number.
pub fn n(value: f64) -> JsValue {
    JsValue::from_f64(value)
}

/// A JS `BigInt`: an integer, but not a number.
pub fn bigint(value: u32) -> JsValue {
    js_sys::BigInt::from(value).into()
}

/// A JS `Date`: an object, even though it stands for a time.
pub fn date(ms: f64) -> JsValue {
    js_sys::Date::new(&JsValue::from_f64(ms)).into()
}

/// The object of the JSON text `base` with `key` set to `value`, for values JSON cannot
/// write (`NaN`, `Infinity`, a `BigInt`, a `Date`, `undefined`).
pub fn with(base: &str, key: &str, value: &JsValue) -> JsValue {
    let object = json(base);
    assert!(js_sys::Reflect::set(&object, &JsValue::from_str(key), value).unwrap(), "setting {key}");
    object
}

/// `new Number(value)`: a wrapper object, not a number.
pub fn boxed_number(value: f64) -> JsValue {
    let constructor: js_sys::Function = get(&js_sys::global(), "Number").unchecked_into();
    let boxed = js_sys::Reflect::construct(&constructor, &js_sys::Array::of1(&n(value))).unwrap();
    assert!(boxed.is_object() && boxed.as_f64().is_none(), "new Number({value}) is an object");
    boxed
}

/// Values that are not numbers, and the word the message must use for each. `null` and
/// `undefined` are left out: in an options object they mean absent.
pub fn not_numbers() -> Vec<(JsValue, &'static str)> {
    vec![
        (s("5"), "string"),
        (bigint(5), "BigInt"),
        (JsValue::TRUE, "boolean"),
        (json("[5]"), "array"),
        (json(r#"{"valueOf":5}"#), "object"),
        (date(1_700_000_000_000.0), "object"),
        (boxed_number(5.0), "object"),
    ]
}

/// Numbers no number argument accepts: negative, fractional, NaN, infinite, above 2^53-1.
pub fn bad_numbers() -> Vec<f64> {
    vec![-1.0, 1.5, f64::NAN, f64::INFINITY, f64::NEG_INFINITY, TWO_POW_53]
}

/// The message of a thrown `Error`.
pub fn message_of(thrown: &JsValue) -> String {
    let error = thrown.dyn_ref::<js_sys::Error>().unwrap_or_else(|| panic!("thrown {thrown:?} is not an Error"));
    String::from(error.message())
}

/// `{"secret":"…"}` as JSON.
pub fn secret(secret: &str) -> String {
    format!(r#"{{"secret":"{secret}"}}"#)
}

/// `generateVouchers` options as JSON: `pattern` (escaped here), `count` (JSON) and `more`
/// keys (JSON, starting with a comma).
pub fn voucher_json(pattern: &str, count: &str, more: &str) -> String {
    let pattern = String::from(js_sys::JSON::stringify(&s(pattern)).unwrap());
    format!(r#"{{"pattern":{pattern},"count":{count}{more}}}"#)
}

/// Property `key` of `value`.
pub fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap_or_else(|e| panic!("reading {key}: {e:?}"))
}

/// String property `key` of `value`, `None` when it is absent (or not a string).
pub fn get_str(value: &JsValue, key: &str) -> Option<String> {
    get(value, key).as_string()
}

/// Number property `key` of `value`, `None` when it is absent (or not a number).
pub fn get_f64(value: &JsValue, key: &str) -> Option<f64> {
    get(value, key).as_f64()
}

/// The own keys of an object, sorted.
pub fn keys(value: &JsValue) -> Vec<String> {
    let mut keys: Vec<String> = js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>())
        .iter()
        .map(|k| k.as_string().unwrap_or_default())
        .collect();
    keys.sort();
    keys
}

/// A canonical text of a JS value: objects with sorted keys (an `undefined` property shows
/// as `undefined`), so two values compare equal whatever their key order.
pub fn canonical(value: &JsValue) -> String {
    if js_sys::Array::is_array(value) {
        let items: Vec<String> = value.unchecked_ref::<js_sys::Array>().iter().map(|v| canonical(&v)).collect();
        format!("[{}]", items.join(","))
    } else if value.is_object() {
        let fields: Vec<String> = keys(value).iter().map(|k| format!("{k:?}:{}", canonical(&get(value, k)))).collect();
        format!("{{{}}}", fields.join(","))
    } else if value.is_undefined() {
        "undefined".into()
    } else {
        js_sys::JSON::stringify(value).map(String::from).unwrap_or_else(|_| format!("{value:?}"))
    }
}

/// Checks that `actual` is the JSON value `expected`, key order aside.
pub fn assert_json(actual: &JsValue, expected: &str) {
    assert_eq!(canonical(actual), canonical(&json(expected)), "expected {expected}");
}

/// Checks that `value` is a plain object, as a TypeScript `Record<string, string>` is: not a
/// `Map`, whose entries `Object.keys`, JSON and spreading do not see.
pub fn assert_plain_object(value: &JsValue, what: &str) {
    assert!(!value.is_instance_of::<js_sys::Map>(), "{what} is a Map, not a plain object");
    let prototype: JsValue = js_sys::Object::get_prototype_of(value).into();
    let plain: JsValue = js_sys::Object::get_prototype_of(&js_sys::Object::new()).into();
    assert_eq!(prototype, plain, "{what} is not a plain object");
}

/// Every documented error code.
pub fn all_codes() -> BTreeSet<&'static str> {
    ErrorKind::ALL.iter().map(|k| k.code()).collect()
}

/// Checks that `result` is a thrown `ShareEarnError`: a real `Error` whose `name` is
/// `"ShareEarnError"`, with `code` and `path` as expected and a message that starts with
/// the code. Returns the code, for tables that collect them.
pub fn expect_error<T: Into<JsValue>>(result: Result<T, JsValue>, code: &str, path: Option<&str>) -> String {
    let thrown = match result {
        Ok(value) => panic!("expected {code} at {path:?}, got the value {:?}", value.into()),
        Err(thrown) => thrown,
    };
    let error = thrown.dyn_ref::<js_sys::Error>().unwrap_or_else(|| panic!("thrown {thrown:?} is not an Error"));
    let message = String::from(error.message());
    assert_eq!(String::from(error.name()), "ShareEarnError", "name of {message}");
    let actual = get_str(&thrown, "code").unwrap_or_else(|| panic!("no string code on {message}"));
    assert_eq!(actual, code, "code of {message}");
    let actual_path = get(&thrown, "path");
    match path {
        Some(p) => assert_eq!(actual_path.as_string().as_deref(), Some(p), "path of {message}"),
        None => assert!(actual_path.is_undefined(), "{message}: unexpected path {actual_path:?}"),
    }
    assert!(message.starts_with(&format!("{code}: ")), "message does not start with its code: {message}");
    assert!(message.len() > code.len() + 2, "message says nothing beyond the code: {message}");
    actual
}

/// [`expect_error`], and the message must also contain `says`.
pub fn expect_error_saying<T: Into<JsValue>>(
    result: Result<T, JsValue>,
    code: &str,
    path: Option<&str>,
    says: &str,
) -> String {
    if let Err(thrown) = &result {
        let message = message_of(thrown);
        assert!(message.contains(says), "{message} should say {says}");
    }
    expect_error(result, code, path)
}

/// Known-good calls whose results are known independently (the frozen format-v1 vector and
/// a hand-written link): run after every error to prove the instance still works.
pub fn assert_still_works() {
    let options = || some(&format!(r#"{{"secret":"{VECTOR_SECRET}"}}"#));
    assert_eq!(encode_member_code(n(1000.0), options()).expect("encode after an error"), "Y56Q925A");
    assert_eq!(decode_member_code(s("y56q-925a"), options()).expect("decode after an error"), 1000.0);
    let codec = MemberCodec::new(options()).expect("a codec after an error");
    assert_eq!(codec.encode(n(1.0)).expect("codec.encode after an error"), "FV9ZXV89");
    let link = build_share_link(s("https://shop.example.com/p?x=1"), ts(r#"{"code":"Y56Q925A"}"#))
        .expect("buildShareLink after an error");
    assert_eq!(link, "https://shop.example.com/p?x=1&ref=Y56Q925A");
    let parsed = parse_share_link(s(&link), None).expect("parseShareLink after an error");
    assert_eq!(get_str(&parsed.into(), "code").as_deref(), Some("Y56Q925A"));
}

/// Runs `f` with `crypto.getRandomValues` replaced by a function that throws, then
/// restores it. getrandom 0.3's `wasm_js` backend imports it as
/// `js_namespace = ["globalThis", "crypto"]`, so the generated glue evaluates
/// `globalThis.crypto.getRandomValues(…)` on every call and caches nothing: an own
/// property on the `crypto` object shadows `Crypto.prototype.getRandomValues` for exactly
/// as long as it exists. (Nothing else makes the generator fail in a browser that has
/// `crypto`, so this is the only way to reach `RANDOM_UNAVAILABLE` here.)
pub fn with_failing_random<R>(f: impl FnOnce() -> R) -> R {
    let crypto = get(&js_sys::global(), "crypto");
    let key = s("getRandomValues");
    let throwing = Closure::<dyn Fn() -> Result<(), JsValue>>::new(|| {
        Err(js_sys::Error::new("getRandomValues is switched off by the test").into())
    });
    assert!(js_sys::Reflect::set(&crypto, &key, throwing.as_ref()).unwrap());
    let result = f();
    assert!(js_sys::Reflect::delete_property(crypto.unchecked_ref::<js_sys::Object>(), &key).unwrap());
    assert!(get(&crypto, "getRandomValues").is_function());
    result
}

// The browser's own URL parser, as an independent encoder and decoder of query strings.
#[wasm_bindgen]
extern "C" {
    /// WHATWG `URL`.
    #[wasm_bindgen(js_name = URL)]
    pub type Url;
    #[wasm_bindgen(constructor, js_class = "URL", catch)]
    pub fn new(url: &str) -> Result<Url, JsValue>;
    #[wasm_bindgen(method, getter, js_class = "URL")]
    pub fn href(this: &Url) -> String;
    #[wasm_bindgen(method, getter, js_class = "URL")]
    pub fn pathname(this: &Url) -> String;
    #[wasm_bindgen(method, getter, js_class = "URL")]
    pub fn search(this: &Url) -> String;
    #[wasm_bindgen(method, getter, js_class = "URL")]
    pub fn hash(this: &Url) -> String;
    #[wasm_bindgen(method, getter, js_class = "URL", js_name = searchParams)]
    pub fn search_params(this: &Url) -> UrlSearchParams;

    /// WHATWG `URLSearchParams`.
    #[wasm_bindgen(js_name = URLSearchParams)]
    pub type UrlSearchParams;
    #[wasm_bindgen(constructor, js_class = "URLSearchParams")]
    pub fn new(init: &str) -> UrlSearchParams;
    #[wasm_bindgen(method, js_class = "URLSearchParams")]
    pub fn get(this: &UrlSearchParams, key: &str) -> Option<String>;
    #[wasm_bindgen(method, js_class = "URLSearchParams")]
    pub fn set(this: &UrlSearchParams, key: &str, value: &str);
    #[wasm_bindgen(method, js_class = "URLSearchParams", js_name = getAll)]
    pub fn get_all(this: &UrlSearchParams, key: &str) -> js_sys::Array;
}

/// Parses `url` with the browser.
pub fn browser_url(url: &str) -> Url {
    Url::new(url).unwrap_or_else(|e| panic!("the browser rejects {url}: {e:?}"))
}

/// A JS `Uint8Array` holding a copy of `bytes`.
pub fn uint8(bytes: &[u8]) -> js_sys::Uint8Array {
    js_sys::Uint8Array::from(bytes)
}

/// The object of the JSON text `base` with `logo.image` set to `image` (`base` must have a
/// `logo` object).
pub fn with_logo_image(base: &str, image: &JsValue) -> JsValue {
    let object = json(base);
    let logo = get(&object, "logo");
    assert!(logo.is_object(), "{base} has no logo object");
    assert!(js_sys::Reflect::set(&logo, &s("image"), image).unwrap());
    object
}

/// CRC-32 (ISO 3309, the polynomial of PNG and zlib), bit by bit: written here rather than
/// taken from the crate's own PNG encoder.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// One PNG chunk: length, type, data, CRC of type and data (PNG spec 5.3).
pub fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut checked = kind.to_vec();
    checked.extend_from_slice(data);
    out.extend_from_slice(&crc32(&checked).to_be_bytes());
    out
}

/// The eight bytes every PNG starts with.
pub const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

/// A well-formed PNG that claims `width` x `height` 8-bit RGBA pixels: signature, IHDR, one
/// IDAT holding an empty zlib stream, IEND. Every CRC is right, so only the size is wrong
/// (a decompression bomb's header).
pub fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]); // depth 8, RGBA, deflate, filter 0, no interlace
    let mut out = PNG_SIGNATURE.to_vec();
    out.extend(png_chunk(b"IHDR", &ihdr));
    // zlib header 78 01, one final stored block of length 0, Adler-32 of nothing (1).
    out.extend(png_chunk(b"IDAT", &[0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x01]));
    out.extend(png_chunk(b"IEND", &[]));
    out
}

/// The IHDR of PNG `bytes`, after checking the signature and the length and CRC of every
/// chunk up to IEND: (width, height, bit depth, colour type, chunk types in order).
pub fn png_header(bytes: &[u8]) -> (u32, u32, u8, u8, Vec<String>) {
    assert_eq!(bytes.get(..8), Some(&PNG_SIGNATURE[..]), "PNG signature");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    let mut at = 8;
    let mut kinds = Vec::new();
    loop {
        assert!(at + 12 <= bytes.len(), "a chunk is cut off at byte {at} (chunks so far: {kinds:?})");
        let len = be(at) as usize;
        let kind = String::from_utf8_lossy(&bytes[at + 4..at + 8]).into_owned();
        assert!(at + 12 + len <= bytes.len(), "chunk {kind} runs past the end");
        let crc = be(at + 8 + len);
        assert_eq!(crc, crc32(&bytes[at + 4..at + 8 + len]), "CRC of chunk {kind}");
        at += 12 + len;
        kinds.push(kind.clone());
        if kind == "IEND" {
            break;
        }
    }
    assert_eq!(at, bytes.len(), "nothing after IEND");
    assert_eq!(kinds.first().map(String::as_str), Some("IHDR"), "IHDR comes first");
    assert_eq!(be(8), 13, "IHDR is 13 bytes");
    (be(16), be(20), bytes[24], bytes[25], kinds)
}
