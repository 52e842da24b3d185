//! The TypeScript declarations generated from the rules' and the cart's types (`tsify`) say
//! what the readers take: for every object of the documents, the keys its reader knows (as
//! its "unknown field" error lists them) are exactly the fields its declaration names, and
//! every choice's names are exactly its declaration's string literals. (The package tests
//! check the other direction with TypeScript itself: every vector document and every result
//! type-checks against the declarations.)

use crate::cart::{Cart, Context, InviteCounts, Line, Member};
use crate::rules::*;
use crate::value::parse_json;
use crate::Result;
use tsify::Tsify;

/// The field names of an interface declaration (`    name?: Type;` lines).
fn declared_fields(decl: &str) -> Vec<String> {
    let mut out: Vec<String> = decl
        .lines()
        .filter(|l| l.starts_with("    ") && !l.starts_with("     "))
        .filter_map(|l| l.trim().split_once(':').map(|(name, _)| name.trim_end_matches('?').to_owned()))
        .collect();
    out.sort();
    out
}

/// The keys an "unknown field" error says the object takes.
fn known_keys(result: Result<()>) -> Vec<String> {
    let message = result.expect_err("a document with an unknown key").to_string();
    let (_, list) = message.split_once("this object takes ").unwrap_or_else(|| panic!("{message}"));
    let list = list.split(" (at ").next().unwrap_or(list);
    let mut keys: Vec<String> = list.split(", ").map(str::to_owned).collect();
    keys.sort();
    keys
}

fn rules(json: &str) -> Result<()> {
    Rules::from_value(&parse_json(json, "rules")?).map(drop)
}

fn cart(json: &str) -> Result<()> {
    Cart::from_value(&parse_json(json, "cart")?).map(drop)
}

fn context(json: &str) -> Result<()> {
    Context::from_value(&parse_json(json, "context")?).map(drop)
}

#[test]
fn every_reader_takes_exactly_the_declared_fields() {
    let cases: [(&str, &str, Result<()>); 16] = [
        ("RewardRules", Rules::DECL, rules(r#"{"version":1,"zzz":1}"#)),
        ("RewardCommission", Commission::DECL, rules(r#"{"version":1,"commission":{"levels":["1%"],"zzz":1}}"#)),
        ("RewardDiscounts", Discounts::DECL, rules(r#"{"version":1,"discounts":{"zzz":1}}"#)),
        ("RewardPoints", Points::DECL, rules(r#"{"version":1,"points":{"zzz":1}}"#)),
        ("RewardRedeem", Redeem::DECL, rules(r#"{"version":1,"points":{"redeem":{"valuePerPoint":1,"zzz":1}}}"#)),
        ("RewardTiers", Tiers::DECL, rules(r#"{"version":1,"tiers":{"levels":[{"name":"a","threshold":0}],"zzz":1}}"#)),
        ("RewardTier", Tier::DECL, rules(r#"{"version":1,"tiers":{"levels":[{"name":"a","threshold":0,"zzz":1}]}}"#)),
        ("RewardInvites", Invites::DECL, rules(r#"{"version":1,"invites":{"zzz":1}}"#)),
        (
            "RewardInviteeCoupon",
            InviteeCoupon::DECL,
            rules(r#"{"version":1,"invites":{"inviteeCoupon":{"amount":1,"zzz":1}}}"#),
        ),
        ("RewardLadderStep", LadderStep::DECL, rules(r#"{"version":1,"invites":{"ladder":[{"invites":1,"zzz":1}]}}"#)),
        ("RewardSettlement", Settlement::DECL, rules(r#"{"version":1,"settlement":{"zzz":1}}"#)),
        ("RewardCart", Cart::DECL, cart(r#"{"lines":[{"price":1,"quantity":1}],"zzz":1}"#)),
        ("RewardLine", Line::DECL, cart(r#"{"lines":[{"price":1,"quantity":1,"zzz":1}]}"#)),
        ("RewardContext", Context::DECL, context(r#"{"zzz":1}"#)),
        ("RewardMember", Member::DECL, context(r#"{"buyer":{"zzz":1}}"#)),
        ("RewardInviteCounts", InviteCounts::DECL, context(r#"{"invites":{"zzz":1}}"#)),
    ];
    for (name, decl, result) in cases {
        assert!(decl.contains(&format!("export interface {name} ")), "{name}: {decl}");
        let declared = declared_fields(decl);
        assert!(declared.len() >= 2 || name == "RewardDiscounts" || name == "RewardSettlement", "{name}: {declared:?}");
        assert_eq!(known_keys(result), declared, "{name}");
    }
}

/// The string literals of a type alias declaration (`export type X = "a" | "b";`).
fn declared_names(decl: &str) -> Vec<String> {
    let (_, union) = decl.split_once(" = ").unwrap_or_else(|| panic!("{decl}"));
    union.trim().trim_end_matches(';').split(" | ").map(|n| n.trim_matches('"').to_owned()).collect()
}

fn names<T>(table: &[(&str, T)]) -> Vec<String> {
    table.iter().map(|(n, _)| (*n).to_owned()).collect()
}

#[test]
fn every_choice_reads_exactly_the_declared_names() {
    let cases = [
        (Preset::DECL, names(&Preset::NAMES)),
        (Base::DECL, names(&Base::NAMES)),
        (Per::DECL, names(&Per::NAMES)),
        (TierRates::DECL, names(&TierRates::NAMES)),
        (Promoters::DECL, names(&Promoters::NAMES)),
        (OverLimit::DECL, names(&OverLimit::NAMES)),
        (Basis::DECL, names(&Basis::NAMES)),
        (Trigger::DECL, names(&Trigger::NAMES)),
    ];
    for (decl, names) in cases {
        assert_eq!(declared_names(decl), names, "{decl}");
    }
    // The NAMES tables are what the readers use: one is refused with the list.
    let e = rules(r#"{"version":1,"commission":{"levels":["1%"],"per":"sku"}}"#).unwrap_err();
    assert!(e.to_string().contains(r#"is not one of "unit", "line", "order""#), "{e}");
}
