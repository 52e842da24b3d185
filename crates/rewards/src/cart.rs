//! What a preview is computed for: the cart (lines, shipping, coupon, points to use) and
//! the context (who buys, who shared, their tiers and balances, invite counts, the date).
//!
//! ```json
//! { "lines": [{ "sku": "A1", "product": "P1", "category": "coats", "price": 29900, "quantity": 1 }],
//!   "shipping": 1000, "coupon": 2000, "points": 500 }
//! ```
//!
//! As with the rules, these types mirror the JSON field for field and its TypeScript
//! declarations (`RewardCart`, `RewardLine`, `RewardContext`, `RewardMember`) are generated
//! from them. Amounts are fen.

use super::fields::{amount, count};
use crate::money::Money;
use crate::value::read::Obj;
use crate::value::Value;
use crate::{ErrorKind, Result};
use tsify::Tsify;

/// Most lines in a cart.
pub const MAX_LINES: usize = 1000;
/// Most units of one line.
pub const MAX_QUANTITY: i64 = 1_000_000;
/// Most points in a balance or a request (2^40: a trillion).
pub const MAX_POINTS: i64 = 1 << 40;

const KIND: ErrorKind = ErrorKind::RewardCartInvalid;

/// One line of the cart.
#[derive(Clone, Debug, PartialEq, Eq, Default, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(type_prefix = "Reward")]
pub struct Line {
    /// SKU id, for overrides.
    #[serde(default)]
    pub sku: String,
    /// Product id, for overrides.
    #[serde(default)]
    pub product: String,
    /// Category id, for overrides.
    #[serde(default)]
    pub category: String,
    /// Unit price.
    #[tsify(type = "number")]
    pub price: Money,
    /// Unit member price, when the shop sets one per SKU (else the buyer's tier discount
    /// applies to the price).
    #[tsify(optional, type = "number")]
    pub member_price: Option<Money>,
    /// Units (1 to 1,000,000).
    pub quantity: i64,
    /// The activity the line is sold under (`seckill`, `bargain`, `groupBuy`), if any.
    #[tsify(optional)]
    pub activity: Option<String>,
    /// Unit price under the activity (replaces the member price).
    #[tsify(optional, type = "number")]
    pub activity_price: Option<Money>,
    /// Points given per unit on top of points per yuan.
    #[serde(default)]
    pub gift_points: i64,
    /// The line's own shipping fee (CRMEB's per-line postage), on top of the order's.
    #[serde(default)]
    #[tsify(type = "number")]
    pub shipping: Money,
}

/// The cart.
#[derive(Clone, Debug, PartialEq, Eq, Default, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(type_prefix = "Reward")]
pub struct Cart {
    /// Its lines (1 to 1000).
    pub lines: Vec<Line>,
    /// Shipping for the whole order.
    #[serde(default)]
    #[tsify(type = "number")]
    pub shipping: Money,
    /// Coupon amount off the order.
    #[serde(default)]
    #[tsify(type = "number")]
    pub coupon: Money,
    /// Points the buyer wants to use.
    #[serde(default)]
    pub points: i64,
}

/// A member taking part: the buyer, the sharer, the sharer's inviter.
#[derive(Clone, Debug, PartialEq, Eq, Default, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(type_prefix = "Reward")]
pub struct Member {
    /// Their id (to tell a self-purchase).
    #[tsify(optional)]
    pub id: Option<String>,
    /// Their tier's name.
    #[tsify(optional)]
    pub tier: Option<String>,
    /// Growth value (or spend in fen, by the tiers' basis) so far.
    #[serde(default)]
    pub growth: i64,
    /// Points balance.
    #[serde(default)]
    pub points: i64,
    /// Whether they are a designated promoter.
    #[serde(default)]
    pub promoter: bool,
}

/// The sharer's invite counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(type_prefix = "Reward")]
pub struct InviteCounts {
    /// Qualified invites so far.
    #[serde(default)]
    pub qualified: i64,
    /// Invites rewarded today (for a daily cap).
    #[serde(default)]
    pub today: i64,
}

/// Who is involved, and when.
#[derive(Clone, Debug, PartialEq, Eq, Default, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(type_prefix = "Reward")]
pub struct Context {
    /// The buyer.
    #[serde(default)]
    pub buyer: Member,
    /// Whoever shared the link, level 1 of commission; then their inviter (level 2), and so
    /// on. Empty: nobody earns commission.
    #[serde(default)]
    pub sharers: Vec<Member>,
    /// The sharer's invite counts.
    #[serde(default)]
    pub invites: InviteCounts,
    /// Today (`YYYY-MM-DD` in the document; here days since 1970-01-01), for the settlement
    /// date.
    #[tsify(optional, type = "string")]
    pub today: Option<i64>,
}

