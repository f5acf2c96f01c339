//! Batches: an operation whose parameter takes at most `n` items (Steam's
//! GetPlayerSummaries: 100 SteamIDs; backpack.tf's delete: 200 ids) called
//! with any number of them, cut into calls within the limit, run with a
//! bounded concurrency (`ClientBuilder::batch_concurrency`) and merged in
//! the order of the input, as the spec says ([`Batch`], generated).
//!
//! One failed call fails the whole batch with [`Error::Batch`], which says
//! which call and which items; the calls still in flight are dropped. Each
//! call keeps the client's rules: budget, back-off, and retries for `GET`
//! only.

use std::ops::Range;

use crate::endpoint::Endpoint;
use crate::error::Error;

/// The default number of a batch's calls in flight at once.
pub const DEFAULT_CONCURRENCY: usize = 4;

/// An operation whose items can be cut into several calls; implemented by the
/// generated request types of operations with a `batch:` in the spec.
pub trait Batch: Endpoint<Response: Send> + Clone + Send + Sync {
    /// The most items one call takes.
    const MAX_ITEMS: usize;

    /// How many items this request holds.
    fn item_count(&self) -> usize;

    /// This request with only the items in `range`.
    fn with_items(&self, range: Range<usize>) -> Self;

    /// Adds the answer of a later call to the answer so far.
    fn merge(into: &mut Self::Response, next: Self::Response);
}

/// The item ranges of a batch's calls, in order: one range (possibly empty,
/// for the operation's own validation to judge) when the items fit one call.
pub(crate) fn chunks(count: usize, max: usize) -> Vec<Range<usize>> {
    let max = max.max(1);
    if count <= max {
        return std::iter::once(0..count).collect();
    }
    (0..count.div_ceil(max))
        .map(|i| i * max..((i + 1) * max).min(count))
        .collect()
}

/// The error of call `index` among `ranges`.
pub(crate) fn chunk_error(index: usize, ranges: &[Range<usize>], error: Error) -> Error {
    Error::Batch {
        call: index,
        calls: ranges.len(),
        items: ranges[index].clone(),
        error: Box::new(error),
    }
}

/// Merges the answers, in input order.
pub(crate) fn merge_all<E: Batch>(
    answers: impl IntoIterator<Item = E::Response>,
) -> Option<E::Response> {
    let mut answers = answers.into_iter();
    let mut merged = answers.next()?;
    for next in answers {
        E::merge(&mut merged, next);
    }
    Some(merged)
}

/// Runs `call` on each range with up to `concurrency` threads; the answers in
/// range order. After a failure no further call starts; the ones not made
/// are left out, so the first error is the last answer.
#[cfg(feature = "blocking")]
pub(crate) fn run_blocking<T: Send>(
    concurrency: usize,
    ranges: &[Range<usize>],
    call: impl Fn(Range<usize>) -> Result<T, Error> + Sync,
) -> Vec<Result<T, Error>> {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::{Mutex, PoisonError};

    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let answers: Mutex<Vec<Option<Result<T, Error>>>> =
        Mutex::new(ranges.iter().map(|_| None).collect());
    let work = || {
        while !failed.load(Ordering::Relaxed) {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(range) = ranges.get(i) else { break };
            let answer = call(range.clone());
            failed.fetch_or(answer.is_err(), Ordering::Relaxed);
            answers.lock().unwrap_or_else(PoisonError::into_inner)[i] = Some(answer);
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..concurrency.clamp(1, ranges.len()) {
            scope.spawn(work);
        }
        work();
    });
    let answers = answers.into_inner().unwrap_or_else(PoisonError::into_inner);
    let mut done = Vec::with_capacity(answers.len());
    for answer in answers {
        let Some(answer) = answer else { break };
        let stop = answer.is_err();
        done.push(answer);
        if stop {
            break;
        }
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    // A single call is a list of one range, not the range's items.
    #[allow(clippy::single_range_in_vec_init)]
    #[test]
    fn items_are_cut_into_calls_within_the_limit_in_order() {
        let one = |r: Range<usize>| vec![r.start..r.end; 1];
        assert_eq!(chunks(0, 100), one(0..0));
        assert_eq!(chunks(100, 100), one(0..100));
        assert_eq!(chunks(250, 100), [0..100, 100..200, 200..250]);
        assert_eq!(chunks(3, 0), [0..1, 1..2, 2..3]);
    }
}
