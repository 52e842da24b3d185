//! Member code errors through the JS bindings: bad ids, wrong argument types, unusable options, malformed codes.
#![cfg(target_arch = "wasm32")]

mod web_support;

use share_earn::bindings::codes::{decode_member_code, encode_member_code, format_member_code, MemberCodec};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_support::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Crockford's base32, written out from the spec rather than taken from the crate.
const CROCKFORD: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

#[wasm_bindgen_test]
fn bad_ids_are_code_invalid_id_and_never_truncated() {
    let codec = MemberCodec::new(None).unwrap();
    // (number, what the message must show). The message shows the number as JavaScript
    // writes it, so 2^53 is reported as itself, not clamped or rounded to 2^53-1.
    let bad = [
        (-1.0, "-1"),
        (1.5, "1.5"),
        (f64::NAN, "NaN"),
        (f64::INFINITY, "Infinity"),
        (f64::NEG_INFINITY, "-Infinity"),
        (TWO_POW_53, "9007199254740992"),
        (TWO_POW_53 + 2.0, "9007199254740994"),
        (1e300, "1e+300"),
        (-1e-300, "-1e-300"),
    ];
    for (id, shown) in bad {
        expect_error_saying(encode_member_code(n(id), None), "CODE_INVALID_ID", Some("id"), shown);
        expect_error_saying(codec.encode(n(id)), "CODE_INVALID_ID", Some("id"), shown);
        assert_still_works();
        assert_eq!(codec.encode(n(1.0)).unwrap(), encode_member_code(n(1.0), None).unwrap());
    }
}

#[wasm_bindgen_test]
fn ids_that_are_not_numbers_are_invalid_argument() {
    // A value of the wrong type is the caller's mistake, not a bad id: INVALID_ARGUMENT at
    // `id`, with a message that says what was passed. The id is required, so `null` and
    // `undefined` are wrong types here too (only optional fields read them as absent).
    let codec = MemberCodec::new(None).unwrap();
    let mut wrong = not_numbers();
    wrong.extend([(JsValue::NULL, "null"), (JsValue::UNDEFINED, "undefined")]);
    for (id, shown) in wrong {
        expect_error_saying(encode_member_code(id.clone(), None), "INVALID_ARGUMENT", Some("id"), shown);
        expect_error_saying(codec.encode(id.clone()), "INVALID_ARGUMENT", Some("id"), shown);
        assert_still_works();
        assert_eq!(codec.encode(n(1.0)).unwrap(), encode_member_code(n(1.0), None).unwrap());
    }
}

/// A deferred call of a binding, its result as a JS value.
type Call = Box<dyn Fn() -> Result<JsValue, JsValue>>;

fn call<T: Into<JsValue>>(f: impl Fn() -> Result<T, JsValue> + 'static) -> Call {
    Box::new(move || f().map(Into::into))
}

