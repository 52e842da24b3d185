//! What a preview returns across the JavaScript boundary (and to a server that wants the
//! same document): the result as plain data with camelCase keys, amounts in fen.
//!
//! These types are the one description of that document. Their TypeScript declarations
//! are generated from them (`tsify`; `RewardPreview::DECL` and the package's
//! `share_earn.d.ts`), and [`RewardPreview::to_json`] writes their JSON text, which
//! JavaScript parses once. A test checks that the JSON has exactly the keys the
//! declarations name.

use crate::commission::Limit;
use crate::money::Money;
use crate::rules::{Rules, Trigger};
use crate::value::json::{write_integer, write_string};
use crate::Preview;
use std::collections::BTreeMap;
use tsify::Tsify;

/// One cart line as the buyer pays it (fen).
#[derive(Clone, Debug, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LinePreview {
    /// Price × quantity.
    pub list: i64,
    /// Unit price before order-wide discounts (activity, member or list price).
    pub unit: i64,
    /// Unit × quantity.
    pub subtotal: i64,
    /// Its share of the coupon.
    pub coupon: i64,
    /// Its share of the points deduction.
    pub points: i64,
    /// Its shipping.
    pub shipping: i64,
    /// Subtotal − coupon − points.
    pub paid: i64,
}

/// The buyer's tier after the order.
#[derive(Clone, Debug, PartialEq, Eq, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct TierPreview {
    /// The tier reached.
    pub tier: Option<String>,
    /// The next tier up.
    pub next: Option<String>,
    /// Growth value (or spend in fen) still needed for it.
    pub remaining: i64,
    /// Growth value (or spend) after the order.
    pub growth: i64,
}

/// The buyer's side (amounts in fen).
#[derive(Clone, Debug, PartialEq, Eq, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct BuyerPreview {
    /// Sum of list prices.
    pub list: i64,
    /// Sum of unit prices × quantities.
    pub subtotal: i64,
    /// Coupon applied.
    pub coupon: i64,
    /// Points used.
    pub points_used: i64,
    /// What they took off.
    pub points_deduction: i64,
    /// Shipping.
    pub shipping: i64,
    /// What the buyer pays.
    pub payable: i64,
    /// Per line.
    pub lines: Vec<LinePreview>,
    /// Points earned (gift points included).
    pub points_earned: i64,
    /// Of which the products' gift points.
    pub gift_points: i64,
    /// Whether the most points one order earns cut them.
    pub points_capped: bool,
    /// Growth value earned.
    pub growth: i64,
    /// Tier progress, when the rules have tiers.
    pub tier: Option<TierPreview>,
}

/// A limit that cut a commission record.
#[derive(Clone, Debug, PartialEq, Eq, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct LimitPreview {
    /// What cut it.
    #[tsify(type = r#""minimum" | "shareOfLine" | "perOrder""#)]
    pub kind: &'static str,
    /// Level (1 is the sharer).
    pub level: i64,
    /// Line index, for per-line limits.
    pub line: Option<i64>,
}

/// The sharer's side (fen).
#[derive(Clone, Debug, PartialEq, Eq, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct SharerPreview {
    /// Per level, level 1 first.
    pub levels: Vec<i64>,
    /// Per line, per level.
    pub lines: Vec<Vec<i64>>,
    /// Level 1 for sharing one unit of the best line (the product page's figure).
    pub earn_up_to: i64,
    /// Limits that applied.
    pub limits: Vec<LimitPreview>,
    /// Always true: commission is an estimate until the return window passes.
    #[tsify(type = "true")]
    pub estimated: bool,
    /// When it settles (`YYYY-MM-DD`), given the context's `today`.
    pub settles_on: Option<String>,
    /// Days after receipt before it settles.
    pub return_days: i64,
}

