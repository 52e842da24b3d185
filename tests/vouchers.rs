//! Voucher batches: structure, uniqueness, uniformity, limits and the birthday bound.
#![cfg(not(target_arch = "wasm32"))]

use share_earn::codes::{
    collision_probability, generate_vouchers, generate_vouchers_with, VoucherOptions, DEFAULT_VOUCHER_CHARSET,
};
use share_earn::ErrorKind;
use std::collections::HashSet;

#[test]
fn codes_follow_the_pattern_and_are_unique() {
    let batch = generate_vouchers(&VoucherOptions::new("SALE-####-####", 20_000)).unwrap();
    assert_eq!(batch.codes.len(), 20_000);
    let unique: HashSet<_> = batch.codes.iter().collect();
    assert_eq!(unique.len(), 20_000);
    for code in &batch.codes {
        let b = code.as_bytes();
        assert_eq!(b.len(), 14, "{code}");
        assert_eq!(&b[..5], b"SALE-");
        assert_eq!(b[9], b'-');
        for &c in b[5..9].iter().chain(&b[10..]) {
            assert!(DEFAULT_VOUCHER_CHARSET.as_bytes().contains(&c), "{code}");
        }
    }
}

#[test]
fn escapes_make_literal_hashes_and_backslashes() {
    let options = VoucherOptions { charset: "AB".into(), margin: 10, ..VoucherOptions::new(r"\#\\-#########", 10) };
    let batch = generate_vouchers(&options).unwrap();
    for code in batch.codes {
        assert!(code.starts_with("#\\-"), "{code}");
        assert_eq!(code.len(), 12);
    }
}

#[test]
fn rejection_sampling_skips_the_bytes_that_would_bias_the_draw() {
    // The random source emits (7i + 13r) mod 256 in round r = i / 256: every byte value
    // once per round (7 is odd), each round in another order (so that codes differ, as
    // uniqueness requires; a repeating stream would make later codes copies of earlier
    // ones and be drawn forever). With 30 characters, bytes 240..=255
    // must be skipped (240 = 8 x 30), so 8 codes x 60 slots = 480 draws use exactly two
    // rounds and give each character 16 times. Plain `byte % 30` would use 240..=255 too
    // and give characters 0..=15 more than the others.
    let mut i = 0u32;
    let fill = |buf: &mut [u8]| {
        for b in buf {
            *b = ((i % 256) * 7 + (i / 256) * 13) as u8;
            i += 1;
        }
        Ok(())
    };
    let options = VoucherOptions { margin: 10, ..VoucherOptions::new("#".repeat(60), 8) };
    let batch = generate_vouchers_with(&options, fill).unwrap();
    let mut counts = [0usize; 30];
    for code in &batch.codes {
        for c in code.bytes() {
            counts[DEFAULT_VOUCHER_CHARSET.bytes().position(|x| x == c).unwrap()] += 1;
        }
    }
    assert_eq!(counts, [16; 30]);
    assert_eq!(i, 512, "exactly two pools of 256 bytes were consumed");
}

#[test]
fn refuses_a_pattern_too_small_for_the_count() {
    // "####" over 30 characters: 810,000 codes. 1,000 codes need 1,000,000 with margin 1000.
    let e = generate_vouchers(&VoucherOptions::new("####", 1000)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::VoucherSpaceTooSmall);
    assert!(e.message().contains("810000") && e.message().contains("1000000"), "{e}");
    // 810 codes fit exactly: 810 * 1000 = 810,000.
    assert_eq!(generate_vouchers(&VoucherOptions::new("####", 810)).unwrap().codes.len(), 810);
}

#[test]
fn malformed_options_get_their_error_kinds() {
    let cases: Vec<(VoucherOptions, ErrorKind, &str)> = vec![
        (VoucherOptions::new("SALE", 1), ErrorKind::VoucherBadPattern, "pattern"),
        (VoucherOptions::new("", 1), ErrorKind::VoucherBadPattern, "pattern"),
        (VoucherOptions::new("AB\\C########", 1), ErrorKind::VoucherBadPattern, "pattern"),
        (VoucherOptions::new("########\\", 1), ErrorKind::VoucherBadPattern, "pattern"),
        (VoucherOptions::new("#".repeat(65), 1), ErrorKind::VoucherBadPattern, "pattern"),
        (VoucherOptions::new("A\n########", 1), ErrorKind::VoucherBadPattern, "pattern"),
        (
            VoucherOptions { charset: "A".into(), ..VoucherOptions::new("########", 1) },
            ErrorKind::VoucherBadCharset,
            "charset",
        ),
        (
            VoucherOptions { charset: "ABCA".into(), ..VoucherOptions::new("########", 1) },
            ErrorKind::VoucherBadCharset,
            "charset",
        ),
        (
            VoucherOptions { charset: "AB C".into(), ..VoucherOptions::new("########", 1) },
            ErrorKind::VoucherBadCharset,
            "charset",
        ),
        (
            VoucherOptions { charset: "ÄÖÜ".into(), ..VoucherOptions::new("########", 1) },
            ErrorKind::VoucherBadCharset,
            "charset",
        ),
        (VoucherOptions::new("########", 0), ErrorKind::VoucherBadCount, "count"),
        (VoucherOptions::new("################", 1_000_001), ErrorKind::VoucherBadCount, "count"),
        (VoucherOptions { margin: 9, ..VoucherOptions::new("########", 1) }, ErrorKind::VoucherBadCount, "margin"),
    ];
    for (options, kind, path) in cases {
        let e = generate_vouchers(&options).unwrap_err();
        assert_eq!((e.kind(), e.path()), (kind, Some(path)), "{options:?}");
    }
}

#[test]
fn a_failing_random_source_is_reported() {
    let e = generate_vouchers_with(&VoucherOptions::new("########", 5), |_| {
        Err(share_earn::Error::new(ErrorKind::RandomUnavailable, "no entropy"))
    })
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::RandomUnavailable);
}

#[test]
fn collision_probability_matches_the_birthday_problem() {
    // The classic values: 23 people, 365 days: 0.507297234; 70 people: 0.999159576.
    assert!((collision_probability(365.0, 23) - 0.507_297_234_3).abs() < 1e-9);
    assert!((collision_probability(365.0, 70) - 0.999_159_575_7).abs() < 1e-9);
    assert_eq!(collision_probability(365.0, 1), 0.0);
    assert_eq!(collision_probability(365.0, 366), 1.0);
    // Small probabilities keep their precision: ~ k(k-1)/2N for k << sqrt(N).
    let p = collision_probability(30f64.powi(8), 1000);
    let approx = 1000.0 * 999.0 / 2.0 / 30f64.powi(8);
    assert!((p / approx - 1.0).abs() < 1e-3, "{p} vs {approx}");
}

#[test]
fn the_batch_reports_the_probability_for_its_own_space() {
    let batch = generate_vouchers(&VoucherOptions::new("SALE-####-####", 1000)).unwrap();
    assert_eq!(batch.collision_probability, collision_probability(30f64.powi(8), 1000));
}
