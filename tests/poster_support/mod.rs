//! Loading the examples in `www/examples/` and reading back the QR codes of rendered
//! posters, shared by the poster tests.
#![allow(dead_code)]

use share_earn::poster::{value::parse_json, value::Value, Assets, Template};
use std::path::{Path, PathBuf};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled OFL font subset, as assets named by file name.
pub fn fonts() -> Assets {
    let mut assets = Assets::new();
    add_dir(&mut assets, &repo().join("www/examples/fonts"));
    assets
}

/// Every file of `dir` whose extension is an image or font, named by file name.
pub fn add_dir(assets: &mut Assets, dir: &Path) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ["png", "jpg", "jpeg", "otf", "ttf"].contains(&ext) {
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            assets.insert(name, std::fs::read(&path).unwrap());
        }
    }
}

pub struct Example {
    pub name: String,
    pub template: Template,
    pub data: Value,
    pub assets: Assets,
}

/// Every example of `www/examples/` (the folders with a `template.json`), sorted by name.
pub fn examples() -> Vec<Example> {
    let root = repo().join("www/examples");
    let mut names: Vec<String> = std::fs::read_dir(&root)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("template.json").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names.into_iter().map(|name| example(&name)).collect()
}

pub fn example(name: &str) -> Example {
    let dir = repo().join("www/examples").join(name);
    let template = Template::from_json(&std::fs::read_to_string(dir.join("template.json")).unwrap())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let data = parse_json(&std::fs::read_to_string(dir.join("data.json")).unwrap(), "data").unwrap();
    let mut assets = fonts();
    if dir.join("assets").is_dir() {
        add_dir(&mut assets, &dir.join("assets"));
    }
    Example { name: name.to_owned(), template, data, assets }
}

/// The texts of every QR code rqrr finds in an RGBA image.
pub fn read_qr_codes(rgba: &[u8], width: u32, height: u32) -> Vec<String> {
    let luma = |x: usize, y: usize| {
        let i = (y * width as usize + x) * 4;
        let (r, g, b) = (rgba[i] as u32, rgba[i + 1] as u32, rgba[i + 2] as u32);
        ((r * 299 + g * 587 + b * 114) / 1000) as u8
    };
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(width as usize, height as usize, luma);
    img.detect_grids().iter().filter_map(|g| g.decode().ok().map(|(_, text)| text)).collect()
}

/// Decodes PNG bytes to straight RGBA with the `png` crate.
pub fn png_rgba(bytes: &[u8]) -> (Vec<u8>, u32, u32) {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::ALPHA);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    let rgba = match info.color_type {
        png::ColorType::Rgba => buf,
        png::ColorType::GrayscaleAlpha => buf.chunks_exact(2).flat_map(|p| [p[0], p[0], p[0], p[1]]).collect(),
        other => panic!("unexpected colour type {other:?}"),
    };
    (rgba, info.width, info.height)
}
