//! Golden posters: every example of `www/examples/` and a few small focused templates
//! rendered natively and compared byte for byte with `tests/golden/poster/`. With
//! `SHARE_EARN_ACCEPT=1` the goldens that differ are rewritten and the test fails (it never
//! passes while rewriting): look at every rewritten image before committing it.
//!
//! Besides the bytes, each golden's QR code is decoded with rqrr and compared with the
//! data's `shareUrl`, and the focused templates have pixel checks whose expected values
//! come from the template itself (a corner with radius 0 is filled, a stretched EXIF photo
//! has its green bar at the top).
#![cfg(all(not(target_arch = "wasm32"), feature = "poster"))]

mod poster_support;

use poster_support::*;
use share_earn::poster::value::{parse_json, Value};
use share_earn::poster::{layout_poster, render_poster, Assets, Format, LayoutReport, RenderOptions, Template};
use std::path::PathBuf;

fn golden_dir() -> PathBuf {
    repo().join("tests/golden/poster")
}

struct Case {
    /// File name in `tests/golden/poster/`.
    file: String,
    template: Value,
    data: Value,
    assets: Assets,
    options: RenderOptions,
}

fn options(format: Format, pixel_ratio: f32, quality: u8, debug: bool) -> RenderOptions {
    RenderOptions { format, pixel_ratio, quality, debug, ..RenderOptions::default() }
}

fn example_case(name: &str, file: &str, options: RenderOptions) -> Case {
    let dir = repo().join("www/examples").join(name);
    let template = parse_json(&std::fs::read_to_string(dir.join("template.json")).unwrap(), "template").unwrap();
    let ex = example(name);
    Case { file: file.to_owned(), template, data: ex.data, assets: ex.assets, options }
}

/// Mixed runs (a price with a struck-through original price, an underlined link) and the
/// nine alignments of text in a fixed box, drawn with `debug: true` so the boxes show.
const TEXT_FEATURES: &str = r##"{
  "version": 1, "width": 360, "height": 300, "background": "#fffaf0",
  "fonts": [{ "asset": "NotoSansSC-Regular.otf" }, { "asset": "NotoSansSC-Bold.otf" }],
  "elements": [
    { "type": "text", "id": "price", "x": 16, "y": 10, "color": "#e1251b", "font": { "weight": 700 }, "runs": [
      { "text": "¥", "font": { "size": 20 } },
      { "text": "299", "font": { "size": 44 } },
      { "text": ".00 ", "font": { "size": 20 } },
      { "text": "¥599", "font": { "size": 18, "weight": 400 }, "color": "#999999", "decoration": "lineThrough" } ] },
    { "type": "text", "id": "link", "x": 16, "y": { "below": "price", "gap": 2 }, "font": { "size": 18 }, "color": "#333333",
      "runs": [ { "text": "查看" }, { "text": "使用规则", "decoration": "underline", "color": "#1677ff" },
                { "text": " · 好友专享", "letterSpacing": 4 } ] },
    { "type": "rect", "id": "b1", "x": 16, "y": 112, "width": 104, "height": 80, "fill": "#e8f0fe" },
    { "type": "text", "x": 16, "y": 112, "width": 104, "height": 80, "text": "左上", "font": { "size": 18 } },
    { "type": "rect", "id": "b2", "x": 128, "y": 112, "width": 104, "height": 80, "fill": "#e8f0fe" },
    { "type": "text", "x": 128, "y": 112, "width": 104, "height": 80, "text": "居中\n两行", "font": { "size": 18 },
      "align": "center", "verticalAlign": "middle", "lineHeight": 26 },
    { "type": "rect", "id": "b3", "x": 240, "y": 112, "width": 104, "height": 80, "fill": "#e8f0fe" },
    { "type": "text", "x": 240, "y": 112, "width": 104, "height": 80, "text": "右下", "font": { "size": 18 },
      "align": "right", "verticalAlign": "bottom" },
    { "type": "text", "x": 16, "y": 204, "width": 328, "height": 84, "font": { "size": 20 }, "lineHeight": 28,
      "maxLines": 2, "align": "center", "color": "#1f1f1f",
      "text": "【双11限定】轻薄羽绒服女短款立领保暖外套冬季新款百搭上衣 修身显瘦 加厚白鸭绒 防风防泼水" }
  ]
}"##;

