//! Recorded response bodies against the spec: what the spec does not describe (response drift).
//!
//! GetSupportedAPIList shows only requests; what Steam *answers* drifts too (fields added,
//! removed, retyped over the years). [`strict_check`] reports, for one body, every field the
//! spec does not describe, every described field of the wrong type, every missing required
//! field, unknown enum values and violated constraints, each with its JSON path
//! (`response.games[3].playtime_deck_forever: field 'playtime_deck_forever' is not described in
//! OwnedGame`). [`check`] is the general form: a body saved without its envelope, or a single
//! element, is checked at its place in a full response ([`Location`]), and [`Mode::Decode`]
//! keeps only what breaks the spec's contract.
//!
//! [`check_file`] does the same for a file, naming the operation from the file name
//! (`Interface.Method.vN.<anything>`) when none is given; the `steamspec responses` command and
//! the recorded-responses tests are built on it.

use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::Value;
use steam_webapi_runtime::Format;

pub mod markup;

use crate::model::value_check::{Checker, push_key};
use crate::model::{Constraints, Model, Operation, TypeKind, TypeRef, Wire};

pub use crate::model::value_check::{Mismatch as Finding, MismatchKind as FindingKind};

/// How much to report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Only what breaks the spec's contract: missing required fields and values of the wrong
    /// type (what the response's JSON Schema rejects). Undescribed fields, unknown values of
    /// (open) enums and constraint violations are left out: the client ignores or keeps them.
    Decode,
    /// Everything: also every field the spec does not describe, every enum value it does not
    /// list, every violated constraint. This is response drift.
    Strict,
}

impl Mode {
    fn keeps(self, kind: FindingKind) -> bool {
        match self {
            Mode::Strict => true,
            Mode::Decode => matches!(kind, FindingKind::Missing | FindingKind::WrongType),
        }
    }
}

/// Where a body sits in a full response of its operation.
///
/// Written as a JSON path: empty for a whole body, `response` for the value of the envelope
/// (a body saved without it), `response.players[0]` for one element of an array. Findings keep
/// full-response paths either way.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    segments: Vec<Segment>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Segment {
    Key(String),
    Index(usize),
}

impl Location {
    /// The whole body.
    pub fn full() -> Self {
        Location::default()
    }

    /// Parses `response.players[0]` (`[]` means `[0]`). Keys are plain names.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut segments = Vec::new();
        let mut rest = text.trim();
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('[') {
                let end = after
                    .find(']')
                    .ok_or_else(|| format!("'{text}': unclosed '['"))?;
                let digits = &after[..end];
                let index = if digits.is_empty() {
                    0
                } else {
                    digits
                        .parse()
                        .map_err(|_| format!("'{text}': '[{digits}]' is not an array index"))?
                };
                segments.push(Segment::Index(index));
                rest = &after[end + 1..];
            } else {
                let rest_key = rest.strip_prefix('.').unwrap_or(rest);
                let end = rest_key.find(['.', '[']).unwrap_or(rest_key.len());
                let key = &rest_key[..end];
                if key.is_empty() {
                    return Err(format!("'{text}': empty key"));
                }
                segments.push(Segment::Key(key.to_string()));
                rest = &rest_key[end..];
            }
        }
        Ok(Location { segments })
    }

    /// Whether this is the whole body (an empty path).
    pub fn is_full(&self) -> bool {
        self.segments.is_empty()
    }

    /// The path as written in findings (`response.players[0]`).
    pub fn path(&self) -> String {
        let mut p = String::new();
        for s in &self.segments {
            p = match s {
                Segment::Key(k) => push_key(&p, k),
                Segment::Index(i) => format!("{p}[{i}]"),
            };
        }
        p
    }

    /// The full response a body at this place came from, rebuilt around it
    /// (`response.players[0]` -> `{"response":{"players":[body]}}`): what the operation's
    /// response JSON Schema validates. The whole body stays as it is.
    pub fn wrap(&self, body: Value) -> Value {
        self.segments.iter().rev().fold(body, |inner, s| match s {
            Segment::Index(_) => Value::Array(vec![inner]),
            Segment::Key(k) => {
                let mut map = serde_json::Map::new();
                map.insert(k.clone(), inner);
                Value::Object(map)
            }
        })
    }

    /// The type found at this place in a response of `op`, with the wire form and constraints
    /// of the field it belongs to.
    fn resolve<'m>(
        &self,
        model: &'m Model,
        op: &'m Operation,
    ) -> Result<(TypeRef, Option<Wire>, Constraints), String> {
        let mut segments = self.segments.iter();
        if let Some(env) = &op.response.envelope {
            match segments.next() {
                Some(Segment::Key(k)) if k == env => {}
                _ => {
                    return Err(format!(
                        "{} answers {{\"{env}\": ...}}; a location starts with '{env}'",
                        op.id()
                    ));
                }
            }
        }
        let mut ty = op.response.ty.clone();
        let mut wire = None;
        let mut constraints = Constraints::default();
        let mut at = String::new();
        for s in segments {
            match (s, &ty) {
                (Segment::Index(_), TypeRef::Array(item)) => {
                    ty = (**item).clone();
                    constraints = constraints.items.as_deref().cloned().unwrap_or_default();
                }
                (Segment::Key(_), TypeRef::Map(_, item)) => {
                    ty = (**item).clone();
                    constraints = constraints.items.as_deref().cloned().unwrap_or_default();
                }
                (Segment::Key(k), TypeRef::Named(n)) => {
                    let fields = match model.type_named(n).map(|t| &t.kind) {
                        Some(TypeKind::Struct(fields)) => fields,
                        _ => return Err(format!("{at}: {n} has no fields")),
                    };
                    let f = fields
                        .iter()
                        .find(|f| &f.name == k)
                        .ok_or_else(|| format!("{at}: {n} has no field '{k}'"))?;
                    ty = f.ty.clone();
                    wire = Some(f.wire);
                    constraints = f.constraints.clone();
                }
                (_, other) => {
                    return Err(format!(
                        "{}: a {} has nothing at '{}'",
                        if at.is_empty() { "(root)" } else { &at },
                        other.display(),
                        match s {
                            Segment::Key(k) => k.clone(),
                            Segment::Index(i) => format!("[{i}]"),
                        }
                    ));
                }
            }
            at = match s {
                Segment::Key(k) => push_key(&at, k),
                Segment::Index(i) => format!("{at}[{i}]"),
            };
        }
        Ok((ty, wire, constraints))
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_full() {
            f.write_str("(the whole body)")
        } else {
            f.write_str(&self.path())
        }
    }
}

