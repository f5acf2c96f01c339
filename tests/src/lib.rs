#![doc = include_str!("../../README.md")]
//!
//! ---
//!
//! `steamspec-tests`: the cross-crate tests. The README above is this crate's
//! documentation so that `cargo test --doc -p steamspec-tests` compile-checks
//! its Rust examples. The library holds the helpers of the loopback-server
//! tests: [`spec_example`] (the spec's examples and their wire form) and
//! [`loopback`] (the server and the parsed wire request).

pub mod loopback;
pub mod spec_example;
