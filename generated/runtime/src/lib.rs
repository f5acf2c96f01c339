//! The hand-written runtime of `steam-webapi`: the HTTP clients, their
//! builder and errors, the [`Validate`] trait, and the wire helpers that the
//! machine-written client builds on.
//!
//! Use it through `steam-webapi`, which re-exports everything here under the
//! same paths and adds the generated operations. It is a crate of its own so
//! that it is compiled once: regenerating the client, or building a crate
//! generated from another spec, never recompiles it.

// Every public item is documented: users reach all of it through `steam-webapi`.
#![warn(missing_docs)]

pub mod validate;
pub mod vdf;

mod admit;
pub mod backoff;
pub mod batch;
#[cfg(feature = "blocking")]
pub mod blocking;
pub mod budget;
pub mod builder;
pub mod client;
pub mod codec;
mod decode;
pub mod endpoint;
pub mod enums;
pub mod error;
mod excerpt;
pub mod format;
#[cfg(feature = "schemars")]
mod json_schema;
mod markup;
pub mod maybe;
pub mod pages;
mod request;
mod response;
pub mod retry;
pub mod steamid;
mod timer;
pub mod tokens;
mod trace;
mod transport;
pub mod wire;

pub use budget::{BudgetStore, MemoryStore, RateLimit};
pub use builder::{BuildClient, ClientBuilder};
pub use client::Client;
pub use endpoint::ProviderId;
pub use error::{Error, TransportKind};
pub use format::Format;
pub use maybe::Maybe;
pub use retry::{Jitter, RetryPolicy};
pub use steamid::{ParseSteamIdError, SteamId};
pub use tokens::TokenSet;
pub use validate::Validate;

/// Support for macro expansions and generated code; not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::validate::support::*;

    #[cfg(feature = "schemars")]
    pub use crate::__json_schema_impl as json_schema_impl;
    pub use crate::batch::Batch;
    pub use crate::codec;
    pub use crate::endpoint::{
        Auth, Endpoint, EndpointInfo, ErrorModel, FormatParam, HttpMethod, InputEncoding,
        ProviderId, QueryValue, QueryWriter,
    };
    pub use crate::enums::{deserialize_enum_int, deserialize_enum_str};
    #[cfg(feature = "schemars")]
    pub use crate::json_schema::{Subschema, json_schema, subschema};
    pub use crate::pages::Paged;
    pub use futures_util::Stream;
    pub use steam_webapi_macros::{Data, Deserialize, Request, Serialize};

    /// Runs exactly what the client does with a response once it has
    /// arrived (status checks, envelope, success codes, decoding) on `body`,
    /// without any I/O: the entry point of the fuzz tests.
    pub fn __decode_for_fuzz<E: Endpoint>(
        status: u16,
        body: &[u8],
    ) -> Result<E::Response, crate::Error> {
        crate::response::decode_body::<E>(status, body, crate::Format::Json)
    }

    /// [`__decode_for_fuzz`] for a body in another format.
    pub fn __decode_for_fuzz_as<E: Endpoint>(
        status: u16,
        body: &[u8],
        format: crate::Format,
    ) -> Result<E::Response, crate::Error> {
        crate::response::decode_body::<E>(status, body, format)
    }

    pub use crate::markup::de::{NULLABLE_FIELD, OPTIONAL_FIELD};

    /// Decodes the content of the root of an XML or VDF body as `T` (the
    /// root must be named `envelope` when given): what the client does with
    /// such a body, for a type of the caller's choice (`steamspec
    /// responses`, the tests).
    pub fn decode_markup<T: serde::de::DeserializeOwned>(
        body: &[u8],
        format: crate::Format,
        envelope: Option<&str>,
    ) -> Result<T, crate::Error> {
        crate::markup::decode(body, format, envelope)
    }
}