#[wasm_bindgen_test]
fn wrong_argument_types_are_invalid_argument_with_the_path() {
    let codec = std::rc::Rc::new(MemberCodec::new(None).unwrap());
    let encode_with = |options: &'static str| call(move || encode_member_code(n(1.0), some(options)));
    let format_with = |options: &'static str| call(move || format_member_code(s("K7M2Q9XD"), some(options)));
    let (c1, c2) = (codec.clone(), codec.clone());
    let cases: Vec<(Call, &str)> = vec![
        (encode_with(r#""brand""#), "options"),
        (encode_with("5"), "options"),
        (encode_with("true"), "options"),
        (encode_with(r#"["brand"]"#), "options"),
        (encode_with(r#"{"minLenght":8}"#), "options.minLenght"),
        (encode_with(r#"{"Secret":"a"}"#), "options.Secret"),
        (encode_with(r#"{"secret":5}"#), "options.secret"),
        (encode_with(r#"{"secret":{}}"#), "options.secret"),
        (encode_with(r#"{"alphabet":["0","1"]}"#), "options.alphabet"),
        (encode_with(r#"{"minLength":"8"}"#), "options.minLength"),
        (encode_with(r#"{"minLength":[8]}"#), "options.minLength"),
        (encode_with(r#"{"blocklist":"SB"}"#), "options.blocklist"),
        (encode_with(r#"{"blocklist":{"0":"SB"}}"#), "options.blocklist"),
        (encode_with(r#"{"blocklist":["SB",5]}"#), "options.blocklist[1]"),
        (call(|| MemberCodec::new(some(r#""brand""#))), "options"),
        (call(|| MemberCodec::new(some(r#"{"secret":"a","minLenght":8}"#))), "options.minLenght"),
        (call(|| MemberCodec::new(some(r#"{"minLength":"8"}"#))), "options.minLength"),
        (call(|| decode_member_code(n(123.0), None)), "code"),
        (call(|| decode_member_code(JsValue::NULL, None)), "code"),
        (call(|| decode_member_code(JsValue::UNDEFINED, None)), "code"),
        (call(|| decode_member_code(s("ZS3FHF7V"), some("[]"))), "options"),
        (call(|| decode_member_code(s("ZS3FHF7V"), some(r#"{"minLenght":8}"#))), "options.minLenght"),
        (call(|| decode_member_code(s("ZS3FHF7V"), some(r#"{"minLength":"8"}"#))), "options.minLength"),
        (call(move || c1.decode(n(5.0))), "code"),
        (call(move || c2.normalize(json("{}"))), "code"),
        (call(|| format_member_code(n(5.0), None)), "code"),
        (call(|| format_member_code(json(r#"["K7M2"]"#), None)), "code"),
        (format_with(r#""-""#), "options"),
        // groupSize has no code of its own: a bad number is INVALID_ARGUMENT as well.
        (format_with(r#"{"groupSize":1.5}"#), "options.groupSize"),
        (format_with(r#"{"groupSize":-1}"#), "options.groupSize"),
        (format_with(r#"{"groupSize":65}"#), "options.groupSize"),
        (format_with(r#"{"groupSize":"4"}"#), "options.groupSize"),
        (format_with(r#"{"separator":1}"#), "options.separator"),
        (format_with(r#"{"groupsize":4}"#), "options.groupsize"),
    ];
    for (call, path) in &cases {
        expect_error(call(), "INVALID_ARGUMENT", Some(path));
        assert_still_works();
    }
    // The same codec instance still works after its own errors.
    assert_eq!(codec.encode(n(7.0)).unwrap(), encode_member_code(n(7.0), None).unwrap());
}

#[wasm_bindgen_test]
fn min_length_of_the_wrong_type_is_invalid_argument_and_a_bad_number_is_code_invalid_options() {
    // Each options object goes to the three functions that take member code options.
    let each = |options: &JsValue| -> [Result<JsValue, JsValue>; 3] {
        [
            MemberCodec::new(Some(typed(options.clone()))).map(JsValue::from),
            encode_member_code(n(1.0), Some(typed(options.clone()))).map(JsValue::from),
            decode_member_code(s("ZS3FHF7V"), Some(typed(options.clone()))).map(JsValue::from),
        ]
    };
    for (value, shown) in not_numbers() {
        for result in each(&with("{}", "minLength", &value)) {
            expect_error_saying(result, "INVALID_ARGUMENT", Some("options.minLength"), shown);
        }
        assert_still_works();
    }
    // A number is the right type: out of 4..=20, fractional, NaN or infinite is the option's own code.
    for value in bad_numbers().into_iter().chain([0.0, 3.0, 21.0, 1e300]) {
        for result in each(&with("{}", "minLength", &n(value))) {
            expect_error(result, "CODE_INVALID_OPTIONS", Some("options.minLength"));
        }
        assert_still_works();
    }
    // `null` and `undefined` are absent: the default, 8.
    for value in [JsValue::NULL, JsValue::UNDEFINED] {
        let codec = MemberCodec::new(Some(typed(with("{}", "minLength", &value)))).unwrap();
        assert_eq!((codec.min_length(), codec.max_length()), (8, 13));
    }
}

#[wasm_bindgen_test]
fn unknown_option_names_list_the_known_ones() {
    let e = encode_member_code(n(1.0), some(r#"{"minLenght":8}"#)).unwrap_err();
    let message = message_of(&e);
    for known in ["secret", "alphabet", "minLength", "blocklist"] {
        assert!(message.contains(known), "{message} should name {known}");
    }
    expect_error(Err::<JsValue, _>(e), "INVALID_ARGUMENT", Some("options.minLenght"));
    assert_still_works();
}

#[wasm_bindgen_test]
fn unusable_member_code_options_name_the_option() {
    let too_many_words: String = {
        let words: Vec<String> = (0..1001).map(|i| format!(r#""W{i:04}""#)).collect();
        format!(r#"{{"blocklist":[{}]}}"#, words.join(","))
    };
    let cases: Vec<(String, &str, Option<&str>)> = vec![
        (r#"{"alphabet":"ABC"}"#.into(), "options.alphabet", None),
        (r#"{"alphabet":"0123456789ABCDEFGHJKMNPQRSTVWXY0"}"#.into(), "options.alphabet", Some("'0'")),
        (r#"{"alphabet":"0123456789-ABCDE"}"#.into(), "options.alphabet", Some("'-'")),
        (r#"{"alphabet":"0123456789 ABCDE"}"#.into(), "options.alphabet", None),
        (r#"{"alphabet":"0123456789ÄBCDEF"}"#.into(), "options.alphabet", None),
        // 14 characters cannot carry the check character; 13 or 16 can.
        (r#"{"alphabet":"ABCDEFGHIJKLMN"}"#.into(), "options.alphabet", Some("13 or 16")),
        (r#"{"minLength":3}"#.into(), "options.minLength", None),
        (r#"{"minLength":21}"#.into(), "options.minLength", None),
        (r#"{"minLength":1.5}"#.into(), "options.minLength", None),
        (r#"{"minLength":-8}"#.into(), "options.minLength", None),
        (
            r#"{"minLength":20,"alphabet":"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+/"}"#.into(),
            "options.minLength",
            Some("too long"),
        ),
        (r#"{"blocklist":["OK",""]}"#.into(), "options.blocklist[1]", None),
        (r#"{"blocklist":["X"]}"#.into(), "options.blocklist[0]", None),
        (r#"{"blocklist":["CAFÉ"]}"#.into(), "options.blocklist[0]", None),
        (r#"{"blocklist":["ABCDEFGHIJKLMNOPQ"]}"#.into(), "options.blocklist[0]", None),
        (too_many_words, "options.blocklist", Some("1001")),
    ];
    for (options, path, says) in cases {
        let e = MemberCodec::new(some(&options)).map(JsValue::from).unwrap_err();
        if let Some(says) = says {
            let message = message_of(&e);
            assert!(message.contains(says), "{message} should say {says}");
        }
        expect_error(Err::<JsValue, _>(e), "CODE_INVALID_OPTIONS", Some(path));
        expect_error(encode_member_code(n(1.0), some(&options)), "CODE_INVALID_OPTIONS", Some(path));
        expect_error(decode_member_code(s("ZS3FHF7V"), some(&options)), "CODE_INVALID_OPTIONS", Some(path));
        assert_still_works();
    }
}

#[wasm_bindgen_test]
fn malformed_codes_get_their_error_codes() {
    let codec = MemberCodec::new(some(&secret(VECTOR_SECRET))).unwrap();
    // "ZS3FHF7V" is the code of 0 (frozen vector); the check character catches any single
    // substitution, so changing one character is a checksum error.
    let cases: Vec<(String, &str)> = vec![
        (String::new(), "CODE_BAD_LENGTH"),
        ("---".into(), "CODE_BAD_LENGTH"),
        ("ZS3FHF7".into(), "CODE_BAD_LENGTH"),
        ("ZS3FHF7VZS3FHF7V".into(), "CODE_BAD_LENGTH"),
        ("ZS3FHF7U".into(), "CODE_BAD_CHARACTER"),
        ("ZS3FHF7!".into(), "CODE_BAD_CHARACTER"),
        ("ZS3FHF7V\u{0}".into(), "CODE_BAD_CHARACTER"),
        ("分享赚分享赚分享".into(), "CODE_BAD_CHARACTER"),
        ("ZS3FHF7W".into(), "CODE_BAD_CHECKSUM"),
        ("XS3FHF7V".into(), "CODE_BAD_CHECKSUM"),
        ("SZ3FHF7V".into(), "CODE_BAD_CHECKSUM"),
        ("ZS3FHFV7".into(), "CODE_BAD_CHECKSUM"),
    ];
    for (input, code) in cases {
        expect_error(codec.decode(s(&input)), code, None);
        expect_error(decode_member_code(s(&input), some(&secret(VECTOR_SECRET))), code, None);
        assert_still_works();
        assert_eq!(codec.decode(s("ZS3FHF7V")).unwrap(), 0.0, "the codec survives {input:?}");
    }
    // normalize only rejects characters.
    expect_error(codec.normalize(s("ZS3FHF7U")), "CODE_BAD_CHARACTER", None);
    assert_eq!(codec.normalize(s("zs3")).unwrap(), "ZS3");
}

#[wasm_bindgen_test]
fn codes_that_pass_the_check_but_are_not_issued_are_not_canonical() {
    // A code that becomes blocked stops being canonical: "ZS" blocks "ZS3FHF7V".
    let blocked = some(&format!(r#"{{"secret":"{VECTOR_SECRET}","blocklist":["ZS"]}}"#));
    expect_error(decode_member_code(s("ZS3FHF7V"), blocked), "CODE_NOT_CANONICAL", None);
    assert_still_works();
    // Strings with a valid check character that encoding does not produce (an unused tweak,
    // or an id of another tier) are refused as well. For each 7-character payload exactly
    // one check character passes; whatever then decodes must re-encode to itself.
    let codec = MemberCodec::new(some(&secret(VECTOR_SECRET))).unwrap();
    let alphabet: Vec<char> = CROCKFORD.chars().collect();
    let (mut canonical, mut refused) = (0, 0);
    for seed in 0..64usize {
        let payload: String = (0..7).map(|i| alphabet[(seed * 7 + i * 13 + seed * i) % 32]).collect();
        let mut passing = Vec::new();
        for &check in &alphabet {
            let candidate = format!("{payload}{check}");
            match codec.decode(s(&candidate)) {
                Ok(id) => {
                    assert_eq!(codec.encode(n(id)).unwrap(), candidate);
                    passing.push(candidate);
                    canonical += 1;
                }
                Err(e) => {
                    let code = get_str(&e, "code").unwrap();
                    if code == "CODE_NOT_CANONICAL" {
                        expect_error(Err::<JsValue, _>(e), "CODE_NOT_CANONICAL", None);
                        passing.push(candidate);
                        refused += 1;
                    } else {
                        expect_error(Err::<JsValue, _>(e), "CODE_BAD_CHECKSUM", None);
                    }
                }
            }
        }
        assert_eq!(passing.len(), 1, "exactly one check character for {payload}: {passing:?}");
    }
    // With 16 tweaks most payloads are some id's unused spelling.
    assert!(refused > 0 && canonical > 0, "refused {refused}, canonical {canonical}");
    assert_still_works();
}

#[wasm_bindgen_test]
fn a_blocklist_that_blocks_every_code_is_reported() {
    // With a digits-only alphabet, blocking all 100 pairs of digits blocks every code.
    let pairs: Vec<String> = (0..100).map(|i| format!(r#""{i:02}""#)).collect();
    let options = format!(r#"{{"alphabet":"0123456789","blocklist":[{}]}}"#, pairs.join(","));
    expect_error(encode_member_code(n(1.0), some(&options)), "CODE_BLOCKLIST_EXHAUSTED", None);
    let codec = MemberCodec::new(some(&options)).unwrap();
    expect_error(codec.encode(n(0.0)), "CODE_BLOCKLIST_EXHAUSTED", None);
    expect_error(codec.encode(n(TWO_POW_53 - 1.0)), "CODE_BLOCKLIST_EXHAUSTED", None);
    assert_still_works();
}
