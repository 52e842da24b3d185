//! Voucher batches through the JS bindings: patterns, charsets, uniformity, every voucher error, RANDOM_UNAVAILABLE.
#![cfg(target_arch = "wasm32")]

mod web_support;

use share_earn::bindings::codes::{encode_member_code, generate_vouchers};
use std::collections::{BTreeMap, BTreeSet};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_support::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The default voucher charset as documented: digits and capitals without 0 O 1 I L U.
const VOUCHER_CHARSET: &str = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The codes of a voucher batch.
fn voucher_codes(batch: &JsValue) -> Vec<String> {
    let codes: js_sys::Array = get(batch, "codes").dyn_into().expect("codes is an array");
    codes.iter().map(|c| c.as_string().expect("codes are strings")).collect()
}

#[wasm_bindgen_test]
fn vouchers_follow_the_pattern_and_are_unique() {
    let batch: JsValue = generate_vouchers(ts(&voucher_json("SALE-####-####", "50", ""))).unwrap().into();
    assert_eq!(keys(&batch), ["codes", "collisionProbability"]);
    let codes = voucher_codes(&batch);
    assert_eq!(codes.len(), 50);
    for code in &codes {
        let chars: Vec<char> = code.chars().collect();
        assert_eq!(chars.len(), 14, "{code}");
        assert!(code.starts_with("SALE-") && chars[9] == '-', "{code}");
        for i in [5, 6, 7, 8, 10, 11, 12, 13] {
            assert!(VOUCHER_CHARSET.contains(chars[i]), "{code}: {} is not in the default charset", chars[i]);
        }
    }
    assert_eq!(codes.iter().collect::<BTreeSet<_>>().len(), 50, "codes repeat");
    // Birthday bound for 50 draws from 30^8: 1 - prod(1 - i/30^8) ≈ (49 * 50 / 2) / 30^8.
    let p = get_f64(&batch, "collisionProbability").expect("a number");
    let expected = 1225.0 / 656_100_000_000.0;
    assert!(p > 0.0 && p < 1.0 && ((p - expected) / expected).abs() < 1e-6, "{p} vs {expected}");
    // Two batches from a cryptographic generator do not coincide.
    let again = generate_vouchers(ts(&voucher_json("SALE-####-####", "50", ""))).unwrap();
    assert_ne!(voucher_codes(&again.into()), codes);
}

