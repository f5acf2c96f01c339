//! Plain text, grouped by interface.

use std::fmt::Write as _;

use super::{not_compared_line, summary_line};
use crate::drift::report::{FailOn, Report};

pub fn render(report: &Report, fail_on: FailOn) -> String {
    let mut out = String::new();
    let mut current: Option<&str> = None;
    for f in &report.findings {
        if current != Some(f.interface.as_str()) {
            if current.is_some() {
                out.push('\n');
            }
            let _ = writeln!(out, "{}", f.interface);
            current = Some(&f.interface);
        }
        let _ = write!(out, "  {:<8} {}", f.severity.name(), f.rule);
        let subject = f.subject();
        if !subject.is_empty() {
            let _ = write!(out, "  {subject}");
        }
        let _ = writeln!(out);
        let _ = writeln!(out, "           {}", f.message);
        if let Some(p) = &f.spec {
            let _ = writeln!(out, "           at {}", p.file_line());
        }
    }
    if !report.accepted.is_empty() {
        if !out.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(out, "accepted ({}):", report.accepted.len());
        for a in &report.accepted {
            let f = &a.finding;
            let _ = write!(out, "  {} {} {}", f.interface, f.rule, f.subject());
            let _ = write!(out, ": {}", a.reason);
            if let Some(e) = a.expires {
                let _ = write!(out, " (until {e})");
            }
            out.push('\n');
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    if let Some(nc) = not_compared_line(report) {
        let _ = writeln!(out, "{nc}");
    }
    let verdict = if report.exit_code(fail_on) == 0 {
        "ok"
    } else {
        "FAILED"
    };
    let threshold = match fail_on.threshold() {
        Some(s) => format!("fail-on {s}"),
        None => "fail-on never".into(),
    };
    if report.findings.is_empty() {
        let _ = writeln!(
            out,
            "drift: none: {} ({threshold}: {verdict})",
            summary_line(report)
        );
    } else {
        let _ = writeln!(
            out,
            "drift: {} ({threshold}: {verdict})",
            summary_line(report)
        );
    }
    out
}
