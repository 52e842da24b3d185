//! Share links and mini-program scenes through the JS bindings, checked against the browser's URL parser.
#![cfg(target_arch = "wasm32")]

mod web_support;

use share_earn::bindings::links::{build_share_link, pack_scene, parse_scene, parse_share_link};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_support::*;

wasm_bindgen_test_configure!(run_in_browser);

/// `buildShareLink(base, options)` with options as JSON.
fn build(base: &str, options: &str) -> String {
    build_share_link(s(base), ts(options)).unwrap_or_else(|e| panic!("buildShareLink({base}, {options}): {e:?}"))
}

/// `parseShareLink(url, options)` with options as JSON (or absent).
fn parse(url: &str, options: Option<&str>) -> JsValue {
    parse_share_link(s(url), options.and_then(some)).unwrap_or_else(|e| panic!("parseShareLink({url}): {e:?}")).into()
}

// ---------------------------------------------------------------------------------------
// Share links

#[wasm_bindgen_test]
fn share_links_with_cjk_and_emoji_read_back_in_the_browser_and_in_parse_share_link() {
    let options = r#"{"code":"Y56Q925A","campaign":"双十一🎉","channel":"朋友圈",
        "utm":{"source":"wechat","medium":"poster","content":"a b&c=d+e%"}}"#;
    let link = build("https://shop.example.com/goods/1?sku=9#top", options);
    // The browser's URL parser is the independent decoder.
    let url = browser_url(&link);
    assert_eq!(url.href(), link, "the link is already in the browser's canonical form");
    assert_eq!((url.pathname().as_str(), url.hash().as_str()), ("/goods/1", "#top"));
    let query = url.search_params();
    for (key, value) in [
        ("sku", "9"),
        ("ref", "Y56Q925A"),
        ("campaign", "双十一🎉"),
        ("channel", "朋友圈"),
        ("utm_source", "wechat"),
        ("utm_medium", "poster"),
        ("utm_content", "a b&c=d+e%"),
    ] {
        assert_eq!(query.get(key).as_deref(), Some(value), "{key} in {link}");
    }
    assert_eq!(query.get("utm_campaign"), None);
    // UTF-8 percent-encoding, as encodeURIComponent writes it for these characters.
    let campaign = String::from(js_sys::encode_uri_component("双十一🎉"));
    assert!(link.contains(&format!("&campaign={campaign}&")), "{link}");
    assert_eq!(campaign, "%E5%8F%8C%E5%8D%81%E4%B8%80%F0%9F%8E%89");
    // And parseShareLink reads back exactly what was put in.
    assert_json(
        &parse(&link, None),
        r#"{"code":"Y56Q925A","campaign":"双十一🎉","channel":"朋友圈",
            "utm":{"source":"wechat","medium":"poster","content":"a b&c=d+e%"}}"#,
    );
}

#[wasm_bindgen_test]
fn links_written_by_the_browser_parse_back() {
    // URLSearchParams is the independent encoder (it writes spaces as '+').
    let url = browser_url("https://shop.example.com/p?x=1#frag");
    let query = url.search_params();
    query.set("ref", "k7m2-q9xd");
    query.set("campaign", "年货节 2025");
    query.set("channel", "a+b&c=d");
    query.set("utm_source", "微信");
    query.set("utm_term", "🧧");
    let href = url.href();
    assert!(href.contains("%E5%B9%B4") && href.contains('+'), "{href}");
    assert_json(
        &parse(&href, None),
        r#"{"code":"k7m2-q9xd","campaign":"年货节 2025","channel":"a+b&c=d","utm":{"source":"微信","term":"🧧"}}"#,
    );
}

