//! `steamspec import`: spec files from a GetSupportedAPIList listing.
//!
//! Each listed interface becomes `steam/<Interface>.yaml` with its operations, versions, HTTP
//! methods and typed parameters; responses stay untyped JSON, and an `imported:` block lists what
//! a person still has to do. The output passes `steamspec lint`, and the drift check of the
//! listing against its own import finds nothing.

mod plan;
mod write;
pub mod yaml;

use std::path::{Path, PathBuf};

use crate::drift::listing::{self, Listing};
use crate::load::names;

/// What to import.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Interfaces to import; empty means every interface that is not game-specific.
    pub interfaces: Vec<String>,
    /// How the listing is named in `imported.listing` and `sources`.
    pub listing_name: String,
}

/// One file to write, relative to the output folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedFile {
    /// `steam/<Interface>.yaml`.
    pub path: String,
    /// The spec file's YAML text.
    pub contents: String,
}

/// The files, and interfaces left out with why.
#[derive(Clone, Debug, Default)]
pub struct Imported {
    /// One spec file per imported interface, in name order.
    pub files: Vec<ImportedFile>,
    /// Interfaces the default selection left out, each as `name: why` (game-specific ones are not
    /// listed).
    pub skipped: Vec<String>,
}

/// Why the requested interfaces cannot be imported; the message says which and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// `--interface` names an interface the listing does not have.
    UnknownInterface(String),
    /// `--interface` names an interface the spec format cannot name.
    InvalidName(String),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::UnknownInterface(m) | ImportError::InvalidName(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for ImportError {}

/// Plans and renders the selected interfaces, in name order.
pub fn import(listing: &Listing, opts: &Options) -> Result<Imported, ImportError> {
    let mut out = Imported::default();
    let mut selected: Vec<&listing::Interface> = Vec::new();
    if opts.interfaces.is_empty() {
        for i in &listing.interfaces {
            if listing::is_game_specific(&i.name) {
                continue;
            }
            if names::is_api_name(&i.name) {
                selected.push(i);
            } else {
                out.skipped.push(format!(
                    "{}: not a valid interface name",
                    i.name.escape_debug()
                ));
            }
        }
    } else {
        for want in &opts.interfaces {
            let Some(i) = listing.interfaces.iter().find(|i| &i.name == want) else {
                let known = listing.interfaces.iter().map(|i| i.name.as_str());
                return Err(ImportError::UnknownInterface(format!(
                    "the listing has no interface '{want}'{}",
                    crate::diag::did_you_mean(want, known)
                )));
            };
            if !names::is_api_name(&i.name) {
                return Err(ImportError::InvalidName(format!(
                    "interface '{}' cannot be named in a spec file (letters, digits and _ only)",
                    i.name.escape_debug()
                )));
            }
            if !selected.iter().any(|s| s.name == i.name) {
                selected.push(i);
            }
        }
    }
    selected.sort_by(|a, b| a.name.cmp(&b.name));
    for i in selected {
        let p = plan::interface(i);
        out.files.push(ImportedFile {
            path: format!("steam/{}.yaml", i.name),
            contents: write::interface(&p, &opts.listing_name),
        });
    }
    Ok(out)
}

/// Why [`write_files`] wrote nothing, or stopped.
#[derive(Debug)]
pub enum WriteError {
    /// These files exist and were not written by `import` (no top-level `imported:` block):
    /// nothing was written.
    Refused(Vec<PathBuf>),
    /// A file could not be read or written; the message names it.
    Io(String),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Refused(paths) => {
                for p in paths {
                    writeln!(
                        f,
                        "{}: exists and was not written by `steamspec import` (no `imported:` block); refusing to overwrite it",
                        p.display()
                    )?;
                }
                f.write_str("nothing was written")
            }
            WriteError::Io(e) => f.write_str(e),
        }
    }
}

impl std::error::Error for WriteError {}

/// Writes the files under `dir`, creating folders as needed. Files that exist must be earlier
/// imports: every target is checked before any is written, so a refusal writes nothing.
pub fn write_files(dir: &Path, imported: &Imported) -> Result<(), WriteError> {
    let targets: Vec<PathBuf> = imported.files.iter().map(|f| dir.join(&f.path)).collect();
    let mut refused = Vec::new();
    for path in &targets {
        if !may_overwrite(path)? {
            refused.push(path.clone());
        }
    }
    if !refused.is_empty() {
        return Err(WriteError::Refused(refused));
    }
    for (f, path) in imported.files.iter().zip(&targets) {
        let io =
            |e: std::io::Error| WriteError::Io(format!("{}: cannot write: {e}", path.display()));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        std::fs::write(path, &f.contents).map_err(io)?;
    }
    Ok(())
}

/// Whether `path` is free to write: missing, or a file an earlier import wrote (hand-written
/// spec files are what the project is made of; losing one to an import is not recoverable).
fn may_overwrite(path: &Path) -> Result<bool, WriteError> {
    use crate::input::read_limit::{ReadError, read_file};
    if std::fs::symlink_metadata(path).is_err() {
        return Ok(true);
    }
    if !path.is_file() {
        return Ok(false);
    }
    match read_file(path, crate::load::MAX_FILE_BYTES as u64) {
        Ok(bytes) => Ok(is_imported(&bytes)),
        // Too large for a spec file: not one of ours.
        Err(ReadError::TooLarge { .. }) => Ok(false),
        Err(e) => Err(WriteError::Io(format!("{}: {e}", path.display()))),
    }
}

/// Imported files carry a top-level `imported:` block (see `write::interface`).
fn is_imported(bytes: &[u8]) -> bool {
    bytes
        .split(|b| *b == b'\n')
        .any(|line| line.starts_with(b"imported:"))
}

/// Loads imported files as a spec folder holding only them would load (with the builtin
/// providers), without writing anything: for tests, benches and checks of the output.
pub fn load(imported: &Imported) -> Result<crate::Loaded, crate::LoadError> {
    use crate::load::{BUILTIN_PROVIDERS, Source, load_sources};
    let providers = Source {
        name: "providers.yaml".into(),
        text: BUILTIN_PROVIDERS.into(),
    };
    let files = imported
        .files
        .iter()
        .map(|f| Source {
            name: f.path.clone(),
            text: f.contents.clone(),
        })
        .collect();
    load_sources(providers, files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_imported_files_may_be_overwritten() {
        assert!(is_imported(b"interface: IFoo\nimported:\n  listing: x\n"));
        assert!(!is_imported(
            b"interface: IFoo\n# imported: no\n  imported: nested\n"
        ));
        let dir =
            std::env::temp_dir().join(format!("steamspec-import-unit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (mine, theirs) = (dir.join("mine.yaml"), dir.join("theirs.yaml"));
        std::fs::write(&mine, "imported:\n  listing: x\n").unwrap();
        std::fs::write(&theirs, "interface: IFoo\n").unwrap();
        assert!(may_overwrite(&mine).unwrap());
        assert!(!may_overwrite(&theirs).unwrap());
        assert!(may_overwrite(&dir.join("missing.yaml")).unwrap());
        // A folder where the file would go is not a file to overwrite.
        assert!(!may_overwrite(&dir).unwrap());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
