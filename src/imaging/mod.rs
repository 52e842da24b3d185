//! Image bytes in and out, shared by the QR raster output and the poster engine:
//!
//! - [`decode`]: PNG and JPEG bytes -> premultiplied RGBA pixels, with limits checked
//!   from the header before any pixel is decoded, and EXIF orientation applied;
//! - [`resample`]: high-quality scaling of decoded pixels to the size they are drawn at;
//! - [`png`]: pixels -> PNG bytes, in the smallest colour type that holds them exactly;
//! - [`pixmap`], [`path`], [`paint`]: the drawing surface, vector shapes and their
//!   anti-aliased coverage, and colours and gradients laid through that coverage.

pub mod decode;
mod orient;
pub mod paint;
pub mod path;
pub mod pixmap;
pub mod png;
pub mod resample;
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd;

pub use decode::{decode_image, DecodeLimits};
pub use paint::Shader;
pub use path::{Area, Coverage, Path};
pub use pixmap::Pixmap;
pub use png::encode_png;
pub use resample::resize_to;
