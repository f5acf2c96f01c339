//! What the drift check reports: rules, severities and findings.

use std::fmt;

use crate::syntax::pos::Pos;

/// How much a finding matters. Ordered: `Info < Warning < Breaking`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth knowing; nothing the client does breaks (e.g. a method added).
    Info,
    /// Worth a look (e.g. a parameter's optionality changed, or a stale allow-list entry).
    Warning,
    /// Calls the client makes may fail (e.g. a method removed).
    Breaking,
}

impl Severity {
    /// The name in configs and output: `info`, `warning` or `breaking`.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Breaking => "breaking",
        }
    }

    /// The severity a name stands for; `None` for an unknown name.
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
    /// `method-removed`: an operation of the spec that the listing does not have.
    MethodRemoved,
    /// `method-added`: a listed method of an interface the spec describes, missing from the spec
    /// (an older version too).
    MethodAdded,
    /// `version-added`: the listing has a newer version of a method the spec describes.
    VersionAdded,
    /// `interface-added`: a listed interface that no spec file describes.
    InterfaceAdded,
    /// `http-method-changed`: the listing's HTTP method differs from the spec's.
    HttpMethodChanged,
    /// `parameter-removed`: a spec parameter the listing no longer has.
    ParameterRemoved,
    /// `parameter-added`: a listed parameter missing from the spec (breaking when the listing
    /// requires it).
    ParameterAdded,
    /// `parameter-type-changed`: the listing's type differs from how the spec's type is listed.
    ParameterTypeChanged,
    /// `parameter-optionality-changed`: required vs optional differ.
    ParameterOptionalityChanged,
    /// `description-changed`: the listing's description of an operation or parameter differs
    /// from the one the spec records (`listing_description`, else `description`).
    DescriptionChanged,
    /// `auth-changed`: the listing's `key` parameter (absent, optional, required) differs from the
    /// operation's `auth`.
    AuthChanged,
    /// `method-not-visible`: a publisher-only operation absent from a listing that shows none of
    /// the spec's publisher-only operations (fetched with an ordinary key).
    MethodNotVisible,
    /// `method-gone`: `steamspec probe` called the operation and it answered 404 or 410.
    MethodGone,
    /// `response-drift`: `steamspec probe` called the operation and the strict response check
    /// found what the spec does not describe (breaking when the client's decoding would fail).
    ResponseDrift,
    /// `allow-expired`: an allow-list entry past its `expires` date.
    AllowExpired,
    /// `allow-unused`: an allow-list entry that matches no finding.
    AllowUnused,
}

impl Rule {
    /// Every rule, in declaration order.
    pub const ALL: [Rule; 16] = [
        Rule::MethodRemoved,
        Rule::MethodAdded,
        Rule::VersionAdded,
        Rule::InterfaceAdded,
        Rule::HttpMethodChanged,
        Rule::ParameterRemoved,
        Rule::ParameterAdded,
        Rule::ParameterTypeChanged,
        Rule::ParameterOptionalityChanged,
        Rule::DescriptionChanged,
        Rule::AuthChanged,
        Rule::MethodNotVisible,
        Rule::MethodGone,
        Rule::ResponseDrift,
        Rule::AllowExpired,
        Rule::AllowUnused,
    ];

    /// The rule's id in configs and output, e.g. `method-removed`.
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
            Rule::DescriptionChanged => "description-changed",
            Rule::AuthChanged => "auth-changed",
            Rule::MethodNotVisible => "method-not-visible",
            Rule::MethodGone => "method-gone",
            Rule::ResponseDrift => "response-drift",
            Rule::AllowExpired => "allow-expired",
            Rule::AllowUnused => "allow-unused",
        }
    }

    /// The rule with this id; `None` for an unknown id.
    pub fn from_id(s: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.id() == s)
    }

    /// The default severity. `parameter-added`, `auth-changed` and `description-changed` are
    /// decided per finding (required or not; whether the client would stop sending a key the
    /// method needs; whether the new text speaks of deprecation).
    pub fn default_severity(self) -> Severity {
        match self {
            // An allow-list entry that no longer matches, or has expired, fails the run: the
            // list must not rot into blanket exceptions.
            Rule::MethodRemoved
            | Rule::MethodGone
            | Rule::HttpMethodChanged
            | Rule::ParameterRemoved
            | Rule::ParameterTypeChanged
            | Rule::AllowExpired
            | Rule::AllowUnused => Severity::Breaking,
            // `parameter-added` is a warning when the listing marks it required, info otherwise
            // (compare.rs); `parameter-optionality-changed` is info when it loosens.
            Rule::ParameterAdded
            | Rule::ParameterOptionalityChanged
            | Rule::AuthChanged
            | Rule::ResponseDrift => Severity::Warning,
            Rule::MethodAdded
            | Rule::DescriptionChanged
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
    /// The rule that found it.
    pub rule: Rule,
    /// How much it matters (in a [`Report`](super::Report), after config overrides).
    pub severity: Severity,
    /// The interface, e.g. `ISteamUser` (for the allow-list's own findings, the entry's).
    pub interface: String,
    /// The method as the listing names it.
    pub method: Option<String>,
    /// The method version, when the finding is about one.
    pub version: Option<u32>,
    /// The parameter as the listing names it (`publishedfileids[0]`), or the spec's wire name.
    pub parameter: Option<String>,
    /// What differs, in one line for people.
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