/// Gradients, a radius per corner, a soft shadow, a stroke, opacity and dashed lines.
const SHAPES: &str = r##"{
  "version": 1, "width": 360, "height": 260, "background": "#ffffff",
  "elements": [
    { "type": "rect", "id": "corners", "x": 16, "y": 16, "width": 150, "height": 90, "radius": [0, 24, 48, 8],
      "fill": { "type": "linear", "angle": 0, "stops": [{ "offset": 0, "color": "#ffb13b" }, { "offset": 1, "color": "#f5222d" }] } },
    { "type": "rect", "id": "pill", "x": 194, "y": 16, "width": 150, "height": 90, "radius": 45,
      "fill": { "type": "radial", "stops": [{ "offset": 0, "color": "#ffffff" }, { "offset": 1, "color": "#1677ff" }] } },
    { "type": "rect", "id": "card", "x": 24, "y": 130, "width": 134, "height": 70, "radius": 12, "fill": "#ffffff",
      "stroke": { "width": 2, "color": "#dddddd" }, "shadow": { "x": 0, "y": 8, "blur": 20, "color": "rgba(0, 0, 0, 0.45)" } },
    { "type": "rect", "id": "red", "x": 194, "y": 126, "width": 90, "height": 80, "fill": "#ff0000" },
    { "type": "rect", "id": "blue", "x": 244, "y": 146, "width": 100, "height": 60, "fill": "#0000ff", "opacity": 0.5 },
    { "type": "line", "id": "dashed", "x": 16, "y": 224, "length": 328, "thickness": 2, "style": "dashed", "color": "#666666" },
    { "type": "line", "id": "dotted", "x": 16, "y": 244, "length": 328, "thickness": 4, "style": "dotted", "color": "#e1251b" },
    { "type": "line", "id": "vertical", "x": 176, "y": 120, "length": 90, "direction": "vertical", "thickness": 1,
      "dash": [6, 3], "color": "#1677ff" }
  ]
}"##;

/// `photo.jpg` is stored 640x480 with EXIF orientation 6; upright it is 480x640 with a green
/// bar along the top, a red arrow pointing up and a yellow square bottom left.
const IMAGES: &str = r##"{
  "version": 1, "width": 480, "height": 330, "background": "#f0f0f0",
  "elements": [
    { "type": "image", "id": "coverTop", "asset": "photo.jpg", "x": 12, "y": 12, "width": 140, "height": 90, "fit": "cover", "position": "top" },
    { "type": "image", "id": "coverBottom", "asset": "photo.jpg", "x": 164, "y": 12, "width": 140, "height": 90, "fit": "cover", "position": "bottom" },
    { "type": "image", "id": "fill", "asset": "photo.jpg", "x": 316, "y": 12, "width": 152, "height": 90, "fit": "fill" },
    { "type": "rect", "x": 12, "y": 114, "width": 140, "height": 90, "fill": "#dddddd" },
    { "type": "image", "id": "containLeft", "asset": "photo.jpg", "x": 12, "y": 114, "width": 140, "height": 90, "fit": "contain", "position": "left" },
    { "type": "rect", "x": 164, "y": 114, "width": 140, "height": 90, "fill": "#dddddd" },
    { "type": "image", "id": "containRight", "asset": "photo.jpg", "x": 164, "y": 114, "width": 140, "height": 90, "fit": "contain", "position": [1, 0.5] },
    { "type": "image", "id": "avatar", "asset": "avatar.jpg", "x": 340, "y": 124, "width": 80, "height": 80, "circle": true,
      "border": { "width": 4, "color": "#e1251b" }, "shadow": { "y": 4, "blur": 10, "color": "rgba(0, 0, 0, 0.35)" } },
    { "type": "image", "id": "logo", "asset": "logo.png", "x": 428, "y": 224, "width": 40, "height": 40 },
    { "type": "image", "id": "upright", "asset": "photo.jpg", "x": 12, "y": 216, "width": 84, "height": 112, "fit": "fill", "radius": [16, 0, 16, 0] },
    { "type": "image", "id": "faded", "asset": "photo.jpg", "x": 108, "y": 216, "width": 84, "height": 112, "opacity": 0.4 },
    { "type": "image", "id": "rounded", "asset": "product.jpg", "x": 204, "y": 216, "width": 200, "height": 106, "radius": 20, "position": "center" }
  ]
}"##;

