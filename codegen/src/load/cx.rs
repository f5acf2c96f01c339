//! The diagnostics context of one spec file (serde_derive's `Ctxt`): checks report at the
//! positioned value they are about, and an error-count checkpoint tells whether a part of the
//! spec resolved cleanly, so no check keeps an `ok` flag of its own.

use std::sync::Arc;

use crate::diag::Diagnostics;
use crate::syntax::pos::{Pos, Sp};

/// Reports problems in one file.
pub(crate) struct Cx<'a> {
    file: &'a Arc<str>,
    diags: &'a mut Diagnostics,
    /// Errors that make the part being resolved unusable (see [`Cx::recover`]).
    fatal: usize,
    recovering: bool,
}

/// The error count at one moment; [`Cx::clean_since`] compares against it.
#[derive(Clone, Copy)]
pub(crate) struct Checkpoint(usize);

impl<'a> Cx<'a> {
    /// A context reporting into `diags` for `file`.
    pub fn new(file: &'a Arc<str>, diags: &'a mut Diagnostics) -> Self {
        Cx {
            file,
            diags,
            fatal: 0,
            recovering: false,
        }
    }

    /// The file's name as displayed.
    pub fn file(&self) -> &Arc<str> {
        self.file
    }

    /// Where `v` stands in this file.
    pub fn pos<T>(&self, v: &Sp<T>) -> Pos {
        v.pos(self.file)
    }

    /// Records an error at `v`.
    pub fn error<T>(&mut self, v: &Sp<T>, message: impl Into<String>) {
        self.error_at(v.pos(self.file), message);
    }

    /// Records an error at a place worked out by the caller (inside a value, or a place
    /// recorded earlier).
    pub fn error_at(&mut self, pos: Pos, message: impl Into<String>) {
        self.diags.error(pos, message);
        if !self.recovering {
            self.fatal += 1;
        }
    }

    /// Records a warning at `v`.
    pub fn warning<T>(&mut self, v: &Sp<T>, message: impl Into<String>) {
        self.diags.warning(v.pos(self.file), message);
    }

    /// The error count now.
    pub fn checkpoint(&self) -> Checkpoint {
        Checkpoint(self.fatal)
    }

    /// Whether no error (other than recovered ones) was recorded since `cp`.
    pub fn clean_since(&self, cp: Checkpoint) -> bool {
        self.fatal == cp.0
    }

    /// Runs a check whose errors the resolver recovers from (it substitutes a fallback, e.g. the
    /// converted name for an invalid `rust_name`): the load still fails, but the part stays in
    /// the model, so the passes after it (recursion, examples) still check what depends on it.
    pub fn recover<R>(&mut self, check: impl FnOnce(&mut Self) -> R) -> R {
        let was = std::mem::replace(&mut self.recovering, true);
        let out = check(self);
        self.recovering = was;
        out
    }
}
