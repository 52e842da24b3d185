//! Binding of [`crate::rewards`]: `previewRewards`.

use super::{json_value, throw, JsResult};
use crate::error::ErrorKind;
use crate::rewards::{self, output::RewardPreview, Cart, Context, Rules};
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// Previews an order's rewards: what the sharer (and the levels above) earn, what the buyer
/// pays, saves and earns, tier and invite progress, and lines to show. Amounts are fen.
/// `rules`, `cart` and `context` are JSON strings or plain objects (see the README's
/// "Reward previews"). Throws `REWARD_RULES_INVALID` (path under `rules.`),
/// `REWARD_CART_INVALID` (under `cart.` or `context.`) or `AMOUNT_OVERFLOW`.
#[wasm_bindgen(js_name = previewRewards)]
pub fn preview_rewards(
    #[wasm_bindgen(unchecked_param_type = "RewardRules | string")] rules: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RewardCart | string")] cart: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "RewardContext | string | null")] context: Option<JsValue>,
) -> JsResult<Ts<RewardPreview>> {
    let (rules, preview) = throw((|| {
        let rules = Rules::from_value(&json_value(&rules, "rules", ErrorKind::RewardRulesInvalid)?)?;
        let cart = Cart::from_value(&json_value(&cart, "cart", ErrorKind::RewardCartInvalid)?)?;
        let context = context.unwrap_or(JsValue::NULL);
        let context = if context.is_undefined() || context.is_null() {
            Context::default()
        } else {
            Context::from_value(&json_value(&context, "context", ErrorKind::RewardCartInvalid)?)?
        };
        let preview = rewards::preview(&rules, &cart, &context)?;
        Ok((rules, preview))
    })())?;
    // One JSON text and one `JSON.parse`: setting the result's values one at a time from
    // wasm cost a boundary call each.
    let text = RewardPreview::new(&rules, &preview).to_json();
    let value = js_sys::JSON::parse(&text).map_err(|e| JsValue::from(js_sys::Error::new(&format!("{e:?}"))))?;
    Ok(Ts::new_unchecked(value))
}
