//! Share links: URL checks, query and hash-route placement, escaping, names, limits and round trips.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use share_earn::links::{
    build_share_link, decode_component, encode_component, parse_share_link, ParamNames, ShareParams, Utm, MAX_VALUE_LEN,
};
use share_earn::ErrorKind;

fn code(c: &str) -> ShareParams {
    ShareParams { code: Some(c.into()), ..Default::default() }
}

fn build(base: &str, params: &ShareParams) -> String {
    build_share_link(base, params, &ParamNames::default()).unwrap()
}

fn names(code: &str, campaign: &str, channel: &str) -> ParamNames {
    ParamNames { code: code.into(), campaign: campaign.into(), channel: channel.into() }
}

#[test]
fn only_absolute_http_and_https_urls_with_a_host_are_accepted() {
    let cases = [
        ("ftp://a.com/", ErrorKind::LinkBadScheme),
        ("javascript:alert(1)", ErrorKind::LinkBadScheme),
        ("mailto:a@b.example", ErrorKind::LinkBadScheme),
        ("localhost:8080", ErrorKind::LinkBadScheme), // WHATWG also reads `localhost` as the scheme
        ("", ErrorKind::LinkBadUrl),
        ("/goods/1", ErrorKind::LinkBadUrl),
        ("goods/1?x=1", ErrorKind::LinkBadUrl),
        ("//shop.example.com/goods", ErrorKind::LinkBadUrl),
        ("https:shop.example.com", ErrorKind::LinkBadUrl),
        ("https://", ErrorKind::LinkBadUrl),
        ("https:///goods", ErrorKind::LinkBadUrl),
        ("https://:443/", ErrorKind::LinkBadUrl),
        ("https://a.com:99999/", ErrorKind::LinkBadUrl),
        ("https://a.com:8x/", ErrorKind::LinkBadUrl),
        ("https://a.com:-1/", ErrorKind::LinkBadUrl),
        ("https://a.com/\tx", ErrorKind::LinkBadUrl),
        ("https://a.com/x\ny", ErrorKind::LinkBadUrl),
        ("https://a.com/\u{7f}", ErrorKind::LinkBadUrl),
        ("https://例子.com/", ErrorKind::LinkBadUrl),
        ("https://a b.com/", ErrorKind::LinkBadUrl),
        ("https://[::1/", ErrorKind::LinkBadUrl),
    ];
    for (base, kind) in cases {
        let err = build_share_link(base, &code("K7"), &ParamNames::default()).unwrap_err();
        assert_eq!(err.kind(), kind, "build {base:?}: {err}");
        let err = parse_share_link(base, &ParamNames::default()).unwrap_err();
        assert_eq!(err.kind(), kind, "parse {base:?}: {err}");
    }
    for base in [
        "http://a.com",
        "HTTPS://A.COM",
        "  https://a.com/  ",
        "https://a.com:8080/",
        "https://127.0.0.1/",
        "https://[::1]:3000/",
        "https://u:p@a.com/",
        "https://xn--fsqu00a.xn--fiqs8s/",
    ] {
        let built = build_share_link(base, &code("K7"), &ParamNames::default()).unwrap();
        assert_eq!(parse_share_link(&built, &ParamNames::default()).unwrap().code.as_deref(), Some("K7"), "{built}");
    }
}

#[test]
fn the_existing_query_is_kept_byte_for_byte_and_the_code_appended() {
    let base = "https://shop.example.com/goods/1?sku=9&color=%E7%BA%A2&q=a+b&odd=%zz";
    assert_eq!(build(base, &code("K7M2Q9XD")), format!("{base}&ref=K7M2Q9XD"));
    assert_eq!(build("https://shop.example.com/goods/1", &code("K7")), "https://shop.example.com/goods/1?ref=K7");
}

#[test]
fn resharing_replaces_earlier_values_of_the_keys_it_sets_and_only_those() {
    let base = "https://shop.example.com/?ref=OLD&a=1&ref=OLDER&%72ef=ENCODED&campaign=keep";
    // `%72ef` is `ref` to URLSearchParams too: new URLSearchParams("%72ef=OLD").get("ref") is "OLD".
    assert_eq!(build(base, &code("NEW")), "https://shop.example.com/?a=1&campaign=keep&ref=NEW");
    let again = build(&build(base, &code("NEW")), &code("NEWER"));
    assert_eq!(again, "https://shop.example.com/?a=1&campaign=keep&ref=NEWER");
}

