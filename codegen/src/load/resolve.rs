//! Raw spec files -> the resolved model. Every check pushes a diagnostic and goes on, so one
//! run reports every problem; nothing here panics on any input.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::constraints;
use super::names;
use super::plain_int::check_plain_int;
use super::recursion::check_recursion;
use super::typeexpr::{self, TypeExpr};
use super::urls::{check_path_template, host_error, is_host};
use crate::diag::{Diagnostics, did_you_mean};
use crate::model::*;
use crate::pos::Sp;
use crate::spec::format::{
    EnumDef, ErrorModelDef, FieldDef, InterfaceFile, OperationDef, ParamDef, ProviderDef,
    ProvidersFile, TypeDef,
};
use crate::spec::ordered_map::OrderedMap;

/// The most fields a struct may have: the generated `Deserialize` tracks the keys it has seen
/// in one `u64` (`codec::MAX_FIELDS` of the runtime).
const MAX_FIELDS: usize = 64;

/// A parsed interface file and its display path.
pub struct Parsed {
    pub file: Arc<str>,
    pub def: InterfaceFile,
}

pub fn resolve(
    providers: (&Arc<str>, ProvidersFile),
    files: Vec<Parsed>,
    diags: &mut Diagnostics,
) -> Model {
    let mut model = Model {
        providers: BTreeMap::new(),
        interfaces: BTreeMap::new(),
        types: BTreeMap::new(),
        files: std::iter::once(providers.0.to_string())
            .chain(files.iter().map(|f| f.file.to_string()))
            .collect(),
    };
    for (id, def) in providers.1.providers.iter() {
        if let Some(p) = provider(providers.0, id, def, diags) {
            model.providers.insert(id.value.clone(), p);
        }
    }

    // Pass 1: interface names and every type name, so references can be resolved in any order.
    let mut names = TypeNames::default();
    let mut interfaces = InterfaceNames::default();
    for f in &files {
        let iface = &f.def.interface;
        interfaces.define(iface, &f.file, diags);
        if let Some(file_name) = file_name_mismatch(&f.file, &iface.value) {
            diags.warning(
                iface.pos(&f.file),
                format!(
                    "file name '{file_name}' does not match interface '{}'",
                    iface.value
                ),
            );
        }
        for (name, def) in f.def.types.iter() {
            check_type_name(&f.file, name, diags);
            names.define(name, &f.file, &f.def.interface, diags);
            if def.enumeration.is_some() {
                names.enums.insert(name.value.clone());
            }
        }
        let mut op_seen = BTreeSet::new();
        for op in &f.def.operations {
            // A duplicated operation is reported once, in pass 3, not again as its types.
            if !op_seen.insert((op.method.value.as_str(), op.version.value)) {
                continue;
            }
            let (req, resp) = op_type_names(op, &f.def.operations);
            if let Some(resp) = resp {
                names.define(&resp, &f.file, &f.def.interface, diags);
            }
            names.define_request(&req, &f.file, &f.def.interface, diags);
        }
    }

    // Pass 2: named types.
    for f in &files {
        let iface = f.def.interface.value.clone();
        for (name, def) in f.def.types.iter() {
            if let Some(t) = named_type(&f.file, &iface, name, def, &names, diags) {
                model.types.entry(t.name.clone()).or_insert(t);
            }
        }
    }

    // Pass 3: interfaces and operations (inline response types join the model here).
    let defined_providers: BTreeSet<&str> = providers
        .1
        .providers
        .iter()
        .map(|(id, _)| id.value.as_str())
        .collect();
    for f in files {
        let Some(provider) = model.providers.get(&f.def.provider.value).cloned() else {
            // A provider that is defined but has errors was reported already.
            if defined_providers.contains(f.def.provider.value.as_str()) {
                continue;
            }
            let known = model.providers.keys().map(String::as_str);
            diags.error(
                f.def.provider.pos(&f.file),
                format!(
                    "unknown provider '{}'{}",
                    f.def.provider.value,
                    did_you_mean(&f.def.provider, known)
                ),
            );
            continue;
        };
        if let Some(i) = interface(&f, &provider, &names, &mut model, diags) {
            model.interfaces.entry(i.name.clone()).or_insert(i);
        }
    }

    check_recursion(&model, diags);

    // Pass 4: examples, against the complete model.
    check_examples(&model, diags);
    model
}

/// Every interface name, and the names made from it: its module (`src/api/<module>.rs`), its
/// Cargo feature and its accessor method on the client.
#[derive(Default)]
struct InterfaceNames {
    exact: BTreeMap<String, Pos>,
    /// By lowercase name: `schemas/operations/<Interface>/` is a folder per interface.
    lower: BTreeMap<String, (String, Pos)>,
    modules: BTreeMap<String, (String, Pos)>,
}

impl InterfaceNames {
    fn define(&mut self, iface: &Sp<String>, file: &Arc<str>, diags: &mut Diagnostics) {
        let pos = iface.pos(file);
        let name = iface.value.as_str();
        if !names::is_api_name(name) {
            diags.error(pos, format!("invalid interface name '{name}'"));
            return;
        }
        if let Some(first) = self.exact.get(name) {
            diags.error(
                pos,
                format!("duplicate interface '{name}' (first defined at {first})"),
            );
            return;
        }
        self.exact.insert(name.to_string(), pos.clone());
        let module = names::module_name(name);
        if let Some(problem) = interface_name_clash(name, &module) {
            diags.error(pos.clone(), problem);
        }
        if let Some((other, first)) = self.modules.get(&module) {
            diags.error(
                pos,
                format!("interface '{name}' and interface '{other}' (at {first}) both become module `{module}` (src/api/{module}.rs); rename one"),
            );
            return;
        }
        self.modules.insert(module, (name.to_string(), pos.clone()));
        let lower = name.to_ascii_lowercase();
        if let Some((other, first)) = self.lower.get(&lower) {
            diags.error(
                pos,
                case_clash("interface", name, other, first, "schema folders"),
            );
            return;
        }
        self.lower.insert(lower, (name.to_string(), pos));
    }
}

