//! `ISteamWebAPIUtil/GetSupportedAPIList` output, parsed into our own types.
//!
//! The listing comes from outside (a file, stdin, Steam): anything may be in it. Every problem is
//! reported with where it is, a JSON path for a wrong shape or line:column for bad syntax, and no
//! input makes the parser panic or recurse without bound.

use std::fmt;
use std::path::Path;

use serde_json::{Map, Value};

/// Listings larger than this are refused (the real ones are about 160 KB).
pub const MAX_LISTING_BYTES: u64 = 64 << 20;

/// Deepest `[`/`{` nesting accepted. A listing needs 6; the limit leaves room for unknown fields
/// while keeping the parser's recursion shallow.
pub const MAX_DEPTH: usize = 64;

/// The listing: interfaces in the order given.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listing {
    /// The listed interfaces, in the order given.
    pub interfaces: Vec<Interface>,
}

/// One listed interface.
#[derive(Clone, Debug, PartialEq)]
pub struct Interface {
    /// As listed, e.g. `ISteamUser`.
    pub name: String,
    /// Its methods, in the order given.
    pub methods: Vec<Method>,
}

/// One listed method version.
#[derive(Clone, Debug, PartialEq)]
pub struct Method {
    /// As listed, e.g. `GetPlayerSummaries`.
    pub name: String,
    /// `version`: 2 for `v2` in the URL (1 or more).
    pub version: u32,
    /// `httpmethod`.
    pub http: String,
    /// `description`, if given (`null` counts as absent).
    pub description: Option<String>,
    /// `parameters`. Steam writes `[]` for none; a missing array is read as none too.
    pub params: Vec<Param>,
}

/// One listed parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    /// As listed: indexed arrays carry a `[0]` suffix (`publishedfileids[0]`).
    pub name: String,
    /// `type`.
    pub ty: String,
    /// `optional`. Steam sets it to false on some parameters it describes as "(Optional)"; see
    /// [`Param::says_optional`].
    pub optional: bool,
    /// `description`, if given.
    pub description: Option<String>,
}

impl Param {
    /// The name without an index suffix, and whether it had one.
    pub fn base_name(&self) -> (&str, bool) {
        match self.name.strip_suffix("[0]") {
            Some(b) if !b.is_empty() => (b, true),
            _ => (&self.name, false),
        }
    }

    /// The listing's habit: "(Optional)" in the description, whatever the flag says.
    pub fn says_optional(&self) -> bool {
        self.description
            .as_deref()
            .is_some_and(|d| d.to_ascii_lowercase().contains("(optional)"))
    }
}

/// Game-specific interfaces (`IEconItems_440`) come and go between captures.
pub fn is_game_specific(name: &str) -> bool {
    match name.rsplit_once('_') {
        Some((head, digits)) => {
            !head.is_empty() && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

/// Why a listing cannot be used. None of these is drift: the CLI exits 2.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListingError {
    /// The file (or stdin) could not be read; the message names it.
    Io(String),
    /// Larger than [`MAX_LISTING_BYTES`].
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// Empty, or nothing but whitespace.
    Empty,
    /// Not JSON (or not UTF-8): where the parser stopped.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// The parser's message, without its place.
        message: String,
    },
    /// Arrays and objects nested more than [`MAX_DEPTH`] deep.
    TooDeep {
        /// 1-based line of the bracket past the limit.
        line: usize,
        /// 1-based column (in characters) of that bracket.
        col: usize,
    },
    /// JSON, but not a listing: the JSON path of the offending value.
    Shape {
        /// JSON path of the value, e.g. `apilist.interfaces[3].methods[0].version`.
        path: String,
        /// What is wrong with it, e.g. `expected a number, found a string`.
        message: String,
    },
    /// A listing, but one that looks like a failed fetch rather than Steam's real list.
    Broken(String),
}

impl fmt::Display for ListingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ListingError::Io(e) => f.write_str(e),
            ListingError::TooLarge { limit } => {
                write!(f, "listing is larger than the limit of {limit} bytes")
            }
            ListingError::Empty => f.write_str("listing is empty"),
            ListingError::Syntax { line, col, message } => {
                write!(f, "{line}:{col}: listing is not valid JSON: {message}")
            }
            ListingError::TooDeep { line, col } => write!(
                f,
                "{line}:{col}: listing nests arrays/objects more than {MAX_DEPTH} deep"
            ),
            ListingError::Shape { path, message } => {
                write!(f, "{path}: not a GetSupportedAPIList listing: {message}")
            }
            ListingError::Broken(why) => write!(f, "listing looks broken, not drifted: {why}"),
        }
    }
}

impl std::error::Error for ListingError {}

