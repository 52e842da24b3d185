//! The buyer's side of a cart: unit prices (activity, member), then the coupon, then the
//! points deduction, then shipping, each order-wide amount split over the lines.
//!
//! What each line ends up paying is the base of a "paid" commission, so this runs first.

use super::cart::{Cart, Context};
use super::rules::{Preset, Rules};
use crate::money::{allocate, checked, Fixed, Money, Rate, Rounding};
use crate::{Error, ErrorKind, Result};

/// One line's prices.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct LinePrice {
    /// Price × quantity.
    pub list: Money,
    /// What a unit costs before order-wide discounts: the activity price, else the member
    /// price, else the price.
    pub unit: Money,
    /// Unit × quantity.
    pub subtotal: Money,
    /// The line's share of the coupon.
    pub coupon: Money,
    /// The line's share of the points deduction.
    pub points: Money,
    /// Its shipping: its own fee and its share of the order's.
    pub shipping: Money,
    /// Subtotal − coupon − points (shipping apart).
    pub paid: Money,
}

/// The buyer's side of the order.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Pricing {
    /// Per line.
    pub lines: Vec<LinePrice>,
    /// Sum of the list prices.
    pub list: Money,
    /// Sum of the subtotals.
    pub subtotal: Money,
    /// The coupon as applied (never more than the subtotal).
    pub coupon: Money,
    /// Points used, and what they took off.
    pub points_used: i64,
    /// What the points took off.
    pub points_deduction: Money,
    /// Shipping in all.
    pub shipping: Money,
    /// What the buyer pays.
    pub payable: Money,
}

fn sum(mut values: impl Iterator<Item = Money>) -> Result<Money> {
    values.try_fold(Money::ZERO, Money::checked_add)
}

/// The unit price a line is charged before order-wide discounts.
fn unit_price(rules: &Rules, line: &super::cart::Line, tier_discount: Option<Rate>) -> Result<Money> {
    if line.activity.is_some() {
        if let Some(p) = line.activity_price {
            return Ok(p);
        }
    }
    match (line.member_price, tier_discount) {
        (Some(p), _) => Ok(p),
        // The tier's discount on the price: CRMEB-Java's vip price rounds half up to the
        // fen; CRMEB-PHP's bcmath and yudao's integer division truncate.
        (None, Some(d)) if rules.preset == Some(Preset::CrmebJava) => line.price.mul_rate(d, Rounding::HalfUp),
        (None, Some(d)) => line.price.mul_rate(d, Rounding::Down),
        (None, None) => Ok(line.price),
    }
}

/// Splits `amount` over lines by `weights` with the rules' method; CRMEB-PHP's own way
/// under its preset.
fn split(rules: &Rules, what: Split, amount: Money, weights: &[i64]) -> Result<Vec<Money>> {
    if amount == Money::ZERO || weights.iter().all(|&w| w == 0) {
        return Ok(vec![Money::ZERO; weights.len()]);
    }
    match rules.preset {
        Some(Preset::CrmebPhp) => crmeb_php_split(amount, weights),
        Some(Preset::Yudao) => yudao_split(amount, weights),
        Some(Preset::Likeshop) if what != Split::Shipping => likeshop_split(amount, weights, what == Split::Coupon),
        _ => allocate(amount, weights, rules.discounts.allocation),
    }
}

/// Keeps each line's share of a coupon or a points deduction within what the line has left
/// (`0..=room`). The "last line takes the rest" splits can give the last line more than it
/// costs (the others' parts are truncated), or less than nothing (likeshop's are rounded
/// up); what a line cannot take goes to the lines before it, from the last backwards, so
/// that no line is paid for below zero and the shares still sum to the amount (which is
/// never more than all the room there is). Splits that stay in range are left as they are.
fn fit(shares: &mut [Money], room: &[i64]) -> Result<()> {
    let mut carry: i128 = 0;
    for (share, &r) in shares.iter_mut().zip(room) {
        let v = share.minor() as i128;
        let kept = v.clamp(0, r.max(0) as i128);
        carry += v - kept;
        *share = checked(kept)?;
    }
    for (share, &r) in shares.iter_mut().zip(room).rev() {
        let v = share.minor() as i128;
        let moved = if carry > 0 { carry.min(r.max(0) as i128 - v) } else { carry.max(-v) };
        *share = checked(v + moved)?;
        carry -= moved;
    }
    Ok(())
}

/// What is being split over the lines (the backends treat them differently).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Split {
    Coupon,
    Points,
    Shipping,
}