/// Two names of one kind that differ only in case: the files made from them (`what`) would be
/// one on a case-insensitive file system.
fn case_clash(kind: &str, name: &str, other: &str, first: &Pos, what: &str) -> String {
    format!(
        "{kind} '{name}' and {kind} '{other}' (at {first}) differ only in case: their {what} would \
         be one on a case-insensitive file system"
    )
}

/// Why code made from an interface's name would not build, if it would not.
fn interface_name_clash(name: &str, module: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    if names::is_not_raw(name) {
        // The accessor struct is named as the interface.
        Some(format!(
            "interface name '{name}' cannot be a Rust identifier"
        ))
    } else if names::CRATE_FEATURES.contains(&lower.as_str()) {
        Some(format!(
            "interface '{name}' clashes with the crate's own Cargo feature `{lower}` (each interface is a feature); rename the interface"
        ))
    } else if names::CLIENT_METHODS.contains(&module) {
        Some(format!(
            "interface '{name}' would get the accessor `Client::{module}()`, which clashes with the client's own `{module}()`; rename the interface"
        ))
    } else if names::CRATE_ROOT_ITEMS.contains(&module) {
        Some(format!(
            "interface '{name}' would get module `{module}`, which the crate's own `steam_webapi::{module}` hides; rename the interface"
        ))
    } else {
        None
    }
}

/// Type names are written as Rust names as they are: PascalCase, and never `Self`.
fn check_type_name(file: &Arc<str>, name: &Sp<String>, diags: &mut Diagnostics) -> bool {
    let problem = if !names::is_pascal_case(name) {
        format!(
            "type name '{}' must be PascalCase (e.g. '{}')",
            name.value,
            names::type_name(name)
        )
    } else if names::is_not_raw(name) {
        format!("type name '{}' cannot be a Rust identifier", name.value)
    } else {
        return true;
    };
    diags.error(name.pos(file), problem);
    false
}

/// Every type name defined anywhere, with where and in which interface.
#[derive(Default)]
struct TypeNames {
    /// Named and inline response types: unique across the spec (each has a schema file).
    defined: BTreeMap<String, (Pos, String)>,
    /// Request types live only in their interface's Rust module: unique per interface.
    requests: BTreeMap<(String, String), Pos>,
    /// Names of enum types (query parameters may be enums, not structs).
    enums: BTreeSet<String>,
    /// Rust names, to catch names that differ only in case conversion.
    rust: BTreeMap<String, (String, Pos)>,
    /// Lowercase names: `schemas/types/<Name>.json` must stay apart on a case-insensitive
    /// file system.
    lower: BTreeMap<String, (String, Pos)>,
}

impl TypeNames {
    fn define(&mut self, name: &Sp<String>, file: &Arc<str>, iface: &str, diags: &mut Diagnostics) {
        let pos = name.pos(file);
        if let Some(s) = Scalar::from_name(name) {
            diags.error(pos, format!("type name '{}' is a builtin type", s.name()));
            return;
        }
        if matches!(name.as_str(), "array" | "map") {
            diags.error(pos, format!("type name '{}' is reserved", name.value));
            return;
        }
        if let Some((first, _)) = self.defined.get(&name.value) {
            diags.error(
                pos,
                format!("duplicate type '{}' (first defined at {first})", name.value),
            );
            return;
        }
        check_not_interface(name, &pos, iface, diags);
        let rust = names::type_name(name);
        let lower = name.to_ascii_lowercase();
        if let Some((other, first)) = self.rust.get(&rust) {
            diags.error(
                pos.clone(),
                format!(
                    "type '{}' and type '{other}' (at {first}) both become `{rust}` in Rust",
                    name.value
                ),
            );
        } else if let Some((other, first)) = self.lower.get(&lower) {
            diags.error(
                pos.clone(),
                case_clash("type", name, other, first, "schema files"),
            );
        } else {
            self.rust.insert(rust, (name.value.clone(), pos.clone()));
            self.lower.insert(lower, (name.value.clone(), pos.clone()));
        }
        self.defined
            .insert(name.value.clone(), (pos, iface.to_string()));
    }

    /// A generated request type: it must not clash with its interface's other types.
    fn define_request(
        &mut self,
        name: &Sp<String>,
        file: &Arc<str>,
        iface: &str,
        diags: &mut Diagnostics,
    ) {
        let pos = name.pos(file);
        check_not_interface(name, &pos, iface, diags);
        if let Some((first, owner)) = self.defined.get(&name.value)
            && owner == iface
        {
            diags.error(
                pos,
                format!("the request type '{}' of this operation clashes with the type defined at {first}", name.value),
            );
            return;
        }
        let key = (iface.to_string(), name.value.clone());
        if let Some(first) = self.requests.get(&key) {
            diags.error(
                pos,
                format!("the operation at {first} generates the same request type `{}`; rename one method", name.value),
            );
            return;
        }
        self.requests.insert(key, pos);
    }

    fn candidates(&self) -> impl Iterator<Item = &str> {
        self.defined
            .keys()
            .map(String::as_str)
            .chain(Scalar::ALL.iter().map(|s| s.name()))
    }
}

/// A type named as its interface would be a second item `<Interface>` in the interface's module,
/// next to the accessor struct.
fn check_not_interface(name: &str, pos: &Pos, iface: &str, diags: &mut Diagnostics) {
    if name == iface {
        diags.error(
            pos.clone(),
            format!("type '{name}' has the name of its interface, whose accessor struct is named so too; rename the type"),
        );
    }
}

/// (request type name, inline response type name if the response defines fields).
fn op_type_names(op: &OperationDef, all: &[OperationDef]) -> (Sp<String>, Option<Sp<String>>) {
    let several = all
        .iter()
        .filter(|o| o.method.value == op.method.value)
        .count()
        > 1;
    // Method names are PascalCase as a rule; listings also hold `snake_case` ones.
    let method = if names::is_pascal_case(&op.method) {
        op.method.value.clone()
    } else {
        names::type_name(&op.method)
    };
    let base = if several {
        format!("{method}V{}", op.version.value)
    } else {
        method
    };
    let req = Sp::new(format!("{base}Request"), op.method.at);
    let resp = op
        .response
        .fields
        .as_ref()
        .map(|_| match &op.response.name {
            Some(n) => n.clone(),
            None => Sp::new(format!("{base}Response"), op.method.at),
        });
    (req, resp)
}

