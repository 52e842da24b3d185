//! Binding of [`crate::rewards`]: `previewRewards`.

use super::{json_value, throw, JsResult};
use crate::error::ErrorKind;
use crate::money::Money;
use crate::rewards::{self, commission::Limit, Cart, Context, Rules};
use serde::Serialize;
use std::collections::BTreeMap;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

fn n(m: Money) -> f64 {
    // Amounts are safe integers: exact as JS numbers.
    m.minor() as f64
}

/// One cart line as the buyer pays it (fen).
#[derive(Tsify, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LinePreview {
    /// Price × quantity.
    pub list: f64,
    /// Unit price before order-wide discounts (activity, member or list price).
    pub unit: f64,
    /// Unit × quantity.
    pub subtotal: f64,
    /// Its share of the coupon.
    pub coupon: f64,
    /// Its share of the points deduction.
    pub points: f64,
    /// Its shipping.
    pub shipping: f64,
    /// Subtotal − coupon − points.
    pub paid: f64,
}

/// The buyer's tier after the order.
#[derive(Tsify, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TierPreview {
    /// The tier reached.
    pub tier: Option<String>,
    /// The next tier up.
    pub next: Option<String>,
    /// Growth value (or spend in fen) still needed for it.
    pub remaining: f64,
    /// Growth value (or spend) after the order.
    pub growth: f64,
}

/// The buyer's side (amounts in fen).
#[derive(Tsify, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BuyerPreview {
    /// Sum of list prices.
    pub list: f64,
    /// Sum of unit prices × quantities.
    pub subtotal: f64,
    /// Coupon applied.
    pub coupon: f64,
    /// Points used.
    pub points_used: f64,
    /// What they took off.
    pub points_deduction: f64,
    /// Shipping.
    pub shipping: f64,
    /// What the buyer pays.
    pub payable: f64,
    /// Per line.
    pub lines: Vec<LinePreview>,
    /// Points earned (gift points included).
    pub points_earned: f64,
    /// Growth value earned.
    pub growth: f64,
    /// Tier progress, when the rules have tiers.
    pub tier: Option<TierPreview>,
}

/// A limit that cut a commission record.
#[derive(Tsify, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LimitPreview {
    /// `"minimum"`, `"shareOfLine"` or `"perOrder"`.
    pub kind: String,
    /// Level (1 is the sharer).
    pub level: u32,
    /// Line index, for per-line limits.
    pub line: Option<u32>,
}

/// The sharer's side (fen).
#[derive(Tsify, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SharerPreview {
    /// Per level, level 1 first.
    pub levels: Vec<f64>,
    /// Per line, per level.
    pub lines: Vec<Vec<f64>>,
    /// Level 1 for sharing one unit of the best line (the product page's figure).
    pub earn_up_to: f64,
    /// Limits that applied.
    pub limits: Vec<LimitPreview>,
    /// Always true: commission is an estimate until the return window passes.
    pub estimated: bool,
    /// When it settles (`YYYY-MM-DD`), given the context's `today`.
    pub settles_on: Option<String>,
    /// Days after receipt before it settles.
    pub return_days: f64,
}

/// The sharer's invite progress.
#[derive(Tsify, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InvitePreview {
    /// Qualified invites so far.
    pub qualified: f64,
    /// Invites the next ladder step needs, if any.
    pub next_step: Option<f64>,
    /// How many more that is.
    pub remaining: Option<f64>,
    /// The next step's bonus (fen) and points.
    pub next_bonus: f64,
    /// The next step's bonus points.
    pub next_bonus_points: f64,
    /// Rewarded invites left today, under a daily cap.
    pub left_today: Option<f64>,
    /// The reward per invite (fen).
    pub reward: f64,
    /// The reward per invite in points.
    pub reward_points: f64,
}

/// A line of explanation.
#[derive(Tsify, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExplanationLine {
    /// Stable key (`sharer.earn`, `buyer.pay`, ...).
    pub key: String,
    /// Parameters as text.
    pub params: BTreeMap<String, String>,
    /// Simplified Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

/// What `previewRewards` returns.
#[derive(Tsify, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RewardPreview {
    /// The buyer's side.
    pub buyer: BuyerPreview,
    /// The sharer's side, when the rules pay commission.
    pub sharer: Option<SharerPreview>,
    /// Invite progress, when the rules reward invites.
    pub invites: Option<InvitePreview>,
    /// Lines to show as they are.
    pub explain: Vec<ExplanationLine>,
}

