//! Referral codes: reversible member invite codes and random voucher batches.
//!
//! - [`MemberCodec`]: id <-> short code, keyed by a brand secret, with a check character
//!   that catches every single typo and every swap of neighbours, forgiving input
//!   normalisation, and a blocklist of words codes never spell.
//! - [`generate_vouchers`]: unique random codes from a pattern, without modulo bias.

mod alphabet;
mod blocklist;
mod check;
mod feistel;
mod member;
mod voucher;

pub use alphabet::CROCKFORD_BASE32;
pub use blocklist::DEFAULT_BLOCKLIST;
pub use member::{format_member_code, MemberCodeOptions, MemberCodec, MAX_ID};
pub use voucher::{
    collision_probability, generate_vouchers, generate_vouchers_with, VoucherBatch, VoucherOptions,
    DEFAULT_VOUCHER_CHARSET,
};