fn provider(
    file: &Arc<str>,
    id: &Sp<String>,
    def: &ProviderDef,
    diags: &mut Diagnostics,
) -> Option<Provider> {
    let mut ok = true;
    if !names::is_api_name(id) {
        diags.error(id.pos(file), format!("invalid provider id '{}'", id.value));
        ok = false;
    }
    for h in std::iter::once(&def.host).chain(def.publisher_host.as_ref()) {
        if !is_host(h) {
            diags.error(h.pos(file), host_error(h));
            ok = false;
        }
    }
    if let Some(p) = &def.path
        && let Err(e) = check_path_template(p)
    {
        diags.error(p.pos(file), e);
        ok = false;
    }
    let errors = error_model(file, &def.errors, diags)?;
    ok.then(|| Provider {
        id: id.value.clone(),
        title: def.title.clone(),
        description: def.description.clone(),
        host: def.host.value.clone(),
        publisher_host: def.publisher_host.as_ref().map(|h| h.value.clone()),
        auth_param: def.auth.param.value.clone(),
        auth_name: def.auth.name.clone(),
        auth_env: def.auth.env.clone(),
        format_param: def
            .format_param
            .as_ref()
            .map(|f| (f.name.clone(), f.value.clone())),
        path_template: def.path.as_ref().map(|p| p.value.clone()),
        service_suffix: def.service_suffix.clone(),
        form_body: def.form_body,
        errors,
        pos: id.pos(file),
    })
}

fn error_model(
    file: &Arc<str>,
    def: &ErrorModelDef,
    diags: &mut Diagnostics,
) -> Option<ErrorModel> {
    let kind = def.kind.value;
    let pos = def.kind.pos(file);
    let mut ok = true;
    match kind {
        ErrorKind::HttpStatus => {
            // Each at its own value.
            for (name, at) in [
                ("field", def.field.as_ref().map(|f| f.pos(file))),
                ("success", def.success.as_ref().map(|f| f.pos(file))),
                (
                    "message_field",
                    def.message_field.as_ref().map(|f| f.pos(file)),
                ),
                ("codes", def.codes.first().map(|c| c.value.pos(file))),
            ] {
                if let Some(at) = at {
                    diags.error(
                        at,
                        format!("'{name}' does not apply to error kind http_status"),
                    );
                    ok = false;
                }
            }
        }
        ErrorKind::SuccessCode => {
            let missing: Vec<&str> = [
                ("'field'", def.field.is_none()),
                ("'success'", def.success.is_none()),
            ]
            .into_iter()
            .filter_map(|(n, m)| m.then_some(n))
            .collect();
            if !missing.is_empty() {
                diags.error(
                    pos.clone(),
                    format!("error kind success_code needs {}", missing.join(" and ")),
                );
                ok = false;
            }
        }
        ErrorKind::Message => {
            if def.field.is_none() {
                diags.error(pos.clone(), "error kind message needs 'field'");
                ok = false;
            }
            for (name, at) in [
                ("success", def.success.as_ref().map(|f| f.pos(file))),
                (
                    "message_field",
                    def.message_field.as_ref().map(|f| f.pos(file)),
                ),
                ("codes", def.codes.first().map(|c| c.value.pos(file))),
            ] {
                if let Some(at) = at {
                    diags.error(at, format!("'{name}' does not apply to error kind message"));
                    ok = false;
                }
            }
        }
    }
    if let Some(success) = &def.success {
        ok &= check_plain_int("success", success, file, diags);
    }
    let mut seen = BTreeSet::new();
    for c in &def.codes {
        ok &= check_plain_int("value", &c.value, file, diags);
        if !seen.insert(c.value.value) {
            diags.error(
                c.value.pos(file),
                format!("duplicate error code {}", c.value.value),
            );
            ok = false;
        }
        if Some(c.value.value) == def.success.as_ref().map(|s| s.value) {
            diags.error(
                c.value.pos(file),
                format!("error code {} is the success value", c.value.value),
            );
            ok = false;
        }
        if !names::is_valid_ident(&c.name) || c.name.chars().any(|ch| ch.is_ascii_uppercase()) {
            diags.error(
                c.name.pos(file),
                format!("error code name '{}' must be snake_case", c.name.value),
            );
            ok = false;
        }
    }
    ok.then(|| ErrorModel {
        kind,
        field: def.field.as_ref().map(|f| f.value.clone()),
        success: def.success.as_ref().map(|s| s.value),
        message_field: def.message_field.as_ref().map(|f| f.value.clone()),
        codes: def
            .codes
            .iter()
            .map(|c| ErrorCode {
                value: c.value.value,
                name: c.name.value.clone(),
                description: c.description.clone(),
            })
            .collect(),
        description: def.description.clone(),
    })
}

