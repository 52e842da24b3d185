//! The reward rules: a versioned JSON document, read into these types with every value
//! checked, every unknown key refused and every error located (`commission.levels[1]`).
//!
//! ```json
//! { "version": 1, "preset": "crmeb-php",
//!   "commission": { "levels": ["10%", "5%"], "base": "paid", "rounding": "down", "per": "line" },
//!   "points": { "earnPerYuan": 1, "redeem": { "valuePerPoint": 1, "maxShare": "50%" } } }
//! ```
//!
//! A `preset` reproduces the formulas of a backend shops already run (see [`Preset`]); the
//! other fields then describe that shop's settings, in the same terms.

use super::fields::{allocation, amount, amount_value, count, rate, rates, rounding, strings};
use crate::money::{Allocation, Money, Rate, Rounding};
use crate::value::read::Obj;
use crate::value::Value;
use crate::{ErrorKind, Result};

/// The rules format version this library reads.
pub const VERSION: u32 = 1;
/// Most commission levels.
pub const MAX_LEVELS: usize = 5;
/// Most overrides, tiers or ladder steps.
pub const MAX_ITEMS: usize = 1000;

const KIND: ErrorKind = ErrorKind::RewardRulesInvalid;

/// A backend whose arithmetic the preview reproduces to the fen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// CRMEB, PHP edition: yuan with bcmath truncation to 4 places between steps.
    CrmebPhp,
    /// CRMEB, Java edition: per unit, truncated to the fen, times the quantity.
    CrmebJava,
    /// yudao (芋道) mall: integer fen, floors.
    Yudao,
    /// likeshop: per line, half away from zero to the fen; records under ¥0.01 dropped.
    Likeshop,
}

impl Preset {
    /// Every preset with its name in the rules.
    pub const NAMES: [(&'static str, Preset); 4] = [
        ("crmeb-php", Preset::CrmebPhp),
        ("crmeb-java", Preset::CrmebJava),
        ("yudao", Preset::Yudao),
        ("likeshop", Preset::Likeshop),
    ];
}

/// What a commission rate is applied to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base {
    /// The SKU price times the quantity.
    Price,
    /// The member price (or the price, without one) times the quantity.
    MemberPrice,
    /// What the buyer pays for the line: after member price, activity price, and its share
    /// of the coupon and the points deduction.
    Paid,
}

/// Where a rounding step sits: CRMEB's editions differ only in this.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Per {
    /// Each unit rounded, then times the quantity.
    Unit,
    /// Each line rounded.
    Line,
    /// The order's total rounded once (lines then share it by the largest remainder).
    Order,
}

/// What a commission override applies to, most specific first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// One SKU.
    Sku(String),
    /// Every SKU of a product.
    Product(String),
    /// Every product of a category.
    Category(String),
}

/// What an override does for the lines it matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// A fixed amount per unit for each level, times the quantity (wins over rates).
    Fixed(Vec<Money>),
    /// Rates of its own, per level.
    Rates(Vec<Rate>),
    /// No commission.
    Exclude,
}

/// A commission override.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Override {
    /// What it matches.
    pub target: Target,
    /// What it does.
    pub action: Action,
}

/// How the earner's tier changes a commission rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TierRates {
    /// The tier's rates replace the rules' (where the tier has them).
    Replace,
    /// The tier's multiplier scales the rate.
    Multiply,
    /// Tiers do not change commission.
    Ignore,
}

/// Who earns commission.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Promoters {
    /// Every member who shares.
    Everyone,
    /// Only members marked as promoters.
    Designated,
}

/// Commission of the sharer (level 1) and of whoever invited the sharer (level 2, ...).
#[derive(Clone, Debug, PartialEq)]
pub struct Commission {
    /// The rate of each level, level 1 first.
    pub levels: Vec<Rate>,
    /// What the rates apply to. Default: `paid`.
    pub base: Base,
    /// Whether the line's share of shipping is added to the base. Default: false.
    pub shipping: bool,
    /// Rounding of each record. Default: `down`.
    pub rounding: Rounding,
    /// Where rounding happens. Default: `line`.
    pub per: Per,
    /// Overrides by SKU, product or category.
    pub overrides: Vec<Override>,
    /// Activity orders (`seckill`, `bargain`, `groupBuy`) that earn nothing.
    pub exclude_activities: Vec<String>,
    /// How the earner's tier changes rates. Default: `replace`.
    pub tier_rates: TierRates,
    /// Records below this are dropped. Default: 0.
    pub minimum: Money,
    /// Most a level earns on one order.
    pub cap_per_order: Option<Money>,
    /// Most a line's record may be, as a share of what the line paid.
    pub cap_share_of_line: Option<Rate>,
    /// Whether a sharer earns on their own purchase. Default: true.
    pub self_purchase: bool,
    /// Who may earn. Default: everyone.
    pub promoters: Promoters,
}

