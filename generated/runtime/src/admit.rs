//! What a call waits for before each request: the provider's shared
//! back-off, then its turn in the request budget. The async and blocking
//! clients ask [`next_step`] and do the waiting their own way.

use std::time::Duration;

use crate::builder::Config;
use crate::endpoint::ProviderId;
use crate::error::Error;

/// What to do before the next request.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Step {
    /// The provider is paused: wait this long, then ask again.
    Hold(Duration),
    /// The call has its turn: wait this long (zero: none), then send.
    Send(Duration),
}

/// The next step of a call to `provider` with `left` of its deadline. A
/// pause the call cannot outlive ends it with the 429's error; a budget
/// refusal ends it with [`Error::OverBudget`]. Either way nothing is sent.
pub(crate) fn next_step(
    config: &Config,
    provider: ProviderId,
    left: Duration,
) -> Result<Step, Error> {
    if let Some(pause) = config.backoff.remaining(provider) {
        if pause >= left {
            return Err(Error::RateLimited {
                retry_after: Some(pause),
            });
        }
        crate::trace::paused(pause);
        return Ok(Step::Hold(pause));
    }
    let wait = config.budget.take(provider)?;
    if !wait.is_zero() {
        crate::trace::budget_wait(wait);
    }
    Ok(Step::Send(wait))
}
