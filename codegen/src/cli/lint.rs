//! `steamspec lint`: load and check a spec folder.

use std::path::Path;

use clap::ValueEnum;
use steamspec::LoadError;
use steamspec::diag::{Diagnostic, Severity};
use steamspec::sarif;

use super::{EXIT_ERROR, EXIT_FOUND, EXIT_OK};

/// How `lint` reports.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LintFormat {
    /// `file:line:col: error: message` lines on stderr.
    Text,
    /// A SARIF 2.1.0 log on stdout (the summary stays on stderr).
    Sarif,
}

pub fn run(spec: &Path, format: LintFormat) -> u8 {
    let (diags, summary, code) = match steamspec::load_dir(spec) {
        Ok(loaded) => {
            let m = &loaded.model;
            // Imported operations (untyped responses, from a listing) are counted apart.
            let imported = m.operations().filter(|o| o.imported.is_some()).count();
            let summary = format!(
                "{}: {} interfaces, {} operations, {} types{}",
                spec.display(),
                m.interfaces.len(),
                m.operations().count(),
                m.types.len(),
                if imported > 0 {
                    format!("; {imported} of the operations imported (untyped responses)")
                } else {
                    String::new()
                }
            );
            (loaded.warnings, summary, EXIT_OK)
        }
        Err(LoadError::Spec(diags)) => {
            let errors = diags
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            let summary = format!("{}: {errors} error(s)", spec.display());
            (diags, summary, EXIT_FOUND)
        }
        Err(LoadError::Io(e)) => {
            eprintln!("error: {e}");
            return EXIT_ERROR;
        }
    };
    match format {
        LintFormat::Text => {
            diags.iter().for_each(|d| eprintln!("{d}"));
            if code == EXIT_OK {
                println!("{summary}");
            } else {
                eprintln!("{summary}");
            }
        }
        LintFormat::Sarif => {
            print!("{}", log(&diags));
            eprintln!("{summary}");
        }
    }
    code
}

/// The diagnostics as a SARIF log: `spec-error` (the spec does not load) and `spec-warning`.
pub fn log(diags: &[Diagnostic]) -> String {
    let rules = [
        sarif::Rule {
            id: "spec-error",
            summary: "The spec cannot be loaded: generation and drift refuse it.".into(),
            level: sarif::Level::Error,
        },
        sarif::Rule {
            id: "spec-warning",
            summary: "The spec loads, but something in it is likely a mistake.".into(),
            level: sarif::Level::Warning,
        },
    ];
    let results: Vec<sarif::Finding> = diags
        .iter()
        .map(|d| {
            let (rule, level) = match d.severity {
                Severity::Error => ("spec-error", sarif::Level::Error),
                Severity::Warning => ("spec-warning", sarif::Level::Warning),
            };
            sarif::Finding {
                rule,
                level,
                message: d.message.clone(),
                pos: Some(d.pos.clone()),
                logical: None,
                // The file and the message: a line moved by an edit above is the same problem.
                fingerprint: format!("{rule}:{}:{}", d.pos.file, d.message),
                suppressed: None,
                severity: None,
            }
        })
        .collect();
    sarif::render("lint", &rules, &results, None)
}
