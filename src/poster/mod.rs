//! Share posters: a JSON template, a data object and the caller's assets (images and
//! fonts, as bytes) rendered to PNG or JPEG, the same on every platform.

pub mod text;
