//! Automatic retries of idempotent calls: [`RetryPolicy`] (how many, how
//! long to wait, the deadline of a whole call) and [`Jitter`], the small
//! seeded generator behind the waits.
//!
//! Only `GET` operations are retried, and only after an error that
//! [`Error::is_retryable`] calls transient: a timeout, a refused or broken
//! connection, HTTP 429 or a 5xx status. `POST`, `PUT`, `PATCH` and `DELETE`
//! (Steam's `CreateSession`, backpack.tf's `DELETE /api/notifications`, ...)
//! are sent exactly once: a retry could repeat an effect the server already
//! applied.
//!
//! The wait before retry `n` (0 for the first) is "full jitter": a uniformly
//! random duration between zero and `min(max_delay, base_delay * 2^n)`. A 429
//! or 503 with `Retry-After` waits exactly that long instead, up to
//! [`RetryPolicy::MAX_RETRY_AFTER`]. No wait runs past the policy's deadline:
//! when one would, the call ends with the last error.

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime};

use crate::error::Error;

/// When and how often a failed idempotent (`GET`) call is tried again; set
/// with `ClientBuilder::retry`.
///
/// ```
/// # extern crate steam_webapi_runtime as steam_webapi;
/// use std::time::Duration;
/// use steam_webapi::{Client, RetryPolicy};
///
/// let client = Client::builder()
///     .api_key("…")
///     .retry(RetryPolicy {
///         max_retries: 3,
///         base_delay: Duration::from_millis(200),
///         max_delay: Duration::from_secs(5),
///         deadline: Duration::from_secs(20),
///     })
///     .build()?;
/// let no_retries = Client::builder().retry(RetryPolicy::none()).build()?;
/// # Ok::<(), steam_webapi::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RetryPolicy {
    /// Retries after the first attempt (0: none). Default 2.
    pub max_retries: u32,
    /// The upper bound of the first wait; it doubles with each retry.
    /// Default 500 ms.
    pub base_delay: Duration,
    /// The most a jittered wait can be. Default 8 s. (`Retry-After` is not
    /// held to it, only to the deadline and [`Self::MAX_RETRY_AFTER`].)
    pub max_delay: Duration,
    /// The longest a whole call may take, attempts and waits included. It
    /// also shortens the client's per-attempt timeout when less time is
    /// left. Default 60 s; must be longer than zero.
    pub deadline: Duration,
}

impl RetryPolicy {
    /// The default: 2 retries, waits from 0–500 ms doubling up to 8 s, a
    /// 60 s deadline.
    pub const DEFAULT: RetryPolicy = RetryPolicy {
        max_retries: 2,
        base_delay: Duration::from_millis(500),
        max_delay: Duration::from_secs(8),
        deadline: Duration::from_secs(60),
    };

    /// The longest `Retry-After` (of a 429 or a 503) a call waits for, deadline or not (5
    /// minutes): past it the call ends with the answer's error; a 429's,
    /// [`Error::RateLimited`], carries the server's wait for the caller to schedule.
    pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(300);

    /// No retries: every call is one attempt, bounded by the client's
    /// timeout alone.
    pub const fn none() -> Self {
        RetryPolicy {
            max_retries: 0,
            base_delay: Duration::ZERO,
            max_delay: Duration::ZERO,
            deadline: Duration::MAX,
        }
    }

    /// The longest jittered wait before retry `retry` (0 for the first):
    /// `min(max_delay, base_delay * 2^retry)`.
    pub fn max_backoff(&self, retry: u32) -> Duration {
        let factor = 1u32 << retry.min(31);
        self.base_delay.saturating_mul(factor).min(self.max_delay)
    }

    /// The jittered wait before retry `retry`: uniform in
    /// `0..=self.max_backoff(retry)`, drawn from `jitter`.
    pub fn backoff(&self, retry: u32, jitter: &mut Jitter) -> Duration {
        full_jitter(self.max_backoff(retry), jitter.next_u64())
    }
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// A uniformly random duration in `0..=cap`.
fn full_jitter(cap: Duration, random: u64) -> Duration {
    let cap = cap.as_nanos();
    if cap == 0 {
        return Duration::ZERO;
    }
    let pick = u128::from(random) % (cap + 1);
    // `pick <= cap`, and `cap` came from a Duration: the seconds fit a u64.
    let secs = u64::try_from(pick / 1_000_000_000).unwrap_or(u64::MAX);
    Duration::new(secs, (pick % 1_000_000_000) as u32)
}

/// A tiny seeded random generator (xorshift64*) for the waits' jitter. Not
/// for anything else: it is fast and uniform enough, not unpredictable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Jitter {
    state: u64,
}

impl Jitter {
    /// The same seed gives the same sequence.
    pub fn new(seed: u64) -> Self {
        Jitter {
            state: seed_state(seed),
        }
    }

    /// The next number of the sequence.
    pub fn next_u64(&mut self) -> u64 {
        self.state = xorshift(self.state);
        scramble(self.state)
    }
}

/// splitmix64 of the seed, never zero (xorshift's one fixed point).
fn seed_state(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    if z == 0 { 0x2545_F491_4F6C_DD1D } else { z }
}

fn xorshift(mut x: u64) -> u64 {
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    x
}

fn scramble(x: u64) -> u64 {
    x.wrapping_mul(0x2545_F491_4F6C_DD1D)
}

