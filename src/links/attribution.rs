//! Who gets credit for a visitor: a pure decision from the stored attribution, the
//! referral this visit arrived with, the clock, and the shop's policy.
//!
//! Three models, as distribution (分销) systems offer them:
//! - `FirstTouch`: the first referrer keeps the customer for good (永久锁粉);
//! - `Window`: the referrer keeps the customer for `window_days`; afterwards the next
//!   referral takes over (锁客有效期). A repeat visit through the same referrer does
//!   not extend the window;
//! - `LastTouch`: every referral replaces the previous one; with `window_days` it also
//!   lapses after that many days without a new referral.
//!
//! A referral carrying the visitor's own code (`self_code`) is ignored. Codes are compared
//! without case and separators, so `k7m2-q9xd` is `K7M2Q9XD`.

use crate::error::{Error, ErrorKind, Result};

/// Latest instant JavaScript's `Date` represents, in ms since the epoch.
pub const MAX_TIME_MS: i64 = 8_640_000_000_000_000;
/// Longest window, in days (ten years).
pub const MAX_WINDOW_DAYS: u32 = 3650;
const DAY_MS: i64 = 86_400_000;

/// How credit is assigned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttributionModel {
    /// The first referrer keeps the visitor for good.
    FirstTouch,
    /// The referrer keeps the visitor for `window_days`.
    Window,
    /// Every referral replaces the previous one.
    LastTouch,
}

/// The shop's policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttributionPolicy {
    /// The model.
    pub model: AttributionModel,
    /// Required for `Window`, optional for `LastTouch`, not allowed for `FirstTouch`.
    /// 1 to 3650.
    pub window_days: Option<u32>,
    /// The visitor's own member code, if signed in: referrals by it are ignored.
    pub self_code: Option<String>,
}

/// What is stored about the current referrer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttributionRecord {
    /// The referrer's member code.
    pub code: String,
    /// The campaign of the referral, if any.
    pub campaign: Option<String>,
    /// The channel of the referral, if any.
    pub channel: Option<String>,
    /// When the referral was recorded, ms since the epoch.
    pub attributed_at_ms: i64,
    /// When it lapses, if ever.
    pub expires_at_ms: Option<i64>,
}

/// The referral a visit arrived with (a parsed share link or scene).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Touch {
    /// The referrer's member code; absent or blank means no referral.
    pub code: Option<String>,
    /// The campaign, if any.
    pub campaign: Option<String>,
    /// The channel, if any.
    pub channel: Option<String>,
}

/// What to do with storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttributionAction {
    /// Write `record`.
    Store,
    /// Leave storage as it is; `record` is the current attribution, if any.
    Keep,
    /// Remove the stored record: it lapsed.
    Clear,
}

/// Why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttributionReason {
    /// The visit carried no referral.
    NoReferral,
    /// First referral for this visitor (or the previous one had lapsed; see `ReplacedExpired`).
    NewReferral,
    /// A first-touch referrer already owns the visitor.
    KeptFirstTouch,
    /// Another referrer's window is still open.
    KeptWithinWindow,
    /// The referral is from the current referrer (last touch: the record is refreshed).
    SameReferrer,
    /// The stored referral lapsed and the visit carried none.
    WindowExpired,
    /// The stored referral lapsed and the new one takes its place.
    ReplacedExpired,
    /// Last touch: the new referrer replaces the previous one.
    LastTouch,
    /// The referral carried the visitor's own code.
    SelfReferral,
}

/// The decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttributionDecision {
    /// What to do with storage.
    pub action: AttributionAction,
    /// Why.
    pub reason: AttributionReason,
    /// After the decision: the attribution in force (to store, for `Store`), if any.
    pub record: Option<AttributionRecord>,
}

fn invalid(path: &str, msg: impl Into<String>) -> Error {
    Error::new(ErrorKind::AttributionInvalid, msg).at(path)
}

fn check_time(ms: i64, path: &str) -> Result<()> {
    if (0..=MAX_TIME_MS).contains(&ms) {
        Ok(())
    } else {
        Err(invalid(path, format!("{ms} is not a time in ms since 1970 that JavaScript can represent")))
    }
}

/// Comparison form of a code: ASCII upper case, spaces and hyphens removed.
fn same_code(a: &str, b: &str) -> bool {
    let key =
        |s: &str| s.chars().filter(|c| !matches!(c, ' ' | '-')).map(|c| c.to_ascii_uppercase()).collect::<String>();
    key(a) == key(b)
}

