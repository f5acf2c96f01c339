//! One shared back-off per provider: when any call gets a 429 (with or
//! without `Retry-After`) or a 503 with `Retry-After`, every call through the
//! client (its clones included) holds its next request until then, instead of
//! each running into the same wall.

use std::collections::BTreeMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::endpoint::ProviderId;
use crate::retry::RetryPolicy;

/// The pause after a 429 without `Retry-After`.
pub const DEFAULT_PAUSE: Duration = Duration::from_secs(1);

/// Until when each provider's calls hold their requests.
#[derive(Debug, Default)]
pub(crate) struct SharedBackoff {
    paused: Mutex<BTreeMap<ProviderId, Instant>>,
}

impl SharedBackoff {
    /// Notes what an answer says about pausing: a 429 pauses for its
    /// `Retry-After` or [`DEFAULT_PAUSE`], a 503 for its `Retry-After` only.
    /// Never for longer than [`RetryPolicy::MAX_RETRY_AFTER`]; a pause already
    /// running longer is kept.
    pub(crate) fn note(&self, provider: ProviderId, status: u16, retry_after: Option<Duration>) {
        let pause = match (status, retry_after) {
            (429, after) => after.unwrap_or(DEFAULT_PAUSE),
            (503, Some(after)) => after,
            _ => return,
        };
        let Some(until) = Instant::now().checked_add(pause.min(RetryPolicy::MAX_RETRY_AFTER))
        else {
            return;
        };
        let mut paused = self.paused.lock().unwrap_or_else(PoisonError::into_inner);
        let current = paused.entry(provider).or_insert(until);
        if *current < until {
            *current = until;
        }
    }

    /// [`Self::note`] for an answer's status and headers.
    pub(crate) fn note_answer(
        &self,
        provider: ProviderId,
        status: u16,
        headers: &reqwest::header::HeaderMap,
    ) {
        if status == 429 || status == 503 {
            self.note(provider, status, crate::response::retry_after(headers));
        }
    }

    /// How long `provider`'s calls must still hold their requests, if at all.
    pub(crate) fn remaining(&self, provider: ProviderId) -> Option<Duration> {
        let mut paused = self.paused.lock().unwrap_or_else(PoisonError::into_inner);
        let until = *paused.get(&provider)?;
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            paused.remove(&provider);
            return None;
        }
        Some(left)
    }

    /// When `provider`'s calls may send again, if they are paused now.
    pub(crate) fn paused_until(&self, provider: ProviderId) -> Option<Instant> {
        self.remaining(provider)
            .and_then(|left| Instant::now().checked_add(left))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_rate_answers_pause_and_the_longest_pause_wins() {
        let b = SharedBackoff::default();
        b.note(ProviderId::Steam, 500, Some(Duration::from_secs(9)));
        b.note(ProviderId::Steam, 503, None);
        assert_eq!(b.remaining(ProviderId::Steam), None);
        b.note(ProviderId::Steam, 429, None);
        let left = b.remaining(ProviderId::Steam).unwrap();
        assert!(
            left <= DEFAULT_PAUSE && left > DEFAULT_PAUSE / 2,
            "{left:?}"
        );
        b.note(ProviderId::Steam, 503, Some(Duration::from_secs(60)));
        b.note(ProviderId::Steam, 429, Some(Duration::from_secs(2)));
        assert!(b.remaining(ProviderId::Steam).unwrap() > Duration::from_secs(30));
        assert_eq!(b.remaining(ProviderId::Backpacktf), None);
        b.note(
            ProviderId::Backpacktf,
            429,
            Some(Duration::from_secs(86_400)),
        );
        let capped = b.remaining(ProviderId::Backpacktf).unwrap();
        assert!(capped <= RetryPolicy::MAX_RETRY_AFTER, "{capped:?}");
        b.note(ProviderId::Backpacktf, 429, Some(Duration::ZERO));
        let kept = b.remaining(ProviderId::Backpacktf).unwrap();
        assert!(kept > RetryPolicy::MAX_RETRY_AFTER / 2, "{kept:?}");
    }
}