#[test]
fn hash_routes_get_the_parameters_in_the_query_of_the_fragment() {
    assert_eq!(
        build("https://h5.example.com/#/goods/1?x=1", &code("K7")),
        "https://h5.example.com/#/goods/1?x=1&ref=K7"
    );
    assert_eq!(build("https://h5.example.com/#/goods/1", &code("K7")), "https://h5.example.com/#/goods/1?ref=K7");
    assert_eq!(build("https://h5.example.com/#!/goods/1", &code("A")), "https://h5.example.com/#!/goods/1?ref=A");
    // Earlier values in the real query go too, or readers of the query would see the old sharer.
    // In Node 20, for the result u: new URL(u).searchParams.get("ref") is null and the query
    // after `?` in new URL(u).hash gives get("ref") "NEW".
    assert_eq!(
        build("https://h5.example.com/?ref=OLD&s=2#/goods/1?x=1&ref=OLD2", &code("NEW")),
        "https://h5.example.com/?s=2#/goods/1?x=1&ref=NEW"
    );
    assert_eq!(build("https://h5.example.com/?ref=OLD#/p", &code("NEW")), "https://h5.example.com/#/p?ref=NEW");
}

#[test]
fn fragments_that_are_not_routes_stay_after_the_query() {
    assert_eq!(build("https://a.com/page?a=1#top", &code("K7")), "https://a.com/page?a=1&ref=K7#top");
    assert_eq!(build("https://a.com/page#top", &code("K7")), "https://a.com/page?ref=K7#top");
    assert_eq!(build("https://a.com/page#", &code("K7")), "https://a.com/page?ref=K7#");
    // An anchor is not a route: a `?` inside it is part of the anchor name, not a query.
    let names = ParamNames::default();
    assert_eq!(parse_share_link("https://a.com/page#top?ref=K7", &names).unwrap().code, None);
    assert_eq!(parse_share_link("https://a.com/#/page?ref=K7", &names).unwrap().code.as_deref(), Some("K7"));
}

#[test]
fn encode_component_escapes_everything_but_rfc3986_unreserved() {
    // Reference: encodeURIComponent in Node 20. It leaves `!*'()` alone; our rule escapes
    // every byte except A-Z a-z 0-9 - . _ ~, so those four become %21 %2A %27 %28 %29.
    // encodeURIComponent("分享 &=+#%~!*()'") == "%E5%88%86%E4%BA%AB%20%26%3D%2B%23%25~!*()'"
    assert_eq!(encode_component("分享 &=+#%~!*()'"), "%E5%88%86%E4%BA%AB%20%26%3D%2B%23%25~%21%2A%28%29%27");
    // The rest are exactly encodeURIComponent's output.
    assert_eq!(encode_component("😀"), "%F0%9F%98%80");
    assert_eq!(encode_component("双十一"), "%E5%8F%8C%E5%8D%81%E4%B8%80");
    assert_eq!(encode_component("x/y?z"), "x%2Fy%3Fz");
    assert_eq!(encode_component("a&b=c"), "a%26b%3Dc");
    assert_eq!(encode_component("é\0\n"), "%C3%A9%00%0A");
    assert_eq!(encode_component("K7M2-Q9XD_a.b~"), "K7M2-Q9XD_a.b~");
    assert_eq!(encode_component(""), "");
}

#[test]
fn decode_component_reads_as_url_search_params_does() {
    // Reference: new URLSearchParams("a=%E5%88%86+x&b=%zz&c=100%&d=%E5%88&h=%2B+%2b&i=%FF%41").get(k) in Node 20.
    let cases = [
        ("%E5%88%86+x", "分 x"),
        ("%zz", "%zz"),
        ("100%", "100%"),
        ("%E5%88", "\u{FFFD}"),
        ("%2B+%2b", "+ +"),
        ("%FF%41", "\u{FFFD}A"),
        ("%F0%9F%98%80", "😀"),
        ("%", "%"),
        ("%4", "%4"),
    ];
    for (raw, decoded) in cases {
        assert_eq!(decode_component(raw), decoded, "{raw}");
    }
}

#[test]
fn built_links_read_back_in_a_browser_url_parser() {
    // Each URL below is what build_share_link gives; the values are what Node 20's
    // `new URL(url).searchParams.get(key)` returns for it.
    let utm = Utm {
        source: Some("wechat".into()),
        medium: Some("poster".into()),
        campaign: Some("d11".into()),
        term: Some("a b".into()),
        content: Some("v+2".into()),
    };
    let all =
        ShareParams {
            code: Some("K7".into()), campaign: Some("双十一".into()), channel: Some("wechat".into()), utm
        };
    let cases = [
        (
            code("分享 &=+#%~!*()'"),
            "https://shop.example.com/?ref=%E5%88%86%E4%BA%AB%20%26%3D%2B%23%25~%21%2A%28%29%27",
        ),
        (code("😀"), "https://shop.example.com/?ref=%F0%9F%98%80"),
        (
            all,
            "https://shop.example.com/?ref=K7&campaign=%E5%8F%8C%E5%8D%81%E4%B8%80&channel=wechat\
             &utm_source=wechat&utm_medium=poster&utm_campaign=d11&utm_term=a%20b&utm_content=v%2B2",
        ),
    ];
    for (params, url) in cases {
        assert_eq!(build("https://shop.example.com/", &params), url);
        assert_eq!(parse_share_link(url, &ParamNames::default()).unwrap(), params);
    }
}