/// The order of the buyer's discounts, and how order-wide ones are split over lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Discounts {
    /// How the coupon, the points deduction and shipping are split over lines. Default:
    /// `last` (CRMEB, yudao).
    pub allocation: Allocation,
}

/// How points are redeemed at checkout.
#[derive(Clone, Debug, PartialEq)]
pub struct Redeem {
    /// What one point is worth, in fen (may be a fraction: 0.5).
    pub value_per_point: Rate,
    /// Fewest points that may be used at once. Default: 0.
    pub min: i64,
    /// Points are used in multiples of this. Default: 1.
    pub step: i64,
    /// Most points per order.
    pub max_points: Option<i64>,
    /// Most of the order (after coupons) points may pay.
    pub max_share: Option<Rate>,
    /// Over a limit: use as many as allowed (`cap`, default) or refuse (`reject`).
    pub reject_over_limit: bool,
}

/// Points earned on orders and redeemed at checkout.
#[derive(Clone, Debug, PartialEq)]
pub struct Points {
    /// Points per yuan paid (a fraction is allowed: 0.5). Default: 0 (none).
    pub earn_per_yuan: Rate,
    /// Rounding of points earned. Default: `down` (points granted round down).
    pub earn_rounding: Rounding,
    /// Orders paying less earn nothing. Default: 0.
    pub earn_min_order: Money,
    /// Most points one order earns.
    pub earn_max_per_order: Option<i64>,
    /// Whether the buyer's tier multiplies points earned. Default: true.
    pub tier_multiplier: bool,
    /// Redemption, when allowed.
    pub redeem: Option<Redeem>,
}

/// One membership tier.
#[derive(Clone, Debug, PartialEq)]
pub struct Tier {
    /// Its name, as carts and contexts refer to it.
    pub name: String,
    /// Growth value (or spend, in fen) from which a member is in it.
    pub threshold: i64,
    /// Member price as a share of the price (`"95%"`), when the tier has one.
    pub discount: Option<Rate>,
    /// Commission rates per level replacing the rules' (with `tierRates: "replace"`).
    pub commission_rates: Option<Vec<Rate>>,
    /// Commission multiplier (with `tierRates: "multiply"`).
    pub commission_multiplier: Option<Rate>,
    /// Points multiplier.
    pub points_multiplier: Option<Rate>,
}

/// Membership tiers by growth value or spend.
#[derive(Clone, Debug, PartialEq)]
pub struct Tiers {
    /// Whether thresholds are growth value (`growth`, default) or spend in fen over a
    /// window (`spend`, supplied as an aggregate).
    pub by_spend: bool,
    /// Growth value per yuan paid. Default: 1.
    pub growth_per_yuan: Rate,
    /// Tiers by ascending threshold.
    pub levels: Vec<Tier>,
}

/// A bonus for reaching a number of qualified invites.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LadderStep {
    /// Qualified invites needed.
    pub invites: i64,
    /// Bonus amount.
    pub bonus: Money,
    /// Bonus points.
    pub points: i64,
}

/// Inviting new members.
#[derive(Clone, Debug, PartialEq)]
pub struct Invites {
    /// The invitee's coupon: amount off, and the spend it needs.
    pub invitee_coupon: Option<(Money, Money)>,
    /// Whether the inviter is rewarded on the invitee's first paid order (else on sign-up).
    pub reward_on_first_order: bool,
    /// The inviter's reward per invite: amount and points.
    pub reward: (Money, i64),
    /// Most rewarded invites a day.
    pub daily_cap: Option<i64>,
    /// Bonuses by ascending invite count.
    pub ladder: Vec<LadderStep>,
}

