//! Markdown, for a pull-request comment or `$GITHUB_STEP_SUMMARY`.

use std::fmt::Write as _;

use super::{not_compared_line, summary_line};
use crate::drift::finding::Finding;
use crate::drift::report::{FailOn, Report};

pub fn render(report: &Report, fail_on: FailOn) -> String {
    let mut out = String::from("## Drift: spec vs. GetSupportedAPIList\n\n");
    let verdict = if report.exit_code(fail_on) == 0 {
        "passes"
    } else {
        "**fails**"
    };
    let threshold = fail_on
        .threshold()
        .map_or("never".to_string(), |s| s.to_string());
    let _ = writeln!(
        out,
        "{} — the check {verdict} (`--fail-on {threshold}`).\n",
        summary_line(report)
    );
    if report.findings.is_empty() {
        out.push_str("No drift found.\n\n");
    } else {
        out.push_str("| severity | rule | interface | method | parameter | finding | spec |\n");
        out.push_str("|---|---|---|---|---|---|---|\n");
        for f in &report.findings {
            row(&mut out, f, &f.message);
        }
        out.push('\n');
    }
    if !report.accepted.is_empty() {
        let _ = writeln!(out, "### Accepted ({})\n", report.accepted.len());
        out.push_str("| severity | rule | interface | method | parameter | finding | spec |\n");
        out.push_str("|---|---|---|---|---|---|---|\n");
        for a in &report.accepted {
            let mut text = format!("{} — accepted: {}", a.finding.message, a.reason);
            if let Some(e) = a.expires {
                let _ = write!(text, " (until {e})");
            }
            row(&mut out, &a.finding, &text);
        }
        out.push('\n');
    }
    if let Some(nc) = not_compared_line(report) {
        let _ = writeln!(out, "_{}_", cell(&nc));
    }
    out
}

fn row(out: &mut String, f: &Finding, text: &str) {
    let method = match (&f.method, f.version) {
        (Some(m), Some(v)) => format!("{} v{v}", cell(m)),
        (Some(m), None) => cell(m),
        (None, _) => String::new(),
    };
    let _ = writeln!(
        out,
        "| {} | `{}` | {} | {method} | {} | {} | {} |",
        f.severity,
        f.rule,
        cell(&f.interface),
        f.parameter.as_deref().map(cell).unwrap_or_default(),
        cell(text),
        f.spec
            .as_ref()
            .map(|p| format!("`{}`", cell(&p.file_line())))
            .unwrap_or_default()
    );
}

/// Text safe inside a table cell: no pipes, no line breaks, no HTML.
fn cell(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' => o.push_str("\\|"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '&' => o.push_str("&amp;"),
            '\n' | '\r' | '\t' => o.push(' '),
            c if c.is_control() => {}
            c => o.push(c),
        }
    }
    o
}
