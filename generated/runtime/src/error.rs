//! [`Error`]: everything a call can fail with.
//!
//! No variant holds a `reqwest::Error` or a URL: those carry the query string
//! and so the API key. Transport errors are kept as scrubbed text instead.

use std::fmt;
use std::time::Duration;

use crate::budget::Refusal;
use crate::endpoint::ProviderId;
use crate::excerpt::elide_middle;
use crate::validate::ValidationErrors;

/// What went wrong in the transport.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransportKind {
    /// The connection could not be made (DNS, refused, TLS handshake).
    Connect,
    /// The connection broke while the request or response was in flight.
    Reset,
    /// Anything else.
    Other,
}

impl fmt::Display for TransportKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TransportKind::Connect => "connect",
            TransportKind::Reset => "connection reset",
            TransportKind::Other => "transport",
        })
    }
}

/// An error from a call to the Steam Web API or backpack.tf.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The request did not get a response (or the response broke off).
    Transport {
        /// What failed: connecting, or the connection while in flight.
        kind: TransportKind,
        /// The transport's own words, with every URL and secret removed.
        message: String,
    },
    /// The request took longer than the client's timeout.
    Timeout,
    /// A non-2xx status (a redirect included) with a short text excerpt of
    /// the body.
    Http {
        /// The HTTP status.
        status: u16,
        /// The start of the body as text (Steam's HTML error pages included).
        excerpt: String,
    },
    /// The API said the call failed: a failure code in a 2xx body (`code`),
    /// or a non-2xx status with an error message (`code` is `None`).
    Api {
        /// The failure code of the body, if the API reports failure with one.
        code: Option<i64>,
        /// The API's message; without one, the code's name (empty for an
        /// unknown code).
        message: String,
        /// The HTTP status.
        status: u16,
    },
    /// The API found nothing for the query (ISteamHub's `no_match`).
    NoMatch {
        /// The API's message.
        message: String,
    },
    /// The body is not what the operation returns; `path` is where decoding
    /// failed, envelope key included (`response.games[3].appid`).
    Decode {
        /// Where in the body decoding failed, as a JSON path.
        path: String,
        /// What was wrong there.
        message: String,
        /// The start of the body as text.
        excerpt: String,
    },
    /// The request breaks the spec's constraints; nothing was sent.
    Invalid(ValidationErrors),
    /// HTTP 429; `retry_after` from the `Retry-After` header, if any.
    RateLimited {
        /// How long the server asks to wait, if it says.
        retry_after: Option<Duration>,
    },
    /// The response body is larger than the client's limit.
    BodyTooLarge {
        /// The client's limit, in bytes.
        limit: usize,
    },
    /// The client's request budget for the provider refused the call (its
    /// turn was too far off, or the day's cap is used up); nothing was sent.
    OverBudget {
        /// Whose budget.
        provider: ProviderId,
        /// Why it refused.
        reason: Refusal,
    },
    /// The store of a shared request budget could not answer (a Redis server
    /// gone away); nothing was sent.
    BudgetStore {
        /// What failed, without the store's address.
        message: String,
    },
    /// One call of a batch failed (`..._all` methods): the batch fails with
    /// it. The calls before it succeeded; the others were not made or were
    /// dropped.
    Batch {
        /// The failed call's number, from 0.
        call: usize,
        /// The batch's number of calls.
        calls: usize,
        /// The items (indices into the request's list) the call carried.
        items: std::ops::Range<usize>,
        /// Why the call failed.
        error: Box<Error>,
    },
    /// The client is not set up for this call (missing key, bad base URL).
    Config {
        /// What is missing or wrong.
        message: String,
    },
}

impl Error {
    pub(crate) fn config(message: impl Into<String>) -> Self {
        Error::Config {
            message: message.into(),
        }
    }

