//! The retry waits' timer: [`sleep`] without an async runtime to ask.
//!
//! The runtime has no async runtime of its own (reqwest's tokio is not a
//! dependency here), so one shared thread wakes the waiting calls; it is
//! started on the first retry wait and sleeps when there is nothing to wake.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Condvar, Mutex, OnceLock, PoisonError, Weak};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

/// Waits `duration` without blocking the executor.
pub(crate) fn sleep(duration: Duration) -> Sleep {
    Sleep {
        at: Instant::now().checked_add(duration),
        slot: None,
    }
}

pub(crate) struct Sleep {
    /// `None`: too far in the future to represent; never ready.
    at: Option<Instant>,
    /// The waker the timer will wake for this sleep, shared with its one timer entry: polled
    /// again (a spurious wake-up, a `select!` polling every branch), the sleep updates the
    /// waker in place and adds no second entry. (`Waker::will_wake` alone cannot tell: it may
    /// answer false for clones of the same waker, depending on how the code was compiled.)
    slot: Option<Arc<Mutex<Waker>>>,
}

impl Future for Sleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let Some(at) = self.at else {
            return Poll::Pending;
        };
        if Instant::now() >= at {
            return Poll::Ready(());
        }
        match timer() {
            Some(timer) => {
                match &self.slot {
                    Some(slot) => slot
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .clone_from(cx.waker()),
                    None => {
                        let slot = Arc::new(Mutex::new(cx.waker().clone()));
                        timer.register(at, Arc::downgrade(&slot));
                        self.slot = Some(slot);
                    }
                }
                Poll::Pending
            }
            // No thread could be started: retry without waiting rather than
            // block the executor.
            None => Poll::Ready(()),
        }
    }
}

struct Timer {
    queue: Mutex<BinaryHeap<Entry>>,
    changed: Condvar,
}

struct Entry {
    at: Instant,
    /// The sleep's waker; gone once the sleep is dropped, and then nothing is woken.
    waker: Weak<Mutex<Waker>>,
}

// A min-heap on `at`.
impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        other.at.cmp(&self.at)
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.at == other.at
    }
}

impl Eq for Entry {}

fn timer() -> Option<&'static Timer> {
    static TIMER: OnceLock<Option<&'static Timer>> = OnceLock::new();
    *TIMER.get_or_init(|| {
        let timer: &'static Timer = Box::leak(Box::new(Timer {
            queue: Mutex::new(BinaryHeap::new()),
            changed: Condvar::new(),
        }));
        std::thread::Builder::new()
            .name("steam-webapi-retry-timer".to_owned())
            .spawn(move || timer.run())
            .ok()
            .map(|_| timer)
    })
}

impl Timer {
    fn register(&self, at: Instant, waker: Weak<Mutex<Waker>>) {
        let mut queue = self.queue.lock().unwrap_or_else(PoisonError::into_inner);
        queue.push(Entry { at, waker });
        drop(queue);
        self.changed.notify_one();
    }

    fn run(&self) {
        let mut queue = self.queue.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            let now = Instant::now();
            let mut due = Vec::new();
            while queue.peek().is_some_and(|e| e.at <= now) {
                if let Some(slot) = queue.pop().and_then(|entry| entry.waker.upgrade()) {
                    due.push(slot.lock().unwrap_or_else(PoisonError::into_inner).clone());
                }
            }
            if !due.is_empty() {
                // Wake outside the lock: a waker may poll (and register) inline.
                drop(queue);
                due.into_iter().for_each(Waker::wake);
                queue = self.queue.lock().unwrap_or_else(PoisonError::into_inner);
                continue;
            }
            queue = match queue.peek().map(|e| e.at.saturating_duration_since(now)) {
                Some(wait) => {
                    self.changed
                        .wait_timeout(queue, wait)
                        .unwrap_or_else(PoisonError::into_inner)
                        .0
                }
                None => self
                    .changed
                    .wait(queue)
                    .unwrap_or_else(PoisonError::into_inner),
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Polled again and again with the same waker, a sleep holds one entry in the timer, not
    /// one per poll. (Other tests may add a few entries meanwhile, never a thousand.)
    #[test]
    fn polling_a_sleep_again_adds_no_entry() {
        let waker = Waker::noop();
        let mut cx = Context::from_waker(waker);
        let mut sleeping = std::pin::pin!(sleep(Duration::from_secs(60)));
        let queued = || {
            timer()
                .map(|t| t.queue.lock().unwrap_or_else(PoisonError::into_inner).len())
                .unwrap_or(0)
        };
        assert!(sleeping.as_mut().poll(&mut cx).is_pending());
        let before = queued();
        for _ in 0..1000 {
            assert!(sleeping.as_mut().poll(&mut cx).is_pending());
        }
        assert!(queued() < before + 10, "{} -> {}", before, queued());
    }

    /// Polled with another waker (the task moved), the sleep wakes the new one only.
    #[test]
    fn the_last_waker_is_woken() {
        use std::sync::atomic::{AtomicBool, Ordering};
        use std::task::Wake;
        struct Flag(AtomicBool);
        impl Wake for Flag {
            fn wake(self: Arc<Self>) {
                self.0.store(true, Ordering::SeqCst);
            }
        }
        let (old, new) = (
            Arc::new(Flag(AtomicBool::new(false))),
            Arc::new(Flag(AtomicBool::new(false))),
        );
        let mut sleeping = std::pin::pin!(sleep(Duration::from_millis(20)));
        let old_waker = Waker::from(old.clone());
        let new_waker = Waker::from(new.clone());
        assert!(
            sleeping
                .as_mut()
                .poll(&mut Context::from_waker(&old_waker))
                .is_pending()
        );
        assert!(
            sleeping
                .as_mut()
                .poll(&mut Context::from_waker(&new_waker))
                .is_pending()
        );
        let start = Instant::now();
        while !new.0.load(Ordering::SeqCst) {
            assert!(
                start.elapsed() < Duration::from_secs(5),
                "the new waker was not woken"
            );
            std::thread::sleep(Duration::from_millis(2));
        }
        assert!(
            !old.0.load(Ordering::SeqCst),
            "the replaced waker was woken"
        );
    }

    #[test]
    fn sleep_wakes_a_plain_executor() {
        use std::task::Wake;
        struct Unpark(std::thread::Thread);
        impl Wake for Unpark {
            fn wake(self: Arc<Self>) {
                self.0.unpark();
            }
        }
        let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
        let mut cx = Context::from_waker(&waker);
        let start = Instant::now();
        let mut a = std::pin::pin!(sleep(Duration::from_millis(30)));
        let mut b = std::pin::pin!(sleep(Duration::from_millis(10)));
        let (mut a_done, mut b_done) = (false, false);
        while !(a_done && b_done) {
            a_done = a_done || a.as_mut().poll(&mut cx).is_ready();
            b_done = b_done || b.as_mut().poll(&mut cx).is_ready();
            if !(a_done && b_done) {
                std::thread::park_timeout(Duration::from_secs(5));
            }
            assert!(start.elapsed() < Duration::from_secs(5));
        }
        assert!(start.elapsed() >= Duration::from_millis(30));
    }
}
