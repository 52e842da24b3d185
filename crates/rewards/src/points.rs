//! Points and growth the buyer earns on an order, and the sharer's invite progress.

use super::cart::{Cart, Context, InviteCounts};
use super::pricing::Pricing;
use super::rules::Rules;
use crate::money::{Money, Rate, Rounding};
use crate::Result;

const PPM: i128 = Rate::ONE_PPM as i128;

/// What the buyer earns.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Earned {
    /// Points in all: per yuan paid (times the tier's multiplier) plus gift points.
    pub points: i64,
    /// Of which gift points of the products.
    pub gift_points: i64,
    /// Growth value (or spend in fen, under a spend basis).
    pub growth: i64,
    /// Whether the per-order maximum cut the points.
    pub capped: bool,
}

/// Points and growth for the order.
///
/// # Errors
/// [`crate::ErrorKind::RewardCartInvalid`] for the buyer's unknown tier.
pub fn earned(rules: &Rules, cart: &Cart, context: &Context, pricing: &Pricing) -> Result<Earned> {
    // What was paid for goods: shipping earns nothing, except under yudao, whose points
    // are a share of the order's pay price, delivery included.
    let mut paid: i128 = pricing.lines.iter().map(|l| l.paid.minor() as i128).sum();
    let growth_base = paid;
    if rules.preset == Some(super::rules::Preset::Yudao) {
        paid += pricing.shipping.minor() as i128;
    }
    let mut out = Earned::default();
    if let Some(p) = &rules.points {
        let tier = super::tiers::tier_of(rules, &context.buyer, "context.buyer.tier")?;
        let multiplier = match (p.tier_multiplier, tier.and_then(|t| t.points_multiplier)) {
            (true, Some(m)) => m.ppm() as i128,
            _ => PPM,
        };
        let per_yuan = if Money::from_minor(growth_base as i64)? < p.earn_min_order {
            0
        } else {
            // fen / 100 = yuan; × points per yuan (ppm) × multiplier (ppm).
            p.earn_rounding.div(paid * p.earn_per_yuan.ppm() as i128 * multiplier, 100 * PPM * PPM)
        };
        // Gift points per unit; yudao gives a product's `giveIntegral` once per line.
        let per_line = rules.preset == Some(super::rules::Preset::Yudao);
        let gifts: i128 =
            cart.lines.iter().map(|l| l.gift_points as i128 * if per_line { 1 } else { l.quantity as i128 }).sum();
        let mut total = per_yuan + gifts;
        if let Some(most) = p.earn_max_per_order {
            if total > most as i128 {
                total = most as i128;
                out.capped = true;
            }
        }
        out.points = total.clamp(0, i64::MAX as i128) as i64;
        out.gift_points = gifts.clamp(0, i64::MAX as i128) as i64;
    }
    if let Some(t) = &rules.tiers {
        out.growth = if t.basis == super::rules::Basis::Spend {
            growth_base as i64
        } else {
            Rounding::Down.div(growth_base * t.growth_per_yuan.ppm() as i128, 100 * PPM) as i64
        };
    }
    Ok(out)
}

/// The sharer's invite progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InviteProgress {
    /// Qualified invites so far.
    pub qualified: i64,
    /// The next ladder step: invites it needs, and how many more that is.
    pub next_step: Option<(i64, i64)>,
    /// Its bonus amount and points.
    pub next_bonus: (Money, i64),
    /// Rewarded invites left today, when there is a daily cap.
    pub left_today: Option<i64>,
    /// The reward per invite: amount and points.
    pub reward: (Money, i64),
    /// The invitee's coupon: amount off and the spend it needs.
    pub invitee_coupon: Option<(Money, Money)>,
}

/// Where the sharer stands on the invite ladder.
pub fn invite_progress(rules: &Rules, context: &Context) -> Option<InviteProgress> {
    let i = rules.invites.as_ref()?;
    let InviteCounts { qualified, today } = context.invites;
    let next = i.ladder.iter().find(|s| s.invites > qualified);
    Some(InviteProgress {
        qualified,
        next_step: next.map(|s| (s.invites, s.invites - qualified)),
        next_bonus: next.map_or((Money::ZERO, 0), |s| (s.bonus, s.points)),
        left_today: i.daily_cap.map(|cap| (cap - today).max(0)),
        reward: (i.reward_amount, i.reward_points),
        invitee_coupon: i.invitee_coupon.map(|c| (c.amount, c.min_spend)),
    })
}