fn focused_assets() -> Assets {
    let mut assets = fonts();
    let ex = repo().join("www/examples");
    assets.insert("photo.jpg", std::fs::read(ex.join("photo-exif/assets/photo.jpg")).unwrap());
    for name in ["avatar.jpg", "logo.png", "product.jpg"] {
        assets.insert(name, std::fs::read(ex.join("w2-product/assets").join(name)).unwrap());
    }
    assets
}

fn focused(file: &str, template: &str, debug: bool) -> Case {
    Case {
        file: file.to_owned(),
        template: parse_json(template, "template").unwrap(),
        data: Value::Object(Vec::new()),
        assets: focused_assets(),
        options: options(Format::Png, 1.0, 90, debug),
    }
}

fn cases() -> Vec<Case> {
    let mut cases: Vec<Case> = examples()
        .iter()
        .map(|ex| example_case(&ex.name, &format!("{}.png", ex.name), options(Format::Png, 1.0, 90, false)))
        .collect();
    assert!(cases.len() >= 4, "the examples are gone: {}", cases.len());
    cases.push(example_case("w2-product", "w2-product@2x.png", options(Format::Png, 2.0, 90, false)));
    cases.push(example_case("w2-product", "w2-product-q80.jpg", options(Format::Jpeg, 1.0, 80, false)));
    cases.push(focused("text-features.png", TEXT_FEATURES, true));
    cases.push(focused("shapes.png", SHAPES, false));
    cases.push(focused("images.png", IMAGES, false));
    cases
}

/// Decodes PNG or JPEG bytes to RGBA (the JPEG with the `image` crate).
fn decode(bytes: &[u8], format: Format) -> (Vec<u8>, u32, u32) {
    match format {
        Format::Png => png_rgba(bytes),
        Format::Jpeg => {
            let img = image::load_from_memory_with_format(bytes, image::ImageFormat::Jpeg).unwrap().to_rgba8();
            let (w, h) = img.dimensions();
            (img.into_raw(), w, h)
        }
        Format::Rgba => panic!("no golden is raw RGBA"),
    }
}

/// The QR elements of a template value: (index, whether its finders are all square).
fn qr_elements(template: &Value) -> Vec<(usize, bool)> {
    let Some(Value::Array(elements)) = template.get("elements") else { return Vec::new() };
    let shape = |e: &Value, key: &str| e.get(key).and_then(Value::as_text);
    elements
        .iter()
        .enumerate()
        .filter(|(_, e)| e.get("type").and_then(Value::as_text).as_deref() == Some("qr"))
        .map(|(i, e)| {
            let outer = shape(e, "finderShape").unwrap_or_else(|| "square".into());
            let inner = shape(e, "finderInnerShape").unwrap_or_else(|| outer.clone());
            (i, outer == "square" && inner == "square")
        })
        .collect()
}

/// The template with every QR element's finders square (rqrr, a port of quirc, finds a
/// finder by the corners of its outer ring: it cannot read rounded or circular ones).
fn with_square_finders(template: &Value) -> Value {
    let mut t = template.clone();
    if let Value::Object(members) = &mut t {
        for (key, value) in members.iter_mut() {
            if let (true, Value::Array(elements)) = (key == "elements", value) {
                for e in elements.iter_mut() {
                    if let Value::Object(fields) = e {
                        if fields.iter().any(|(k, v)| k == "type" && *v == Value::String("qr".into())) {
                            fields.retain(|(k, _)| k != "finderShape" && k != "finderInnerShape");
                        }
                    }
                }
            }
        }
    }
    t
}

