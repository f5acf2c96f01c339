//! The spec loader: reads a spec folder, parses YAML with positions, resolves and checks it.

mod constraints;
mod cx;
mod examples;
pub mod names;
mod plain_int;
mod recursion;
mod resolve;
mod urls;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Model;
use crate::syntax::format::{InterfaceFile, ProvidersFile};
use crate::syntax::pos::Pos;

/// The providers the project ships, used when a spec folder has no `providers.yaml`.
pub const BUILTIN_PROVIDERS: &str = include_str!("../../providers.yaml");
const BUILTIN_PROVIDERS_NAME: &str = "<builtin providers.yaml>";

/// Spec files larger than this are refused (an I/O error) rather than read.
pub const MAX_FILE_BYTES: usize = 8 << 20;

/// A spec file's text and the name it is reported under.
#[derive(Clone, Debug)]
pub struct Source {
    /// The name diagnostics give the file, e.g. `spec/steam/ISteamUser.yaml`.
    pub name: String,
    /// The file's YAML text.
    pub text: String,
}

/// A successful load: the model, plus warnings worth showing.
#[derive(Debug)]
pub struct Loaded {
    /// The resolved model.
    pub model: Model,
    /// Warnings (never errors), sorted by place.
    pub warnings: Vec<Diagnostic>,
}

