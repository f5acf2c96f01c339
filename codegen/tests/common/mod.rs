//! Helpers shared by the CLI tests.

use std::process::Command;

/// Runs the `steamspec` binary; returns its exit code (-1 if signalled), stdout and stderr.
pub fn run_bin(args: &[&str]) -> (i32, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_steamspec"))
        .args(args)
        .output()
        .unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}