fn convert(rules: &Rules, p: rewards::Preview) -> RewardPreview {
    let pr = &p.pricing;
    let buyer = BuyerPreview {
        list: n(pr.list),
        subtotal: n(pr.subtotal),
        coupon: n(pr.coupon),
        points_used: pr.points_used as f64,
        points_deduction: n(pr.points_deduction),
        shipping: n(pr.shipping),
        payable: n(pr.payable),
        lines: pr
            .lines
            .iter()
            .map(|l| LinePreview {
                list: n(l.list),
                unit: n(l.unit),
                subtotal: n(l.subtotal),
                coupon: n(l.coupon),
                points: n(l.points),
                shipping: n(l.shipping),
                paid: n(l.paid),
            })
            .collect(),
        points_earned: p.points.points as f64,
        growth: p.points.growth as f64,
        tier: p.tier.as_ref().map(|t| TierPreview {
            tier: t.tier.clone(),
            next: t.next.clone(),
            remaining: t.remaining as f64,
            growth: t.growth as f64,
        }),
    };
    let sharer = p.commission.as_ref().map(|c| SharerPreview {
        levels: c.levels.iter().map(|m| n(*m)).collect(),
        lines: c.lines.iter().map(|l| l.iter().map(|m| n(*m)).collect()).collect(),
        earn_up_to: n(c.earn_up_to),
        limits: c
            .limits
            .iter()
            .map(|l| match *l {
                Limit::Minimum { level, line } => ("minimum", level, Some(line)),
                Limit::ShareOfLine { level, line } => ("shareOfLine", level, Some(line)),
                Limit::PerOrder { level } => ("perOrder", level, None),
            })
            .map(|(kind, level, line)| LimitPreview {
                kind: kind.into(),
                level: level as u32 + 1,
                line: line.map(|l| l as u32),
            })
            .collect(),
        estimated: true,
        settles_on: p.settles_on.clone(),
        return_days: rules.return_days as f64,
    });
    let invites = p.invites.as_ref().map(|i| InvitePreview {
        qualified: i.qualified as f64,
        next_step: i.next_step.map(|s| s.0 as f64),
        remaining: i.next_step.map(|s| s.1 as f64),
        next_bonus: n(i.next_bonus.0),
        next_bonus_points: i.next_bonus.1 as f64,
        left_today: i.left_today.map(|d| d as f64),
        reward: n(i.reward.0),
        reward_points: i.reward.1 as f64,
    });
    let explain = rewards::explain::explain(rules, &p)
        .into_iter()
        .map(|e| ExplanationLine {
            key: e.key.into(),
            params: e.params.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
            zh: e.zh,
            en: e.en,
        })
        .collect();
    RewardPreview { buyer, sharer, invites, explain }
}

/// Previews an order's rewards: what the sharer (and the levels above) earn, what the buyer
/// pays, saves and earns, tier and invite progress, and lines to show. Amounts are fen.
/// `rules`, `cart` and `context` are JSON strings or plain objects (see the README's
/// "Reward previews"). Throws `REWARD_RULES_INVALID` (path under `rules.`),
/// `REWARD_CART_INVALID` (under `cart.` or `context.`) or `AMOUNT_OVERFLOW`.
#[wasm_bindgen(js_name = previewRewards)]
pub fn preview_rewards(
    #[wasm_bindgen(unchecked_param_type = "RewardRules | string")] rules: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RewardCart | string")] cart: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RewardContext | string | null | undefined")] context: JsValue,
) -> JsResult<Ts<RewardPreview>> {
    let (rules, preview) = throw((|| {
        let rules = Rules::from_value(&json_value(&rules, "rules", ErrorKind::RewardRulesInvalid)?)?;
        let cart = Cart::from_value(&json_value(&cart, "cart", ErrorKind::RewardCartInvalid)?)?;
        let context = if context.is_undefined() || context.is_null() {
            Context::default()
        } else {
            Context::from_value(&json_value(&context, "context", ErrorKind::RewardCartInvalid)?)?
        };
        let preview = rewards::preview(&rules, &cart, &context)?;
        Ok((rules, preview))
    })())?;
    // One JSON text and one `JSON.parse`: setting the result's values one at a time from
    // wasm cost a boundary call each.
    let text = to_json(&convert(&rules, preview));
    let value = js_sys::JSON::parse(&text).map_err(|e| JsValue::from(js_sys::Error::new(&format!("{e:?}"))))?;
    Ok(Ts::new_unchecked(value))
}

