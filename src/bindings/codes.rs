//! Bindings of [`crate::codes`]: member codes and vouchers.

use super::args::{self, ObjectArg};
use super::inputs::{FormatOptions, MemberCodeOptions, VoucherOptions};
use super::{js, throw, to_ts, JsResult};
use crate::codes;
use crate::error::ErrorKind;
use serde::Serialize;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

fn codec_from(options: JsValue) -> crate::Result<codes::MemberCodec> {
    let mut core = codes::MemberCodeOptions::default();
    if let Some(mut o) = ObjectArg::optional(options, "options")? {
        core.secret = o.string("secret")?.unwrap_or(core.secret);
        core.alphabet = o.string("alphabet")?.unwrap_or(core.alphabet);
        let length = o.integer("minLength", 0, u32::MAX as u64, ErrorKind::CodeInvalidOptions)?;
        core.min_length = length.map_or(core.min_length, |n| n as usize);
        core.blocklist = o.strings("blocklist")?;
        o.finish()?;
    }
    codes::MemberCodec::new(&core).map_err(|e| super::under(e, "options"))
}

/// Encodes and decodes member codes with options checked once. Prefer it to the free
/// functions when encoding or decoding many codes.
#[wasm_bindgen]
pub struct MemberCodec {
    inner: codes::MemberCodec,
}

#[wasm_bindgen]
impl MemberCodec {
    /// Checks the options and derives the key. Throws `CODE_INVALID_OPTIONS` (with
    /// `path`) or `INVALID_ARGUMENT`.
    #[wasm_bindgen(constructor)]
    pub fn new(options: Option<Ts<MemberCodeOptions>>) -> JsResult<MemberCodec> {
        Ok(MemberCodec { inner: throw(codec_from(js(options)))? })
    }

    /// The code of a member id (an integer from 0 to 2^53-1).
    pub fn encode(&self, #[wasm_bindgen(unchecked_param_type = "number")] id: JsValue) -> JsResult<String> {
        throw(member_id(&id).and_then(|id| self.inner.encode(id)))
    }

    /// The member id of a code, typed by a person or not (case, hyphens, spaces,
    /// O/0 and I/L/1 are forgiven).
    pub fn decode(&self, #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue) -> JsResult<f64> {
        // Ids are at most 2^53-1, so the conversion to a JS number is exact.
        throw(args::string(&code, "code").and_then(|c| self.inner.decode(&c)).map(|id| id as f64))
    }

    /// The canonical spelling of typed input, without validating it as a code.
    pub fn normalize(&self, #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue) -> JsResult<String> {
        throw(args::string(&code, "code").and_then(|c| self.inner.normalize(&c)))
    }

    /// Shortest code length with these options, check character included.
    #[wasm_bindgen(getter, js_name = minLength)]
    pub fn min_length(&self) -> u32 {
        self.inner.length_range().0 as u32
    }

    /// Longest code length (the length of the code of 2^53-1).
    #[wasm_bindgen(getter, js_name = maxLength)]
    pub fn max_length(&self) -> u32 {
        self.inner.length_range().1 as u32
    }
}

fn member_id(id: &JsValue) -> crate::Result<u64> {
    args::integer(id, "id", 0, codes::MAX_ID, ErrorKind::CodeInvalidId)
}

/// The code of a member id. For many ids, build a `MemberCodec` once.
#[wasm_bindgen(js_name = encodeMemberCode)]
pub fn encode_member_code(
    #[wasm_bindgen(unchecked_param_type = "number")] id: JsValue,
    options: Option<Ts<MemberCodeOptions>>,
) -> JsResult<String> {
    let id = throw(member_id(&id))?;
    throw(codec_from(js(options)).and_then(|c| c.encode(id)))
}

/// The member id of a code (typed input is normalised first).
#[wasm_bindgen(js_name = decodeMemberCode)]
pub fn decode_member_code(
    #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue,
    options: Option<Ts<MemberCodeOptions>>,
) -> JsResult<f64> {
    let code = throw(args::string(&code, "code"))?;
    throw(codec_from(js(options)).and_then(|c| c.decode(&code)).map(|id| id as f64))
}

/// Groups a code for display: `"K7M2Q9XD"` -> `"K7M2-Q9XD"`.
#[wasm_bindgen(js_name = formatMemberCode)]
pub fn format_member_code(
    #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue,
    options: Option<Ts<FormatOptions>>,
) -> JsResult<String> {
    let code = throw(args::string(&code, "code"))?;
    let (mut group, mut separator) = (4, "-".to_string());
    if let Some(mut o) = throw(ObjectArg::optional(js(options), "options"))? {
        group = throw(o.integer("groupSize", 0, 64, ErrorKind::InvalidArgument))?.unwrap_or(group);
        separator = throw(o.string("separator"))?.unwrap_or(separator);
        throw(o.finish())?;
    }
    Ok(codes::format_member_code(&code, group as usize, &separator))
}

/// A batch of voucher codes.
#[derive(Tsify, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VoucherBatch {
    /// Unique codes, in generation order.
    pub codes: Vec<String>,
    /// Probability that this many random draws from the pattern would have repeated
    /// a code (repeats were drawn again, so the batch has none).
    pub collision_probability: f64,
}

/// Unique random codes from a pattern, drawn with `crypto.getRandomValues`.
#[wasm_bindgen(js_name = generateVouchers)]
pub fn generate_vouchers(options: Ts<VoucherOptions>) -> JsResult<Ts<VoucherBatch>> {
    let read = |value: JsValue| -> crate::Result<codes::VoucherOptions> {
        let mut o = ObjectArg::required(value, "options")?;
        let pattern = o.required_string("pattern")?;
        // Read up to u32::MAX so the cast below cannot truncate on wasm32; the core then
        // applies the real limit with its own message.
        let count = o.required_integer("count", 0, u32::MAX as u64, ErrorKind::VoucherBadCount)?;
        let mut core = codes::VoucherOptions::new(pattern, count as usize);
        core.charset = o.string("charset")?.unwrap_or(core.charset);
        core.margin = o.integer("margin", 0, codes::MAX_ID, ErrorKind::VoucherBadCount)?.unwrap_or(core.margin);
        o.finish()?;
        Ok(core)
    };
    let core = throw(read(options.into()))?;
    let batch = throw(codes::generate_vouchers(&core).map_err(|e| super::under(e, "options")))?;
    to_ts(VoucherBatch { codes: batch.codes, collision_probability: batch.collision_probability })
}

/// The default blocklist, for showing or extending it.
#[wasm_bindgen(js_name = defaultBlocklist)]
pub fn default_blocklist() -> Vec<String> {
    codes::DEFAULT_BLOCKLIST.iter().map(|w| w.to_string()).collect()
}
