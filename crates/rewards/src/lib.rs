//! # share-earn-rewards
//!
//! Reward previews: what a sharer earns and what a buyer pays, saves and earns, computed on
//! the device with the same integer arithmetic as the server (the same Rust, or a backend's
//! formulas reproduced by a [`Preset`](rules::Preset)). Re-exported by the `share_earn`
//! crate as `share_earn::rewards`; a crate of its own so that the release profile builds it
//! for speed (`"s"`; its JSON reading, in share-earn-core, at 3) where share-earn is built
//! for size.
//!
//! Pipeline: [`rules`] and [`cart`] (JSON, checked with paths) -> [`pricing`] (the buyer's
//! unit prices, coupon, points deduction and shipping, split over lines) -> [`commission`]
//! (levels, overrides, tiers, rounding, limits) and [`points`] (earned and used) ->
//! [`tiers`] (progress) and invites -> [`explain`] and [`output`] (the result as JSON, and
//! its TypeScript declaration).
//!
//! There is no floating point here: amounts are [`Money`](crate::money::Money) in fen,
//! rates are parts per million, every rounding is named (clippy denies float arithmetic in
//! this crate). The one exception is the yudao preset's split, which reproduces yudao's own
//! double arithmetic (`pricing::yudao_split`, allowed there by name).
#![deny(clippy::float_arithmetic)]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod cart;
pub mod commission;
pub mod explain;
mod fields;
pub mod output;
pub mod points;
pub mod pricing;
pub mod rules;
pub mod tiers;

pub use cart::{Cart, Context, Line, Member};
pub use rules::{Preset, Rules};

// share-earn-core's modules under the names the rest of this crate uses.
use share_earn_core::{error, money, value};
use share_earn_core::{Error, ErrorKind, Result};

/// Everything a preview shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// The buyer's prices.
    pub pricing: pricing::Pricing,
    /// Commission, when the rules pay any.
    pub commission: Option<commission::Earnings>,
    /// Points the buyer earns (and the growth value), when the rules have them.
    pub points: points::Earned,
    /// The buyer's tier after the order, and the distance to the next.
    pub tier: Option<tiers::Progress>,
    /// The sharer's invite progress, when the rules reward invites.
    pub invites: Option<points::InviteProgress>,
    /// When commission settles (the return window after receipt, from the context's date),
    /// as `YYYY-MM-DD`; commission is an estimate until then.
    pub settles_on: Option<String>,
}

/// Computes the preview of `cart` under `rules` for the people in `context`.
///
/// # Errors
/// [`crate::ErrorKind::RewardCartInvalid`] when the cart or context does not fit the rules
/// (an unknown tier, points over a limit under `overLimit: "reject"`);
/// [`crate::ErrorKind::AmountOverflow`] on totals beyond the safe integers.
pub fn preview(rules: &Rules, cart: &Cart, context: &Context) -> Result<Preview> {
    let pricing = pricing::price(rules, cart, context)?;
    let commission = commission::earnings(rules, cart, context, &pricing)?;
    let points = points::earned(rules, cart, context, &pricing)?;
    let tier = tiers::progress(rules, context.buyer.growth.saturating_add(points.growth));
    let invites = points::invite_progress(rules, context);
    let settles_on = context.today.map(|d| cart::date_from_days(d + rules.settlement.return_days));
    Ok(Preview { pricing, commission, points, tier, invites, settles_on })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod typescript_tests;