/// A JSON writer for the result (numbers here are whole: fen, points, counts).
struct Json(String);

impl Json {
    fn key(&mut self, k: &str) {
        if !self.0.ends_with('{') {
            self.0.push(',');
        }
        self.0.push('"');
        self.0.push_str(k);
        self.0.push_str("\":");
    }
    fn num(&mut self, k: &str, v: f64) {
        self.key(k);
        crate::value::json::write_integer(&mut self.0, v as i64);
    }
    fn opt_num(&mut self, k: &str, v: Option<f64>) {
        match v {
            Some(v) => self.num(k, v),
            None => self.null(k),
        }
    }
    fn null(&mut self, k: &str) {
        self.key(k);
        self.0.push_str("null");
    }
    fn str(&mut self, k: &str, v: &str) {
        self.key(k);
        crate::value::json::write_string(&mut self.0, v);
    }
    fn opt_str(&mut self, k: &str, v: Option<&str>) {
        match v {
            Some(v) => self.str(k, v),
            None => self.null(k),
        }
    }
    fn nums(&mut self, k: &str, v: &[f64]) {
        self.key(k);
        self.array(v);
    }
    fn array(&mut self, v: &[f64]) {
        self.0.push('[');
        for (i, n) in v.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            crate::value::json::write_integer(&mut self.0, *n as i64);
        }
        self.0.push(']');
    }
    fn open(&mut self, k: &str) {
        self.key(k);
        self.0.push('{');
    }
    fn close(&mut self) {
        self.0.push('}');
    }
}

fn to_json(p: &RewardPreview) -> String {
    let mut j = Json(String::from("{"));
    let b = &p.buyer;
    j.open("buyer");
    for (k, v) in [
        ("list", b.list),
        ("subtotal", b.subtotal),
        ("coupon", b.coupon),
        ("pointsUsed", b.points_used),
        ("pointsDeduction", b.points_deduction),
        ("shipping", b.shipping),
        ("payable", b.payable),
    ] {
        j.num(k, v);
    }
    j.key("lines");
    j.0.push('[');
    for (i, l) in b.lines.iter().enumerate() {
        j.0.push_str(if i > 0 { ",{" } else { "{" });
        for (k, v) in [
            ("list", l.list),
            ("unit", l.unit),
            ("subtotal", l.subtotal),
            ("coupon", l.coupon),
            ("points", l.points),
            ("shipping", l.shipping),
            ("paid", l.paid),
        ] {
            j.num(k, v);
        }
        j.close();
    }
    j.0.push(']');
    j.num("pointsEarned", b.points_earned);
    j.num("growth", b.growth);
    match &b.tier {
        Some(t) => {
            j.open("tier");
            j.opt_str("tier", t.tier.as_deref());
            j.opt_str("next", t.next.as_deref());
            j.num("remaining", t.remaining);
            j.num("growth", t.growth);
            j.close();
        }
        None => j.null("tier"),
    }
    j.close();
    match &p.sharer {
        Some(s) => {
            j.open("sharer");
            j.nums("levels", &s.levels);
            j.key("lines");
            j.0.push('[');
            for (i, l) in s.lines.iter().enumerate() {
                if i > 0 {
                    j.0.push(',');
                }
                j.array(l);
            }
            j.0.push(']');
            j.num("earnUpTo", s.earn_up_to);
            j.key("limits");
            j.0.push('[');
            for (i, l) in s.limits.iter().enumerate() {
                j.0.push_str(if i > 0 { ",{" } else { "{" });
                j.str("kind", &l.kind);
                j.num("level", l.level as f64);
                j.opt_num("line", l.line.map(|n| n as f64));
                j.close();
            }
            j.0.push(']');
            j.key("estimated");
            j.0.push_str("true");
            j.opt_str("settlesOn", s.settles_on.as_deref());
            j.num("returnDays", s.return_days);
            j.close();
        }
        None => j.null("sharer"),
    }
    match &p.invites {
        Some(i) => {
            j.open("invites");
            j.num("qualified", i.qualified);
            j.opt_num("nextStep", i.next_step);
            j.opt_num("remaining", i.remaining);
            j.num("nextBonus", i.next_bonus);
            j.num("nextBonusPoints", i.next_bonus_points);
            j.opt_num("leftToday", i.left_today);
            j.num("reward", i.reward);
            j.num("rewardPoints", i.reward_points);
            j.close();
        }
        None => j.null("invites"),
    }
    j.key("explain");
    j.0.push('[');
    for (i, e) in p.explain.iter().enumerate() {
        j.0.push_str(if i > 0 { ",{" } else { "{" });
        j.str("key", &e.key);
        j.open("params");
        for (k, v) in &e.params {
            j.str(k, v);
        }
        j.close();
        j.str("zh", &e.zh);
        j.str("en", &e.en);
        j.close();
    }
    j.0.push(']');
    j.close();
    j.0
}

