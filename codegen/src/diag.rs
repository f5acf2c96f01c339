//! Diagnostics: every problem found in a spec, with where it is.
//!
//! Printed as `spec/steam/ISteamHub.yaml:42:7: error: unknown type 'HubStatuss' (did you mean
//! 'HubStatus'?)`, one per line, sorted by place.

use std::fmt;

use crate::syntax::pos::Pos;

/// How serious a [`Diagnostic`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The spec cannot be used: the load fails.
    Error,
    /// Worth showing, but the spec still loads.
    Warning,
}

/// One problem found in a spec, with where it is; displays as `file:line:col: error: message`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// Where the problem is.
    pub pos: Pos,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, without the place or severity (e.g. `unknown type 'HubStatuss' (did you mean
    /// 'HubStatus'?)`).
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}: {sev}: {}", self.pos, self.message)
    }
}

/// A collector: checks push into it and go on, so one run reports everything.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Records an error at `pos`.
    pub fn error(&mut self, pos: Pos, message: impl Into<String>) {
        self.items.push(Diagnostic {
            pos,
            severity: Severity::Error,
            message: message.into(),
        });
    }

    /// Records a warning at `pos`.
    pub fn warning(&mut self, pos: Pos, message: impl Into<String>) {
        self.items.push(Diagnostic {
            pos,
            severity: Severity::Warning,
            message: message.into(),
        });
    }

    /// Takes over `other`'s diagnostics (order does not matter: they are sorted at the end).
    pub fn append(&mut self, mut other: Diagnostics) {
        self.items.append(&mut other.items);
    }

    /// Whether any error (not just warnings) has been recorded.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Sorted by place, duplicates removed.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort();
        self.items.dedup();
        self.items
    }
}

/// " (did you mean 'X'?)" when a candidate is close enough, else "".
pub fn did_you_mean<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(&wrong.to_lowercase(), &c.to_lowercase());
        if score > 0.8 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    match best {
        Some((_, c)) => format!(" (did you mean '{c}'?)"),
        None => String::new(),
    }
}