    /// The HTTP status the error came with, if there was a response.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Http { status, .. } | Error::Api { status, .. } => Some(*status),
            Error::RateLimited { .. } => Some(429),
            Error::Batch { error, .. } => error.status(),
            _ => None,
        }
    }

    /// Whether trying again later may succeed: a timeout, a refused or
    /// broken connection, HTTP 429, or a 5xx status (with or without an API
    /// message). The client retries these itself for `GET` calls (see
    /// [`RetryPolicy`](crate::RetryPolicy)).
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Timeout | Error::RateLimited { .. } => true,
            Error::Transport { kind, .. } => *kind != TransportKind::Other,
            Error::Http { status, .. } => *status >= 500,
            Error::Api {
                code: None, status, ..
            } => *status >= 500,
            _ => false,
        }
    }

    /// Replaces every occurrence of each secret in the error's text, then cuts any message or
    /// path longer than `MAX_MESSAGE` characters (a server can echo megabytes into one).
    /// Excerpts are short already. In that order, so that no cut leaves part of a secret.
    pub(crate) fn redact(mut self, secrets: &[&str]) -> Self {
        if let Error::Batch { error, .. } = &mut self {
            let inner = std::mem::replace(&mut **error, Error::Timeout);
            **error = inner.redact(secrets);
            return self;
        }
        let (texts, excerpt): (Vec<&mut String>, Option<&mut String>) = match &mut self {
            Error::Transport { message, .. }
            | Error::NoMatch { message }
            | Error::Config { message }
            | Error::BudgetStore { message }
            | Error::Api { message, .. } => (vec![message], None),
            Error::Http { excerpt, .. } => (vec![], Some(excerpt)),
            Error::Decode {
                path,
                message,
                excerpt,
            } => (vec![path, message], Some(excerpt)),
            Error::Timeout
            | Error::Invalid(_)
            | Error::RateLimited { .. }
            | Error::OverBudget { .. }
            | Error::Batch { .. }
            | Error::BodyTooLarge { .. } => (vec![], None),
        };
        if let Some(excerpt) = excerpt {
            redact_str(excerpt, secrets);
        }
        for text in texts {
            redact_str(text, secrets);
            elide_middle(text);
        }
        self
    }
}

/// The text that stands in for a secret.
pub(crate) const REDACTED: &str = "<redacted>";

/// Replaces each secret in `text`: as is, form-urlencoded (the way it was
/// sent) and with every byte percent-encoded, ignoring ASCII case (a server
/// may echo it lower-cased, as a host name, or with lower-case hex); also
/// the start of one cut off by an excerpt's `…`.
pub(crate) fn redact_str(text: &mut String, secrets: &[&str]) {
    // Every place to hide is found in the text as it came, then all are replaced at once: a
    // second pass over the markers of the first could find a short secret inside `<redacted>`.
    // ASCII lower-casing keeps every byte where it was, so offsets in `lower` are offsets in
    // `text`, on the same char boundaries.
    let lower = text.to_ascii_lowercase();
    let mut hidden: Vec<(usize, usize)> = Vec::new();
    for secret in secrets.iter().filter(|s| !s.is_empty()) {
        let encoded: String = form_urlencoded::byte_serialize(secret.as_bytes()).collect();
        let every_byte: String = secret.bytes().map(|b| format!("%{b:02X}")).collect();
        for form in [*secret, encoded.as_str(), every_byte.as_str()] {
            let needle = form.to_ascii_lowercase();
            hidden.extend(
                lower
                    .match_indices(&needle)
                    .map(|(at, m)| (at, at + m.len())),
            );
            hidden.extend(cut_prefix(&lower, &needle));
        }
    }
    if hidden.is_empty() {
        return;
    }
    hidden.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (start, end) in hidden {
        if start >= last {
            out.push_str(&text[last..start]);
            out.push_str(REDACTED);
        }
        // Overlapping places are one.
        last = last.max(end);
    }
    out.push_str(&text[last..]);
    *text = out;
}

/// The shortest start of a secret worth hiding when an excerpt's cut ends
/// in it (`...key=SECRE…`); shorter ones say nothing about it.
const MIN_CUT_PREFIX: usize = 4;

