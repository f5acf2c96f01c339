//! `steamspec tokens check`: the broken-file corpus (each case with its exact diagnostics), the
//! chess token set with its deliberate gaps, the docs' own examples, output formats and exit
//! codes. Bless the corpus with `UPDATE_SNAPSHOTS=1 cargo test -p steamspec --test tokens_check`.

mod common;

use std::path::{Path, PathBuf};

use common::run_bin;
use steamspec::diag::Severity;
use steamspec::tokens::{Catalog, check};

fn tokens_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tokens")
}

/// The `.vdf` files of a folder, sorted.
fn vdf_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "vdf"))
        .collect();
    files.sort();
    files
}

fn str_paths(files: &[PathBuf]) -> Vec<String> {
    files.iter().map(|p| p.display().to_string()).collect()
}

/// The diagnostics for `files` as printed, with `prefix` removed everywhere.
fn diagnostics(files: &[PathBuf], prefix: &str) -> (Vec<String>, bool) {
    let (catalog, mut diags) = Catalog::read_files(files).expect("readable");
    check(&catalog, &mut diags);
    let diags = diags.into_sorted();
    let errors = diags.iter().any(|d| d.severity == Severity::Error);
    let lines = diags
        .iter()
        .map(|d| d.to_string().replace(prefix, ""))
        .collect();
    (lines, errors)
}

#[test]
fn broken_files_report_exactly_the_expected_diagnostics() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let dir = tokens_dir().join("broken");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 20, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let prefix = format!("{}/", case.display());
        let (lines, _) = diagnostics(&vdf_files(case), &prefix);
        let actual: String = lines.iter().map(|l| format!("{l}\n")).collect();
        let expected_path = case.join("expected.txt");
        if update {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected =
            std::fs::read_to_string(&expected_path).unwrap_or_else(|e| panic!("{name}: {e}"));
        if lines.is_empty() {
            failures.push(format!("{name}: no diagnostic at all"));
        } else if expected != actual {
            failures.push(format!("{name}:\nexpected:\n{expected}actual:\n{actual}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_broken_case_has_a_place_for_each_diagnostic() {
    for case in std::fs::read_dir(tokens_dir().join("broken")).unwrap() {
        let case = case.unwrap().path();
        if !case.is_dir() {
            continue;
        }
        let (catalog, mut diags) = Catalog::read_files(&vdf_files(&case)).unwrap();
        check(&catalog, &mut diags);
        for d in diags.into_sorted() {
            assert!(
                d.pos.line > 0 && d.pos.col > 0,
                "{}: no line:col in {d}",
                case.display()
            );
        }
    }
}

#[test]
fn chess_set_is_clean_but_for_its_deliberate_gaps() {
    let dir = tokens_dir().join("chess");
    let files = vdf_files(&dir);
    let prefix = format!("{}/", dir.display());
    let (lines, errors) = diagnostics(&files, &prefix);
    assert!(!errors);
    assert_eq!(
        lines,
        [
            "french.vdf:4:13: warning: french lacks 2 of 12 English tokens (its players see \
             English): #DrawOffered, #TimeRunningOut",
            "more-languages.vdf:23:2: warning: schinese lacks 7 of 12 English tokens (its \
             players see English): #Check, #DrawOffered, #Resigned, #SessionTitle, #Stalemate, \
             #TimeRunningOut, #WaitingForOpponent",
        ]
    );
    let mut args = vec!["tokens".to_owned(), "check".to_owned()];
    args.extend(str_paths(&files));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, out, _) = run_bin(&args);
    assert_eq!(code, 0, "warnings are allowed: {out}");
    assert!(out.ends_with(
        "tokens: 12 English tokens, 5 languages (english, french, german, schinese, spanish): \
         0 error(s), 2 warning(s); reference tokens with a leading '#' (\"#Check\")\n"
    ));
    let mut deny = args.clone();
    deny.push("--deny-warnings");
    assert_eq!(run_bin(&deny).0, 1, "--deny-warnings fails on warnings");
}

#[test]
fn docs_examples_check_clean_one_file_at_a_time() {
    let dir = tokens_dir().join("docs");
    for file in vdf_files(&dir) {
        let (lines, errors) = diagnostics(std::slice::from_ref(&file), "");
        assert!(!errors && lines.is_empty(), "{}: {lines:?}", file.display());
    }
    // The all-languages example: two languages, both with both tokens.
    let (catalog, _) = Catalog::read_files(&[dir.join("all-languages.vdf")]).unwrap();
    let spanish = catalog.tokens_of("spanish");
    assert_eq!(
        spanish["TheNameOfAnotherToken"].text,
        "El texto localizado asociado con el segundo token"
    );
    assert_eq!(catalog.tokens_of("english").len(), 2);
}

#[test]
fn json_and_github_formats() {
    let case = tokens_dir().join("broken/variables-differ");
    let mut args = vec!["tokens".to_owned(), "check".to_owned()];
    args.extend(str_paths(&vdf_files(&case)));
    args.extend(["--format".to_owned(), "json".to_owned()]);
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, out, _) = run_bin(&argv);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["summary"]["errors"], 2);
    assert_eq!(
        json["summary"]["languages"],
        serde_json::json!(["english", "spanish"])
    );
    let first = &json["diagnostics"][0];
    assert_eq!(first["severity"], "error");
    assert_eq!(first["line"], 6);
    assert_eq!(first["col"], 20);
    assert!(first["file"].as_str().unwrap().ends_with("spanish.vdf"));

    let n = args.len();
    args[n - 1] = "github".to_owned();
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, out, _) = run_bin(&argv);
    assert_eq!(code, 1);
    let first = out.lines().next().unwrap();
    assert!(first.starts_with("::error file="), "{first}");
    assert!(
        first.contains(
            "spanish.vdf,line=6,col=20,title=tokens check::the variables of #InvitationText"
        ),
        "{first}"
    );
}

#[test]
fn unreadable_input_exits_2_and_findings_exit_1() {
    let (code, _, err) = run_bin(&["tokens", "check", "no/such/file.vdf"]);
    assert_eq!(code, 2);
    assert!(err.starts_with("error: no/such/file.vdf:"), "{err}");
    let broken = tokens_dir().join("broken/vdf-unclosed-brace/english.vdf");
    let (code, out, _) = run_bin(&["tokens", "check", broken.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("english.vdf:2:1: error: not well-formed VDF"),
        "{out}"
    );
}
