//! Writes one `#[test]` per file of `../../shared/fixtures/responses` (the recorded Steam
//! response bodies) into `OUT_DIR/recorded_responses.rs`, for `tests/recorded_responses/`,
//! and the same for `more-responses` into `OUT_DIR/more_recorded_responses.rs`, for
//! `tests/more_recorded_responses.rs`: a new recording is a new test without touching the code.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let out = std::env::var("OUT_DIR").unwrap();
    for (folder, file) in [
        ("responses", "recorded_responses.rs"),
        ("more-responses", "more_recorded_responses.rs"),
    ] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/fixtures")
            .join(folder);
        // The folder's mtime changes when a file is added or removed.
        println!("cargo:rerun-if-changed={}", dir.display());
        std::fs::write(Path::new(&out).join(file), tests_for(&dir)).unwrap();
    }
}

/// `FILES` (every body of `dir`, sorted) and `mod per_file` (one test per body).
fn tests_for(dir: &Path) -> String {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                // README.md and `_cassette_request_status_headers.json` describe the bodies.
                .filter(|name| {
                    !name.starts_with('_') && !name.starts_with('.') && name != "README.md"
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut out = String::from(
        "/// Every recorded body, sorted (from build.rs).\nconst FILES: &[&str] = &[\n",
    );
    for f in &files {
        let _ = writeln!(out, "    {f:?},");
    }
    out.push_str("];\n\n/// One test per recorded body (from build.rs).\nmod per_file {\n");
    let mut names = std::collections::BTreeSet::new();
    for f in &files {
        let mut name: String = f
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .collect();
        while !names.insert(name.clone()) {
            name.push('_');
        }
        let _ = writeln!(
            out,
            "    #[test]\n    fn {name}() {{\n        super::check_file({f:?});\n    }}"
        );
    }
    out.push_str("}\n");
    out
}
