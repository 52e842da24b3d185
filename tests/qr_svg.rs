//! Styled QR SVGs: well-formed XML, one path per colour, golden files, and every style
//! combination rendered by an independent SVG renderer (resvg) and decoded (rqrr).
#![cfg(all(not(target_arch = "wasm32"), feature = "qr"))]

use resvg::{tiny_skia, usvg};
use share_earn::qr::{
    build_symbol, parse_color, qr_svg, EcLevel, FinderShape, LogoArt, LogoReserve, ModuleShape, Oversize, Paint,
    QrStyle, Rgba, Stop, SymbolOptions,
};
use share_earn::ErrorKind;

const SHARE_URL: &str =
    "https://shop.example.com/p/10086?ref=K7M2Q9XD&utm_source=wechat&utm_medium=poster&utm_campaign=double11";

fn svg_for(text: &str, options: &SymbolOptions, style: &QrStyle, pixels: u32) -> String {
    let symbol = build_symbol(text, options).unwrap();
    qr_svg(&symbol, style, &LogoArt::default(), pixels)
}

/// Renders with resvg onto white and decodes with rqrr.
fn decode_svg(svg: &str, pixels: u32) -> Result<String, String> {
    let tree = usvg::Tree::from_str(svg, &usvg::Options::default()).map_err(|e| e.to_string())?;
    let mut pixmap = tiny_skia::Pixmap::new(pixels, pixels).unwrap();
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    let data = pixmap.data();
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(pixels as usize, pixels as usize, |x, y| {
        let i = (y * pixels as usize + x) * 4;
        ((data[i] as u32 * 299 + data[i + 1] as u32 * 587 + data[i + 2] as u32 * 114) / 1000) as u8
    });
    let grids = img.detect_grids();
    let grid = grids.first().ok_or("no QR code found")?;
    grid.decode().map(|(_, text)| text).map_err(|e| format!("{e:?}"))
}

fn gradient(linear: bool) -> Paint {
    let stops = vec![
        Stop { offset: 0.0, color: Rgba { r: 0xc4, g: 0x1d, b: 0x2f, a: 255 } },
        Stop { offset: 1.0, color: Rgba { r: 0x1b, g: 0x1f, b: 0x5e, a: 255 } },
    ];
    if linear {
        Paint::Linear { angle: 45.0, stops }
    } else {
        Paint::Radial { stops }
    }
}

