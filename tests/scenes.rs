//! Mini-program scenes: WeChat's 32-character rule, field packing, percent-encoded parsing and round trips.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use share_earn::links::{encode_component, is_scene_char, pack_scene, parse_scene, SceneFields, MAX_SCENE_LEN};
use share_earn::ErrorKind;
use std::collections::BTreeMap;

/// WeChat's documentation for wxacode.getUnlimited: "最大32个可见字符，只支持数字，
/// 大小写英文以及部分特殊字符：!#$&'()*+,/:;=?@-._~".
const WECHAT_SPECIALS: &str = "!#$&'()*+,/:;=?@-._~";

fn code(c: &str) -> SceneFields {
    SceneFields { code: Some(c.into()), ..Default::default() }
}

fn extra(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|&(k, v)| (k.to_string(), v.to_string())).collect()
}

#[test]
fn scene_characters_are_exactly_wechats_list() {
    assert_eq!(MAX_SCENE_LEN, 32);
    for c in (0u8..=127).map(char::from).chain(['分', 'é', '\u{3000}', '😀']) {
        let wechat = c.is_ascii_alphanumeric() || WECHAT_SPECIALS.contains(c);
        assert_eq!(is_scene_char(c), wechat, "{c:?}");
    }
}

#[test]
fn fields_are_packed_r_c_h_then_extras_in_key_order() {
    let f = SceneFields {
        code: Some("K7M2Q9XD".into()),
        campaign: Some("d11".into()),
        channel: Some("pst".into()),
        extra: BTreeMap::new(),
    };
    assert_eq!(pack_scene(&f).unwrap(), "r=K7M2Q9XD&c=d11&h=pst");
    let f = SceneFields { code: Some("K7M2".into()), extra: extra(&[("z", "1"), ("R", "2"), ("a_1", "3")]), ..f };
    assert_eq!(pack_scene(&f).unwrap(), "r=K7M2&c=d11&h=pst&R=2&a_1=3&z=1");
    // Empty strings count as absent, for extras too.
    let f = SceneFields { campaign: Some(String::new()), extra: extra(&[("x", "")]), ..code("K7") };
    assert_eq!(pack_scene(&f).unwrap(), "r=K7");
}

#[test]
fn exactly_32_characters_fit_and_33_are_too_long() {
    let fits = code(&"A".repeat(30));
    assert_eq!(pack_scene(&fits).unwrap().len(), 32);
    let err = pack_scene(&code(&"A".repeat(31))).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::SceneTooLong);
    // Across fields: "r=K7M2Q9XD&c=d11&h=pst&x=" is 25 characters.
    let f = |x: &str| SceneFields {
        code: Some("K7M2Q9XD".into()),
        campaign: Some("d11".into()),
        channel: Some("pst".into()),
        extra: extra(&[("x", x)]),
    };
    assert_eq!(pack_scene(&f("1234567")).unwrap(), "r=K7M2Q9XD&c=d11&h=pst&x=1234567");
    assert_eq!(pack_scene(&f("12345678")).unwrap_err().kind(), ErrorKind::SceneTooLong);
    assert_eq!(parse_scene(&format!("r={}", "A".repeat(31))).unwrap_err().kind(), ErrorKind::SceneTooLong);
    assert_eq!(parse_scene(&format!("r={}", "A".repeat(30))).unwrap(), fits);
}

#[test]
fn every_allowed_character_but_the_delimiters_survives_as_a_value() {
    let v = "!#$'()*+,/:;?@-._~"; // WeChat's specials without & and =
    let f = SceneFields { code: Some(v.into()), extra: extra(&[("x", "aZ09")]), ..Default::default() };
    let scene = pack_scene(&f).unwrap();
    assert_eq!(scene, "r=!#$'()*+,/:;?@-._~&x=aZ09");
    assert_eq!(parse_scene(&scene).unwrap(), f);
}

#[test]
fn a_character_wechat_refuses_is_scene_bad_character_at_its_field() {
    for bad in ["a b", "分享", "50%", "a&b", "a=b", "é", "a\tb", "😀", "\"", "<>", "[x]", "^", "|", "\\"] {
        let cases = [
            (code(bad), "code"),
            (SceneFields { campaign: Some(bad.into()), ..Default::default() }, "campaign"),
            (SceneFields { channel: Some(bad.into()), ..code("K7") }, "channel"),
            (SceneFields { extra: extra(&[("k", bad)]), ..code("K7") }, "extra.k"),
        ];
        for (f, path) in cases {
            let err = pack_scene(&f).unwrap_err();
            assert_eq!((err.kind(), err.path()), (ErrorKind::SceneBadCharacter, Some(path)), "{bad:?}");
        }
    }
}

#[test]
fn reserved_or_malformed_extra_keys_are_scene_invalid() {
    for key in ["r", "c", "h", "", "a-b", "a b", "分", "a=b", "k&", "a.b"] {
        let err = pack_scene(&SceneFields { extra: extra(&[(key, "1")]), ..code("K7") }).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::SceneInvalid, "{key:?}");
        assert_eq!(err.path(), Some(format!("extra.{key}").as_str()));
    }
}

#[test]
fn a_scene_with_nothing_in_it_is_scene_invalid() {
    let empty = SceneFields {
        code: Some(String::new()),
        campaign: Some(String::new()),
        channel: None,
        extra: extra(&[("x", "")]),
    };
    for f in [SceneFields::default(), empty] {
        assert_eq!(pack_scene(&f).unwrap_err().kind(), ErrorKind::SceneInvalid, "{f:?}");
    }
}

