//! Attribution decisions: a hand-worked table for the three models, the expiry boundary, invalid inputs and laws.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use share_earn::links::{
    decide_attribution, AttributionAction, AttributionDecision, AttributionModel, AttributionPolicy, AttributionReason,
    AttributionRecord, Touch, MAX_TIME_MS,
};
use share_earn::ErrorKind;
use AttributionAction::{Clear, Keep, Store};
use AttributionModel::{FirstTouch, LastTouch, Window};
use AttributionReason::*;

/// 2023-11-14T22:13:20Z.
const NOW: i64 = 1_700_000_000_000;
const DAY: i64 = 24 * 60 * 60 * 1000;

fn policy(model: AttributionModel, window_days: Option<u32>) -> AttributionPolicy {
    AttributionPolicy { model, window_days, self_code: None }
}

fn own(model: AttributionModel, window_days: Option<u32>, self_code: &str) -> AttributionPolicy {
    AttributionPolicy { self_code: Some(self_code.into()), ..policy(model, window_days) }
}

fn rec(code: &str, at: i64, expires: Option<i64>) -> AttributionRecord {
    AttributionRecord { code: code.into(), campaign: None, channel: None, attributed_at_ms: at, expires_at_ms: expires }
}

fn touch(code: &str) -> Touch {
    Touch { code: Some(code.into()), ..Default::default() }
}

fn decided(
    action: AttributionAction,
    reason: AttributionReason,
    record: Option<AttributionRecord>,
) -> AttributionDecision {
    AttributionDecision { action, reason, record }
}

/// Name, stored record, the visit's touch, policy, and the hand-worked decision at NOW.
type Scenario<'a> =
    (&'static str, Option<&'a AttributionRecord>, Option<Touch>, AttributionPolicy, AttributionDecision);

#[test]
fn the_scenario_table_holds() {
    let a_live = rec("A", NOW - 10 * DAY, Some(NOW + 20 * DAY));
    let a_lapsed = rec("A", NOW - 31 * DAY, Some(NOW - DAY));
    let a_forever = rec("A", NOW - 100 * DAY, None);
    let full = Touch { code: Some("K7".into()), campaign: Some("d11".into()), channel: Some("pst".into()) };
    let full_rec = |expires| AttributionRecord {
        campaign: Some("d11".into()),
        channel: Some("pst".into()),
        ..rec("K7", NOW, expires)
    };
    #[rustfmt::skip]
    let cases: Vec<Scenario> = vec![
        ("new referral, first touch", None, Some(full.clone()), policy(FirstTouch, None),
            decided(Store, NewReferral, Some(full_rec(None)))),
        // 7 days = 604_800_000 ms.
        ("new referral, 7-day window", None, Some(full.clone()), policy(Window, Some(7)),
            decided(Store, NewReferral, Some(full_rec(Some(1_700_604_800_000))))),
        ("new referral, last touch", None, Some(touch("B")), policy(LastTouch, None),
            decided(Store, NewReferral, Some(rec("B", NOW, None)))),
        ("first touch keeps", Some(&a_forever), Some(touch("B")), policy(FirstTouch, None),
            decided(Keep, KeptFirstTouch, Some(a_forever.clone()))),
        ("first touch keeps the same referrer as it was", Some(&a_forever), Some(touch("a")), policy(FirstTouch, None),
            decided(Keep, KeptFirstTouch, Some(a_forever.clone()))),
        ("first touch, no referral", Some(&a_forever), None, policy(FirstTouch, None),
            decided(Keep, NoReferral, Some(a_forever.clone()))),
        ("window keeps within the window", Some(&a_live), Some(touch("B")), policy(Window, Some(30)),
            decided(Keep, KeptWithinWindow, Some(a_live.clone()))),
        ("same referrer in the window does not extend it", Some(&a_live), Some(touch("a")), policy(Window, Some(30)),
            decided(Keep, SameReferrer, Some(a_live.clone()))),
        // 30 days = 2_592_000_000 ms.
        ("window expired, replaced", Some(&a_lapsed), Some(touch("B")), policy(Window, Some(30)),
            decided(Store, ReplacedExpired, Some(rec("B", NOW, Some(1_702_592_000_000))))),
        ("window expired, same referrer starts again", Some(&a_lapsed), Some(touch("A")), policy(Window, Some(30)),
            decided(Store, ReplacedExpired, Some(rec("A", NOW, Some(1_702_592_000_000))))),
        ("window expired, no referral", Some(&a_lapsed), None, policy(Window, Some(30)),
            decided(Clear, WindowExpired, None)),
        ("last touch replaces", Some(&a_forever), Some(touch("B")), policy(LastTouch, None),
            decided(Store, AttributionReason::LastTouch, Some(rec("B", NOW, None)))),
        // 7 days again: the refreshed record runs from now.
        ("last touch, same referrer refreshes", Some(&a_live), Some(touch("a-")), policy(LastTouch, Some(7)),
            decided(Store, SameReferrer, Some(rec("a-", NOW, Some(1_700_604_800_000))))),
        ("last touch with a window lapses", Some(&a_lapsed), None, policy(LastTouch, Some(30)),
            decided(Clear, WindowExpired, None)),
        ("self-referral, no record", None, Some(touch("K7M2Q9XD")), own(LastTouch, None, "k7m2-q9xd"),
            decided(Keep, SelfReferral, None)),
        ("self-referral keeps the record", Some(&a_live), Some(touch("k7m2-q9xd")), own(LastTouch, None, "K7M2Q9XD"),
            decided(Keep, SelfReferral, Some(a_live.clone()))),
        ("self-referral, lapsed record", Some(&a_lapsed), Some(touch("K7M2 Q9XD")), own(Window, Some(30), "k7m2q9xd"),
            decided(Clear, SelfReferral, None)),
        ("another code than one's own counts", None, Some(touch("K7M2Q9XE")), own(FirstTouch, None, "K7M2Q9XD"),
            decided(Store, NewReferral, Some(rec("K7M2Q9XE", NOW, None)))),
        // A blank own code matches nobody, not even a code that is all separators.
        ("a blank own code is no self", None, Some(touch("-")), own(FirstTouch, None, " "),
            decided(Store, NewReferral, Some(rec("-", NOW, None)))),
        ("blank code is no referral", Some(&a_live), Some(touch("  ")), policy(LastTouch, None),
            decided(Keep, NoReferral, Some(a_live.clone()))),
        ("empty code is no referral", None, Some(touch("")), policy(Window, Some(1)),
            decided(Keep, NoReferral, None)),
        ("no touch, no record", None, None, policy(FirstTouch, None), decided(Keep, NoReferral, None)),
        ("code is trimmed, empty campaign absent", None,
            Some(Touch { code: Some(" B ".into()), campaign: Some(String::new()), channel: None }),
            policy(FirstTouch, None), decided(Store, NewReferral, Some(rec("B", NOW, None)))),
        // A permanent model still honours an expiry stored under an earlier window policy.
        ("first touch, record with a lapsed expiry", Some(&a_lapsed), Some(touch("B")), policy(FirstTouch, None),
            decided(Store, ReplacedExpired, Some(rec("B", NOW, None)))),
    ];
    for (name, existing, incoming, p, expected) in cases {
        assert_eq!(decide_attribution(existing, incoming.as_ref(), NOW, &p).unwrap(), expected, "{name}");
    }
}

