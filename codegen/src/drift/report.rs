//! Applies the config to the raw findings: severity overrides, the allow-list, its own findings
//! (expired and unused entries), sorting, counting and the exit decision.

use super::compare::{Comparison, NotCompared};
use super::config::Config;
use super::date::Date;
use super::finding::{Finding, Rule, Severity};

/// A finding the allow-list accepted: shown, not counted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accepted {
    /// The finding, with its severity after overrides.
    pub finding: Finding,
    /// The `reason` of the allow-list entry that accepted it.
    pub reason: String,
    /// That entry's `expires` date, if it has one.
    pub expires: Option<Date>,
}

/// Counts of the findings that count (accepted ones excluded).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// How many findings are breaking.
    pub breaking: usize,
    /// How many are warnings.
    pub warning: usize,
    /// How many are info.
    pub info: usize,
}

/// The result of a drift check, ready to print.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Sorted by interface, method, version, parameter, rule.
    pub findings: Vec<Finding>,
    /// Findings the allow-list accepted, in the same order.
    pub accepted: Vec<Accepted>,
    /// What the check left out (proposed operations, other providers, game-specific interfaces).
    pub not_compared: NotCompared,
}

/// The lowest severity that fails the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    /// Fail on breaking findings (the CLI's default).
    Breaking,
    /// Fail on warnings and breaking findings.
    Warning,
    /// Fail on any finding.
    Info,
    /// Never fail on findings.
    Never,
}

impl FailOn {
    /// The lowest severity that fails; `None` for [`FailOn::Never`].
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Breaking => Some(Severity::Breaking),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }

    /// Whether a finding of this severity fails the run.
    pub fn fails(self, s: Severity) -> bool {
        self.threshold().is_some_and(|t| s >= t)
    }
}

impl Report {
    /// Counts of [`Report::findings`] by severity (accepted findings are not among them).
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for f in &self.findings {
            match f.severity {
                Severity::Breaking => s.breaking += 1,
                Severity::Warning => s.warning += 1,
                Severity::Info => s.info += 1,
            }
        }
        s
    }

    /// 0 when nothing at or above `fail_on` was found, 1 otherwise.
    pub fn exit_code(&self, fail_on: FailOn) -> u8 {
        u8::from(self.findings.iter().any(|f| fail_on.fails(f.severity)))
    }
}

/// Builds the report. `today` decides which allow-list entries have expired.
pub fn build(c: Comparison, config: Option<&Config>, today: Date) -> Report {
    let default = Config::default();
    let config = config.unwrap_or(&default);
    let severity = |f: &mut Finding| {
        if let Some(s) = config.severity.get(&f.rule) {
            f.severity = *s;
        }
    };
    let mut used = vec![false; config.allow.len()];
    let mut report = Report {
        not_compared: c.not_compared,
        ..Report::default()
    };
    for mut f in c.findings {
        severity(&mut f);
        // An expired entry accepts nothing: the finding is back, next to an allow-expired one.
        let hit = config
            .allow
            .iter()
            .enumerate()
            .find(|(_, a)| !a.is_expired(today) && a.matches(&f));
        match hit {
            Some((i, a)) => {
                used[i] = true;
                report.accepted.push(Accepted {
                    finding: f,
                    reason: a.reason.clone(),
                    expires: a.expires,
                });
            }
            None => report.findings.push(f),
        }
    }
    for (a, used) in config.allow.iter().zip(used) {
        let (rule, message) = if a.is_expired(today) {
            let e = a.expires.map(|d| d.to_string()).unwrap_or_default();
            (
                Rule::AllowExpired,
                format!(
                    "allow-list entry for {} expired on {e} (reason was: {}); renew or remove it",
                    a.rule, a.reason
                ),
            )
        } else if !used {
            (
                Rule::AllowUnused,
                format!(
                    "allow-list entry for {} matches no finding; remove it (reason was: {})",
                    a.rule, a.reason
                ),
            )
        } else {
            continue;
        };
        let mut f = Finding {
            rule,
            severity: rule.default_severity(),
            interface: a.interface.clone(),
            method: a.method.clone(),
            version: a.version,
            parameter: a.parameter.clone(),
            message,
            spec: Some(a.pos.clone()),
        };
        severity(&mut f);
        report.findings.push(f);
    }
    report
        .findings
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    report
        .accepted
        .sort_by(|a, b| a.finding.sort_key().cmp(&b.finding.sort_key()));
    report.not_compared.proposed.sort();
    report.not_compared.other_providers.sort();
    report
}