/// Why a load failed.
#[derive(Debug)]
pub enum LoadError {
    /// The folder or a file could not be read (exit 2 in the CLI).
    Io(String),
    /// The spec has errors (exit 1); every diagnostic, warnings included, sorted.
    Spec(Vec<Diagnostic>),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Io(e) => f.write_str(e),
            LoadError::Spec(d) => {
                for x in d {
                    writeln!(f, "{x}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// Spec files are read up to this many folders below the spec folder; one deeper is an error.
pub const MAX_DEPTH: usize = 8;

/// The files a spec folder consists of: `providers.yaml` (optional) and every `*.yaml` below
/// it (symlinks followed), sorted. Paths are `dir` joined with the relative path, as they will
/// be reported. A folder without any interface file is an error: an empty model would make
/// `generate` delete every generated module.
pub fn spec_files(dir: &Path) -> Result<(Option<PathBuf>, Vec<PathBuf>), LoadError> {
    let meta = std::fs::metadata(dir)
        .map_err(|e| LoadError::Io(format!("{}: cannot read spec folder: {e}", dir.display())))?;
    if !meta.is_dir() {
        return Err(LoadError::Io(format!("{}: not a folder", dir.display())));
    }
    let mut out = Vec::new();
    let mut seen = HashSet::from([canonical(dir)?]);
    walk(dir, &mut out, &mut seen, 0)?;
    out.sort();
    let providers = dir.join("providers.yaml");
    let (prov, rest): (Vec<_>, Vec<_>) = out.into_iter().partition(|p| *p == providers);
    if rest.is_empty() {
        return Err(LoadError::Io(format!(
            "{}: no interface files (*.yaml) in the spec folder",
            dir.display()
        )));
    }
    Ok((prov.into_iter().next(), rest))
}

/// Collects the YAML files below `dir`, `depth` folders below the spec folder. Folders are
/// visited once each (by canonical path), so symlink loops end.
fn walk(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    seen: &mut HashSet<PathBuf>,
    depth: usize,
) -> Result<(), LoadError> {
    let rd = std::fs::read_dir(dir)
        .map_err(|e| LoadError::Io(format!("{}: cannot read folder: {e}", dir.display())))?;
    for entry in rd {
        let entry = entry.map_err(|e| LoadError::Io(format!("{}: {e}", dir.display())))?;
        let path = entry.path();
        // `metadata` follows symlinks: a linked folder or file counts as what it points to.
        let meta = std::fs::metadata(&path)
            .map_err(|e| LoadError::Io(format!("{}: cannot read: {e}", path.display())))?;
        if meta.is_dir() && depth == MAX_DEPTH {
            too_deep(&path)?;
        } else if meta.is_dir() {
            if seen.insert(canonical(&path)?) {
                walk(&path, out, seen, depth + 1)?;
            }
        } else if is_yaml(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// A folder past the depth limit is not walked (a symlink to `/` must not make the loader read
/// the whole disk), but a spec file or folder in it is an error rather than silently left out.
fn too_deep(dir: &Path) -> Result<(), LoadError> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if is_yaml(&path) || path.is_dir() {
            return Err(LoadError::Io(format!(
                "{}: more than {MAX_DEPTH} folders below the spec folder; move it up",
                path.display()
            )));
        }
    }
    Ok(())
}

fn is_yaml(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

fn canonical(p: &Path) -> Result<PathBuf, LoadError> {
    std::fs::canonicalize(p)
        .map_err(|e| LoadError::Io(format!("{}: cannot read: {e}", p.display())))
}

fn display(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

fn read(p: &Path) -> Result<Source, LoadError> {
    // Bounded: a spec file may be anything, /dev/zero included (exit 2, like other I/O).
    let bytes = crate::input::read_limit::read_file(p, MAX_FILE_BYTES as u64)
        .map_err(|e| LoadError::Io(format!("{}: {e}", display(p))))?;
    let name = display(p);
    let file: Arc<str> = Arc::from(name.as_str());
    // Non-UTF-8 is a spec error with a place, not an I/O failure.
    match crate::input::utf8::into_text(bytes) {
        Ok(text) => Ok(Source { name, text }),
        Err(at) => Err(LoadError::Spec(vec![Diagnostic {
            pos: Pos::new(&file, at.line as u32, at.column as u32),
            severity: crate::diag::Severity::Error,
            message: format!(
                "file is not valid UTF-8 (invalid byte at offset {})",
                at.offset
            ),
        }])),
    }
}

/// Loads the spec folder `dir` (e.g. `spec`).
pub fn load_dir(dir: &Path) -> Result<Loaded, LoadError> {
    let (providers, files) = spec_files(dir)?;
    let providers = match providers {
        Some(p) => read(&p)?,
        None => Source {
            name: BUILTIN_PROVIDERS_NAME.into(),
            text: BUILTIN_PROVIDERS.into(),
        },
    };
    let mut sources = Vec::new();
    let mut early = Vec::new();
    for f in files {
        match read(&f) {
            Ok(s) => sources.push(s),
            Err(LoadError::Spec(d)) => early.extend(d),
            Err(e) => return Err(e),
        }
    }
    match load_sources(providers, sources) {
        Ok(l) if early.is_empty() => Ok(l),
        Ok(l) => {
            early.extend(l.warnings);
            early.sort();
            Err(LoadError::Spec(early))
        }
        Err(LoadError::Spec(mut d)) => {
            d.extend(early);
            d.sort();
            Err(LoadError::Spec(d))
        }
        Err(e) => Err(e),
    }
}

/// Loads from memory: the providers file (None for the builtin one) and interface files.
pub fn load_sources(providers: Source, files: Vec<Source>) -> Result<Loaded, LoadError> {
    let mut diags = Diagnostics::default();
    let pname: Arc<str> = Arc::from(providers.name.as_str());
    let prov: Option<ProvidersFile> = parse_yaml(&pname, &providers.text, &mut diags);
    // The YAML parse is most of the load and the files are independent: side by side.
    let results = crate::parallel::map(&files, |f| {
        let mut diags = Diagnostics::default();
        let name: Arc<str> = Arc::from(f.name.as_str());
        let def = parse_yaml::<InterfaceFile>(&name, &f.text, &mut diags);
        (def.map(|def| resolve::Parsed { file: name, def }), diags)
    });
    let mut parsed = Vec::new();
    for (p, d) in results {
        parsed.extend(p);
        diags.append(d);
    }
    let model = prov.map(|p| resolve::resolve((&pname, p), parsed, &mut diags));
    let has_errors = diags.has_errors();
    let all = diags.into_sorted();
    match model {
        Some(model) if !has_errors => Ok(Loaded {
            model,
            warnings: all,
        }),
        _ => Err(LoadError::Spec(all)),
    }
}

fn parse_yaml<T: serde::de::DeserializeOwned>(
    file: &Arc<str>,
    text: &str,
    diags: &mut Diagnostics,
) -> Option<T> {
    // Blank lines and comments only: there is nothing to parse.
    if text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#')
    }) {
        diags.error(Pos::file(file), "file is empty");
        return None;
    }
    match serde_saphyr::from_str::<T>(text) {
        Ok(v) => Some(v),
        Err(e) => {
            // The typed parse stops at the first shape error (say a missing field where a
            // mapping ends early) and hides a syntax error further down, e.g. bad indentation;
            // report the syntax error when there is one.
            let e = serde_saphyr::from_str::<serde::de::IgnoredAny>(text)
                .err()
                .unwrap_or(e);
            let (line, col) = e
                .location()
                .map(|l| (l.line() as u32, l.column() as u32))
                .unwrap_or((0, 0));
            diags.error(Pos::new(file, line, col), yaml_message(&e));
            None
        }
    }
}

/// The parser's message without its snippet and without its own "at line N, column M" (the
/// diagnostic has the place already), in the parser's user-facing wording.
fn yaml_message(e: &serde_saphyr::Error) -> String {
    use serde_saphyr::MessageFormatter as _;
    use serde_saphyr::budget::BudgetBreach;
    // The parser words its limits as a Rust debug dump (`Nodes { nodes: 250001 }`).
    // The breach may be wrapped in the alias (and snippet) that replayed it.
    let mut inner = e;
    while let serde_saphyr::Error::AliasError { error, .. }
    | serde_saphyr::Error::WithSnippet { error, .. } = inner
    {
        inner = error;
    }
    if let serde_saphyr::Error::Budget { breach, .. } = inner {
        let what = match breach {
            // Reported at the first level past the limit.
            BudgetBreach::Depth { depth } => {
                return format!(
                    "YAML nested more than {} levels deep",
                    depth.saturating_sub(1)
                );
            }
            BudgetBreach::Nodes { nodes } => format!("{nodes} nodes"),
            BudgetBreach::Events { events } => format!("{events} parser events"),
            BudgetBreach::Aliases { aliases } => format!("{aliases} aliases (*name)"),
            BudgetBreach::Anchors { anchors } => format!("{anchors} anchors (&name)"),
            BudgetBreach::AliasAnchorRatio { aliases, anchors } => {
                format!("{aliases} aliases for {anchors} anchors")
            }
            BudgetBreach::MergeKeys { merge_keys } => format!("{merge_keys} merge keys (<<)"),
            BudgetBreach::Documents { documents } => format!("{documents} documents"),
            BudgetBreach::ScalarBytes { total_scalar_bytes } => {
                format!("{total_scalar_bytes} bytes of text")
            }
            _ => "its size".to_owned(),
        };
        return format!(
            "YAML too large for the loader's limits at {what} (an alias bomb, or a spec that \
             should be split)"
        );
    }
    let msg = serde_saphyr::UserMessageFormatter.format_message(e);
    // It may quote the spec's text: keep it on one line and free of control characters.
    let mut out = String::new();
    for c in msg.trim().chars() {
        if c.is_control() {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    /// A fresh temporary folder for one test.
    fn temp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("steamspec-load-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    /// Asserts that `r` is the I/O error `path: message`.
    fn assert_io_error(r: Result<impl std::fmt::Debug, LoadError>, path: &Path, message: &str) {
        match r {
            Err(LoadError::Io(e)) => assert_eq!(e, format!("{}: {message}", path.display())),
            other => panic!("expected an I/O error, got {other:?}"),
        }
    }

    #[test]
    fn endless_file_is_refused_at_the_limit() {
        let d = temp("zero");
        symlink("/dev/zero", d.join("IZero.yaml")).unwrap();
        let message = format!("file is larger than the limit of {MAX_FILE_BYTES} bytes");
        assert_io_error(load_dir(&d), &d.join("IZero.yaml"), &message);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn symlinked_folders_and_files_are_followed_once() {
        let d = temp("links");
        let real = temp("links-real");
        std::fs::write(real.join("IA.yaml"), "x").unwrap();
        std::fs::write(real.join("b.txt"), "x").unwrap();
        symlink(&real, d.join("steam")).unwrap();
        symlink(real.join("IA.yaml"), d.join("IB.yaml")).unwrap();
        // A loop back to the spec folder ends.
        symlink(&d, real.join("up")).unwrap();
        let (_, files) = spec_files(&d).unwrap();
        assert_eq!(files, [d.join("IB.yaml"), d.join("steam/IA.yaml")]);
        let _ = std::fs::remove_dir_all(&d);
        let _ = std::fs::remove_dir_all(&real);
    }

    #[test]
    fn files_past_the_depth_limit_are_an_error() {
        let d = temp("deep");
        std::fs::write(d.join("IA.yaml"), "x").unwrap();
        let mut deep = d.clone();
        for i in 0..=MAX_DEPTH {
            deep.push(format!("l{i}"));
        }
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(deep.parent().unwrap().join("IOk.yaml"), "x").unwrap();
        assert_eq!(spec_files(&d).unwrap().1.len(), 2);
        std::fs::write(deep.join("IDeep.yaml"), "x").unwrap();
        let message = format!("more than {MAX_DEPTH} folders below the spec folder; move it up");
        assert_io_error(spec_files(&d), &deep.join("IDeep.yaml"), &message);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn folder_without_interface_files_is_an_error() {
        let d = temp("empty");
        std::fs::write(d.join("providers.yaml"), BUILTIN_PROVIDERS).unwrap();
        let message = "no interface files (*.yaml) in the spec folder";
        assert_io_error(load_dir(&d), &d, message);
        let _ = std::fs::remove_dir_all(&d);
    }
}