impl Cart {
    /// Reads and checks a cart.
    ///
    /// # Errors
    /// [`ErrorKind::RewardCartInvalid`] with the path of the first bad value
    /// (`cart.lines[0].quantity`).
    pub fn from_value(value: &Value) -> Result<Cart> {
        let mut o = Obj::new_as(value, "cart", KIND, "cart")?;
        let path = o.at("lines");
        let items = o.array("lines")?.ok_or_else(|| o.error(&path, "is required"))?;
        if items.is_empty() || items.len() > MAX_LINES {
            return Err(o.error(&path, format!("must hold 1 to {MAX_LINES} lines, not {}", items.len())));
        }
        let lines = items.iter().enumerate().map(|(i, v)| read_line(Obj::item(v, &path, i, KIND)?));
        let cart = Cart {
            lines: lines.collect::<Result<Vec<Line>>>()?,
            shipping: amount(&mut o, "shipping", 0)?.unwrap_or_default(),
            coupon: amount(&mut o, "coupon", 0)?.unwrap_or_default(),
            points: count(&mut o, "points", 0, MAX_POINTS)?.unwrap_or(0),
        };
        o.finish()?;
        Ok(cart)
    }
}

fn id(o: &mut Obj, key: &'static str) -> Result<String> {
    Ok(o.string(key)?.unwrap_or_default().to_owned())
}

fn read_line(mut o: Obj) -> Result<Line> {
    let activity = o.string("activity")?.map(str::to_owned);
    let Some(price) = amount(&mut o, "price", 0)? else { return Err(o.error(&o.at("price"), "is required")) };
    let Some(quantity) = count(&mut o, "quantity", 1, MAX_QUANTITY)? else {
        return Err(o.error(&o.at("quantity"), "is required"));
    };
    let line = Line {
        sku: id(&mut o, "sku")?,
        product: id(&mut o, "product")?,
        category: id(&mut o, "category")?,
        price,
        member_price: amount(&mut o, "memberPrice", 0)?,
        quantity,
        activity_price: amount(&mut o, "activityPrice", 0)?,
        gift_points: count(&mut o, "giftPoints", 0, MAX_POINTS)?.unwrap_or(0),
        shipping: amount(&mut o, "shipping", 0)?.unwrap_or_default(),
        activity,
    };
    o.finish()?;
    Ok(line)
}

fn read_member(mut o: Obj) -> Result<Member> {
    let m = Member {
        id: o.string("id")?.map(str::to_owned),
        tier: o.string("tier")?.map(str::to_owned),
        growth: count(&mut o, "growth", 0, i64::MAX >> 11)?.unwrap_or(0),
        points: count(&mut o, "points", 0, MAX_POINTS)?.unwrap_or(0),
        promoter: o.boolean("promoter")?.unwrap_or(false),
    };
    o.finish()?;
    Ok(m)
}

impl Context {
    /// Reads and checks a context; `null` is an anonymous buyer and no sharer.
    ///
    /// # Errors
    /// [`ErrorKind::RewardCartInvalid`] with the path (under `context`) of the first bad
    /// value.
    pub fn from_value(value: &Value) -> Result<Context> {
        if *value == Value::Null {
            return Ok(Context::default());
        }
        let mut o = Obj::new_as(value, "context", KIND, "context")?;
        let buyer = o.object("buyer")?.map(read_member).transpose()?.unwrap_or_default();
        let path = o.at("sharers");
        let items = o.array("sharers")?.unwrap_or_default();
        if items.len() > super::rules::MAX_LEVELS {
            return Err(o.error(&path, format!("lists at most {} sharers (one per level)", super::rules::MAX_LEVELS)));
        }
        let sharers = items.iter().enumerate().map(|(i, v)| read_member(Obj::item(v, &path, i, KIND)?));
        let sharers = sharers.collect::<Result<Vec<Member>>>()?;
        let invites = match o.object("invites")? {
            Some(mut i) => {
                let qualified = count(&mut i, "qualified", 0, 1_000_000_000)?.unwrap_or(0);
                let today = count(&mut i, "today", 0, 1_000_000_000)?.unwrap_or(0);
                i.finish()?;
                InviteCounts { qualified, today }
            }
            None => InviteCounts::default(),
        };
        let today_path = o.at("today");
        let today = o
            .string("today")?
            .map(|d| days_from_date(d).ok_or_else(|| o.error(&today_path, "must be a date such as \"2026-11-24\"")))
            .transpose()?;
        o.finish()?;
        Ok(Context { buyer, sharers, invites, today })
    }
}

/// `YYYY-MM-DD` -> days since 1970-01-01 (proleptic Gregorian), or `None`.
pub fn days_from_date(date: &str) -> Option<i64> {
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |s: &[u8]| s.iter().try_fold(0i64, |n, &c| c.is_ascii_digit().then(|| n * 10 + (c - b'0') as i64));
    let (y, m, d) = (num(&b[..4])?, num(&b[5..7])?, num(&b[8..])?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&m) || d < 1 || d > month_days[(m - 1) as usize] {
        return None;
    }
    // Days from the civil date by 400-year eras (the method of Howard Hinnant's "chrono-
    // Compatible Low-Level Date Algorithms").
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Days since 1970-01-01 -> `YYYY-MM-DD`.
pub fn date_from_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    format!("{y:04}-{m:02}-{d:02}")
}