/// Checks the QR codes of a rendered golden against `data.shareUrl`. Codes with square
/// finders are read from the golden itself. For codes with rounded finders, the same poster
/// with square finders is read instead, and the golden must differ from it only inside the
/// three finder squares (so its data modules are exactly those of a readable code).
fn check_qr(case: &Case, report: &LayoutReport, golden: &[u8]) -> Result<(), String> {
    let qrs = qr_elements(&case.template);
    if qrs.is_empty() {
        return Ok(());
    }
    let url = case.data.get("shareUrl").and_then(Value::as_text).ok_or("a template with a QR code and no shareUrl")?;
    let (rgba, w, h) = decode(golden, case.options.format);
    if qrs.iter().all(|(_, square)| *square) {
        let codes = read_qr_codes(&rgba, w, h);
        return if codes.contains(&url) { Ok(()) } else { Err(format!("QR codes read {codes:?}, expected {url}")) };
    }
    assert_eq!(case.options.format, Format::Png, "rounded finders are compared pixel by pixel, in PNG only");
    let square = Template::from_value(&with_square_finders(&case.template)).map_err(|e| e.to_string())?;
    let variant = render_poster(&square, &case.data, &case.assets, &case.options).map_err(|e| e.to_string())?;
    let (vrgba, vw, vh) = png_rgba(&variant.bytes);
    assert_eq!((vw, vh), (w, h));
    let codes = read_qr_codes(&vrgba, vw, vh);
    if !codes.contains(&url) {
        return Err(format!("with square finders, QR codes read {codes:?}, expected {url}"));
    }
    // The finder squares of every QR element, in device px: placement as documented by
    // `qr::placement` (whole pixels per module, centred in the box).
    let ratio = report.pixel_ratio;
    let mut finder_boxes = Vec::new();
    for (index, _) in &qrs {
        let e = &report.elements[*index];
        let quiet = case.template.get("elements").and_then(|els| match els {
            Value::Array(items) => items[*index].get("quietZone").cloned(),
            _ => None,
        });
        let quiet = match quiet {
            Some(Value::Number(q)) => q as u32,
            _ => 2,
        };
        let modules = e.qr.as_ref().unwrap().modules + 2 * quiet;
        let box_px = (e.width * ratio).round() as u32;
        let m = box_px / modules;
        let margin = (box_px - m * modules) / 2;
        let (x0, y0) = ((e.x * ratio).round() as u32 + margin, (e.y * ratio).round() as u32 + margin);
        let n = e.qr.as_ref().unwrap().modules;
        // Modules quiet-1 .. quiet+8 of each corner (finder and separator), one pixel of
        // anti-aliasing around.
        let lo = (quiet - 1) * m;
        let side = 9 * m;
        let far = (quiet + n - 8) * m;
        for (fx, fy) in [(lo, lo), (far, lo), (lo, far)] {
            finder_boxes.push((x0 + fx - 1, y0 + fy - 1, x0 + fx + side + 1, y0 + fy + side + 1));
        }
    }
    let mut outside = 0;
    let mut inside = 0;
    for y in 0..h {
        for x in 0..w {
            let i = ((y * w + x) * 4) as usize;
            if rgba[i..i + 4] != vrgba[i..i + 4] {
                if finder_boxes.iter().any(|&(x0, y0, x1, y1)| x >= x0 && x < x1 && y >= y0 && y < y1) {
                    inside += 1;
                } else {
                    outside += 1;
                }
            }
        }
    }
    if outside > 0 || inside == 0 {
        return Err(format!(
            "the golden differs from its square-finder twin in {outside} pixels outside the finders and {inside} inside"
        ));
    }
    Ok(())
}

/// `(r, g, b, a)` at template px `(x, y)`.
fn pixel(rgba: &[u8], w: u32, x: u32, y: u32) -> [u8; 4] {
    let i = ((y * w + x) * 4) as usize;
    [rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]]
}

