//! The JavaScript boundary, and the only module with `#[wasm_bindgen]`.
//!
//! Each exported function checks its arguments, calls one function of the core and
//! converts the result. Arguments arrive as `JsValue` and are checked here ([`args`])
//! rather than by wasm-bindgen's own conversions, so that a wrong type (a number where a
//! string belongs, an unknown option) becomes a `ShareEarnError` with code
//! `INVALID_ARGUMENT` and the path of the value, never a bare `TypeError` or a trap that
//! would kill the instance. TypeScript sees precise types: `unchecked_param_type` for
//! scalars, `Ts<T>` with `tsify`-generated declarations for option and result objects.

mod args;
pub mod codes;
pub mod inputs;
pub mod links;
#[cfg(feature = "rewards")]
pub mod money;
#[cfg(feature = "poster")]
pub mod poster;
#[cfg(feature = "poster")]
mod poster_types;
#[cfg(feature = "qr")]
pub mod qr;
#[cfg(feature = "qr")]
pub mod qr_options;
#[cfg(feature = "rewards")]
pub mod rewards;

use crate::error::Error;
use serde::Serialize;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// TypeScript declarations of the errors every function throws. `ErrorCode` lists the
/// codes of [`crate::ErrorKind`]; a browser test checks that it lists every one.
pub const TS_ERRORS: &str = r#"
/** Stable error codes; see the README for what each means. */
export type ErrorCode =
  | "INVALID_ARGUMENT"
  | "CODE_INVALID_ID"
  | "CODE_INVALID_OPTIONS"
  | "CODE_BAD_LENGTH"
  | "CODE_BAD_CHARACTER"
  | "CODE_BAD_CHECKSUM"
  | "CODE_NOT_CANONICAL"
  | "CODE_BLOCKLIST_EXHAUSTED"
  | "VOUCHER_BAD_PATTERN"
  | "VOUCHER_BAD_CHARSET"
  | "VOUCHER_BAD_COUNT"
  | "VOUCHER_SPACE_TOO_SMALL"
  | "RANDOM_UNAVAILABLE"
  | "LINK_BAD_URL"
  | "LINK_BAD_SCHEME"
  | "LINK_BAD_PARAM"
  | "SCENE_TOO_LONG"
  | "SCENE_BAD_CHARACTER"
  | "SCENE_INVALID"
  | "ATTRIBUTION_INVALID"
  | "QR_DATA_TOO_LONG"
  | "QR_INVALID_OPTIONS"
  | "QR_LOGO_TOO_LARGE"
  | "QR_LOW_CONTRAST"
  | "IMAGE_INVALID"
  | "IMAGE_TOO_LARGE"
  | "TEMPLATE_INVALID"
  | "TEMPLATE_LIMIT"
  | "ASSET_MISSING"
  | "FONT_INVALID"
  | "POSTER_INVALID_OPTIONS"
  | "AMOUNT_INVALID"
  | "AMOUNT_OVERFLOW"
  | "RATE_INVALID"
  | "ALLOCATION_INVALID"
  | "REWARD_RULES_INVALID"
  | "REWARD_CART_INVALID";

/** What every share-earn function throws on bad input. The instance keeps working. */
export interface ShareEarnError extends Error {
  name: "ShareEarnError";
  /** Stable, machine-readable: match on it. */
  code: ErrorCode;
  /** Where in your input the problem is, e.g. `"options.alphabet"`, when known. */
  path?: string;
}
"#;

// wasm-bindgen consumes a `const` marked as a custom section (no Rust item is left), so the
// section is this second const and `TS_ERRORS` stays visible to the tests.
#[wasm_bindgen(typescript_custom_section)]
const TS_ERRORS_SECTION: &str = TS_ERRORS;

#[cfg(any(feature = "poster", feature = "rewards"))]
/// A JSON document argument (a poster template or its data, reward rules, a cart): a JSON
/// string, or a plain value. Values go through
/// `JSON.stringify`, as they would on their way to a server, so functions, `undefined`,
/// class instances and cycles behave as JSON says (cycles are an error, not a crash).
pub(crate) fn json_value(value: &JsValue, path: &str, kind: crate::ErrorKind) -> crate::Result<crate::value::Value> {
    let text = match value.as_string() {
        Some(text) => text,
        None => js_sys::JSON::stringify(value).ok().and_then(|s| s.as_string()).ok_or_else(|| {
            crate::error::Error::new(kind, format!("{path} cannot be turned into JSON (a cycle?)")).at(path)
        })?,
    };
    // Parsed here, in one pass over one copy of the text: walking a parsed JS value cost a
    // boundary call per key and per value.
    crate::value::json::parse(&text).map_err(|e| {
        Error::new(kind, format!("{path} is not valid JSON: expected {} at byte {}", e.what, e.at)).at(path)
    })
}

/// What an exported function returns: the value, or a thrown `ShareEarnError`.
pub(crate) type JsResult<T> = Result<T, JsValue>;

/// Converts an [`Error`] into a JS `Error` with `name`, `code` and (when known) `path`.
pub(crate) fn js_error(error: Error) -> JsValue {
    let js = js_sys::Error::new(&error.to_string());
    js.set_name("ShareEarnError");
    let object: &JsValue = js.unchecked_ref();
    // Setting a property on a fresh, unfrozen Error object cannot fail.
    let _ = js_sys::Reflect::set(object, &"code".into(), &error.code().into());
    if let Some(path) = error.path() {
        let _ = js_sys::Reflect::set(object, &"path".into(), &path.into());
    }
    js.into()
}

/// Runs a core call and converts its error.
pub(crate) fn throw<T>(result: crate::Result<T>) -> JsResult<T> {
    result.map_err(js_error)
}

/// Converts a result object to its typed JS value. `None` fields that are not skipped
/// become `null` (their declared type says `| null`), never a key holding `undefined`;
/// string-keyed maps become plain objects (`Record<string, string>`), not `Map`s.
pub(crate) fn to_ts<T: Tsify + Serialize>(value: T) -> JsResult<Ts<T>> {
    let serializer =
        serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true).serialize_maps_as_objects(true);
    // Serialising plain structs of strings, numbers and string-keyed maps cannot fail.
    value.serialize(&serializer).map(Ts::new_unchecked).map_err(|e| js_sys::Error::new(&e.to_string()).into())
}

/// Puts a core error's input path under the name of the JS argument that holds it
/// (`alphabet` -> `options.alphabet`).
pub(crate) fn under(error: Error, root: &str) -> Error {
    match error.path().map(|p| format!("{root}.{p}")) {
        Some(path) => error.at(path),
        None => error,
    }
}

/// The JS value behind an optional typed argument (`undefined` when absent).
pub(crate) fn js<T: Tsify>(value: Option<Ts<T>>) -> JsValue {
    value.map_or(JsValue::UNDEFINED, JsValue::from)
}