/// Every finding of a whole response body of `op`, strict: the function to call from a test
/// (`assert!(strict_check(&model, op, &body).is_empty())`).
pub fn strict_check(model: &Model, op: &Operation, body: &Value) -> Vec<Finding> {
    check(model, op, body, &Location::full(), Mode::Strict)
        .expect("the whole body has a location in every operation")
}

/// Findings of `body`, placed at `at` in a response of `op`, sorted by path. `Err` when `at`
/// names no place in the operation's response.
pub fn check(
    model: &Model,
    op: &Operation,
    body: &Value,
    at: &Location,
    mode: Mode,
) -> Result<Vec<Finding>, String> {
    let mut checker = Checker::new(model);
    if at.is_full() {
        checker.response(op, body);
    } else {
        let (ty, wire, constraints) = at.resolve(model, op)?;
        checker.value(&ty, wire, body, &at.path(), &constraints);
    }
    let mut findings = checker.finish();
    findings.retain(|f| mode.keeps(f.kind));
    if at.is_full()
        && let Some(env) = &op.response.envelope
        && findings
            .iter()
            .any(|f| f.kind == FindingKind::Missing && f.path.is_empty())
    {
        for f in &mut findings {
            if f.kind == FindingKind::Missing && f.path.is_empty() {
                f.message = format!(
                    "{} (a body saved without it is checked with --at {env})",
                    f.message
                );
            }
        }
    }
    Ok(findings)
}

/// The operation `Interface/Method/vN` (also `Interface.Method.vN`).
pub fn find_operation<'m>(model: &'m Model, id: &str) -> Result<&'m Operation, String> {
    let parts: Vec<&str> = id.split(['/', '.']).collect();
    let parsed = match parts.as_slice() {
        [i, m, v] => v
            .strip_prefix('v')
            .and_then(|n| n.parse::<u32>().ok())
            .map(|n| (*i, *m, n)),
        _ => None,
    };
    let Some((interface, method, version)) = parsed else {
        return Err(format!(
            "'{id}' is not an operation (Interface/Method/vN, e.g. ISteamUser/GetFriendList/v1)"
        ));
    };
    model
        .operations()
        .find(|o| o.interface == interface && o.method == method && o.version == version)
        .ok_or_else(|| {
            let ids = model.operations().map(Operation::id).collect::<Vec<_>>();
            format!(
                "no operation {interface}/{method}/v{version} in the spec{}",
                crate::diag::did_you_mean(
                    &format!("{interface}/{method}/v{version}"),
                    ids.iter().map(String::as_str)
                )
            )
        })
}

/// The operation a file's name gives: `ISteamUser.GetFriendList.v1.anything.json` ->
/// `ISteamUser/GetFriendList/v1`; `None` when the name does not start that way.
pub fn operation_id_from_file_name(name: &str) -> Option<String> {
    let mut parts = name.splitn(4, '.');
    let (interface, method, version) = (parts.next()?, parts.next()?, parts.next()?);
    let plain = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    let n = version.strip_prefix('v')?;
    (plain(interface)
        && plain(method)
        && !n.is_empty()
        && n.bytes().all(|b| b.is_ascii_digit())
        && parts.next().is_some())
    .then(|| format!("{interface}/{method}/{version}"))
}