/// Reads a listing file (`-` for stdin), refusing more than [`MAX_LISTING_BYTES`].
pub fn read_source(path: &Path) -> Result<Vec<u8>, ListingError> {
    use crate::input::read_limit::{ReadError, read_file, read_to_limit};
    let res = if path.as_os_str() == "-" {
        read_to_limit(std::io::stdin().lock(), MAX_LISTING_BYTES)
    } else {
        read_file(path, MAX_LISTING_BYTES)
    };
    res.map_err(|e| match e {
        ReadError::TooLarge { limit } => ListingError::TooLarge { limit },
        ReadError::Io(e) => ListingError::Io(format!("{}: cannot read: {e}", path.display())),
    })
}

/// Parses and checks a listing's shape.
pub fn parse(bytes: &[u8]) -> Result<Listing, ListingError> {
    if bytes.len() as u64 > MAX_LISTING_BYTES {
        return Err(ListingError::TooLarge {
            limit: MAX_LISTING_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ListingError::Empty);
    }
    check_depth(bytes)?;
    // Parse to a value, then walk it: every shape problem gets its JSON path.
    let root: Value = crate::input::json_strict::from_slice(bytes).map_err(|e| {
        let (line, col, message) = crate::input::json_place::syntax_error_parts(&e);
        ListingError::Syntax { line, col, message }
    })?;
    let listing = walk(&root)?;
    check_shape(&listing)?;
    Ok(listing)
}

fn walk(root: &Value) -> Result<Listing, ListingError> {
    let top = object(
        root,
        "(root)",
        "a listing object {\"apilist\": {\"interfaces\": [...]}}",
    )?;
    let api = object(field(top, "", "apilist")?, "apilist", "an object")?;
    let list = array(field(api, "apilist", "interfaces")?, "apilist.interfaces")?;
    let mut interfaces = Vec::with_capacity(list.len());
    for (i, iv) in list.iter().enumerate() {
        let at = format!("apilist.interfaces[{i}]");
        let im = object(iv, &at, "an interface object")?;
        let name = string(im, &at, "name")?;
        let mpath = join(&at, "methods");
        let mlist = array(field(im, &at, "methods")?, &mpath)?;
        let mut methods = Vec::with_capacity(mlist.len());
        for (j, mv) in mlist.iter().enumerate() {
            methods.push(method(mv, &format!("{mpath}[{j}]"))?);
        }
        interfaces.push(Interface { name, methods });
    }
    Ok(Listing { interfaces })
}

fn method(v: &Value, at: &str) -> Result<Method, ListingError> {
    let m = object(v, at, "a method object")?;
    let name = string(m, at, "name")?;
    let vpath = join(at, "version");
    let version = match field(m, at, "version")? {
        Value::Number(n) => match n.as_u64().map(u32::try_from) {
            Some(Ok(v)) => v,
            _ => {
                return shape(
                    &vpath,
                    format!("expected a version number 1 to {}, found {n}", u32::MAX),
                );
            }
        },
        other => return shape(&vpath, format!("expected a number, found {}", kind(other))),
    };
    let http = string(m, at, "httpmethod")?;
    let description = opt_string(m, at, "description")?;
    let ppath = join(at, "parameters");
    let mut params = Vec::new();
    if let Some(pv) = m.get("parameters") {
        for (k, p) in array(pv, &ppath)?.iter().enumerate() {
            let at = format!("{ppath}[{k}]");
            let pm = object(p, &at, "a parameter object")?;
            let name = string(pm, &at, "name")?;
            let ty = string(pm, &at, "type")?;
            let optional = match field(pm, &at, "optional")? {
                Value::Bool(b) => *b,
                other => {
                    return shape(
                        &join(&at, "optional"),
                        format!("expected a boolean, found {}", kind(other)),
                    );
                }
            };
            params.push(Param {
                name,
                ty,
                optional,
                description: opt_string(pm, &at, "description")?,
            });
        }
    }
    Ok(Method {
        name,
        version,
        http,
        description,
        params,
    })
}

fn shape<T>(path: &str, message: impl Into<String>) -> Result<T, ListingError> {
    Err(ListingError::Shape {
        path: path.to_string(),
        message: message.into(),
    })
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn object<'a>(
    v: &'a Value,
    path: &str,
    what: &str,
) -> Result<&'a Map<String, Value>, ListingError> {
    match v {
        Value::Object(m) => Ok(m),
        other => shape(path, format!("expected {what}, found {}", kind(other))),
    }
}

fn field<'a>(m: &'a Map<String, Value>, path: &str, key: &str) -> Result<&'a Value, ListingError> {
    match m.get(key) {
        Some(v) => Ok(v),
        None => shape(&join(path, key), format!("missing field '{key}'")),
    }
}

fn array<'a>(v: &'a Value, path: &str) -> Result<&'a Vec<Value>, ListingError> {
    match v {
        Value::Array(a) => Ok(a),
        other => shape(path, format!("expected an array, found {}", kind(other))),
    }
}

fn string(m: &Map<String, Value>, path: &str, key: &str) -> Result<String, ListingError> {
    match field(m, path, key)? {
        Value::String(s) => Ok(s.clone()),
        other => shape(
            &join(path, key),
            format!("expected a string, found {}", kind(other)),
        ),
    }
}