fn validate(existing: Option<&AttributionRecord>, now_ms: i64, policy: &AttributionPolicy) -> Result<()> {
    check_time(now_ms, "nowMs")?;
    match (policy.model, policy.window_days) {
        (AttributionModel::Window, None) => {
            return Err(invalid("policy.windowDays", "the window model needs windowDays"))
        }
        (AttributionModel::FirstTouch, Some(_)) => {
            return Err(invalid("policy.windowDays", "first touch is permanent; use the window model for a time limit"))
        }
        (_, Some(d)) if !(1..=MAX_WINDOW_DAYS).contains(&d) => {
            return Err(invalid(
                "policy.windowDays",
                format!("windowDays must be from 1 to {MAX_WINDOW_DAYS}; got {d}"),
            ))
        }
        _ => {}
    }
    if let Some(r) = existing {
        if r.code.trim().is_empty() {
            return Err(invalid("existing.code", "the stored record has no code"));
        }
        check_time(r.attributed_at_ms, "existing.attributedAtMs")?;
        if let Some(e) = r.expires_at_ms {
            check_time(e, "existing.expiresAtMs")?;
            if e < r.attributed_at_ms {
                return Err(invalid("existing.expiresAtMs", "the stored record expires before it was made"));
            }
        }
    }
    Ok(())
}

/// Decides what to store for a visit at `now_ms`.
///
/// # Errors
/// [`ErrorKind::AttributionInvalid`] (with the path) for a time outside JavaScript's date
/// range, a policy whose `window_days` does not fit its model, or a stored record
/// without a code or expiring before it was made. Callers that persist records should
/// treat a stored record that fails validation as absent (the JS helper does).
pub fn decide_attribution(
    existing: Option<&AttributionRecord>,
    incoming: Option<&Touch>,
    now_ms: i64,
    policy: &AttributionPolicy,
) -> Result<AttributionDecision> {
    use AttributionAction::*;
    use AttributionReason::*;
    validate(existing, now_ms, policy)?;
    let live = existing.filter(|r| r.expires_at_ms.is_none_or(|e| now_ms < e));
    let lapsed = existing.is_some() && live.is_none();
    let mut touch = incoming.and_then(|t| {
        let code = t.code.as_deref().map(str::trim).filter(|c| !c.is_empty())?;
        Some((code, t))
    });
    // A blank own code (signed out, or a placeholder) matches nobody.
    let own_code = policy.self_code.as_deref().filter(|c| !c.trim().is_empty());
    let self_referral = matches!((touch, own_code), (Some((code, _)), Some(own)) if same_code(code, own));
    if self_referral {
        touch = None;
    }
    let decision = |action, reason, record: Option<&AttributionRecord>| AttributionDecision {
        action,
        reason,
        record: record.cloned(),
    };

    let Some((code, touch)) = touch else {
        let why = |otherwise| if self_referral { SelfReferral } else { otherwise };
        return Ok(match (live, lapsed) {
            (Some(r), _) => decision(Keep, why(NoReferral), Some(r)),
            (None, true) => decision(Clear, why(WindowExpired), None),
            (None, false) => decision(Keep, why(NoReferral), None),
        });
    };
    let expires_at_ms = policy.window_days.map(|d| now_ms.saturating_add(d as i64 * DAY_MS).min(MAX_TIME_MS));
    let fresh = AttributionRecord {
        code: code.to_string(),
        campaign: touch.campaign.clone().filter(|s| !s.is_empty()),
        channel: touch.channel.clone().filter(|s| !s.is_empty()),
        attributed_at_ms: now_ms,
        expires_at_ms,
    };
    let new_reason = if lapsed { ReplacedExpired } else { NewReferral };
    Ok(match (policy.model, live) {
        (_, None) => decision(Store, new_reason, Some(&fresh)),
        (AttributionModel::FirstTouch, Some(r)) => decision(Keep, KeptFirstTouch, Some(r)),
        (AttributionModel::Window, Some(r)) if same_code(&r.code, code) => decision(Keep, SameReferrer, Some(r)),
        (AttributionModel::Window, Some(r)) => decision(Keep, KeptWithinWindow, Some(r)),
        (AttributionModel::LastTouch, Some(r)) if same_code(&r.code, code) => {
            decision(Store, SameReferrer, Some(&fresh))
        }
        (AttributionModel::LastTouch, Some(_)) => decision(Store, LastTouch, Some(&fresh)),
    })
}
