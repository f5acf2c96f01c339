//! The comparison rules: spec operations against listing entries, keyed by
//! (interface, method, version), in any order.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::description;
use super::finding::{Finding, Rule, Severity};
use super::listing::{self, Listing};
use super::types;
use crate::model::{Auth, Model, Operation, Param, Status, Visibility};

/// What was left out of the comparison, reported once in the summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NotCompared {
    /// `status: proposed` operations (never shipped, so never listed), as `I/M/vN`.
    pub proposed: Vec<String>,
    /// Operations of other providers (backpack.tf has no listing), as `I/M/vN`.
    pub other_providers: Vec<String>,
    /// Game-specific listing interfaces no spec file describes.
    pub game_specific: usize,
}

/// The findings, unsorted and before any config, and what was not compared.
#[derive(Clone, Debug, Default)]
pub struct Comparison {
    /// Every difference found, with its severity before any config override.
    pub findings: Vec<Finding>,
    /// What was left out of the comparison.
    pub not_compared: NotCompared,
}

/// The method name the listing uses. An imported operation whose listed name is not a valid spec
/// name keeps the real one in its `path` (`/IFoo/Real-Name/v1/`); read it back from there.
pub fn listed_method(op: &Operation) -> &str {
    let inner = op
        .path
        .strip_prefix('/')
        .and_then(|p| p.strip_prefix(op.interface.as_str()))
        .and_then(|p| p.strip_prefix('/'));
    let version = format!("/v{}", op.version);
    inner
        .map(|p| p.strip_suffix('/').unwrap_or(p))
        .and_then(|p| p.strip_suffix(version.as_str()))
        .filter(|m| !m.is_empty() && !m.contains('/'))
        .unwrap_or(&op.method)
}

type Key<'a> = (&'a str, &'a str, u32);

