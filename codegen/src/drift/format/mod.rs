//! Output formats, one file each: text (people), json (tools), markdown (PR comments, job
//! summaries), github (workflow annotations), junit (test reports), sarif (code scanning).

pub(crate) mod github;
mod json;
mod junit;
mod markdown;
pub mod sarif;
mod text;

use super::report::{FailOn, Report};

/// An output format of a drift report (`--format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `text`: for people; findings grouped by interface, with the spec's `file:line`.
    Text,
    /// `json`: for tools; the summary, the findings and the accepted ones.
    Json,
    /// `markdown`: tables for a pull-request comment or a job summary.
    Markdown,
    /// `github`: GitHub Actions workflow annotations on the spec file and line.
    Github,
    /// `junit`: a JUnit XML test report, a suite per interface and a case per finding.
    Junit,
    /// `sarif`: a SARIF 2.1.0 log for code scanning, each result at the spec's file and line.
    Sarif,
}

impl Format {
    /// Every format's name, as [`Format::from_name`] reads it.
    pub const NAMES: [&'static str; 6] = ["text", "json", "markdown", "github", "junit", "sarif"];

    /// The format with this name (`text`, `json`, ...); `None` for any other.
    pub fn from_name(s: &str) -> Option<Format> {
        match s {
            "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            "markdown" => Some(Format::Markdown),
            "github" => Some(Format::Github),
            "junit" => Some(Format::Junit),
            "sarif" => Some(Format::Sarif),
            _ => None,
        }
    }
}

/// Renders a report. `fail_on` decides what junit counts as a failure; the others show it in
/// their summary line (sarif has none; its results without a spec place have no file: use
/// [`sarif::render`] to give them one).
pub fn render(report: &Report, format: Format, fail_on: FailOn) -> String {
    match format {
        Format::Text => text::render(report, fail_on),
        Format::Json => json::render(report),
        Format::Markdown => markdown::render(report, fail_on),
        Format::Github => github::render(report, fail_on),
        Format::Junit => junit::render(report, fail_on),
        Format::Sarif => sarif::render(report, "drift", None),
    }
}

/// "2 breaking, 0 warning, 5 info (1 accepted)".
fn summary_line(report: &Report) -> String {
    let s = report.summary();
    let mut line = format!(
        "{} breaking, {} warning, {} info",
        s.breaking, s.warning, s.info
    );
    if !report.accepted.is_empty() {
        line.push_str(&format!(" ({} accepted)", report.accepted.len()));
    }
    line
}

/// What was left out, in one sentence; `None` when nothing was.
fn not_compared_line(report: &Report) -> Option<String> {
    let nc = &report.not_compared;
    let mut parts = Vec::new();
    let list = |v: &[String]| {
        let mut s = v.iter().take(4).cloned().collect::<Vec<_>>().join(", ");
        if v.len() > 4 {
            s.push_str(", ...");
        }
        s
    };
    if !nc.proposed.is_empty() {
        parts.push(format!(
            "{} proposed operation(s), never shipped so never listed ({})",
            nc.proposed.len(),
            list(&nc.proposed)
        ));
    }
    if !nc.other_providers.is_empty() {
        parts.push(format!(
            "{} operation(s) of providers without a listing ({})",
            nc.other_providers.len(),
            list(&nc.other_providers)
        ));
    }
    if nc.game_specific > 0 {
        parts.push(format!(
            "{} game-specific listing interface(s) no spec describes",
            nc.game_specific
        ));
    }
    (!parts.is_empty()).then(|| format!("not compared: {}", parts.join("; ")))
}