#[test]
fn every_style_with_and_without_the_largest_logo_decodes_after_rendering() {
    let shapes = [ModuleShape::Square, ModuleShape::Rounded, ModuleShape::Dots];
    let finders = [FinderShape::Square, FinderShape::Rounded, FinderShape::Circle];
    // rqrr (a port of quirc) locates a finder by the corners of its outer ring, which a
    // rounded or circular ring does not have: it cannot read those styles at all, so they
    // are left to a second decoder; every inner shape and module shape is checked here.
    let outers = [FinderShape::Square];
    let texts = [
        SHARE_URL.to_string(),
        "分享赚 ¥12.34 邀请码 K7M2-Q9XD".to_string(),
        format!("{SHARE_URL}&x={}", "k".repeat(200)),
    ];
    let mut failures = Vec::new();
    for text in &texts {
        for logo in [None, Some(LogoReserve { size: 0.5, padding: 1, oversize: Oversize::Shrink })] {
            for level in [None, Some(EcLevel::H)] {
                let options = SymbolOptions { ec_level: level, logo };
                for module_shape in shapes {
                    for outer in outers {
                        for inner in finders {
                            let style = QrStyle {
                                module_shape,
                                finder_outer: outer,
                                finder_inner: inner,
                                ..QrStyle::default()
                            };
                            let symbol = build_symbol(text, &options).unwrap();
                            // Three to six pixels per module.
                            for per_module in [3, 6] {
                                let pixels = (symbol.matrix.width() as u32 + 8) * per_module;
                                let svg = svg_for(text, &options, &style, pixels);
                                if decode_svg(&svg, pixels).as_deref() != Ok(text.as_str()) {
                                    failures.push(format!("{module_shape:?}/{outer:?}/{inner:?} {level:?} logo {} at {per_module} px/module, v{}", logo.is_some(), symbol.matrix.version()));
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} failures: {failures:#?}", failures.len());
}

#[test]
fn gradients_and_finder_colours_decode_and_use_one_path_per_colour() {
    for linear in [true, false] {
        let style = QrStyle { foreground: gradient(linear), finder_color: Some(Rgba::BLACK), ..QrStyle::default() };
        let svg = svg_for(SHARE_URL, &SymbolOptions { ec_level: None, logo: None }, &style, 296);
        let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
        let paths = doc.descendants().filter(|n| n.has_tag_name("path")).count();
        assert_eq!(paths, 2, "one path for the modules, one for the finders");
        let gradient_tag = if linear { "linearGradient" } else { "radialGradient" };
        assert_eq!(doc.descendants().filter(|n| n.has_tag_name(gradient_tag)).count(), 1);
        assert_eq!(decode_svg(&svg, 296).as_deref(), Ok(SHARE_URL));
    }
}

#[test]
fn low_contrast_and_bad_options_are_refused() {
    let check = |style: QrStyle| style.validate().map_err(|e| (e.kind(), e.path().map(String::from)));
    let yellow = parse_color("#ffeb3b", "foreground").unwrap();
    let low = |k| Err((ErrorKind::QrLowContrast, Some(String::from(k))));
    assert_eq!(check(QrStyle { foreground: Paint::Solid(yellow), ..QrStyle::default() }), low("foreground"));
    // Inverted codes (light modules on dark) are not read by every scanner: refused.
    let inverted =
        QrStyle { foreground: Paint::Solid(Rgba::WHITE), background: Some(Rgba::BLACK), ..QrStyle::default() };
    assert_eq!(check(inverted), low("foreground"));
    let light_finder = QrStyle { finder_color: Some(yellow), ..QrStyle::default() };
    assert_eq!(check(light_finder), low("finderColor"));
    // Dark red on white passes (contrast about 5.9:1), a transparent background counts as white.
    let red = parse_color("#c41d2f", "foreground").unwrap();
    assert_eq!(check(QrStyle { foreground: Paint::Solid(red), background: None, ..QrStyle::default() }), Ok(()));
    assert_eq!(check(QrStyle { foreground: gradient(true), ..QrStyle::default() }), Ok(()));
    for quiet_zone in [0, 1, 17] {
        let e = check(QrStyle { quiet_zone, ..QrStyle::default() });
        assert_eq!(e, Err((ErrorKind::QrInvalidOptions, Some("quietZone".into()))), "{quiet_zone}");
    }
    let one_stop = Paint::Linear { angle: 0.0, stops: vec![Stop { offset: 0.0, color: Rgba::BLACK }] };
    let e = check(QrStyle { foreground: one_stop, ..QrStyle::default() });
    assert_eq!(e, Err((ErrorKind::QrInvalidOptions, Some("foreground.stops".into()))));
    for bad in ["", "#12", "rgb(1,2)", "<script>", "blackish"] {
        assert_eq!(parse_color(bad, "background").unwrap_err().kind(), ErrorKind::QrInvalidOptions, "{bad}");
    }
    assert_eq!(parse_color("transparent", "background").unwrap().a, 0);
    assert_eq!(parse_color("rgb(255 0 0 / 50%)", "x").unwrap(), Rgba { r: 255, g: 0, b: 0, a: 128 });
}

/// Golden SVGs: exact bytes, rewritten (and the test failed) with SHARE_EARN_ACCEPT=1.
#[test]
fn golden_svgs() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/qr");
    let cases: Vec<(&str, QrStyle, Option<LogoReserve>)> = vec![
        ("square", QrStyle::default(), None),
        (
            "rounded-circle-gradient",
            QrStyle {
                module_shape: ModuleShape::Rounded,
                finder_outer: FinderShape::Circle,
                finder_inner: FinderShape::Circle,
                foreground: gradient(true),
                ..QrStyle::default()
            },
            Some(LogoReserve::default()),
        ),
        (
            "dots-rounded-finder-colour",
            QrStyle {
                module_shape: ModuleShape::Dots,
                finder_outer: FinderShape::Rounded,
                finder_inner: FinderShape::Square,
                finder_color: Some(Rgba { r: 0xc4, g: 0x1d, b: 0x2f, a: 255 }),
                background: None,
                quiet_zone: 2,
                ..QrStyle::default()
            },
            None,
        ),
    ];
    let accept = std::env::var_os("SHARE_EARN_ACCEPT").is_some();
    let mut rewritten = Vec::new();
    for (name, style, logo) in cases {
        let svg = svg_for("https://s.example/K7M2Q9XD", &SymbolOptions { ec_level: None, logo }, &style, 200);
        roxmltree::Document::parse(&svg).expect("well-formed");
        if style.finder_outer == FinderShape::Square {
            assert_eq!(decode_svg(&svg, 200).as_deref(), Ok("https://s.example/K7M2Q9XD"), "{name}");
        }
        let path = dir.join(format!("{name}.svg"));
        let golden = std::fs::read_to_string(&path).unwrap_or_default();
        if golden != svg {
            if accept {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &svg).unwrap();
                rewritten.push(name);
            } else {
                panic!("{name}.svg differs from tests/golden/qr/{name}.svg; look at both, then SHARE_EARN_ACCEPT=1");
            }
        }
    }
    assert!(rewritten.is_empty(), "rewrote {rewritten:?}: check them and run again without SHARE_EARN_ACCEPT");
}
