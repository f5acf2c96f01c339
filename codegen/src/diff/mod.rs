//! `steamspec diff`: what a spec change does to the users of the generated crate and schemas.
//!
//! Two resolved models are compared (never their YAML): operations and their parameters, named
//! types, their fields and enum values. Each change is classified like semver for the crate
//! (and like oasdiff for the schemas): something removed or retyped, or a parameter made
//! required, is **major**; something added **minor**; documentation only **patch**.

mod format;
mod operations;
mod types;

use std::fmt;

use crate::model::Model;
use crate::syntax::pos::Pos;

pub use format::{Format, render};

/// How a change affects users. Ordered: `Patch < Minor < Major`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Documentation only: rustdoc and schema descriptions.
    Patch,
    /// Something added that no existing caller has to change for.
    Minor,
    /// Existing callers or consumers may break: removed, retyped, newly required.
    Major,
}

impl Level {
    /// `patch`, `minor` or `major`.
    pub fn name(self) -> &'static str {
        match self {
            Level::Patch => "patch",
            Level::Minor => "minor",
            Level::Major => "major",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One change between the old and the new spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// How it affects users.
    pub level: Level,
    /// The rule's id, e.g. `parameter-removed` (README's table lists them).
    pub rule: &'static str,
    /// What changed: `ISteamUser/GetPlayerSummaries/v2`, `.../steamids`, `Player.steamid`.
    pub subject: String,
    /// What happened, for people.
    pub message: String,
    /// Where in the new spec (the old one for something removed).
    pub pos: Option<Pos>,
}

/// Every change from `old` to `new`, sorted by subject, then rule.
pub fn diff(old: &Model, new: &Model) -> Vec<Change> {
    let mut out = Vec::new();
    operations::compare(old, new, &mut out);
    types::compare(old, new, &mut out);
    out.sort_by(|a, b| (&a.subject, a.rule).cmp(&(&b.subject, b.rule)));
    out
}

/// The level of the whole change: the highest of its changes (`None` when nothing changed).
pub fn overall(changes: &[Change]) -> Option<Level> {
    changes.iter().map(|c| c.level).max()
}

/// Pushes a change.
fn push(
    out: &mut Vec<Change>,
    level: Level,
    rule: &'static str,
    subject: impl Into<String>,
    message: String,
    pos: &Pos,
) {
    out.push(Change {
        level,
        rule,
        subject: subject.into(),
        message,
        pos: Some(pos.clone()),
    });
}

/// `patch` `docs-changed` when two texts differ.
fn docs<T: PartialEq>(
    out: &mut Vec<Change>,
    subject: &str,
    what: &str,
    old: &T,
    new: &T,
    pos: &Pos,
) {
    if old != new {
        push(
            out,
            Level::Patch,
            "docs-changed",
            subject,
            format!("{what} changed"),
            pos,
        );
    }
}
