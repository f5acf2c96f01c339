//! What the client tells `tracing` (feature `tracing`; without it every
//! function here is empty and the default build adds nothing): one span per
//! call and an event per attempt, per pause and per budget wait.
//!
//! Only fixed facts go out: the operation's names, statuses, durations. Never
//! a URL, a query string, a body or an error's text (which may quote what a
//! server echoed), so never the key or token.

use std::future::Future;
use std::time::Duration;

use crate::endpoint::EndpointInfo;
use crate::error::Error;

/// The target of every span and event.
#[cfg(feature = "tracing")]
const TARGET: &str = "steam_webapi";

/// `fut` inside a span for the call to `info`'s operation.
pub(crate) fn instrument<F: Future>(
    fut: F,
    info: &EndpointInfo,
) -> impl Future<Output = F::Output> {
    #[cfg(feature = "tracing")]
    {
        tracing::Instrument::instrument(fut, call_span(info))
    }
    #[cfg(not(feature = "tracing"))]
    {
        let _ = info;
        fut
    }
}

/// Enters a span for the call to `info`'s operation until the guard drops
/// (the blocking client).
#[cfg(feature = "blocking")]
pub(crate) fn enter(info: &EndpointInfo) -> impl Sized {
    #[cfg(feature = "tracing")]
    {
        call_span(info).entered()
    }
    #[cfg(not(feature = "tracing"))]
    {
        let _ = info;
    }
}

#[cfg(feature = "tracing")]
fn call_span(info: &EndpointInfo) -> tracing::Span {
    tracing::debug_span!(
        target: TARGET,
        "call",
        provider = crate::budget::scope(info.provider),
        interface = info.interface,
        method = info.method,
        version = info.version,
        http = info.http.as_str(),
    )
}

/// One attempt's outcome: its status (or what kind of failure), how long it
/// took, and the wait before the next one, if it will be retried.
pub(crate) fn attempt(outcome: Result<u16, &Error>, elapsed: Duration, retry: Option<Duration>) {
    #[cfg(feature = "tracing")]
    {
        let (status, failure) = match outcome {
            Ok(status) => (Some(status), None),
            Err(e) => (e.status(), Some(kind(e))),
        };
        tracing::debug!(
            target: TARGET,
            status,
            failure,
            elapsed_ms = elapsed.as_millis() as u64,
            will_retry = retry.is_some(),
            wait_ms = retry.map(|w| w.as_millis() as u64),
            "attempt"
        );
    }
    #[cfg(not(feature = "tracing"))]
    let _ = (outcome, elapsed, retry);
}

/// The call holds its request: the provider is paused after a 429 or 503.
pub(crate) fn paused(wait: Duration) {
    #[cfg(feature = "tracing")]
    tracing::debug!(target: TARGET, wait_ms = wait.as_millis() as u64, "paused by the shared back-off");
    #[cfg(not(feature = "tracing"))]
    let _ = wait;
}

/// The call waits for its turn in the request budget.
pub(crate) fn budget_wait(wait: Duration) {
    #[cfg(feature = "tracing")]
    tracing::debug!(target: TARGET, wait_ms = wait.as_millis() as u64, "waiting for the request budget");
    #[cfg(not(feature = "tracing"))]
    let _ = wait;
}

/// A batch's call `i` (from 0) among `ranges` is done.
pub(crate) fn batch_call(i: usize, ranges: &[std::ops::Range<usize>]) {
    #[cfg(feature = "tracing")]
    tracing::debug!(
        target: TARGET,
        call = i + 1,
        calls = ranges.len(),
        items = ranges[i].len(),
        "batch call done"
    );
    #[cfg(not(feature = "tracing"))]
    let _ = (i, ranges);
}

/// Page `n` (from 1) of a paged call arrived with `items` items.
pub(crate) fn page(n: usize, items: usize, more: bool) {
    #[cfg(feature = "tracing")]
    tracing::debug!(target: TARGET, page = n, items, more, "page done");
    #[cfg(not(feature = "tracing"))]
    let _ = (n, items, more);
}

/// A shared budget's store could not be reached; the call is counted in
/// this process instead.
#[cfg(feature = "redis")]
pub(crate) fn store_fallback() {
    #[cfg(feature = "tracing")]
    tracing::warn!(target: TARGET, "budget store unreachable; counting in this process");
}

/// A name for what failed, never its text.
#[cfg(feature = "tracing")]
fn kind(e: &Error) -> &'static str {
    match e {
        Error::Transport { .. } => "transport",
        Error::Timeout => "timeout",
        Error::Http { .. } => "http",
        Error::Api { .. } => "api",
        Error::NoMatch { .. } => "no_match",
        Error::Decode { .. } => "decode",
        Error::Invalid(_) => "invalid",
        Error::RateLimited { .. } => "rate_limited",
        Error::BodyTooLarge { .. } => "body_too_large",
        Error::OverBudget { .. } => "over_budget",
        Error::BudgetStore { .. } => "budget_store",
        Error::Batch { .. } => "batch",
        Error::Config { .. } => "config",
    }
}
