//! Member codes through the JS bindings: round trips, the format-v1 vector, lengths, typed input, display, blocklist.
#![cfg(target_arch = "wasm32")]

mod web_support;

use share_earn::bindings::codes::{
    decode_member_code, default_blocklist, encode_member_code, format_member_code, MemberCodec,
};
use wasm_bindgen_test::*;
use web_support::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Crockford's base32, written out from the spec rather than taken from the crate.
const CROCKFORD: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

#[wasm_bindgen_test]
fn member_codes_round_trip_at_the_tier_edges_as_js_numbers() {
    // 32 characters, 7 payload characters and 16 tweaks: the first tier holds 32^7 / 16 =
    // 2^31 ids; 2^53-1 needs 12 payload characters (32^11 / 16 = 2^51 is too few).
    let cases = [(0.0, 8), (1.0, 8), (2_147_483_647.0, 8), (2_147_483_648.0, 9), (TWO_POW_53 - 1.0, 13)];
    let options = || some(&secret("brand"));
    let codec = MemberCodec::new(options()).unwrap();
    assert_eq!((codec.min_length(), codec.max_length()), (8, 13));
    for (id, length) in cases {
        let code = encode_member_code(n(id), options()).unwrap();
        assert_eq!(code.len(), length, "id {id}: {code}");
        assert!(code.chars().all(|c| CROCKFORD.contains(c)), "{code}");
        assert_eq!(codec.encode(n(id)).unwrap(), code, "codec and free function agree for {id}");
        assert_eq!(decode_member_code(s(&code), options()).unwrap(), id);
        assert_eq!(codec.decode(s(&code)).unwrap(), id);
    }
    // -0 is the integer 0 to JavaScript.
    assert_eq!(codec.encode(n(-0.0)).unwrap(), codec.encode(n(0.0)).unwrap());
}