/// likeshop: each line's share is `round(line / total × amount, 2)`, half away from zero;
/// for the coupon the last line then takes what is left, for the points deduction it does
/// not (so the lines' shares may differ from the deduction by up to a fen per line, as in
/// likeshop's own order lines, whose pay prices its commission is computed from).
fn likeshop_split(amount: Money, weights: &[i64], last_takes_rest: bool) -> Result<Vec<Money>> {
    let total: i128 = weights.iter().map(|&w| w as i128).sum();
    let mut parts = weights
        .iter()
        .map(|&w| checked(Rounding::HalfUp.div(amount.minor() as i128 * w as i128, total)))
        .collect::<Result<Vec<Money>>>()?;
    if last_takes_rest {
        let others = parts[..parts.len() - 1].iter().try_fold(Money::ZERO, |a, p| a.checked_add(*p))?;
        if let Some(last) = parts.last_mut() {
            *last = amount.checked_sub(others)?;
        }
    }
    Ok(parts)
}

/// yudao's `dividePrice`: every line but the last gets `(int) (amount * (1.0 * weight /
/// total))`, in double arithmetic, and the last takes what is left. The double is part of
/// the formula: 100 split by 29 of 100 gives 28 there (0.29 × 100 is 28.999...), where an
/// exact floor gives 29. IEEE 754 doubles round the same in Java, natively and in
/// WebAssembly, so this reproduces it exactly.
#[allow(clippy::float_arithmetic)]
fn yudao_split(amount: Money, weights: &[i64]) -> Result<Vec<Money>> {
    let total: i64 = weights.iter().sum();
    let a = amount.minor() as f64;
    let mut parts = Vec::with_capacity(weights.len());
    let mut given = Money::ZERO;
    for &w in &weights[..weights.len() - 1] {
        // A cast truncates toward zero, as Java's (int) does (amounts are far below 2^31).
        let part = Money::from_minor((a * (w as f64 / total as f64)) as i64)?;
        given = given.checked_add(part)?;
        parts.push(part);
    }
    parts.push(amount.checked_sub(given)?);
    Ok(parts)
}

/// CRMEB-PHP: every line but the last gets trunc2(trunc4(line / total) × amount); the last
/// takes what is left.
fn crmeb_php_split(amount: Money, weights: &[i64]) -> Result<Vec<Money>> {
    let total = Fixed::integer(weights.iter().sum());
    let a = Fixed::from_money(amount);
    let mut parts = Vec::with_capacity(weights.len());
    let mut given = Money::ZERO;
    for &w in &weights[..weights.len() - 1] {
        let share = Fixed::integer(w).div(total, 4, Rounding::Down)?;
        let part = share.checked_mul(a)?.to_money(Rounding::Down)?;
        given = given.checked_add(part)?;
        parts.push(part);
    }
    parts.push(amount.checked_sub(given)?);
    Ok(parts)
}

/// Prices the cart for the buyer.
///
/// # Errors
/// [`ErrorKind::RewardCartInvalid`] when the points asked for break a limit under
/// `overLimit: "reject"`, or the buyer's tier is unknown; `AMOUNT_OVERFLOW` on absurd totals.
pub fn price(rules: &Rules, cart: &Cart, context: &Context) -> Result<Pricing> {
    let tier_discount = super::tiers::tier_of(rules, &context.buyer, "context.buyer.tier")?.and_then(|t| t.discount);
    let mut lines = Vec::with_capacity(cart.lines.len());
    for line in &cart.lines {
        let unit = unit_price(rules, line, tier_discount)?;
        let subtotal = unit.times(line.quantity)?;
        lines.push(LinePrice {
            list: line.price.times(line.quantity)?,
            unit,
            subtotal,
            shipping: line.shipping,
            ..LinePrice::default()
        });
    }
    let subtotal = sum(lines.iter().map(|l| l.subtotal))?;
    // A coupon larger than the cart takes the cart to zero, no further.
    let coupon = cart.coupon.min(subtotal);
    let weights: Vec<i64> = lines.iter().map(|l| l.subtotal.minor()).collect();
    let mut shares = split(rules, Split::Coupon, coupon, &weights)?;
    fit(&mut shares, &weights)?;
    for (l, c) in lines.iter_mut().zip(shares) {
        l.coupon = c;
    }
    let bill = subtotal.checked_sub(coupon)?;
    let (points_used, points_deduction) = redeem(rules, cart, context, bill)?;
    // The points deduction by what is left after the coupon; CRMEB-PHP splits it by the
    // lines' totals before the coupon (its `computeOrderProductIntegral`).
    let crmeb_php = rules.preset == Some(Preset::CrmebPhp);
    let weights: Vec<i64> =
        lines.iter().map(|l| l.subtotal.minor() - if crmeb_php { 0 } else { l.coupon.minor() }).collect();
    let mut shares = split(rules, Split::Points, points_deduction, &weights)?;
    let left: Vec<i64> = lines.iter().map(|l| l.subtotal.minor() - l.coupon.minor()).collect();
    fit(&mut shares, &left)?;
    for (l, p) in lines.iter_mut().zip(shares) {
        l.points = p;
        l.paid = l.subtotal.checked_sub(l.coupon)?.checked_sub(p)?;
    }
    // The order's shipping is split by what the lines paid (by their subtotals when they
    // paid nothing, and always under CRMEB-PHP, whose postage shares go by the lines'
    // totals), as backends that pay commission on shipping do.
    let paid: Vec<i64> = lines.iter().map(|l| l.paid.minor()).collect();
    let weights = if paid.iter().any(|&p| p > 0) && !crmeb_php {
        paid
    } else {
        lines.iter().map(|l| l.subtotal.minor().max(1)).collect()
    };
    for (l, s) in lines.iter_mut().zip(split(rules, Split::Shipping, cart.shipping, &weights)?) {
        l.shipping = l.shipping.checked_add(s)?;
    }
    let shipping = sum(lines.iter().map(|l| l.shipping))?;
    Ok(Pricing {
        list: sum(lines.iter().map(|l| l.list))?,
        subtotal,
        coupon,
        points_used,
        points_deduction,
        shipping,
        payable: bill.checked_sub(points_deduction)?.checked_add(shipping)?,
        lines,
    })
}