/// One file's result.
#[derive(Clone, Debug)]
pub struct FileReport {
    /// The file, as given.
    pub file: PathBuf,
    /// `Interface/Method/vN`.
    pub operation: String,
    /// Where the body sits in a full response.
    pub at: Location,
    /// The findings, sorted by path.
    pub findings: Vec<Finding>,
}

/// Why a file could not be checked (the command's exit 2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    /// The file, as given.
    pub file: PathBuf,
    /// 1-based line and column, for a syntax error.
    pub place: Option<(usize, usize)>,
    /// What went wrong, without the file or place.
    pub message: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some((line, column)) = self.place {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for FileError {}

/// Response bodies larger than this are refused (the largest real ones, GetAppList, are ~15 MB).
pub const MAX_BODY_BYTES: u64 = 64 << 20;

/// Reads and checks one file. `operation` is `Interface/Method/vN`; `None` takes it from the
/// file name. Errors say where: `file:line:col: not JSON: ...` for a syntax error. The body's
/// format comes from the file's extension ([`format_of`]).
pub fn check_file(
    model: &Model,
    file: &Path,
    operation: Option<&str>,
    at: &Location,
    mode: Mode,
) -> Result<FileReport, FileError> {
    check_file_as(model, file, operation, at, mode, None)
}

/// The format of a body file by its extension: `.xml`, `.vdf`, JSON otherwise.
pub fn format_of(file: &Path) -> Format {
    file.extension()
        .and_then(|e| e.to_str())
        .and_then(Format::from_name)
        .unwrap_or(Format::Json)
}

/// [`check_file`] with the body's format given (`None`: from the extension). An XML or VDF
/// body is read by the client's own reader and typed by the spec ([`markup`]); one that is not
/// well-formed is an error at its `file:line:col`.
pub fn check_file_as(
    model: &Model,
    file: &Path,
    operation: Option<&str>,
    at: &Location,
    mode: Mode,
    format: Option<Format>,
) -> Result<FileReport, FileError> {
    let fail = |message: String| FileError {
        file: file.to_path_buf(),
        place: None,
        message,
    };
    let id = match operation {
        Some(id) => id.to_string(),
        None => {
            let name = file
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            operation_id_from_file_name(name).ok_or_else(|| {
                fail(format!(
                    "cannot tell the operation from the file name '{name}' (expected \
                     Interface.Method.vN.<anything>); give --operation Interface/Method/vN"
                ))
            })?
        }
    };
    let op = find_operation(model, &id).map_err(&fail)?;
    // Bounded: a saved body may be anything, /dev/zero included.
    let bytes = crate::input::read_limit::read_file(file, MAX_BODY_BYTES)
        .map_err(|e| fail(e.to_string()))?;
    let body = match format.unwrap_or_else(|| format_of(file)) {
        Format::Json => parse_json(&bytes).map_err(|e| FileError {
            file: file.to_path_buf(),
            place: Some((e.line, e.column)),
            message: e.message,
        })?,
        other => {
            if !at.is_full() {
                return Err(fail(format!(
                    "--at is for JSON bodies; an {other} body is whole"
                )));
            }
            let Some(tree) = other.read_tree(&bytes) else {
                return Err(fail(format!("{other} bodies have no tree")));
            };
            let tree = tree.map_err(|e| FileError {
                file: file.to_path_buf(),
                place: Some((e.pos.line as usize, e.pos.column as usize)),
                message: format!(
                    "not well-formed {}: {}",
                    other.name().to_uppercase(),
                    e.message
                ),
            })?;
            let Some(root) = tree.pairs.first() else {
                return Err(fail(format!("an empty {other} body")));
            };
            markup::to_json(model, op, root, other)
        }
    };
    let findings = check(model, op, &body, at, mode).map_err(fail)?;
    Ok(FileReport {
        file: file.to_path_buf(),
        operation: op.id(),
        at: at.clone(),
        findings,
    })
}

/// A JSON syntax error with its 1-based place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong, e.g. `not UTF-8` or `not JSON: ...`.
    pub message: String,
}

