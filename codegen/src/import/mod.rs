//! `steamspec import`: spec files from a GetSupportedAPIList listing.
//!
//! Each listed interface becomes `steam/<Interface>.yaml` with its operations, versions, HTTP
//! methods and typed parameters; responses stay untyped JSON, and an `imported:` block lists what
//! a person still has to do. The output passes `steamspec lint`, and the drift check of the
//! listing against its own import finds nothing.

mod plan;
mod write;
pub mod yaml;

use std::path::Path;

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

/// Writes the files under `dir`, creating folders as needed.
pub fn write_files(dir: &Path, imported: &Imported) -> std::io::Result<()> {
    for f in &imported.files {
        let path = dir.join(&f.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, &f.contents)?;
    }
    Ok(())
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
