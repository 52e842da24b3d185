//! Bindings of [`crate::links`]: share links, scenes, attribution.

use super::args::{self, ObjectArg};
use super::inputs::{AttributionPolicy, ParseShareLinkOptions, ShareLinkOptions};
use super::{js, throw, to_ts, under, JsResult};
use crate::error::{Error, ErrorKind};
use crate::links;
use serde::Serialize;
use std::collections::BTreeMap;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// UTM tags. Empty strings count as absent.
#[derive(Tsify, Serialize, Default)]
pub struct Utm {
    /// `utm_source` (`wechat`).
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// `utm_medium` (`poster`).
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub medium: Option<String>,
    /// `utm_campaign` (`double11`).
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<String>,
    /// `utm_term`.
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
    /// `utm_content`.
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
}

/// Reads `params` (other names for the code, campaign and channel keys).
fn param_names(o: &mut ObjectArg) -> crate::Result<links::ParamNames> {
    let mut names = links::ParamNames::default();
    if let Some(mut p) = o.object("params")? {
        names.code = p.string("code")?.unwrap_or(names.code);
        names.campaign = p.string("campaign")?.unwrap_or(names.campaign);
        names.channel = p.string("channel")?.unwrap_or(names.channel);
        p.finish()?;
    }
    Ok(names)
}

/// What a landing URL carried. Absent parameters are left out.
#[derive(Tsify, Serialize)]
pub struct ShareLink {
    /// The sharer's member code, as it appeared (validate it with `decodeMemberCode`).
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The campaign.
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<String>,
    /// The channel.
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// UTM tags (an empty object when there are none).
    pub utm: Utm,
}

/// Adds the sharer's code, campaign, channel and UTM tags to a page URL (http or https),
/// replacing earlier values of those keys and keeping the rest of the URL.
#[wasm_bindgen(js_name = buildShareLink)]
pub fn build_share_link(
    #[wasm_bindgen(js_name = baseUrl, unchecked_param_type = "string")] base_url: JsValue,
    options: Ts<ShareLinkOptions>,
) -> JsResult<String> {
    let base = throw(args::string(&base_url, "baseUrl"))?;
    let read = |value: JsValue| -> crate::Result<(links::ShareParams, links::ParamNames)> {
        let mut o = ObjectArg::required(value, "options")?;
        let mut p = links::ShareParams {
            code: o.string("code")?,
            campaign: o.string("campaign")?,
            channel: o.string("channel")?,
            ..Default::default()
        };
        if let Some(mut u) = o.object("utm")? {
            p.utm = links::Utm {
                source: u.string("source")?,
                medium: u.string("medium")?,
                campaign: u.string("campaign")?,
                term: u.string("term")?,
                content: u.string("content")?,
            };
            u.finish()?;
        }
        let names = param_names(&mut o)?;
        o.finish()?;
        Ok((p, names))
    };
    let (params, names) = throw(read(options.into()))?;
    throw(links::build_share_link(&base, &params, &names).map_err(|e| under(e, "options")))
}

/// Reads the share parameters of a landing URL (query, or the query of a `#/route`).
#[wasm_bindgen(js_name = parseShareLink)]
pub fn parse_share_link(
    #[wasm_bindgen(unchecked_param_type = "string")] url: JsValue,
    options: Option<Ts<ParseShareLinkOptions>>,
) -> JsResult<Ts<ShareLink>> {
    let url = throw(args::string(&url, "url"))?;
    let read = |value: JsValue| -> crate::Result<links::ParamNames> {
        let Some(mut o) = ObjectArg::optional(value, "options")? else { return Ok(links::ParamNames::default()) };
        let names = param_names(&mut o)?;
        o.finish()?;
        Ok(names)
    };
    let names = throw(read(js(options)))?;
    let p = throw(links::parse_share_link(&url, &names).map_err(|e| under(e, "options")))?;
    let u = p.utm;
    to_ts(ShareLink {
        code: p.code,
        campaign: p.campaign,
        channel: p.channel,
        utm: Utm { source: u.source, medium: u.medium, campaign: u.campaign, term: u.term, content: u.content },
    })
}

