//! Raster QR output: square codes exact to the pixel against the module matrix, PNG bytes
//! that decode to exactly what was drawn, every style and logo read back by an independent
//! decoder (rqrr), logos that stay inside their area, drawing into a larger canvas, image
//! decoding errors and limits, and resampling.
#![cfg(all(not(target_arch = "wasm32"), feature = "qr"))]

use resvg::tiny_skia as sk;
use share_earn::imaging::png::straight_rgba;
use share_earn::imaging::Pixmap;
use share_earn::imaging::{decode_image, encode_png, resize_to, DecodeLimits};
use share_earn::qr::{
    build_symbol, draw_qr, placement, qr_pixmap, EcLevel, FinderShape, LogoArt, LogoImage, LogoReserve, ModuleShape,
    Oversize, Paint, Placement, QrStyle, Rgba, Stop, SymbolOptions, MAX_PIXELS,
};
use share_earn::ErrorKind;
use std::collections::HashSet;

const SHARE_URL: &str =
    "https://shop.example.com/p/10086?ref=K7M2Q9XD&utm_source=wechat&utm_medium=poster&utm_campaign=double11";
const CJK: &str = "分享赚 ¥12.34 邀请码 K7M2-Q9XD";

/// A share URL long enough for version 10 or more.
fn long_url() -> String {
    format!("{SHARE_URL}&x={}", "k".repeat(200))
}

fn opts(ec_level: Option<EcLevel>, logo: Option<LogoReserve>) -> SymbolOptions {
    SymbolOptions { ec_level, logo }
}

fn reserve(size: f64, padding: u8) -> LogoReserve {
    LogoReserve { size, padding, oversize: Oversize::Shrink }
}

const fn rgb(r: u8, g: u8, b: u8) -> Rgba {
    Rgba { r, g, b, a: 255 }
}

const NAVY: Rgba = rgb(0x1b, 0x1f, 0x5e);
const RED: Rgba = rgb(0xc4, 0x1d, 0x2f);
const CREAM: Rgba = rgb(0xff, 0xf8, 0xe7);
const YELLOW: Rgba = rgb(0xff, 0xee, 0x99);
const CLEAR: [u8; 4] = [0, 0, 0, 0];

fn px(c: Rgba) -> [u8; 4] {
    assert_eq!(c.a, 255, "expected colours are opaque (premultiplied = straight)");
    [c.r, c.g, c.b, c.a]
}

fn gradient(linear: bool) -> Paint {
    let stops = vec![Stop { offset: 0.0, color: RED }, Stop { offset: 1.0, color: NAVY }];
    if linear {
        Paint::Linear { angle: 45.0, stops }
    } else {
        Paint::Radial { stops }
    }
}

/// Pixels per module and centring margin of a code `width` modules wide with a quiet zone
/// of `quiet` in a `size` px square, by the documented arithmetic: whole pixels per module,
/// the leftover split evenly (the odd pixel at the far side).
fn layout(width: usize, quiet: u32, size: u32) -> (u32, u32) {
    let modules = width as u32 + 2 * quiet;
    let per_module = size / modules;
    (per_module, (size - per_module * modules) / 2)
}

/// The matrix column (or row) under pixel column (or row) `p`; `None` in the margin or the
/// quiet zone.
fn module_of(p: u32, per_module: u32, margin: u32, quiet: u32, width: usize) -> Option<usize> {
    let m = (p.checked_sub(margin)? / per_module).checked_sub(quiet)? as usize;
    (m < width).then_some(m)
}

/// Whether `(x, y)` lies in one of the three 7x7 finder patterns (ISO/IEC 18004 6.3.3).
fn in_finder(width: usize, x: usize, y: usize) -> bool {
    let corners = [(0, 0), (width - 7, 0), (0, width - 7)];
    corners.iter().any(|&(cx, cy)| (cx..cx + 7).contains(&x) && (cy..cy + 7).contains(&y))
}

/// Row `y` of `p`, premultiplied RGBA.
fn row(p: &Pixmap, y: u32) -> &[u8] {
    let n = p.width() as usize * 4;
    &p.data()[y as usize * n..(y as usize + 1) * n]
}

fn pixel(p: &Pixmap, x: u32, y: u32) -> [u8; 4] {
    let i = ((y * p.width() + x) * 4) as usize;
    p.data()[i..i + 4].try_into().unwrap()
}

/// Compares every pixel of `pixmap` with `expected`; panics naming the first mismatches.
fn assert_pixels(pixmap: &Pixmap, name: &str, expected: impl Fn(u32, u32) -> [u8; 4]) {
    assert_pixels_within(pixmap, name, 0, expected);
}

/// [`assert_pixels`] with each channel allowed to be off by `tolerance`.
fn assert_pixels_within(pixmap: &Pixmap, name: &str, tolerance: u8, expected: impl Fn(u32, u32) -> [u8; 4]) {
    let mut wrong = Vec::new();
    let mut count = 0usize;
    for y in 0..pixmap.height() {
        for x in 0..pixmap.width() {
            let (got, want) = (pixel(pixmap, x, y), expected(x, y));
            if (0..4).any(|i| got[i].abs_diff(want[i]) > tolerance) {
                count += 1;
                if wrong.len() < 8 {
                    wrong.push(format!("({x}, {y}): got {got:?}, expected {want:?}"));
                }
            }
        }
    }
    assert!(count == 0, "{name}: {count} pixels differ, first: {wrong:#?}");
}

