//! Commission of the sharer (level 1) and of the sharers above (levels 2...), line by line:
//! who may earn, which rate applies (override, tier), what it applies to, how it rounds
//! (generic rules or a backend's preset formula), then the minimum and the caps.

use super::cart::{Cart, Context, Line, Member};
use super::pricing::{LinePrice, Pricing};
use super::rules::{Action, Base, Commission, Per, Preset, Promoters, Rules, Target, Tier, TierRates};
use crate::money::{allocate, checked, Allocation, Money, Rate, Rounding};
use crate::Result;

const PPM: i128 = Rate::ONE_PPM as i128;

/// Why a record is smaller than its rate would make it. Levels and lines count from 0.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Limit {
    /// Under the minimum per record: dropped.
    Minimum {
        /// Commission level.
        level: usize,
        /// Cart line.
        line: usize,
    },
    /// Capped at a share of what the line paid.
    ShareOfLine {
        /// Commission level.
        level: usize,
        /// Cart line.
        line: usize,
    },
    /// The level's total capped per order.
    PerOrder {
        /// Commission level.
        level: usize,
    },
}

/// Commission of an order.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Earnings {
    /// Total per level, level 1 first.
    pub levels: Vec<Money>,
    /// Per line, per level.
    pub lines: Vec<Vec<Money>>,
    /// Limits that applied.
    pub limits: Vec<Limit>,
    /// Level 1's commission for sharing one unit of the best line, at its unit price with no
    /// coupon or points: the "分享赚" figure of a product page.
    pub earn_up_to: Money,
}

/// Whether the sharer at `level` may earn on this order.
fn may_earn(c: &Commission, context: &Context, level: usize) -> bool {
    let Some(sharer) = context.sharers.get(level) else { return false };
    if c.promoters == Promoters::Designated && !sharer.promoter {
        return false;
    }
    // A member buying through their own link earns only if the rules say so; then nobody
    // above them earns either (the order is not a referral).
    let own =
        context.sharers.first().and_then(|s| s.id.as_ref()).is_some_and(|id| context.buyer.id.as_ref() == Some(id));
    !own || c.self_purchase
}

/// The override for a line: SKU first, then product, then category.
fn override_for<'c>(c: &'c Commission, line: &Line) -> Option<&'c Action> {
    let find = |want: &dyn Fn(&Target) -> bool| c.overrides.iter().find(|o| want(&o.target)).map(|o| &o.action);
    find(&|t| matches!(t, Target::Sku(s) if !line.sku.is_empty() && *s == line.sku))
        .or_else(|| find(&|t| matches!(t, Target::Product(p) if !line.product.is_empty() && *p == line.product)))
        .or_else(|| find(&|t| matches!(t, Target::Category(k) if !line.category.is_empty() && *k == line.category)))
}

/// What a level's rate is for a line, or a fixed amount per unit; `None`: nothing.
enum Earn {
    Rate(Rate),
    FixedPerUnit(Money),
}

fn earn_for(
    preset: Option<Preset>,
    c: &Commission,
    tier: Option<&Tier>,
    line: &Line,
    level: usize,
) -> Result<Option<Earn>> {
    if line.activity.as_ref().is_some_and(|a| c.exclude_activities.contains(a)) {
        return Ok(None);
    }
    let rate = match override_for(c, line) {
        Some(Action::Exclude) => return Ok(None),
        // yudao falls back to the percentage when the SKU's fixed amount is 0.
        Some(Action::Fixed(amounts))
            if !(preset == Some(Preset::Yudao) && amounts.get(level) == Some(&Money::ZERO)) =>
        {
            return Ok(amounts.get(level).map(|a| Earn::FixedPerUnit(*a)))
        }
        Some(Action::Fixed(_)) => c.levels[level],
        Some(Action::Rates(rates)) => return Ok(rates.get(level).map(|r| Earn::Rate(*r))),
        None => c.levels[level],
    };
    // The earner's tier: its own rates, or a multiplier on the rules' rate.
    let rate = match (c.tier_rates, tier) {
        (TierRates::Replace, Some(t)) => {
            t.commission_rates.as_ref().and_then(|r| r.get(level)).copied().unwrap_or(rate)
        }
        (TierRates::Multiply, Some(t)) => match t.commission_multiplier {
            // ppm × ppm / 10^6, truncated to the ppm, at most 100%.
            Some(m) => Rate::from_ppm(((rate.ppm() as i128 * m.ppm() as i128 / PPM).min(PPM)) as i64)?,
            None => rate,
        },
        _ => rate,
    };
    Ok(Some(Earn::Rate(rate)))
}