fn near(actual: [u8; 4], expected: [u8; 3], tolerance: u8, what: &str) {
    let ok = (0..3).all(|c| actual[c].abs_diff(expected[c]) <= tolerance);
    assert!(ok, "{what}: {actual:?}, expected about {expected:?} (±{tolerance})");
}

/// Checks of the focused goldens that do not depend on the golden: what the template says.
fn check_pixels(file: &str, rgba: &[u8], w: u32) {
    let px = |x: u32, y: u32| pixel(rgba, w, x, y);
    match file {
        "shapes.png" => {
            // Radius 0 top left: the corner pixel is painted; radius 48 bottom right: the
            // pixel 3 px inside the corner is outside the arc (48 - 48/√2 ≈ 14 px of the
            // diagonal are cut), so it is the white background.
            let corner = px(16, 16);
            assert!(corner[1] < 220 && corner[2] < 120, "square corner painted: {corner:?}");
            near(px(16 + 150 - 3, 16 + 90 - 3), [255, 255, 255], 0, "round corner cut");
            // Linear gradient at angle 0 runs left to right: the left edge is the first stop.
            near(px(17, 60), [0xff, 0xb1, 0x3b], 6, "gradient start");
            near(px(16 + 148, 50), [0xf5, 0x22, 0x2d], 6, "gradient end");
            // Radial gradient: white in the centre.
            near(px(194 + 75, 16 + 45), [255, 255, 255], 4, "radial centre");
            // Blue at 50 % over red: (255 * 0.5, 0, 255 * 0.5) within rounding; over white:
            // (127, 127, 255).
            near(px(260, 180), [128, 0, 128], 2, "blue over red");
            near(px(320, 180), [128, 128, 255], 2, "blue over white");
            // The shadow: below the card (offset 8, blur 20) the background is darkened,
            // less farther away, and not at all far below.
            let (a, b) = (px(90, 204)[0], px(90, 214)[0]);
            assert!(a < b && b < 255, "shadow fades: {a} then {b}");
            near(px(90, 250), [255, 255, 255], 0, "no shadow far below");
            // Dashed line (on 6, off 4 at thickness 2): both ink and gaps along its middle.
            let row: Vec<u8> = (16..344).map(|x| px(x, 225)[0]).collect();
            assert!(row.iter().any(|&v| v < 140) && row.contains(&255), "dashes and gaps");
        }
        "images.png" => {
            // Stretched upright photo at (12, 216) 84 x 112: the green bar on top, the
            // yellow square bottom left, red arrow in the middle near the top.
            let (x, y, bw, bh) = (12.0, 216.0, 84.0, 112.0);
            let at = |fx: f32, fy: f32| px((x + fx * bw) as u32, (y + fy * bh) as u32);
            let green = at(0.5, 0.03);
            assert!(green[1] > 120 && green[0] < 100 && green[2] < 120, "green bar on top: {green:?}");
            let yellow = at(0.1, 0.93);
            assert!(yellow[0] > 200 && yellow[1] > 170 && yellow[2] < 90, "yellow square bottom left: {yellow:?}");
            let arrow_tip = at(0.5, 0.3);
            assert!(arrow_tip[0] > 180 && arrow_tip[1] < 90, "red arrow in the middle: {arrow_tip:?}");
            // The arrow points up: near its tip it is narrow, lower down it is wide.
            let red_width = |fy: f32| {
                (0..84).filter(|&dx| at(dx as f32 / bw, fy)[0] > 180 && at(dx as f32 / bw, fy)[1] < 90).count()
            };
            assert!(red_width(0.27) < red_width(0.45), "arrow points up: {} vs {}", red_width(0.27), red_width(0.45));
            // Cover, top: the green bar is at the top of the box; cover, bottom: not.
            let top = px(82, 14);
            assert!(top[1] > 120 && top[0] < 100, "cover top shows the green bar: {top:?}");
            let bottom = px(234, 14);
            assert!(!(bottom[1] > 120 && bottom[0] < 100 && bottom[2] < 120), "cover bottom does not: {bottom:?}");
            // Contain, left: the 3:4 photo is 67.5 px wide at the left of the 140 px box;
            // the rest is the grey rect behind.
            near(px(12 + 130, 160), [0xdd, 0xdd, 0xdd], 0, "contain left leaves the right side");
            near(px(164 + 10, 160), [0xdd, 0xdd, 0xdd], 0, "contain right leaves the left side");
            // The ring round the circle avatar is red at its top.
            near(px(380, 122), [0xe1, 0x25, 0x1b], 40, "ring");
        }
        _ => {}
    }
}

