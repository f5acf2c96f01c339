//! Emitters: each reads only the resolved model.

pub mod docs;
pub mod openapi;
pub mod rust;
pub mod schema;

/// One file an emitter writes, relative to the output folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Relative path with `/` separators, e.g. `src/api/isteam_user.rs`.
    pub path: String,
    /// The spec file (or folder) it is made from, for the header.
    pub source: String,
    /// The file's whole text, the generated-file marker included.
    pub contents: String,
}