/// The reward rules.
#[derive(Clone, Debug, PartialEq)]
pub struct Rules {
    /// The backend whose arithmetic is reproduced, if any.
    pub preset: Option<Preset>,
    /// Commission, if the shop pays any.
    pub commission: Option<Commission>,
    /// Discount allocation.
    pub discounts: Discounts,
    /// Points, if the shop has them.
    pub points: Option<Points>,
    /// Tiers, if the shop has them.
    pub tiers: Option<Tiers>,
    /// Invites, if the shop rewards them.
    pub invites: Option<Invites>,
    /// Days after receipt before commission is settled (the return window). Default: 7.
    pub return_days: i64,
}

impl Rules {
    /// Reads and checks rules from their JSON value.
    ///
    /// # Errors
    /// [`ErrorKind::RewardRulesInvalid`] with the path of the first bad value
    /// (`rules.commission.levels[1]`).
    pub fn from_value(value: &Value) -> Result<Rules> {
        let mut o = Obj::new_as(value, "rules", KIND, "rules")?;
        let version_path = o.at("version");
        match o.get("version") {
            Some(Value::Number(v)) if *v == VERSION as f64 => {}
            _ => return Err(o.error(&version_path, format!("must be {VERSION}, the version this library reads"))),
        }
        let preset = o.choice("preset", &Preset::NAMES)?;
        let commission = o.object("commission")?.map(read_commission).transpose()?;
        let discounts = match o.object("discounts")? {
            Some(mut d) => {
                let allocation = allocation(&mut d, "allocation")?.unwrap_or(Allocation::Last);
                d.finish()?;
                Discounts { allocation }
            }
            None => Discounts { allocation: Allocation::Last },
        };
        let points = o.object("points")?.map(read_points).transpose()?;
        let tiers = o.object("tiers")?.map(read_tiers).transpose()?;
        let invites = o.object("invites")?.map(read_invites).transpose()?;
        let return_days = match o.object("settlement")? {
            Some(mut s) => {
                let days = count(&mut s, "returnDays", 0, 365)?.unwrap_or(7);
                s.finish()?;
                days
            }
            None => 7,
        };
        o.finish()?;
        Ok(Rules { preset, commission, discounts, points, tiers, invites, return_days })
    }

    /// Reads and checks rules from JSON text.
    ///
    /// # Errors
    /// [`ErrorKind::RewardRulesInvalid`], for bad JSON too.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str) -> Result<Rules> {
        Rules::from_value(&crate::value::parse_json_as(text, "rules", KIND)?)
    }
}

/// A multiplier or share up to 100x: tier multipliers, growth per yuan.
const HUNDRED_X: i64 = 100 * Rate::ONE_PPM;

fn read_commission(mut o: Obj) -> Result<Commission> {
    let path = o.at("levels");
    let levels = rates(&mut o, "levels", MAX_LEVELS, Rate::ONE)?.ok_or_else(|| o.error(&path, "is required"))?;
    let base = o.choice("base", &[("price", Base::Price), ("memberPrice", Base::MemberPrice), ("paid", Base::Paid)])?;
    let per = o.choice("per", &[("unit", Per::Unit), ("line", Per::Line), ("order", Per::Order)])?;
    let mut overrides = Vec::new();
    let list_path = o.at("overrides");
    for (i, item) in o.array("overrides")?.unwrap_or_default().iter().enumerate().take(MAX_ITEMS + 1) {
        if i == MAX_ITEMS {
            return Err(o.error(&list_path, format!("may list at most {MAX_ITEMS} overrides")));
        }
        overrides.push(read_override(Obj::item(item, &list_path, i, KIND)?, levels.len())?);
    }
    let exclude_activities = strings(&mut o, "excludeActivities")?;
    let tier_rates = o.choice(
        "tierRates",
        &[("replace", TierRates::Replace), ("multiply", TierRates::Multiply), ("ignore", TierRates::Ignore)],
    )?;
    let promoters =
        o.choice("promoters", &[("everyone", Promoters::Everyone), ("designated", Promoters::Designated)])?;
    let c = Commission {
        base: base.unwrap_or(Base::Paid),
        shipping: o.boolean("shipping")?.unwrap_or(false),
        rounding: rounding(&mut o, "rounding")?.unwrap_or(Rounding::Down),
        per: per.unwrap_or(Per::Line),
        overrides,
        exclude_activities,
        tier_rates: tier_rates.unwrap_or(TierRates::Replace),
        minimum: amount(&mut o, "minimum", 0)?.unwrap_or(Money::ZERO),
        cap_per_order: amount(&mut o, "capPerOrder", 0)?,
        cap_share_of_line: rate(&mut o, "capShareOfLine", Rate::ONE)?,
        self_purchase: o.boolean("selfPurchase")?.unwrap_or(true),
        promoters: promoters.unwrap_or(Promoters::Everyone),
        levels,
    };
    o.finish()?;
    Ok(c)
}

