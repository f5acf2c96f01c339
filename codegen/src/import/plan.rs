//! Decisions the importer makes per operation and parameter: spec names the loader accepts,
//! spec types for listing types, and the notes and to-dos that record each decision.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::drift::listing;
use crate::load::names;

/// Provider conventions the importer writes for (Steam's, as in `spec/providers.yaml`).
pub const AUTH_PARAM: &str = "key";
pub const FORMAT_PARAM: &str = "format";
pub const SERVICE_SUFFIX: &str = "Service";

/// One interface, ready to write.
pub struct InterfacePlan {
    pub name: String,
    pub ops: Vec<OpPlan>,
    pub todo: Vec<String>,
}

pub struct OpPlan {
    pub method: String,
    pub version: u32,
    pub http: &'static str,
    /// `auth:` when not the default `required`: the listing has no `key` (`none`) or an
    /// optional one (`optional`).
    pub auth: Option<&'static str>,
    /// Set when the spec name differs from the listed one: the path keeps the real name.
    pub path: Option<String>,
    pub input_json: bool,
    pub description: String,
    /// The listing's own text, kept as the drift check's baseline when `description` is
    /// rewritten from the docs (`None` when the listing gives none).
    pub listing_description: Option<String>,
    pub notes: Vec<String>,
    pub params: Vec<ParamPlan>,
}

pub struct ParamPlan {
    pub name: String,
    pub ty: String,
    pub optional: bool,
    pub encoding: Option<&'static str>,
    pub rust_name: Option<String>,
    /// The listing's text; written as both `description` and `listing_description`.
    pub description: Option<String>,
    /// `listing:` type and note, where the spec type says less than the listing's.
    pub listing: Option<(String, String)>,
    /// The listing's `optional: false`, written under `listing:` when the plan makes the
    /// parameter optional for a reason drift does not know by itself (a `{message}`).
    pub listing_required: bool,
    pub notes: Vec<String>,
}

/// Request type names taken in one interface, by their Rust form (the loader wants them unique
/// per interface: each interface is its own Rust module).
#[derive(Default)]
struct TypeNames {
    taken: HashMap<String, String>,
}

/// Plans one interface.
pub fn interface(iface: &listing::Interface) -> InterfacePlan {
    let name = iface.name.clone();
    let types = &mut TypeNames::default();
    let service = name.ends_with(SERVICE_SUFFIX);
    let mut todo = vec![
        "Describe the interface and each operation from the docs (descriptions are the listing's; `listing_description` keeps the listing's text for the drift check, leave it).".to_string(),
        "Type every response: each is untyped JSON (`type: json`) until its fields are specified.".to_string(),
        "Check each parameter's type and optionality against the docs: the listing's `optional` flag is unreliable.".to_string(),
    ];

    // Group versions by listed name: all versions of a method share one spec name, because the
    // loader adds `V<n>` to the generated names when a spec name has several versions.
    let mut groups: BTreeMap<&str, Vec<&listing::Method>> = BTreeMap::new();
    for m in &iface.methods {
        groups.entry(m.name.as_str()).or_default().push(m);
    }
    let mut fn_names: HashSet<String> = HashSet::new();
    let mut ops = Vec::new();
    for (listed, mut versions) in groups {
        versions.sort_by_key(|m| m.version);
        let path_safe = !listed.is_empty()
            && !listed.chars().any(|c| {
                c.is_whitespace()
                    || c.is_control()
                    || matches!(c, '/' | '?' | '#' | '%' | '{' | '}')
            });
        if !path_safe {
            todo.push(format!(
                "Method '{}' was not imported: its name cannot appear in a URL path as written.",
                listed.escape_debug()
            ));
            continue;
        }
        let mut usable = Vec::new();
        for m in versions {
            match http_of(&m.http) {
                Some(h) => usable.push((m, h)),
                None => todo.push(format!(
                    "{listed} v{} was not imported: HTTP method '{}' is not GET, POST, PUT, PATCH or DELETE.",
                    m.version,
                    m.http.escape_debug()
                )),
            }
        }
        let versions: Vec<u32> = usable.iter().map(|(m, _)| m.version).collect();
        if versions.is_empty() {
            continue;
        }
        let Some(spec_name) = choose_name(&name, listed, &versions, types, &fn_names) else {
            todo.push(format!(
                "Method '{listed}' was not imported: no free name for it."
            ));
            continue;
        };
        let several = versions.len() > 1;
        for (m, http) in usable {
            let (req, func) = generated_names(&spec_name, m.version, several);
            types
                .taken
                .insert(names::type_name(&req), format!("{name}/{listed}"));
            fn_names.insert(func);
            ops.push(operation(
                &name, service, listed, &spec_name, m, http, &mut todo,
            ));
        }
    }
    InterfacePlan { name, ops, todo }
}

