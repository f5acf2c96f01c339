//! The drift config (TOML): severity overrides per rule, and an allow-list of accepted findings.
//!
//! ```toml
//! [severity]
//! parameter-added = "warning"
//!
//! [[allow]]
//! rule = "method-added"
//! interface = "ISteamUser"
//! method = "GetPlayerBans"
//! reason = "not specified yet (issue 12)"
//! expires = 2026-12-31
//! ```
//!
//! Every error names `file:line:col`.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use super::date::Date;
use super::finding::{Finding, Rule, Severity};
use crate::syntax::pos::Pos;

/// Config files larger than this are refused.
pub const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// A parsed drift config: severity overrides and the allow-list.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Severity overrides by rule (the `[severity]` table).
    pub severity: HashMap<Rule, Severity>,
    /// The accepted findings (the `[[allow]]` entries), in file order.
    pub allow: Vec<Allow>,
}

/// One accepted finding (or family of findings: unset keys match anything).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Allow {
    /// The rule of the findings it accepts.
    pub rule: Rule,
    /// The interface the findings are about, e.g. `ISteamUser`.
    pub interface: String,
    /// Only findings about this method (as the listing names it); `None` matches any.
    pub method: Option<String>,
    /// Only findings about this method version (1 or more); `None` matches any.
    pub version: Option<u32>,
    /// Only findings about this parameter (as the finding names it, e.g. `publishedfileids[0]`);
    /// `None` matches any.
    pub parameter: Option<String>,
    /// Why the finding is accepted (required, never empty); shown next to it.
    pub reason: String,
    /// The last day the entry accepts anything; after it the findings are back, with an
    /// `allow-expired` one.
    pub expires: Option<Date>,
    /// The entry's `[[allow]]` table.
    pub pos: Pos,
}

impl Allow {
    /// Whether this entry covers `f`: same rule and interface, and the same method, version and
    /// parameter where the entry gives them. Expiry is not considered (see [`Allow::is_expired`]).
    pub fn matches(&self, f: &Finding) -> bool {
        self.rule == f.rule
            && self.interface == f.interface
            && self
                .method
                .as_ref()
                .is_none_or(|m| Some(m) == f.method.as_ref())
            && self.version.is_none_or(|v| Some(v) == f.version)
            && self
                .parameter
                .as_ref()
                .is_none_or(|p| Some(p) == f.parameter.as_ref())
    }

    /// Expired when today is past `expires` (the date itself is still valid).
    pub fn is_expired(&self, today: Date) -> bool {
        self.expires.is_some_and(|e| today > e)
    }
}

/// A config problem at `file:line:col`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// Where in the config file (only the file, for a read error).
    pub pos: Pos,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: error: {}", self.pos, self.message)
    }
}

impl std::error::Error for ConfigError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    allow: Vec<Spanned<RawAllow>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAllow {
    rule: Spanned<String>,
    interface: Spanned<String>,
    #[serde(default)]
    method: Option<String>,
    #[serde(default)]
    version: Option<Spanned<i64>>,
    #[serde(default)]
    parameter: Option<String>,
    reason: Spanned<String>,
    /// A TOML date (`2026-12-31`) or the same as a string.
    #[serde(default)]
    expires: Option<Spanned<toml::Value>>,
}

/// Reads and parses a config file.
pub fn load(path: &std::path::Path) -> Result<Config, ConfigError> {
    let name: Arc<str> = Arc::from(path.to_string_lossy().replace('\\', "/"));
    let bytes =
        crate::input::read_limit::read_file(path, MAX_CONFIG_BYTES).map_err(|e| ConfigError {
            pos: Pos::file(&name),
            message: e.to_string(),
        })?;
    let text = crate::input::utf8::into_text(bytes).map_err(|at| ConfigError {
        pos: Pos::new(&name, at.line as u32, at.column as u32),
        message: "file is not valid UTF-8".into(),
    })?;
    parse(&name, &text)
}

