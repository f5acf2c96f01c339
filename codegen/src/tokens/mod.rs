//! Localization tokens of game notifications: a game's token files (VDF, in
//! either of Steam's two layouts) checked, previewed and turned into typed
//! Rust tokens.
//!
//! - [`Catalog`]: every language block of the files read, with places.
//! - [`check()`]: the rules of `steamspec tokens check`; [`Report`] prints them.
//! - [`render()`]: what a player of one language sees.
//! - [`emit()`] and [`build_script`]: one Rust type per token.
//!
//! The VDF reader, the layouts and the `{{variable}}` parser are the
//! runtime's (`steam_webapi_runtime::{vdf, tokens}`): the client's
//! `TokenSet` reads the same files the same way.

mod build;
pub mod catalog;
pub mod check;
pub mod emit;
pub mod languages;
pub mod render;
pub mod report;
pub mod source;

pub use build::build_script;
pub use catalog::Catalog;
pub use check::check;
pub use emit::emit;
pub use render::render;
pub use report::{Format, Report};
