//! Turning a response (status, a few headers, body) into a result; shared by
//! the async and blocking clients.

use std::time::{Duration, SystemTime};

use reqwest::header::{CONTENT_TYPE, HeaderMap, LOCATION, RETRY_AFTER};

use crate::endpoint::{Endpoint, ErrorModel};
use crate::error::Error;
use crate::excerpt::excerpt;
use crate::format::Format;
use crate::request::Prepared;

/// An error decided by the status and headers alone, before the body is read.
pub(crate) fn early_error(status: u16, headers: &HeaderMap) -> Option<Error> {
    (status == 429).then(|| Error::RateLimited {
        retry_after: retry_after(headers),
    })
}

/// The response's `Retry-After`, when it has a readable one.
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    headers
        .get(RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(parse_retry_after)
}

/// `Retry-After`: delay-seconds or an HTTP date (a past date is zero).
pub(crate) fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(
        at.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

/// Everything a response goes through once it has arrived, with no headers:
/// [`early_error`] then [`finish`]. The fuzz tests' entry point
/// (`__private::__decode_for_fuzz`).
pub(crate) fn decode_body<E: Endpoint>(
    status: u16,
    body: &[u8],
    format: Format,
) -> Result<E::Response, Error> {
    let headers = HeaderMap::new();
    if let Some(error) = early_error(status, &headers) {
        return Err(error);
    }
    finish::<E>(status, &headers, body, format)
}

/// The result of a call whose body has been read in full.
pub(crate) fn finish<E: Endpoint>(
    status: u16,
    headers: &HeaderMap,
    body: &[u8],
    format: Format,
) -> Result<E::Response, Error> {
    if (200..300).contains(&status) {
        return decode_2xx::<E>(body, status, format);
    }
    Err(status_error(
        status,
        headers,
        body,
        E::INFO.errors,
        E::INFO.envelope,
        format,
    ))
}

/// Decodes a 2xx body in the format it was asked for.
pub(crate) fn decode_2xx<E: Endpoint>(
    body: &[u8],
    status: u16,
    format: Format,
) -> Result<E::Response, Error> {
    match format {
        Format::Json => crate::decode::decode_response::<E>(body, status),
        Format::Xml | Format::Vdf => crate::markup::decode_response::<E>(body, status, format),
    }
}

/// A whole answer: the status and body when 2xx, otherwise its error.
pub(crate) fn answer(
    status: u16,
    headers: &HeaderMap,
    body: Vec<u8>,
    prepared: &Prepared,
) -> Result<(u16, Vec<u8>), Error> {
    if (200..300).contains(&status) {
        Ok((status, body))
    } else {
        Err(status_error(
            status,
            headers,
            &body,
            prepared.errors,
            prepared.envelope,
            prepared.format,
        ))
    }
}

/// The error of a non-2xx answer. Not generic: the clients' transport and
/// retry code calls it and is compiled once, not once per operation; only
/// the decoding of a 2xx body ([`decode_response`]) depends on the type.
pub(crate) fn status_error(
    status: u16,
    headers: &HeaderMap,
    body: &[u8],
    errors: ErrorModel,
    envelope: Option<&str>,
    format: Format,
) -> Error {
    let content_type = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok());
    let message = |field| match format {
        Format::Json => message_of(body, field, envelope),
        Format::Xml | Format::Vdf => crate::markup::message_of(body, format, field),
    };
    if let ErrorModel::Message { field } = errors
        && let Some(message) = message(field)
    {
        return Error::Api {
            code: None,
            message,
            status,
        };
    }
    let mut excerpt = excerpt(body, content_type);
    // 304 Not Modified (and any 3xx without a Location) is no redirect.
    if (300..400).contains(&status) && excerpt.is_empty() && headers.contains_key(LOCATION) {
        excerpt = redirect_note(headers);
    }
    Error::Http { status, excerpt }
}

/// `{"<field>": "why"}` or `{"<envelope>": {"<field>": "why"}}` -> `why`.
fn message_of(body: &[u8], field: &str, envelope: Option<&str>) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    let found = value
        .get(field)
        .or_else(|| value.get(envelope?)?.get(field))?;
    crate::decode::message_text(found.clone())
}

/// Where a stopped redirect pointed, without its path or query (the query
/// may carry the key back).
fn redirect_note(headers: &HeaderMap) -> String {
    let target = headers
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|l| reqwest::Url::parse(l).ok())
        .and_then(|u| u.host_str().map(|h| format!("{}://{h}", u.scheme())));
    match target {
        Some(origin) => format!("redirect to {origin} not followed"),
        None => "redirect not followed".to_owned(),
    }
}
