//! Typed client for the Steam Web API and the backpack.tf notifications API.
//!
//! This file is hand-written; the machine-written client modules live under
//! `api/`, and the support they build on under `runtime/`.
//!
//! - [`validate`]: the [`Validate`] trait and derive that check values against
//!   the constraints of the spec before a request is sent.
//! - [`Client`] (async) and, with the `blocking` feature, `blocking::Client`:
//!   built with [`Client::builder`]; every call returns [`Error`] on failure.
//! - [`SteamId`], [`Maybe`] and the [`wire`] number helpers used by the types.
//! - [`endpoint`]: what each generated request type says about its operation.

// Lets the derive's expansion name `::steam_webapi::...` inside this crate too.
extern crate self as steam_webapi;

mod runtime;

// The machine-written client: one module per interface, each behind its Cargo feature.
// prettyplease formats it; rustfmt must not (`steamspec check` compares the bytes).
#[rustfmt::skip]
mod api;
// Empty when every interface feature is off (a runtime-only build).
#[allow(unused_imports)]
pub use api::*;

pub use runtime::validate;

/// The trait and, under the same name, its derive (`#[derive(steam_webapi::Validate)]`);
/// see [`validate`] for the attributes.
pub use runtime::validate::Validate;

pub use runtime::builder::ClientBuilder;
pub use runtime::client::Client;
pub use runtime::endpoint::ProviderId;
pub use runtime::error::{Error, TransportKind};
pub use runtime::maybe::Maybe;
pub use runtime::retry::{Jitter, RetryPolicy};
pub use runtime::steamid::{ParseSteamIdError, SteamId};
pub use runtime::{endpoint, retry, wire};

/// The blocking client (feature `blocking`).
#[cfg(feature = "blocking")]
pub use runtime::blocking;

/// Support for macro expansions; not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::runtime::validate::__private::*;

    pub use crate::runtime::codec;
    pub use crate::runtime::endpoint::{
        Auth, Endpoint, EndpointInfo, ErrorModel, HttpMethod, InputEncoding, ProviderId,
        QueryValue, QueryWriter,
    };
    pub use crate::runtime::enums::{deserialize_enum_int, deserialize_enum_str};
    pub use steam_webapi_macros::{Deserialize, Serialize};

    /// Runs exactly what the client does with a response once it has
    /// arrived (status checks, envelope, success codes, decoding) on `body`,
    /// without any I/O: the entry point of the fuzz tests.
    pub fn __decode_for_fuzz<E: Endpoint>(
        status: u16,
        body: &[u8],
    ) -> Result<E::Response, crate::Error> {
        crate::runtime::response::decode_body::<E>(status, body)
    }
}
