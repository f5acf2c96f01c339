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
