//! Share links: put the sharer's code, campaign, channel and UTM tags on a page URL, and
//! read them back on landing.
//!
//! Building replaces any earlier value of the keys it sets, so re-sharing a page that was
//! itself opened from a share link credits the new sharer, not the old one. The rest of
//! the URL is kept byte for byte (only characters a URL may not hold are escaped).
//! Hash-routed single-page apps (`https://h5.example.com/#/goods/1`) read their query
//! from the fragment, so for those the parameters go there.

use super::url::{decode_component, encode_component, raw_pairs, UrlParts, MAX_URL_LEN};
use crate::error::{quote, Error, ErrorKind, Result};

/// Longest accepted parameter value, in characters.
pub const MAX_VALUE_LEN: usize = 256;

/// UTM tags (`utm_source`, …). Empty strings count as absent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Utm {
    /// `utm_source`: where the traffic comes from (`wechat`).
    pub source: Option<String>,
    /// `utm_medium`: the medium (`poster`, `social`).
    pub medium: Option<String>,
    /// `utm_campaign`: the marketing campaign (`double11`).
    pub campaign: Option<String>,
    /// `utm_term`: a paid keyword.
    pub term: Option<String>,
    /// `utm_content`: which variant of the content.
    pub content: Option<String>,
}

impl Utm {
    fn fields(&self) -> [(&'static str, &'static str, &Option<String>); 5] {
        [
            ("utm_source", "utm.source", &self.source),
            ("utm_medium", "utm.medium", &self.medium),
            ("utm_campaign", "utm.campaign", &self.campaign),
            ("utm_term", "utm.term", &self.term),
            ("utm_content", "utm.content", &self.content),
        ]
    }
}

/// What a share link carries. Empty strings count as absent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShareParams {
    /// The sharer's member code.
    pub code: Option<String>,
    /// The campaign (an activity id, `double11`).
    pub campaign: Option<String>,
    /// Where it was shared (`wechat`, `moments`, `poster`).
    pub channel: Option<String>,
    /// UTM tags.
    pub utm: Utm,
}

/// Query keys for the code, campaign and channel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamNames {
    /// Default: `ref`.
    pub code: String,
    /// Default: `campaign`.
    pub campaign: String,
    /// Default: `channel`.
    pub channel: String,
}

impl Default for ParamNames {
    fn default() -> Self {
        ParamNames { code: "ref".into(), campaign: "campaign".into(), channel: "channel".into() }
    }
}

impl ParamNames {
    fn validate(&self) -> Result<()> {
        let names =
            [("params.code", &self.code), ("params.campaign", &self.campaign), ("params.channel", &self.channel)];
        for (i, (path, name)) in names.iter().enumerate() {
            let ok = (1..=32).contains(&name.len())
                && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b))
                && !name.starts_with("utm_");
            if !ok {
                return Err(Error::new(
                    ErrorKind::LinkBadParam,
                    format!(
                        "parameter name {} must be 1 to 32 of A-Z a-z 0-9 - . _ ~ and not start with utm_",
                        quote(name)
                    ),
                )
                .at(*path));
            }
            if names[..i].iter().any(|(_, other)| other == name) {
                return Err(Error::new(
                    ErrorKind::LinkBadParam,
                    format!("parameter name {} is used twice", quote(name)),
                )
                .at(*path));
            }
        }
        Ok(())
    }

    /// `(query key, input path, value)` for every parameter of `p`.
    fn entries<'a>(&'a self, p: &'a ShareParams) -> Vec<(&'a str, &'static str, &'a Option<String>)> {
        let mut v = vec![
            (self.code.as_str(), "code", &p.code),
            (self.campaign.as_str(), "campaign", &p.campaign),
            (self.channel.as_str(), "channel", &p.channel),
        ];
        v.extend(p.utm.fields());
        v
    }
}

fn present(v: &Option<String>) -> Option<&str> {
    v.as_deref().filter(|s| !s.is_empty())
}

/// Whether the fragment is a single-page-app route (`#/path`, `#!/path`).
fn is_hash_route(fragment: Option<&str>) -> bool {
    fragment.is_some_and(|f| f.starts_with('/') || f.starts_with("!/"))
}

