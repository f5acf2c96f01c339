//! The spec format as written in YAML.

pub mod format;
pub mod num;
pub mod ordered_map;
pub mod schema;