/// A string that may be missing or null (descriptions).
fn opt_string(
    m: &Map<String, Value>,
    path: &str,
    key: &str,
) -> Result<Option<String>, ListingError> {
    match m.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => shape(
            &join(path, key),
            format!("expected a string, found {}", kind(other)),
        ),
    }
}

/// Rejects deep nesting before the recursive parser sees it. Counts brackets outside strings;
/// anything else wrong is left for the parser to report.
fn check_depth(bytes: &[u8]) -> Result<(), ListingError> {
    let (mut depth, mut line, mut col) = (0usize, 1usize, 0usize);
    let (mut in_str, mut escaped) = (false, false);
    for &b in bytes {
        if b == b'\n' {
            line += 1;
            col = 0;
        } else if b & 0xC0 != 0x80 {
            // Columns count characters: skip UTF-8 continuation bytes.
            col += 1;
        }
        if in_str {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(ListingError::TooDeep { line, col });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// What serde cannot say: names must be non-empty, interfaces and (method, version) unique.
fn check_shape(l: &Listing) -> Result<(), ListingError> {
    let shape = |path: String, message: String| Err(ListingError::Shape { path, message });
    let mut seen = std::collections::HashMap::new();
    for (i, iface) in l.interfaces.iter().enumerate() {
        let at = format!("apilist.interfaces[{i}]");
        if iface.name.trim().is_empty() {
            return shape(format!("{at}.name"), "empty interface name".into());
        }
        if let Some(first) = seen.insert(iface.name.as_str(), i) {
            return shape(
                format!("{at}.name"),
                format!(
                    "duplicate interface '{}' (first at apilist.interfaces[{first}])",
                    iface.name
                ),
            );
        }
        let mut methods = std::collections::HashMap::new();
        for (j, m) in iface.methods.iter().enumerate() {
            let at = format!("{at}.methods[{j}]");
            if m.name.trim().is_empty() {
                return shape(format!("{at}.name"), "empty method name".into());
            }
            if m.version == 0 {
                return shape(format!("{at}.version"), "version must be 1 or more".into());
            }
            if m.http.trim().is_empty() {
                return shape(format!("{at}.httpmethod"), "empty HTTP method".into());
            }
            if let Some(first) = methods.insert((m.name.as_str(), m.version), j) {
                return shape(
                    format!("{at}.name"),
                    format!(
                        "duplicate method {} v{} in {} (first at methods[{first}])",
                        m.name, m.version, iface.name
                    ),
                );
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(s: &[u8]) -> String {
        parse(s).unwrap_err().to_string()
    }

    #[test]
    fn paths_and_places() {
        assert_eq!(err(b"  \n"), "listing is empty");
        assert!(err(b"{\"apilist\": ").starts_with("1:12: listing is not valid JSON"));
        let e = err(br#"{"apilist":{"interfaces":[{"name":"I","methods":[{"name":"M","version":"1","httpmethod":"GET","parameters":[]}]}]}}"#);
        assert!(
            e.starts_with("apilist.interfaces[0].methods[0].version: not a GetSupportedAPIList listing: expected a number, found a string"),
            "{e}"
        );
        let e = err(br#"{"apilist":{"interfaces":[{"name":"I","methods":[{"name":"M","httpmethod":"GET"}]}]}}"#);
        assert!(
            e.starts_with("apilist.interfaces[0].methods[0].version: "),
            "{e}"
        );
        let e = err(br#"{"apilist":{}}"#);
        assert!(e.starts_with("apilist.interfaces: "), "{e}");
        let e = err(br#"[1]"#);
        assert!(
            e.starts_with("(root): not a GetSupportedAPIList listing: expected a listing object"),
            "{e}"
        );
        let e = err(br#"{"apilist":{"interfaces":[{"name":"I","methods":[{"name":"M","version":1,"httpmethod":"GET","parameters":[{"name":"p","type":"string","optional":"no"}]}]}]}}"#);
        assert_eq!(
            e,
            "apilist.interfaces[0].methods[0].parameters[0].optional: not a GetSupportedAPIList listing: expected a boolean, found a string"
        );
        let e = err(br#"{"apilist":{"interfaces":[{"name":"I","methods":[{"name":"M","version":-1,"httpmethod":"GET"}]}]}}"#);
        assert!(e.contains("expected a version number"), "{e}");
    }

    #[test]
    fn nesting_and_bytes() {
        let deep = format!("{{\"x\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(err(deep.as_bytes()).contains("more than 64 deep"));
        let e = err(b"{\"apilist\":{\"interfaces\":[{\"name\":\"\xff\"}]}}");
        assert!(e.contains("listing is not valid JSON"), "{e}");
    }

    #[test]
    fn game_specific() {
        assert!(is_game_specific("IEconItems_440"));
        assert!(!is_game_specific("ISteamUser"));
        assert!(!is_game_specific("I_x"));
        assert!(!is_game_specific("_440"));
    }
}