#[test]
fn a_record_is_expired_from_the_exact_millisecond_of_its_expiry() {
    let p = policy(Window, Some(30));
    let at_expiry = rec("A", NOW - 30 * DAY, Some(NOW));
    let d = decide_attribution(Some(&at_expiry), Some(&touch("B")), NOW, &p).unwrap();
    assert_eq!((d.action, d.reason), (Store, ReplacedExpired));
    let d = decide_attribution(Some(&at_expiry), None, NOW, &p).unwrap();
    assert_eq!(d, decided(Clear, WindowExpired, None));
    let d = decide_attribution(Some(&at_expiry), Some(&touch("B")), NOW - 1, &p).unwrap();
    assert_eq!(d, decided(Keep, KeptWithinWindow, Some(at_expiry.clone())));
    // A record expiring when it was made is valid, and already lapsed.
    let instant = rec("A", NOW, Some(NOW));
    assert_eq!(decide_attribution(Some(&instant), None, NOW, &p).unwrap().action, Clear);
}

#[test]
fn expiry_is_now_plus_whole_days_capped_at_javascripts_last_date() {
    let expires = |now, days| {
        let d = decide_attribution(None, Some(&touch("B")), now, &policy(Window, Some(days))).unwrap();
        d.record.unwrap().expires_at_ms
    };
    assert_eq!(expires(NOW, 1), Some(1_700_086_400_000));
    // 3650 x 86_400_000 = 315_360_000_000.
    assert_eq!(expires(NOW, 3650), Some(2_015_360_000_000));
    assert_eq!(expires(0, 1), Some(86_400_000));
    assert_eq!(expires(MAX_TIME_MS - DAY, 30), Some(8_640_000_000_000_000));
    assert_eq!(expires(MAX_TIME_MS, 3650), Some(MAX_TIME_MS));
}