#[test]
fn custom_names_are_used_for_building_and_parsing() {
    let n = names("inviter", "act", "from");
    let p = ShareParams {
        code: Some("K7".into()),
        campaign: Some("d11".into()),
        channel: Some("pst".into()),
        ..Default::default()
    };
    let url = build_share_link("https://a.com/?inviter=OLD&ref=other", &p, &n).unwrap();
    assert_eq!(url, "https://a.com/?ref=other&inviter=K7&act=d11&from=pst");
    assert_eq!(parse_share_link(&url, &n).unwrap(), p);
    assert_eq!(parse_share_link(&url, &ParamNames::default()).unwrap(), code("other"));
}

#[test]
fn unusable_parameter_names_are_link_bad_param_at_their_path() {
    let long = "n".repeat(33);
    let cases = [
        (names("", "campaign", "channel"), "params.code"),
        (names("ref", "a=b", "channel"), "params.campaign"),
        (names("ref", "campaign", "utm_from"), "params.channel"),
        (names("ref", "ref", "channel"), "params.campaign"),
        (names("ref", "campaign", "campaign"), "params.channel"),
        (names(&long, "campaign", "channel"), "params.code"),
        (names("分享", "campaign", "channel"), "params.code"),
        (names("a&b", "campaign", "channel"), "params.code"),
    ];
    for (n, path) in cases {
        for err in [
            build_share_link("https://a.com/", &code("K7"), &n).unwrap_err(),
            parse_share_link("https://a.com/", &n).unwrap_err(),
        ] {
            assert_eq!(err.kind(), ErrorKind::LinkBadParam, "{n:?}");
            assert_eq!(err.path(), Some(path), "{n:?}");
        }
    }
    assert!(build_share_link("https://a.com/", &code("K7"), &names(&"n".repeat(32), "c", "h")).is_ok());
}

#[test]
fn values_longer_than_the_limit_are_link_bad_param_at_their_path() {
    let ok = "分".repeat(MAX_VALUE_LEN);
    let long = "分".repeat(MAX_VALUE_LEN + 1);
    assert!(build_share_link("https://a.com/", &code(&ok), &ParamNames::default()).is_ok());
    let cases: [(ShareParams, &str); 4] = [
        (code(&long), "code"),
        (ShareParams { campaign: Some(long.clone()), ..Default::default() }, "campaign"),
        (
            ShareParams { utm: Utm { source: Some(long.clone()), ..Default::default() }, ..Default::default() },
            "utm.source",
        ),
        (
            ShareParams { utm: Utm { content: Some(long.clone()), ..Default::default() }, ..Default::default() },
            "utm.content",
        ),
    ];
    for (params, path) in cases {
        let err = build_share_link("https://a.com/", &params, &ParamNames::default()).unwrap_err();
        assert_eq!((err.kind(), err.path()), (ErrorKind::LinkBadParam, Some(path)));
    }
}

#[test]
fn a_link_too_long_to_parse_back_is_refused_when_built() {
    // 8 values of 256 emoji escape to 8 x 256 x 12 bytes, far over the 8192 bytes parse accepts.
    let v = Some("😀".repeat(MAX_VALUE_LEN));
    let u = Utm { source: v.clone(), medium: v.clone(), campaign: v.clone(), term: v.clone(), content: v.clone() };
    let p = ShareParams { code: v.clone(), campaign: v.clone(), channel: v, utm: u };
    let err = build_share_link("https://a.com/", &p, &ParamNames::default()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::LinkBadUrl);
    // A long non-ASCII path grows threefold when escaped (2700 x 3 bytes -> 2700 x 9).
    let base = format!("https://a.com/{}", "分".repeat(2700));
    assert_eq!(build_share_link(&base, &code("K7"), &ParamNames::default()).unwrap_err().kind(), ErrorKind::LinkBadUrl);
}

