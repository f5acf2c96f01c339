//! The spec format as written in YAML: the files' shapes, positions of their values, and the
//! grammar of type expressions. The loader turns this into the resolved model.

pub mod format;
pub mod ordered_map;
pub mod pos;
pub mod schema;
pub mod typeexpr;
