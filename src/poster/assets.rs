//! The caller's assets (images and fonts) by name, and what a render reports besides
//! its pixels.

use crate::error::{quote, Error, ErrorKind, Result};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Image and font bytes by the names templates use (`"avatar"`, `"NotoSansSC-Regular.otf"`).
/// The core never fetches: callers load the bytes and hand them in.
#[derive(Clone, Debug, Default)]
pub struct Assets {
    items: BTreeMap<String, Arc<[u8]>>,
}

impl Assets {
    /// No assets.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) `name`.
    pub fn insert(&mut self, name: impl Into<String>, bytes: impl Into<Arc<[u8]>>) {
        self.items.insert(name.into(), bytes.into());
    }

    /// The bytes of `name`; `ASSET_MISSING` at `path` (the template value that names it)
    /// when there are none.
    pub fn get(&self, name: &str, path: &str) -> Result<&Arc<[u8]>> {
        self.items.get(name).ok_or_else(|| {
            let known: Vec<String> = self.items.keys().take(12).map(|k| quote(k)).collect();
            let known = if known.is_empty() {
                "no assets were given".to_owned()
            } else {
                format!("given: {}", known.join(", "))
            };
            Error::new(ErrorKind::AssetMissing, format!("{path}: there is no asset {} ({known})", quote(name))).at(path)
        })
    }

    /// Asset names, sorted.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.items.keys().map(String::as_str)
    }
}

/// Something a render did that the caller may want to know about, without failing:
/// a glyph no font has, a binding without data, a clamped pixel ratio.
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    /// Stable code: `GLYPH_MISSING`, `DATA_MISSING`, `PIXEL_RATIO_CLAMPED`, `QR_LOGO_SHRUNK`.
    pub code: &'static str,
    /// For people.
    pub message: String,
    /// Index of the element in `elements`, if the warning is about one.
    pub element: Option<usize>,
    /// That element's `id`, if it has one.
    pub id: Option<String>,
    /// The text concerned: the missing character, or the data path.
    pub text: Option<String>,
}