/// Parses config text; `name` is used in error positions.
pub fn parse(name: &Arc<str>, text: &str) -> Result<Config, ConfigError> {
    let err = |span: std::ops::Range<usize>, message: String| ConfigError {
        pos: pos_at(name, text, span.start),
        message,
    };
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        err(span, e.message().trim().to_string())
    })?;
    let rule_of = |s: &Spanned<String>| {
        Rule::from_id(s.get_ref()).ok_or_else(|| {
            let known: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
            err(
                s.span(),
                format!(
                    "unknown rule '{}' (known: {})",
                    s.get_ref(),
                    known.join(", ")
                ),
            )
        })
    };
    let mut config = Config::default();
    for (rule, sev) in &raw.severity {
        let r = rule_of(rule)?;
        let s = Severity::from_name(sev.get_ref()).ok_or_else(|| {
            err(
                sev.span(),
                format!(
                    "unknown severity '{}' (breaking, warning or info)",
                    sev.get_ref()
                ),
            )
        })?;
        config.severity.insert(r, s);
    }
    for entry in &raw.allow {
        let a = entry.get_ref();
        let rule = rule_of(&a.rule)?;
        if a.interface.get_ref().trim().is_empty() {
            return Err(err(a.interface.span(), "'interface' is empty".into()));
        }
        if a.reason.get_ref().trim().is_empty() {
            return Err(err(
                a.reason.span(),
                "'reason' is empty: say why the finding is accepted".into(),
            ));
        }
        let version = match &a.version {
            None => None,
            Some(v) => Some(
                u32::try_from(*v.get_ref())
                    .ok()
                    .filter(|v| *v > 0)
                    .ok_or_else(|| {
                        err(v.span(), format!("version must be from 1 to {}", u32::MAX))
                    })?,
            ),
        };
        let expires = match &a.expires {
            None => None,
            Some(e) => Some(date_of(e.get_ref()).ok_or_else(|| {
                err(
                    e.span(),
                    "expires must be a date, YYYY-MM-DD (e.g. 2026-12-31)".into(),
                )
            })?),
        };
        config.allow.push(Allow {
            rule,
            interface: a.interface.get_ref().clone(),
            method: a.method.clone(),
            version,
            parameter: a.parameter.clone(),
            reason: a.reason.get_ref().clone(),
            expires,
            pos: pos_at(name, text, entry.span().start),
        });
    }
    Ok(config)
}

fn date_of(v: &toml::Value) -> Option<Date> {
    match v {
        toml::Value::String(s) => Date::parse(s),
        toml::Value::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
            let d = dt.date?;
            Date::new(d.year, d.month, d.day)
        }
        _ => None,
    }
}

/// Line and column (in characters) of byte offset `at`.
fn pos_at(name: &Arc<str>, text: &str, at: usize) -> Pos {
    let at = at.min(text.len());
    let before = text.get(..at).unwrap_or(text);
    let (line, col) = crate::input::utf8::line_col(before);
    Pos::new(name, line as u32, col as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Result<Config, String> {
        parse(&Arc::from("drift.toml"), text).map_err(|e| e.to_string())
    }

    #[test]
    fn good_config() {
        let c = p(r#"
[severity]
parameter-added = "warning"

[[allow]]
rule = "method-added"
interface = "ISteamUser"
method = "GetPlayerBans"
version = 1
reason = "later"
expires = 2026-12-31

[[allow]]
rule = "interface-added"
interface = "IStoreService"
reason = "out of scope"
expires = "2027-01-01"
"#)
        .unwrap();
        assert_eq!(c.severity[&Rule::ParameterAdded], Severity::Warning);
        assert_eq!(c.allow.len(), 2);
        assert_eq!(c.allow[0].expires, Date::new(2026, 12, 31));
        assert_eq!(c.allow[0].pos.line, 5);
        assert_eq!(c.allow[1].expires, Date::new(2027, 1, 1));
    }

    #[test]
    fn errors_have_places() {
        assert_eq!(
            p("[severity]\nparameter-added = \"loud\"\n").unwrap_err(),
            "drift.toml:2:19: error: unknown severity 'loud' (breaking, warning or info)"
        );
        let e = p("[severity]\nparam-added = \"info\"\n").unwrap_err();
        assert!(
            e.starts_with("drift.toml:2:1: error: unknown rule 'param-added'"),
            "{e}"
        );
        let e = p("[[allow]]\nrule = \"method-added\"\ninterface = \"I\"\n").unwrap_err();
        assert!(e.contains("missing field `reason`"), "{e}");
        assert!(e.starts_with("drift.toml:1:"), "{e}");
        let e = p("[[allow]]\nrule = \"method-added\"\ninterface = \"I\"\nreason = \"r\"\nexpires = 2026-02-30\n")
            .unwrap_err();
        assert!(e.starts_with("drift.toml:5:11: error:"), "{e}");
        let e = p(
            "[[allow]]\nrule = \"method-added\"\ninterface = \"I\"\nreason = \"r\"\nexpire = 1\n",
        )
        .unwrap_err();
        assert!(e.contains("unknown field `expire`"), "{e}");
        let e = p("[severity\n").unwrap_err();
        assert!(e.starts_with("drift.toml:1:"), "{e}");
        for version in ["0", "99999999999"] {
            let e = p(&format!(
                "[[allow]]\nrule = \"method-added\"\ninterface = \"I\"\nreason = \"r\"\nversion = {version}\n"
            ))
            .unwrap_err();
            assert_eq!(
                e, "drift.toml:5:11: error: version must be from 1 to 4294967295",
                "{version}"
            );
        }
    }
}