#[test]
fn percent_encoded_scenes_as_onload_receives_them_are_decoded() {
    // WeChat hands onLoad the scene URL-encoded and tells the page to decodeURIComponent it.
    // The inputs are Node 20's encodeURIComponent of "r=K7M2Q9XD&c=d11" and of
    // "r=A!*()~.-_&x=$,;:@/?#+'"; decodeURIComponent gives those strings back.
    let f = parse_scene("r%3DK7M2Q9XD%26c%3Dd11").unwrap();
    assert_eq!(f, SceneFields { campaign: Some("d11".into()), ..code("K7M2Q9XD") });
    let f = parse_scene("r%3DA!*()~.-_%26x%3D%24%2C%3B%3A%40%2F%3F%23%2B'").unwrap();
    assert_eq!(f, SceneFields { extra: extra(&[("x", "$,;:@/?#+'")]), ..code("A!*()~.-_") });
    // Lower-case hex and the plain form read the same.
    assert_eq!(parse_scene("r%3dK7%26h%3dpst").unwrap(), parse_scene("r=K7&h=pst").unwrap());
    // `+` is not a space here: decodeURIComponent("a+b") is "a+b".
    assert_eq!(parse_scene("r%3Da+b").unwrap(), code("a+b"));
}

#[test]
fn malformed_scenes_are_scene_invalid() {
    // The first four make Node's decodeURIComponent throw URIError.
    let cases = [
        "r%3DK7%2",
        "r%3DK7%zz",
        "r%3D%E5%88",
        "r=%+1",
        "%",
        "r%3D%FF",
        "",
        "r=a&r=b",
        "r=&r=b",
        "x=1&x=2",
        "r",
        "r=a&b",
        "=a",
        "r=a&",
        "&r=a",
        "r=a&&c=b",
        // pack_scene never writes '=' inside a value, so a parsed one is not a scene of ours.
        "r=a=b",
        "r=K7&c=d=11",
    ];
    for s in cases {
        assert_eq!(parse_scene(s).unwrap_err().kind(), ErrorKind::SceneInvalid, "{s:?}");
    }
}

#[test]
fn parsed_characters_wechat_refuses_are_scene_bad_character() {
    // "%E5%88%86" is encodeURIComponent("分"), "%20" of a space.
    for s in ["r=a b", "r=分", "r%3D%E5%88%86", "r%3Da%20b", "r=\"x\""] {
        assert_eq!(parse_scene(s).unwrap_err().kind(), ErrorKind::SceneBadCharacter, "{s:?}");
    }
}

#[test]
fn parse_leaves_empty_values_out_and_keeps_unknown_keys_as_extras() {
    let f = parse_scene("r=K7&c=&q=9&Z=z").unwrap();
    assert_eq!(f, SceneFields { extra: extra(&[("Z", "z"), ("q", "9")]), ..code("K7") });
    assert_eq!(parse_scene("r=").unwrap(), SceneFields::default());
}

/// Values from WeChat's allowed characters minus the pair delimiters `&` and `=`.
fn value() -> impl Strategy<Value = Option<String>> {
    let chars: Vec<char> = ('0'..='9').chain('A'..='Z').chain('a'..='z').chain("!#$'()*+,/:;?@-._~".chars()).collect();
    prop::option::of(prop::collection::vec(prop::sample::select(chars), 0..12).prop_map(String::from_iter))
}

fn fields() -> impl Strategy<Value = SceneFields> {
    let key = "[A-Za-z0-9_]{1,3}".prop_filter("reserved", |k| !["r", "c", "h"].contains(&k.as_str()));
    let extras = prop::collection::btree_map(key, value().prop_map(Option::unwrap_or_default), 0..3);
    (value(), value(), value(), extras).prop_map(|(code, campaign, channel, extra)| SceneFields {
        code,
        campaign,
        channel,
        extra,
    })
}

/// `f` with empty strings as absent: what parsing can return.
fn normalised(f: &SceneFields) -> SceneFields {
    let n = |v: &Option<String>| v.clone().filter(|s| !s.is_empty());
    SceneFields {
        code: n(&f.code),
        campaign: n(&f.campaign),
        channel: n(&f.channel),
        extra: f.extra.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| (k.clone(), v.clone())).collect(),
    }
}

fn any_fields() -> impl Strategy<Value = SceneFields> {
    let any_value = || prop::option::of(".{0,12}");
    let extras = prop::collection::btree_map(".{0,3}", ".{0,8}", 0..3);
    (any_value(), any_value(), any_value(), extras).prop_map(|(code, campaign, channel, extra)| SceneFields {
        code,
        campaign,
        channel,
        extra,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn parse_of_pack_is_the_fields(f in fields()) {
        match pack_scene(&f) {
            Ok(scene) => {
                prop_assert_eq!(parse_scene(&scene).unwrap(), normalised(&f));
                // Percent-encoded, as onLoad receives it.
                prop_assert_eq!(parse_scene(&encode_component(&scene)).unwrap(), normalised(&f));
            }
            Err(e) => {
                let nothing = normalised(&f) == SceneFields::default();
                let expected = if nothing { ErrorKind::SceneInvalid } else { ErrorKind::SceneTooLong };
                prop_assert_eq!(e.kind(), expected);
            }
        }
    }

    #[test]
    fn packed_scenes_are_at_most_32_allowed_characters(f in prop_oneof![fields(), any_fields()]) {
        if let Ok(scene) = pack_scene(&f) {
            prop_assert!(scene.chars().count() <= 32, "{}", scene);
            prop_assert!(scene.chars().all(is_scene_char), "{}", scene);
        }
    }
}