/// The fields of a mini-program scene: `r` code, `c` campaign, `h` channel, and extras.
#[derive(Tsify, Serialize, Default)]
#[tsify(hashmap_as_object)]
pub struct SceneFields {
    /// Member code (key `r`).
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Campaign (key `c`).
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<String>,
    /// Channel (key `h`).
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// Other `key=value` pairs (keys of letters, digits and `_`).
    #[tsify(optional)]
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

/// Packs share fields into a WeChat mini-program `scene` (at most 32 characters).
#[wasm_bindgen(js_name = packScene)]
pub fn pack_scene(fields: Ts<SceneFields>) -> JsResult<String> {
    let read = |value: JsValue| -> crate::Result<links::SceneFields> {
        let mut o = ObjectArg::required(value, "fields")?;
        let f = links::SceneFields {
            code: o.string("code")?,
            campaign: o.string("campaign")?,
            channel: o.string("channel")?,
            extra: o.string_map("extra")?,
        };
        o.finish()?;
        Ok(f)
    };
    let fields = throw(read(fields.into()))?;
    throw(links::pack_scene(&fields).map_err(|e| under(e, "fields")))
}

/// Reads a `scene` (as packed, or percent-encoded as `onLoad` receives it).
#[wasm_bindgen(js_name = parseScene)]
pub fn parse_scene(#[wasm_bindgen(unchecked_param_type = "string")] scene: JsValue) -> JsResult<Ts<SceneFields>> {
    let scene = throw(args::string(&scene, "scene"))?;
    let f = throw(links::parse_scene(&scene))?;
    to_ts(SceneFields { code: f.code, campaign: f.campaign, channel: f.channel, extra: f.extra })
}

/// A stored attribution.
#[derive(Tsify, Serialize, Clone)]
#[serde(rename_all = "camelCase")]
pub struct AttributionRecord {
    /// The referrer's member code.
    pub code: String,
    /// The campaign of the referral.
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<String>,
    /// The channel of the referral.
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// When it was recorded (ms since 1970, like `Date.now()`).
    pub attributed_at_ms: f64,
    /// When it lapses, if ever.
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at_ms: Option<f64>,
}

/// The decision of `decideAttribution`.
#[derive(Tsify, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AttributionDecision {
    /// `"store"`: write `record`; `"keep"`: leave storage alone; `"clear"`: remove it.
    #[tsify(type = "\"store\" | \"keep\" | \"clear\"")]
    pub action: &'static str,
    /// Why, e.g. `"newReferral"`, `"keptWithinWindow"`, `"selfReferral"`.
    #[tsify(
        type = "\"noReferral\" | \"newReferral\" | \"keptFirstTouch\" | \"keptWithinWindow\" | \"sameReferrer\" | \"windowExpired\" | \"replacedExpired\" | \"lastTouch\" | \"selfReferral\""
    )]
    pub reason: &'static str,
    /// The attribution in force afterwards, or `null`.
    #[tsify(type = "AttributionRecord | null")]
    pub record: Option<AttributionRecord>,
}

/// Reads a time in ms since 1970 (0 to 8.64e15, the range of JS `Date`).
fn time(value: &JsValue, path: &str) -> crate::Result<i64> {
    args::integer(value, path, 0, links::MAX_TIME_MS as u64, ErrorKind::AttributionInvalid).map(|t| t as i64)
}