fn read_override(mut o: Obj, levels: usize) -> Result<Override> {
    let keys = [("sku", 0), ("product", 1), ("category", 2)];
    let present: Vec<usize> = keys.iter().filter(|(k, _)| o.has(k)).map(|(_, i)| *i).collect();
    if present.len() != 1 {
        return Err(o.error(&o.path(), "an override names exactly one of sku, product or category"));
    }
    let (target, id) = match present[0] {
        0 => (Target::Sku as fn(String) -> Target, o.required_string("sku")?),
        1 => (Target::Product as fn(String) -> Target, o.required_string("product")?),
        _ => (Target::Category as fn(String) -> Target, o.required_string("category")?),
    };
    let actions = [o.has("fixed"), o.has("rates"), o.has("exclude")];
    if actions.iter().filter(|a| **a).count() != 1 {
        return Err(o.error(&o.path(), "an override has exactly one of fixed, rates or exclude"));
    }
    let action = if actions[0] {
        let path = o.at("fixed");
        let items = o.array("fixed")?.unwrap_or_default();
        if items.len() != levels {
            return Err(o.error(&path, format!("must list one amount per commission level ({levels})")));
        }
        let amounts = items.iter().enumerate().map(|(i, v)| amount_value(&o, v, &format!("{path}[{i}]"), 0));
        let amounts = amounts.collect::<Result<Vec<Money>>>()?;
        Action::Fixed(amounts)
    } else if actions[1] {
        let path = o.at("rates");
        let r = rates(&mut o, "rates", MAX_LEVELS, Rate::ONE)?.unwrap_or_default();
        if r.len() != levels {
            return Err(o.error(&path, format!("must list one rate per commission level ({levels})")));
        }
        Action::Rates(r)
    } else {
        let path = o.at("exclude");
        if o.boolean("exclude")? != Some(true) {
            return Err(o.error(&path, "must be true (leave the override out to keep commission)"));
        }
        Action::Exclude
    };
    o.finish()?;
    Ok(Override { target: target(id.to_owned()), action })
}

fn read_points(mut o: Obj) -> Result<Points> {
    let redeem = match o.object("redeem")? {
        Some(mut r) => {
            let path = r.at("valuePerPoint");
            let value_per_point = rate(&mut r, "valuePerPoint", Rate::from_ppm(HUNDRED_X * 100)?)?
                .ok_or_else(|| r.error(&path, "is required"))?;
            let over = r.choice("overLimit", &[("cap", false), ("reject", true)])?;
            let redeem = Redeem {
                value_per_point,
                min: count(&mut r, "min", 0, i64::MAX >> 11)?.unwrap_or(0),
                step: count(&mut r, "step", 1, i64::MAX >> 11)?.unwrap_or(1),
                max_points: count(&mut r, "maxPoints", 0, i64::MAX >> 11)?,
                max_share: rate(&mut r, "maxShare", Rate::ONE)?,
                reject_over_limit: over.unwrap_or(false),
            };
            r.finish()?;
            Some(redeem)
        }
        None => None,
    };
    let p = Points {
        earn_per_yuan: rate(&mut o, "earnPerYuan", Rate::from_ppm(HUNDRED_X * 100)?)?.unwrap_or(Rate::ZERO),
        earn_rounding: rounding(&mut o, "earnRounding")?.unwrap_or(Rounding::Down),
        earn_min_order: amount(&mut o, "earnMinOrder", 0)?.unwrap_or(Money::ZERO),
        earn_max_per_order: count(&mut o, "earnMaxPerOrder", 0, i64::MAX >> 11)?,
        tier_multiplier: o.boolean("tierMultiplier")?.unwrap_or(true),
        redeem,
    };
    o.finish()?;
    Ok(p)
}

