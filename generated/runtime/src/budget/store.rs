//! [`BudgetStore`]: where a budget's count lives, and the arithmetic of one
//! take (a GCRA token bucket and a count per UTC day).

use std::fmt;
use std::time::Duration;

use super::RateLimit;

/// Keeps the count of one or more budgets and takes calls from them. The
/// take must be atomic: two calls (or two processes, for a shared store) that
/// take at once never both get the last turn.
///
/// [`MemoryStore`](super::MemoryStore) is the default; [`RedisStore`](super::RedisStore)
/// (feature `redis`) shares one budget between processes and machines.
pub trait BudgetStore: Send + Sync + fmt::Debug {
    /// Takes one call from the budget named `scope` (`steam`, `backpacktf`)
    /// under `limit`. A call that is refused is not counted.
    fn take(&self, scope: &str, limit: &RateLimit) -> Result<Take, StoreError>;
}

/// The answer to one take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Take {
    /// The call is counted and may be sent after this wait (zero: now).
    After(Duration),
    /// The call's turn would come after `needed`, longer than the limit's
    /// `max_wait`; not counted.
    TooLong {
        /// The wait the bucket would have asked for.
        needed: Duration,
    },
    /// The day's cap is used up; not counted.
    CapReached {
        /// The time to the start of the next UTC day.
        resets_in: Duration,
    },
}

/// A store could not answer (a Redis server gone away, say).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoreError(pub String);

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StoreError {}

/// One budget's state, in microseconds since the Unix epoch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct State {
    /// When the bucket is next empty of reservations (GCRA's theoretical
    /// arrival time).
    pub(crate) tat: u64,
    /// The UTC day `used` counts.
    pub(crate) day: u64,
    /// Calls counted on `day`.
    pub(crate) used: u64,
}

pub(crate) const MICROS_PER_DAY: u64 = 24 * 60 * 60 * 1_000_000;

/// One take at `now` (µs since the epoch): the answer and, when the call is
/// counted, the new state. The Redis store's script is the same arithmetic.
pub(crate) fn take_at(state: State, now: u64, limit: &RateLimit) -> (Take, Option<State>) {
    let day = now / MICROS_PER_DAY;
    let used = if state.day == day { state.used } else { 0 };
    if limit.daily_cap.is_some_and(|cap| used >= cap) {
        let resets_in = (day + 1) * MICROS_PER_DAY - now;
        return (
            Take::CapReached {
                resets_in: Duration::from_micros(resets_in),
            },
            None,
        );
    }
    let interval = u64::try_from(limit.interval.as_micros()).unwrap_or(u64::MAX);
    // The call's turn is one interval after the last reservation (or now);
    // up to `burst` turns may be ahead of now without waiting.
    let tat = state.tat.max(now).saturating_add(interval);
    let ahead = interval.saturating_mul(u64::from(limit.burst));
    let wait = Duration::from_micros(tat.saturating_sub(now).saturating_sub(ahead));
    if wait > limit.max_wait {
        return (Take::TooLong { needed: wait }, None);
    }
    let next = State {
        tat,
        day,
        used: used + 1,
    };
    (Take::After(wait), Some(next))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEC: u64 = 1_000_000;

    fn run(limit: &RateLimit, times: &[u64]) -> Vec<Take> {
        let mut state = State::default();
        times
            .iter()
            .map(|&now| {
                let (take, next) = take_at(state, now, limit);
                state = next.unwrap_or(state);
                take
            })
            .collect()
    }

    #[test]
    fn a_burst_goes_at_once_and_the_rest_waits_its_turn() {
        let limit = RateLimit::per_second(2).burst(3);
        let t = 1000 * SEC;
        let takes = run(&limit, &[t, t, t, t, t]);
        let ms = Duration::from_millis;
        assert_eq!(
            takes,
            [
                Take::After(ms(0)),
                Take::After(ms(0)),
                Take::After(ms(0)),
                Take::After(ms(500)),
                Take::After(ms(1000)),
            ]
        );
        // A second later two turns have come back.
        let takes = run(&limit, &[t, t, t, t + SEC, t + SEC, t + SEC]);
        assert_eq!(
            takes[3..],
            [Take::After(ms(0)), Take::After(ms(0)), Take::After(ms(500))]
        );
    }

    #[test]
    fn a_wait_past_the_bound_is_refused_and_not_counted() {
        let limit = RateLimit::per_second(1).max_wait(Duration::from_millis(1500));
        let t = 5 * SEC;
        let takes = run(&limit, &[t, t, t, t, t + SEC]);
        let s = Duration::from_secs;
        assert_eq!(
            takes,
            [
                Take::After(s(0)),
                Take::After(s(1)),
                Take::TooLong { needed: s(2) },
                Take::TooLong { needed: s(2) },
                Take::After(s(1)),
            ]
        );
    }

    #[test]
    fn the_daily_cap_counts_per_utc_day() {
        let limit = RateLimit::per_second(0).daily_cap(2);
        let late = 3 * MICROS_PER_DAY - SEC;
        let takes = run(&limit, &[late, late, late, late + 2 * SEC]);
        assert_eq!(takes[..2], [Take::After(Duration::ZERO); 2]);
        assert_eq!(
            takes[2],
            Take::CapReached {
                resets_in: Duration::from_secs(1)
            }
        );
        assert_eq!(takes[3], Take::After(Duration::ZERO));
    }

    #[test]
    fn steam_default_spreads_the_day() {
        let limit = RateLimit::steam_default();
        assert_eq!(limit.interval, Duration::from_millis(864));
        assert_eq!(limit.daily_cap, Some(100_000));
        let t = 10 * SEC;
        let takes = run(&limit, &vec![t; 51]);
        assert_eq!(takes[49], Take::After(Duration::ZERO));
        assert_eq!(takes[50], Take::After(Duration::from_millis(864)));
    }
}