/// The tier of the sharer at `level`.
fn sharer_tier<'r>(rules: &'r Rules, sharer: &Member, level: usize) -> Result<Option<&'r Tier>> {
    super::tiers::tier_of(rules, sharer, &format!("context.sharers[{level}].tier"))
}

/// The amount a rate applies to for a line, by the rules' base (or the preset's).
fn base_of(rules: &Rules, c: &Commission, line: &Line, quantity: i64, price: &LinePrice) -> Result<Money> {
    let member = || line.member_price.unwrap_or(line.price).times(quantity);
    let paid_and_shipping = || price.paid.checked_add(price.shipping);
    match (rules.preset, c.base) {
        // yudao: the line's pay price, delivery included.
        (Some(Preset::Yudao), _) => paid_and_shipping(),
        // CRMEB-Java: the unit price before coupons and points (its vip price: the line's
        // member price, else the price with the buyer's tier discount), times the quantity.
        (Some(Preset::CrmebJava), _) => price.unit.times(quantity),
        // CRMEB-PHP type 1: its unit "true price" after the coupon and points shares, plus
        // the line's postage, times the quantity; type 0: SKU price × quantity.
        (Some(Preset::CrmebPhp), Base::Paid) => crmeb_php_paid_base(price, quantity),
        (_, Base::Price) => line.price.times(quantity),
        (_, Base::MemberPrice) => member(),
        (_, Base::Paid) if c.shipping => paid_and_shipping(),
        (_, Base::Paid) => Ok(price.paid),
    }
}

/// CRMEB-PHP's base "by what was paid" (`user_brokerage_type` 1), as its
/// `computeOrderProductTruePrice` and `computeOrderProductBrokerage` work it out: the unit
/// price loses the line's coupon share per unit (`bcdiv(share, qty, 4)`, then `bcsub(.., 2)`,
/// so truncated to the fen; 0 if the share is larger), then its points share the same way;
/// the line's postage is then added to that unit price before multiplying by the quantity.
fn crmeb_php_paid_base(price: &LinePrice, quantity: i64) -> Result<Money> {
    let q = quantity.max(1) as i128;
    // In hundredths of a fen: 4 decimal places of a yuan.
    let less = |unit: i128, share: Money| -> i128 {
        if share == Money::ZERO {
            return unit;
        }
        let per_unit = share.minor() as i128 * 100 / q;
        if unit * 100 > per_unit {
            (unit * 100 - per_unit) / 100
        } else {
            0
        }
    };
    let unit = less(less(price.unit.minor() as i128, price.coupon), price.points);
    checked((unit + price.shipping.minor() as i128) * q)
}

/// One record: `rate` of `base` for `quantity` units, with the rules' rounding or the
/// preset's formula.
fn record(rules: &Rules, c: &Commission, base: Money, quantity: i64, rate: Rate) -> Result<Money> {
    let (b, r, q) = (base.minor() as i128, rate.ppm() as i128, quantity.max(1) as i128);
    let v = match rules.preset {
        // trunc2(trunc4(base) × trunc4(rate)): the base is whole fen, the rate kept to 4
        // decimals.
        Some(Preset::CrmebPhp) => {
            let rate4 = r / 100 * 100;
            Rounding::Down.div(b * rate4, PPM)
        }
        // trunc2(unit price × rate) per unit, × quantity.
        Some(Preset::CrmebJava) => Rounding::Down.div(b / q * r, PPM) * q,
        // floor(pay price × percent / 100), in integer fen.
        Some(Preset::Yudao) => Rounding::Floor.div(b * r, PPM),
        // Half away from zero to the fen, per line.
        Some(Preset::Likeshop) => Rounding::HalfUp.div(b * r, PPM),
        None => match c.per {
            // Each unit's share rounded, times the quantity.
            Per::Unit => c.rounding.div(b * r, q * PPM) * q,
            // The line rounded (orders are rounded once in `earnings`).
            Per::Line | Per::Order => c.rounding.div(b * r, PPM),
        },
    };
    checked(v)
}