#[test]
fn golden_posters() {
    let accept = std::env::var_os("SHARE_EARN_ACCEPT").is_some();
    let actual_dir = repo().join("target/poster-golden");
    std::fs::create_dir_all(&actual_dir).unwrap();
    let (mut rewritten, mut differ, mut failures) = (Vec::new(), Vec::new(), Vec::new());
    for case in cases() {
        let template = Template::from_value(&case.template).unwrap_or_else(|e| panic!("{}: {e}", case.file));
        let poster = render_poster(&template, &case.data, &case.assets, &case.options)
            .unwrap_or_else(|e| panic!("{}: {e}", case.file));
        let report = layout_poster(&template, &case.data, &case.assets, &case.options).unwrap();
        assert_eq!(poster.format, case.options.format);
        let (rgba, w, h) = decode(&poster.bytes, case.options.format);
        let ratio = case.options.pixel_ratio;
        assert_eq!((w, h), (poster.width, poster.height), "{}", case.file);
        assert_eq!((w, h), ((template.width * ratio).round() as u32, (template.height * ratio).round() as u32));
        if let Err(e) = check_qr(&case, &report, &poster.bytes) {
            failures.push(format!("{}: {e}", case.file));
        }
        check_pixels(&case.file, &rgba, w);
        let warnings: Vec<&str> = poster.warnings.iter().map(|w| w.code).collect();
        assert!(warnings.is_empty(), "{}: unexpected warnings {:?}", case.file, poster.warnings);
        let path = golden_dir().join(&case.file);
        let golden = std::fs::read(&path).unwrap_or_default();
        if golden != poster.bytes {
            if accept {
                std::fs::create_dir_all(golden_dir()).unwrap();
                std::fs::write(&path, &poster.bytes).unwrap();
                rewritten.push(case.file.clone());
            } else {
                let out = actual_dir.join(&case.file);
                std::fs::write(&out, &poster.bytes).unwrap();
                differ.push(format!("{} (this render: target/poster-golden/{})", case.file, case.file));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(
        differ.is_empty(),
        "differ from tests/golden/poster/: {differ:#?}; look at both, then run with SHARE_EARN_ACCEPT=1"
    );
    // Accepting never passes, even when nothing differed, so that it cannot stay switched on.
    assert!(
        !accept,
        "SHARE_EARN_ACCEPT is set: rewrote {rewritten:?} in tests/golden/poster/; look at them and run again without it"
    );
}

/// The JPEG golden is the PNG golden's poster: decoded, it is close to it everywhere (JPEG
/// at quality 80 moves a channel by a few levels on average).
#[test]
fn the_jpeg_golden_is_the_png_golden_within_jpeg_error() {
    let png = std::fs::read(golden_dir().join("w2-product.png")).expect("the PNG golden");
    let jpeg = std::fs::read(golden_dir().join("w2-product-q80.jpg")).expect("the JPEG golden");
    let (a, w, h) = png_rgba(&png);
    let (b, w2, h2) = decode(&jpeg, Format::Jpeg);
    assert_eq!((w, h), (w2, h2));
    let total: u64 =
        a.iter().zip(&b).enumerate().filter(|(i, _)| i % 4 != 3).map(|(_, (x, y))| x.abs_diff(*y) as u64).sum();
    let mean = total as f64 / (w as f64 * h as f64 * 3.0);
    assert!(mean < 4.0, "mean channel difference {mean}");
}
