//! JSON: `{"summary": {...}, "findings": [...], "accepted": [...]}`, keys in a fixed order.

use serde::Serialize;

use crate::drift::finding::Finding;
use crate::drift::report::Report;

#[derive(Serialize)]
struct Out<'a> {
    summary: Summary,
    findings: Vec<JsonFinding<'a>>,
    accepted: Vec<JsonAccepted<'a>>,
}

#[derive(Serialize)]
struct Summary {
    breaking: usize,
    warning: usize,
    info: usize,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'static str,
    severity: &'static str,
    interface: &'a str,
    method: Option<&'a str>,
    version: Option<u32>,
    parameter: Option<&'a str>,
    message: &'a str,
    spec: Option<String>,
}

#[derive(Serialize)]
struct JsonAccepted<'a> {
    #[serde(flatten)]
    finding: JsonFinding<'a>,
    reason: &'a str,
    expires: Option<String>,
}

fn finding(f: &Finding) -> JsonFinding<'_> {
    JsonFinding {
        rule: f.rule.id(),
        severity: f.severity.name(),
        interface: &f.interface,
        method: f.method.as_deref(),
        version: f.version,
        parameter: f.parameter.as_deref(),
        message: &f.message,
        spec: f.spec.as_ref().map(|p| p.file_line()),
    }
}

pub fn render(report: &Report) -> String {
    let s = report.summary();
    let out = Out {
        summary: Summary {
            breaking: s.breaking,
            warning: s.warning,
            info: s.info,
        },
        findings: report.findings.iter().map(finding).collect(),
        accepted: report
            .accepted
            .iter()
            .map(|a| JsonAccepted {
                finding: finding(&a.finding),
                reason: &a.reason,
                expires: a.expires.map(|d| d.to_string()),
            })
            .collect(),
    };
    let mut text =
        serde_json::to_string_pretty(&out).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    text.push('\n');
    text
}
