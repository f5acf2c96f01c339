//! JUnit XML: a test suite per interface, a test case per finding. Findings at or above
//! `--fail-on` are failures, accepted ones are skipped, the rest pass with their message.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::drift::finding::Finding;
use crate::drift::report::{FailOn, Report};

enum Case<'a> {
    Finding(&'a Finding),
    Accepted(&'a Finding, &'a str),
}

pub fn render(report: &Report, fail_on: FailOn) -> String {
    let mut suites: BTreeMap<&str, Vec<Case>> = BTreeMap::new();
    for f in &report.findings {
        suites
            .entry(&f.interface)
            .or_default()
            .push(Case::Finding(f));
    }
    for a in &report.accepted {
        suites
            .entry(&a.finding.interface)
            .or_default()
            .push(Case::Accepted(&a.finding, &a.reason));
    }
    let fails = |c: &Case| matches!(c, Case::Finding(f) if fail_on.fails(f.severity));
    let skips = |c: &Case| matches!(c, Case::Accepted(..));
    let all: Vec<&Case> = suites.values().flatten().collect();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"steamspec drift\" tests=\"{}\" failures=\"{}\" skipped=\"{}\">",
        all.len().max(1),
        all.iter().filter(|c| fails(c)).count(),
        all.iter().filter(|c| skips(c)).count()
    );
    if suites.is_empty() {
        out.push_str("  <testsuite name=\"drift\" tests=\"1\" failures=\"0\" skipped=\"0\">\n");
        out.push_str("    <testcase classname=\"drift\" name=\"no drift\"/>\n");
        out.push_str("  </testsuite>\n");
    }
    for (iface, cases) in &suites {
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" skipped=\"{}\">",
            esc(iface),
            cases.len(),
            cases.iter().filter(|c| fails(c)).count(),
            cases.iter().filter(|c| skips(c)).count()
        );
        for c in cases {
            let f = match c {
                Case::Finding(f) | Case::Accepted(f, _) => *f,
            };
            let name = format!("{} {}", f.rule, f.subject());
            let _ = write!(
                out,
                "    <testcase classname=\"{}\" name=\"{}\"",
                esc(iface),
                esc(name.trim())
            );
            if let Some(p) = &f.spec {
                let _ = write!(out, " file=\"{}\" line=\"{}\"", esc(&p.file), p.line);
            }
            out.push_str(">\n");
            match c {
                Case::Accepted(_, reason) => {
                    let _ = writeln!(
                        out,
                        "      <skipped message=\"accepted: {}\"/>",
                        esc(reason)
                    );
                }
                Case::Finding(f) if fail_on.fails(f.severity) => {
                    let _ = writeln!(
                        out,
                        "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                        f.severity,
                        esc(&f.message),
                        esc(&f.message)
                    );
                }
                Case::Finding(f) => {
                    let _ = writeln!(
                        out,
                        "      <system-out>{}: {}</system-out>",
                        f.severity,
                        esc(&f.message)
                    );
                }
            }
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

/// XML text and attribute escaping; characters XML 1.0 cannot hold are dropped.
fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            '\n' => o.push_str("&#10;"),
            '\t' | '\r' => o.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => o.push(c),
        }
    }
    o
}
