//! TypeScript declarations of the objects exported functions take.
//!
//! These structs exist so that tsify writes their interfaces into the generated `.d.ts`;
//! values are read key by key by [`super::args::ObjectArg`], which refuses any key it was
//! not asked for. The browser and package tests pass every key declared here, so a key
//! renamed on one side only fails them.
#![allow(dead_code)]

use super::links::Utm;
use tsify::Tsify;

/// Options of member codes. Every field is optional.
#[derive(Tsify, Default)]
#[serde(rename_all = "camelCase")]
pub struct MemberCodeOptions {
    /// The brand's secret: different secrets give unrelated codes. It ships with your
    /// page when you decode in the browser; it deters enumeration, it is not a password.
    /// Default: `""`.
    #[tsify(optional)]
    pub secret: Option<String>,
    /// Code characters in digit order: 10 to 64 distinct printable ASCII characters other
    /// than `-`; a count that is odd, a multiple of 4, or 10.
    /// Default: Crockford base32 `0123456789ABCDEFGHJKMNPQRSTVWXYZ`.
    #[tsify(optional)]
    pub alphabet: Option<String>,
    /// Length of the shortest codes, check character included (4 to 20). Default: 8.
    #[tsify(optional)]
    pub min_length: Option<u32>,
    /// Words codes must never contain (2 to 16 characters each). `[]` disables the check.
    /// Changing the list changes which codes are valid. Default: English and pinyin
    /// profanity (see `defaultBlocklist()`).
    #[tsify(optional)]
    pub blocklist: Option<Vec<String>>,
}

/// Options of `formatMemberCode`.
#[derive(Tsify, Default)]
#[serde(rename_all = "camelCase")]
pub struct FormatOptions {
    /// Characters per group; 0 for none. Default: 4.
    #[tsify(optional)]
    pub group_size: Option<u32>,
    /// Between groups. Default: `"-"`.
    #[tsify(optional)]
    pub separator: Option<String>,
}

/// What `generateVouchers` makes.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct VoucherOptions {
    /// `#` is a random character, anything else literal; `\#` and `\\` escape. Example:
    /// `"SALE-####-####"`.
    pub pattern: String,
    /// How many codes, 1 to 1,000,000.
    pub count: u32,
    /// Characters to draw from. Default: `23456789ABCDEFGHJKMNPQRSTVWXYZ` (no 0 O 1 I L U).
    #[tsify(optional)]
    pub charset: Option<String>,
    /// The pattern must allow at least `margin x count` codes, so a guess succeeds with
    /// probability at most 1/margin. At least 10. Default: 1000.
    #[tsify(optional)]
    pub margin: Option<f64>,
}

/// Query keys for the code, campaign and channel.
#[derive(Tsify, Default)]
pub struct ParamNames {
    /// Default: `"ref"`.
    #[tsify(optional)]
    pub code: Option<String>,
    /// Default: `"campaign"`.
    #[tsify(optional)]
    pub campaign: Option<String>,
    /// Default: `"channel"`.
    #[tsify(optional)]
    pub channel: Option<String>,
}

/// What a share link carries, and how to name it.
#[derive(Tsify, Default)]
pub struct ShareLinkOptions {
    /// The sharer's member code (query key `ref` unless renamed in `params`).
    #[tsify(optional)]
    pub code: Option<String>,
    /// The campaign (key `campaign`).
    #[tsify(optional)]
    pub campaign: Option<String>,
    /// Where it is shared (key `channel`).
    #[tsify(optional)]
    pub channel: Option<String>,
    /// UTM tags.
    #[tsify(optional)]
    pub utm: Option<Utm>,
    /// Other query keys for code, campaign and channel.
    #[tsify(optional)]
    pub params: Option<ParamNames>,
}

/// Options of `parseShareLink`.
#[derive(Tsify, Default)]
pub struct ParseShareLinkOptions {
    /// Other query keys for code, campaign and channel.
    #[tsify(optional)]
    pub params: Option<ParamNames>,
}

/// The referral a visit arrived with; a `ShareLink` or `SceneFields` fits.
#[derive(Tsify, Default)]
pub struct AttributionTouch {
    /// The referrer's code; absent or blank means no referral.
    #[tsify(optional)]
    pub code: Option<String>,
    /// The campaign.
    #[tsify(optional)]
    pub campaign: Option<String>,
    /// The channel.
    #[tsify(optional)]
    pub channel: Option<String>,
}

/// How credit is assigned.
#[derive(Tsify, Default)]
#[serde(rename_all = "camelCase")]
pub struct AttributionPolicy {
    /// `"firstTouch"` (permanent), `"window"` (for `windowDays`), `"lastTouch"`.
    pub model: AttributionModel,
    /// Days a referral holds: required for `window`, optional for `lastTouch`.
    #[tsify(optional)]
    pub window_days: Option<u32>,
    /// The visitor's own code, if signed in: their own links do not count.
    #[tsify(optional)]
    pub self_code: Option<String>,
}

/// Attribution models.
#[derive(Tsify, Default, Clone, Copy)]
#[serde(rename_all = "camelCase")]
pub enum AttributionModel {
    /// The first referrer keeps the visitor for good.
    #[default]
    FirstTouch,
    /// The referrer keeps the visitor for `windowDays`.
    Window,
    /// Every referral replaces the previous one.
    LastTouch,
}