/// The sharer's invite progress.
#[derive(Clone, Debug, PartialEq, Eq, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct InvitePreview {
    /// Qualified invites so far.
    pub qualified: i64,
    /// Invites the next ladder step needs, if any.
    pub next_step: Option<i64>,
    /// How many more that is.
    pub remaining: Option<i64>,
    /// The next step's bonus (fen).
    pub next_bonus: i64,
    /// The next step's bonus points.
    pub next_bonus_points: i64,
    /// Rewarded invites left today, under a daily cap.
    pub left_today: Option<i64>,
    /// The reward per invite (fen).
    pub reward: i64,
    /// The reward per invite in points.
    pub reward_points: i64,
    /// When an invite earns it.
    #[tsify(type = r#""signup" | "firstOrder""#)]
    pub reward_on: &'static str,
    /// The coupon the invitee gets, if any.
    pub invitee_coupon: Option<InviteeCouponPreview>,
}

/// The coupon an invitee gets (fen).
#[derive(Clone, Debug, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct InviteeCouponPreview {
    /// Amount off.
    pub amount: i64,
    /// The spend it needs.
    pub min_spend: i64,
}

/// A line of explanation.
#[derive(Clone, Debug, PartialEq, Eq, Tsify)]
#[tsify(hashmap_as_object)]
#[serde(rename_all = "camelCase")]
pub struct ExplanationLine {
    /// Stable key (`sharer.earn`, `buyer.pay`, ...).
    pub key: &'static str,
    /// Parameters as text.
    pub params: BTreeMap<&'static str, String>,
    /// Simplified Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

/// What `previewRewards` returns.
#[derive(Clone, Debug, PartialEq, Eq, Tsify)]
#[tsify(missing_as_null)]
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

fn n(m: Money) -> i64 {
    m.minor()
}

impl RewardPreview {
    /// The document of a preview computed under `rules`.
    pub fn new(rules: &Rules, p: &Preview) -> RewardPreview {
        let pr = &p.pricing;
        let buyer = BuyerPreview {
            list: n(pr.list),
            subtotal: n(pr.subtotal),
            coupon: n(pr.coupon),
            points_used: pr.points_used,
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
            points_earned: p.points.points,
            gift_points: p.points.gift_points,
            points_capped: p.points.capped,
            growth: p.points.growth,
            tier: p.tier.as_ref().map(|t| TierPreview {
                tier: t.tier.clone(),
                next: t.next.clone(),
                remaining: t.remaining,
                growth: t.growth,
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
                .map(|(kind, level, line)| LimitPreview { kind, level: level as i64 + 1, line: line.map(|l| l as i64) })
                .collect(),
            estimated: true,
            settles_on: p.settles_on.clone(),
            return_days: rules.settlement.return_days,
        });
        let invites = p.invites.as_ref().map(|i| InvitePreview {
            qualified: i.qualified,
            next_step: i.next_step.map(|s| s.0),
            remaining: i.next_step.map(|s| s.1),
            next_bonus: n(i.next_bonus.0),
            next_bonus_points: i.next_bonus.1,
            left_today: i.left_today,
            reward: n(i.reward.0),
            reward_points: i.reward.1,
            reward_on: rules.invites.as_ref().map_or("signup", |r| crate::money::name_of(&Trigger::NAMES, r.reward_on)),
            invitee_coupon: i
                .invitee_coupon
                .map(|(amount, min_spend)| InviteeCouponPreview { amount: n(amount), min_spend: n(min_spend) }),
        });
        let explain = crate::explain::explain(rules, p)
            .into_iter()
            .map(|e| ExplanationLine { key: e.key, params: e.params.into_iter().collect(), zh: e.zh, en: e.en })
            .collect();
        RewardPreview { buyer, sharer, invites, explain }
    }

    /// The document as JSON text: the keys as declared, `null` for what is absent.
    pub fn to_json(&self) -> String {
        let mut j = Json(String::with_capacity(2048 + 160 * self.buyer.lines.len()));
        j.0.push('{');
        let b = &self.buyer;
        j.open("buyer");
        j.num("list", b.list);
        j.num("subtotal", b.subtotal);
        j.num("coupon", b.coupon);
        j.num("pointsUsed", b.points_used);
        j.num("pointsDeduction", b.points_deduction);
        j.num("shipping", b.shipping);
        j.num("payable", b.payable);
        j.list("lines", &b.lines, |j, l| {
            j.0.push('{');
            j.num("list", l.list);
            j.num("unit", l.unit);
            j.num("subtotal", l.subtotal);
            j.num("coupon", l.coupon);
            j.num("points", l.points);
            j.num("shipping", l.shipping);
            j.num("paid", l.paid);
            j.0.push('}');
        });
        j.num("pointsEarned", b.points_earned);
        j.num("giftPoints", b.gift_points);
        j.key("pointsCapped");
        j.0.push_str(if b.points_capped { "true" } else { "false" });
        j.num("growth", b.growth);
        j.optional("tier", b.tier.as_ref(), |j, t| {
            j.0.push('{');
            j.opt_str("tier", t.tier.as_deref());
            j.opt_str("next", t.next.as_deref());
            j.num("remaining", t.remaining);
            j.num("growth", t.growth);
            j.0.push('}');
        });
        j.0.push('}');
        j.optional("sharer", self.sharer.as_ref(), |j, s| {
            j.0.push('{');
            j.key("levels");
            j.integers(&s.levels);
            j.list("lines", &s.lines, |j, l| j.integers(l));
            j.num("earnUpTo", s.earn_up_to);
            j.list("limits", &s.limits, |j, l| {
                j.0.push('{');
                j.str("kind", l.kind);
                j.num("level", l.level);
                j.opt_num("line", l.line);
                j.0.push('}');
            });
            j.key("estimated");
            j.0.push_str(if s.estimated { "true" } else { "false" });
            j.opt_str("settlesOn", s.settles_on.as_deref());
            j.num("returnDays", s.return_days);
            j.0.push('}');
        });
        j.optional("invites", self.invites.as_ref(), |j, i| {
            j.0.push('{');
            j.num("qualified", i.qualified);
            j.opt_num("nextStep", i.next_step);
            j.opt_num("remaining", i.remaining);
            j.num("nextBonus", i.next_bonus);
            j.num("nextBonusPoints", i.next_bonus_points);
            j.opt_num("leftToday", i.left_today);
            j.num("reward", i.reward);
            j.num("rewardPoints", i.reward_points);
            j.str("rewardOn", i.reward_on);
            j.optional("inviteeCoupon", i.invitee_coupon.as_ref(), |j, c| {
                j.0.push('{');
                j.num("amount", c.amount);
                j.num("minSpend", c.min_spend);
                j.0.push('}');
            });
            j.0.push('}');
        });
        j.list("explain", &self.explain, |j, e| {
            j.0.push('{');
            j.str("key", e.key);
            j.open("params");
            for (k, v) in &e.params {
                j.str(k, v);
            }
            j.0.push('}');
            j.str("zh", &e.zh);
            j.str("en", &e.en);
            j.0.push('}');
        });
        j.0.push('}');
        j.0
    }
}

/// A JSON writer for the document: every number in it is whole (fen, points, counts).
struct Json(String);

impl Json {
    fn key(&mut self, k: &str) {
        if !self.0.ends_with(['{', '[']) {
            self.0.push(',');
        }
        write_string(&mut self.0, k);
        self.0.push(':');
    }
    fn open(&mut self, k: &str) {
        self.key(k);
        self.0.push('{');
    }
    fn num(&mut self, k: &str, v: i64) {
        self.key(k);
        write_integer(&mut self.0, v);
    }
    fn opt_num(&mut self, k: &str, v: Option<i64>) {
        self.optional(k, v.as_ref(), |j, v| write_integer(&mut j.0, *v));
    }
    fn str(&mut self, k: &str, v: &str) {
        self.key(k);
        write_string(&mut self.0, v);
    }
    fn opt_str(&mut self, k: &str, v: Option<&str>) {
        self.optional(k, v, |j, v| write_string(&mut j.0, v));
    }
    fn integers(&mut self, v: &[i64]) {
        self.0.push('[');
        for (i, n) in v.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            write_integer(&mut self.0, *n);
        }
        self.0.push(']');
    }
    /// `k` with the value `write` writes, or `null`.
    fn optional<T: ?Sized>(&mut self, k: &str, v: Option<&T>, write: impl Fn(&mut Json, &T)) {
        self.key(k);
        match v {
            Some(v) => write(self, v),
            None => self.0.push_str("null"),
        }
    }
    /// `k` with an array of what `write` writes for each item.
    fn list<T>(&mut self, k: &str, items: &[T], write: impl Fn(&mut Json, &T)) {
        self.key(k);
        self.0.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            write(self, item);
        }
        self.0.push(']');
    }
}