#[wasm_bindgen(typescript_custom_section)]
const TS_REWARDS: &str = r#"
/** A rate: a fraction (`0.1`) or text (`"10%"`, `"9折"`, `"5‰"`). */
export type RewardRate = number | string;
/** A commission override, matched SKU first, then product, then category. */
export type RewardOverride = ({ sku: string } | { product: string } | { category: string }) &
  ({ fixed: number[] } | { rates: RewardRate[] } | { exclude: true });
export interface RewardRules {
  version: 1;
  /** Reproduce a backend's formulas. */
  preset?: "crmeb-php" | "crmeb-java" | "yudao" | "likeshop";
  commission?: {
    /** Level 1 (the sharer) first; 1 to 5 levels, each at most 100%. */
    levels: RewardRate[];
    /** Default `"paid"`. */
    base?: "price" | "memberPrice" | "paid";
    /** Add the line's shipping to the base. Default false. */
    shipping?: boolean;
    /** Default `"down"`. */
    rounding?: RoundingMode;
    /** Where rounding happens. Default `"line"`. */
    per?: "unit" | "line" | "order";
    overrides?: RewardOverride[];
    excludeActivities?: string[];
    /** How the earner's tier changes rates. Default `"replace"`. */
    tierRates?: "replace" | "multiply" | "ignore";
    /** Records below this (fen) are dropped. */
    minimum?: number;
    capPerOrder?: number;
    capShareOfLine?: RewardRate;
    /** Default true. */
    selfPurchase?: boolean;
    /** Default `"everyone"`. */
    promoters?: "everyone" | "designated";
  };
  discounts?: { allocation?: AllocationMethod };
  points?: {
    earnPerYuan?: RewardRate;
    earnRounding?: RoundingMode;
    earnMinOrder?: number;
    earnMaxPerOrder?: number;
    tierMultiplier?: boolean;
    redeem?: {
      /** A point's value in fen (a fraction is allowed). */
      valuePerPoint: RewardRate;
      min?: number;
      step?: number;
      maxPoints?: number;
      maxShare?: RewardRate;
      overLimit?: "cap" | "reject";
    };
  };
  tiers?: {
    basis?: "growth" | "spend";
    growthPerYuan?: RewardRate;
    levels: {
      name: string;
      threshold: number;
      discount?: RewardRate;
      commissionRates?: RewardRate[];
      commissionMultiplier?: RewardRate;
      pointsMultiplier?: RewardRate;
    }[];
  };
  invites?: {
    inviteeCoupon?: { amount: number; minSpend?: number };
    rewardOn?: "signup" | "firstOrder";
    rewardAmount?: number;
    rewardPoints?: number;
    dailyCap?: number;
    ladder?: { invites: number; bonus?: number; points?: number }[];
  };
  settlement?: { returnDays?: number };
}
export interface RewardCartLine {
  sku?: string; product?: string; category?: string;
  /** Unit price, fen. */
  price: number;
  memberPrice?: number;
  quantity: number;
  activity?: string;
  activityPrice?: number;
  giftPoints?: number;
  shipping?: number;
}
export interface RewardCart {
  lines: RewardCartLine[];
  shipping?: number;
  coupon?: number;
  /** Points the buyer wants to use. */
  points?: number;
}
export interface RewardMember {
  id?: string; tier?: string; growth?: number; points?: number; promoter?: boolean;
}
export interface RewardContext {
  buyer?: RewardMember;
  /** The sharer (level 1), then whoever invited them (level 2), ... */
  sharers?: RewardMember[];
  invites?: { qualified?: number; today?: number };
  /** `YYYY-MM-DD`, for the settlement date. */
  today?: string;
}
"#;