/// Parses a body; an empty or non-UTF-8 body, or a syntax error, says where.
pub fn parse_json(bytes: &[u8]) -> Result<Value, JsonError> {
    let text = crate::input::utf8::text(bytes).map_err(|at| JsonError {
        line: at.line,
        column: at.column,
        message: "not UTF-8".into(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    crate::input::json_strict::from_str(text).map_err(|e| {
        let (line, column, message) = crate::input::json_place::syntax_error_parts(&e);
        JsonError {
            line,
            column,
            message: format!("not JSON: {message}"),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_parse_and_print() {
        let at = Location::parse("response.players[]").unwrap();
        assert_eq!(at.path(), "response.players[0]");
        assert_eq!(Location::parse("").unwrap(), Location::full());
        assert_eq!(Location::parse("a[2].b").unwrap().path(), "a[2].b");
        assert!(Location::parse("a[x]").is_err());
        assert!(Location::parse("a..b").is_err());
        assert_eq!(
            at.wrap(serde_json::json!({"steamid": "1"})),
            serde_json::json!({"response": {"players": [{"steamid": "1"}]}})
        );
        assert_eq!(Location::full().wrap(Value::Null), Value::Null);
    }

    #[test]
    fn operation_from_file_names() {
        assert_eq!(
            operation_id_from_file_name("ISteamUser.GetFriendList.v1.olgagr.json").as_deref(),
            Some("ISteamUser/GetFriendList/v1")
        );
        assert_eq!(operation_id_from_file_name("SteamError.401-x.html"), None);
        assert_eq!(operation_id_from_file_name("README.md"), None);
        assert_eq!(operation_id_from_file_name("A.B.v1"), None);
    }

    #[test]
    fn json_errors_say_where() {
        let e = parse_json(b"{\n  'a': 1}").unwrap_err();
        assert_eq!((e.line, e.column), (2, 3));
        assert!(
            e.message.starts_with("not JSON: key must be a string"),
            "{}",
            e.message
        );
        let e = parse_json(b"").unwrap_err();
        assert_eq!((e.line, e.column), (1, 1));
        // Columns count characters: "é" is one.
        let e = parse_json(b"{\n \"\xc3\xa9\xff\"}").unwrap_err();
        assert_eq!((e.line, e.column, e.message.as_str()), (2, 4, "not UTF-8"));
        // serde_json would keep the second `friend_since` and hide the first.
        let e = parse_json(br#"{"friend_since": "x", "friend_since": 0}"#).unwrap_err();
        assert_eq!((e.line, e.column), (1, 36), "{}", e.message);
        assert!(
            e.message.contains("duplicate key \"friend_since\""),
            "{}",
            e.message
        );
    }

    fn model() -> Model {
        crate::load_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../spec").as_ref())
            .expect("the project spec loads")
            .model
    }

    #[cfg(unix)]
    #[test]
    fn endless_body_is_refused_at_the_limit() {
        let dir = std::env::temp_dir().join(format!("steamspec-body-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("ISteamUser.GetFriendList.v1.zero.json");
        let _ = std::fs::remove_file(&file);
        std::os::unix::fs::symlink("/dev/zero", &file).unwrap();
        let e = check_file(&model(), &file, None, &Location::full(), Mode::Strict).unwrap_err();
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(
            e.to_string(),
            format!(
                "{}: file is larger than the limit of {MAX_BODY_BYTES} bytes",
                file.display()
            )
        );
    }

    #[test]
    fn partial_bodies_are_checked_in_place() {
        let m = model();
        let op = find_operation(&m, "ISteamUser/GetPlayerSummaries/v2").unwrap();
        let player = serde_json::json!({"steamid": 76561197960435530u64, "mood": 1});
        let at = Location::parse("response.players[0]").unwrap();
        let found: Vec<String> = check(&m, op, &player, &at, Mode::Strict)
            .unwrap()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            found[0],
            "response.players[0].avatar: required field 'avatar' is missing"
        );
        assert!(found.contains(
            &"response.players[0].mood: field 'mood' is not described in Player".to_string()
        ));
        assert!(
            found.contains(
                &"response.players[0].steamid: expected a steamid as a string \
                 of digits, found number 76561197960435530"
                    .to_string()
            )
        );
        // Decode mode leaves the undescribed field out.
        let decode = check(&m, op, &player, &at, Mode::Decode).unwrap();
        assert!(decode.iter().all(|f| f.kind != FindingKind::UnknownField));
        assert!(
            check(
                &m,
                op,
                &player,
                &Location::parse("players").unwrap(),
                Mode::Strict
            )
            .unwrap_err()
            .contains("starts with 'response'")
        );
        assert!(
            check(
                &m,
                op,
                &player,
                &Location::parse("response.gamers").unwrap(),
                Mode::Strict
            )
            .unwrap_err()
            .contains("has no field 'gamers'")
        );
    }

    #[test]
    fn operations_by_id() {
        let m = model();
        assert_eq!(
            find_operation(&m, "ISteamNews.GetNewsForApp.v2")
                .unwrap()
                .id(),
            "ISteamNews/GetNewsForApp/v2"
        );
        assert!(find_operation(&m, "ISteamNews/GetNewsForApp/v3").is_err());
        assert!(
            find_operation(&m, "GetNewsForApp")
                .unwrap_err()
                .contains("is not an operation")
        );
    }
}
