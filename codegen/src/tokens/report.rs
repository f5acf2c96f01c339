//! The result of `steamspec tokens check` and its output formats: text, JSON
//! and GitHub annotations, as `drift` has them.

use std::fmt::Write as _;

use serde::Serialize;

use super::catalog::Catalog;
use super::languages::ENGLISH;
use crate::diag::{Diagnostic, Severity};
use crate::drift::format::github::{data, property};

/// The diagnostics of a check, sorted by place, and what was checked.
#[derive(Clone, Debug)]
pub struct Report {
    /// Every problem, sorted by place.
    pub diagnostics: Vec<Diagnostic>,
    /// How many English tokens there are.
    pub tokens: usize,
    /// The languages found, sorted.
    pub languages: Vec<String>,
    /// An English token's reference, to show the form (`#InvitationText`).
    pub example: Option<String>,
}

/// How a report is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `file:line:col: error: message` lines and a summary.
    Text,
    /// `{"summary": {...}, "diagnostics": [...]}`.
    Json,
    /// GitHub workflow commands: one annotation per diagnostic.
    Github,
}

impl Report {
    /// The report of `catalog` with its diagnostics.
    pub fn new(catalog: &Catalog, diagnostics: Vec<Diagnostic>) -> Report {
        let english = catalog.tokens_of(ENGLISH);
        Report {
            diagnostics,
            tokens: english.len(),
            languages: catalog
                .by_language()
                .keys()
                .map(|l| l.to_string())
                .collect(),
            example: english.keys().next().map(|bare| format!("#{bare}")),
        }
    }

    /// How many errors and warnings.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        (errors, self.diagnostics.len() - errors)
    }

    /// 0 clean (warnings too unless `deny_warnings`), 1 findings.
    pub fn exit_code(&self, deny_warnings: bool) -> u8 {
        match self.counts() {
            (0, 0) => 0,
            (0, _) if !deny_warnings => 0,
            _ => 1,
        }
    }

    /// The one-line summary.
    pub fn summary(&self) -> String {
        let (errors, warnings) = self.counts();
        let reference = match &self.example {
            Some(example) => format!("; reference tokens with a leading '#' (\"{example}\")"),
            None => String::new(),
        };
        let languages = match self.languages.len() {
            0 => "no language".to_owned(),
            n => format!("{n} languages ({})", self.languages.join(", ")),
        };
        format!(
            "{} English tokens, {languages}: {errors} error(s), {warnings} warning(s){reference}",
            self.tokens
        )
    }

    /// The report in `format`.
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Text => self.text(),
            Format::Json => self.json(),
            Format::Github => self.github(),
        }
    }

    fn text(&self) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            let _ = writeln!(out, "{d}");
        }
        let _ = writeln!(out, "tokens: {}", self.summary());
        out
    }

    fn json(&self) -> String {
        #[derive(Serialize)]
        struct Out<'a> {
            summary: Summary<'a>,
            diagnostics: Vec<Item<'a>>,
        }
        #[derive(Serialize)]
        struct Summary<'a> {
            errors: usize,
            warnings: usize,
            tokens: usize,
            languages: &'a [String],
        }
        #[derive(Serialize)]
        struct Item<'a> {
            severity: &'static str,
            file: &'a str,
            line: u32,
            col: u32,
            message: &'a str,
        }
        let (errors, warnings) = self.counts();
        let out = Out {
            summary: Summary {
                errors,
                warnings,
                tokens: self.tokens,
                languages: &self.languages,
            },
            diagnostics: self
                .diagnostics
                .iter()
                .map(|d| Item {
                    severity: severity(d.severity),
                    file: &d.pos.file,
                    line: d.pos.line,
                    col: d.pos.col,
                    message: &d.message,
                })
                .collect(),
        };
        // A tree of strings and numbers always serializes.
        let mut text = serde_json::to_string_pretty(&out).unwrap_or_default();
        text.push('\n');
        text
    }

    fn github(&self) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            let mut props = vec![format!("file={}", property(&d.pos.file))];
            if d.pos.line > 0 {
                props.push(format!("line={}", d.pos.line));
            }
            if d.pos.col > 0 {
                props.push(format!("col={}", d.pos.col));
            }
            props.push("title=tokens check".to_owned());
            let _ = writeln!(
                out,
                "::{} {}::{}",
                severity(d.severity),
                props.join(","),
                data(&d.message)
            );
        }
        let _ = writeln!(out, "tokens: {}", data(&self.summary()));
        out
    }
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}