#[test]
fn parse_reads_the_query_then_the_hash_route_first_repeat_winning() {
    // Node 20, u = new URL(this url): u.searchParams.get("ref") "a b", ("campaign") "%zz",
    // ("utm_term") "100%", ("utm_source") "\uFFFD"; on the query after `?` in u.hash:
    // get("channel") "微信", get("ref") "hash", get("utm_medium") "m".
    let url = "https://a.com/?ref=a+b&ref=second&campaign=%zz&utm_term=100%&utm_source=%E5%88\
               #/x?channel=%E5%BE%AE%E4%BF%A1&ref=hash&utm_medium=m";
    let p = parse_share_link(url, &ParamNames::default()).unwrap();
    let utm = Utm {
        source: Some("\u{FFFD}".into()),
        medium: Some("m".into()),
        term: Some("100%".into()),
        ..Default::default()
    };
    let expected =
        ShareParams { code: Some("a b".into()), campaign: Some("%zz".into()), channel: Some("微信".into()), utm };
    assert_eq!(p, expected);
    assert_eq!(
        parse_share_link("https://a.com/?ref=&x#/p?ref=K7", &ParamNames::default()).unwrap(),
        ShareParams::default()
    );
    assert_eq!(parse_share_link("https://a.com/", &ParamNames::default()).unwrap(), ShareParams::default());
}

fn value() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop::collection::vec(any::<char>(), 0..24).prop_map(String::from_iter))
}

fn base_url() -> impl Strategy<Value = String> {
    let scheme = prop::sample::select(vec!["http", "https", "HTTPS"]);
    let host = prop::sample::select(vec!["shop.example.com", "127.0.0.1:8080", "[::1]:3000", "u:p@h5.example.com"]);
    let path = prop::sample::select(vec!["", "/", "/goods/1", "/分享/页 1"]);
    let query = prop::sample::select(vec!["", "?", "?a=1", "?sku=9&color=%E7%BA%A2", "?q=a+b&&x&odd=%zz"]);
    let fragment = prop::sample::select(vec!["", "#", "#top", "#/goods/1", "#/goods/1?x=1", "#!/p?y=%zz&", "#sec?x=1"]);
    (scheme, host, path, query, fragment).prop_map(|(s, h, p, q, f)| format!("{s}://{h}{p}{q}{f}"))
}

fn params() -> impl Strategy<Value = ShareParams> {
    let utm = (value(), value(), value(), value(), value()).prop_map(|(source, medium, campaign, term, content)| Utm {
        source,
        medium,
        campaign,
        term,
        content,
    });
    (value(), value(), value(), utm).prop_map(|(code, campaign, channel, utm)| ShareParams {
        code,
        campaign,
        channel,
        utm,
    })
}

fn long_value() -> impl Strategy<Value = String> {
    let wide = prop::char::range('\u{800}', '\u{10FFFF}');
    prop::collection::vec(prop_oneof![any::<char>(), wide], 0..=MAX_VALUE_LEN).prop_map(String::from_iter)
}

/// `p` with empty strings as absent: what parsing can return.
fn normalised(p: &ShareParams) -> ShareParams {
    let n = |v: &Option<String>| v.clone().filter(|s| !s.is_empty());
    let u = &p.utm;
    ShareParams {
        code: n(&p.code),
        campaign: n(&p.campaign),
        channel: n(&p.channel),
        utm: Utm {
            source: n(&u.source),
            medium: n(&u.medium),
            campaign: n(&u.campaign),
            term: n(&u.term),
            content: n(&u.content),
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parse_of_build_is_the_params(base in base_url(), p in params(), custom in any::<bool>()) {
        let n = if custom { names("inviter", "act", "from") } else { ParamNames::default() };
        let url = build_share_link(&base, &p, &n).unwrap();
        prop_assert_eq!(parse_share_link(&url, &n).unwrap(), normalised(&p), "{}", url);
    }

    #[test]
    fn build_never_returns_a_link_parse_refuses(long in long_value()) {
        // Eight values of up to 256 characters, many of 9 or 12 escaped bytes: the link is
        // over the 8192 bytes parse accepts in about half of the cases.
        let v = Some(long);
        let (source, medium, campaign, term, content) = (v.clone(), v.clone(), v.clone(), v.clone(), v.clone());
        let utm = Utm { source, medium, campaign, term, content };
        let p = ShareParams { code: v.clone(), campaign: v.clone(), channel: v, utm };
        match build_share_link("https://a.com/#/p", &p, &ParamNames::default()) {
            Ok(url) => prop_assert_eq!(parse_share_link(&url, &ParamNames::default()).unwrap(), normalised(&p)),
            Err(e) => prop_assert_eq!(e.kind(), ErrorKind::LinkBadUrl),
        }
    }
}
