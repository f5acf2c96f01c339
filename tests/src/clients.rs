//! Clients of loopback servers set up by hand, for the tests that need
//! settings of their own (a key to look for in their errors, a short
//! timeout, a small body limit, a retry policy); the one call the fault,
//! retry and secret tests make; and the parts of the errors they look into.

use steam_webapi::isteam_user::{GetPlayerSummariesRequest, GetPlayerSummariesResponse};
use steam_webapi::{Client, ClientBuilder, Error, ProviderId, SteamId};

/// A builder of either client (`C`: [`Client`] or
/// [`steam_webapi::blocking::Client`]) with the Steam key `key` and Steam's
/// base at `base`, plain HTTP allowed: the start of every such client.
pub fn steam_builder<C>(key: &str, base: &str) -> ClientBuilder<C> {
    ClientBuilder::new()
        .api_key(key)
        .base_url(ProviderId::Steam, base)
        .allow_http(true)
}

/// [`steam_builder`] with backpack.tf too: its token `token`, its base at
/// `base` as well.
pub fn both_providers_builder<C>(key: &str, token: &str, base: &str) -> ClientBuilder<C> {
    steam_builder(key, base)
        .token(token)
        .base_url(ProviderId::Backpacktf, base)
}

/// GetPlayerSummaries of one SteamID (Robin Walker's).
pub fn summaries() -> GetPlayerSummariesRequest {
    GetPlayerSummariesRequest::new(vec![SteamId(76561197960435530)])
}

/// [`summaries`], sent through `client`.
pub async fn get_summaries(client: &Client) -> Result<GetPlayerSummariesResponse, Error> {
    client
        .isteam_user()
        .get_player_summaries(&summaries())
        .await
}

/// [`summaries`], sent through the blocking client `builder` builds: the
/// error it must end in. Call it on a plain thread, never inside an async
/// runtime.
pub fn blocking_summaries_error(builder: ClientBuilder<steam_webapi::blocking::Client>) -> Error {
    builder
        .build()
        .expect("the blocking client builds")
        .isteam_user()
        .get_player_summaries(&summaries())
        .expect_err("GetPlayerSummaries must fail")
}

/// The `(status, excerpt)` of an [`Error::Http`]; `None` for any other error.
pub fn as_http(err: &Error) -> Option<(u16, &str)> {
    match err {
        Error::Http { status, excerpt } => Some((*status, excerpt)),
        _ => None,
    }
}

/// The `(path, message, excerpt)` of an [`Error::Decode`]; `None` for any
/// other error.
pub fn as_decode(err: &Error) -> Option<(&str, &str, &str)> {
    match err {
        Error::Decode {
            path,
            message,
            excerpt,
        } => Some((path, message, excerpt)),
        _ => None,
    }
}