/// Composites on white, converts to grey and decodes with rqrr.
fn decode_pixmap(pixmap: &Pixmap) -> Result<String, String> {
    let (w, h) = (pixmap.width() as usize, pixmap.height() as usize);
    let data = pixmap.data();
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| {
        let i = (y * w + x) * 4;
        // Premultiplied colour plus the white that shows through.
        let over = |c: u8| c as u32 + 255 - data[i + 3] as u32;
        ((over(data[i]) * 299 + over(data[i + 1]) * 587 + over(data[i + 2]) * 114) / 1000) as u8
    });
    let grids = img.detect_grids();
    let grid = grids.first().ok_or("no QR code found")?;
    grid.decode().map(|(_, text)| text).map_err(|e| format!("{e:?}"))
}

/// A logo drawn here (with tiny-skia, another rasteriser): an orange ellipse filling `w` x
/// `h` with a navy square in the middle, on transparency, as PNG bytes.
fn logo_png(w: u32, h: u32) -> Vec<u8> {
    let mut p = sk::Pixmap::new(w, h).unwrap();
    let mut paint = sk::Paint::default();
    paint.set_color_rgba8(0xe6, 0x4a, 0x19, 255);
    let oval = sk::PathBuilder::from_oval(sk::Rect::from_xywh(0.0, 0.0, w as f32, h as f32).unwrap()).unwrap();
    p.fill_path(&oval, &paint, sk::FillRule::Winding, sk::Transform::identity(), None);
    paint.set_color_rgba8(NAVY.r, NAVY.g, NAVY.b, 255);
    let side = w.min(h) as f32 / 3.0;
    let square = sk::Rect::from_xywh((w as f32 - side) / 2.0, (h as f32 - side) / 2.0, side, side).unwrap();
    p.fill_rect(square, &paint, sk::Transform::identity(), None);
    encode_png(&Pixmap::from_vec(p.take(), w, h).unwrap())
}

fn logo(w: u32, h: u32) -> LogoImage {
    let bytes = logo_png(w, h);
    let image = LogoImage::decode(&bytes, "logo.image").unwrap();
    assert_eq!((image.pixels.width(), image.pixels.height(), image.mime), (w, h, "image/png"));
    image
}

/// A photo-like logo: smooth gradients in every channel, thousands of colours, opaque.
fn photo_logo() -> LogoImage {
    let (w, h) = (64u32, 64u32);
    let data: Vec<u8> = (0..w * h)
        .flat_map(|i| {
            let (x, y) = (i % w, i / w);
            [(x * 4) as u8, (y * 4) as u8, ((x * y) % 256) as u8, 255]
        })
        .collect();
    let p = Pixmap::from_vec(data, w, h).unwrap();
    LogoImage::decode(&encode_png(&p), "logo.image").unwrap()
}

// ---------------------------------------------------------------------------------------
// 1, 2: exactness

#[test]
fn square_black_codes_are_exactly_the_module_matrix_on_whole_pixels() {
    let texts = [
        "https://s.example/K7M2Q9XD".to_string(),
        SHARE_URL.into(),
        CJK.into(),
        "12345678901234567890".into(),
        long_url(),
    ];
    let style = QrStyle::default();
    let (black, white) = (px(Rgba::BLACK), px(Rgba::WHITE));
    for text in &texts {
        // A reserved logo area with no logo art is simply light modules.
        for logo in [None, Some(reserve(0.2, 1))] {
            let symbol = build_symbol(text, &opts(None, logo)).unwrap();
            let width = symbol.matrix.width();
            for size in [100, 147, 300, 333, 1000] {
                let (per_module, margin) = layout(width, 4, size);
                let (pixmap, place) = qr_pixmap(&symbol, &style, &LogoArt::default(), size).unwrap();
                let name = format!("{text:?} logo {} at {size} px", logo.is_some());
                assert_eq!((pixmap.width(), pixmap.height()), (size, size), "{name}");
                let side = per_module * (width as u32 + 8);
                let want = Placement { module_pixels: per_module, x: margin as i32, y: margin as i32, side };
                assert_eq!(place, want, "{name}");
                assert_pixels(&pixmap, &name, |x, y| {
                    let at = |p| module_of(p, per_module, margin, 4, width);
                    match (at(x), at(y)) {
                        (Some(mx), Some(my)) if symbol.matrix.is_dark(mx, my) => black,
                        _ => white,
                    }
                });
            }
        }
    }
}

#[test]
fn placement_of_a_version_10_code_by_hand() {
    // 250 bytes: more than version 9 holds at L (230 bytes), at most what version 10 holds
    // at L (271) and more than at M (213) (ISO/IEC 18004 Table 7).
    let text = format!("https://shop.example.com/p/{}", "k".repeat(223));
    assert_eq!(text.len(), 250);
    let symbol = build_symbol(&text, &opts(None, None)).unwrap();
    assert_eq!((symbol.matrix.version(), symbol.matrix.ec_level(), symbol.matrix.width()), (10, EcLevel::L, 57));
    let style = QrStyle::default();
    // 57 + 2 x 4 = 65 modules; 300 / 65 = 4 px each, 260 px in all, (300 - 260) / 2 = 20.
    let (_, place) = qr_pixmap(&symbol, &style, &LogoArt::default(), 300).unwrap();
    assert_eq!(place, Placement { module_pixels: 4, x: 20, y: 20, side: 260 });
    // 1000 / 65 = 15 px, 975 px, margin 12 (the odd 25th pixel goes to the far side).
    let (_, place) = qr_pixmap(&symbol, &style, &LogoArt::default(), 1000).unwrap();
    assert_eq!(place, Placement { module_pixels: 15, x: 12, y: 12, side: 975 });
    // Quiet zone 2: 61 modules; 300 / 61 = 4 px, 244 px, margin 28.
    let narrow = QrStyle { quiet_zone: 2, ..QrStyle::default() };
    let (_, place) = qr_pixmap(&symbol, &narrow, &LogoArt::default(), 300).unwrap();
    assert_eq!(place, Placement { module_pixels: 4, x: 28, y: 28, side: 244 });
    // In a box at (7, 9) the margin adds to the box's corner.
    assert_eq!(placement(65, 7, 9, 300).unwrap(), Placement { module_pixels: 4, x: 27, y: 29, side: 260 });
    assert_eq!(placement(65, 0, 0, 65).unwrap(), Placement { module_pixels: 1, x: 0, y: 0, side: 65 });
    let e = placement(65, 0, 0, 64).unwrap_err();
    assert_eq!((e.kind(), e.path()), (ErrorKind::QrInvalidOptions, Some("size")));
}

