//! The request budget: [`RateLimit`] (a token bucket and an optional daily
//! cap, per provider) and the [`BudgetStore`] that keeps its count, in this
//! process ([`MemoryStore`], the default) or shared by every process that uses
//! the same key ([`RedisStore`], feature `redis`).
//!
//! Before each request (a retry included: Steam counts every request) the
//! client takes one call from its provider's budget. A call over the bucket
//! waits for its turn without blocking a thread; one that would wait longer
//! than [`RateLimit::max_wait`], or that finds the day's cap used up, ends at
//! once with [`OverBudget`](crate::Error::OverBudget) and nothing is
//! sent. A waiting call has its turn reserved: dropping it does not give the
//! turn back.

mod memory;
#[cfg(feature = "redis")]
mod redis;
mod store;

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

pub use memory::MemoryStore;
#[cfg(feature = "redis")]
pub use redis::RedisStore;
pub use store::{BudgetStore, StoreError, Take};

use crate::endpoint::ProviderId;
use crate::error::Error;

/// How many calls a provider gets: a token bucket (one call every
/// [`interval`](Self::interval), up to [`burst`](Self::burst) at once) and an
/// optional cap per UTC day. Set with `ClientBuilder::rate_limit`.
///
/// ```
/// # extern crate steam_webapi_runtime as steam_webapi;
/// use std::time::Duration;
/// use steam_webapi::{Client, ProviderId, RateLimit};
///
/// let client = Client::builder()
///     .api_key("…")
///     .rate_limit(
///         ProviderId::Steam,
///         RateLimit::per_second(5).burst(10).daily_cap(50_000).max_wait(Duration::from_secs(2)),
///     )
///     .build()?;
/// # Ok::<(), steam_webapi::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RateLimit {
    /// The time one call's token takes to come back; zero turns the bucket
    /// off (the daily cap alone then applies).
    pub interval: Duration,
    /// The most calls sent at once after a quiet spell (at least 1).
    pub burst: u32,
    /// The most calls in one UTC day, if any.
    pub daily_cap: Option<u64>,
    /// The longest a call waits for its turn; a call that would wait longer
    /// fails at once with [`Error::OverBudget`]. Default 10 s.
    pub max_wait: Duration,
}

impl RateLimit {
    /// The default bound on a call's wait for its turn.
    pub const DEFAULT_MAX_WAIT: Duration = Duration::from_secs(10);

    /// The calls a day that Steam's Web API terms allow one key.
    pub const STEAM_DAILY_CALLS: u64 = 100_000;

    /// `calls` a second, in bursts of up to `calls`; no daily cap. `0` turns the
    /// bucket off.
    pub fn per_second(calls: u32) -> Self {
        let interval = match calls {
            0 => Duration::ZERO,
            n => Duration::from_secs(1) / n,
        };
        RateLimit {
            interval,
            burst: calls.max(1),
            daily_cap: None,
            max_wait: Self::DEFAULT_MAX_WAIT,
        }
    }

    /// One call every `interval`, one at a time (raise it with
    /// [`Self::burst`]); no daily cap.
    pub fn every(interval: Duration) -> Self {
        RateLimit {
            interval,
            burst: 1,
            daily_cap: None,
            max_wait: Self::DEFAULT_MAX_WAIT,
        }
    }

    /// Steam's terms for one key: [`Self::STEAM_DAILY_CALLS`] a UTC day,
    /// spread evenly (one call every 864 ms) with bursts of up to 50, so a
    /// steady load never runs out of calls before the day ends.
    pub fn steam_default() -> Self {
        let interval = Duration::from_secs(24 * 60 * 60) / Self::STEAM_DAILY_CALLS as u32;
        RateLimit::every(interval)
            .burst(50)
            .daily_cap(Self::STEAM_DAILY_CALLS)
    }

    /// The most calls sent at once (at least 1).
    pub fn burst(self, burst: u32) -> Self {
        RateLimit { burst, ..self }
    }

    /// The most calls in one UTC day.
    pub fn daily_cap(self, calls: u64) -> Self {
        RateLimit {
            daily_cap: Some(calls),
            ..self
        }
    }