/// Resolves a type expression; reports unknown names with a did-you-mean.
fn type_ref(
    file: &Arc<str>,
    iface: &str,
    ty: &Sp<String>,
    names: &TypeNames,
    diags: &mut Diagnostics,
) -> Option<TypeRef> {
    // Point inside the expression: plain scalars start at the node's column, quoted ones
    // (`"array<Player>"`, the node two characters longer than its text) one further.
    let quote = u32::from(ty.at.len as usize == ty.value.chars().count() + 2);
    let at = |offset: usize| Pos::new(file, ty.at.line, ty.at.col + quote + offset as u32);
    let expr = match typeexpr::parse(ty) {
        Ok(e) => e,
        Err(e) => {
            // The place says where; a huge expression is shown by its start.
            let shown: String = ty.value.chars().take(80).collect();
            let cut = if shown.len() < ty.value.len() {
                "…"
            } else {
                ""
            };
            diags.error(
                at(e.offset),
                format!("invalid type '{shown}{cut}': {}", e.message),
            );
            return None;
        }
    };
    fn go(
        e: &TypeExpr,
        iface: &str,
        names: &TypeNames,
        report: &mut dyn FnMut(usize, String),
    ) -> Option<TypeRef> {
        match e {
            TypeExpr::Name(n, off) => {
                if let Some(s) = Scalar::from_name(n) {
                    Some(TypeRef::Scalar(s))
                } else if let Some((at, owner)) = names.defined.get(n) {
                    // Each interface is its own Rust module (and Cargo feature).
                    if owner != iface {
                        report(
                            *off,
                            format!(
                                "type '{n}' is defined in interface '{owner}' (at {at}); a type can only be used by the file that defines it"
                            ),
                        );
                        return None;
                    }
                    Some(TypeRef::Named(n.clone()))
                } else {
                    report(
                        *off,
                        format!("unknown type '{n}'{}", did_you_mean(n, names.candidates())),
                    );
                    None
                }
            }
            TypeExpr::Array(inner) => {
                Some(TypeRef::Array(Box::new(go(inner, iface, names, report)?)))
            }
            TypeExpr::Map(key, value) => {
                let k = match key.as_deref() {
                    None => MapKey::String,
                    Some(TypeExpr::Name(n, off)) => match n.as_str() {
                        "string" => MapKey::String,
                        "uint32" => MapKey::Uint32,
                        "uint64" => MapKey::Uint64,
                        "steamid" => MapKey::SteamId,
                        _ => {
                            report(
                                *off,
                                format!(
                                    "map keys must be string, uint32, uint64 or steamid, not '{n}'"
                                ),
                            );
                            return None;
                        }
                    },
                    Some(_) => {
                        report(
                            0,
                            "map keys must be string, uint32, uint64 or steamid".into(),
                        );
                        return None;
                    }
                };
                Some(TypeRef::Map(k, Box::new(go(value, iface, names, report)?)))
            }
        }
    }
    let mut errs = Vec::new();
    let r = go(&expr, iface, names, &mut |off, msg| errs.push((off, msg)));
    for (off, msg) in errs {
        diags.error(at(off), msg);
    }
    r
}

fn named_type(
    file: &Arc<str>,
    iface: &str,
    name: &Sp<String>,
    def: &TypeDef,
    names: &TypeNames,
    diags: &mut Diagnostics,
) -> Option<NamedType> {
    let kind = match (&def.fields, &def.enumeration) {
        (Some(fields), None) => {
            TypeKind::Struct(fields_of(file, iface, name, fields, names, diags)?)
        }
        (None, Some(e)) => TypeKind::Enum(enum_type(file, name, e, diags)?),
        (Some(_), Some(_)) => {
            diags.error(
                name.pos(file),
                format!("type '{}' has both 'fields' and 'enum'", name.value),
            );
            return None;
        }
        (None, None) => {
            diags.error(
                name.pos(file),
                format!("type '{}' needs 'fields' or 'enum'", name.value),
            );
            return None;
        }
    };
    Some(NamedType {
        name: name.value.clone(),
        interface: iface.to_string(),
        description: def.description.clone(),
        notes: def.notes.clone(),
        kind,
        pos: name.pos(file),
    })
}

fn fields_of(
    file: &Arc<str>,
    iface: &str,
    owner: &Sp<String>,
    defs: &OrderedMap<FieldDef>,
    names: &TypeNames,
    diags: &mut Diagnostics,
) -> Option<Vec<Field>> {
    let mut out = Vec::new();
    let mut ok = true;
    if defs.len() > MAX_FIELDS {
        // The generated decoder keeps one bit per field (codec::MAX_FIELDS of the runtime).
        diags.error(
            owner.pos(file),
            format!(
                "{} has {} fields, more than the {MAX_FIELDS} a generated type may have; group some into a nested type",
                owner.value,
                defs.len()
            ),
        );
        ok = false;
    }
    let mut rust_seen: BTreeMap<String, (String, Pos)> = BTreeMap::new();
    let mut wire_seen: BTreeMap<&str, Pos> = BTreeMap::new();
    for (wire_name, def) in defs.iter() {
        let pos = wire_name.pos(file);
        if let Some(first) = wire_seen.get(wire_name.as_str()) {
            diags.error(
                pos.clone(),
                format!(
                    "duplicate field '{}' in {} (first at {first})",
                    wire_name.value, owner.value
                ),
            );
            ok = false;
            continue;
        }
        wire_seen.insert(wire_name, pos.clone());
        let rust_name = rust_name_of(file, wire_name, def.rust_name.as_ref(), diags);
        if let Some((other, first)) = rust_seen.get(&rust_name) {
            diags.error(
                pos.clone(),
                format!(
                    "field '{}' and field '{other}' (at {first}) both become `{rust_name}` in Rust; set rust_name on one",
                    wire_name.value
                ),
            );
            ok = false;
        } else {
            rust_seen.insert(rust_name.clone(), (wire_name.value.clone(), pos.clone()));
        }
        let Some(ty) = type_ref(file, iface, &def.ty, names, diags) else {
            ok = false;
            continue;
        };
        let wire = wire_of(file, &ty, def.wire.as_ref(), diags);
        let constraints = constraints::resolve(def.constraints.as_ref(), &ty, file, diags);
        out.push(Field {
            name: wire_name.value.clone(),
            rust_name,
            ty,
            optional: def.optional.as_ref().is_some_and(|o| o.value),
            nullable: def.nullable.as_ref().is_some_and(|o| o.value),
            wire,
            description: def.description.clone(),
            constraints,
            notes: def.notes.clone(),
            pos,
        });
    }
    ok.then_some(out)
}

fn wire_of(file: &Arc<str>, ty: &TypeRef, w: Option<&Sp<Wire>>, diags: &mut Diagnostics) -> Wire {
    let leaf = ty.leaf_scalar();
    match (w, leaf) {
        (Some(w), Some(Scalar::SteamId)) if w.value != Wire::String => {
            diags.error(
                w.pos(file),
                "a steamid is always a string on the wire: JSON numbers lose precision above 2^53",
            );
            Wire::String
        }
        (Some(w), Some(s)) if s.is_numeric() => w.value,
        (Some(w), _) => {
            diags.error(
                w.pos(file),
                format!("'wire' applies to numbers, not to {}", ty.display()),
            );
            Wire::Number
        }
        (None, Some(s)) => s.default_wire(),
        (None, None) => Wire::Number,
    }
}

