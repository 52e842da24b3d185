//! Native micro-benchmarks of codes and links, with the Rust `sqids` crate side by side
//! on the same workload as the browser benchmark W3 (ids 12345678901 + i).
//!
//!     cargo bench --bench codes            all
//!     cargo bench --bench codes -- member  a subset
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use share_earn::codes::{generate_vouchers, MemberCodeOptions, MemberCodec, VoucherOptions};
use share_earn::links::{
    build_share_link, pack_scene, parse_scene, parse_share_link, ParamNames, SceneFields, ShareParams,
};
use std::hint::black_box;

const MEMBER_ID_BASE: u64 = 12_345_678_901;
const IDS: u64 = 1000;

fn member_codes(c: &mut Criterion) {
    let codec = MemberCodec::new(&MemberCodeOptions { secret: "brand-a".into(), ..Default::default() }).unwrap();
    let codes: Vec<String> = (0..IDS).map(|i| codec.encode(MEMBER_ID_BASE + i).unwrap()).collect();
    // The W3 alphabet of the browser benchmark: a 62-character permutation, minimum length 8.
    let sqids = sqids::Sqids::builder()
        .alphabet("Kp9cWmTq2ZsVxHdN6rLbA7fUo3Ge1YyQjtiJ8aEvXgkF4nCMzRwBhPS5uDl0IO".chars().collect())
        .min_length(8)
        .build()
        .unwrap();
    let sqids_codes: Vec<String> = (0..IDS).map(|i| sqids.encode(&[MEMBER_ID_BASE + i]).unwrap()).collect();

    let mut g = c.benchmark_group("member code");
    g.throughput(Throughput::Elements(IDS));
    g.bench_function("share-earn encode", |b| {
        b.iter(|| (0..IDS).map(|i| codec.encode(black_box(MEMBER_ID_BASE + i)).unwrap().len()).sum::<usize>())
    });
    g.bench_function("share-earn decode", |b| {
        b.iter(|| codes.iter().map(|code| codec.decode(black_box(code)).unwrap()).sum::<u64>())
    });
    g.bench_function("sqids encode", |b| {
        b.iter(|| (0..IDS).map(|i| sqids.encode(&[black_box(MEMBER_ID_BASE + i)]).unwrap().len()).sum::<usize>())
    });
    g.bench_function("sqids decode", |b| {
        b.iter(|| sqids_codes.iter().map(|code| sqids.decode(black_box(code))[0]).sum::<u64>())
    });
    g.finish();

    c.bench_function("member codec setup (key derivation, tables, blocklist)", |b| {
        b.iter(|| MemberCodec::new(black_box(&MemberCodeOptions { secret: "brand-a".into(), ..Default::default() })))
    });
}

fn vouchers(c: &mut Criterion) {
    let mut g = c.benchmark_group("vouchers");
    for count in [1_000usize, 100_000] {
        g.throughput(Throughput::Elements(count as u64));
        g.bench_function(format!("SALE-####-#### x {count}"), |b| {
            b.iter_batched(
                || VoucherOptions::new("SALE-####-####", count),
                |o| generate_vouchers(&o).unwrap(),
                BatchSize::SmallInput,
            )
        });
    }
    g.finish();
}

fn links(c: &mut Criterion) {
    let names = ParamNames::default();
    let params = ShareParams {
        code: Some("K7M2Q9XD".into()),
        campaign: Some("双11".into()),
        channel: Some("poster".into()),
        ..Default::default()
    };
    let base = "https://shop.example.com/p/10086?color=red&size=XL";
    let link = build_share_link(base, &params, &names).unwrap();
    let fields = SceneFields { code: Some("K7M2Q9XD".into()), campaign: Some("d11".into()), ..Default::default() };
    let scene = pack_scene(&fields).unwrap();

    let mut g = c.benchmark_group("links");
    g.bench_function("build share link", |b| b.iter(|| build_share_link(black_box(base), &params, &names)));
    g.bench_function("parse share link", |b| b.iter(|| parse_share_link(black_box(&link), &names)));
    g.bench_function("pack scene", |b| b.iter(|| pack_scene(black_box(&fields))));
    g.bench_function("parse scene", |b| b.iter(|| parse_scene(black_box(&scene))));
    g.finish();
}

criterion_group!(benches, member_codes, vouchers, links);
criterion_main!(benches);
