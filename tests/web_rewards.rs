//! `previewRewards` in the browser: the same vector file as the native tests, so the page
//! and the server agree to the fen; errors keep the instance working.
#![cfg(all(target_arch = "wasm32", feature = "rewards"))]

mod web_support;

use share_earn::bindings::rewards::preview_rewards;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_support::*;

wasm_bindgen_test_configure!(run_in_browser);

const VECTORS: &str = include_str!("vectors/rewards.json");

fn at(v: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(v.clone(), |v, k| if v.is_null() || v.is_undefined() { JsValue::NULL } else { get(&v, k) })
}

fn numbers(v: &JsValue) -> Vec<f64> {
    js_sys::Array::from(v).iter().map(|x| x.as_f64().expect("a number")).collect()
}

/// The preview's value for an expectation key of the vector file, as JSON text.
fn actual(p: &JsValue, key: &str) -> String {
    let lines = |field: &str| -> String {
        let list: Vec<f64> =
            js_sys::Array::from(&at(p, &["buyer", "lines"])).iter().map(|l| get(&l, field).as_f64().unwrap()).collect();
        json_text(&JsValue::from(list.iter().map(|n| JsValue::from(*n)).collect::<js_sys::Array>()))
    };
    let v = match key {
        "lines.coupon" => return lines("coupon"),
        "lines.points" => return lines("points"),
        "lines.shipping" => return lines("shipping"),
        "lines.paid" => return lines("paid"),
        "payable" => at(p, &["buyer", "payable"]),
        "pointsUsed" => at(p, &["buyer", "pointsUsed"]),
        "pointsDeduction" => at(p, &["buyer", "pointsDeduction"]),
        "commission" => at(p, &["sharer", "lines"]),
        "levels" => at(p, &["sharer", "levels"]),
        "earnUpTo" => at(p, &["sharer", "earnUpTo"]),
        "points" => at(p, &["buyer", "pointsEarned"]),
        "growth" => at(p, &["buyer", "growth"]),
        "tier" => at(p, &["buyer", "tier", "tier"]),
        "next" => at(p, &["buyer", "tier", "next"]),
        "remaining" => at(p, &["buyer", "tier", "remaining"]),
        "settlesOn" => at(p, &["sharer", "settlesOn"]),
        "inviteNext" => {
            let i = get(p, "invites");
            let list: js_sys::Array =
                [get(&i, "nextStep"), get(&i, "remaining"), get(&i, "nextBonus")].into_iter().collect();
            list.into()
        }
        "leftToday" => at(p, &["invites", "leftToday"]),
        other => panic!("unknown expectation {other}"),
    };
    json_text(&v)
}

fn json_text(v: &JsValue) -> String {
    if v.is_undefined() {
        return "null".into();
    }
    js_sys::JSON::stringify(v).unwrap().as_string().unwrap()
}

fn check(name: &str, rules: &JsValue, cart: &JsValue, context: &JsValue, expect: &JsValue) {
    let result = preview_rewards(rules.clone(), cart.clone(), Some(context.clone())).map(JsValue::from);
    let error = get(expect, "error");
    if let Some(code) = error.as_string() {
        let path = get(expect, "path").as_string();
        expect_error(result, &code, path.as_deref());
        assert_still_works();
        return;
    }
    let p = result.unwrap_or_else(|e| panic!("{name}: {}", message_of(&e)));
    for key in js_sys::Object::keys(&expect.clone().into()).iter() {
        let key = key.as_string().unwrap();
        let want = json_text(&get(expect, &key));
        assert_eq!(actual(&p, &key), want, "{name}: {key}");
    }
}

#[wasm_bindgen_test]
fn the_vector_file_holds_in_the_browser() {
    let file = js_sys::JSON::parse(VECTORS).unwrap();
    let cases = js_sys::Array::from(&get(&file, "cases"));
    let mut checked = 0;
    for case in cases.iter() {
        let name = get(&case, "name").as_string().unwrap();
        let (rules, cart, context) = (get(&case, "rules"), get(&case, "cart"), get(&case, "context"));
        check(&name, &rules, &cart, &context, &get(&case, "expect"));
        checked += 1;
        let also = get(&case, "also");
        if !also.is_undefined() {
            for more in js_sys::Array::from(&also).iter() {
                let pick = |k: &str, base: &JsValue| {
                    let v = get(&more, k);
                    if v.is_undefined() {
                        base.clone()
                    } else {
                        v
                    }
                };
                check(
                    &name,
                    &pick("rules", &rules),
                    &pick("cart", &cart),
                    &pick("context", &context),
                    &get(&more, "expect"),
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 25);
}

#[wasm_bindgen_test]
fn rules_may_be_json_text_and_explanations_come_in_both_languages() {
    let rules = s(r#"{"version":1,"commission":{"levels":["10%"]},"points":{"earnPerYuan":1}}"#);
    let cart = s(r#"{"lines":[{"price":29900,"quantity":1}],"coupon":2000}"#);
    let p: JsValue = preview_rewards(rules, cart, Some(json(r#"{"sharers":[{}]}"#))).unwrap().into();
    // 10% of 279.00 paid = 27.90.
    assert_eq!(numbers(&at(&p, &["sharer", "levels"])), [2790.0]);
    let lines = js_sys::Array::from(&get(&p, "explain"));
    let first = lines.get(0);
    assert_eq!(get(&first, "key").as_string().as_deref(), Some("sharer.earn"));
    assert_eq!(get(&first, "zh").as_string().as_deref(), Some("分享赚 ¥27.90"));
    assert_eq!(get(&first, "en").as_string().as_deref(), Some("Share to earn ¥27.90"));
    assert_eq!(at(&first, &["params", "amount"]).as_string().as_deref(), Some("27.90"));
    expect_error(preview_rewards(s("{"), json("{}"), None).map(JsValue::from), "REWARD_RULES_INVALID", Some("rules"));
    expect_error(
        preview_rewards(JsValue::TRUE, json("{}"), Some(JsValue::NULL)).map(JsValue::from),
        "REWARD_RULES_INVALID",
        Some("rules"),
    );
    assert_still_works();
}