fn rust_name_of(
    file: &Arc<str>,
    wire: &Sp<String>,
    over: Option<&Sp<String>>,
    diags: &mut Diagnostics,
) -> String {
    match over {
        Some(o) if names::is_valid_ident(o) => o.value.clone(),
        Some(o) => {
            diags.error(
                o.pos(file),
                format!("rust_name '{}' is not a valid Rust identifier", o.value),
            );
            names::field_name(wire)
        }
        None => names::field_name(wire),
    }
}

fn enum_type(
    file: &Arc<str>,
    owner: &Sp<String>,
    def: &EnumDef,
    diags: &mut Diagnostics,
) -> Option<EnumType> {
    let repr = def.repr.value;
    let open = def.open.as_ref().is_none_or(|o| o.value);
    let mut ok = true;
    let mut values = Vec::new();
    let mut seen_values: BTreeMap<EnumLit, Pos> = BTreeMap::new();
    let mut seen_names: BTreeMap<String, Pos> = BTreeMap::new();
    if def.values.is_empty() {
        diags.error(
            owner.pos(file),
            format!("enum '{}' has no values", owner.value),
        );
        return None;
    }
    for v in &def.values {
        let pos = v.value.pos(file);
        let lit = match (&v.value.value, repr) {
            (serde_json::Value::String(s), EnumRepr::String) => EnumLit::Str(s.clone()),
            (serde_json::Value::Number(n), EnumRepr::Integer) if n.as_i64().is_some() => {
                EnumLit::Int(n.as_i64().unwrap_or_default())
            }
            (serde_json::Value::Number(n), EnumRepr::Integer) if n.is_u64() => {
                diags.error(
                    pos,
                    format!("enum value {n} is too large (integer enums hold int64 values)"),
                );
                ok = false;
                continue;
            }
            (other, _) => {
                let (want, repr) = match repr {
                    EnumRepr::String => ("a string", "string"),
                    EnumRepr::Integer => ("an integer", "integer"),
                };
                diags.error(
                    pos,
                    format!("enum value {other} is not {want} (repr: {repr})"),
                );
                ok = false;
                continue;
            }
        };
        if let Some(first) = seen_values.get(&lit) {
            diags.error(
                pos.clone(),
                format!(
                    "duplicate enum value {lit} in {} (first at {first})",
                    owner.value
                ),
            );
            ok = false;
            continue;
        }
        seen_values.insert(lit.clone(), pos.clone());
        let rust_name = match (&v.name, &lit) {
            (Some(n), _) => {
                if !names::is_pascal_case(n) {
                    diags.error(
                        n.pos(file),
                        format!("variant name '{}' must be PascalCase", n.value),
                    );
                    ok = false;
                } else if names::is_not_raw(n) {
                    diags.error(
                        n.pos(file),
                        format!("variant name '{}' cannot be a Rust identifier", n.value),
                    );
                    ok = false;
                }
                n.value.clone()
            }
            (None, EnumLit::Str(s)) => names::type_name(s),
            (None, EnumLit::Int(i)) => {
                diags.error(
                    pos.clone(),
                    format!("integer enum value {i} needs a 'name'"),
                );
                ok = false;
                continue;
            }
        };
        if open && rust_name == "Unknown" {
            diags.error(
                pos.clone(),
                "variant name 'Unknown' is reserved for unknown values of open enums",
            );
            ok = false;
        }
        if let Some(first) = seen_names.get(&rust_name) {
            diags.error(
                pos.clone(),
                format!(
                    "duplicate variant name '{rust_name}' in {} (first at {first})",
                    owner.value
                ),
            );
            ok = false;
            continue;
        }
        seen_names.insert(rust_name.clone(), pos.clone());
        values.push(EnumValue {
            rust_name,
            value: lit,
            description: v.description.clone(),
            pos,
        });
    }
    ok.then_some(EnumType { repr, open, values })
}

fn interface(
    f: &Parsed,
    provider: &Provider,
    names: &TypeNames,
    model: &mut Model,
    diags: &mut Diagnostics,
) -> Option<Interface> {
    let file = &f.file;
    let def = &f.def;
    let iface = def.interface.value.clone();
    let iface_errors = match &def.errors {
        Some(e) => error_model(file, e, diags),
        None => Some(provider.errors.clone()),
    };
    let mut ops = Vec::new();
    let mut seen: BTreeMap<(String, u32), Pos> = BTreeMap::new();
    let mut fn_names: BTreeMap<String, Pos> = BTreeMap::new();
    let mut lower_seen: BTreeMap<(String, u32), (String, Pos)> = BTreeMap::new();
    for op in &def.operations {
        let pos = op.method.pos(file);
        let key = (op.method.value.clone(), op.version.value);
        if let Some(first) = seen.get(&key) {
            diags.error(
                pos,
                format!(
                    "duplicate operation {}/v{} (first at {first})",
                    op.method.value, op.version.value
                ),
            );
            continue;
        }
        seen.insert(key, pos.clone());
        let lower = (op.method.to_ascii_lowercase(), op.version.value);
        if let Some((other, first)) = lower_seen.get(&lower) {
            diags.error(
                pos.clone(),
                case_clash("method", &op.method, other, first, "schema files"),
            );
        }
        lower_seen.insert(lower, (op.method.value.clone(), pos.clone()));
        let ctx = OpCtx {
            file,
            def,
            provider,
            names,
            iface_errors: iface_errors.as_ref(),
        };
        if let Some((o, inline)) = operation(&ctx, op, diags) {
            if o.fn_name == names::CONSTRUCTOR {
                diags.error(
                    pos,
                    format!("operation method name `new` clashes with the constructor `{iface}::new`; rename the method"),
                );
                continue;
            }
            if let Some(first) = fn_names.get(&o.fn_name) {
                diags.error(
                    pos,
                    format!(
                        "operation method name `{}` is used twice (first at {first})",
                        o.fn_name
                    ),
                );
                continue;
            }
            fn_names.insert(o.fn_name.clone(), o.pos.clone());
            if let Some(t) = inline {
                model.types.entry(t.name.clone()).or_insert(t);
            }
            ops.push(o);
        }
    }
    ops.sort_by(|a, b| (&a.method, a.version).cmp(&(&b.method, b.version)));
    let imported = def.imported.as_ref().map(|i| Imported {
        listing: i.listing.clone(),
        todo: i.todo.clone(),
    });
    Some(Interface {
        module: names::module_name(&iface),
        name: iface,
        provider: provider.id.clone(),
        description: def.description.clone(),
        sources: def.sources.clone(),
        notes: def.notes.clone(),
        imported,
        operations: ops,
        file: file.to_string(),
        pos: def.interface.pos(file),
    })
}

