//! # share-earn
//!
//! The share-and-earn toolkit for storefronts, the same natively and in WebAssembly.
//!
//! Pipeline of this crate (each stage a module, depending one way):
//!
//! - [`codes`]: member invite codes (keyed, reversible, with a check character and a
//!   blocklist) and random voucher batches;
//! - [`links`]: share links, WeChat mini-program scenes, attribution decisions;
//! - [`money`]: amounts in minor units, exact rates, named roundings and allocation, with
//!   no floating point (the reward previews are computed with them);
//! - `rewards` (feature `rewards`, on by default): reward rules and carts (JSON, checked)
//!   -> the buyer's prices -> commission, points, tiers, invites;
//! - `qr` (feature `qr`, on by default): QR codes that always scan, from the level choice
//!   and the logo-safe area to styled SVG and pixel-exact raster output;
//! - `imaging` (with `qr`): PNG and JPEG decoding with limits, resampling, PNG encoding,
//!   the pixmap and rasteriser: the workspace crate `share-earn-pixels`, re-exported (it
//!   is built for speed where this crate is built for size);
//! - `bindings` (wasm32 only): the JavaScript boundary. It checks arguments, calls one
//!   function of the modules above and converts the result; errors become JS `Error`s
//!   with `name = "ShareEarnError"`, a stable `code` and, where known, a `path`.
//!
//! Every fallible function returns [`Error`], whose [`ErrorKind::code`] is stable; the
//! README lists the codes. No input makes this crate panic.
//!
//! ```
//! use share_earn::codes::{MemberCodec, MemberCodeOptions};
//!
//! let codec = MemberCodec::new(&MemberCodeOptions { secret: "brand-a".into(), ..Default::default() })?;
//! let code = codec.encode(10086)?;
//! assert_eq!(code.len(), 8);
//! assert_eq!(codec.decode(&code.to_lowercase())?, 10086);
//! # Ok::<(), share_earn::Error>(())
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod codes;
mod error;
#[cfg(feature = "qr")]
pub mod imaging;
pub mod links;
pub mod money;
#[cfg(feature = "poster")]
pub mod poster;
#[cfg(feature = "qr")]
pub mod qr;
#[cfg(feature = "rewards")]
pub mod rewards;
#[cfg(any(feature = "poster", feature = "rewards"))]
pub mod value;

#[cfg(target_arch = "wasm32")]
pub mod bindings;

pub use error::{Error, ErrorKind, Result};
