//! Image bytes in and out, shared by the QR raster output and the poster engine:
//!
//! - [`decode`]: PNG and JPEG bytes -> premultiplied RGBA pixels, with limits checked
//!   from the header before any pixel is decoded, and EXIF orientation applied;
//! - [`resample`]: high-quality scaling of decoded pixels to the size they are drawn at;
//! - [`png`]: pixels -> PNG bytes, in the smallest colour type that holds them exactly.

pub mod decode;
mod orient;
pub mod png;
pub mod resample;

pub use decode::{decode_image, DecodeLimits};
pub use png::encode_png;
pub use resample::resize_to;
