//! Typed client for the Steam Web API and the backpack.tf notifications API.
//!
//! This file is hand-written; the machine-written client modules live under
//! `api/`, and the support they build on in the `steam-webapi-runtime` crate
//! (`runtime/`), re-exported here under the same paths.
//!
//! - [`validate`]: the [`Validate`] trait and derive that check values against
//!   the constraints of the spec before a request is sent.
//! - [`Client`] (async) and, with the `blocking` feature, `blocking::Client`:
//!   built with [`Client::builder`]; every call returns [`Error`] on failure.
//! - [`SteamId`], [`Maybe`] and the [`wire`] number helpers used by the types.
//! - [`endpoint`]: what each generated request type says about its operation.

// Every public item has a doc, the generated ones from the spec: clippy's `-D warnings` in CI
// keeps it so.

// Lets the derive's expansion name `::steam_webapi::...` inside this crate too.
extern crate self as steam_webapi;

mod client;

/// A fake Steam for tests (feature `testing`).
#[cfg(feature = "testing")]
pub mod testing;

// The machine-written client: one module per interface, each behind its Cargo feature.
// prettyplease formats it; rustfmt must not (`steamspec check` compares the bytes).
#[rustfmt::skip]
mod api;
// Empty when every interface feature is off (a runtime-only build).
#[allow(unused_imports)]
pub use api::*;

// Inlined, so the runtime's items are documented here under the paths users write.
#[doc(inline)]
pub use steam_webapi_runtime::validate;

/// The trait and, under the same name, its derive (`#[derive(steam_webapi::Validate)]`);
/// see [`validate`] for the attributes.
#[doc(inline)]
pub use steam_webapi_runtime::validate::Validate;

pub use client::{Client, ClientBuilder};
#[doc(inline)]
pub use steam_webapi_runtime::budget::{BudgetStore, MemoryStore, RateLimit};
#[doc(inline)]
pub use steam_webapi_runtime::endpoint::ProviderId;
#[doc(inline)]
pub use steam_webapi_runtime::error::{Error, TransportKind};
#[doc(inline)]
pub use steam_webapi_runtime::format::Format;
#[doc(inline)]
pub use steam_webapi_runtime::maybe::Maybe;
#[doc(inline)]
pub use steam_webapi_runtime::retry::{Jitter, RetryPolicy};
#[doc(inline)]
pub use steam_webapi_runtime::steamid::{ParseSteamIdError, SteamId};
#[doc(inline)]
pub use steam_webapi_runtime::tokens::TokenSet;
#[doc(inline)]
pub use steam_webapi_runtime::{backoff, batch, budget, endpoint, pages, retry, tokens, vdf, wire};

/// The blocking client (feature `blocking`).
#[cfg(feature = "blocking")]
pub use client::blocking;

/// Support for macro expansions; not a public API.
#[doc(hidden)]
pub use steam_webapi_runtime::__private;
