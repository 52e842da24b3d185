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
//!
//! These types mirror the JSON document field for field, and its TypeScript declarations
//! (`RewardRules`, `RewardCommission`, ...) are generated from them with `tsify`: the
//! `#[serde]` attributes below only name fields and values for those declarations (the
//! document is read by the functions at the end of this file, and a test checks that they
//! take exactly the keys declared). Amounts are fen, rates [`RewardRate`](RATE_TS) text or
//! fractions.

use super::fields::{allocation, amount, amount_value, count, rate, rates, rounding, strings};
use crate::money::{Allocation, Money, Rate, Rounding};
use crate::value::read::Obj;
use crate::value::Value;
use crate::{ErrorKind, Result};
use tsify::Tsify;

/// The rules format version this library reads.
pub const VERSION: u32 = 1;
/// Most commission levels.
pub const MAX_LEVELS: usize = 5;
/// Most overrides, tiers or ladder steps.
pub const MAX_ITEMS: usize = 1000;

const KIND: ErrorKind = ErrorKind::RewardRulesInvalid;

/// A backend whose arithmetic the preview reproduces to the fen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[tsify(type_prefix = "Reward")]
pub enum Preset {
    /// CRMEB, PHP edition: yuan with bcmath truncation to 4 places between steps.
    #[serde(rename = "crmeb-php")]
    CrmebPhp,
    /// CRMEB, Java edition: per unit, truncated to the fen, times the quantity.
    #[serde(rename = "crmeb-java")]
    CrmebJava,
    /// yudao (芋道) mall: integer fen, floors.
    #[serde(rename = "yudao")]
    Yudao,
    /// likeshop: per line, half away from zero to the fen; records under ¥0.01 dropped.
    #[serde(rename = "likeshop")]
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(type_prefix = "Reward")]
pub enum Base {
    /// The SKU price times the quantity.
    Price,
    /// The member price (or the price, without one) times the quantity.
    MemberPrice,
    /// What the buyer pays for the line: after member price, activity price, and its share
    /// of the coupon and the points deduction.
    #[default]
    Paid,
}

