//! Fuzzing the token-file reader and everything behind it: arbitrary bytes, mutations of the
//! chess token set, and token soups built from VDF's and the layouts' own pieces go through
//! `Catalog` (the VDF reader, both layouts), the checks, every output format, the preview, the
//! typed-token emitter and the runtime's `TokenSet::from_vdf`. Properties: no panic; every
//! diagnostic has a line and column inside the file; the JSON format is JSON; a file that checks
//! clean generates code.
//!
//! Long run: `FUZZ_CASES=20000 cargo test --release -p steamspec-tests --test fuzz_tokens --
//! --nocapture --test-threads 1` (cases per target).

mod support;

use std::path::PathBuf;
use std::sync::Arc;

use proptest::prelude::*;
use steam_webapi::TokenSet;
use steam_webapi::tokens::placeholder;
use steamspec::diag::Diagnostics;
use steamspec::tokens::{Catalog, Format, Report, check, emit, render};
use support::mutate::{ByteMutation, byte_mutation, mutate_bytes};
use support::{fuzz, fuzz_cases};

fn chess_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../codegen/tests/tokens/chess"
    ))
}

fn chess_files() -> Vec<Vec<u8>> {
    ["english", "french", "german", "more-languages"]
        .iter()
        .map(|f| std::fs::read(chess_dir().join(format!("{f}.vdf"))).unwrap())
        .collect()
}

/// Runs every consumer on one file's bytes and checks the properties.
fn exercise(bytes: &[u8]) {
    let file: Arc<str> = Arc::from("fuzz.vdf");
    let mut catalog = Catalog::default();
    let mut diags = Diagnostics::default();
    catalog.add_bytes(&file, bytes, &mut diags);
    check(&catalog, &mut diags);
    let clean = !diags.has_errors();
    let diags = diags.into_sorted();
    let lines = bytes.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    for d in &diags {
        assert!(
            d.pos.line >= 1 && d.pos.line <= lines && d.pos.col >= 1,
            "{d} outside a file of {lines} lines"
        );
    }
    let report = Report::new(&catalog, diags);
    let json: serde_json::Value =
        serde_json::from_str(&report.render(Format::Json)).expect("the JSON format is JSON");
    assert!(json["summary"]["errors"].is_u64());
    let _ = report.render(Format::Text);
    let _ = report.render(Format::Github);
    for language in ["english", "spanish", "klingon"] {
        let _ = render(
            &catalog,
            language,
            "#YourTurn",
            &[("user".into(), "x".into())],
        );
    }
    let generated = emit(&catalog, "crate::gns");
    if clean {
        let text = generated.expect("a file that checks clean generates");
        assert!(text.starts_with("// @generated"));
    }
    let text = String::from_utf8_lossy(bytes);
    let _ = TokenSet::from_vdf(&text);
    let _ = placeholder::parse(&text);
}

#[test]
fn arbitrary_bytes() {
    let strategy = prop::collection::vec(any::<u8>(), 0..400);
    fuzz("arbitrary bytes", fuzz_cases(300), strategy, |bytes| {
        exercise(&bytes)
    });
}

#[test]
fn mutated_chess_files() {
    let files = chess_files();
    let strategy = (
        0..files.len(),
        prop::collection::vec(prop_oneof![byte_mutation(), token_insert()], 1..6),
    );
    fuzz(
        "mutated chess files",
        fuzz_cases(300),
        strategy,
        |(i, ms)| {
            let mut bytes = files[i].clone();
            for m in &ms {
                mutate_bytes(&mut bytes, m);
            }
            exercise(&bytes);
        },
    );
}

/// Inserts one of the pieces token files are made of.
fn token_insert() -> impl Strategy<Value = ByteMutation> {
    (0.0..1.0f64, piece()).prop_map(|(at, p)| ByteMutation::Insert(at, p.into_bytes()))
}

fn piece() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "\"lang\"",
        "{",
        "}",
        "\"Language\"",
        "\"english\"",
        "\"spanish\"",
        "\"chinese\"",
        "\"Tokens\"",
        "\"A\"",
        "\"#A\"",
        "\"A B\"",
        "\"{{x}}\"",
        "\"{{\"",
        "\"}}\"",
        "\"{{ }}\"",
        "\"{{a{{b}}}}\"",
        "\"\"",
        "// c\n",
        "\n",
        "\t",
        " ",
        "[$WIN32]",
        "\"\\\"\"",
        "\\",
        "\u{feff}",
        "é",
        "{{user}",
    ])
    .prop_map(str::to_owned)
}

#[test]
fn token_soup() {
    let strategy = prop::collection::vec(piece(), 0..60);
    fuzz("token soup", fuzz_cases(400), strategy, |pieces| {
        exercise(pieces.join(" ").as_bytes());
    });
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!(
        "\"lang\" {}{}",
        "{ \"a\" ".repeat(100_000),
        "}".repeat(100_000)
    );
    exercise(deep.as_bytes());
}