/// Compares the operations of `provider` (Steam's id) with the listing.
pub fn compare(model: &Model, listing: &Listing, provider: &str) -> Comparison {
    let mut out = Comparison::default();
    // `key` and `format` travel on every call; the listing shows them, the spec never does.
    let implicit: Vec<&str> = match model.providers.get(provider) {
        Some(p) => std::iter::once(p.auth_param.as_str())
            .chain(p.format_param.as_ref().map(|(n, _)| n.as_str()))
            .collect(),
        None => vec!["key", "format"],
    };

    let mut listed: HashMap<Key, &listing::Method> = HashMap::new();
    for i in &listing.interfaces {
        for m in &i.methods {
            listed.insert((&i.name, &m.name, m.version), m);
        }
    }

    // The spec side: every operation of the provider is "described"; only live ones are expected.
    let mut described_ifaces = HashSet::new();
    let mut described: HashSet<Key> = HashSet::new();
    let mut newest: HashMap<(&str, &str), &Operation> = HashMap::new();
    let mut live = Vec::new();
    for op in model.operations() {
        if op.provider != provider {
            out.not_compared.other_providers.push(op.id());
            continue;
        }
        let m = listed_method(op);
        described_ifaces.insert(op.interface.as_str());
        described.insert((&op.interface, m, op.version));
        let e = newest.entry((&op.interface, m)).or_insert(op);
        if op.version > e.version {
            *e = op;
        }
        match op.status {
            Status::Proposed => out.not_compared.proposed.push(op.id()),
            Status::Live => live.push(op),
        }
    }
    // An interface file without operations still describes its interface.
    for i in model.interfaces.values().filter(|i| i.provider == provider) {
        described_ifaces.insert(i.name.as_str());
    }

    // A listing fetched with an ordinary key shows no publisher-only method at all; then absence
    // proves nothing about them.
    let shows_publisher = live.iter().any(|op| {
        op.visibility == Visibility::Publisher
            && listed.contains_key(&(op.interface.as_str(), listed_method(op), op.version))
    });

    for op in &live {
        let m = listed_method(op);
        match listed.get(&(op.interface.as_str(), m, op.version)) {
            Some(lm) => compare_op(model, op, m, lm, &implicit, &mut out.findings),
            None if op.visibility == Visibility::Publisher && !shows_publisher => {
                out.findings.push(finding(
                    Rule::MethodNotVisible,
                    op,
                    m,
                    None,
                    format!(
                        "{}/{m}/v{} is publisher-only and the listing shows no publisher-only \
                         method (fetched with an ordinary key?): cannot be verified",
                        op.interface, op.version
                    ),
                    Some(&op.pos),
                ));
            }
            None => out.findings.push(finding(
                Rule::MethodRemoved,
                op,
                m,
                None,
                format!(
                    "{}/{m}/v{} is in the spec but not in the listing",
                    op.interface, op.version
                ),
                Some(&op.pos),
            )),
        }
    }

    for i in &listing.interfaces {
        if !described_ifaces.contains(i.name.as_str()) {
            if listing::is_game_specific(&i.name) {
                out.not_compared.game_specific += 1;
                continue;
            }
            out.findings.push(Finding {
                rule: Rule::InterfaceAdded,
                severity: Severity::Info,
                interface: i.name.clone(),
                method: None,
                version: None,
                parameter: None,
                message: format!(
                    "the listing has interface {} ({} method version(s)) that no spec file describes",
                    i.name,
                    i.methods.len()
                ),
                spec: None,
            });
            continue;
        }
        let iface_pos = model.interfaces.get(&i.name).map(|x| &x.pos);
        for m in &i.methods {
            if described.contains(&(i.name.as_str(), m.name.as_str(), m.version)) {
                continue;
            }
            let (rule, message, pos) = match newest.get(&(i.name.as_str(), m.name.as_str())) {
                Some(n) if m.version > n.version => (
                    Rule::VersionAdded,
                    format!(
                        "the listing has {} v{}, newer than the specified v{}",
                        m.name, m.version, n.version
                    ),
                    Some(&n.pos),
                ),
                Some(n) => (
                    Rule::MethodAdded,
                    format!(
                        "the listing has {} v{}, a version the spec does not describe (it specifies v{})",
                        m.name, m.version, n.version
                    ),
                    Some(&n.pos),
                ),
                None => (
                    Rule::MethodAdded,
                    format!(
                        "the listing has {} v{}, which the spec does not describe",
                        m.name, m.version
                    ),
                    iface_pos,
                ),
            };
            out.findings.push(Finding {
                rule,
                severity: rule.default_severity(),
                interface: i.name.clone(),
                method: Some(m.name.clone()),
                version: Some(m.version),
                parameter: None,
                message,
                spec: pos.cloned(),
            });
        }
    }
    out
}

fn finding(
    rule: Rule,
    op: &Operation,
    method: &str,
    parameter: Option<&str>,
    message: String,
    pos: Option<&crate::syntax::pos::Pos>,
) -> Finding {
    Finding {
        rule,
        severity: rule.default_severity(),
        interface: op.interface.clone(),
        method: Some(method.to_string()),
        version: Some(op.version),
        parameter: parameter.map(str::to_string),
        message,
        spec: pos.cloned(),
    }
}