#[wasm_bindgen_test]
fn format_v1_vector_is_identical_in_wasm() {
    // The same table as `format_v1_is_frozen` in tests/member_codes.rs (native).
    let frozen = [
        (0.0, "ZS3FHF7V"),
        (1.0, "FV9ZXV89"),
        (1000.0, "Y56Q925A"),
        (1001.0, "9G4AMJH5"),
        (TWO_POW_53 - 1.0, "AZ1REJYCZ24F2"),
    ];
    let codec = MemberCodec::new(some(&secret(VECTOR_SECRET))).unwrap();
    for (id, code) in frozen {
        assert_eq!(encode_member_code(n(id), some(&secret(VECTOR_SECRET))).unwrap(), code, "id {id}");
        assert_eq!(codec.encode(n(id)).unwrap(), code, "id {id}");
        assert_eq!(codec.decode(s(code)).unwrap(), id, "{code}");
    }
    // Passing every option explicitly with its documented default changes nothing.
    let defaults = format!(r#"{{"secret":"{VECTOR_SECRET}","alphabet":"{CROCKFORD}","minLength":8}}"#);
    assert_eq!(encode_member_code(n(1000.0), some(&defaults)).unwrap(), "Y56Q925A");
    // An option set to `null` is absent, as if it were `undefined`.
    let nulls = format!(r#"{{"secret":"{VECTOR_SECRET}","alphabet":null,"minLength":null,"blocklist":null}}"#);
    assert_eq!(encode_member_code(n(1000.0), some(&nulls)).unwrap(), "Y56Q925A");
    // `undefined` and `null` options are the defaults (empty secret); `{}` is the same.
    let unset = encode_member_code(n(1000.0), None).unwrap();
    assert_eq!(encode_member_code(n(1000.0), some("null")).unwrap(), unset);
    assert_eq!(encode_member_code(n(1000.0), some("{}")).unwrap(), unset);
    assert_ne!(unset, "Y56Q925A", "the secret must change the code");
}

#[wasm_bindgen_test]
fn codec_lengths_follow_alphabet_and_min_length() {
    // Digits only, minLength 4: tiers of 10^k / 16 ids for k = 3, 4, …; 2^53-1 first fits
    // at k = 18 (10^17 / 16 < 2^53 <= 10^18 / 16), so the longest code has 19 characters.
    let options = || some(r#"{"alphabet":"0123456789","minLength":4,"blocklist":[]}"#);
    let codec = MemberCodec::new(options()).unwrap();
    assert_eq!((codec.min_length(), codec.max_length()), (4, 19));
    // The first tier holds the ids whose 16 spellings id * 16 + t all fit in 3 digits:
    // 0 to 61 (61 * 16 + 15 = 991, 62 * 16 + 15 = 1007).
    for (id, length) in [(0.0, 4), (61.0, 4), (62.0, 5), (TWO_POW_53 - 1.0, 19)] {
        let code = codec.encode(n(id)).unwrap();
        assert_eq!(code.len(), length, "id {id}: {code}");
        assert!(code.chars().all(|c| c.is_ascii_digit()), "{code}");
        assert_eq!(codec.decode(s(&code)).unwrap(), id);
        assert_eq!(decode_member_code(s(&code), options()).unwrap(), id);
    }
    // minLength only moves the lower end with Crockford: 12 payload characters still needed.
    let short = MemberCodec::new(some(r#"{"minLength":6}"#)).unwrap();
    assert_eq!((short.min_length(), short.max_length()), (6, 13));
    // Different secrets give different codes for the same id.
    let a = encode_member_code(n(42.0), some(&secret("brand-a"))).unwrap();
    let b = encode_member_code(n(42.0), some(&secret("brand-b"))).unwrap();
    assert_ne!(a, b);
}

/// The full-width form a Chinese input method types for ASCII `!`..`~`.
fn full_width(text: &str) -> String {
    text.chars()
        .map(|c| if ('!'..='~').contains(&c) { char::from_u32(c as u32 + 0xFEE0).unwrap() } else { c })
        .collect()
}

#[wasm_bindgen_test]
fn typed_input_is_normalised() {
    let codec = MemberCodec::new(some(&secret(VECTOR_SECRET))).unwrap();
    // Crockford: case ignored, hyphens ignored, O -> 0, I and L -> 1.
    assert_eq!(codec.normalize(s("k7m2-q9xd")).unwrap(), "K7M2Q9XD");
    assert_eq!(codec.normalize(s("oOiIlL")).unwrap(), "001111");
    assert_eq!(codec.normalize(s(" AB CD ")).unwrap(), "ABCD");
    assert_eq!(codec.normalize(s("ＫＡ７\u{3000}－ｍ")).unwrap(), "KA7M");
    assert_eq!(codec.normalize(s("")).unwrap(), "");
    // "AZ1REJYCZ24F2" is the code of 2^53-1; "ZS3FHF7V" that of 0.
    for typed in ["az1r-ejyc-z24f-2", "AZIR EJYC Z24F 2", "azlrejycz24f2", &full_width("AZ1R-EJYC-Z24F-2")] {
        assert_eq!(codec.decode(s(typed)).unwrap(), TWO_POW_53 - 1.0, "{typed}");
        assert_eq!(codec.normalize(s(typed)).unwrap(), "AZ1REJYCZ24F2", "{typed}");
    }
    assert_eq!(codec.decode(s("zs3f\u{3000}hf7v")).unwrap(), 0.0);
    // A case-sensitive alphabet keeps case.
    let cased = MemberCodec::new(some(r#"{"alphabet":"0123456789abcdefghijkABCDEFGHIJK","blocklist":[]}"#)).unwrap();
    assert_eq!(cased.normalize(s("aA")).unwrap(), "aA");
    expect_error(cased.normalize(s("aZ")), "CODE_BAD_CHARACTER", None);
    // Look-alikes still map where the letter is missing and the digit present.
    assert_eq!(cased.normalize(s("oO")).unwrap(), "00");
}

#[wasm_bindgen_test]
fn format_member_code_groups_for_display() {
    let format = |code: &str, options: Option<&str>| format_member_code(s(code), options.and_then(some)).unwrap();
    assert_eq!(format("K7M2Q9XD", None), "K7M2-Q9XD");
    assert_eq!(format("AZ1REJYCZ24F2", None), "AZ1R-EJYC-Z24F-2");
    assert_eq!(format("K7-M2 Q9XD", None), "K7M2-Q9XD", "existing separators are removed first");
    assert_eq!(format("K7M2Q9XD", Some(r#"{"groupSize":3,"separator":" "}"#)), "K7M 2Q9 XD");
    assert_eq!(format("K7M2Q9XD", Some(r#"{"groupSize":0}"#)), "K7M2Q9XD");
    assert_eq!(format("K7M2Q9XD", Some(r#"{"groupSize":8}"#)), "K7M2Q9XD");
    assert_eq!(format("K7M2Q9XD", Some(r#"{"separator":"·"}"#)), "K7M2·Q9XD");
    assert_eq!(format("", None), "");
    // A formatted code decodes to the same id.
    let codec = MemberCodec::new(some(&secret(VECTOR_SECRET))).unwrap();
    assert_eq!(codec.decode(s(&format("Y56Q925A", Some(r#"{"groupSize":2}"#)))).unwrap(), 1000.0);
}

#[wasm_bindgen_test]
fn default_blocklist_is_upper_case_and_codes_avoid_it() {
    let words = default_blocklist();
    for word in ["SB", "250", "FUCK", "NMSL", "TMD"] {
        assert!(words.iter().any(|w| w == word), "{word} missing");
    }
    for w in &words {
        assert!((2..=16).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()), "{w}");
    }
    // The documented default and an explicit copy of it give the same codes.
    let list = js_sys::Array::new();
    for w in &words {
        list.push(&s(w));
    }
    let explicit = js_sys::Object::new();
    js_sys::Reflect::set(&explicit, &s("blocklist"), &list).unwrap();
    let with_list = MemberCodec::new(Some(typed(explicit.into()))).unwrap();
    let default = MemberCodec::new(None).unwrap();
    for id in 0..300 {
        let code = default.encode(n(id as f64)).unwrap();
        assert_eq!(with_list.encode(n(id as f64)).unwrap(), code);
        for w in &words {
            assert!(!code.contains(w.as_str()), "code {code} of {id} contains {w}");
        }
    }
    // A custom list: no code of these ids spells AB or K7, and every code still decodes.
    let custom = MemberCodec::new(some(r#"{"blocklist":["AB","K7"]}"#)).unwrap();
    for id in 0..300 {
        let code = custom.encode(n(id as f64)).unwrap();
        assert!(!code.contains("AB") && !code.contains("K7"), "{code}");
        assert_eq!(custom.decode(s(&code)).unwrap(), id as f64);
    }
}