impl Base {
    /// Every value with its name in the rules.
    pub const NAMES: [(&'static str, Base); 3] =
        [("price", Base::Price), ("memberPrice", Base::MemberPrice), ("paid", Base::Paid)];
}

/// Where a rounding step sits: CRMEB's editions differ only in this.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(type_prefix = "Reward")]
pub enum Per {
    /// Each unit rounded, then times the quantity.
    Unit,
    /// Each line rounded.
    #[default]
    Line,
    /// The order's total rounded once (lines then share it by the largest remainder).
    Order,
}

impl Per {
    /// Every value with its name in the rules.
    pub const NAMES: [(&'static str, Per); 3] = [("unit", Per::Unit), ("line", Per::Line), ("order", Per::Order)];
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

/// A commission override. (Its TypeScript type, `RewardOverride`, is written by hand in
/// [`OVERRIDE_TS`]: the JSON object holds the target's key and the action's key side by
/// side, which a declaration generated from these two enums cannot say.)
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Override {
    /// What it matches.
    pub target: Target,
    /// What it does.
    pub action: Action,
}

/// How the earner's tier changes a commission rate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(type_prefix = "Reward")]
pub enum TierRates {
    /// The tier's rates replace the rules' (where the tier has them).
    #[default]
    Replace,
    /// The tier's multiplier scales the rate.
    Multiply,
    /// Tiers do not change commission.
    Ignore,
}

impl TierRates {
    /// Every value with its name in the rules.
    pub const NAMES: [(&'static str, TierRates); 3] =
        [("replace", TierRates::Replace), ("multiply", TierRates::Multiply), ("ignore", TierRates::Ignore)];
}

/// Who earns commission.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(type_prefix = "Reward")]
pub enum Promoters {
    /// Every member who shares.
    #[default]
    Everyone,
    /// Only members marked as promoters.
    Designated,
}

impl Promoters {
    /// Every value with its name in the rules.
    pub const NAMES: [(&'static str, Promoters); 2] =
        [("everyone", Promoters::Everyone), ("designated", Promoters::Designated)];
}

/// Commission of the sharer (level 1) and of whoever invited the sharer (level 2, ...).
#[derive(Clone, Debug, PartialEq, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(type_prefix = "Reward")]
pub struct Commission {
    /// The rate of each level, level 1 first: 1 to 5 levels, each at most 100%.
    #[tsify(type = "RewardRate[]")]
    pub levels: Vec<Rate>,
    /// What the rates apply to. Default: `paid`.
    #[serde(default)]
    pub base: Base,
    /// Whether the line's share of shipping is added to the base. Default: false.
    #[serde(default)]
    pub shipping: bool,
    /// Rounding of each record. Default: `down`.
    #[serde(default)]
    #[tsify(type = "RoundingMode")]
    pub rounding: Rounding,
    /// Where rounding happens. Default: `line`.
    #[serde(default)]
    pub per: Per,
    /// Overrides by SKU, product or category, most specific first.
    #[serde(default)]
    #[tsify(type = "RewardOverride[]")]
    pub overrides: Vec<Override>,
    /// Activity orders (`seckill`, `bargain`, `groupBuy`) that earn nothing.
    #[serde(default)]
    pub exclude_activities: Vec<String>,
    /// How the earner's tier changes rates. Default: `replace`.
    #[serde(default)]
    pub tier_rates: TierRates,
    /// Records below this (fen) are dropped. Default: 0.
    #[serde(default)]
    #[tsify(type = "number")]
    pub minimum: Money,
    /// Most a level earns on one order (fen).
    #[tsify(optional, type = "number")]
    pub cap_per_order: Option<Money>,
    /// Most a line's record may be, as a share of what the line paid.
    #[tsify(optional, type = "RewardRate")]
    pub cap_share_of_line: Option<Rate>,
    /// Whether a sharer earns on their own purchase. Default: true.
    #[serde(default)]
    pub self_purchase: bool,
    /// Who may earn. Default: everyone.
    #[serde(default)]
    pub promoters: Promoters,
}

/// The order of the buyer's discounts, and how order-wide ones are split over lines.
#[derive(Clone, Debug, PartialEq, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(type_prefix = "Reward")]
pub struct Discounts {
    /// How the coupon, the points deduction and shipping are split over lines. Default:
    /// `last` (CRMEB, yudao).
    #[serde(default)]
    #[tsify(type = "AllocationMethod")]
    pub allocation: Allocation,
}

/// What to do when more points are asked for than the rules allow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(type_prefix = "Reward")]
pub enum OverLimit {
    /// Use as many as allowed.
    #[default]
    Cap,
    /// Refuse the cart (`REWARD_CART_INVALID` at `cart.points`).
    Reject,
}

impl OverLimit {
    /// Every value with its name in the rules.
    pub const NAMES: [(&'static str, OverLimit); 2] = [("cap", OverLimit::Cap), ("reject", OverLimit::Reject)];
}

/// How points are redeemed at checkout.
#[derive(Clone, Debug, PartialEq, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(type_prefix = "Reward")]
pub struct Redeem {
    /// What one point is worth, in fen (may be a fraction: 0.5).
    #[tsify(type = "RewardRate")]
    pub value_per_point: Rate,
    /// Fewest points that may be used at once. Default: 0.
    #[serde(default)]
    pub min: i64,
    /// Points are used in multiples of this. Default: 1.
    #[serde(default)]
    pub step: i64,
    /// Most points per order.
    #[tsify(optional)]
    pub max_points: Option<i64>,
    /// Most of the order (after coupons) points may pay.
    #[tsify(optional, type = "RewardRate")]
    pub max_share: Option<Rate>,
    /// Over a limit: use as many as allowed (`cap`, default) or refuse (`reject`).
    #[serde(default)]
    pub over_limit: OverLimit,
}

/// Points earned on orders and redeemed at checkout.
#[derive(Clone, Debug, PartialEq, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(type_prefix = "Reward")]
pub struct Points {
    /// Points per yuan paid (a fraction is allowed: 0.5). Default: 0 (none).
    #[serde(default)]
    #[tsify(type = "RewardRate")]
    pub earn_per_yuan: Rate,
    /// Rounding of points earned. Default: `down` (points granted round down).
    #[serde(default)]
    #[tsify(type = "RoundingMode")]
    pub earn_rounding: Rounding,
    /// Orders paying less (fen) earn nothing. Default: 0.
    #[serde(default)]
    #[tsify(type = "number")]
    pub earn_min_order: Money,
    /// Most points one order earns.
    #[tsify(optional)]
    pub earn_max_per_order: Option<i64>,
    /// Whether the buyer's tier multiplies points earned. Default: true.
    #[serde(default)]
    pub tier_multiplier: bool,
    /// Redemption, when allowed.
    #[tsify(optional)]
    pub redeem: Option<Redeem>,
}

/// One membership tier.
#[derive(Clone, Debug, PartialEq, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(type_prefix = "Reward")]
pub struct Tier {
    /// Its name, as carts and contexts refer to it.
    pub name: String,
    /// Growth value (or spend, in fen) from which a member is in it.
    pub threshold: i64,
    /// Member price as a share of the price (`"95%"`), when the tier has one.
    #[tsify(optional, type = "RewardRate")]
    pub discount: Option<Rate>,
    /// Commission rates per level replacing the rules' (with `tierRates: "replace"`).
    #[tsify(optional, type = "RewardRate[]")]
    pub commission_rates: Option<Vec<Rate>>,
    /// Commission multiplier (with `tierRates: "multiply"`).
    #[tsify(optional, type = "RewardRate")]
    pub commission_multiplier: Option<Rate>,
    /// Points multiplier.
    #[tsify(optional, type = "RewardRate")]
    pub points_multiplier: Option<Rate>,
}

/// What tier thresholds measure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(type_prefix = "Reward")]
pub enum Basis {
    /// Growth value, earned per yuan paid.
    #[default]
    Growth,
    /// Spend in fen over a window, supplied by the caller as an aggregate.
    Spend,
}

impl Basis {
    /// Every value with its name in the rules.
    pub const NAMES: [(&'static str, Basis); 2] = [("growth", Basis::Growth), ("spend", Basis::Spend)];
}

/// Membership tiers by growth value or spend.
#[derive(Clone, Debug, PartialEq, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(type_prefix = "Reward")]
pub struct Tiers {
    /// What thresholds measure. Default: `growth`.
    #[serde(default)]
    pub basis: Basis,
    /// Growth value per yuan paid. Default: 1.
    #[serde(default)]
    #[tsify(type = "RewardRate")]
    pub growth_per_yuan: Rate,
    /// Tiers by ascending threshold (1 to 1000).
    pub levels: Vec<Tier>,
}

/// A bonus for reaching a number of qualified invites.
#[derive(Clone, Debug, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(type_prefix = "Reward")]
pub struct LadderStep {
    /// Qualified invites needed.
    pub invites: i64,
    /// Bonus amount (fen). Default: 0.
    #[serde(default)]
    #[tsify(type = "number")]
    pub bonus: Money,
    /// Bonus points. Default: 0.
    #[serde(default)]
    pub points: i64,
}

/// The coupon an invitee gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(type_prefix = "Reward")]
pub struct InviteeCoupon {
    /// Amount off (fen).
    #[tsify(type = "number")]
    pub amount: Money,
    /// The spend it needs (fen). Default: 0.
    #[serde(default)]
    #[tsify(type = "number")]
    pub min_spend: Money,
}

/// When an invite earns the inviter their reward.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(type_prefix = "Reward")]
pub enum Trigger {
    /// When the invitee signs up.
    #[default]
    Signup,
    /// When the invitee pays their first order.
    FirstOrder,
}

impl Trigger {
    /// Every value with its name in the rules.
    pub const NAMES: [(&'static str, Trigger); 2] = [("signup", Trigger::Signup), ("firstOrder", Trigger::FirstOrder)];
}

/// Inviting new members.
#[derive(Clone, Debug, PartialEq, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(type_prefix = "Reward")]
pub struct Invites {
    /// The invitee's coupon.
    #[tsify(optional)]
    pub invitee_coupon: Option<InviteeCoupon>,
    /// When the inviter is rewarded. Default: `signup`.
    #[serde(default)]
    pub reward_on: Trigger,
    /// The inviter's reward per invite (fen). Default: 0.
    #[serde(default)]
    #[tsify(type = "number")]
    pub reward_amount: Money,
    /// The inviter's reward per invite in points. Default: 0.
    #[serde(default)]
    pub reward_points: i64,
    /// Most rewarded invites a day.
    #[tsify(optional)]
    pub daily_cap: Option<i64>,
    /// Bonuses by ascending invite count.
    #[serde(default)]
    pub ladder: Vec<LadderStep>,
}

/// When commission stops being an estimate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(type_prefix = "Reward")]
pub struct Settlement {
    /// Days after receipt before commission is settled (the return window, 0 to 365).
    /// Default: 7.
    #[serde(default)]
    pub return_days: i64,
}

impl Default for Settlement {
    fn default() -> Self {
        Settlement { return_days: 7 }
    }
}

impl Default for Discounts {
    fn default() -> Self {
        Discounts { allocation: Allocation::Last }
    }
}

/// The reward rules.
#[derive(Clone, Debug, PartialEq, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(type_prefix = "Reward")]
pub struct Rules {
    /// The format version: 1.
    #[tsify(type = "1")]
    pub version: u32,
    /// The backend whose arithmetic is reproduced, if any.
    #[tsify(optional)]
    pub preset: Option<Preset>,
    /// Commission, if the shop pays any.
    #[tsify(optional)]
    pub commission: Option<Commission>,
    /// Discount allocation.
    #[serde(default)]
    pub discounts: Discounts,
    /// Points, if the shop has them.
    #[tsify(optional)]
    pub points: Option<Points>,
    /// Tiers, if the shop has them.
    #[tsify(optional)]
    pub tiers: Option<Tiers>,
    /// Invites, if the shop rewards them.
    #[tsify(optional)]
    pub invites: Option<Invites>,
    /// The return window.
    #[serde(default)]
    pub settlement: Settlement,
}

/// The TypeScript of what the rules' declarations refer to beyond their own types: rates as
/// they may be written, and overrides (see [`Override`]).
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
pub const RATE_TS: &str = r#"
/** A rate: a fraction (`0.1`) or text (`"10%"`, `"9折"`, `"8.5折"`, `"5‰"`). */
export type RewardRate = number | string;
"#;

/// `RewardOverride`, by hand (see [`Override`]).
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
pub const OVERRIDE_TS: &str = r#"
/** A commission override: one target key (matched SKU first, then product, then category)
 * and one action key. `fixed` is an amount per unit (fen) for each level. */
export type RewardOverride = ({ sku: string } | { product: string } | { category: string }) &
  ({ fixed: number[] } | { rates: RewardRate[] } | { exclude: true });
"#;

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
            None => Discounts::default(),
        };
        let points = o.object("points")?.map(read_points).transpose()?;
        let tiers = o.object("tiers")?.map(read_tiers).transpose()?;
        let invites = o.object("invites")?.map(read_invites).transpose()?;
        let settlement = match o.object("settlement")? {
            Some(mut s) => {
                let return_days = count(&mut s, "returnDays", 0, 365)?.unwrap_or(7);
                s.finish()?;
                Settlement { return_days }
            }
            None => Settlement::default(),
        };
        o.finish()?;
        Ok(Rules { version: VERSION, preset, commission, discounts, points, tiers, invites, settlement })
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
    let base = o.choice("base", &Base::NAMES)?;
    let per = o.choice("per", &Per::NAMES)?;
    let mut overrides = Vec::new();
    let list_path = o.at("overrides");
    for (i, item) in o.array("overrides")?.unwrap_or_default().iter().enumerate().take(MAX_ITEMS + 1) {
        if i == MAX_ITEMS {
            return Err(o.error(&list_path, format!("may list at most {MAX_ITEMS} overrides")));
        }
        overrides.push(read_override(Obj::item(item, &list_path, i, KIND)?, levels.len())?);
    }
    let exclude_activities = strings(&mut o, "excludeActivities")?;
    let tier_rates = o.choice("tierRates", &TierRates::NAMES)?;
    let promoters = o.choice("promoters", &Promoters::NAMES)?;
    let c = Commission {
        base: base.unwrap_or_default(),
        shipping: o.boolean("shipping")?.unwrap_or(false),
        rounding: rounding(&mut o, "rounding")?.unwrap_or(Rounding::Down),
        per: per.unwrap_or_default(),
        overrides,
        exclude_activities,
        tier_rates: tier_rates.unwrap_or_default(),
        minimum: amount(&mut o, "minimum", 0)?.unwrap_or(Money::ZERO),
        cap_per_order: amount(&mut o, "capPerOrder", 0)?,
        cap_share_of_line: rate(&mut o, "capShareOfLine", Rate::ONE)?,
        self_purchase: o.boolean("selfPurchase")?.unwrap_or(true),
        promoters: promoters.unwrap_or_default(),
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
            let over_limit = r.choice("overLimit", &OverLimit::NAMES)?.unwrap_or_default();
            let redeem = Redeem {
                value_per_point,
                min: count(&mut r, "min", 0, i64::MAX >> 11)?.unwrap_or(0),
                step: count(&mut r, "step", 1, i64::MAX >> 11)?.unwrap_or(1),
                max_points: count(&mut r, "maxPoints", 0, i64::MAX >> 11)?,
                max_share: rate(&mut r, "maxShare", Rate::ONE)?,
                over_limit,
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
    let basis = o.choice("basis", &Basis::NAMES)?.unwrap_or_default();
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
    Ok(Tiers { basis, growth_per_yuan, levels })
}

fn read_invites(mut o: Obj) -> Result<Invites> {
    let invitee_coupon = match o.object("inviteeCoupon")? {
        Some(mut c) => {
            let path = c.at("amount");
            let amount_off = amount(&mut c, "amount", 1)?.ok_or_else(|| c.error(&path, "is required"))?;
            let min_spend = amount(&mut c, "minSpend", 0)?.unwrap_or(Money::ZERO);
            c.finish()?;
            Some(InviteeCoupon { amount: amount_off, min_spend })
        }
        None => None,
    };
    let reward_on = o.choice("rewardOn", &Trigger::NAMES)?.unwrap_or_default();
    let reward_amount = amount(&mut o, "rewardAmount", 0)?.unwrap_or(Money::ZERO);
    let reward_points = count(&mut o, "rewardPoints", 0, i64::MAX >> 11)?.unwrap_or(0);
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
    Ok(Invites { invitee_coupon, reward_on, reward_amount, reward_points, daily_cap, ladder })
}