/// One operation present on both sides: HTTP method and parameters.
fn compare_op(
    model: &Model,
    op: &Operation,
    method: &str,
    lm: &listing::Method,
    implicit: &[&str],
    out: &mut Vec<Finding>,
) {
    let spec_http = http_name(op.http);
    if !lm.http.eq_ignore_ascii_case(spec_http) {
        out.push(finding(
            Rule::HttpMethodChanged,
            op,
            method,
            None,
            format!("the listing says {}, the spec {spec_http}", lm.http),
            Some(&op.pos),
        ));
    }

    compare_auth(model, op, method, lm, out);
    let recorded = description::Recorded {
        explicit: op.listing_description.as_deref(),
        description: Some(&op.description),
    };
    let subject = (op, method, None, &op.pos);
    compare_description(subject, recorded, lm.description.as_deref(), out);

    // Listing parameters by name. A name listed again with another type or optionality is
    // compared too (an exact copy adds nothing): reading only the first would hide it.
    let mut by_name: BTreeMap<&str, Vec<(usize, &listing::Param)>> = BTreeMap::new();
    for (i, p) in lm.params.iter().enumerate() {
        if implicit.contains(&p.name.as_str()) {
            continue;
        }
        let entries = by_name.entry(p.name.as_str()).or_default();
        if !entries
            .iter()
            .any(|(_, q)| q.ty == p.ty && q.optional == p.optional)
        {
            entries.push((i, p));
        }
    }
    let mut used = HashSet::new();
    for p in &op.params {
        let indexed_name = format!("{}[0]", p.name);
        let hit = [(p.name.as_str(), false), (indexed_name.as_str(), true)]
            .into_iter()
            .find_map(|(n, indexed)| {
                by_name
                    .get(n)
                    .filter(|entries| !used.contains(&entries[0].0))
                    .map(|entries| (entries, indexed))
            });
        match hit {
            Some((entries, indexed)) => {
                used.insert(entries[0].0);
                for (k, (i, lp)) in entries.iter().enumerate() {
                    let start = out.len();
                    compare_param(model, op, method, p, lp, indexed, out);
                    if k > 0 {
                        mark_repeat(&mut out[start..], *i);
                    }
                }
            }
            // A `listing:` note with neither type nor flag records that the listing lacks it.
            None if p
                .listing
                .as_ref()
                .is_some_and(|l| l.ty.is_none() && l.optional.is_none()) => {}
            None => out.push(finding(
                Rule::ParameterRemoved,
                op,
                method,
                Some(&p.name),
                format!(
                    "parameter '{}' is in the spec but not in the listing",
                    p.name
                ),
                Some(&p.pos),
            )),
        }
    }
    for entries in by_name.values() {
        if used.contains(&entries[0].0) {
            continue;
        }
        for (k, (i, lp)) in entries.iter().enumerate() {
            let start = out.len();
            out.push(parameter_added(op, method, lp));
            if k > 0 {
                mark_repeat(&mut out[start..], *i);
            }
        }
    }
}

/// Findings about a parameter's second (third, ...) listing, which differs from its first.
fn mark_repeat(findings: &mut [Finding], index: usize) {
    for f in findings {
        f.message
            .push_str(&format!(" (the listing names it again, with another type or optionality, at parameters[{index}])"));
    }
}

/// A listed parameter the spec does not describe.
fn parameter_added(op: &Operation, method: &str, lp: &listing::Param) -> Finding {
    let required = !lp.optional && !lp.says_optional();
    let mut f = finding(
        Rule::ParameterAdded,
        op,
        method,
        Some(&lp.name),
        format!(
            "the listing has parameter '{}' ({}, {}) that the spec does not describe",
            lp.name,
            lp.ty,
            if lp.optional {
                "optional"
            } else if required {
                "required"
            } else {
                "marked required but described \"(Optional)\""
            }
        ),
        Some(&op.pos),
    );
    // The listing's `optional: false` is often wrong (it marks most optional parameters
    // so), and a parameter added to a method Steam already answers has never broken the
    // calls of the recorded history: a warning, not a breaking change.
    f.severity = if required {
        Severity::Warning
    } else {
        Severity::Info
    };
    f
}

