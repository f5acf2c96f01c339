//! What the drift check reports: rules, severities and findings.

use std::fmt;

use crate::pos::Pos;

/// How much a finding matters. Ordered: `Info < Warning < Breaking`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Breaking,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Breaking => "breaking",
        }
    }

    pub fn from_name(s: &str) -> Option<Severity> {
        [Severity::Info, Severity::Warning, Severity::Breaking]
            .into_iter()
            .find(|x| x.name() == s)
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The comparison rules, plus the two the allow-list reports about itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    MethodRemoved,
    MethodAdded,
    VersionAdded,
    InterfaceAdded,
    HttpMethodChanged,
    ParameterRemoved,
    ParameterAdded,
    ParameterTypeChanged,
    ParameterOptionalityChanged,
    AuthChanged,
    MethodNotVisible,
    AllowExpired,
    AllowUnused,
}

impl Rule {
    pub const ALL: [Rule; 13] = [
        Rule::MethodRemoved,
        Rule::MethodAdded,
        Rule::VersionAdded,
        Rule::InterfaceAdded,
        Rule::HttpMethodChanged,
        Rule::ParameterRemoved,
        Rule::ParameterAdded,
        Rule::ParameterTypeChanged,
        Rule::ParameterOptionalityChanged,
        Rule::AuthChanged,
        Rule::MethodNotVisible,
        Rule::AllowExpired,
        Rule::AllowUnused,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Rule::MethodRemoved => "method-removed",
            Rule::MethodAdded => "method-added",
            Rule::VersionAdded => "version-added",
            Rule::InterfaceAdded => "interface-added",
            Rule::HttpMethodChanged => "http-method-changed",
            Rule::ParameterRemoved => "parameter-removed",
            Rule::ParameterAdded => "parameter-added",
            Rule::ParameterTypeChanged => "parameter-type-changed",
            Rule::ParameterOptionalityChanged => "parameter-optionality-changed",
            Rule::AuthChanged => "auth-changed",
            Rule::MethodNotVisible => "method-not-visible",
            Rule::AllowExpired => "allow-expired",
            Rule::AllowUnused => "allow-unused",
        }
    }

    pub fn from_id(s: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.id() == s)
    }

    /// The default severity. `parameter-added` and `auth-changed` are decided per finding
    /// (required or not; whether the client would stop sending a key the method needs).
    pub fn default_severity(self) -> Severity {
        match self {
            Rule::MethodRemoved
            | Rule::HttpMethodChanged
            | Rule::ParameterRemoved
            | Rule::ParameterAdded
            | Rule::ParameterTypeChanged => Severity::Breaking,
            Rule::ParameterOptionalityChanged
            | Rule::AuthChanged
            | Rule::AllowExpired
            | Rule::AllowUnused => Severity::Warning,
            Rule::MethodAdded
            | Rule::VersionAdded
            | Rule::InterfaceAdded
            | Rule::MethodNotVisible => Severity::Info,
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One difference between the spec and the listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    pub interface: String,
    /// The method as the listing names it.
    pub method: Option<String>,
    pub version: Option<u32>,
    /// The parameter as the listing names it (`publishedfileids[0]`), or the spec's wire name.
    pub parameter: Option<String>,
    pub message: String,
    /// Where in the spec (or the config, for the allow-list's own findings).
    pub spec: Option<Pos>,
}

impl Finding {
    /// Findings are sorted by this: interface, method, version, parameter, rule.
    pub fn sort_key(&self) -> (&str, Option<&str>, Option<u32>, Option<&str>, Rule) {
        (
            &self.interface,
            self.method.as_deref(),
            self.version,
            self.parameter.as_deref(),
            self.rule,
        )
    }

    /// `GetAppList v1 appid`, for one-line displays.
    pub fn subject(&self) -> String {
        let mut s = String::new();
        if let Some(m) = &self.method {
            s.push_str(m);
        }
        if let Some(v) = self.version {
            s.push_str(&format!(" v{v}"));
        }
        if let Some(p) = &self.parameter {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(p);
        }
        s
    }
}
