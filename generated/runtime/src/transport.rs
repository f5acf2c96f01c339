//! reqwest errors as [`Error`] values that hold no URL.

use std::error::Error as _;
use std::io;

use crate::error::{Error, TransportKind};

/// Keeps the cause chain as text; the URL (and so the key) is dropped first.
pub(crate) fn transport_error(err: reqwest::Error) -> Error {
    if err.is_timeout() {
        return Error::Timeout;
    }
    let err = err.without_url();
    let mut kind = if err.is_connect() {
        TransportKind::Connect
    } else {
        TransportKind::Other
    };
    let mut message = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        if let Some(io) = cause.downcast_ref::<io::Error>() {
            if io.kind() == io::ErrorKind::TimedOut {
                return Error::Timeout;
            }
            if kind == TransportKind::Other && is_reset(io.kind()) {
                kind = TransportKind::Reset;
            }
        }
        let text = cause.to_string();
        // Wrappers often repeat their cause's text.
        if !message.ends_with(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = cause.source();
    }
    if kind == TransportKind::Other
        && message.contains("connection closed before message completed")
    {
        kind = TransportKind::Reset;
    }
    Error::Transport { kind, message }
}

fn is_reset(kind: io::ErrorKind) -> bool {
    matches!(
        kind,
        io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::BrokenPipe
            | io::ErrorKind::UnexpectedEof
    )
}