fn reject(message: String) -> Error {
    Error::new(ErrorKind::RewardCartInvalid, message).at("cart.points")
}

/// Points used and what they take off `bill`, within the redemption rules. Points needed
/// round up and deductions round down, so a point never pays more than it is worth.
fn redeem(rules: &Rules, cart: &Cart, context: &Context, bill: Money) -> Result<(i64, Money)> {
    let asked = cart.points;
    if asked == 0 {
        return Ok((0, Money::ZERO));
    }
    let Some(r) = rules.points.as_ref().and_then(|p| p.redeem.as_ref()) else {
        return Err(reject("these rules do not let points be redeemed".into()));
    };
    let strict = r.over_limit == super::rules::OverLimit::Reject;
    let mut points = asked;
    let limit = |points: &mut i64, most: i64, why: &str| -> Result<()> {
        if *points > most {
            if strict {
                return Err(reject(format!("{asked} points asked; {why} allows {most}")));
            }
            *points = most;
        }
        Ok(())
    };
    limit(&mut points, context.buyer.points, "the buyer's balance")?;
    if let Some(most) = r.max_points {
        limit(&mut points, most, "the most per order")?;
    }
    // A point's value in fen, exact to a millionth of a fen.
    let value = Fixed::from_rate(r.value_per_point);
    let worth = |n: i64| -> Result<Fixed> { Fixed::integer(n).checked_mul(value) };
    // Most the points may pay: the bill, and the share the rules allow of it.
    let mut cap = bill;
    if let Some(share) = r.max_share {
        cap = cap.min(bill.mul_rate(share, Rounding::Down)?);
    }
    // CRMEB-PHP: when the points are worth the bill or more, the deduction is the bill,
    // whatever the points it then takes (the ones needed) are worth (`useIntegral`).
    let crmeb_php_covers = rules.preset == Some(Preset::CrmebPhp)
        && worth(points)?.round(0, Rounding::Down)?.units() >= cap.minor() as i128;
    let mut needed_points = None;
    if value.units() > 0 {
        // Points needed to pay `cap`, rounded up; CRMEB-PHP rounds up the quotient it
        // first truncated to 2 places (`ceil(bcdiv(bill, ratio, 2))`).
        let quotient = Fixed::integer(cap.minor());
        let needed = if rules.preset == Some(Preset::CrmebPhp) {
            quotient.div(value, 2, Rounding::Down)?.round(0, Rounding::Ceiling)?.units()
        } else {
            quotient.div(value, 0, Rounding::Ceiling)?.units()
        };
        let needed = needed.clamp(0, i64::MAX as i128) as i64;
        needed_points = Some(needed);
        limit(&mut points, needed, "the bill (or the share points may pay of it)")?;
    }
    // Whole steps only.
    points -= points % r.step;
    if points < r.min {
        if strict {
            return Err(reject(format!("{asked} points asked; at least {} must be used at once", r.min)));
        }
        return Ok((0, Money::ZERO));
    }
    // Only if the points used are still the ones needed: a step or a minimum may have
    // changed them.
    if crmeb_php_covers && needed_points == Some(points) && points > 0 {
        return Ok((points, cap));
    }
    let deduction = checked(worth(points)?.round(0, Rounding::Down)?.units())?.min(cap);
    Ok((points, deduction))
}
