//! Attribution decisions through the JS bindings: the three models, touch shapes, clock limits, every input error.
#![cfg(target_arch = "wasm32")]

mod web_support;

use share_earn::bindings::links::{decide_attribution, parse_scene, parse_share_link};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_support::*;

wasm_bindgen_test_configure!(run_in_browser);

/// 2023-11-14T22:13:20Z, in ms.
const NOW: f64 = 1_700_000_000_000.0;
const DAY: f64 = 86_400_000.0;

/// `decideAttribution` with the existing record, the incoming touch and the policy as JSON.
fn decide(existing: &str, incoming: &str, now: f64, policy: &str) -> JsValue {
    decide_attribution(json(existing), json(incoming), n(now), ts(policy))
        .unwrap_or_else(|e| panic!("decideAttribution({existing}, {incoming}, {now}, {policy}): {e:?}"))
        .into()
}

/// Checks action and reason, and returns the record as JSON text. With no record in force
/// the decision holds `record: null`: the key is there and its value is exactly `null`,
/// never `undefined` (the declared type is `AttributionRecord | null`).
fn decision(d: &JsValue, action: &str, reason: &str) -> String {
    assert_eq!(keys(d), ["action", "reason", "record"]);
    assert!(js_sys::Reflect::has(d, &"record".into()).unwrap(), "no record key");
    assert_eq!((get_str(d, "action").unwrap(), get_str(d, "reason").unwrap()), (action.into(), reason.into()));
    let record = js_sys::Reflect::get(d, &"record".into()).unwrap();
    assert!(!record.is_undefined(), "record is undefined, not null");
    if record == JsValue::NULL {
        return "null".into();
    }
    assert!(record.is_object(), "record is {record:?}");
    String::from(js_sys::JSON::stringify(&record).unwrap())
}

const A: &str = r#"{"code":"Y56Q925A","campaign":"d11","channel":"poster"}"#;
const B: &str = r#"{"code":"FV9ZXV89"}"#;