struct OpCtx<'a> {
    file: &'a Arc<str>,
    def: &'a InterfaceFile,
    provider: &'a Provider,
    names: &'a TypeNames,
    iface_errors: Option<&'a ErrorModel>,
}

fn operation(
    ctx: &OpCtx,
    op: &OperationDef,
    diags: &mut Diagnostics,
) -> Option<(Operation, Option<NamedType>)> {
    let file = ctx.file;
    let def = ctx.def;
    let pos = op.method.pos(file);
    let mut ok = true;
    if !names::is_api_name(&op.method) {
        diags.error(
            pos.clone(),
            format!("invalid method name '{}'", op.method.value),
        );
        ok = false;
    }
    ok &= check_plain_int("version", &op.version, file, diags);
    if op.version.value == 0 {
        diags.error(op.version.pos(file), "version must be 1 or more");
        ok = false;
    }
    let visibility = op
        .visibility
        .as_ref()
        .or(def.visibility.as_ref())
        .map_or(Visibility::Public, |v| v.value);
    let status = op
        .status
        .as_ref()
        .or(def.status.as_ref())
        .map_or(Status::Live, |s| s.value);
    let auth = op.auth.as_ref().map_or(Auth::Required, |a| a.value);
    if let Some(a) = &op.auth
        && visibility == Visibility::Publisher
        && a.value != Auth::Required
    {
        diags.error(
            a.pos(file),
            "a publisher-only operation needs the publisher key: `auth` must be `required`",
        );
        ok = false;
    }
    let host = match (&op.host, visibility) {
        (Some(h), _) => {
            if !is_host(h) {
                diags.error(h.pos(file), host_error(h));
                ok = false;
            }
            h.value.clone()
        }
        (None, Visibility::Publisher) => match &ctx.provider.publisher_host {
            Some(h) => h.clone(),
            None => {
                diags.error(
                    pos.clone(),
                    format!(
                        "provider '{}' has no publisher_host for a publisher operation",
                        ctx.provider.id
                    ),
                );
                ok = false;
                String::new()
            }
        },
        (None, Visibility::Public) => ctx.provider.host.clone(),
    };
    let path = match (&op.path, &ctx.provider.path_template) {
        (Some(p), _) => {
            if let Err(e) = check_path_template(p) {
                diags.error(p.pos(file), e);
                ok = false;
            }
            fill_path(p, def, op)
        }
        (None, Some(t)) => fill_path(t, def, op),
        (None, None) => {
            diags.error(
                pos.clone(),
                format!(
                    "operation needs a 'path': provider '{}' has no path template",
                    ctx.provider.id
                ),
            );
            ok = false;
            String::new()
        }
    };
    let is_service = ctx
        .provider
        .service_suffix
        .as_ref()
        .is_some_and(|s| def.interface.ends_with(s.as_str()));
    let input = op.input.as_ref().map_or(
        if is_service {
            InputEncoding::InputJson
        } else {
            InputEncoding::Query
        },
        |i| i.value,
    );

    // Parameters: the interface's common ones first.
    let mut params = Vec::new();
    let mut seen: BTreeMap<String, Pos> = BTreeMap::new();
    let mut rust_seen: BTreeMap<String, (String, Pos)> = BTreeMap::new();
    for p in def.common_parameters.iter().chain(&op.parameters) {
        let ppos = p.name.pos(file);
        if let Some(first) = seen.get(&p.name.value) {
            diags.error(
                ppos,
                format!("duplicate parameter '{}' (first at {first})", p.name.value),
            );
            ok = false;
            continue;
        }
        seen.insert(p.name.value.clone(), ppos.clone());
        if p.name.value == ctx.provider.auth_param
            || ctx
                .provider
                .format_param
                .as_ref()
                .is_some_and(|(n, _)| *n == p.name.value)
        {
            diags.error(
                ppos,
                format!(
                    "'{}' is sent by the client for every call; do not list it as a parameter",
                    p.name.value
                ),
            );
            ok = false;
            continue;
        }
        match param(ctx, p, input, diags) {
            Some(par) => {
                if par.optional && par.rust_name == names::CONSTRUCTOR {
                    diags.error(
                        par.pos.clone(),
                        format!(
                            "optional parameter '{}' gets the setter `new`, which clashes with the request's constructor; set rust_name",
                            par.name
                        ),
                    );
                    ok = false;
                }
                if let Some((other, first)) = rust_seen.get(&par.rust_name) {
                    diags.error(
                        par.pos.clone(),
                        format!(
                            "parameter '{}' and parameter '{other}' (at {first}) both become `{}` in Rust; set rust_name on one",
                            par.name, par.rust_name
                        ),
                    );
                    ok = false;
                } else {
                    rust_seen.insert(par.rust_name.clone(), (par.name.clone(), par.pos.clone()));
                }
                params.push(par)
            }
            None => ok = false,
        }
    }

    let mut rules = Vec::new();
    for r in &op.rules {
        match (&r.at_least_one_of, &r.required_if) {
            (Some(list), None) => {
                if list.len() < 2 {
                    diags.error(
                        list.pos(file),
                        "at_least_one_of needs two or more parameters",
                    );
                    ok = false;
                }
                ok &= rule_params_exist(file, list, &params, diags);
                rules.push(Rule::AtLeastOneOf(list.value.clone()));
            }
            (None, Some(pair)) => {
                if pair.len() != 2 {
                    diags.error(
                        pair.pos(file),
                        "required_if takes exactly two parameters: [required, when_given]",
                    );
                    ok = false;
                } else {
                    ok &= rule_params_exist(file, pair, &params, diags);
                    rules.push(Rule::RequiredIf(pair[0].clone(), pair[1].clone()));
                }
            }
            (a, b) => {
                // Both: point at the second; neither: only the operation has a place.
                let at = match (a, b) {
                    (Some(_), Some(b)) => b.pos(file),
                    _ => pos.clone(),
                };
                diags.error(
                    at,
                    "a rule needs exactly one of at_least_one_of, required_if",
                );
                ok = false;
            }
        }
    }

    // Response.
    let (req_name, inline_name) = op_type_names(op, &def.operations);
    let r = &op.response;
    let (resp_ty, inline) = match (&r.ty, &r.fields, &inline_name) {
        (Some(t), None, _) => {
            if let Some(n) = &r.name {
                diags.error(
                    n.pos(file),
                    "response 'name' only applies to inline 'fields'",
                );
                ok = false;
            }
            (type_ref(file, &def.interface, t, ctx.names, diags), None)
        }
        (None, Some(fields), Some(name)) => {
            ok &= check_type_name(file, name, diags);
            let inline =
                fields_of(file, &def.interface, name, fields, ctx.names, diags).map(|fs| {
                    NamedType {
                        name: name.value.clone(),
                        interface: def.interface.value.clone(),
                        description: r
                            .description
                            .clone()
                            .or_else(|| Some(format!("The result of {}.", op.method.value))),
                        notes: Vec::new(),
                        kind: TypeKind::Struct(fs),
                        pos: name.pos(file),
                    }
                });
            (
                inline.as_ref().map(|t| TypeRef::Named(t.name.clone())),
                inline,
            )
        }
        _ => {
            diags.error(
                r.ty.as_ref().map_or_else(|| pos.clone(), |t| t.pos(file)),
                "response needs exactly one of 'type' or 'fields'",
            );
            (None, None)
        }
    };
    if let Some(env) = &r.envelope
        && env.is_empty()
    {
        diags.error(
            env.pos(file),
            "envelope must not be empty (leave it out for no envelope)",
        );
        ok = false;
    }
    let errors = match &op.errors {
        Some(e) => error_model(file, e, diags),
        None => ctx.iface_errors.cloned(),
    };

    let mut examples = Vec::new();
    let mut ex_seen: BTreeMap<&str, Pos> = BTreeMap::new();
    for e in &op.examples {
        let epos = e.name.pos(file);
        if let Some(first) = ex_seen.get(e.name.as_str()) {
            diags.error(
                epos,
                format!("duplicate example '{}' (first at {first})", e.name.value),
            );
            ok = false;
            continue;
        }
        ex_seen.insert(&e.name, epos.clone());
        if e.request.is_none() && e.response.is_none() {
            diags.error(
                epos.clone(),
                format!(
                    "example '{}' has neither request nor response",
                    e.name.value
                ),
            );
            ok = false;
        }
        examples.push(Example {
            name: e.name.value.clone(),
            source: e.source.clone(),
            description: e.description.clone(),
            request: e.request.as_ref().map(|v| v.value.clone()),
            response: e.response.as_ref().map(|v| v.value.clone()),
            status: e.status.unwrap_or(200),
            corrections: e.corrections.clone(),
            pos: epos,
        });
    }

    let several = def
        .operations
        .iter()
        .filter(|o| o.method.value == op.method.value)
        .count()
        > 1;
    let fn_name = if several {
        format!("{}_v{}", names::field_name(&op.method), op.version.value)
    } else {
        names::field_name(&op.method)
    };
    let (Some(resp_ty), Some(errors), true) = (resp_ty, errors, ok) else {
        return None;
    };
    Some((
        Operation {
            interface: def.interface.value.clone(),
            provider: ctx.provider.id.clone(),
            method: op.method.value.clone(),
            version: op.version.value,
            http: op.http.value,
            host,
            path,
            visibility,
            status,
            auth,
            description: op.description.value.clone(),
            notes: op.notes.clone(),
            input,
            params,
            rules,
            request_type: req_name.value,
            response: Response {
                envelope: r.envelope.as_ref().map(|e| e.value.clone()),
                ty: resp_ty,
                description: r.description.clone(),
            },
            errors,
            examples,
            fn_name,
            pos,
        },
        inline,
    ))
}

