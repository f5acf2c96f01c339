//! Helpers shared by the CLI tests.
// Each test binary that includes this module uses only part of it.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

/// Runs the `steamspec` binary; returns its exit code (-1 if signalled), stdout and stderr.
pub fn run_bin(args: &[&str]) -> (i32, String, String) {
    run_bin_in(Path::new("."), args)
}

/// Runs the `steamspec` binary in `dir`; as [`run_bin`].
pub fn run_bin_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_steamspec"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Copies every `.yaml` file of the spec folder `from` (subfolders too) into `to`, passing each
/// text through `edit` with its path relative to `from`.
pub fn copy_spec(from: &Path, to: &Path, edit: &dyn Fn(&Path, String) -> String) {
    fn walk(from: &Path, to: &Path, rel: &Path, edit: &dyn Fn(&Path, String) -> String) {
        std::fs::create_dir_all(to.join(rel)).unwrap();
        for e in std::fs::read_dir(from.join(rel)).unwrap() {
            let p = e.unwrap().path();
            let name = rel.join(p.file_name().unwrap());
            if p.is_dir() {
                walk(from, to, &name, edit);
            } else if p.extension().is_some_and(|x| x == "yaml") {
                let text = std::fs::read_to_string(&p).unwrap();
                std::fs::write(to.join(&name), edit(&name, text)).unwrap();
            }
        }
    }
    walk(from, to, Path::new(""), edit);
}