fn read_record(value: JsValue) -> crate::Result<Option<links::AttributionRecord>> {
    let Some(mut o) = ObjectArg::optional(value, "existing")? else { return Ok(None) };
    let time_field = |o: &mut ObjectArg, key: &'static str| -> crate::Result<Option<i64>> {
        let path = format!("existing.{key}");
        o.integer(key, 0, links::MAX_TIME_MS as u64, ErrorKind::AttributionInvalid)
            .map(|t| t.map(|t| t as i64))
            .map_err(|e| e.at(path))
    };
    let attributed = time_field(&mut o, "attributedAtMs")?.ok_or_else(|| {
        Error::new(ErrorKind::AttributionInvalid, "existing.attributedAtMs is required").at("existing.attributedAtMs")
    })?;
    let record = links::AttributionRecord {
        expires_at_ms: time_field(&mut o, "expiresAtMs")?,
        attributed_at_ms: attributed,
        code: o.string("code")?.unwrap_or_default(),
        campaign: o.string("campaign")?,
        channel: o.string("channel")?,
    };
    // Records are written by this library's helper and may gain fields in later versions:
    // extra keys are tolerated here (no `finish`).
    Ok(Some(record))
}

fn read_touch(value: JsValue) -> crate::Result<links::Touch> {
    // A ShareLink or SceneFields object is accepted as it is, so other keys are ignored.
    let Some(mut o) = ObjectArg::optional(value, "incoming")? else { return Ok(links::Touch::default()) };
    Ok(links::Touch { code: o.string("code")?, campaign: o.string("campaign")?, channel: o.string("channel")? })
}

fn read_policy(value: JsValue) -> crate::Result<links::AttributionPolicy> {
    let mut o = ObjectArg::required(value, "policy")?;
    let model = match o.required_string("model")?.as_str() {
        "firstTouch" => links::AttributionModel::FirstTouch,
        "window" => links::AttributionModel::Window,
        "lastTouch" => links::AttributionModel::LastTouch,
        other => {
            return Err(Error::new(
                ErrorKind::AttributionInvalid,
                format!("policy.model {} is not one of firstTouch, window, lastTouch", crate::error::quote(other)),
            )
            .at("policy.model"))
        }
    };
    let window_days = o.integer("windowDays", 0, u32::MAX as u64, ErrorKind::AttributionInvalid)?.map(|d| d as u32);
    let policy = links::AttributionPolicy { model, window_days, self_code: o.string("selfCode")? };
    o.finish()?;
    Ok(policy)
}

/// Decides who gets credit for this visit and what to store.
#[wasm_bindgen(js_name = decideAttribution)]
pub fn decide_attribution(
    #[wasm_bindgen(unchecked_param_type = "AttributionRecord | null | undefined")] existing: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AttributionTouch | null | undefined")] incoming: JsValue,
    #[wasm_bindgen(js_name = nowMs, unchecked_param_type = "number")] now_ms: JsValue,
    policy: Ts<AttributionPolicy>,
) -> JsResult<Ts<AttributionDecision>> {
    let existing = throw(read_record(existing))?;
    let touch = throw(read_touch(incoming))?;
    let now = throw(time(&now_ms, "nowMs"))?;
    let policy = throw(read_policy(policy.into()))?;
    let d = throw(links::decide_attribution(existing.as_ref(), Some(&touch), now, &policy))?;
    to_ts(AttributionDecision {
        action: action_name(d.action),
        reason: reason_name(d.reason),
        record: d.record.map(|r| AttributionRecord {
            code: r.code,
            campaign: r.campaign,
            channel: r.channel,
            attributed_at_ms: r.attributed_at_ms as f64,
            expires_at_ms: r.expires_at_ms.map(|e| e as f64),
        }),
    })
}

fn action_name(a: links::AttributionAction) -> &'static str {
    match a {
        links::AttributionAction::Store => "store",
        links::AttributionAction::Keep => "keep",
        links::AttributionAction::Clear => "clear",
    }
}

fn reason_name(r: links::AttributionReason) -> &'static str {
    use links::AttributionReason::*;
    match r {
        NoReferral => "noReferral",
        NewReferral => "newReferral",
        KeptFirstTouch => "keptFirstTouch",
        KeptWithinWindow => "keptWithinWindow",
        SameReferrer => "sameReferrer",
        WindowExpired => "windowExpired",
        ReplacedExpired => "replacedExpired",
        LastTouch => "lastTouch",
        SelfReferral => "selfReferral",
    }
}