#[wasm_bindgen_test]
fn voucher_escapes_charset_and_margin() {
    // `\#` is a literal #, `\\` a literal backslash.
    let batch = generate_vouchers(ts(&voucher_json("\\##-\\\\#", "1", r#","margin":10"#))).unwrap();
    let code: Vec<char> = voucher_codes(&batch.into())[0].chars().collect();
    assert_eq!(code.len(), 5);
    assert_eq!((code[0], code[2], code[3]), ('#', '-', '\\'));
    assert!(VOUCHER_CHARSET.contains(code[1]) && VOUCHER_CHARSET.contains(code[4]));
    // 100 of the 1024 codes of ten binary digits (margin 10 allows 102): the batch is unique,
    // and its collision probability matches the product formula computed here directly.
    let batch: JsValue =
        generate_vouchers(ts(&voucher_json("##########", "100", r#","charset":"01","margin":10"#))).unwrap().into();
    let codes = voucher_codes(&batch);
    assert!(codes.iter().all(|c| c.len() == 10 && c.bytes().all(|b| b == b'0' || b == b'1')));
    assert_eq!(codes.iter().collect::<BTreeSet<_>>().len(), 100);
    let unique: f64 = (0..100).map(|i| 1.0 - i as f64 / 1024.0).product();
    let p = get_f64(&batch, "collisionProbability").unwrap();
    assert!((p - (1.0 - unique)).abs() < 1e-12 && p < 1.0, "{p}");
    // One code cannot collide with anything.
    let one = generate_vouchers(ts(&voucher_json("####", "1", ""))).unwrap();
    assert_eq!(get_f64(&one.into(), "collisionProbability"), Some(0.0));
}

#[wasm_bindgen_test]
fn voucher_characters_are_uniform() {
    // 2000 codes x 4 slots = 8000 draws over 30 characters: about 267 each (sd ≈ 16).
    // Bounds at about seven standard deviations catch modulo bias or a stuck generator.
    let batch = generate_vouchers(ts(&voucher_json("####", "2000", r#","margin":100"#))).unwrap();
    let codes = voucher_codes(&batch.into());
    assert_eq!(codes.iter().collect::<BTreeSet<_>>().len(), 2000);
    let mut counts: BTreeMap<char, u32> = BTreeMap::new();
    for c in codes.iter().flat_map(|code| code.chars()) {
        *counts.entry(c).or_default() += 1;
    }
    assert_eq!(counts.keys().collect::<String>(), VOUCHER_CHARSET);
    for (c, count) in counts {
        assert!((150..=400).contains(&count), "{c} drawn {count} times of 8000");
    }
}

#[wasm_bindgen_test]
fn voucher_errors_name_the_option() {
    let long_pattern = voucher_json(&"#".repeat(65), "1", "");
    let cases: Vec<(String, &str, Option<&str>)> = vec![
        (voucher_json("SALE", "1", ""), "VOUCHER_BAD_PATTERN", Some("options.pattern")),
        (voucher_json("", "1", ""), "VOUCHER_BAD_PATTERN", Some("options.pattern")),
        (voucher_json("\\#\\#", "1", ""), "VOUCHER_BAD_PATTERN", Some("options.pattern")),
        (voucher_json("A\\B####", "1", ""), "VOUCHER_BAD_PATTERN", Some("options.pattern")),
        (voucher_json("####\\", "1", ""), "VOUCHER_BAD_PATTERN", Some("options.pattern")),
        (voucher_json("##\n##", "1", ""), "VOUCHER_BAD_PATTERN", Some("options.pattern")),
        (long_pattern, "VOUCHER_BAD_PATTERN", Some("options.pattern")),
        (voucher_json("######", "1", r#","charset":"AA""#), "VOUCHER_BAD_CHARSET", Some("options.charset")),
        (voucher_json("######", "1", r#","charset":"A""#), "VOUCHER_BAD_CHARSET", Some("options.charset")),
        (voucher_json("######", "1", r#","charset":"AB C""#), "VOUCHER_BAD_CHARSET", Some("options.charset")),
        (voucher_json("######", "1", r#","charset":"ABÄ""#), "VOUCHER_BAD_CHARSET", Some("options.charset")),
        (voucher_json("####", "0", ""), "VOUCHER_BAD_COUNT", Some("options.count")),
        (voucher_json("####", "-1", ""), "VOUCHER_BAD_COUNT", Some("options.count")),
        (voucher_json("####", "1.5", ""), "VOUCHER_BAD_COUNT", Some("options.count")),
        (voucher_json("################", "1000001", ""), "VOUCHER_BAD_COUNT", Some("options.count")),
        (voucher_json("####", "5e9", ""), "VOUCHER_BAD_COUNT", Some("options.count")),
        (voucher_json("####", "1", r#","margin":9"#), "VOUCHER_BAD_COUNT", Some("options.margin")),
        (voucher_json("####", "1", r#","margin":0.5"#), "VOUCHER_BAD_COUNT", Some("options.margin")),
        // 30^2 = 900 codes cannot hold 10 x margin 1000; 30^4 = 810,000 cannot hold 1000 x 1000.
        (voucher_json("##", "10", ""), "VOUCHER_SPACE_TOO_SMALL", None),
        (voucher_json("####", "1000", ""), "VOUCHER_SPACE_TOO_SMALL", None),
        (voucher_json("##", "1", r#","charset":"AB","margin":10"#), "VOUCHER_SPACE_TOO_SMALL", None),
    ];
    for (options, code, path) in cases {
        expect_error(generate_vouchers(ts(&options)), code, path);
        assert_still_works();
        let ok = generate_vouchers(ts(&voucher_json("OK-####", "3", ""))).expect("vouchers after an error");
        assert_eq!(voucher_codes(&ok.into()).len(), 3);
    }
}

#[wasm_bindgen_test]
fn wrong_types_in_voucher_options_are_invalid_argument() {
    let cases: Vec<(Result<_, JsValue>, &str)> = vec![
        (generate_vouchers(ts("null")), "options"),
        (generate_vouchers(typed(JsValue::UNDEFINED)), "options"),
        (generate_vouchers(ts("\"SALE-####\"")), "options"),
        (generate_vouchers(ts("[\"SALE-####\",1]")), "options"),
        (generate_vouchers(ts(r#"{"count":5}"#)), "options.pattern"),
        (generate_vouchers(ts(r#"{"pattern":5,"count":5}"#)), "options.pattern"),
        // count is required: absent and `null` alike.
        (generate_vouchers(ts("{\"pattern\":\"####\"}")), "options.count"),
        (generate_vouchers(ts(&voucher_json("####", "null", ""))), "options.count"),
        (generate_vouchers(ts(&voucher_json("####", r#""5""#, ""))), "options.count"),
        (generate_vouchers(ts(&voucher_json("####", "[5]", ""))), "options.count"),
        (generate_vouchers(ts(&voucher_json("####", "1", r#","margin":"1000""#))), "options.margin"),
        (generate_vouchers(ts(&voucher_json("####", "1", r#","margin":{}"#))), "options.margin"),
        (generate_vouchers(ts(&voucher_json("####", "1", r#","charset":["A","B"]"#))), "options.charset"),
        (generate_vouchers(ts(&voucher_json("####", "1", r#","charSet":"AB""#))), "options.charSet"),
    ];
    for (result, path) in cases {
        expect_error(result, "INVALID_ARGUMENT", Some(path));
        assert_still_works();
    }
}

#[wasm_bindgen_test]
fn count_and_margin_of_the_wrong_type_are_invalid_argument_and_bad_numbers_are_voucher_bad_count() {
    let ok = |options: JsValue| voucher_codes(&generate_vouchers(typed(options)).unwrap().into());
    let base = voucher_json("######", "2", "");
    // (the key replaced in `base`, a number the argument reads that the batch refuses as too small).
    for (key, too_small) in [("count", 0.0), ("margin", 9.0)] {
        let path = format!("options.{key}");
        for (value, shown) in not_numbers() {
            expect_error_saying(
                generate_vouchers(typed(with(&base, key, &value))),
                "INVALID_ARGUMENT",
                Some(&path),
                shown,
            );
            assert_still_works();
        }
        // Numbers are the right type: a count outside 1..=1,000,000 or a margin below 10,
        // fractional, NaN or infinite is VOUCHER_BAD_COUNT.
        for value in bad_numbers().into_iter().chain([0.0, too_small, 1e300]) {
            expect_error(generate_vouchers(typed(with(&base, key, &n(value)))), "VOUCHER_BAD_COUNT", Some(&path));
            assert_still_works();
        }
    }
    // A count of 1,000,001 is a number in range for the argument but above the batch limit.
    let too_many = with(&voucher_json(&"#".repeat(16), "1", ""), "count", &n(1_000_001.0));
    expect_error(generate_vouchers(typed(too_many)), "VOUCHER_BAD_COUNT", Some("options.count"));
    // An optional margin of `null` or `undefined` is absent (the default, 1000).
    for value in [JsValue::NULL, JsValue::UNDEFINED] {
        assert_eq!(ok(with(&voucher_json("######", "2", ""), "margin", &value)).len(), 2);
        // 30^2 = 900 codes cannot hold 1 x the default margin of 1000.
        let small = with(&voucher_json("##", "1", ""), "margin", &value);
        expect_error(generate_vouchers(typed(small)), "VOUCHER_SPACE_TOO_SMALL", None);
    }
}

// ---------------------------------------------------------------------------------------
// RANDOM_UNAVAILABLE

#[wasm_bindgen_test]
fn random_unavailable_when_get_random_values_throws_and_vouchers_work_again_after() {
    let result = with_failing_random(|| generate_vouchers(ts(&voucher_json("SALE-####", "3", ""))));
    expect_error(result, "RANDOM_UNAVAILABLE", None);
    // Restored: random codes again, and everything else still works.
    let batch = generate_vouchers(ts(&voucher_json("SALE-####", "3", ""))).unwrap();
    assert_eq!(voucher_codes(&batch.into()).len(), 3);
    assert_still_works();
    // Argument errors come first: they do not need the generator.
    let bad = with_failing_random(|| generate_vouchers(ts(&voucher_json("SALE", "3", ""))));
    expect_error(bad, "VOUCHER_BAD_PATTERN", Some("options.pattern"));
    // Member codes use no randomness: they work while the generator is off.
    let code = with_failing_random(|| encode_member_code(n(1000.0), some(&secret(VECTOR_SECRET))));
    assert_eq!(code.unwrap(), "Y56Q925A");
}
