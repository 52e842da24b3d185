//! Native benchmark of a reward preview: the 50-line cart of `benches/data/rewards-50.json`
//! (the browser benchmark `benches/browser/w4-share-earn.mjs` runs the same file through
//! the package), read from JSON and previewed, and previewed alone.
//!
//!     cargo bench --bench rewards
use criterion::{criterion_group, criterion_main, Criterion};
use share_earn::rewards::{preview, Cart, Context, Rules};
use share_earn::value::{parse_json, Value};
use std::hint::black_box;

fn data() -> Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/benches/data/rewards-50.json")).unwrap();
    parse_json(&text, "bench").unwrap()
}

fn previews(c: &mut Criterion) {
    let d = data();
    let (r, k, x) = (d.get("rules").unwrap(), d.get("cart").unwrap(), d.get("context").unwrap());
    let (rules, cart, context) =
        (Rules::from_value(r).unwrap(), Cart::from_value(k).unwrap(), Context::from_value(x).unwrap());
    let mut g = c.benchmark_group("reward preview, 50 lines");
    g.bench_function("preview", |b| {
        b.iter(|| preview(black_box(&rules), black_box(&cart), black_box(&context)).unwrap())
    });
    g.bench_function("read rules, cart, context + preview", |b| {
        b.iter(|| {
            let rules = Rules::from_value(black_box(r)).unwrap();
            let cart = Cart::from_value(black_box(k)).unwrap();
            let context = Context::from_value(black_box(x)).unwrap();
            preview(&rules, &cart, &context).unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, previews);
criterion_main!(benches);
