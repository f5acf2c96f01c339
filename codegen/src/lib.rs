//! steamspec: turns YAML descriptions of the Steam Web API (and backpack.tf) into a typed Rust
//! client and JSON Schemas, and checks `GetSupportedAPIList` output against them.
//!
//! The pipeline: [`load`] reads `spec/` into the resolved [`model`]; each consumer reads only
//! the model.

// Every public item is documented: the library is called from users' build scripts.
#![warn(missing_docs)]

pub mod diag;
pub mod diff;
pub mod drift;
pub mod emit;
pub mod generate;
pub mod import;
pub mod input;
pub mod load;
pub mod model;
mod parallel;
pub mod probe;
pub mod responses;
pub mod sarif;
pub mod syntax;
pub mod tokens;

pub use load::{LoadError, Loaded, load_dir};
