//! Membership tiers: which one a member is in, and how far the next one is.

use super::cart::Member;
use super::rules::{Rules, Tier};
use crate::{Error, ErrorKind, Result};

/// The member's tier: the one named in the context, else the highest whose threshold
/// their growth (or spend) reaches; `None` without tiers.
///
/// # Errors
/// [`ErrorKind::RewardCartInvalid`] at `path` when the named tier is not in the rules.
pub fn tier_of<'r>(rules: &'r Rules, member: &Member, path: &str) -> Result<Option<&'r Tier>> {
    let Some(tiers) = &rules.tiers else { return Ok(None) };
    match &member.tier {
        Some(name) => tiers.levels.iter().find(|t| t.name == *name).map(Some).ok_or_else(|| {
            let names: Vec<&str> = tiers.levels.iter().map(|t| t.name.as_str()).collect();
            Error::new(
                ErrorKind::RewardCartInvalid,
                format!("{path}: {} is not a tier of these rules ({})", crate::error::quote(name), names.join(", ")),
            )
            .at(path)
        }),
        None => Ok(tiers.levels.iter().rev().find(|t| member.growth >= t.threshold)),
    }
}

/// Where a member stands after an order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// The tier their growth (or spend) reaches after the order.
    pub tier: Option<String>,
    /// The next tier up, if any.
    pub next: Option<String>,
    /// Growth (or spend, in fen) still needed for it.
    pub remaining: i64,
    /// Growth value (or spend) after the order.
    pub growth: i64,
}

/// The tier reached with `growth`, and the distance to the next.
pub fn progress(rules: &Rules, growth: i64) -> Option<Progress> {
    let tiers = rules.tiers.as_ref()?;
    let reached = tiers.levels.iter().rev().find(|t| growth >= t.threshold);
    let next = tiers.levels.iter().find(|t| t.threshold > growth);
    Some(Progress {
        tier: reached.map(|t| t.name.clone()),
        next: next.map(|t| t.name.clone()),
        remaining: next.map_or(0, |t| t.threshold - growth),
        growth,
    })
}
