//! `steamspec lint`: load and check a spec folder.

use std::path::Path;

use steamspec::LoadError;

use super::{EXIT_ERROR, EXIT_FOUND, EXIT_OK};

pub fn run(spec: &Path) -> u8 {
    match steamspec::load_dir(spec) {
        Ok(loaded) => {
            for w in &loaded.warnings {
                eprintln!("{w}");
            }
            let m = &loaded.model;
            println!(
                "{}: {} interfaces, {} operations, {} types",
                spec.display(),
                m.interfaces.len(),
                m.operations().count(),
                m.types.len()
            );
            EXIT_OK
        }
        Err(LoadError::Spec(diags)) => {
            for d in &diags {
                eprintln!("{d}");
            }
            let errors = diags
                .iter()
                .filter(|d| d.severity == steamspec::diag::Severity::Error)
                .count();
            eprintln!("{}: {errors} error(s)", spec.display());
            EXIT_FOUND
        }
        Err(LoadError::Io(e)) => {
            eprintln!("error: {e}");
            EXIT_ERROR
        }
    }
}
