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
            // Imported operations (untyped responses, from a listing) are counted apart.
            let imported = m.operations().filter(|o| o.imported.is_some()).count();
            println!(
                "{}: {} interfaces, {} operations, {} types{}",
                spec.display(),
                m.interfaces.len(),
                m.operations().count(),
                m.types.len(),
                if imported > 0 {
                    format!("; {imported} of the operations imported (untyped responses)")
                } else {
                    String::new()
                }
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
