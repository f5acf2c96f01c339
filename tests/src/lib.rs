#![doc = include_str!("../../README.md")]
//!
//! ---
//!
//! `steamspec-tests`: the cross-crate tests. The README above is this crate's
//! documentation, and each crate's guide the documentation of a module of
//! [`guides`], so that `cargo test --doc -p steamspec-tests` compile-checks
//! their Rust examples against the real generated API. The library holds the helpers of the loopback-server
//! tests: [`spec_example`] (the spec's examples and their wire form),
//! [`loopback`] (the servers and the parsed wire request) and [`clients`]
//! (clients of those servers set up by hand, and the call the fault tests
//! make), and [`workspace_dir`].

use std::path::{Path, PathBuf};

pub mod clients;
pub mod counting;
pub mod loopback;
pub mod spec_example;

/// The crates' guides, one module each, compiled here as doc tests: their
/// examples need the generated client with every feature, which only this
/// crate has at hand.
pub mod guides {
    /// `generated/README.md`.
    #[doc = include_str!("../../generated/README.md")]
    pub mod client {}

    /// `codegen/README.md`.
    #[doc = include_str!("../../codegen/README.md")]
    pub mod codegen {}

    /// `macros/README.md`.
    #[doc = include_str!("../../macros/README.md")]
    pub mod derive {}

    /// `tests/consumers/README.md`.
    #[doc = include_str!("../../tests/consumers/README.md")]
    pub mod consumers {}
}

/// The workspace root: the folder of `spec/`, `codegen/` and `tests/`.
pub fn workspace_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate lives in the workspace")
        .to_path_buf()
}
