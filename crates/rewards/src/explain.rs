//! Explanation lines a page can show as they are: a stable key, its parameters, and the
//! text in Simplified Chinese and English. A page with its own wording keys off `key` and
//! formats `params` itself.

use super::rules::Rules;
use super::Preview;
use crate::money::Money;

/// One line of explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// Stable key: `sharer.earn`, `sharer.level`, `sharer.estimated`, `sharer.capped`,
    /// `buyer.save`, `buyer.pay`, `buyer.pointsUsed`, `buyer.pointsEarned`,
    /// `buyer.tierNext`, `invites.next`, `invites.inviteeCoupon`.
    pub key: &'static str,
    /// Its parameters, as text (amounts in yuan with two decimals).
    pub params: Vec<(&'static str, String)>,
    /// In Simplified Chinese.
    pub zh: String,
    /// In English.
    pub en: String,
}

fn yuan(m: Money) -> String {
    m.to_decimal_string()
}

fn line(key: &'static str, params: Vec<(&'static str, String)>, zh: String, en: String) -> Explanation {
    Explanation { key, params, zh, en }
}

/// The explanation lines of a preview, in display order.
pub fn explain(rules: &Rules, p: &Preview) -> Vec<Explanation> {
    let mut out = Vec::new();
    if let Some(c) = &p.commission {
        // With a sharer, what this order earns them; before sharing, the best one unit earns.
        let first = c.levels.first().copied().unwrap_or_default();
        let earn = if first > Money::ZERO { first } else { c.earn_up_to };
        let a = yuan(earn);
        out.push(line(
            "sharer.earn",
            vec![("amount", a.clone())],
            format!("分享赚 ¥{a}"),
            format!("Share to earn ¥{a}"),
        ));
        for (i, level) in c.levels.iter().enumerate().skip(1).filter(|(_, m)| **m > Money::ZERO) {
            let (n, a) = ((i + 1).to_string(), yuan(*level));
            out.push(line(
                "sharer.level",
                vec![("level", n.clone()), ("amount", a.clone())],
                format!("第{n}级佣金 ¥{a}"),
                format!("Level {n} commission ¥{a}"),
            ));
        }
        if !c.limits.is_empty() {
            out.push(line(
                "sharer.capped",
                Vec::new(),
                "佣金已按规则封顶".into(),
                "Commission is capped by the rules".into(),
            ));
        }
        let days = rules.settlement.return_days.to_string();
        let (zh, en) = match &p.settles_on {
            Some(date) => (
                format!("佣金为预估，{date} 售后期结束后结算"),
                format!("Estimated: settles on {date}, when the return window ends"),
            ),
            None => (
                format!("佣金为预估，确认收货 {days} 天后结算"),
                format!("Estimated: settles {days} days after receipt"),
            ),
        };
        let mut params = vec![("days", days)];
        if let Some(date) = &p.settles_on {
            params.push(("date", date.clone()));
        }
        out.push(line("sharer.estimated", params, zh, en));
    }
    let pr = &p.pricing;
    let goods_paid = pr.payable.minor() - pr.shipping.minor();
    let saved = Money::from_minor(pr.list.minor() - goods_paid).unwrap_or_default();
    if saved > Money::ZERO {
        let a = yuan(saved);
        out.push(line("buyer.save", vec![("amount", a.clone())], format!("立省 ¥{a}"), format!("You save ¥{a}")));
    }
    let a = yuan(pr.payable);
    out.push(line("buyer.pay", vec![("amount", a.clone())], format!("实付 ¥{a}"), format!("You pay ¥{a}")));
    if pr.points_used > 0 {
        let (n, a) = (pr.points_used.to_string(), yuan(pr.points_deduction));
        out.push(line(
            "buyer.pointsUsed",
            vec![("points", n.clone()), ("amount", a.clone())],
            format!("{n} 积分抵扣 ¥{a}"),
            format!("{n} points take ¥{a} off"),
        ));
    }
    if p.points.points > 0 {
        let n = p.points.points.to_string();
        out.push(line(
            "buyer.pointsEarned",
            vec![("points", n.clone())],
            format!("下单得 {n} 积分"),
            format!("Earn {n} points"),
        ));
    }
    if let (Some(t), Some(tiers)) = (&p.tier, &rules.tiers) {
        if let Some(next) = &t.next {
            let (zh, en, amount) = if tiers.basis == crate::rules::Basis::Spend {
                let a = yuan(Money::from_minor(t.remaining).unwrap_or_default());
                (format!("再消费 ¥{a} 升级{next}"), format!("¥{a} more to {next}"), a)
            } else {
                let n = t.remaining.to_string();
                (format!("再得 {n} 成长值升级{next}"), format!("{n} more growth to {next}"), n)
            };
            out.push(line("buyer.tierNext", vec![("tier", next.clone()), ("remaining", amount)], zh, en));
        }
    }
    if let Some(i) = &p.invites {
        if let Some((_, more)) = i.next_step {
            let (n, a) = (more.to_string(), yuan(i.next_bonus.0));
            out.push(line(
                "invites.next",
                vec![("count", n.clone()), ("bonus", a.clone())],
                format!("再邀请 {n} 人得 ¥{a}"),
                format!("Invite {n} more to get ¥{a}"),
            ));
        }
        if let Some((amount, min_spend)) = i.invitee_coupon {
            let (a, m) = (yuan(amount), yuan(min_spend));
            let (zh, en) = if min_spend > Money::ZERO {
                (
                    format!("好友得 ¥{a} 优惠券，满 ¥{m} 可用"),
                    format!("Your friend gets ¥{a} off orders of ¥{m} or more"),
                )
            } else {
                (format!("好友得 ¥{a} 优惠券"), format!("Your friend gets ¥{a} off"))
            };
            out.push(line("invites.inviteeCoupon", vec![("amount", a), ("minSpend", m)], zh, en));
        }
    }
    out
}
