//! The build-script entry point of typed tokens.

use std::path::{Path, PathBuf};

use super::{Catalog, check, emit};

/// For a user's `build.rs`: reads the token files, checks them, and writes
/// the typed tokens to `$OUT_DIR/tokens.rs`, telling Cargo to rerun when a
/// file changes. Warnings (untranslated tokens) go to `cargo:warning`; any
/// error fails with every diagnostic (`file:line:col: error: ...`).
///
/// Include the result with
/// `pub mod tokens { include!(concat!(env!("OUT_DIR"), "/tokens.rs")); }` in a
/// crate that depends on `steam-webapi`; `types_module` is the module that
/// holds `LocalizedText` and `Variable` ([`emit::DEFAULT_TYPES_MODULE`] for the
/// `steam-webapi` crate).
pub fn build_script(files: &[impl AsRef<Path>], types_module: &str) -> Result<PathBuf, String> {
    for f in files {
        println!("cargo:rerun-if-changed={}", f.as_ref().display());
    }
    let (catalog, mut diags) = Catalog::read_files(files).map_err(|e| e.to_string())?;
    check(&catalog, &mut diags);
    let diags = diags.into_sorted();
    let lines: Vec<String> = diags.iter().map(ToString::to_string).collect();
    if diags
        .iter()
        .any(|d| d.severity == crate::diag::Severity::Error)
    {
        return Err(lines.join("\n"));
    }
    for line in &lines {
        println!("cargo:warning={line}");
    }
    let text = emit(&catalog, types_module).map_err(|d| {
        let lines: Vec<String> = d.into_sorted().iter().map(ToString::to_string).collect();
        lines.join("\n")
    })?;
    let out_dir = std::env::var_os("OUT_DIR")
        .map(PathBuf::from)
        .ok_or("OUT_DIR is not set: call this from a build script")?;
    let dest = out_dir.join("tokens.rs");
    std::fs::write(&dest, text).map_err(|e| format!("{}: {e}", dest.display()))?;
    Ok(dest)
}