fn read_tiers(mut o: Obj) -> Result<Tiers> {
    let by_spend = o.choice("basis", &[("growth", false), ("spend", true)])?.unwrap_or(false);
    let growth_per_yuan = rate(&mut o, "growthPerYuan", Rate::from_ppm(HUNDRED_X)?)?.unwrap_or(Rate::ONE);
    let list_path = o.at("levels");
    let items = o.array("levels")?.ok_or_else(|| o.error(&list_path, "is required"))?;
    if items.is_empty() || items.len() > MAX_ITEMS {
        return Err(o.error(&list_path, format!("must list 1 to {MAX_ITEMS} tiers")));
    }
    let mut levels: Vec<Tier> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let mut t = Obj::item(item, &list_path, i, KIND)?;
        let name = t.required_string("name")?.to_owned();
        let threshold_path = t.at("threshold");
        let threshold =
            count(&mut t, "threshold", 0, i64::MAX >> 11)?.ok_or_else(|| t.error(&threshold_path, "is required"))?;
        if let Some(prev) = levels.last() {
            if threshold <= prev.threshold {
                return Err(t.error(&threshold_path, "thresholds must rise from one tier to the next"));
            }
        }
        if levels.iter().any(|l| l.name == name) {
            return Err(t.error(&t.at("name"), "two tiers have this name"));
        }
        let tier = Tier {
            name,
            threshold,
            discount: rate(&mut t, "discount", Rate::ONE)?,
            commission_rates: rates(&mut t, "commissionRates", MAX_LEVELS, Rate::ONE)?,
            commission_multiplier: rate(&mut t, "commissionMultiplier", Rate::from_ppm(HUNDRED_X)?)?,
            points_multiplier: rate(&mut t, "pointsMultiplier", Rate::from_ppm(HUNDRED_X)?)?,
        };
        t.finish()?;
        levels.push(tier);
    }
    o.finish()?;
    Ok(Tiers { by_spend, growth_per_yuan, levels })
}

fn read_invites(mut o: Obj) -> Result<Invites> {
    let invitee_coupon = match o.object("inviteeCoupon")? {
        Some(mut c) => {
            let path = c.at("amount");
            let off = amount(&mut c, "amount", 1)?.ok_or_else(|| c.error(&path, "is required"))?;
            let min_spend = amount(&mut c, "minSpend", 0)?.unwrap_or(Money::ZERO);
            c.finish()?;
            Some((off, min_spend))
        }
        None => None,
    };
    let on = o.choice("rewardOn", &[("signup", false), ("firstOrder", true)])?.unwrap_or(false);
    let reward = (
        amount(&mut o, "rewardAmount", 0)?.unwrap_or(Money::ZERO),
        count(&mut o, "rewardPoints", 0, i64::MAX >> 11)?.unwrap_or(0),
    );
    let daily_cap = count(&mut o, "dailyCap", 1, 1_000_000)?;
    let mut ladder: Vec<LadderStep> = Vec::new();
    let list_path = o.at("ladder");
    for (i, item) in o.array("ladder")?.unwrap_or_default().iter().enumerate() {
        if i == MAX_ITEMS {
            return Err(o.error(&list_path, format!("may list at most {MAX_ITEMS} steps")));
        }
        let mut s = Obj::item(item, &list_path, i, KIND)?;
        let path = s.at("invites");
        let invites = count(&mut s, "invites", 1, 1_000_000_000)?.ok_or_else(|| s.error(&path, "is required"))?;
        if ladder.last().is_some_and(|l| invites <= l.invites) {
            return Err(s.error(&path, "steps must rise from one to the next"));
        }
        let step = LadderStep {
            invites,
            bonus: amount(&mut s, "bonus", 0)?.unwrap_or(Money::ZERO),
            points: count(&mut s, "points", 0, i64::MAX >> 11)?.unwrap_or(0),
        };
        s.finish()?;
        ladder.push(step);
    }
    o.finish()?;
    Ok(Invites { invitee_coupon, reward_on_first_order: on, reward, daily_cap, ladder })
}
