//! Writes a gallery of styled QR codes as PNG files, with a manifest of what each one
//! encodes, for a second decoder (`tests/zxing/decode_gallery.py`) and for looking at.
//!
//! `cargo run --release --example qr_gallery -- out/qr-gallery`

use share_earn::imaging::encode_png;
use share_earn::qr::{
    build_symbol, qr_pixmap, EcLevel, FinderShape, LogoArt, LogoImage, LogoReserve, ModuleShape, Oversize, Paint,
    QrStyle, Rgba, Stop, SymbolOptions,
};
use std::fmt::Write as _;
use std::path::PathBuf;

const SHARE_URL: &str =
    "https://shop.example.com/p/10086?ref=K7M2Q9XD&utm_source=wechat&utm_medium=poster&utm_campaign=double11";

/// A logo drawn here, so the gallery needs no asset: a red square with a white ring.
fn sample_logo() -> Vec<u8> {
    use share_earn::imaging::{Path, Pixmap, Shader};
    let red = Rgba { r: 0xe4, g: 0x39, b: 0x3c, a: 255 };
    let mut p = Pixmap::new(240, 180).expect("small pixmap");
    p.fill(red);
    for (d, color) in [(120.0, Rgba::WHITE), (80.0, red)] {
        let circle = Path::ellipse(120.0 - d / 2.0, 90.0 - d / 2.0, d, d).expect("circle");
        Shader::Solid(color).fill_path(&mut p, &circle, 255);
    }
    encode_png(&p)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "out/qr-gallery".into()));
    std::fs::create_dir_all(&dir)?;
    let logo = LogoImage::decode(&sample_logo(), "logo")?;
    let gradient = Paint::Linear {
        angle: 45.0,
        stops: vec![
            Stop { offset: 0.0, color: Rgba { r: 0xc4, g: 0x1d, b: 0x2f, a: 255 } },
            Stop { offset: 1.0, color: Rgba { r: 0x1b, g: 0x1f, b: 0x5e, a: 255 } },
        ],
    };
    let long_url = format!("{SHARE_URL}&from=%E5%88%86%E4%BA%AB&{}", "k=v&".repeat(40));
    let texts =
        [("url", SHARE_URL.to_string()), ("cjk", "分享赚 ¥12.34 邀请码 K7M2-Q9XD".to_string()), ("long", long_url)];
    let modules = [("square", ModuleShape::Square), ("rounded", ModuleShape::Rounded), ("dots", ModuleShape::Dots)];
    let finders = [("square", FinderShape::Square), ("rounded", FinderShape::Rounded), ("circle", FinderShape::Circle)];
    // No logo; a small one; the largest the code affords (0.5 is always shrunk to it).
    let logos = [("plain", None), ("logo20", Some(0.2)), ("logomax", Some(0.5))];
    let mut manifest = String::new();
    let mut count = 0;
    for (text_name, text) in &texts {
        for (module_name, module_shape) in modules {
            for (outer_name, finder_outer) in finders {
                for (inner_name, finder_inner) in finders {
                    if finder_outer == FinderShape::Circle && finder_inner == FinderShape::Square {
                        // Refused by QrStyle::validate: ZXing cannot read it.
                        continue;
                    }
                    for (logo_name, logo_size) in logos {
                        for level in [None, Some(EcLevel::H)] {
                            let style = QrStyle {
                                module_shape,
                                finder_outer,
                                finder_inner,
                                foreground: if logo_size.is_some() {
                                    gradient.clone()
                                } else {
                                    Paint::Solid(Rgba::BLACK)
                                },
                                ..QrStyle::default()
                            };
                            style.validate()?;
                            let options = SymbolOptions {
                                ec_level: level,
                                logo: logo_size.map(|size| LogoReserve {
                                    size,
                                    padding: 1,
                                    oversize: Oversize::Shrink,
                                }),
                            };
                            let art = LogoArt {
                                image: logo_size.map(|_| logo.clone()),
                                background: Some(Rgba::WHITE),
                                radius: 0.2,
                            };
                            let symbol = build_symbol(text, &options)?;
                            let level_name = symbol.matrix.ec_level().name();
                            // Three pixels a module (the least a phone needs), and 333 px.
                            let small = (symbol.matrix.width() as u32 + 8) * 3;
                            for size in [small, 333] {
                                let (pixmap, _) = qr_pixmap(&symbol, &style, &art, size)?;
                                let name = format!(
                                    "{text_name}-{module_name}-{outer_name}-{inner_name}-{logo_name}-{level_name}-{size}.png"
                                );
                                std::fs::write(dir.join(&name), encode_png(&pixmap))?;
                                let _ =
                                    writeln!(manifest, "{name}\t{}", text.replace('\\', "\\\\").replace('\t', "\\t"));
                                count += 1;
                            }
                        }
                    }
                }
            }
        }
    }
    std::fs::write(dir.join("manifest.tsv"), manifest)?;
    println!("{count} codes written to {}", dir.display());
    Ok(())
}