#[test]
fn coloured_codes_finder_colour_plate_and_transparent_background_are_exact() {
    // (background, logo plate colour)
    let cases = [(None, None), (Some(CREAM), None), (None, Some(YELLOW)), (Some(CREAM), Some(YELLOW))];
    for text in [SHARE_URL.to_string(), long_url()] {
        for (background, plate) in cases {
            for finder_color in [Some(RED), None] {
                let style = QrStyle { foreground: Paint::Solid(NAVY), finder_color, background, ..QrStyle::default() };
                let reserve = plate.map(|_| reserve(0.25, 1));
                let symbol = build_symbol(&text, &opts(None, reserve)).unwrap();
                let art = LogoArt { image: None, background: plate, radius: 0.0 };
                let width = symbol.matrix.width();
                for size in [147, 333] {
                    let (pixmap, _) = qr_pixmap(&symbol, &style, &art, size).unwrap();
                    let (per_module, margin) = layout(width, 4, size);
                    let name = format!(
                        "{} chars, bg {background:?}, plate {plate:?}, finder {finder_color:?} at {size} px",
                        text.len()
                    );
                    let light = background.map_or(CLEAR, px);
                    assert_pixels(&pixmap, &name, |x, y| {
                        let at = |p| module_of(p, per_module, margin, 4, width);
                        let (Some(mx), Some(my)) = (at(x), at(y)) else { return light };
                        if let (Some(area), Some(plate)) = (symbol.logo_area, plate) {
                            if area.contains(mx, my) {
                                return px(plate);
                            }
                        }
                        match (symbol.matrix.is_dark(mx, my), finder_color) {
                            (false, _) => light,
                            (true, Some(f)) if in_finder(width, mx, my) => px(f),
                            (true, _) => px(NAVY),
                        }
                    });
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// 3: PNG

struct DecodedPng {
    color_type: png::ColorType,
    bit_depth: png::BitDepth,
    width: u32,
    height: u32,
    rgba: Vec<u8>,
    has_trns: bool,
}

/// Decodes with the `png` crate, palette and tRNS expanded, as straight RGBA.
fn decode_png(bytes: &[u8]) -> DecodedPng {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().unwrap();
    let (color_type, bit_depth, has_trns) = {
        let info = reader.info();
        (info.color_type, info.bit_depth, info.trns.is_some())
    };
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let out = reader.next_frame(&mut buf).unwrap();
    buf.truncate(out.buffer_size());
    assert_eq!(out.bit_depth, png::BitDepth::Eight);
    let rgba = match out.color_type {
        png::ColorType::Rgba => buf,
        png::ColorType::Rgb => buf.chunks_exact(3).flat_map(|p| [p[0], p[1], p[2], 255]).collect(),
        other => panic!("unexpected output colour type {other:?}"),
    };
    DecodedPng { color_type, bit_depth, width: out.width, height: out.height, rgba, has_trns }
}

/// What the smallest exact colour type is, from the pixels: indexed when at most 256
/// colours (1, 2, 4 or 8 bits), else RGB when opaque, else RGBA. As IHDR bytes.
fn smallest_color_type(rgba: &[u8]) -> (u8, u8) {
    let colors: HashSet<&[u8]> = rgba.chunks_exact(4).collect();
    match colors.len() {
        0..=2 => (3, 1),
        3..=4 => (3, 2),
        5..=16 => (3, 4),
        17..=256 => (3, 8),
        _ if rgba.chunks_exact(4).all(|p| p[3] == 255) => (2, 8),
        _ => (6, 8),
    }
}

/// A PNG round-trip case: name, style, logo reserve, logo art, and the IHDR colour type
/// and bit depth when known ahead.
struct PngCase<'a>(&'a str, &'a QrStyle, Option<LogoReserve>, LogoArt, Option<(u8, u8)>);

#[test]
fn png_bytes_decode_to_exactly_the_pixels_in_the_smallest_colour_type() {
    let plain = QrStyle::default();
    let dots_gradient = QrStyle { module_shape: ModuleShape::Dots, foreground: gradient(true), ..QrStyle::default() };
    let transparent = QrStyle { background: None, ..QrStyle::default() };
    let rounded_transparent = QrStyle {
        module_shape: ModuleShape::Rounded,
        finder_inner: FinderShape::Circle,
        foreground: gradient(false),
        background: None,
        ..QrStyle::default()
    };
    let three = QrStyle { foreground: Paint::Solid(NAVY), finder_color: Some(RED), ..QrStyle::default() };
    let four = QrStyle { background: None, ..three.clone() };
    let yellow_plate = LogoArt { image: None, background: Some(YELLOW), radius: 0.0 };
    let round_centres = QrStyle { finder_inner: FinderShape::Circle, ..QrStyle::default() };
    let photo = LogoArt { image: Some(photo_logo()), background: Some(Rgba::WHITE), radius: 0.2 };
    let with_logo = Some(reserve(0.3, 1));
    let cases: Vec<PngCase> = vec![
        PngCase("plain", &plain, None, LogoArt::default(), Some((3, 1))),
        PngCase("three colours", &three, None, LogoArt::default(), Some((3, 2))),
        PngCase("four colours and transparency", &four, with_logo, yellow_plate, Some((3, 2))),
        PngCase("round finder centres", &round_centres, None, LogoArt::default(), None),
        PngCase("dots gradient", &dots_gradient, None, LogoArt::default(), Some((2, 8))),
        PngCase("transparent", &transparent, None, LogoArt::default(), Some((3, 1))),
        PngCase("rounded radial transparent", &rounded_transparent, None, LogoArt::default(), Some((6, 8))),
        PngCase("photo logo", &plain, with_logo, photo.clone(), Some((2, 8))),
        PngCase("photo logo on transparency", &transparent, with_logo, photo, Some((6, 8))),
    ];
    for PngCase(name, style, reserve, art, ihdr) in cases {
        let symbol = build_symbol(SHARE_URL, &opts(None, reserve)).unwrap();
        let (pixmap, _) = qr_pixmap(&symbol, style, &art, 333).unwrap();
        let straight = straight_rgba(&pixmap);
        let bytes = encode_png(&pixmap);
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{name}");
        assert_eq!(&bytes[12..16], b"IHDR", "{name}");
        // IHDR: bit depth at byte 24, colour type at byte 25.
        let (color_type, depth) = (bytes[25], bytes[24]);
        assert_eq!((color_type, depth), smallest_color_type(&straight), "{name}: IHDR colour type and depth");
        if let Some(ihdr) = ihdr {
            assert_eq!((color_type, depth), ihdr, "{name}: IHDR colour type and depth");
        }
        if color_type != 3 {
            let colors: HashSet<&[u8]> = straight.chunks_exact(4).collect();
            assert!(colors.len() > 256, "{name}");
        }
        let decoded = decode_png(&bytes);
        assert_eq!((decoded.width, decoded.height), (333, 333), "{name}");
        assert_eq!(decoded.color_type as u8, bytes[25], "{name}");
        assert_eq!(decoded.bit_depth as u8, bytes[24], "{name}");
        // Translucent palette entries need tRNS; opaque palettes must not carry one.
        if color_type == 3 {
            let translucent = straight.chunks_exact(4).any(|p| p[3] != 255);
            assert_eq!(decoded.has_trns, translucent, "{name}: tRNS");
        }
        assert!(decoded.rgba == straight, "{name}: the PNG does not decode to the pixmap's straight RGBA");
        // Same through the image crate, which composes its own reading of the palette.
        let via_image = image::load_from_memory_with_format(&bytes, image::ImageFormat::Png).unwrap().into_rgba8();
        assert!(via_image.as_raw() == &straight, "{name}: image crate reads other pixels");
    }
    // A plain code is tiny: 1 bit a pixel before compression.
    let symbol = build_symbol(SHARE_URL, &opts(None, None)).unwrap();
    let (pixmap, _) = qr_pixmap(&symbol, &plain, &LogoArt::default(), 1000).unwrap();
    let bytes = encode_png(&pixmap);
    assert!(bytes.len() < 1000 * 1000 / 8 / 4, "{} bytes for a 2-colour 1000 px code", bytes.len());
}

#[test]
fn straight_rgba_undoes_premultiplication() {
    // Independent check of the function the PNG test compares against.
    let data = vec![0, 0, 0, 0, 10, 20, 30, 255, 64, 32, 0, 128, 255, 255, 255, 255];
    let p = Pixmap::from_vec(data, 4, 1).unwrap();
    let s = straight_rgba(&p);
    assert_eq!(&s[..8], &[0, 0, 0, 0, 10, 20, 30, 255]);
    // 64 / 128 x 255 = 127.5, 32 / 128 x 255 = 63.75: within one level either way.
    assert!(s[8].abs_diff(128) <= 1 && s[9].abs_diff(64) <= 1 && s[10] == 0 && s[11] == 128, "{:?}", &s[8..12]);
    assert_eq!(&s[12..], &[255, 255, 255, 255]);
}

// ---------------------------------------------------------------------------------------
// 4: decoding

#[test]
fn every_shape_logo_level_and_size_decodes_with_rqrr() {
    let modules = [ModuleShape::Square, ModuleShape::Rounded, ModuleShape::Dots];
    let inners = [FinderShape::Square, FinderShape::Rounded, FinderShape::Circle];
    // rqrr locates finders by the corners of their outer ring: round outer rings are left
    // to ZXing (tests/zxing).
    let outer = FinderShape::Square;
    let texts = [SHARE_URL.to_string(), CJK.to_string(), long_url()];
    let image = logo(64, 64);
    let art = LogoArt { image: Some(image), background: Some(Rgba::WHITE), radius: 0.15 };
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut saw_v10 = false;
    for text in &texts {
        for logo in [None, Some(reserve(0.2, 1)), Some(reserve(0.5, 1))] {
            for level in [None, Some(EcLevel::H)] {
                let symbol = build_symbol(text, &opts(level, logo)).unwrap();
                saw_v10 |= symbol.matrix.version() >= 10;
                if logo.is_some_and(|l| l.size == 0.5) {
                    assert!(symbol.logo_shrunk, "half the width is more than any code affords");
                }
                let modules_wide = symbol.matrix.width() as u32 + 8;
                let art = if logo.is_some() { art.clone() } else { LogoArt::default() };
                for module_shape in modules {
                    for inner in inners {
                        let style =
                            QrStyle { module_shape, finder_outer: outer, finder_inner: inner, ..QrStyle::default() };
                        for size in [modules_wide * 3, 333] {
                            let (pixmap, place) = qr_pixmap(&symbol, &style, &art, size).unwrap();
                            assert!(place.module_pixels >= 3);
                            checked += 1;
                            let got = decode_pixmap(&pixmap);
                            if got.as_deref() != Ok(text.as_str()) {
                                failures.push(format!(
                                    "{module_shape:?}/{outer:?}/{inner:?} level {level:?}->{:?} logo {:?} (shrunk {}) \
                                     v{} at {size} px ({} px/module): {got:?}",
                                    symbol.matrix.ec_level(),
                                    logo.map(|l| l.size),
                                    symbol.logo_shrunk,
                                    symbol.matrix.version(),
                                    place.module_pixels
                                ));
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(saw_v10, "the long URL should need version 10 or more");
    assert!(failures.is_empty(), "{} of {checked} failed: {failures:#?}", failures.len());
}

#[test]
fn gradients_finder_colours_and_transparency_decode_with_rqrr() {
    let image = logo(80, 50);
    let art = LogoArt { image: Some(image), background: Some(Rgba::WHITE), radius: 0.5 };
    for (i, style) in [
        QrStyle { foreground: gradient(true), finder_color: Some(Rgba::BLACK), ..QrStyle::default() },
        QrStyle { module_shape: ModuleShape::Dots, foreground: gradient(false), ..QrStyle::default() },
        QrStyle { foreground: Paint::Solid(NAVY), finder_color: Some(RED), background: None, ..QrStyle::default() },
        QrStyle { foreground: Paint::Solid(NAVY), background: Some(CREAM), quiet_zone: 2, ..QrStyle::default() },
    ]
    .iter()
    .enumerate()
    {
        style.validate().unwrap();
        let symbol = build_symbol(SHARE_URL, &opts(None, Some(reserve(0.3, 1)))).unwrap();
        for size in [300, 512] {
            let (pixmap, _) = qr_pixmap(&symbol, style, &art, size).unwrap();
            assert_eq!(decode_pixmap(&pixmap).as_deref(), Ok(SHARE_URL), "style {i} at {size} px");
        }
    }
}

// ---------------------------------------------------------------------------------------
// 5: logo stays in its area

#[test]
fn the_logo_never_draws_outside_its_cleared_area() {
    let square_style = QrStyle::default();
    let dots_style = QrStyle {
        module_shape: ModuleShape::Dots,
        finder_inner: FinderShape::Circle,
        foreground: gradient(true),
        background: None,
        ..QrStyle::default()
    };
    let logos = [(64, 64), (90, 30), (20, 70), (300, 299), (3, 2)];
    let reserves = [reserve(0.2, 1), reserve(0.3, 0), reserve(0.5, 2), reserve(0.05, 0)];
    let plates = [(Some(Rgba::WHITE), 0.2), (None, 0.0), (Some(YELLOW), 0.5)];
    let mut cases = 0;
    for (li, &(lw, lh)) in logos.iter().enumerate() {
        let image = logo(lw, lh);
        for (ri, &res) in reserves.iter().enumerate() {
            let symbol = build_symbol(SHARE_URL, &opts(None, Some(res))).unwrap();
            let area = symbol.logo_area.unwrap();
            let width = symbol.matrix.width();
            for (pi, &(background, radius)) in plates.iter().enumerate() {
                for style in [&square_style, &dots_style] {
                    // Every size on a rotating subset keeps the test quick.
                    for size in [147, 333, 1000].into_iter().filter(|s| *s != 1000 || (li + ri + pi) % 4 == 0) {
                        cases += 1;
                        let (per_module, margin) = layout(width, style.quiet_zone, size);
                        let x0 = margin + (style.quiet_zone + area.x as u32) * per_module;
                        let y0 = margin + (style.quiet_zone + area.y as u32) * per_module;
                        let side = area.size as u32 * per_module;
                        let with = LogoArt { image: Some(image.clone()), background, radius };
                        let without = LogoArt { image: None, background, radius };
                        let (a, _) = qr_pixmap(&symbol, style, &with, size).unwrap();
                        let (b, _) = qr_pixmap(&symbol, style, &without, size).unwrap();
                        let name = format!(
                            "logo {lw}x{lh}, {res:?}, plate {background:?} r {radius}, {:?}, {size} px",
                            style.module_shape
                        );
                        let inside = |x: u32, y: u32| (x0..x0 + side).contains(&x) && (y0..y0 + side).contains(&y);
                        let mut spilled = Vec::new();
                        let mut drawn = 0;
                        // Identical rows (most of them) are skipped with one comparison.
                        for y in (0..size).filter(|&y| row(&a, y) != row(&b, y)) {
                            for x in 0..size {
                                if pixel(&a, x, y) != pixel(&b, x, y) {
                                    if inside(x, y) {
                                        drawn += 1;
                                    } else if spilled.len() < 5 {
                                        spilled.push((x, y));
                                    }
                                }
                            }
                        }
                        assert!(
                            spilled.is_empty(),
                            "{name}: pixels outside the area [{x0}, {y0}] + {side} changed: {spilled:?}"
                        );
                        assert!(drawn > 0, "{name}: the logo drew nothing");
                    }
                }
            }
        }
    }
    assert!(cases > 100);
}

// ---------------------------------------------------------------------------------------
// 6: drawing into a larger pixmap

fn canvas(w: u32, h: u32, fill: Rgba) -> Pixmap {
    let mut p = Pixmap::new(w, h).unwrap();
    p.fill(fill);
    p
}

#[test]
fn draw_qr_paints_only_its_box_and_matches_qr_pixmap() {
    let green = rgb(0x33, 0x99, 0x66);
    let fill = px(green);
    let symbol = build_symbol(SHARE_URL, &opts(None, Some(reserve(0.25, 1)))).unwrap();
    let art = LogoArt { image: Some(logo(90, 60)), background: Some(Rgba::WHITE), radius: 0.2 };
    let styled = QrStyle {
        module_shape: ModuleShape::Dots,
        finder_inner: FinderShape::Rounded,
        foreground: gradient(true),
        finder_color: Some(NAVY),
        ..QrStyle::default()
    };
    let transparent_square = QrStyle { background: None, foreground: Paint::Solid(NAVY), ..QrStyle::default() };
    // On a transparent background, an opaque square plate: every pixel of the code is then
    // either fully transparent or opaque.
    let square_plate = LogoArt { radius: 0.0, ..art.clone() };
    // (style, art, x, y, box): inside the canvas, and partly off its top-left corner.
    let cases = [
        (&styled, &art, 37, 53, 333),
        (&styled, &art, 0, 0, 147),
        (&QrStyle::default(), &art, 150, 60, 301),
        (&transparent_square, &square_plate, 41, 17, 333),
        (&QrStyle::default(), &art, -40, -25, 300),
        (&styled, &art, -13, -7, 256),
        (&transparent_square, &LogoArt::default(), 199, 99, 301),
    ];
    for (i, &(style, art, bx, by, box_px)) in cases.iter().enumerate() {
        let mut target = canvas(500, 400, green);
        let place = draw_qr(&mut target, &symbol, style, art, bx, by, box_px).unwrap();
        let (alone, alone_place) = qr_pixmap(&symbol, style, art, box_px).unwrap();
        assert_eq!(
            place,
            Placement { x: alone_place.x + bx, y: alone_place.y + by, ..alone_place },
            "case {i}: placement offset by the box's corner"
        );
        let opaque = style.background.is_some_and(|c| c.a == 255);
        // A gradient is evaluated per pixel in floating point from the device position:
        // moved by a whole number of pixels, a handful of pixels round to the next level.
        // Solid colours must match exactly.
        let tolerance = if matches!(style.foreground, Paint::Solid(_)) { 0 } else { 1 };
        assert_pixels_within(&target, &format!("case {i}"), tolerance, |x, y| {
            let (qx, qy) = (x as i32 - bx, y as i32 - by);
            if qx < 0 || qy < 0 || qx >= box_px as i32 || qy >= box_px as i32 {
                return fill;
            }
            let p = pixel(&alone, qx as u32, qy as u32);
            if opaque {
                p
            } else {
                // Square modules on a transparent background: each pixel is either fully
                // transparent (the canvas shows) or opaque (it covers the canvas).
                assert!(p[3] == 0 || p[3] == 255, "case {i}: {p:?} at ({qx}, {qy}) in a square code");
                if p[3] == 0 {
                    fill
                } else {
                    p
                }
            }
        });
    }
}

// ---------------------------------------------------------------------------------------
// 7: errors

fn kind_and_path(e: share_earn::Error) -> (ErrorKind, Option<String>) {
    (e.kind(), e.path().map(String::from))
}

#[test]
fn sizes_too_small_or_too_large_are_refused_at_size() {
    let symbol = build_symbol(SHARE_URL, &opts(None, None)).unwrap();
    let modules = symbol.matrix.width() as u32 + 8;
    let style = QrStyle::default();
    let art = LogoArt::default();
    let at_size = (ErrorKind::QrInvalidOptions, Some("size".to_string()));
    for size in [0, 1, modules - 1] {
        let e = qr_pixmap(&symbol, &style, &art, size).unwrap_err();
        assert_eq!(kind_and_path(e), at_size, "{size} px");
    }
    // One pixel per module is the smallest allowed.
    let (pixmap, place) = qr_pixmap(&symbol, &style, &art, modules).unwrap();
    assert_eq!((pixmap.width(), place.module_pixels, place.x), (modules, 1, 0));
    // Quiet zone 2 needs 4 modules fewer.
    let narrow = QrStyle { quiet_zone: 2, ..QrStyle::default() };
    assert!(qr_pixmap(&symbol, &narrow, &art, modules - 4).is_ok());
    for size in [MAX_PIXELS + 1, 100_000, u32::MAX] {
        let e = qr_pixmap(&symbol, &style, &art, size).unwrap_err();
        assert_eq!(kind_and_path(e), at_size, "{size} px");
    }
    // draw_qr into a box too small for the code.
    let mut target = canvas(100, 100, Rgba::WHITE);
    let e = draw_qr(&mut target, &symbol, &style, &art, 10, 10, modules - 1).unwrap_err();
    assert_eq!(kind_and_path(e), at_size);
    assert!(target.data().iter().all(|&c| c == 255), "a refused draw paints nothing");
}

/// CRC-32 of PNG chunks (ISO 3309, reflected polynomial 0xEDB88320).
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

fn push_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// A PNG built by hand that claims `w` x `h` RGBA pixels; its IDAT holds one row of a 1x1
/// image (a zlib stored block of 5 zero bytes), so only the 1x1 claim is complete.
fn png_claiming(w: u32, h: u32) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    push_chunk(&mut out, b"IHDR", &ihdr);
    // zlib header, final stored block of LEN 5 / NLEN !5, five zeros, Adler-32 (a = 1, b = 5).
    let idat = [0x78, 0x01, 0x01, 0x05, 0x00, 0xfa, 0xff, 0, 0, 0, 0, 0, 0x00, 0x05, 0x00, 0x01];
    push_chunk(&mut out, b"IDAT", &idat);
    push_chunk(&mut out, b"IEND", &[]);
    out
}

#[test]
fn hand_built_pngs_are_valid_and_huge_claims_are_refused_quickly() {
    // The well-known CRC of an IEND chunk.
    assert_eq!(crc32(b"IEND"), 0xae42_6082);
    let one = LogoImage::decode(&png_claiming(1, 1), "logo.image").unwrap();
    assert_eq!((one.pixels.width(), one.pixels.height(), one.pixels.data()), (1, 1, &[0u8, 0, 0, 0][..]));
    let too_large = (ErrorKind::ImageTooLarge, Some("logo.image".to_string()));
    // A decompression bomb's header; wider than 8192; 6000 x 6000 = 36 M pixels > 25 M.
    for (w, h) in [(100_000, 100_000), (9000, 1), (1, 9000), (6000, 6000)] {
        let start = std::time::Instant::now();
        let e = LogoImage::decode(&png_claiming(w, h), "logo.image").unwrap_err();
        let elapsed = start.elapsed();
        assert_eq!(kind_and_path(e), too_large, "{w}x{h}");
        assert!(elapsed < std::time::Duration::from_millis(500), "{w}x{h} took {elapsed:?}");
    }
    // Tighter limits of the caller's own, and the byte limit.
    let small = DecodeLimits { max_side: 100, max_pixels: 5000, max_bytes: 1 << 20 };
    let bytes = logo_png(101, 10);
    let e = decode_image(&bytes, &small, "poster.image").unwrap_err();
    assert_eq!(kind_and_path(e), (ErrorKind::ImageTooLarge, Some("poster.image".into())));
    let e = decode_image(&logo_png(80, 80), &small, "poster.image").unwrap_err();
    assert_eq!(kind_and_path(e), (ErrorKind::ImageTooLarge, Some("poster.image".into())), "6400 pixels > 5000");
    assert!(decode_image(&logo_png(100, 50), &small, "poster.image").is_ok());
    let tiny = DecodeLimits { max_bytes: bytes.len() - 1, ..DecodeLimits::default() };
    let e = decode_image(&bytes, &tiny, "poster.image").unwrap_err();
    assert_eq!(kind_and_path(e), (ErrorKind::ImageTooLarge, Some("poster.image".into())));
}

#[test]
fn bytes_that_are_not_a_whole_png_or_jpeg_are_image_invalid() {
    let invalid = (ErrorKind::ImageInvalid, Some("logo.image".to_string()));
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut random: Vec<u8> = (0..2000)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as u8
        })
        .collect();
    random[0] = 0x42; // no image signature starts with it
    let png = encode_png(&photo_logo().pixels);
    assert!(png.len() > 1000, "a photo-like PNG of {} bytes", png.len());
    let mut png_then_garbage = png[..33].to_vec(); // signature and IHDR
    png_then_garbage.extend_from_slice(&random);
    let jpeg = jpeg_quadrants(40, 24);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("random", random.clone()),
        ("empty", Vec::new()),
        ("signature only", png[..8].to_vec()),
        ("truncated PNG", png[..png.len() / 2].to_vec()),
        ("PNG header then garbage", png_then_garbage),
        ("JPEG markers only", jpeg[..4].to_vec()),
        ("GIF", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec()),
        ("SVG", b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec()),
    ];
    for (name, bytes) in cases {
        match LogoImage::decode(&bytes, "logo.image") {
            Ok(image) => panic!("{name}: decoded a {}x{} image", image.pixels.width(), image.pixels.height()),
            Err(e) => assert_eq!(kind_and_path(e), invalid, "{name}"),
        }
    }
    // The whole PNG decodes, to exactly its pixels.
    let whole = LogoImage::decode(&png, "logo.image").unwrap();
    assert_eq!(whole.pixels, photo_logo().pixels);
}

/// A JPEG whose top-left quadrant is red and the rest light blue.
fn jpeg_quadrants(w: u32, h: u32) -> Vec<u8> {
    let rgb: Vec<u8> =
        (0..w * h).flat_map(|i| if i % w < w / 2 && i / w < h / 2 { [220, 20, 30] } else { [150, 190, 240] }).collect();
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 95)
        .encode(&rgb, w, h, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

/// `jpeg` with an APP1 Exif segment right after SOI: a big-endian TIFF header and one IFD
/// entry, Orientation (0x0112) SHORT x 1 = `orientation`.
fn with_exif_orientation(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let mut app1 = b"Exif\0\0MM\0\x2a".to_vec();
    app1.extend_from_slice(&8u32.to_be_bytes()); // IFD right after the 8-byte header
    app1.extend_from_slice(&1u16.to_be_bytes()); // one entry
    app1.extend_from_slice(&0x0112u16.to_be_bytes());
    app1.extend_from_slice(&3u16.to_be_bytes()); // SHORT
    app1.extend_from_slice(&1u32.to_be_bytes());
    app1.extend_from_slice(&orientation.to_be_bytes());
    app1.extend_from_slice(&[0, 0]);
    app1.extend_from_slice(&0u32.to_be_bytes()); // no next IFD
    assert_eq!(&jpeg[..2], &[0xff, 0xd8]);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xff, 0xe1]);
    out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn near(p: [u8; 4], rgb: [u8; 3]) -> bool {
    p[3] == 255 && (0..3).all(|i| p[i].abs_diff(rgb[i]) <= 40)
}

#[test]
fn jpeg_logos_decode_with_their_size_and_exif_orientation() {
    const RED_Q: [u8; 3] = [220, 20, 30];
    const BLUE_Q: [u8; 3] = [150, 190, 240];
    let jpeg = jpeg_quadrants(40, 24);
    for (name, bytes) in [("plain", jpeg.clone()), ("orientation 1", with_exif_orientation(&jpeg, 1))] {
        let image = LogoImage::decode(&bytes, "logo.image").unwrap();
        assert_eq!((image.pixels.width(), image.pixels.height(), image.mime), (40, 24, "image/jpeg"), "{name}");
        assert_eq!(image.bytes, bytes);
        let p = &image.pixels;
        assert!(near(pixel(p, 5, 5), RED_Q), "{name}: top left {:?}", pixel(p, 5, 5));
        assert!(near(pixel(p, 34, 5), BLUE_Q), "{name}: top right {:?}", pixel(p, 34, 5));
        assert!(near(pixel(p, 5, 19), BLUE_Q), "{name}: bottom left {:?}", pixel(p, 5, 19));
    }
    // Orientation 6: the stored image is to be turned 90 degrees clockwise, so 40x24 comes
    // out 24x40 and the red top-left quadrant goes to the top right.
    let image = LogoImage::decode(&with_exif_orientation(&jpeg, 6), "logo.image").unwrap();
    let p = &image.pixels;
    assert_eq!((p.width(), p.height()), (24, 40), "orientation 6 swaps width and height");
    assert!(near(pixel(p, 19, 5), RED_Q), "top right {:?}", pixel(p, 19, 5));
    assert!(near(pixel(p, 4, 5), BLUE_Q), "top left {:?}", pixel(p, 4, 5));
    assert!(near(pixel(p, 19, 34), BLUE_Q), "bottom right {:?}", pixel(p, 19, 34));
    // Such a logo draws like any other and the code still reads.
    let symbol = build_symbol(SHARE_URL, &opts(None, Some(reserve(0.25, 1)))).unwrap();
    let art = LogoArt { image: Some(image), background: Some(Rgba::WHITE), radius: 0.1 };
    let (pixmap, _) = qr_pixmap(&symbol, &QrStyle::default(), &art, 400).unwrap();
    assert_eq!(decode_pixmap(&pixmap).as_deref(), Ok(SHARE_URL));
}

// ---------------------------------------------------------------------------------------
// 8: resampling

#[test]
fn resizing_keeps_premultiplied_pixels_valid_and_solid_colours_exact() {
    // Transparent edges around an opaque black square with a band of half-transparent white
    // next to it: Catmull-Rom's negative lobes push colour above alpha there.
    let (w, h) = (97u32, 61u32);
    let data: Vec<u8> = (0..w * h)
        .flat_map(|i| {
            let (x, y) = (i % w, i / w);
            if !(20..77).contains(&x) || !(15..46).contains(&y) {
                [0, 0, 0, 0]
            } else if x < 48 {
                [0, 0, 0, 255]
            } else {
                [128, 128, 128, 128]
            }
        })
        .collect();
    let source = Pixmap::from_vec(data.clone(), w, h).unwrap();
    let raw = image::ImageBuffer::<image::Rgba<u8>, _>::from_raw(w, h, data).unwrap();
    let mut total_overshoots = 0;
    for (tw, th) in [(17, 11), (40, 25), (33, 61), (200, 126), (97, 30), (300, 7)] {
        // The same filter straight from the image crate does overshoot on this picture.
        let unclamped = image::imageops::resize(&raw, tw, th, image::imageops::FilterType::CatmullRom);
        let overshoots = unclamped.pixels().filter(|p| p.0[..3].iter().any(|&c| c > p.0[3])).count();
        let out = resize_to(&source, tw, th).unwrap();
        assert_eq!((out.width(), out.height()), (tw, th));
        let bad: Vec<_> = out.data().chunks_exact(4).filter(|p| p[..3].iter().any(|&c| c > p[3])).take(5).collect();
        assert!(bad.is_empty(), "{tw}x{th}: not premultiplied: {bad:?} (unclamped filter: {overshoots})");
        // Far from the shape the pixels stay exactly transparent.
        for (x, y) in [(0, 0), (tw - 1, 0), (0, th - 1), (tw - 1, th - 1)] {
            assert_eq!(pixel(&out, x, y), CLEAR, "{tw}x{th} corner ({x}, {y})");
        }
        total_overshoots += overshoots;
    }
    assert!(total_overshoots > 0, "the test picture should make the unclamped filter overshoot");
    // A solid colour stays exactly that colour, opaque or translucent (premultiplied).
    for color in [[37u8, 120, 201, 255], [100, 50, 25, 128], [255, 255, 255, 255], [0, 0, 0, 0]] {
        let data = color.repeat(100 * 80);
        let source = Pixmap::from_vec(data, 100, 80).unwrap();
        for (tw, th) in [(33, 27), (1, 1), (7, 80), (250, 190)] {
            let out = resize_to(&source, tw, th).unwrap();
            assert_eq!((out.width(), out.height()), (tw, th));
            assert_pixels(&out, &format!("{color:?} to {tw}x{th}"), |_, _| color);
        }
    }
    // The same size is returned unchanged.
    assert_eq!(resize_to(&source, w, h).unwrap(), source);
}
