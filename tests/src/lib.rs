#![doc = include_str!("../../README.md")]
//!
//! ---
//!
//! `steamspec-tests`: the cross-crate tests. The README above is this crate's
//! documentation so that `cargo test --doc -p steamspec-tests` compile-checks
//! its Rust examples. The library holds the helpers of the loopback-server
//! tests: [`spec_example`] (the spec's examples and their wire form),
//! [`loopback`] (the servers and the parsed wire request) and [`clients`]
//! (clients of those servers set up by hand, and the call the fault tests
//! make), and [`workspace_dir`].

use std::path::{Path, PathBuf};

pub mod clients;
pub mod counting;
pub mod loopback;
pub mod spec_example;

/// The workspace root: the folder of `spec/`, `codegen/` and `tests/`.
pub fn workspace_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate lives in the workspace")
        .to_path_buf()
}
