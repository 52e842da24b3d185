//! Every example poster in `www/examples/` renders, natively, and its QR code reads back
//! with rqrr as the data's share URL.
#![cfg(all(not(target_arch = "wasm32"), feature = "poster"))]

mod poster_support;

use poster_support::*;
use share_earn::poster::{render_poster, Format, RenderOptions};

#[test]
fn every_example_renders_and_its_qr_reads_back() {
    let out = repo().join("target/poster-examples");
    std::fs::create_dir_all(&out).unwrap();
    for ex in examples() {
        let t = std::time::Instant::now();
        let poster = render_poster(&ex.template, &ex.data, &ex.assets, &RenderOptions::default())
            .unwrap_or_else(|e| panic!("{}: {e}", ex.name));
        eprintln!("{}: {:?} {} bytes, warnings {:?}", ex.name, t.elapsed(), poster.bytes.len(), poster.warnings);
        std::fs::write(out.join(format!("{}.png", ex.name)), &poster.bytes).unwrap();
        assert_eq!(poster.format, Format::Png);
        let (rgba, w, h) = png_rgba(&poster.bytes);
        assert_eq!((w, h), (poster.width, poster.height));
        if let Some(url) = ex.data.get("shareUrl").and_then(|v| v.as_text()) {
            let codes = read_qr_codes(&rgba, w, h);
            assert!(codes.contains(&url), "{}: QR codes read {codes:?}, expected {url}", ex.name);
        }
    }
}
