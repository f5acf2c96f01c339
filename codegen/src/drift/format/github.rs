//! GitHub workflow commands: one annotation per finding, on the spec file and line.
//! <https://docs.github.com/actions/reference/workflow-commands-for-github-actions>

use std::fmt::Write as _;

use super::{not_compared_line, summary_line};
use crate::drift::finding::Severity;
use crate::drift::report::{FailOn, Report};

pub fn render(report: &Report, fail_on: FailOn) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let level = match f.severity {
            Severity::Breaking => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut props = Vec::new();
        if let Some(p) = &f.spec {
            props.push(format!("file={}", property(&p.file)));
            if p.line > 0 {
                props.push(format!("line={}", p.line));
            }
        }
        let subject = f.subject();
        let title = if subject.is_empty() {
            format!("drift {}: {}", f.rule, f.interface)
        } else {
            format!("drift {}: {} {subject}", f.rule, f.interface)
        };
        props.push(format!("title={}", property(&title)));
        let _ = writeln!(out, "::{level} {}::{}", props.join(","), data(&f.message));
    }
    if !report.accepted.is_empty() {
        let _ = writeln!(out, "::group::accepted drift ({})", report.accepted.len());
        for a in &report.accepted {
            let f = &a.finding;
            let _ = writeln!(
                out,
                "{} {} {}: {} (accepted: {})",
                f.interface,
                f.rule,
                f.subject(),
                data(&f.message),
                data(&a.reason)
            );
        }
        out.push_str("::endgroup::\n");
    }
    if let Some(nc) = not_compared_line(report) {
        let _ = writeln!(out, "{}", data(&nc));
    }
    let verdict = if report.exit_code(fail_on) == 0 {
        "ok"
    } else {
        "FAILED"
    };
    let _ = writeln!(out, "drift: {} ({verdict})", summary_line(report));
    out
}

/// Escapes a command's message.
pub(crate) fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property's value.
pub(crate) fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}
