//! `steamspec generate`, `check` and `lint` on unusual folders: exit codes, refusals that write
//! nothing, symlinked spec folders, a spec folder without interfaces.

use std::path::{Path, PathBuf};

mod common;

use common::run_bin as run;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn spec() -> String {
    root().join("spec").to_string_lossy().into_owned()
}

/// A fresh temporary folder for one test.
fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("steamspec-gen-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn hand_written_target_refuses_before_writing_anything() {
    let out = temp("hand");
    let module = out.join("src/api/mod.rs");
    std::fs::create_dir_all(module.parent().unwrap()).unwrap();
    std::fs::write(&module, "// mine\n").unwrap();
    let (code, _, stderr) = run(&[
        "generate",
        "--spec",
        &spec(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "error: {}: exists and is not a generated file",
            module.display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("error: nothing was written"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&module).unwrap(), "// mine\n");
    assert!(!out.join("Cargo.toml").exists());
    assert!(!out.join("schemas").exists());
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn unreadable_spec_folder_exits_2() {
    let readme = root().join("README.md");
    let (code, _, stderr) = run(&[
        "generate",
        "--spec",
        readme.to_str().unwrap(),
        "--out",
        "/nonexistent/out",
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("not a folder"), "{stderr}");
    let (code, _, stderr) = run(&[
        "generate",
        "--spec",
        "/nonexistent",
        "--out",
        "/nonexistent/out",
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("cannot read spec folder"), "{stderr}");
}

#[test]
fn spec_folder_without_interfaces_is_refused() {
    let out = temp("keep");
    let o = out.to_str().unwrap();
    let (code, _, stderr) = run(&["generate", "--spec", &spec(), "--out", o]);
    assert_eq!(code, 0, "{stderr}");
    let before = std::fs::read_dir(out.join("src/api")).unwrap().count();
    let empty = temp("empty");
    std::fs::copy(
        root().join("spec/providers.yaml"),
        empty.join("providers.yaml"),
    )
    .unwrap();
    let e = empty.to_str().unwrap();
    let message = format!("error: {e}: no interface files (*.yaml) in the spec folder");
    for args in [
        vec!["lint", "--spec", e],
        vec!["check", "--spec", e, "--out", o],
        vec!["generate", "--spec", e, "--out", o],
    ] {
        let (code, stdout, stderr) = run(&args);
        assert_eq!(code, 2, "{args:?}: {stdout}{stderr}");
        assert!(stderr.contains(&message), "{args:?}: {stderr}");
    }
    // The generated modules are still there.
    assert_eq!(
        std::fs::read_dir(out.join("src/api")).unwrap().count(),
        before
    );
    let _ = std::fs::remove_dir_all(&out);
    let _ = std::fs::remove_dir_all(&empty);
}

#[cfg(unix)]
#[test]
fn symlinked_spec_folders_are_read() {
    use std::os::unix::fs::symlink;
    let linked = temp("linked");
    for name in ["steam", "backpacktf", "providers.yaml"] {
        symlink(root().join("spec").join(name), linked.join(name)).unwrap();
    }
    let (code, stdout, stderr) = run(&["lint", "--spec", linked.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains(" 135 operations, "), "{stdout}");
    let _ = std::fs::remove_dir_all(&linked);
}
