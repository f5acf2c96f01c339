//! `steamspec generate` and `steamspec check`.

use std::path::Path;
use std::time::Instant;

use steamspec::generate::{self, Action};

use super::{EXIT_ERROR, EXIT_FOUND, EXIT_OK, load_exit, load_or_report};

pub fn run_generate(spec: &Path, out: &Path) -> u8 {
    let start = Instant::now();
    // I/O problems exit 2 (could not run), spec errors 1, as `lint` does.
    let model = match load_exit(spec) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let files = generate::outputs(&model);
    match generate::write(out, &files) {
        Ok(report) => {
            let mut changed = 0;
            for (path, action) in &report {
                let word = match action {
                    Action::Created => "created",
                    Action::Updated => "updated",
                    Action::Unchanged => continue,
                    Action::Removed => "removed",
                };
                changed += 1;
                println!("{word:>8} {}", out.join(path).display());
            }
            println!(
                "generated {} files ({changed} changed) for {} operations in {:.1} ms",
                files.len(),
                model.operations().count(),
                start.elapsed().as_secs_f64() * 1000.0
            );
            EXIT_OK
        }
        Err(e) => {
            for line in e.lines() {
                eprintln!("error: {line}");
            }
            EXIT_ERROR
        }
    }
}

pub fn run_check(spec: &Path, out: &Path) -> u8 {
    let Some(model) = load_or_report(spec) else {
        return EXIT_ERROR;
    };
    let files = generate::outputs(&model);
    let diffs = generate::check(out, &files);
    if diffs.is_empty() {
        println!("{}: fresh ({} files)", out.display(), files.len());
        return EXIT_OK;
    }
    for d in &diffs {
        eprint!("{}", d.diff);
    }
    eprintln!(
        "{}: {} file(s) differ from what {} produces; run `cargo run -- generate`",
        out.display(),
        diffs.len(),
        spec.display()
    );
    EXIT_FOUND
}