fn compare_param(
    model: &Model,
    op: &Operation,
    method: &str,
    p: &Param,
    lp: &listing::Param,
    indexed: bool,
    out: &mut Vec<Finding>,
) {
    let note = p.listing.as_ref();
    let want = types::expected(model, p);
    // A listing value equal to the one recorded under `listing:` is a known difference.
    let recorded_ty = note.and_then(|l| l.ty.as_deref());
    if !want.accepts(&lp.ty, indexed) && recorded_ty != Some(lp.ty.as_str()) {
        let shown = if indexed {
            format!("{} as {}", lp.ty, lp.name)
        } else {
            lp.ty.clone()
        };
        let mut message = format!(
            "the listing types '{}' as {shown}; the spec's {} would be listed as {}",
            p.name,
            p.ty.display(),
            want.describe()
        );
        if let Some(r) = recorded_ty {
            message.push_str(&format!(" (the spec records the listing's type as {r})"));
        }
        out.push(finding(
            Rule::ParameterTypeChanged,
            op,
            method,
            Some(&p.name),
            message,
            Some(&p.pos),
        ));
    }
    let recorded = description::Recorded {
        explicit: p.listing_description.as_deref(),
        description: p.description.as_deref(),
    };
    let subject = (op, method, Some(p.name.as_str()), &p.pos);
    compare_description(subject, recorded, lp.description.as_deref(), out);
    let listed_optional = lp.optional;
    let known = listed_optional == p.optional
        || note.and_then(|l| l.optional) == Some(listed_optional)
        // The listing's habit: optional: false on parameters it describes as "(Optional)".
        || (p.optional && !listed_optional && lp.says_optional());
    if !known {
        let word = |o: bool| if o { "optional" } else { "required" };
        let mut f = finding(
            Rule::ParameterOptionalityChanged,
            op,
            method,
            Some(&p.name),
            format!(
                "the listing marks '{}' {} (optional: {listed_optional}), the spec {}",
                p.name,
                word(listed_optional),
                word(p.optional)
            ),
            Some(&p.pos),
        );
        // A parameter the spec requires and the listing calls optional breaks no caller; the
        // other way round it may (a warning: the listing's `optional: false` is often wrong).
        if listed_optional {
            f.severity = Severity::Info;
        }
        out.push(f);
    }
}

/// `description-changed` for an operation, or one of its parameters when a name is given.
fn compare_description(
    (op, method, parameter, pos): (&Operation, &str, Option<&str>, &crate::syntax::pos::Pos),
    recorded: description::Recorded,
    listed: Option<&str>,
    out: &mut Vec<Finding>,
) {
    let what = match parameter {
        Some(p) => format!("parameter '{p}'"),
        None => format!("{}/{method}/v{}", op.interface, op.version),
    };
    if let Some((severity, message)) = description::compare(&what, recorded, listed) {
        let mut f = finding(
            Rule::DescriptionChanged,
            op,
            method,
            parameter,
            message,
            Some(pos),
        );
        f.severity = severity;
        out.push(f);
    }
}

/// The credential: the listing shows it as a parameter of the methods that take one
/// (`optional: true` where it only changes the answer, as for GetSupportedAPIList).
fn compare_auth(
    model: &Model,
    op: &Operation,
    method: &str,
    lm: &listing::Method,
    out: &mut Vec<Finding>,
) {
    let Some(param) = model
        .providers
        .get(&op.provider)
        .map(|p| p.auth_param.as_str())
    else {
        return;
    };
    let listed = match lm.params.iter().find(|p| p.name == param) {
        None => Auth::None,
        Some(p) if p.optional => Auth::Optional,
        Some(_) => Auth::Required,
    };
    if listed == op.auth {
        return;
    }
    let listing_says = match listed {
        Auth::None => format!("has no '{param}' parameter"),
        Auth::Optional => format!("marks '{param}' optional"),
        Auth::Required => format!("marks '{param}' required"),
    };
    let spec = match op.auth {
        Auth::Required => "required",
        Auth::Optional => "optional",
        Auth::None => "none",
    };
    let mut f = finding(
        Rule::AuthChanged,
        op,
        method,
        Some(param),
        format!("the listing {listing_says}, the spec says `auth: {spec}`"),
        Some(&op.pos),
    );
    // The client would stop sending a credential the method needs.
    if listed == Auth::Required {
        f.severity = Severity::Breaking;
    }
    out.push(f);
}

fn http_name(h: crate::model::HttpMethod) -> &'static str {
    use crate::model::HttpMethod::*;
    match h {
        Get => "GET",
        Post => "POST",
        Put => "PUT",
        Patch => "PATCH",
        Delete => "DELETE",
    }
}