#[test]
fn unusable_inputs_are_attribution_invalid_at_their_path() {
    let ok_rec = rec("A", NOW, None);
    let t = Some(touch("B"));
    #[rustfmt::skip]
    let cases: Vec<(Option<AttributionRecord>, i64, AttributionPolicy, &str)> = vec![
        (None, -1, policy(FirstTouch, None), "nowMs"),
        (None, i64::MIN, policy(FirstTouch, None), "nowMs"),
        (None, 8_640_000_000_000_001, policy(FirstTouch, None), "nowMs"),
        (None, NOW, policy(Window, None), "policy.windowDays"),
        (None, NOW, policy(FirstTouch, Some(30)), "policy.windowDays"),
        (None, NOW, policy(Window, Some(0)), "policy.windowDays"),
        (None, NOW, policy(Window, Some(3651)), "policy.windowDays"),
        (None, NOW, policy(LastTouch, Some(0)), "policy.windowDays"),
        (None, NOW, policy(LastTouch, Some(u32::MAX)), "policy.windowDays"),
        (Some(rec("", NOW, None)), NOW, policy(FirstTouch, None), "existing.code"),
        (Some(rec(" \t", NOW, None)), NOW, policy(FirstTouch, None), "existing.code"),
        (Some(rec("A", -1, None)), NOW, policy(FirstTouch, None), "existing.attributedAtMs"),
        (Some(rec("A", NOW, Some(NOW - 1))), NOW, policy(Window, Some(1)), "existing.expiresAtMs"),
        (Some(rec("A", NOW, Some(MAX_TIME_MS + 1))), NOW, policy(Window, Some(1)), "existing.expiresAtMs"),
    ];
    for (existing, now, p, path) in cases {
        let err = decide_attribution(existing.as_ref(), t.as_ref(), now, &p).unwrap_err();
        assert_eq!((err.kind(), err.path()), (ErrorKind::AttributionInvalid, Some(path)), "{existing:?} {now} {p:?}");
    }
    // The edges of the valid ranges.
    for (now, p) in [
        (0, policy(FirstTouch, None)),
        (MAX_TIME_MS, policy(LastTouch, None)),
        (NOW, policy(Window, Some(1))),
        (NOW, policy(Window, Some(3650))),
        (NOW, policy(LastTouch, Some(3650))),
    ] {
        assert!(decide_attribution(Some(&ok_rec), t.as_ref(), now, &p).is_ok(), "{now} {p:?}");
    }
}

const CODES: &[&str] = &["A", "a", "B", "K7M2Q9XD", "k7m2-q9xd", "K7M2 Q9XD", "-"];

fn code() -> impl Strategy<Value = String> {
    prop::sample::select(CODES).prop_map(String::from)
}

/// Times around NOW (so that records are live or lapsed in both ways) and anywhere in range.
fn time() -> impl Strategy<Value = i64> {
    prop_oneof![NOW - 400 * DAY..=NOW + 400 * DAY, 0..=MAX_TIME_MS]
}

fn valid_policy() -> impl Strategy<Value = AttributionPolicy> {
    let self_code = prop::option::of(code());
    let model = prop_oneof![
        Just((FirstTouch, None)),
        (1u32..=3650).prop_map(|d| (Window, Some(d))),
        prop::option::of(1u32..=3650).prop_map(|d| (LastTouch, d)),
    ];
    (model, self_code).prop_map(|((model, window_days), self_code)| AttributionPolicy { model, window_days, self_code })
}

fn valid_record() -> impl Strategy<Value = AttributionRecord> {
    (code(), time(), prop::option::of(0..=800 * DAY)).prop_map(|(code, at, len)| AttributionRecord {
        expires_at_ms: len.map(|l| (at + l).min(MAX_TIME_MS)),
        ..rec(&code, at, None)
    })
}

fn any_touch() -> impl Strategy<Value = Touch> {
    let code = prop_oneof![code().prop_map(Some), Just(None), Just(Some(String::new())), Just(Some(" ".into()))];
    let extra = || prop::option::of(prop::sample::select(vec!["", "d11", "pst"]).prop_map(String::from));
    (code, extra(), extra()).prop_map(|(code, campaign, channel)| Touch { code, campaign, channel })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn decisions_obey_their_laws(
        existing in prop::option::of(valid_record()),
        incoming in prop::option::of(any_touch()),
        now in time(),
        p in valid_policy(),
    ) {
        let d = decide_attribution(existing.as_ref(), incoming.as_ref(), now, &p).unwrap();
        let live = existing.as_ref().filter(|r| r.expires_at_ms.is_none_or(|e| now < e));
        match d.action {
            Store => {
                let r = d.record.as_ref().expect("Store comes with a record");
                let code = incoming.as_ref().and_then(|t| t.code.as_deref()).map(str::trim);
                prop_assert_eq!(Some(r.code.as_str()), code);
                prop_assert_eq!(r.attributed_at_ms, now);
                let expected = p.window_days.map(|days| (now + i64::from(days) * DAY).min(MAX_TIME_MS));
                prop_assert_eq!(r.expires_at_ms, expected);
                prop_assert!(d.reason != SelfReferral);
            }
            Keep => prop_assert_eq!(d.record.as_ref(), existing.as_ref()),
            Clear => {
                prop_assert!(d.record.is_none());
                prop_assert!(existing.is_some() && live.is_none());
            }
        }
        if p.model == FirstTouch && live.is_some() {
            prop_assert_eq!((d.action, d.record.as_ref()), (Keep, live));
        }
    }
}