/// Removes `keys` from a raw query string, keeping every other piece byte for byte.
fn without_keys(query: &str, keys: &[&str]) -> String {
    query
        .split('&')
        .filter(|piece| {
            let key = piece.split_once('=').map_or(*piece, |(k, _)| k);
            !piece.is_empty() && !keys.contains(&decode_component(key).as_str())
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// `query` without `keys`, then `added`, joined by `&`.
fn replace_keys(query: Option<&str>, keys: &[&str], added: &str) -> String {
    let kept = query.map(|q| without_keys(q, keys)).unwrap_or_default();
    [kept.as_str(), added].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join("&")
}

/// Adds the parameters to `base`.
///
/// # Errors
/// [`ErrorKind::LinkBadUrl`] / [`ErrorKind::LinkBadScheme`] for the base URL, and
/// [`ErrorKind::LinkBadUrl`] when the link would be longer than the 8192 bytes
/// [`parse_share_link`] accepts; [`ErrorKind::LinkBadParam`] for a value longer than
/// [`MAX_VALUE_LEN`] characters (path `code`, `utm.source`, …) or an unusable parameter name.
pub fn build_share_link(base: &str, params: &ShareParams, names: &ParamNames) -> Result<String> {
    names.validate()?;
    let mut url = UrlParts::parse(base)?;
    let entries = names.entries(params);
    let mut set_keys = Vec::new();
    let mut added = Vec::new();
    for (key, path, value) in &entries {
        if let Some(v) = present(value) {
            if v.chars().count() > MAX_VALUE_LEN {
                return Err(Error::new(
                    ErrorKind::LinkBadParam,
                    format!("value is longer than {MAX_VALUE_LEN} characters"),
                )
                .at(*path));
            }
            set_keys.push(*key);
            added.push(format!("{}={}", encode_component(key), encode_component(v)));
        }
    }
    let added = added.join("&");
    // Our keys end up in exactly one place: the query of a hash route, else the query.
    if is_hash_route(url.fragment.as_deref()) {
        url.query = url.query.map(|q| without_keys(&q, &set_keys));
        let fragment = url.fragment.take().unwrap_or_default();
        let (route, query) = fragment.split_once('?').unwrap_or((&fragment, ""));
        let query = replace_keys(Some(query), &set_keys, &added);
        url.fragment = Some(if query.is_empty() { route.to_string() } else { format!("{route}?{query}") });
    } else {
        url.query = Some(replace_keys(url.query.as_deref(), &set_keys, &added));
    }
    if url.query.as_deref() == Some("") {
        url.query = None;
    }
    let link = url.to_url();
    // Escaping can triple the length: never hand out a link that parse_share_link refuses.
    if link.len() > MAX_URL_LEN {
        return Err(Error::new(
            ErrorKind::LinkBadUrl,
            format!("the link would be {} bytes long; at most {MAX_URL_LEN} are supported", link.len()),
        ));
    }
    Ok(link)
}

/// Reads the parameters from a landing URL: the query first, then the query of a
/// hash route. Absent or empty parameters are `None`; the first of repeated keys wins
/// (as `URLSearchParams.get`).
///
/// # Errors
/// [`ErrorKind::LinkBadUrl`] / [`ErrorKind::LinkBadScheme`] for the URL,
/// [`ErrorKind::LinkBadParam`] for unusable parameter names.
pub fn parse_share_link(url: &str, names: &ParamNames) -> Result<ShareParams> {
    names.validate()?;
    let url = UrlParts::parse(url)?;
    // Only a route's fragment has a query: in `#top?x=1` the `?x=1` is part of an anchor name.
    let hash_query = url.fragment.as_deref().filter(|f| is_hash_route(Some(f))).and_then(|f| f.split_once('?'));
    let hash_query = hash_query.map(|(_, q)| q);
    let lookup = |key: &str| -> Option<String> {
        [url.query.as_deref(), hash_query]
            .into_iter()
            .flatten()
            .find_map(|q| raw_pairs(q).find(|(k, _)| decode_component(k) == key).map(|(_, v)| decode_component(v)))
            .filter(|v| !v.is_empty())
    };
    Ok(ShareParams {
        code: lookup(&names.code),
        campaign: lookup(&names.campaign),
        channel: lookup(&names.channel),
        utm: Utm {
            source: lookup("utm_source"),
            medium: lookup("utm_medium"),
            campaign: lookup("utm_campaign"),
            term: lookup("utm_term"),
            content: lookup("utm_content"),
        },
    })
}