/// Commission of every level on every line, after the minimum and the caps.
///
/// # Errors
/// [`crate::ErrorKind::RewardCartInvalid`] for a sharer's unknown tier; `AMOUNT_OVERFLOW`.
pub fn earnings(rules: &Rules, cart: &Cart, context: &Context, pricing: &Pricing) -> Result<Option<Earnings>> {
    let Some(c) = &rules.commission else { return Ok(None) };
    let levels = c.levels.len();
    let mut out = Earnings {
        levels: vec![Money::ZERO; levels],
        lines: vec![vec![Money::ZERO; levels]; cart.lines.len()],
        ..Earnings::default()
    };
    for level in 0..levels {
        if !may_earn(c, context, level) {
            continue;
        }
        let tier = sharer_tier(rules, &context.sharers[level], level)?;
        // Per order: the exact numerators of every line, rounded once at the end.
        let mut order_exact: Vec<i128> = vec![0; cart.lines.len()];
        for (i, (line, price)) in cart.lines.iter().zip(&pricing.lines).enumerate() {
            let amount = match earn_for(rules.preset, c, tier, line, level)? {
                None => Money::ZERO,
                Some(Earn::FixedPerUnit(a)) => a.times(line.quantity)?,
                Some(Earn::Rate(rate)) => {
                    let base = base_of(rules, c, line, line.quantity, price)?;
                    if rules.preset.is_none() && c.per == Per::Order {
                        order_exact[i] = base.minor() as i128 * rate.ppm() as i128;
                        continue;
                    }
                    record(rules, c, base, line.quantity, rate)?
                }
            };
            out.lines[i][level] = amount;
        }
        if order_exact.iter().any(|&e| e != 0) {
            // One rounding for the order; the lines share it by their exact amounts.
            let total = checked(c.rounding.div(order_exact.iter().sum(), PPM))?;
            let weights: Vec<i64> =
                order_exact.iter().map(|&e| (e / 10_000).clamp(0, i64::MAX as i128) as i64).collect();
            if weights.iter().any(|&w| w > 0) {
                for (i, share) in allocate(total, &weights, Allocation::LargestRemainder)?.into_iter().enumerate() {
                    if order_exact[i] != 0 {
                        out.lines[i][level] = out.lines[i][level].checked_add(share)?;
                    }
                }
            }
        }
        apply_limits(c, pricing, level, &mut out)?;
    }
    for level in 0..levels {
        out.levels[level] = out.lines.iter().map(|l| l[level]).try_fold(Money::ZERO, Money::checked_add)?;
    }
    out.earn_up_to = earn_up_to(rules, c, cart, context)?;
    Ok(Some(out))
}

fn apply_limits(c: &Commission, pricing: &Pricing, level: usize, out: &mut Earnings) -> Result<()> {
    // likeshop drops records under ¥0.01, which rounding already made 0.
    for (i, line) in out.lines.iter_mut().enumerate() {
        let v = &mut line[level];
        if *v > Money::ZERO && *v < c.minimum {
            *v = Money::ZERO;
            out.limits.push(Limit::Minimum { level, line: i });
        }
        if let Some(share) = c.cap_share_of_line {
            let most = pricing.lines[i].paid.mul_rate(share, Rounding::Down)?;
            if *v > most {
                *v = most;
                out.limits.push(Limit::ShareOfLine { level, line: i });
            }
        }
    }
    if let Some(cap) = c.cap_per_order {
        let total = out.lines.iter().map(|l| l[level]).try_fold(Money::ZERO, Money::checked_add)?;
        if total > cap {
            let weights: Vec<i64> = out.lines.iter().map(|l| l[level].minor()).collect();
            for (line, share) in out.lines.iter_mut().zip(allocate(cap, &weights, Allocation::LargestRemainder)?) {
                line[level] = share;
            }
            out.limits.push(Limit::PerOrder { level });
        }
    }
    Ok(())
}

/// Level 1 for one unit of each line alone, at its unit price: the best of them.
fn earn_up_to(rules: &Rules, c: &Commission, cart: &Cart, context: &Context) -> Result<Money> {
    if !may_earn(c, context, 0) && !context.sharers.is_empty() {
        return Ok(Money::ZERO);
    }
    // Without a sharer yet (a product page before sharing), the rules' own rates for a
    // member with no tier named.
    let tier = sharer_tier(rules, context.sharers.first().unwrap_or(&Member::default()), 0)?;
    let mut best = Money::ZERO;
    for line in &cart.lines {
        let unit = if line.activity.is_some() { line.activity_price } else { None }
            .or(line.member_price)
            .unwrap_or(line.price);
        let price = LinePrice { list: line.price, unit, subtotal: unit, paid: unit, ..LinePrice::default() };
        let amount = match earn_for(rules.preset, c, tier, line, 0)? {
            None => Money::ZERO,
            Some(Earn::FixedPerUnit(a)) => a,
            Some(Earn::Rate(rate)) => record(rules, c, base_of(rules, c, line, 1, &price)?, 1, rate)?,
        };
        let amount = match c.cap_share_of_line {
            Some(share) => amount.min(unit.mul_rate(share, Rounding::Down)?),
            None => amount,
        };
        best = best.max(if amount < c.minimum { Money::ZERO } else { amount });
    }
    Ok(best)
}