#[wasm_bindgen_test]
fn first_touch_keeps_the_first_referrer_for_good() {
    let policy = r#"{"model":"firstTouch"}"#;
    let first = decide("null", A, NOW, policy);
    let record = decision(&first, "store", "newReferral");
    assert_json(
        &json(&record),
        r#"{"code":"Y56Q925A","campaign":"d11","channel":"poster","attributedAtMs":1700000000000}"#,
    );
    // A hundred days later another referrer changes nothing.
    let later = decide(&record, B, NOW + 100.0 * DAY, policy);
    assert_json(&json(&decision(&later, "keep", "keptFirstTouch")), &record);
    // No referral: keep what is there.
    assert_json(&json(&decision(&decide(&record, "null", NOW + DAY, policy), "keep", "noReferral")), &record);
    assert_eq!(decision(&decide("null", "null", NOW, policy), "keep", "noReferral"), "null");
    assert_eq!(decision(&decide("null", r#"{"code":"  "}"#, NOW, policy), "keep", "noReferral"), "null");
}

#[wasm_bindgen_test]
fn window_holds_for_its_days_and_then_yields() {
    let policy = r#"{"model":"window","windowDays":7}"#;
    let record = decision(&decide("null", A, NOW, policy), "store", "newReferral");
    // Expiry by hand: 1,700,000,000,000 + 7 x 86,400,000 = 1,700,604,800,000.
    assert_json(
        &json(&record),
        r#"{"code":"Y56Q925A","campaign":"d11","channel":"poster",
            "attributedAtMs":1700000000000,"expiresAtMs":1700604800000}"#,
    );
    // Within the window another referrer is refused, and the same one (typed differently)
    // does not extend it.
    assert_json(&json(&decision(&decide(&record, B, NOW + 3.0 * DAY, policy), "keep", "keptWithinWindow")), &record);
    let same = decide(&record, r#"{"code":"y56q-925a"}"#, NOW + 6.0 * DAY, policy);
    assert_json(&json(&decision(&same, "keep", "sameReferrer")), &record);
    // One millisecond before expiry it still holds; at expiry it has lapsed.
    decision(&decide(&record, B, 1_700_604_799_999.0, policy), "keep", "keptWithinWindow");
    let replaced = decision(&decide(&record, B, 1_700_604_800_000.0, policy), "store", "replacedExpired");
    // 1,700,604,800,000 + 7 days = 1,701,209,600,000.
    assert_json(&json(&replaced), r#"{"code":"FV9ZXV89","attributedAtMs":1700604800000,"expiresAtMs":1701209600000}"#);
    assert_eq!(decision(&decide(&record, "null", 1_700_604_800_000.0, policy), "clear", "windowExpired"), "null");
}

#[wasm_bindgen_test]
fn last_touch_always_takes_the_newest_referral() {
    let policy = r#"{"model":"lastTouch"}"#;
    let record = decision(&decide("null", A, NOW, policy), "store", "newReferral");
    let replaced = decision(&decide(&record, B, NOW + DAY, policy), "store", "lastTouch");
    assert_json(&json(&replaced), r#"{"code":"FV9ZXV89","attributedAtMs":1700086400000}"#);
    // The same referrer refreshes the record (new time, new campaign).
    let refreshed = decide(&record, r#"{"code":"Y56Q-925A","campaign":"d12"}"#, NOW + 2.0 * DAY, policy);
    assert_json(
        &json(&decision(&refreshed, "store", "sameReferrer")),
        r#"{"code":"Y56Q-925A","campaign":"d12","attributedAtMs":1700172800000}"#,
    );
    // With windowDays it also lapses: 30 x 86,400,000 = 2,592,000,000.
    let with_window = r#"{"model":"lastTouch","windowDays":30}"#;
    let record = decision(&decide("null", B, NOW, with_window), "store", "newReferral");
    assert_json(&json(&record), r#"{"code":"FV9ZXV89","attributedAtMs":1700000000000,"expiresAtMs":1702592000000}"#);
    assert_eq!(decision(&decide(&record, "null", 1_702_592_000_000.0, with_window), "clear", "windowExpired"), "null");
}

#[wasm_bindgen_test]
fn own_links_and_other_touch_shapes() {
    // The visitor's own code (any case, hyphens) is not a referral.
    let policy = r#"{"model":"firstTouch","selfCode":"FV9ZXV89"}"#;
    assert_eq!(decision(&decide("null", r#"{"code":"fv9z-xv89"}"#, NOW, policy), "keep", "selfReferral"), "null");
    let record = decision(&decide("null", A, NOW, policy), "store", "newReferral");
    assert_json(&json(&decision(&decide(&record, B, NOW, policy), "keep", "selfReferral")), &record);
    // Parsed share links and scenes are touches as they are (utm and extra are ignored).
    let link: JsValue =
        parse_share_link(s("https://a.example/?ref=Y56Q925A&campaign=d11&utm_source=wechat"), None).unwrap().into();
    let from_link: JsValue =
        decide_attribution(JsValue::NULL, link, n(NOW), ts(r#"{"model":"lastTouch"}"#)).unwrap().into();
    assert_json(
        &json(&decision(&from_link, "store", "newReferral")),
        r#"{"code":"Y56Q925A","campaign":"d11","attributedAtMs":1700000000000}"#,
    );
    let scene: JsValue = parse_scene(s("r=Y56Q925A&h=pst&sku=42")).unwrap().into();
    let from_scene: JsValue =
        decide_attribution(JsValue::UNDEFINED, scene, n(NOW), ts(r#"{"model":"lastTouch"}"#)).unwrap().into();
    assert_json(
        &json(&decision(&from_scene, "store", "newReferral")),
        r#"{"code":"Y56Q925A","channel":"pst","attributedAtMs":1700000000000}"#,
    );
    // A stored record with fields from a later version is still read.
    let stored = r#"{"code":"Y56Q925A","attributedAtMs":1700000000000,"v":2}"#;
    decision(&decide(stored, B, NOW, r#"{"model":"firstTouch"}"#), "keep", "keptFirstTouch");
}

#[wasm_bindgen_test]
fn no_record_in_force_is_null_not_undefined() {
    let window = r#"{"model":"window","windowDays":7}"#;
    let expired = r#"{"code":"Y56Q925A","attributedAtMs":1,"expiresAtMs":2}"#;
    let without_record = [
        decide("null", "null", NOW, window),
        decide("null", r#"{"code":""}"#, NOW, r#"{"model":"lastTouch"}"#),
        decide(expired, "null", NOW, window),
        decide("null", B, NOW, r#"{"model":"firstTouch","selfCode":"fv9z-xv89"}"#),
    ];
    for d in &without_record {
        assert!(js_sys::Reflect::has(d, &"record".into()).unwrap());
        assert_eq!(js_sys::Reflect::get(d, &"record".into()).unwrap(), JsValue::NULL);
        // JSON keeps a null and drops an undefined: an independent check of the same thing.
        let text = String::from(js_sys::JSON::stringify(d).unwrap());
        assert!(text.ends_with(r#","record":null}"#), "{text}");
    }
    let reasons: Vec<String> = without_record.iter().map(|d| get_str(d, "reason").unwrap()).collect();
    assert_eq!(reasons, ["noReferral", "noReferral", "windowExpired", "selfReferral"]);
    assert_eq!(get_str(&without_record[2], "action").as_deref(), Some("clear"));
}

#[wasm_bindgen_test]
fn expiry_is_clamped_to_the_last_date_javascript_has() {
    // 8.64e15 ms is the latest Date; half a day before it, a one-day window ends there.
    let now = 8_640_000_000_000_000.0 - DAY / 2.0;
    let record = decision(&decide("null", B, now, r#"{"model":"window","windowDays":1}"#), "store", "newReferral");
    assert_json(
        &json(&record),
        r#"{"code":"FV9ZXV89","attributedAtMs":8639999956800000,"expiresAtMs":8640000000000000}"#,
    );
    decision(&decide("null", B, 8_640_000_000_000_000.0, r#"{"model":"lastTouch"}"#), "store", "newReferral");
}

#[wasm_bindgen_test]
fn unusable_attribution_inputs_are_attribution_invalid() {
    let first = r#"{"model":"firstTouch"}"#;
    let window = r#"{"model":"window","windowDays":7}"#;
    let record = r#"{"code":"Y56Q925A","attributedAtMs":1700000000000}"#;
    let cases: Vec<(&str, JsValue, &str, &str)> = vec![
        ("null", n(-1.0), first, "nowMs"),
        ("null", n(1.5), first, "nowMs"),
        ("null", n(f64::NAN), first, "nowMs"),
        ("null", n(f64::INFINITY), first, "nowMs"),
        ("null", n(8_640_000_000_000_001.0), first, "nowMs"),
        ("null", n(f64::NEG_INFINITY), first, "nowMs"),
        ("null", n(TWO_POW_53), first, "nowMs"),
        ("null", n(NOW), r#"{"model":"bogus"}"#, "policy.model"),
        ("null", n(NOW), r#"{"model":"FirstTouch"}"#, "policy.model"),
        ("null", n(NOW), r#"{"model":"window"}"#, "policy.windowDays"),
        ("null", n(NOW), r#"{"model":"firstTouch","windowDays":7}"#, "policy.windowDays"),
        ("null", n(NOW), r#"{"model":"window","windowDays":0}"#, "policy.windowDays"),
        ("null", n(NOW), r#"{"model":"window","windowDays":3651}"#, "policy.windowDays"),
        ("null", n(NOW), r#"{"model":"lastTouch","windowDays":1.5}"#, "policy.windowDays"),
        // `null` is absent, and the window model needs windowDays.
        ("null", n(NOW), r#"{"model":"window","windowDays":null}"#, "policy.windowDays"),
        ("null", n(NOW), r#"{"model":"window","windowDays":-7}"#, "policy.windowDays"),
        ("null", n(NOW), r#"{"model":"window","windowDays":1e300}"#, "policy.windowDays"),
        (r#"{"code":"Y56Q925A"}"#, n(NOW), first, "existing.attributedAtMs"),
        (r#"{"code":"Y56Q925A","attributedAtMs":-5}"#, n(NOW), first, "existing.attributedAtMs"),
        (r#"{"code":"Y56Q925A","attributedAtMs":null}"#, n(NOW), first, "existing.attributedAtMs"),
        (r#"{"code":"Y56Q925A","attributedAtMs":0.5}"#, n(NOW), first, "existing.attributedAtMs"),
        (r#"{"code":"Y56Q925A","attributedAtMs":8640000000000001}"#, n(NOW), first, "existing.attributedAtMs"),
        (r#"{"attributedAtMs":1700000000000}"#, n(NOW), first, "existing.code"),
        (r#"{"code":" ","attributedAtMs":1700000000000}"#, n(NOW), first, "existing.code"),
        (r#"{"code":"A","attributedAtMs":10,"expiresAtMs":5}"#, n(NOW), window, "existing.expiresAtMs"),
        (r#"{"code":"A","attributedAtMs":10,"expiresAtMs":1.5}"#, n(NOW), window, "existing.expiresAtMs"),
        (r#"{"code":"A","attributedAtMs":10,"expiresAtMs":-1}"#, n(NOW), window, "existing.expiresAtMs"),
        (record, n(-1.0), window, "nowMs"),
    ];
    for (existing, now, policy, path) in cases {
        expect_error(decide_attribution(json(existing), json(B), now, ts(policy)), "ATTRIBUTION_INVALID", Some(path));
        assert_still_works();
        decision(&decide(record, B, NOW, window), "keep", "keptWithinWindow");
    }
}

#[wasm_bindgen_test]
fn wrong_types_in_attribution_arguments_are_invalid_argument() {
    let policy = r#"{"model":"firstTouch"}"#;
    let record = r#"{"code":"Y56Q925A","attributedAtMs":1700000000000}"#;
    let cases = [
        (decide_attribution(s("Y56Q925A"), JsValue::NULL, n(NOW), ts(policy)), "existing"),
        (decide_attribution(json("[]"), JsValue::NULL, n(NOW), ts(policy)), "existing"),
        (
            decide_attribution(json(r#"{"code":5,"attributedAtMs":1}"#), JsValue::NULL, n(NOW), ts(policy)),
            "existing.code",
        ),
        (
            decide_attribution(
                json(r#"{"code":"A","attributedAtMs":1,"campaign":5}"#),
                JsValue::NULL,
                n(NOW),
                ts(policy),
            ),
            "existing.campaign",
        ),
        (decide_attribution(json(record), n(5.0), n(NOW), ts(policy)), "incoming"),
        (decide_attribution(json(record), s("https://a.example/?ref=X"), n(NOW), ts(policy)), "incoming"),
        (decide_attribution(json(record), json(r#"{"code":5}"#), n(NOW), ts(policy)), "incoming.code"),
        (
            decide_attribution(json(record), json(r#"{"code":"X","channel":[]}"#), n(NOW), ts(policy)),
            "incoming.channel",
        ),
        // nowMs is a required number: a string, a Date, `null` or `undefined` is a wrong type.
        (decide_attribution(json(record), JsValue::NULL, s("2023-11-14"), ts(policy)), "nowMs"),
        (decide_attribution(json(record), JsValue::NULL, s("1700000000000"), ts(policy)), "nowMs"),
        (decide_attribution(json(record), JsValue::NULL, JsValue::NULL, ts(policy)), "nowMs"),
        (decide_attribution(json(record), JsValue::NULL, JsValue::UNDEFINED, ts(policy)), "nowMs"),
        (decide_attribution(json(record), JsValue::NULL, js_sys::Date::new_0().into(), ts(policy)), "nowMs"),
        (decide_attribution(json(record), JsValue::NULL, n(NOW), typed(JsValue::NULL)), "policy"),
        (decide_attribution(json(record), JsValue::NULL, n(NOW), ts(r#""firstTouch""#)), "policy"),
        (decide_attribution(json(record), JsValue::NULL, n(NOW), ts("{}")), "policy.model"),
        (decide_attribution(json(record), JsValue::NULL, n(NOW), ts(r#"{"model":1}"#)), "policy.model"),
        (
            decide_attribution(json(record), JsValue::NULL, n(NOW), ts(r#"{"model":"lastTouch","selfCode":5}"#)),
            "policy.selfCode",
        ),
        (
            decide_attribution(json(record), JsValue::NULL, n(NOW), ts(r#"{"model":"window","windowdays":7}"#)),
            "policy.windowdays",
        ),
        (
            decide_attribution(json(record), JsValue::NULL, n(NOW), ts(r#"{"model":"window","windowDays":"7"}"#)),
            "policy.windowDays",
        ),
        (
            decide_attribution(json(r#"{"code":"A","attributedAtMs":"x"}"#), JsValue::NULL, n(NOW), ts(policy)),
            "existing.attributedAtMs",
        ),
        (
            decide_attribution(json(r#"{"code":"A","attributedAtMs":"1"}"#), JsValue::NULL, n(NOW), ts(policy)),
            "existing.attributedAtMs",
        ),
        (
            decide_attribution(
                json(r#"{"code":"A","attributedAtMs":1,"expiresAtMs":"2"}"#),
                JsValue::NULL,
                n(NOW),
                ts(policy),
            ),
            "existing.expiresAtMs",
        ),
    ];
    for (result, path) in cases {
        expect_error(result, "INVALID_ARGUMENT", Some(path));
        assert_still_works();
        decision(&decide(record, B, NOW, policy), "keep", "keptFirstTouch");
    }
}

#[wasm_bindgen_test]
fn attribution_numbers_of_the_wrong_type_are_invalid_argument_and_bad_numbers_attribution_invalid() {
    const RECORD: &str = r#"{"code":"Y56Q925A","attributedAtMs":1700000000000}"#;
    const FIRST: &str = r#"{"model":"firstTouch"}"#;
    const WINDOW: &str = r#"{"model":"window","windowDays":7}"#;
    // decideAttribution with `value` as the number at `path`, or with that key left out (a
    // positional argument left out is `undefined`).
    let at = |path: &str, value: Option<&JsValue>| -> Result<JsValue, JsValue> {
        let set = |base: &str, key: &str| value.map_or_else(|| json(base), |v| with(base, key, v));
        let result = match path {
            "nowMs" => decide_attribution(json(RECORD), json(B), value.cloned().unwrap_or_default(), ts(FIRST)),
            "policy.windowDays" => {
                decide_attribution(JsValue::NULL, json(B), n(NOW), typed(set(r#"{"model":"lastTouch"}"#, "windowDays")))
            }
            "existing.attributedAtMs" => {
                decide_attribution(set(r#"{"code":"Y56Q925A"}"#, "attributedAtMs"), json(B), n(NOW), ts(FIRST))
            }
            "existing.expiresAtMs" => decide_attribution(set(RECORD, "expiresAtMs"), json(B), n(NOW), ts(WINDOW)),
            _ => unreachable!("{path}"),
        };
        result.map(JsValue::from)
    };
    for path in ["nowMs", "policy.windowDays", "existing.attributedAtMs", "existing.expiresAtMs"] {
        for (value, shown) in not_numbers() {
            expect_error_saying(at(path, Some(&value)), "INVALID_ARGUMENT", Some(path), shown);
            assert_still_works();
        }
        // Numbers are the right type: negative, fractional, NaN, infinite or too large is
        // ATTRIBUTION_INVALID.
        for value in bad_numbers() {
            expect_error(at(path, Some(&n(value))), "ATTRIBUTION_INVALID", Some(path));
            assert_still_works();
        }
        // `null` and `undefined` in a record or policy are absent, exactly like a missing key;
        // nowMs is a required argument, for which they are wrong types.
        for value in [JsValue::NULL, JsValue::UNDEFINED] {
            match (at(path, Some(&value)), at(path, None)) {
                (Ok(given), Ok(missing)) => assert_eq!(canonical(&given), canonical(&missing), "{path} = {value:?}"),
                (Err(given), Err(missing)) if path == "existing.attributedAtMs" => {
                    expect_error(Err::<JsValue, _>(given), "ATTRIBUTION_INVALID", Some(path));
                    expect_error(Err::<JsValue, _>(missing), "ATTRIBUTION_INVALID", Some(path));
                }
                (given, _) if path == "nowMs" => {
                    expect_error(given, "INVALID_ARGUMENT", Some(path));
                }
                (given, missing) => panic!("{path} = {value:?}: {given:?}, but without the key {missing:?}"),
            }
        }
    }
}
