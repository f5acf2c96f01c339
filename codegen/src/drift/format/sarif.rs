//! SARIF 2.1.0: one result per finding at the spec file and line of the operation or parameter
//! (the listing has no lines), accepted findings as suppressed results.

use crate::drift::finding::{Finding, Rule, Severity};
use crate::drift::report::Report;
use crate::sarif;
use crate::syntax::pos::Pos;

/// The log of a report of `tool` (`drift`, `probe`); findings without a spec place (an
/// interface no spec file describes) go to `fallback`, e.g. the provider's entry in
/// `providers.yaml`.
pub fn render(report: &Report, tool: &str, fallback: Option<&Pos>) -> String {
    let mut results: Vec<sarif::Finding> =
        report.findings.iter().map(|f| result(f, None)).collect();
    results.extend(
        report
            .accepted
            .iter()
            .map(|a| result(&a.finding, Some(&a.reason))),
    );
    sarif::render(tool, &rules(), &results, fallback)
}

/// Every drift rule, for the log's driver.
pub fn rules() -> Vec<sarif::Rule> {
    Rule::ALL
        .into_iter()
        .map(|r| sarif::Rule {
            id: r.id(),
            summary: summary(r).to_string(),
            level: level(r.default_severity()),
        })
        .collect()
}

/// The SARIF level of a severity: breaking findings are errors, info ones notes.
pub fn level(s: Severity) -> sarif::Level {
    match s {
        Severity::Breaking => sarif::Level::Error,
        Severity::Warning => sarif::Level::Warning,
        Severity::Info => sarif::Level::Note,
    }
}

fn result(f: &Finding, accepted: Option<&str>) -> sarif::Finding {
    let operation = f.method.as_ref().map(|m| match f.version {
        Some(v) => format!("{}/{m}/v{v}", f.interface),
        None => format!("{}/{m}", f.interface),
    });
    let logical = match (&operation, &f.parameter) {
        (Some(op), Some(p)) => format!("{op}/{p}"),
        (Some(op), None) => op.clone(),
        (None, _) => f.interface.clone(),
    };
    sarif::Finding {
        rule: f.rule.id(),
        level: level(f.severity),
        message: f.message.clone(),
        pos: f.spec.clone(),
        fingerprint: format!("{}:{logical}", f.rule.id()),
        logical: Some(logical),
        suppressed: accepted.map(str::to_string),
        severity: Some(f.severity.name()),
    }
}

/// One line per rule, for SARIF viewers (the README's rules table says more).
pub fn summary(r: Rule) -> &'static str {
    match r {
        Rule::MethodRemoved => "An operation of the spec is not in the listing.",
        Rule::MethodAdded => {
            "The listing has a method (or an older version) the spec does not describe."
        }
        Rule::VersionAdded => "The listing has a newer version of a method the spec describes.",
        Rule::InterfaceAdded => "The listing has an interface no spec file describes.",
        Rule::HttpMethodChanged => "The listing's HTTP method differs from the spec's.",
        Rule::ParameterRemoved => "A parameter of the spec is not in the listing.",
        Rule::ParameterAdded => "The listing has a parameter the spec does not describe.",
        Rule::ParameterTypeChanged => "The listing types a parameter otherwise than the spec.",
        Rule::ParameterOptionalityChanged => {
            "The listing and the spec differ on whether a parameter is required."
        }
        Rule::DescriptionChanged => {
            "The listing rewords the description of an operation or parameter (a warning when it speaks of deprecation or removal)."
        }
        Rule::AuthChanged => "The listing's key parameter differs from the operation's auth.",
        Rule::MethodNotVisible => {
            "A publisher-only operation cannot be verified against a listing fetched with an ordinary key."
        }
        Rule::MethodGone => {
            "probe: the operation answered 404 or 410 (gone while perhaps still listed)."
        }
        Rule::ResponseDrift => {
            "probe: the live response has what the spec does not describe (breaking when decoding would fail)."
        }
        Rule::AllowExpired => "An allow-list entry is past its expiry date.",
        Rule::AllowUnused => "An allow-list entry matches no finding.",
    }
}
