//! Every operation of the spec, called through the generated client against a
//! real HTTP server on loopback (wiremock, real reqwest).
//!
//! For each call the wire data comes from the spec itself (`steamspec::load_dir`):
//! the server answers with the example's response body, and the request the
//! client sent must be exactly the example's request in the spec's wire form
//! (`WireRequest::assert_call`: method, path, every query/form pair, `key`/`token`
//! and `format`, and `input_json` equal to the example's request JSON for the
//! Service interfaces). The Rust request is built by hand from the same example,
//! and the typed result is checked field by field.
//!
//! One module per interface (one test binary): [`helpers`] holds what they share.

mod auth;
mod blocking;
mod coverage;
mod helpers;
mod igame_notifications_service;
mod invalid;
mod iplayer_service;
mod isteam_hub;
mod isteam_news;
mod isteam_user;
mod isteam_user_stats;
mod isteam_web_api_util;
mod notifications;
