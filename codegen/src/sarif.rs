//! SARIF 2.1.0 logs (`--format sarif` of `drift`, `probe` and `lint`), for GitHub code scanning
//! and other SARIF viewers. One run per log; every result names a rule of the run's driver, sits
//! at a spec file and line, and carries a fingerprint made of what it is about (never its line or
//! wording), so that an alert survives edits elsewhere in the file.
//! <https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html>

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use crate::syntax::pos::Pos;

/// The schema a log names in `$schema`.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The key of [`Result::fingerprint`] in `partialFingerprints`; versioned so that a change of
/// what goes into it does not match old alerts by accident.
pub const FINGERPRINT_KEY: &str = "steamspec/v1";

/// `level`: how a viewer shows a result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// A problem that fails the check.
    Error,
    /// Worth a look.
    Warning,
    /// Worth knowing.
    Note,
}

impl Level {
    fn name(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "note",
        }
    }
}

/// One rule of the tool (`reportingDescriptor`).
#[derive(Clone, Debug)]
pub struct Rule {
    /// Stable id, e.g. `method-removed`.
    pub id: &'static str,
    /// One line on what it finds.
    pub summary: String,
    /// Its usual level (results may differ).
    pub level: Level,
}

/// One result.
#[derive(Clone, Debug)]
pub struct Finding {
    /// The rule's id; must be one of the log's rules.
    pub rule: &'static str,
    /// This result's level.
    pub level: Level,
    /// What was found.
    pub message: String,
    /// Where in the spec; `None` falls back to the log's fallback place.
    pub pos: Option<Pos>,
    /// The operation or parameter concerned (`ISteamUser/GetPlayerSummaries/v2`), if any.
    pub logical: Option<String>,
    /// What the result is about, independent of lines and wording (a repeated one gets `#2`,
    /// `#3`, ... in the log, in order).
    pub fingerprint: String,
    /// The allow-list's reason, for an accepted finding: shown as a suppression.
    pub suppressed: Option<String>,
    /// The tool's own severity word (`breaking`, `warning`, `info`), kept as a property.
    pub severity: Option<&'static str>,
}

/// Renders a log: `tool` runs `rules`, which found `results`; results without a place are put
/// at `fallback` (a SARIF viewer such as GitHub's needs a file), else left with only their
/// logical location.
pub fn render(tool: &str, rules: &[Rule], results: &[Finding], fallback: Option<&Pos>) -> String {
    let driver_rules: Vec<Value> = rules.iter().map(rule).collect();
    // A fingerprint seen before gets its occurrence number: each result stays its own alert.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let results: Vec<Value> = results
        .iter()
        .map(|r| {
            let n = seen.entry(r.fingerprint.as_str()).or_default();
            *n += 1;
            let fingerprint = match *n {
                1 => r.fingerprint.clone(),
                n => format!("{}#{n}", r.fingerprint),
            };
            result(rules, r, fingerprint, fallback)
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "steamspec",
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": driver_rules,
            }},
            "automationDetails": {"id": format!("steamspec/{tool}/")},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut out = serde_json::to_string_pretty(&log).expect("a JSON value serializes");
    out.push('\n');
    out
}

fn rule(r: &Rule) -> Value {
    json!({
        "id": r.id,
        "name": r.id,
        "shortDescription": {"text": r.summary},
        "defaultConfiguration": {"level": r.level.name()},
    })
}

fn result(rules: &[Rule], r: &Finding, fingerprint: String, fallback: Option<&Pos>) -> Value {
    let mut o = Map::new();
    o.insert("ruleId".into(), r.rule.into());
    if let Some(i) = rules.iter().position(|x| x.id == r.rule) {
        o.insert("ruleIndex".into(), i.into());
    }
    o.insert("level".into(), r.level.name().into());
    o.insert("message".into(), json!({"text": r.message}));
    let mut location = Map::new();
    if let Some(pos) = r.pos.as_ref().or(fallback) {
        location.insert("physicalLocation".into(), physical(pos));
    }
    if let Some(name) = &r.logical {
        location.insert(
            "logicalLocations".into(),
            json!([{"fullyQualifiedName": name}]),
        );
    }
    if !location.is_empty() {
        o.insert("locations".into(), json!([location]));
    }
    o.insert(
        "partialFingerprints".into(),
        json!({FINGERPRINT_KEY: fingerprint}),
    );
    if let Some(reason) = &r.suppressed {
        o.insert(
            "suppressions".into(),
            json!([{"kind": "external", "justification": reason}]),
        );
    }
    if let Some(s) = r.severity {
        o.insert("properties".into(), json!({"severity": s}));
    }
    Value::Object(o)
}

fn physical(pos: &Pos) -> Value {
    let mut region = Map::new();
    if pos.line > 0 {
        region.insert("startLine".into(), pos.line.into());
        if pos.col > 0 {
            region.insert("startColumn".into(), pos.col.into());
        }
    }
    // Relative names are relative to where steamspec ran: the checkout, for a workflow.
    let artifact = if pos.file.starts_with('/') {
        json!({"uri": format!("file://{}", uri(&pos.file))})
    } else {
        json!({"uri": uri(&pos.file), "uriBaseId": "%SRCROOT%"})
    };
    let mut p = json!({"artifactLocation": artifact});
    if !region.is_empty() {
        p["region"] = Value::Object(region);
    }
    p
}

/// A file name as a relative URI reference: `/` separators, anything but unreserved characters
/// percent-encoded.
pub fn uri(file: &str) -> String {
    let mut out = String::with_capacity(file.len());
    let file = file.strip_prefix("./").unwrap_or(file);
    for b in file.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            b'\\' => out.push('/'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_escaped() {
        assert_eq!(
            uri("spec/steam/ISteamUser.yaml"),
            "spec/steam/ISteamUser.yaml"
        );
        assert_eq!(uri("./my spec/ä.yaml"), "my%20spec/%C3%A4.yaml");
        assert_eq!(
            uri("<builtin providers.yaml>"),
            "%3Cbuiltin%20providers.yaml%3E"
        );
    }
}
