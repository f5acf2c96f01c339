//! The test kit `steam_webapi::testing`: the fake Steam made from the spec.
//!
//! - [`served`]: every example of the spec, sent as the spec's wire form, is accepted and
//!   answered with its operation's first example.
//! - [`stubs`]: each kind of stub, sequences, matching on the request.
//! - [`mismatches`]: requests the spec would not produce are answered 400 and listed.
//! - [`clients`]: the async and blocking clients, 100 calls at once.

mod clients;
mod mismatches;
mod served;
mod stubs;