fn fill_path(t: &str, def: &InterfaceFile, op: &OperationDef) -> String {
    t.replace("{interface}", &def.interface)
        .replace("{method}", &op.method)
        .replace("{version}", &op.version.value.to_string())
}

fn rule_params_exist(
    file: &Arc<str>,
    list: &Sp<Vec<String>>,
    params: &[Param],
    diags: &mut Diagnostics,
) -> bool {
    let mut ok = true;
    for n in list.iter() {
        match params.iter().find(|p| &p.name == n) {
            None => {
                let names = params.iter().map(|p| p.name.as_str());
                diags.error(
                    list.pos(file),
                    format!(
                        "rule names unknown parameter '{n}'{}",
                        did_you_mean(n, names)
                    ),
                );
                ok = false;
            }
            Some(p) if !p.optional => {
                diags.error(
                    list.pos(file),
                    format!(
                        "rule names parameter '{n}', which is required anyway; make it optional"
                    ),
                );
                ok = false;
            }
            Some(_) => {}
        }
    }
    ok
}

fn param(
    ctx: &OpCtx,
    p: &ParamDef,
    input: InputEncoding,
    diags: &mut Diagnostics,
) -> Option<Param> {
    let file = ctx.file;
    let pos = p.name.pos(file);
    if p.name.is_empty()
        || p.name
            .chars()
            .any(|c| c.is_whitespace() || c == '&' || c == '=')
    {
        diags.error(
            pos.clone(),
            format!("invalid parameter name '{}'", p.name.value),
        );
        return None;
    }
    let rust_name = rust_name_of(file, &p.name, p.rust_name.as_ref(), diags);
    let ty = type_ref(file, &ctx.def.interface, &p.ty, ctx.names, diags)?;
    let constraints = constraints::resolve(p.constraints.as_ref(), &ty, file, diags);
    let encoding = match (&p.encoding, &ty) {
        (Some(e), TypeRef::Array(_)) => {
            if e.value != ArrayEncoding::Json && input == InputEncoding::InputJson {
                diags.error(
                    e.pos(file),
                    "inside input_json every array is a JSON array; leave 'encoding' out or say 'json'",
                );
                return None;
            }
            if e.value == ArrayEncoding::Json && input != InputEncoding::InputJson {
                diags.error(
                    e.pos(file),
                    "encoding 'json' needs the operation's input to be input_json",
                );
                return None;
            }
            Some(e.value)
        }
        (Some(e), _) => {
            diags.error(
                e.pos(file),
                format!("'encoding' applies to arrays, not to {}", ty.display()),
            );
            return None;
        }
        (None, TypeRef::Array(_)) => Some(if input == InputEncoding::InputJson {
            ArrayEncoding::Json
        } else {
            ArrayEncoding::Comma
        }),
        (None, _) => None,
    };
    if encoding == Some(ArrayEncoding::Comma)
        && matches!(&ty, TypeRef::Array(item) if **item == TypeRef::Scalar(Scalar::String))
        && !items_exclude_commas(&constraints)
    {
        diags.error(
            pos.clone(),
            format!(
                "the items of '{}' are joined with ',': an empty item or one with a comma would \
                 change the list the server reads; constrain them, e.g. \
                 items: {{pattern: \"^[^,]+$\"}}",
                p.name.value
            ),
        );
    }
    // Outside input_json a parameter must be one query value.
    if input == InputEncoding::Query {
        let flat = match &ty {
            TypeRef::Scalar(s) => *s != Scalar::Json,
            TypeRef::Array(inner) => {
                matches!(**inner, TypeRef::Scalar(s) if s != Scalar::Json)
                    || matches!(&**inner, TypeRef::Named(n) if ctx.names.enums.contains(n))
            }
            TypeRef::Named(n) => ctx.names.enums.contains(n),
            TypeRef::Map(..) => false,
        };
        if !flat {
            diags.error(
                p.ty.pos(file),
                format!(
                    "parameter '{}' of type {} cannot be sent as a query parameter; use input: input_json",
                    p.name.value,
                    ty.display()
                ),
            );
            return None;
        }
    }
    Some(Param {
        name: p.name.value.clone(),
        rust_name,
        ty,
        optional: p.optional.as_ref().is_some_and(|o| o.value),
        default: p.default.as_ref().map(|d| d.value.clone()),
        description: p.description.clone(),
        constraints,
        encoding,
        listing: p.listing.as_ref().map(|l| ListingNote {
            ty: l.ty.clone(),
            optional: l.optional,
            source: l.source.clone(),
            note: l.note.clone(),
        }),
        notes: p.notes.clone(),
        pos,
    })
}