/// A seed that differs between clients and runs.
pub(crate) fn fresh_seed() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let local = 0u8;
    let address = std::ptr::addr_of!(local) as usize as u64;
    nanos
        ^ address.rotate_left(32)
        ^ COUNTER
            .fetch_add(1, Ordering::Relaxed)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// A [`Jitter`] shared by the clones of a client.
pub(crate) struct SharedJitter(AtomicU64);

impl SharedJitter {
    pub(crate) fn new(seed: u64) -> Self {
        SharedJitter(AtomicU64::new(seed_state(seed)))
    }

    fn next_u64(&self) -> u64 {
        let mut current = self.0.load(Ordering::Relaxed);
        loop {
            let next = xorshift(current);
            match self
                .0
                .compare_exchange_weak(current, next, Ordering::Relaxed, Ordering::Relaxed)
            {
                Ok(_) => return scramble(next),
                Err(actual) => current = actual,
            }
        }
    }
}

impl fmt::Debug for SharedJitter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Jitter")
    }
}

/// The retry state of one call.
pub(crate) struct Attempts<'a> {
    policy: &'a RetryPolicy,
    jitter: &'a SharedJitter,
    start: Instant,
    retries: u32,
    idempotent: bool,
    /// The `Retry-After` of the last answer, when it was a 503.
    server_wait: Option<Duration>,
}

impl<'a> Attempts<'a> {
    pub(crate) fn new(policy: &'a RetryPolicy, jitter: &'a SharedJitter, idempotent: bool) -> Self {
        Attempts {
            policy,
            jitter,
            start: Instant::now(),
            retries: 0,
            idempotent,
            server_wait: None,
        }
    }

    /// Notes what an answer says about waiting: RFC 9110 lets a 503 (Service Unavailable)
    /// carry a `Retry-After` as a 429 does, and the next wait honours it the same way.
    pub(crate) fn note_answer(&mut self, status: u16, headers: &reqwest::header::HeaderMap) {
        self.server_wait = if status == 503 {
            crate::response::retry_after(headers)
        } else {
            None
        };
    }

    /// What is left of the call's deadline.
    pub(crate) fn remaining(&self) -> Duration {
        self.policy.deadline.saturating_sub(self.start.elapsed())
    }

    /// The timeout of the next attempt: the client's, or what is left of the
    /// deadline if that is less.
    pub(crate) fn attempt_timeout(&self, client_timeout: Duration) -> Duration {
        client_timeout.min(self.remaining())
    }

    /// After a failed attempt: how long to wait before the next one, or
    /// `None` when the error is final (not transient, not idempotent, no
    /// retries left, or the wait would pass the deadline).
    pub(crate) fn wait_after(&mut self, err: &Error) -> Option<Duration> {
        let server_wait = self.server_wait.take();
        if !self.idempotent || !err.is_retryable() || self.retries >= self.policy.max_retries {
            return None;
        }
        let asked = match err {
            Error::RateLimited { retry_after } => *retry_after,
            _ => server_wait,
        };
        let wait = match asked {
            // The server's wait is kept to a bound of its own: a policy without a deadline
            // (`..RetryPolicy::none()`) must not sleep for as long as a hostile header says.
            Some(after) if after > RetryPolicy::MAX_RETRY_AFTER => return None,
            Some(after) => after,
            None => full_jitter(
                self.policy.max_backoff(self.retries),
                self.jitter.next_u64(),
            ),
        };
        // The wait must end with time left for an attempt.
        if wait >= self.remaining() {
            return None;
        }
        self.retries += 1;
        Some(wait)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let p = RetryPolicy {
            max_retries: 10,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(1),
            deadline: Duration::from_secs(60),
        };
        let caps: Vec<u128> = (0..6).map(|n| p.max_backoff(n).as_millis()).collect();
        assert_eq!(caps, [100, 200, 400, 800, 1000, 1000]);
        assert_eq!(p.max_backoff(u32::MAX), Duration::from_secs(1));
        let huge = RetryPolicy {
            base_delay: Duration::MAX,
            max_delay: Duration::MAX,
            ..p
        };
        assert_eq!(huge.max_backoff(40), Duration::MAX);
        let mut j = Jitter::new(1);
        assert!(huge.backoff(3, &mut j) <= Duration::MAX);
    }

    #[test]
    fn full_jitter_covers_the_range() {
        assert_eq!(full_jitter(Duration::ZERO, 12345), Duration::ZERO);
        assert_eq!(
            full_jitter(Duration::from_nanos(10), 10),
            Duration::from_nanos(10)
        );
        assert_eq!(full_jitter(Duration::from_nanos(10), 11), Duration::ZERO);
        let mut j = Jitter::new(42);
        let cap = Duration::from_millis(100);
        let picks: Vec<Duration> = (0..1000).map(|_| full_jitter(cap, j.next_u64())).collect();
        assert!(picks.iter().all(|d| *d <= cap));
        let low = picks.iter().filter(|d| **d < cap / 4).count();
        let high = picks.iter().filter(|d| **d > cap * 3 / 4).count();
        assert!((150..350).contains(&low), "{low}");
        assert!((150..350).contains(&high), "{high}");
    }

    #[test]
    fn shared_jitter_is_the_same_sequence() {
        let shared = SharedJitter::new(7);
        let mut own = Jitter::new(7);
        for _ in 0..100 {
            assert_eq!(shared.next_u64(), own.next_u64());
        }
        assert_ne!(Jitter::new(0).next_u64(), 0);
    }
}