/// Where `text` (lower-cased) ends in the start of `secret` (lower-cased) just before an
/// excerpt's closing `…`.
fn cut_prefix(text: &str, secret: &str) -> Option<(usize, usize)> {
    let before = text.strip_suffix(crate::excerpt::ELLIPSIS)?;
    let len = (MIN_CUT_PREFIX.min(secret.len()).max(1)..=secret.len())
        .rev()
        .filter(|&len| secret.is_char_boundary(len))
        .find(|&len| before.ends_with(&secret[..len]))?;
    Some((before.len() - len, before.len()))
}

/// Text from a server (a JSON key, a message, a page) shown with its control
/// characters escaped (`\n`, `\u{1b}`): an error prints as one line, and a
/// hostile body cannot forge log lines or send terminal escapes.
struct OneLine<'a>(&'a str);

impl fmt::Display for OneLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(at) = rest.find(char::is_control) {
            f.write_str(&rest[..at])?;
            let c = rest[at..].chars().next().unwrap_or_default();
            write!(f, "{}", c.escape_debug())?;
            rest = &rest[at + c.len_utf8()..];
        }
        f.write_str(rest)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Transport { kind, message } => {
                write!(f, "{kind} error: {}", OneLine(message))
            }
            Error::Timeout => f.write_str("request timed out"),
            Error::Http { status, excerpt } => {
                write!(f, "HTTP {status}")?;
                if let Some(reason) = reason(*status) {
                    write!(f, " {reason}")?;
                }
                if !excerpt.is_empty() {
                    write!(f, ": {}", OneLine(excerpt))?;
                }
                Ok(())
            }
            Error::Api {
                code,
                message,
                status,
            } => {
                f.write_str("API error")?;
                if let Some(code) = code {
                    write!(f, " {code}")?;
                }
                write!(f, " (HTTP {status})")?;
                if !message.is_empty() {
                    write!(f, ": {}", OneLine(message))?;
                }
                Ok(())
            }
            Error::NoMatch { message } if message.is_empty() => f.write_str("no match"),
            Error::NoMatch { message } => write!(f, "no match: {}", OneLine(message)),
            Error::Decode { path, message, .. } if path.is_empty() => {
                write!(f, "cannot decode the response: {}", OneLine(message))
            }
            Error::Decode { path, message, .. } => {
                write!(
                    f,
                    "cannot decode the response at `{}`: {}",
                    OneLine(path),
                    OneLine(message)
                )
            }
            Error::Invalid(errors) => {
                f.write_str("invalid request (not sent): ")?;
                for (i, e) in errors.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{e}")?;
                }
                Ok(())
            }
            Error::RateLimited {
                retry_after: Some(after),
            } => write!(
                f,
                "rate limited (HTTP 429), retry after {}s",
                after.as_secs()
            ),
            Error::RateLimited { retry_after: None } => f.write_str("rate limited (HTTP 429)"),
            Error::BodyTooLarge { limit } => {
                write!(f, "response body larger than the limit of {limit} bytes")
            }
            Error::OverBudget { provider, reason } => write!(
                f,
                "over the {} request budget (not sent): {reason}",
                provider.name()
            ),
            Error::BudgetStore { message } => {
                write!(
                    f,
                    "request budget store failed (not sent): {}",
                    OneLine(message)
                )
            }
            Error::Batch {
                call,
                calls,
                items,
                error,
            } => write!(
                f,
                "batch call {} of {calls} (items {}..{}) failed: {error}",
                call + 1,
                items.start,
                items.end
            ),
            Error::Config { message } => write!(f, "client configuration: {}", OneLine(message)),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Invalid(errors) => Some(errors),
            Error::Batch { error, .. } => Some(&**error),
            _ => None,
        }
    }
}

impl From<ValidationErrors> for Error {
    fn from(errors: ValidationErrors) -> Self {
        Error::Invalid(errors)
    }
}

