//! The pixel work of share-earn: image bytes in and out, and drawing, shared by its QR
//! raster output and its poster engine.
//!
//! - [`decode`]: PNG and JPEG bytes -> premultiplied RGBA pixels, with limits checked
//!   from the header before any pixel is decoded, and EXIF orientation applied;
//! - [`resample`]: high-quality scaling of decoded pixels to the size they are drawn at;
//! - [`png`]: pixels -> PNG bytes, in the smallest colour type that holds them exactly;
//! - [`pixmap`], [`path`], [`paint`]: the drawing surface, vector shapes and their
//!   anti-aliased coverage, and colours and gradients laid through that coverage;
//! - [`blur`]: the Gaussian blur of shadows, on coverage;
//! - [`Rgba`]: the colour type of all of them;
//! - [`qr_penalty`]: the penalty score by which a QR mask is chosen, as hot as the rest.
//!
//! It is a crate of its own for one reason: to be compiled for speed while `share_earn` is
//! compiled for size. Every loop that touches each pixel of an image is here, together with
//! the codecs' generic code instantiated for the readers it is used with, so that the
//! release profile can build this crate at `opt-level = 3` and the rest of share-earn at
//! `"z"` (the root `Cargo.toml` has the figures). `share_earn` re-exports the drawing and
//! image types at `share_earn::imaging` and `share_earn::qr::Rgba`: use them from there.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod blur;
mod color;
pub mod decode;
mod jpeg;
mod orient;
pub mod paint;
pub mod path;
pub mod pixmap;
pub mod png;
pub mod qr_penalty;
pub mod resample;
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd;

pub use self::png::encode_png;
pub use color::Rgba;
pub use decode::{decode_image, DecodeError, DecodeLimits};
pub use paint::Shader;
pub use path::{Area, Coverage, Path};
pub use pixmap::Pixmap;
pub use resample::resize_to;