#[wasm_bindgen_test]
fn hash_routes_carry_the_parameters_in_the_fragment() {
    let link = build("https://h5.example.com/#/goods/1?from=app", r#"{"code":"Y56Q925A","campaign":"d11"}"#);
    assert_eq!(link, "https://h5.example.com/#/goods/1?from=app&ref=Y56Q925A&campaign=d11");
    let url = browser_url(&link);
    assert_eq!(url.search(), "");
    let hash = url.hash();
    let route_query = UrlSearchParams::new(hash.split_once('?').expect("a query in the route").1);
    assert_eq!(route_query.get("ref").as_deref(), Some("Y56Q925A"));
    assert_eq!(route_query.get("from").as_deref(), Some("app"));
    assert_json(&parse(&link, None), r#"{"code":"Y56Q925A","campaign":"d11","utm":{}}"#);
    // `#!/` routes too; an old `ref` in the real query is removed so only one remains.
    let link = build("https://h5.example.com/?ref=OLD&x=1#!/p", r#"{"code":"NEW"}"#);
    assert_eq!(link, "https://h5.example.com/?x=1#!/p?ref=NEW");
    assert_eq!(browser_url(&link).search_params().get("ref"), None);
    assert_eq!(get_str(&parse(&link, None), "code").as_deref(), Some("NEW"));
    // A plain anchor is not a route: the parameters go into the query.
    assert_eq!(build("https://a.example/p#top", r#"{"code":"X"}"#), "https://a.example/p?ref=X#top");
}

#[wasm_bindgen_test]
fn building_replaces_earlier_values_and_keeps_the_rest() {
    let link = build("https://a.example/p?ref=OLD&x=1&ref=OLD2&y=%E4%B8%AD", r#"{"code":"NEW"}"#);
    assert_eq!(link, "https://a.example/p?x=1&y=%E4%B8%AD&ref=NEW");
    let query = browser_url(&link).search_params();
    assert_eq!(query.get_all("ref").iter().map(|v| v.as_string().unwrap()).collect::<Vec<_>>(), ["NEW"]);
    assert_eq!(query.get("y").as_deref(), Some("中"));
    // Empty values count as absent, and an empty query disappears.
    assert_eq!(build("https://a.example/p", r#"{"code":"","campaign":""}"#), "https://a.example/p");
    assert_eq!(build("https://a.example/p?ref=OLD", r#"{"code":"","utm":{}}"#), "https://a.example/p?ref=OLD");
    // Surrounding whitespace is ignored and the scheme is written in lower case.
    assert_eq!(build("  HTTPS://a.example/p  ", r#"{"code":"X"}"#), "https://a.example/p?ref=X");
    // The first of repeated keys wins, as in URLSearchParams.get.
    let repeated = "https://a.example/?ref=A&ref=B";
    assert_eq!(browser_url(repeated).search_params().get("ref").as_deref(), Some("A"));
    assert_eq!(get_str(&parse(repeated, None), "code").as_deref(), Some("A"));
    // Empty parameters read as absent.
    assert_json(&parse("https://a.example/?ref=&campaign=c", None), r#"{"campaign":"c","utm":{}}"#);
}

#[wasm_bindgen_test]
fn renamed_parameters_and_all_utm_tags() {
    let options = r#"{"code":"X1","campaign":"c","channel":"h",
        "params":{"code":"inviter","campaign":"act","channel":"ch"},
        "utm":{"source":"s","medium":"m","campaign":"uc","term":"t","content":"ct"}}"#;
    let link = build("https://a.example/", options);
    assert_eq!(
        link,
        "https://a.example/?inviter=X1&act=c&ch=h&utm_source=s&utm_medium=m&utm_campaign=uc&utm_term=t&utm_content=ct"
    );
    let names = r#"{"params":{"code":"inviter","campaign":"act","channel":"ch"}}"#;
    let parsed = parse(&link, Some(names));
    assert_json(
        &parsed,
        r#"{"code":"X1","campaign":"c","channel":"h",
            "utm":{"source":"s","medium":"m","campaign":"uc","term":"t","content":"ct"}}"#,
    );
    // With the default names the renamed keys are not seen.
    assert_json(
        &parse(&link, None),
        r#"{"utm":{"source":"s","medium":"m","campaign":"uc","term":"t","content":"ct"}}"#,
    );
    // A parsed link is accepted as the options of a new one (its keys are a subset).
    let rebuilt = build_share_link(s("https://a.example/"), typed(parse("https://b.example/?ref=Z&utm_term=t", None)));
    assert_eq!(rebuilt.unwrap(), "https://a.example/?ref=Z&utm_term=t");
}

#[wasm_bindgen_test]
fn value_length_limit_is_in_characters() {
    let long = |c: &str, n: usize| c.repeat(n);
    // 256 characters are allowed, even when each takes nine bytes escaped.
    let link = build("https://a.example/", &format!(r#"{{"code":"{}"}}"#, long("中", 256)));
    assert_eq!(browser_url(&link).search_params().get("ref"), Some(long("中", 256)));
    let too_long = format!(r#"{{"code":"{}"}}"#, long("a", 257));
    expect_error(build_share_link(s("https://a.example/"), ts(&too_long)), "LINK_BAD_PARAM", Some("options.code"));
    assert_still_works();
}

#[wasm_bindgen_test]
fn bad_urls_and_schemes_are_refused() {
    let cases = [
        ("", "LINK_BAD_URL"),
        ("   ", "LINK_BAD_URL"),
        ("/goods/1", "LINK_BAD_URL"),
        ("goods/1?x=1", "LINK_BAD_URL"),
        ("//shop.example.com/goods", "LINK_BAD_URL"),
        ("https:shop.example.com", "LINK_BAD_URL"),
        ("https://", "LINK_BAD_URL"),
        ("https:///goods", "LINK_BAD_URL"),
        ("https://:443/", "LINK_BAD_URL"),
        ("https://a.example:99999/", "LINK_BAD_URL"),
        ("https://a.example:8x/", "LINK_BAD_URL"),
        ("https://a.example/\tx", "LINK_BAD_URL"),
        ("https://a b.example/", "LINK_BAD_URL"),
        ("https://例子.测试/", "LINK_BAD_URL"),
        ("https://[zz]/", "LINK_BAD_URL"),
        ("ftp://a.example/", "LINK_BAD_SCHEME"),
        ("javascript:alert(1)", "LINK_BAD_SCHEME"),
        ("mailto:a@b.example", "LINK_BAD_SCHEME"),
        ("wss://a.example/", "LINK_BAD_SCHEME"),
        ("data:text/html,hi", "LINK_BAD_SCHEME"),
    ];
    for (url, code) in cases {
        expect_error(build_share_link(s(url), ts(r#"{"code":"X"}"#)), code, None);
        expect_error(parse_share_link(s(url), None), code, None);
        assert_still_works();
    }
    // Host names in punycode and IPv6 literals with ports are fine.
    assert_eq!(build("https://xn--fsqu00a.xn--0zwm56d/", r#"{"code":"X"}"#), "https://xn--fsqu00a.xn--0zwm56d/?ref=X");
    assert_eq!(build("http://[::1]:8080/p", r#"{"code":"X"}"#), "http://[::1]:8080/p?ref=X");
    // Over 8192 bytes: refused when parsing, and a link that escaping would take over the
    // limit is never built.
    let path = "a".repeat(8100);
    expect_error(
        build_share_link(s(&format!("https://a.example/{path}")), ts(&format!(r#"{{"code":"{}"}}"#, "b".repeat(100)))),
        "LINK_BAD_URL",
        None,
    );
    expect_error(parse_share_link(s(&format!("https://a.example/{}", "a".repeat(8200))), None), "LINK_BAD_URL", None);
    assert_still_works();
}

#[wasm_bindgen_test]
fn bad_parameter_names_and_values_are_link_bad_param() {
    let base = "https://a.example/";
    let cases = [
        (format!(r#"{{"code":"{}"}}"#, "x".repeat(257)), "options.code"),
        (format!(r#"{{"campaign":"{}"}}"#, "x".repeat(257)), "options.campaign"),
        (format!(r#"{{"utm":{{"source":"{}"}}}}"#, "x".repeat(257)), "options.utm.source"),
        (format!(r#"{{"utm":{{"content":"{}"}}}}"#, "x".repeat(257)), "options.utm.content"),
        (r#"{"code":"X","params":{"code":"utm_ref"}}"#.to_string(), "options.params.code"),
        (r#"{"code":"X","params":{"campaign":"ref"}}"#.to_string(), "options.params.campaign"),
        (r#"{"code":"X","params":{"channel":""}}"#.to_string(), "options.params.channel"),
        (r#"{"code":"X","params":{"code":"a b"}}"#.to_string(), "options.params.code"),
        (r#"{"code":"X","params":{"code":"邀请"}}"#.to_string(), "options.params.code"),
        (format!(r#"{{"code":"X","params":{{"code":"{}"}}}}"#, "k".repeat(33)), "options.params.code"),
    ];
    for (options, path) in &cases {
        expect_error(build_share_link(s(base), ts(options)), "LINK_BAD_PARAM", Some(path));
        assert_still_works();
    }
    let bad_names = [
        (r#"{"params":{"code":"utm_x"}}"#, "options.params.code"),
        (r#"{"params":{"channel":"ref"}}"#, "options.params.channel"),
    ];
    for (options, path) in bad_names {
        expect_error(parse_share_link(s("https://a.example/?ref=X"), some(options)), "LINK_BAD_PARAM", Some(path));
        assert_still_works();
    }
}

#[wasm_bindgen_test]
fn wrong_types_in_link_arguments_are_invalid_argument() {
    let url = "https://a.example/";
    let build_with = |options: &str| build_share_link(s(url), ts(options));
    let cases = [
        (build_share_link(n(5.0), ts(r#"{"code":"X"}"#)), "baseUrl"),
        (build_share_link(JsValue::NULL, ts(r#"{"code":"X"}"#)), "baseUrl"),
        (build_share_link(s(url), typed(JsValue::NULL)), "options"),
        (build_share_link(s(url), typed(JsValue::UNDEFINED)), "options"),
        (build_with(r#""X""#), "options"),
        (build_with(r#"["X"]"#), "options"),
        (build_with(r#"{"code":5}"#), "options.code"),
        (build_with(r#"{"campain":"x"}"#), "options.campain"),
        (build_with(r#"{"utm":"wechat"}"#), "options.utm"),
        (build_with(r#"{"utm":{"source":1}}"#), "options.utm.source"),
        (build_with(r#"{"utm":{"sorce":"a"}}"#), "options.utm.sorce"),
        (build_with(r#"{"utm":{"utm_source":"a"}}"#), "options.utm.utm_source"),
        (build_with(r#"{"params":"ref"}"#), "options.params"),
        (build_with(r#"{"params":{"code":1}}"#), "options.params.code"),
        (build_with(r#"{"params":{"cod":"a"}}"#), "options.params.cod"),
    ];
    for (result, path) in cases {
        expect_error(result, "INVALID_ARGUMENT", Some(path));
        assert_still_works();
    }
    let cases = [
        (parse_share_link(JsValue::NULL, None), "url"),
        (parse_share_link(json(r#"{"href":"https://a.example/"}"#), None), "url"),
        (parse_share_link(s(url), some(r#""ref""#)), "options"),
        (parse_share_link(s(url), some(r#"{"param":{}}"#)), "options.param"),
        (parse_share_link(s(url), some(r#"{"params":{"code":5}}"#)), "options.params.code"),
        (parse_share_link(s(url), some(r#"{"params":[]}"#)), "options.params"),
    ];
    for (result, path) in cases {
        expect_error(result, "INVALID_ARGUMENT", Some(path));
        assert_still_works();
    }
}

// ---------------------------------------------------------------------------------------
// Scenes

#[wasm_bindgen_test]
fn scenes_pack_and_parse_back() {
    // The documented example.
    let scene = pack_scene(ts(r#"{"code":"K7M2Q9XD","campaign":"d11","channel":"pst"}"#)).unwrap();
    assert_eq!(scene, "r=K7M2Q9XD&c=d11&h=pst");
    let fields: JsValue = parse_scene(s(&scene)).unwrap().into();
    assert_json(&fields, r#"{"code":"K7M2Q9XD","campaign":"d11","channel":"pst"}"#);
    // onLoad receives it percent-encoded: encodeURIComponent is the independent encoder.
    let encoded = String::from(js_sys::encode_uri_component(&scene));
    assert_eq!(encoded, "r%3DK7M2Q9XD%26c%3Dd11%26h%3Dpst");
    assert_json(&parse_scene(s(&encoded)).unwrap().into(), r#"{"code":"K7M2Q9XD","campaign":"d11","channel":"pst"}"#);
    // Extras follow the share fields in key order; empty values are left out.
    let scene = pack_scene(ts(r#"{"code":"K7M2Q9XD","campaign":"","extra":{"sku":"42","b_id":"7","e":""}}"#)).unwrap();
    assert_eq!(scene, "r=K7M2Q9XD&b_id=7&sku=42");
    let fields: JsValue = parse_scene(s(&scene)).unwrap().into();
    assert_plain_object(&get(&fields, "extra"), "parseScene(…).extra");
    assert_json(&fields, r#"{"code":"K7M2Q9XD","extra":{"b_id":"7","sku":"42"}}"#);
    // Every punctuation character WeChat allows, except the delimiters & and =.
    let punctuation = "!#$'()*+,/:;?@-._~";
    let scene = pack_scene(typed(json(&format!(r#"{{"campaign":"{punctuation}"}}"#)))).unwrap();
    assert_eq!(scene, format!("c={punctuation}"));
    let encoded = String::from(js_sys::encode_uri_component(&scene));
    for form in [scene.clone(), encoded] {
        assert_eq!(get_str(&parse_scene(s(&form)).unwrap().into(), "campaign").as_deref(), Some(punctuation), "{form}");
    }
    // A parsed scene packs back to the same string.
    let again = pack_scene(typed(parse_scene(s("r=K7M2Q9XD&b_id=7&sku=42")).unwrap().into())).unwrap();
    assert_eq!(again, "r=K7M2Q9XD&b_id=7&sku=42");
}

#[wasm_bindgen_test]
fn null_and_undefined_scene_values_are_absent() {
    // As everywhere else, an extra value of `null` or `undefined` means absent: the key is skipped.
    assert_eq!(pack_scene(ts(r#"{"code":"A1","extra":{"k":null}}"#)).unwrap(), "r=A1");
    let undefined_extra = with(r#"{"code":"A1"}"#, "extra", &with("{}", "k", &JsValue::UNDEFINED));
    assert_eq!(pack_scene(typed(undefined_extra)).unwrap(), "r=A1");
    assert_eq!(pack_scene(ts(r#"{"code":"A1","extra":{"k":null,"sku":"42","b":null}}"#)).unwrap(), "r=A1&sku=42");
    // A skipped key is not checked either: `r` would clash with the code's own key.
    assert_eq!(pack_scene(ts(r#"{"code":"A1","extra":{"r":null,"a-b":null}}"#)).unwrap(), "r=A1");
    // The same for the share fields and for `extra` itself.
    assert_eq!(pack_scene(ts(r#"{"code":"A1","campaign":null,"channel":null,"extra":null}"#)).unwrap(), "r=A1");
    // Nothing but absent values is an empty scene, like `{}`.
    expect_error(pack_scene(ts(r#"{"extra":{"k":null}}"#)), "SCENE_INVALID", None);
    expect_error(pack_scene(ts(r#"{"code":null,"extra":{"k":null}}"#)), "SCENE_INVALID", None);
    // Any other type is still wrong.
    expect_error(pack_scene(ts(r#"{"code":"A1","extra":{"k":false}}"#)), "INVALID_ARGUMENT", Some("fields.extra.k"));
    assert_still_works();
}

#[wasm_bindgen_test]
fn scenes_hold_at_most_32_characters() {
    let code = |len: usize| format!(r#"{{"code":"{}"}}"#, "A".repeat(len));
    // "r=" plus 30 characters is 32.
    let scene = pack_scene(ts(&code(30))).unwrap();
    assert_eq!(scene.len(), 32);
    assert_eq!(get_str(&parse_scene(s(&scene)).unwrap().into(), "code"), Some("A".repeat(30)));
    expect_error(pack_scene(ts(&code(31))), "SCENE_TOO_LONG", None);
    expect_error(parse_scene(s(&format!("r={}", "A".repeat(31)))), "SCENE_TOO_LONG", None);
    // The limit applies to the decoded scene: 32 characters encoded as 34 are fine.
    let encoded = String::from(js_sys::encode_uri_component(&scene));
    assert!(encoded.len() > 32);
    assert_eq!(get_str(&parse_scene(s(&encoded)).unwrap().into(), "code"), Some("A".repeat(30)));
    assert_still_works();
}

#[wasm_bindgen_test]
fn malformed_scenes_get_their_error_codes() {
    let parse_cases = [
        ("", "SCENE_INVALID"),
        ("r", "SCENE_INVALID"),
        ("=x", "SCENE_INVALID"),
        ("r=A&", "SCENE_INVALID"),
        ("r=A&r=B", "SCENE_INVALID"),
        ("%zz", "SCENE_INVALID"),
        ("r=%4", "SCENE_INVALID"),
        ("r=%+1", "SCENE_INVALID"),
        ("r=%E4", "SCENE_INVALID"),
        ("r=中", "SCENE_BAD_CHARACTER"),
        ("r=%E4%B8%AD", "SCENE_BAD_CHARACTER"),
        ("r=a b", "SCENE_BAD_CHARACTER"),
        ("r=a%20b", "SCENE_BAD_CHARACTER"),
        ("r=\"x\"", "SCENE_BAD_CHARACTER"),
    ];
    for (scene, code) in parse_cases {
        expect_error(parse_scene(s(scene)), code, None);
        assert_still_works();
    }
    let pack_cases = [
        ("{}", "SCENE_INVALID", None),
        (r#"{"code":"","extra":{}}"#, "SCENE_INVALID", None),
        (r#"{"extra":{"r":"x"}}"#, "SCENE_INVALID", Some("fields.extra.r")),
        (r#"{"extra":{"h":"x"}}"#, "SCENE_INVALID", Some("fields.extra.h")),
        (r#"{"extra":{"a-b":"x"}}"#, "SCENE_INVALID", Some("fields.extra.a-b")),
        (r#"{"extra":{"":"x"}}"#, "SCENE_INVALID", Some("fields.extra.")),
        (r#"{"code":"K7 M2"}"#, "SCENE_BAD_CHARACTER", Some("fields.code")),
        (r#"{"campaign":"a&b"}"#, "SCENE_BAD_CHARACTER", Some("fields.campaign")),
        (r#"{"channel":"a=b"}"#, "SCENE_BAD_CHARACTER", Some("fields.channel")),
        (r#"{"channel":"朋友圈"}"#, "SCENE_BAD_CHARACTER", Some("fields.channel")),
        (r#"{"extra":{"k":"%41"}}"#, "SCENE_BAD_CHARACTER", Some("fields.extra.k")),
    ];
    for (fields, code, path) in pack_cases {
        expect_error(pack_scene(ts(fields)), code, path);
        assert_still_works();
    }
}

#[wasm_bindgen_test]
fn wrong_types_in_scene_arguments_are_invalid_argument() {
    let cases = [
        (pack_scene(typed(JsValue::NULL)), "fields"),
        (pack_scene(ts(r#""r=K7""#)), "fields"),
        (pack_scene(ts(r#"["r","K7"]"#)), "fields"),
        (pack_scene(ts(r#"{"cod":"K7"}"#)), "fields.cod"),
        (pack_scene(ts(r#"{"code":5}"#)), "fields.code"),
        (pack_scene(ts(r#"{"extra":"k=v"}"#)), "fields.extra"),
        (pack_scene(ts(r#"{"extra":["k"]}"#)), "fields.extra"),
        (pack_scene(ts(r#"{"extra":{"k":1}}"#)), "fields.extra.k"),
    ];
    for (result, path) in cases {
        expect_error(result, "INVALID_ARGUMENT", Some(path));
        assert_still_works();
    }
    for scene in [n(1.0), JsValue::NULL, JsValue::UNDEFINED, json("{}")] {
        expect_error(parse_scene(scene), "INVALID_ARGUMENT", Some("scene"));
        assert_still_works();
    }
}