/// The standard reason phrase of a status, if it has one (`404` -> `Not Found`).
fn reason(status: u16) -> Option<&'static str> {
    // The `http` crate's table of canonical reason phrases (through reqwest).
    reqwest::StatusCode::from_u16(status)
        .ok()?
        .canonical_reason()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redacted(text: &str, secrets: &[&str]) -> String {
        let mut text = text.to_owned();
        redact_str(&mut text, secrets);
        text
    }

    /// A server that echoes megabytes into a message or a key gets an error of bounded size,
    /// still showing the start and the end, with the secret gone before the cut.
    #[test]
    fn long_messages_and_paths_are_cut_in_the_middle_after_redaction() {
        let long = format!(
            "invalid value: string \"{}KEY9\", expected a SteamID",
            "a".repeat(4_000_000)
        );
        let err = Error::Decode {
            path: format!("response.{}.steamid", "k".repeat(1000)),
            message: long,
            excerpt: "x".into(),
        }
        .redact(&["KEY9"]);
        let Error::Decode { path, message, .. } = err else {
            unreachable!()
        };
        for text in [&path, &message] {
            assert_eq!(text.chars().count(), crate::excerpt::MAX_MESSAGE, "{text}");
            assert!(text.contains('…'), "{text}");
        }
        assert!(
            message.starts_with("invalid value: string \"aaa"),
            "{message}"
        );
        assert!(
            message.ends_with("<redacted>\", expected a SteamID"),
            "{message}"
        );
        assert!(path.ends_with("kkk.steamid"), "{path}");
        let short = Error::NoMatch {
            message: "no match".into(),
        }
        .redact(&["KEY9"]);
        assert_eq!(
            short.to_string(),
            Error::NoMatch {
                message: "no match".into()
            }
            .to_string()
        );
    }

    /// All places are found in the text as it came: a short secret is not found again inside
    /// the markers that replaced it, and overlapping forms make one marker.
    #[test]
    fn short_and_overlapping_secrets_make_one_marker_each() {
        assert_eq!(
            redacted("get the key", &["e"]),
            "g<redacted>t th<redacted> k<redacted>y"
        );
        assert_eq!(redacted("xabcdx", &["abc", "bcd"]), "x<redacted>x");
        assert_eq!(redacted("key=ABCD…", &["abcdef"]), "key=<redacted>…");
    }

    #[test]
    fn every_form_of_a_secret_is_redacted() {
        let s = ["AbC+1/é", ""];
        assert_eq!(redacted("k=AbC+1/é&x", &s), "k=<redacted>&x");
        assert_eq!(redacted("k=abc+1/é", &s), "k=<redacted>");
        assert_eq!(redacted("k=AbC%2B1%2F%C3%A9", &s), "k=<redacted>");
        assert_eq!(redacted("k=%41%62%43%2B%31%2F%C3%A9", &s), "k=<redacted>");
        assert_eq!(redacted("k=%41%62%43%2b%31%2f%c3%a9", &s), "k=<redacted>");
        assert_eq!(redacted("AbC+1/éAbC+1/é", &s), "<redacted><redacted>");
        assert_eq!(redacted("nothing", &s), "nothing");
        assert_eq!(redacted("É ü abc", &["ABC"]), "É ü <redacted>");
    }

    #[test]
    fn server_text_is_shown_on_one_line() {
        let err = Error::Decode {
            path: "respo\nse".into(),
            message: "bad \u{1b}[31m\r\n".into(),
            excerpt: String::new(),
        };
        assert_eq!(
            err.to_string(),
            "cannot decode the response at `respo\\nse`: bad \\u{1b}[31m\\r\\n"
        );
        let err = Error::Api {
            code: None,
            message: "é\u{85}x".into(),
            status: 400,
        };
        assert_eq!(err.to_string(), "API error (HTTP 400): é\\u{85}x");
    }

    #[test]
    fn a_secret_cut_by_an_excerpt_is_redacted() {
        let s = ["SECRETKEY-7f3a9c"];
        assert_eq!(redacted("key=SECRETK…", &s), "key=<redacted>…");
        assert_eq!(redacted("key=secr…", &s), "key=<redacted>…");
        assert_eq!(redacted("key=%53%45%43…", &s), "key=<redacted>…");
        assert_eq!(redacted("key=%53…", &s), "key=%53…");
        assert_eq!(redacted("key=%53%45%43%52…", &s), "key=<redacted>…");
        // Too short to say anything: kept.
        assert_eq!(redacted("a SEC…", &s), "a SEC…");
        assert_eq!(redacted("SECRETKEY…", &s), "<redacted>…");
    }
}