fn http_of(s: &str) -> Option<&'static str> {
    ["GET", "POST", "PUT", "PATCH", "DELETE"]
        .into_iter()
        .find(|h| h.eq_ignore_ascii_case(s))
}

/// `(request type name, client function name)` as the loader derives them.
fn generated_names(spec_name: &str, version: u32, several: bool) -> (String, String) {
    let pascal = if names::is_pascal_case(spec_name) {
        spec_name.to_string()
    } else {
        names::type_name(spec_name)
    };
    if several {
        (
            format!("{pascal}V{version}Request"),
            format!("{}_v{version}", names::field_name(spec_name)),
        )
    } else {
        (format!("{pascal}Request"), names::field_name(spec_name))
    }
}

/// The spec name for a listed method: as listed when the loader accepts it and its generated
/// names are free, else a name prefixed with the interface (the path keeps the listed name).
fn choose_name(
    iface: &str,
    listed: &str,
    versions: &[u32],
    types: &TypeNames,
    fn_names: &HashSet<String>,
) -> Option<String> {
    let base = sanitize(listed);
    let prefixed = format!("{}_{base}", sanitize(iface));
    let several = versions.len() > 1;
    let free = |cand: &str| {
        names::is_api_name(cand)
            && versions.iter().all(|v| {
                let (req, func) = generated_names(cand, *v, several);
                !types.taken.contains_key(&names::type_name(&req)) && !fn_names.contains(&func)
            })
    };
    std::iter::once(base.clone())
        .chain(std::iter::once(prefixed.clone()))
        .chain((2..1000).map(|n| format!("{prefixed}_{n}")))
        .find(|c| free(c))
}

/// Letters, digits and `_`, starting with a letter.
fn sanitize(s: &str) -> String {
    let mut o: String = s
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if !o.starts_with(|c: char| c.is_ascii_alphabetic()) {
        o.insert(0, 'M');
    }
    o
}

fn operation(
    iface: &str,
    service: bool,
    listed: &str,
    spec_name: &str,
    m: &listing::Method,
    http: &'static str,
    todo: &mut Vec<String>,
) -> OpPlan {
    let mut notes = Vec::new();
    let path = (spec_name != listed).then(|| {
        notes.push(format!(
            "The listing names this method '{listed}'; '{spec_name}' is its spec name (the listed \
             name is not a valid spec name, or its generated names clash with another method's), and `path` keeps \
             the listed one."
        ));
        format!("/{iface}/{listed}/v{}/", m.version)
    });
    let listing_description = m.description.clone().filter(|d| !d.trim().is_empty());
    let description = match m.description.as_deref().map(str::trim) {
        Some(d) if !d.is_empty() => d.to_string(),
        _ => {
            todo.push(format!(
                "{listed} v{}: write a description (the listing has none).",
                m.version
            ));
            format!("{listed} (the listing gives no description).")
        }
    };

    // Parameters, first pass: names as listed, duplicates and unusable names dropped.
    let mut seen: HashSet<&str> = HashSet::new();
    let mut raw: Vec<&listing::Param> = Vec::new();
    for p in &m.params {
        if p.name == AUTH_PARAM || p.name == FORMAT_PARAM {
            continue;
        }
        if !seen.insert(&p.name) {
            todo.push(format!(
                "{listed} v{}: the listing repeats parameter '{}'; only the first is imported.",
                m.version, p.name
            ));
            continue;
        }
        if p.name.is_empty()
            || p.name
                .chars()
                .any(|c| c.is_whitespace() || c == '&' || c == '=')
        {
            todo.push(format!(
                "{listed} v{}: parameter '{}' was not imported: the spec cannot name it.",
                m.version,
                p.name.escape_debug()
            ));
            continue;
        }
        raw.push(p);
    }
    // A `{message}` can only travel inside input_json.
    let input_json = service || raw.iter().any(|p| p.ty == "{message}");
    let all_names: HashSet<&str> = raw.iter().map(|p| p.name.as_str()).collect();
    let mut rust_names: HashSet<String> = HashSet::new();
    let mut params = Vec::new();
    for p in raw {
        let (base, indexed) = p.base_name();
        // `x[0]` is the array `x`, unless a plain `x` is listed too: then it keeps its name.
        let as_array = indexed && !all_names.contains(base);
        let name = if as_array { base } else { p.name.as_str() };
        params.push(param(
            listed,
            m.version,
            p,
            name,
            as_array,
            input_json,
            &mut rust_names,
            todo,
        ));
    }
    let auth = match m.params.iter().find(|p| p.name == AUTH_PARAM) {
        None => Some("none"),
        Some(p) if p.optional => Some("optional"),
        Some(_) => None,
    };
    OpPlan {
        method: spec_name.to_string(),
        version: m.version,
        http,
        auth,
        path,
        input_json: input_json && !service,
        description,
        listing_description,
        notes,
        params,
    }
}

