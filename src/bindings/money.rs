//! Bindings of [`crate::money`]: splitting amounts and reading rates, for pages that show
//! amounts the way the server computes them.

use super::args::{self, describe, number_text};
use super::{throw, to_ts, JsResult};
use crate::error::{Error, ErrorKind, Result};
use crate::money::{self, Allocation, Money, Rate, Rounding, MAX_MINOR};
use serde::Serialize;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_MONEY: &str = r#"
/** How the units left over by rounding are placed: see `allocate`. */
export type AllocationMethod = "last" | "largestRemainder" | "largestWeight" | "first";
/** A rounding mode: `down` is toward zero, `up` away from zero, `halfUp` halves away from zero. */
export type RoundingMode = "down" | "up" | "floor" | "ceiling" | "halfUp" | "halfEven";
/** A rate: a fraction (`0.9`), or text (`"90%"`, `"9折"`, `"8.5折"`, `"5‰"`, `"0.9"`). */
export type RateInput = number | string;
"#;

/// An amount argument: a safe integer of minor units (fen).
pub(crate) fn amount(value: &JsValue, path: &str) -> Result<Money> {
    let n = value.as_f64().ok_or_else(|| {
        Error::new(
            ErrorKind::InvalidArgument,
            format!("{path} must be a number of minor units, not {}", describe(value)),
        )
        .at(path)
    })?;
    if n.fract() != 0.0 || !n.is_finite() || n.abs() > MAX_MINOR as f64 {
        return Err(Error::new(
            ErrorKind::AmountInvalid,
            format!("{path} is {}; amounts are whole minor units (fen) up to ±{MAX_MINOR}", number_text(n)),
        )
        .at(path));
    }
    Money::from_minor(n as i64).map_err(|e| e.at(path))
}

/// A rate argument: a number (a fraction) or a string in any notation [`Rate::parse`] reads.
pub(crate) fn rate(value: &JsValue, path: &str) -> Result<Rate> {
    // JavaScript's own shortest form of the number, so `0.1` is read as exactly 10%.
    let text = match (value.as_f64(), value.as_string()) {
        (Some(n), _) => number_text(n),
        (_, Some(s)) => s,
        _ => {
            return Err(Error::new(
                ErrorKind::InvalidArgument,
                format!("{path} must be a number or a string such as \"90%\", not {}", describe(value)),
            )
            .at(path))
        }
    };
    Rate::parse(&text).map_err(|e| e.at(path))
}

fn name_or<T: Copy>(value: &JsValue, path: &str, default: T, read: fn(&str) -> Result<T>) -> Result<T> {
    if value.is_undefined() || value.is_null() {
        return Ok(default);
    }
    read(&args::string(value, path)?).map_err(|e| e.at(path))
}

/// Splits `amount` (whole minor units) in proportion to `weights` (non-negative safe
/// integers, e.g. the lines' amounts); the parts always sum to `amount`. `method` says who
/// gets the units left by rounding each part toward zero: `"largestRemainder"` (default:
/// each part within one unit of its exact share), `"last"` (the last part takes the rest,
/// as CRMEB and yudao split coupons), `"largestWeight"`, `"first"` (as currency.js and
/// dinero.js v2). Ties go to the lower index. Throws `ALLOCATION_INVALID` (no weights, a
/// negative or fractional one, all zero, an unknown method) or `AMOUNT_INVALID`.
#[wasm_bindgen(js_name = allocate, unchecked_return_type = "number[]")]
pub fn allocate(
    #[wasm_bindgen(unchecked_param_type = "number")] amount: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number[]")] weights: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AllocationMethod")] method: Option<JsValue>,
) -> JsResult<JsValue> {
    throw((|| {
        let amount = self::amount(&amount, "amount")?;
        if !js_sys::Array::is_array(&weights) {
            return Err(Error::new(
                ErrorKind::InvalidArgument,
                format!("weights must be an array of numbers, not {}", describe(&weights)),
            )
            .at("weights"));
        }
        let array = js_sys::Array::from(&weights);
        if array.length() as usize > money::MAX_PARTS {
            return Err(Error::new(
                ErrorKind::AllocationInvalid,
                format!("{} weights given; at most {} are split in one call", array.length(), money::MAX_PARTS),
            )
            .at("weights"));
        }
        let weights = (0..array.length())
            .map(|i| {
                let path = format!("weights[{i}]");
                args::integer(&array.get(i), &path, 0, MAX_MINOR as u64, ErrorKind::AllocationInvalid).map(|w| w as i64)
            })
            .collect::<Result<Vec<i64>>>()?;
        let method = method.unwrap_or(JsValue::UNDEFINED);
        let method = name_or(&method, "method", Allocation::LargestRemainder, Allocation::from_name)?;
        // Errors about the weights as a whole (none, all zero) are located at them too.
        let parts =
            money::allocate(amount, &weights, method)
                .map_err(|e| if e.path().is_none() { e.at("weights") } else { e })?;
        // Safe integers: exact as JS numbers.
        Ok(parts.iter().map(|p| JsValue::from(p.minor() as f64)).collect::<js_sys::Array>().into())
    })())
}

/// A rate, read once: its exact value and how to show it.
#[derive(Tsify, Serialize)]
pub struct ParsedRate {
    /// Parts per million: 900000 for 90%.
    pub ppm: f64,
    /// As a percentage with the decimals it needs: `"90%"`, `"12.5%"`.
    pub percent: String,
}

/// Reads a rate as staff write it: `0.9`, `"90%"`, `"9折"` (90%), `"8.5折"`, `"85折"`,
/// `"5‰"`. Throws `RATE_INVALID` with the reason (negative, finer than a part per million,
/// an ambiguous `"10折"`, not a number).
#[wasm_bindgen(js_name = parseRate)]
pub fn parse_rate(#[wasm_bindgen(unchecked_param_type = "RateInput")] rate: JsValue) -> JsResult<Ts<ParsedRate>> {
    let r = throw(self::rate(&rate, "rate"))?;
    to_ts(ParsedRate { ppm: r.ppm() as f64, percent: r.to_percent_string() })
}

/// `amount × rate` in whole minor units, rounded with `rounding` (default `"halfUp"`):
/// `applyRate(29900, "5%", "down")` is 1495. Throws `AMOUNT_INVALID`, `RATE_INVALID`, or
/// `AMOUNT_OVERFLOW` when the result leaves the safe integers.
#[wasm_bindgen(js_name = applyRate)]
pub fn apply_rate(
    #[wasm_bindgen(unchecked_param_type = "number")] amount: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RateInput")] rate: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "RoundingMode")] rounding: Option<JsValue>,
) -> JsResult<f64> {
    throw((|| {
        let amount = self::amount(&amount, "amount")?;
        let rate = self::rate(&rate, "rate")?;
        let rounding = rounding.unwrap_or(JsValue::UNDEFINED);
        let rounding = name_or(&rounding, "rounding", Rounding::HalfUp, Rounding::from_name)?;
        Ok(amount.mul_rate(rate, rounding)?.minor() as f64)
    })())
}