fn check_examples(model: &Model, diags: &mut Diagnostics) {
    for op in model.operations() {
        for p in &op.params {
            if let Some(d) = &p.default {
                let mut c = value_check::Checker::new(model);
                c.value(&p.ty, Some(p.wire()), d, &p.name, &p.constraints);
                for m in c.finish() {
                    diags.error(
                        p.pos.clone(),
                        format!(
                            "default of parameter '{}' does not fit its type: {m}",
                            p.name
                        ),
                    );
                }
            }
        }
        for ex in &op.examples {
            let checks = [
                ("request", ex.request.as_ref()),
                ("response", ex.response.as_ref()),
            ];
            for (what, value) in checks {
                let Some(v) = value else { continue };
                let mut c = value_check::Checker::new(model);
                if what == "request" {
                    c.request(op, v);
                } else if ex.status / 100 == 2 {
                    c.response(op, v);
                } else {
                    continue;
                }
                for m in c.finish() {
                    diags.error(
                        ex.pos.clone(),
                        format!(
                            "example '{}' {what} does not match {}: {m}",
                            ex.name,
                            op.id()
                        ),
                    );
                }
            }
        }
    }
}

/// Whether the items' pattern refuses an empty string and the commas that would split an item
/// (tried on a few: a pattern is not analysed).
fn items_exclude_commas(constraints: &Constraints) -> bool {
    let Some(pattern) = constraints
        .items
        .as_ref()
        .and_then(|i| i.pattern.as_deref())
    else {
        return false;
    };
    crate::model::value_check::compiled(pattern).is_some_and(|re| {
        ["", ",", "a,b", "0,1", "a,", ",a"]
            .iter()
            .all(|s| !re.is_match(s))
    })
}

/// The file's name when it is not the interface's name with `.yaml` or `.yml` (the loader reads
/// both); `None` when it matches.
fn file_name_mismatch<'f>(file: &'f str, interface: &str) -> Option<&'f str> {
    let file_name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = file_name
        .strip_suffix(".yaml")
        .or_else(|| file_name.strip_suffix(".yml"))
        .unwrap_or(file_name);
    (!stem.is_empty() && stem != interface).then_some(file_name)
}

#[cfg(test)]
mod tests {
    use super::file_name_mismatch;

    #[test]
    fn a_file_is_named_after_its_interface_with_either_extension() {
        assert_eq!(
            file_name_mismatch("spec/steam/ISteamApps.yaml", "ISteamApps"),
            None
        );
        assert_eq!(
            file_name_mismatch("spec/steam/ISteamApps.yml", "ISteamApps"),
            None
        );
        assert_eq!(
            file_name_mismatch("spec\\steam\\ISteamApps.yml", "ISteamApps"),
            None
        );
        assert_eq!(
            file_name_mismatch("spec/steam/ISteamApps.yml", "ISteamUser"),
            Some("ISteamApps.yml")
        );
        assert_eq!(
            file_name_mismatch("ISteamHubCopy.yaml", "ISteamHub"),
            Some("ISteamHubCopy.yaml")
        );
    }
}
