//! Localization tokens of game notifications: the `{{variable}}` placeholders
//! of their texts, and the [`TokenSet`] the client checks `LocalizedText`
//! values against before sending.
//!
//! `steamspec tokens check` runs the full checks over a game's token files;
//! this is what a running service needs.

pub mod file;
pub mod placeholder;
mod set;

pub use set::{TokenSet, TokenSetError, reference_name};
