//! A parallel map over a slice with scoped threads, order kept.
//!
//! Generation spends most of its time formatting Rust with syn and prettyplease; the pieces of
//! the interface modules are independent, so they are formatted side by side (and the spec
//! files parsed side by side). Work is handed out one item at a time (the items differ in size),
//! and the result is in the input's order, so the output stays byte-for-byte deterministic.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// `items.iter().map(f).collect()`, on up to `available_parallelism` threads.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if workers <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new(items.iter().map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let r = f(item);
                    // A poisoned lock means another worker panicked; its panic is re-raised
                    // when the scope ends, so this result no longer matters.
                    if let Ok(mut slots) = results.lock() {
                        slots[i] = Some(r);
                    }
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
        .into_iter()
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_the_order_and_every_item() {
        let items: Vec<u64> = (0..1000).collect();
        let out = super::map(&items, |i| {
            // Uneven work, so that items finish out of order.
            std::thread::sleep(std::time::Duration::from_micros((i % 7) * 20));
            i * 2
        });
        assert_eq!(out, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        assert!(super::map(&[] as &[u8], |x| *x).is_empty());
    }
}
