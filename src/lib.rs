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
#[cfg(feature = "qr")]
pub mod imaging;
pub mod links;
#[cfg(feature = "poster")]
pub mod poster;
#[cfg(feature = "qr")]
pub mod qr;

// The workspace crates built for speed, under the names this crate has always had.
use share_earn_core::error;
pub use share_earn_core::{money, value};
#[cfg(feature = "rewards")]
pub use share_earn_rewards as rewards;

#[cfg(target_arch = "wasm32")]
pub mod bindings;

pub use share_earn_core::{Error, ErrorKind, Result};
