//! `steamspec probe`: being listed is not working. Calls each read-only operation of the spec
//! with its example's request and judges the answer: 404/410 is `method-gone` (SteamWebAPI2
//! #113: listed, yet 410), a 2xx body is checked strictly (`response-drift`, with JSON paths),
//! and a network error or 5xx after retries is *unreachable*, which is never drift.
//!
//! This module plans and judges; the CLI does the HTTP (blocking, a few at a time, within a
//! request budget). Only GET operations are ever planned: a probe must not change anything.

mod request;

use serde_json::Value;

use crate::drift::compare::{Comparison, NotCompared, listed_method};
use crate::drift::{Config, Date, Finding, Report, Rule, Severity, report};
use crate::model::{HttpMethod, Model, Operation, Status, Visibility};
use crate::responses::{self, FindingKind};

pub use request::query;

/// What to probe.
#[derive(Clone, Copy, Debug)]
pub struct Scope<'a> {
    /// The provider whose operations are called (`steam`).
    pub provider: &'a str,
    /// Also call publisher-only operations (needs a publisher key).
    pub publisher: bool,
}

/// One call to make.
#[derive(Clone, Debug)]
pub struct Call<'m> {
    /// The operation.
    pub op: &'m Operation,
    /// The example whose request is sent.
    pub example: String,
    /// Its query parameters, without the credential and `format`.
    pub query: Vec<(String, String)>,
}

/// The calls, and what is left out and why.
#[derive(Clone, Debug, Default)]
pub struct Plan<'m> {
    /// In model order.
    pub calls: Vec<Call<'m>>,
    /// `I/M/vN: why`, for operations of the provider that are not called.
    pub skipped: Vec<String>,
    /// Operations of other providers, as `I/M/vN`.
    pub other_providers: Vec<String>,
}

/// Plans the calls: live GET operations of the provider (publisher-only ones only when asked),
/// each with its first successful example that has a request.
pub fn plan<'m>(model: &'m Model, scope: Scope) -> Plan<'m> {
    let mut plan = Plan::default();
    for op in model.operations() {
        if op.provider != scope.provider {
            plan.other_providers.push(op.id());
            continue;
        }
        let why = if op.http != HttpMethod::Get {
            Some("not a GET: a probe never calls a write operation".to_string())
        } else if op.status == Status::Proposed {
            Some("proposed, never shipped".to_string())
        } else if op.visibility == Visibility::Publisher && !scope.publisher {
            Some("publisher-only (--publisher calls it, with a publisher key)".to_string())
        } else {
            None
        };
        if let Some(why) = why {
            plan.skipped.push(format!("{}: {why}", op.id()));
            continue;
        }
        let example = op.examples.iter().find(|e| {
            (200..300).contains(&e.status) && e.request.as_ref().is_some_and(Value::is_object)
        });
        match example.map(|e| (e, query(op, e.request.as_ref().unwrap_or(&Value::Null)))) {
            Some((e, Ok(q))) => plan.calls.push(Call {
                op,
                example: e.name.clone(),
                query: q,
            }),
            Some((e, Err(why))) => {
                plan.skipped
                    .push(format!("{}: example '{}': {why}", op.id(), e.name))
            }
            None => plan
                .skipped
                .push(format!("{}: no example with a request", op.id())),
        }
    }
    plan
}

/// What a call got.
#[derive(Clone, Debug)]
pub enum Answer {
    /// An HTTP answer that is neither a 5xx nor a 429 (those are retried, then unreachable).
    Http {
        /// The status code.
        status: u16,
        /// The body.
        body: Vec<u8>,
    },
    /// No usable answer after the retries: a network error, a timeout, a 5xx or a 429. Never
    /// drift: the run exits 2.
    Unreachable(String),
}

/// The verdict on one answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Findings (none: the operation answered as the spec says).
    Findings(Vec<Finding>),
    /// The probe could not tell (unreachable, or refused: a 401/403 is the key's problem, a 400
    /// the example's); the text says why.
    CouldNotTell(String),
}

/// Judges one answer of `op`.
pub fn judge(model: &Model, op: &Operation, answer: &Answer) -> Verdict {
    let (status, body) = match answer {
        Answer::Unreachable(why) => return Verdict::CouldNotTell(format!("unreachable: {why}")),
        Answer::Http { status, body } => (*status, body),
    };
    let method = listed_method(op);
    let finding = |rule: Rule, severity: Severity, message: String| Finding {
        rule,
        severity,
        interface: op.interface.clone(),
        method: Some(method.to_string()),
        version: Some(op.version),
        parameter: None,
        message,
        spec: Some(op.pos.clone()),
    };
    match status {
        404 | 410 => Verdict::Findings(vec![finding(
            Rule::MethodGone,
            Severity::Breaking,
            format!("{} answered HTTP {status}: {}", op.id(), first_line(body)),
        )]),
        200..=299 => {
            let value: Value = match serde_json::from_slice(body) {
                Ok(v) => v,
                Err(e) => {
                    return Verdict::Findings(vec![finding(
                        Rule::ResponseDrift,
                        Severity::Breaking,
                        format!("(root): HTTP {status} with a body that is not JSON ({e})"),
                    )]);
                }
            };
            let found = responses::strict_check(model, op, &value);
            Verdict::Findings(
                found
                    .into_iter()
                    .map(|f| {
                        // What the client's decoding rejects breaks callers; the rest is drift
                        // the client ignores or keeps.
                        let severity = match f.kind {
                            FindingKind::Missing | FindingKind::WrongType => Severity::Breaking,
                            _ => Severity::Warning,
                        };
                        finding(Rule::ResponseDrift, severity, f.to_string())
                    })
                    .collect(),
            )
        }
        401 | 403 => Verdict::CouldNotTell(format!(
            "HTTP {status}: the key was refused (is it valid, and a publisher key for publisher-only operations?)"
        )),
        _ => Verdict::CouldNotTell(format!(
            "HTTP {status} for example request: {}",
            first_line(body)
        )),
    }
}

/// The findings of a run as a drift [`Report`] (config overrides and allow-list applied), so
/// that every drift format prints it.
pub fn report(
    findings: Vec<Finding>,
    other_providers: Vec<String>,
    config: Option<&Config>,
    today: Date,
) -> Report {
    let c = Comparison {
        findings,
        not_compared: NotCompared {
            other_providers,
            ..NotCompared::default()
        },
    };
    report::build(c, config, today)
}

/// The first non-blank line of a body, cut to 120 characters (an HTML error page's title).
fn first_line(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("(empty body)");
    line.chars().take(120).collect()
}
