//! The money functions in the browser: allocation, rates, rounding, and their errors.
#![cfg(all(target_arch = "wasm32", feature = "rewards"))]

mod web_support;

use share_earn::bindings::money::{allocate, apply_rate, parse_rate};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_support::*;

wasm_bindgen_test_configure!(run_in_browser);

fn parts(result: Result<JsValue, JsValue>) -> Vec<f64> {
    let array = js_sys::Array::from(&result.unwrap_or_else(|e| panic!("{}", message_of(&e))));
    array.iter().map(|v| v.as_f64().expect("a number")).collect()
}

/// The same hand-derived vectors as the native tests: floors of the exact shares, then
/// each method's rule for the units left.
#[wasm_bindgen_test]
fn allocate_places_leftover_units_by_method() {
    let call =
        |amount: f64, weights: &str, method: Option<&str>| parts(allocate(n(amount), json(weights), method.map(s)));
    assert_eq!(call(5.0, "[1,2,3]", Some("last")), [0.0, 1.0, 4.0]);
    assert_eq!(call(5.0, "[1,2,3]", Some("largestRemainder")), [1.0, 2.0, 2.0]);
    assert_eq!(call(5.0, "[1,2,3]", Some("largestWeight")), [0.0, 2.0, 3.0]);
    assert_eq!(call(5.0, "[1,2,3]", Some("first")), [1.0, 2.0, 2.0]);
    // The default is the largest remainder; negative amounts mirror positive ones.
    assert_eq!(call(100.0, "[1,1,1]", None), [34.0, 33.0, 33.0]);
    assert_eq!(call(-100.0, "[1,1,1]", None), [-34.0, -33.0, -33.0]);
    // Safe integers come back exact.
    let max = TWO_POW_53 - 1.0;
    assert_eq!(call(max, "[1,1]", Some("first")).iter().sum::<f64>(), max);
}

#[wasm_bindgen_test]
fn allocate_refuses_what_it_cannot_split() {
    let cases: [(JsValue, JsValue, JsValue, &str, &str); 8] = [
        (n(1.5), json("[1]"), JsValue::UNDEFINED, "AMOUNT_INVALID", "amount"),
        (n(TWO_POW_53), json("[1]"), JsValue::UNDEFINED, "AMOUNT_INVALID", "amount"),
        (s("100"), json("[1]"), JsValue::UNDEFINED, "INVALID_ARGUMENT", "amount"),
        (n(100.0), json("[]"), JsValue::UNDEFINED, "ALLOCATION_INVALID", "weights"),
        (n(100.0), json("[0,0]"), JsValue::UNDEFINED, "ALLOCATION_INVALID", "weights"),
        (n(100.0), json(r#"[1,"2"]"#), JsValue::UNDEFINED, "INVALID_ARGUMENT", "weights[1]"),
        (n(100.0), json(r#"{"0":1}"#), JsValue::UNDEFINED, "INVALID_ARGUMENT", "weights"),
        (n(100.0), json("[1]"), s("hamilton"), "ALLOCATION_INVALID", "method"),
    ];
    for (amount, weights, method, code, path) in cases {
        expect_error(allocate(amount, weights, Some(method)), code, Some(path));
        assert_still_works();
    }
}

#[wasm_bindgen_test]
fn rates_are_read_in_every_notation() {
    for (input, ppm, percent) in [
        (s("90%"), 900_000.0, "90%"),
        (s("9折"), 900_000.0, "90%"),
        (s("8.5折"), 850_000.0, "85%"),
        (s("5‰"), 5_000.0, "0.5%"),
        (n(0.1), 100_000.0, "10%"),
        (n(0.07), 70_000.0, "7%"),
        (n(1.5), 1_500_000.0, "150%"),
    ] {
        let r = JsValue::from(parse_rate(input).unwrap_or_else(|e| panic!("{}", message_of(&e))));
        assert_eq!(get(&r, "ppm").as_f64(), Some(ppm));
        assert_eq!(get(&r, "percent").as_string().as_deref(), Some(percent));
    }
    for bad in [s("10折"), s("-5%"), s("abc"), n(-0.5), n(1e-7), n(f64::NAN)] {
        expect_error(parse_rate(bad).map(JsValue::from), "RATE_INVALID", Some("rate"));
        assert_still_works();
    }
    expect_error(parse_rate(JsValue::TRUE).map(JsValue::from), "INVALID_ARGUMENT", Some("rate"));
}

#[wasm_bindgen_test]
fn apply_rate_rounds_as_asked() {
    // ¥299.00 at 3.3% is 986.7 fen.
    let at = |rounding: Option<&str>| apply_rate(n(29900.0), s("3.3%"), rounding.map(s)).unwrap();
    assert_eq!([at(Some("down")), at(Some("up")), at(None), at(Some("halfEven"))], [986.0, 987.0, 987.0, 987.0]);
    assert_eq!(apply_rate(n(-29900.0), s("3.3%"), Some(s("floor"))).unwrap(), -987.0);
    expect_error(
        apply_rate(n(100.0), s("5%"), Some(s("bankers"))).map(JsValue::from),
        "INVALID_ARGUMENT",
        Some("rounding"),
    );
    expect_error(apply_rate(n(TWO_POW_53 - 1.0), s("2"), None).map(JsValue::from), "AMOUNT_OVERFLOW", None);
    assert_still_works();
}
