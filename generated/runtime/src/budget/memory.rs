//! [`MemoryStore`]: the budget counted in this process.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime};

use super::RateLimit;
use super::store::{BudgetStore, State, StoreError, Take, take_at};

/// The time a store reads: since the Unix epoch.
type Clock = Box<dyn Fn() -> Duration + Send + Sync>;

/// Keeps budgets in this process: shared by every clone of a client (and by
/// other clients given the same store), not by other processes. The default
/// store.
pub struct MemoryStore {
    states: Mutex<HashMap<String, State>>,
    clock: Clock,
}

impl MemoryStore {
    /// A store reading the system clock, steadied: a wall clock set back
    /// does not make calls wait.
    pub fn new() -> Self {
        let epoch = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default();
        let start = Instant::now();
        Self::with_clock(move || epoch + start.elapsed())
    }

    /// A store reading `clock` (the time since the Unix epoch) instead: a
    /// hook for tests that move time by hand.
    pub fn with_clock(clock: impl Fn() -> Duration + Send + Sync + 'static) -> Self {
        MemoryStore {
            states: Mutex::new(HashMap::new()),
            clock: Box::new(clock),
        }
    }
}

impl Default for MemoryStore {
    fn default() -> Self {
        Self::new()
    }
}

impl BudgetStore for MemoryStore {
    fn take(&self, scope: &str, limit: &RateLimit) -> Result<Take, StoreError> {
        let now = u64::try_from((self.clock)().as_micros()).unwrap_or(u64::MAX);
        let mut states = self.states.lock().unwrap_or_else(PoisonError::into_inner);
        let state = states.get(scope).copied().unwrap_or_default();
        let (take, next) = take_at(state, now, limit);
        if let Some(next) = next {
            states.insert(scope.to_owned(), next);
        }
        Ok(take)
    }
}

impl fmt::Debug for MemoryStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MemoryStore")
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU64, Ordering};

    use super::*;

    #[test]
    fn budgets_are_kept_apart_by_scope_and_follow_the_clock() {
        let now = Arc::new(AtomicU64::new(1_000_000));
        let clock = Arc::clone(&now);
        let store =
            MemoryStore::with_clock(move || Duration::from_millis(clock.load(Ordering::SeqCst)));
        let limit = RateLimit::per_second(1);
        let second = Take::After(Duration::from_secs(1));
        assert_eq!(store.take("steam", &limit), Ok(Take::After(Duration::ZERO)));
        assert_eq!(store.take("steam", &limit), Ok(second));
        assert_eq!(
            store.take("backpacktf", &limit),
            Ok(Take::After(Duration::ZERO))
        );
        now.fetch_add(2000, Ordering::SeqCst);
        assert_eq!(store.take("steam", &limit), Ok(Take::After(Duration::ZERO)));
    }
}
