//! # share-earn-core
//!
//! What every feature of share-earn builds on, re-exported by the `share_earn` crate:
//!
//! - [`error`]: one error type, [`Error`], whose [`ErrorKind::code`] is stable and reaches
//!   JavaScript as `code`;
//! - [`value`]: JSON documents (poster templates and data, reward rules and carts) as a
//!   tree, parsed by a small RFC 8259 parser, and read key by key with the path of every
//!   value;
//! - [`money`]: amounts in minor units, exact rates, named roundings and allocation, with
//!   no floating point.
//!
//! It is a crate of its own for one reason: the release profile builds it at opt-level 3,
//! where share-earn is built for size (see the workspace's Cargo.toml).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod error;
pub mod money;
pub mod value;

pub use error::{Error, ErrorKind, Result};