    /// The longest a call waits for its turn before failing instead.
    pub fn max_wait(self, wait: Duration) -> Self {
        RateLimit {
            max_wait: wait,
            ..self
        }
    }

    /// Refuses settings that could never let a call through.
    pub(crate) fn check(&self, provider: ProviderId) -> Result<(), Error> {
        let bad = |why: &str| {
            Err(Error::config(format!(
                "the {} rate limit {why}",
                provider.name()
            )))
        };
        if self.burst == 0 {
            return bad("needs a burst of at least 1");
        }
        if self.daily_cap == Some(0) {
            return bad("has a daily cap of 0, which refuses every call");
        }
        Ok(())
    }
}

/// Why the budget refused a call (nothing was sent).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Refusal {
    /// The call's turn would come after `needed`, longer than `max_wait`.
    Wait {
        /// How long the call would have had to wait.
        needed: Duration,
        /// The limit's [`RateLimit::max_wait`].
        max_wait: Duration,
    },
    /// The day's `cap` is used up; it starts again in `resets_in`.
    DailyCap {
        /// The limit's [`RateLimit::daily_cap`].
        cap: u64,
        /// The time to the start of the next UTC day.
        resets_in: Duration,
    },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Wait { needed, max_wait } => write!(
                f,
                "its turn would come in {} ms, past the bound of {} ms",
                needed.as_millis(),
                max_wait.as_millis()
            ),
            Refusal::DailyCap { cap, resets_in } => write!(
                f,
                "the daily cap of {cap} calls is used up (resets in {} s)",
                resets_in.as_secs()
            ),
        }
    }
}

/// The budgets of one client and its clones: a limit per provider, counted
/// in one store.
#[derive(Clone)]
pub(crate) struct Budget {
    steam: Option<RateLimit>,
    backpacktf: Option<RateLimit>,
    store: Arc<dyn BudgetStore>,
}

impl Budget {
    pub(crate) fn new(
        limits: impl IntoIterator<Item = (ProviderId, RateLimit)>,
        store: Option<Arc<dyn BudgetStore>>,
    ) -> Result<Self, Error> {
        let mut budget = Budget {
            steam: None,
            backpacktf: None,
            store: store.unwrap_or_else(|| Arc::new(MemoryStore::new())),
        };
        for (provider, limit) in limits {
            limit.check(provider)?;
            *budget.slot(provider) = Some(limit);
        }
        Ok(budget)
    }

    fn slot(&mut self, provider: ProviderId) -> &mut Option<RateLimit> {
        match provider {
            ProviderId::Steam => &mut self.steam,
            ProviderId::Backpacktf => &mut self.backpacktf,
        }
    }

    pub(crate) fn limit(&self, provider: ProviderId) -> Option<&RateLimit> {
        match provider {
            ProviderId::Steam => self.steam.as_ref(),
            ProviderId::Backpacktf => self.backpacktf.as_ref(),
        }
    }

    /// Takes one call from `provider`'s budget: how long to wait before
    /// sending (zero without a limit), or why not to send at all.
    pub(crate) fn take(&self, provider: ProviderId) -> Result<Duration, Error> {
        let Some(limit) = self.limit(provider) else {
            return Ok(Duration::ZERO);
        };
        match self.store.take(scope(provider), limit) {
            Ok(Take::After(wait)) => Ok(wait),
            Ok(Take::TooLong { needed }) => Err(Error::OverBudget {
                provider,
                reason: Refusal::Wait {
                    needed,
                    max_wait: limit.max_wait,
                },
            }),
            Ok(Take::CapReached { resets_in }) => Err(Error::OverBudget {
                provider,
                reason: Refusal::DailyCap {
                    cap: limit.daily_cap.unwrap_or_default(),
                    resets_in,
                },
            }),
            Err(e) => Err(Error::BudgetStore {
                message: e.to_string(),
            }),
        }
    }
}

impl fmt::Debug for Budget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Budget")
            .field("steam", &self.steam)
            .field("backpacktf", &self.backpacktf)
            .field("store", &self.store)
            .finish()
    }
}

/// The name a provider's budget is kept under in a store.
pub(crate) fn scope(provider: ProviderId) -> &'static str {
    match provider {
        ProviderId::Steam => "steam",
        ProviderId::Backpacktf => "backpacktf",
    }
}
