//! A tracing subscriber that records every span (target, name and fields), span record and
//! event (target and fields) as one line in [`CAPTURED`], for the tests that scan what the
//! client emits (secrets.rs, tracing_events.rs). Included with `#[path]` by each.

use std::fmt::Write as _;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// Every line captured so far (the secrets test adds its `log` records here too).
pub static CAPTURED: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// The subscriber; install it with `tracing::subscriber::set_global_default(Capture::new())`.
pub struct Capture {
    next_id: AtomicU64,
}

impl Capture {
    pub fn new() -> Self {
        Capture {
            next_id: AtomicU64::new(1),
        }
    }
}

struct Fields(String);

impl tracing::field::Visit for Fields {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        let _ = write!(self.0, " {}={value:?}", field.name());
    }
}

impl tracing::Subscriber for Capture {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        let meta = span.metadata();
        let mut fields = Fields(format!("span {} {}", meta.target(), meta.name()));
        span.record(&mut fields);
        CAPTURED.lock().unwrap().push(fields.0);
        tracing::span::Id::from_u64(self.next_id.fetch_add(1, Ordering::Relaxed))
    }
    fn record(&self, _: &tracing::span::Id, values: &tracing::span::Record<'_>) {
        let mut fields = Fields("record".to_owned());
        values.record(&mut fields);
        CAPTURED.lock().unwrap().push(fields.0);
    }
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        let mut fields = Fields(format!("event {}", event.metadata().target()));
        event.record(&mut fields);
        CAPTURED.lock().unwrap().push(fields.0);
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}