#[allow(clippy::too_many_arguments)]
fn param(
    method: &str,
    version: u32,
    p: &listing::Param,
    name: &str,
    as_array: bool,
    input_json: bool,
    rust_names: &mut HashSet<String>,
    todo: &mut Vec<String>,
) -> ParamPlan {
    let mut notes = Vec::new();
    let (item, listing) = match p.ty.as_str() {
        t @ ("uint32" | "uint64" | "int32" | "int64" | "bool" | "string" | "float") => {
            (t.to_string(), None)
        }
        "{message}" => {
            todo.push(format!(
                "{method} v{version}: '{name}' is a message in the listing; specify its struct."
            ));
            // A protobuf message field can always be left out, and a required untyped value
            // could be `null`, which the client leaves out: imported as optional, the listing's
            // flag recorded so that drift sees the decision.
            (
                "json".to_string(),
                Some((
                    "{message}".to_string(),
                    "A message (an untyped JSON value here); optional, as every protobuf field."
                        .to_string(),
                )),
            )
        }
        "{enum}" => {
            todo.push(format!(
                "{method} v{version}: '{name}' is an enum in the listing; specify its values."
            ));
            (
                "int32".to_string(),
                Some((
                    "{enum}".to_string(),
                    "The listing types it as {enum} without naming the enum; imported as int32 until the enum is specified.".to_string(),
                )),
            )
        }
        "rawbinary" => (
            "string".to_string(),
            Some((
                "rawbinary".to_string(),
                "The listing types it as rawbinary (raw bytes); imported as string.".to_string(),
            )),
        ),
        other => {
            todo.push(format!(
                "{method} v{version}: '{name}' has the unknown listing type '{other}'."
            ));
            (
                "string".to_string(),
                Some((
                    other.to_string(),
                    format!(
                        "The listing types it as '{other}', a type the importer does not know; imported as string."
                    ),
                )),
            )
        }
    };
    let (ty, encoding) = if as_array {
        (format!("array<{item}>"), (!input_json).then_some("indexed"))
    } else {
        (item, None)
    };
    // The listing's habit (34 of 43 such parameters in 2026): `optional: false` on a parameter
    // its own description calls "(Optional)". The description wins; drift knows the habit.
    let says_optional = !p.optional && p.says_optional();
    if says_optional {
        notes.push(
            "The listing marks it required but describes it as \"(Optional)\"; imported as optional. Check the docs."
                .to_string(),
        );
    }
    // Rust names: unique within the operation and valid identifiers.
    let natural = names::field_name(name);
    let rust_name = if names::is_valid_ident(&natural) && !rust_names.contains(&natural) {
        rust_names.insert(natural);
        None
    } else {
        let stem = if names::is_valid_ident(&natural) {
            natural
        } else {
            "param".to_string()
        };
        let pick = (2..)
            .map(|n| format!("{stem}_{n}"))
            .find(|c| !rust_names.contains(c))
            .unwrap_or_default();
        rust_names.insert(pick.clone());
        Some(pick)
    };
    ParamPlan {
        name: name.to_string(),
        ty,
        optional: p.optional || says_optional || p.ty == "{message}",
        listing_required: !p.optional && !says_optional && p.ty == "{message}",
        encoding,
        rust_name,
        description: p.description.clone().filter(|d| !d.trim().is_empty()),
        listing,
        notes,
    }
}
