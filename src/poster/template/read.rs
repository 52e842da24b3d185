//! The template reader: the shared JSON reader, whose errors are `TEMPLATE_INVALID`.

pub(crate) use crate::value::read::*;
