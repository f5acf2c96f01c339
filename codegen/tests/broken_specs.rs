//! The spec corpora.
//!
//! `codegen/tests/broken-specs/<case>/` holds the smallest spec folder that shows one problem, and
//! `expected.txt` with the exact diagnostics the loader must print for it (paths relative to
//! the case folder). `codegen/tests/valid-specs/<case>/` holds tricky specs that must load cleanly.
//! Folders are discovered: adding a case needs no code change here.
//!
//! To write a new case's `expected.txt`, run `cargo run -q -- lint --spec <case>` from the
//! workspace root, read the output critically, and drop the `<case>/` prefix and the summary
//! line.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use steamspec::LoadError;
use steamspec::diag::Severity;

/// The folder of the corpora: `codegen/tests`.
fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// The workspace root: the folder of `spec/` and `codegen/`.
fn workspace_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The case folders under `dir`, sorted.
fn cases(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("readable folder entry").path())
        .filter(|p| p.is_dir())
        .collect();
    out.sort();
    out
}

fn name(case: &Path) -> String {
    case.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// How the loader displays a path (see `steamspec::load::spec_files`).
fn display(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// The loader's diagnostics for `case` as printed, with the case folder's prefix removed
/// everywhere (messages cite other places too), and whether there was at least one error.
fn diagnostics(case: &Path) -> Result<(Vec<String>, bool), String> {
    let prefix = format!("{}/", display(case));
    let (diags, failed) = match steamspec::load_dir(case) {
        Ok(loaded) => (loaded.warnings, false),
        Err(LoadError::Spec(d)) => (d, true),
        Err(LoadError::Io(e)) => return Err(format!("I/O error: {e}")),
    };
    let has_error = failed && diags.iter().any(|d| d.severity == Severity::Error);
    let lines = diags
        .iter()
        .map(|d| d.to_string().replace(&prefix, ""))
        .collect();
    Ok((lines, has_error))
}

fn diff(expected: &str, actual: &str) -> String {
    similar::TextDiff::from_lines(expected, actual)
        .unified_diff()
        .header("expected.txt", "loader output")
        .to_string()
}

#[test]
fn broken_specs_report_exactly_the_expected_diagnostics() {
    let dir = tests_dir().join("broken-specs");
    let cases = cases(&dir);
    assert!(
        cases.len() >= 40,
        "only {} broken-spec cases in {}",
        cases.len(),
        dir.display()
    );
    let mut failures = String::new();
    for case in &cases {
        let name = name(case);
        let expected_path = case.join("expected.txt");
        let Ok(expected) = std::fs::read_to_string(&expected_path) else {
            let _ = writeln!(failures, "--- {name}: no readable expected.txt\n");
            continue;
        };
        let (lines, has_error) = match diagnostics(case) {
            Ok(x) => x,
            Err(e) => {
                let _ = writeln!(failures, "--- {name}: {e}\n");
                continue;
            }
        };
        let mut actual = lines.join("\n");
        if !actual.is_empty() {
            actual.push('\n');
        }
        // Tolerate a missing final newline or CRLF line ends in expected.txt, nothing else.
        let expected = expected.replace("\r\n", "\n");
        let expected = expected.trim_end_matches('\n').to_string() + "\n";
        if !has_error {
            let _ = writeln!(
                failures,
                "--- {name}: the spec loaded without errors, but a broken spec must fail\n{actual}"
            );
        } else if actual != expected {
            let _ = writeln!(
                failures,
                "--- {name}: diagnostics differ\n{}",
                diff(&expected, &actual)
            );
        }
    }
    assert!(
        failures.is_empty(),
        "broken-spec cases failed ({} cases checked):\n\n{failures}",
        cases.len()
    );
}

#[test]
fn valid_specs_load_cleanly() {
    let dir = tests_dir().join("valid-specs");
    let cases = cases(&dir);
    assert!(!cases.is_empty(), "no cases in {}", dir.display());
    let mut failures = String::new();
    for case in &cases {
        match steamspec::load_dir(case) {
            Ok(loaded) if loaded.warnings.is_empty() => {
                assert!(
                    loaded.model.operations().count() > 0,
                    "{}: no operations",
                    name(case)
                );
            }
            Ok(loaded) => {
                let _ = writeln!(failures, "--- {}: warnings", name(case));
                for w in loaded.warnings {
                    let _ = writeln!(failures, "{w}");
                }
            }
            Err(e) => {
                let _ = writeln!(failures, "--- {}:\n{e}", name(case));
            }
        }
    }
    assert!(failures.is_empty(), "valid specs failed:\n{failures}");
}

#[test]
fn project_spec_lints_clean_with_its_operations() {
    let spec = workspace_dir().join("spec");
    let loaded = match steamspec::load_dir(&spec) {
        Ok(l) => l,
        Err(e) => panic!("spec/ does not load:\n{e}"),
    };
    let warnings: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings.is_empty(),
        "spec/ has warnings:\n{}",
        warnings.join("\n")
    );
    assert_eq!(loaded.model.operations().count(), 135);
    let imported = loaded.model.operations().filter(|o| o.imported.is_some());
    assert_eq!(imported.count(), 87);
}

#[test]
fn oversized_file_is_refused() {
    let dir = std::env::temp_dir().join(format!("steamspec-oversized-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("steam")).expect("temp folder");
    let big = "#".repeat(steamspec::load::MAX_FILE_BYTES + 1);
    std::fs::write(dir.join("steam/ISteamHub.yaml"), big).expect("write temp file");
    let result = diagnostics(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    // Not read past the limit: an I/O error (exit 2) naming the file.
    let e = result.expect_err("refused");
    assert_eq!(
        e,
        format!(
            "I/O error: {}/steam/ISteamHub.yaml: file is larger than the limit of {} bytes",
            display(&dir),
            steamspec::load::MAX_FILE_BYTES
        )
    );
}

/// Runs `cmd`; returns its exit code (None if signalled), stdout and stderr.
fn run_with_timeout(cmd: &mut Command, limit: Duration) -> (Option<i32>, String, String) {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let pipe = |r: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut s = String::new();
            if let Some(mut r) = r {
                let _ = r.read_to_string(&mut s);
            }
            s
        })
    };
    let out = pipe(child.stdout.take().map(|r| Box::new(r) as _));
    let err = pipe(child.stderr.take().map(|r| Box::new(r) as _));
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s.code();
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    (
        status,
        out.join().unwrap_or_default(),
        err.join().unwrap_or_default(),
    )
}

#[test]
fn cli_lint_exit_codes() {
    let bin = env!("CARGO_BIN_EXE_steamspec");
    let lint = |spec: &Path| {
        run_with_timeout(
            Command::new(bin).arg("lint").arg("--spec").arg(spec),
            Duration::from_secs(60),
        )
    };

    // A broken case: exit 1, its diagnostics and a count on stderr.
    let case = tests_dir().join("broken-specs/unknown-type-did-you-mean");
    let (code, _, stderr) = lint(&case);
    assert_eq!(code, Some(1), "stderr:\n{stderr}");
    let expected = std::fs::read_to_string(case.join("expected.txt")).expect("expected.txt");
    let prefix = format!("{}/", display(&case));
    let printed = stderr.replace(&prefix, "");
    for line in expected.lines() {
        assert!(printed.contains(line), "missing {line:?} in:\n{stderr}");
    }
    assert!(stderr.contains("1 error(s)"), "stderr:\n{stderr}");

    // The project's spec: exit 0, nothing on stderr, the summary on stdout.
    let (code, stdout, stderr) = lint(&workspace_dir().join("spec"));
    assert_eq!(code, Some(0), "stderr:\n{stderr}");
    assert_eq!(stderr, "", "spec/ lints with warnings");
    assert!(stdout.contains(" 135 operations, "), "stdout: {stdout}");
    assert!(
        stdout.ends_with("; 87 of the operations imported (untyped responses)\n"),
        "stdout: {stdout}"
    );

    // A folder that does not exist: exit 2.
    let (code, _, stderr) = lint(&tests_dir().join("broken-specs/no-such-case"));
    assert_eq!(code, Some(2), "stderr:\n{stderr}");
    assert!(
        stderr.contains("cannot read spec folder"),
        "stderr:\n{stderr}"
    );
}
