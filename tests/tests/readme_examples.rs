//! The README's Rust examples are compiled as doc tests; this keeps that wiring in place.

/// The README's Rust blocks are the doc of this crate's lib
/// (`#![doc = include_str!("../../README.md")]`), so `cargo test --doc -p
/// steamspec-tests` compiles them against the real generated API. This test
/// keeps that wiring in place: the include is there, every fenced block is
/// tagged, and only the build-script snippet (which needs `OUT_DIR`) is
/// `rust,ignore`.
#[test]
fn readme_examples_compile() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let lib = std::fs::read_to_string(format!("{root}/tests/src/lib.rs")).unwrap();
    assert!(
        lib.starts_with("#![doc = include_str!(\"../../README.md\")]"),
        "tests/src/lib.rs must include the README as its doc"
    );
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    let mut blocks: Vec<(String, String)> = Vec::new();
    let mut open: Option<(String, String)> = None;
    for line in readme.lines() {
        match (line.trim_start().strip_prefix("```"), &mut open) {
            (Some(_), Some(_)) => blocks.push(open.take().unwrap()),
            (Some(tag), None) => open = Some((tag.trim().to_owned(), String::new())),
            (None, Some((_, body))) => {
                body.push_str(line);
                body.push('\n');
            }
            (None, None) => {}
        }
    }
    assert!(open.is_none(), "unclosed code block in README.md");
    for (tag, body) in &blocks {
        assert!(
            !tag.is_empty(),
            "untagged block (rustdoc compiles it as Rust):\n{body}"
        );
        if tag.starts_with("rust") && tag.contains("ignore") {
            assert!(
                body.contains("build.rs") && body.contains("OUT_DIR"),
                "only the build-script snippet may be ignored:\n{body}"
            );
        }
    }
    let compiled: Vec<&String> = blocks
        .iter()
        .filter(|(tag, _)| tag == "rust")
        .map(|(_, body)| body)
        .collect();
    // The two "Calling Steam" examples must stay compiled (neither ignored nor missing).
    for needle in [
        ".isteam_user().get_player_summaries(&request)",
        "CreateSessionRequest::new(480, 31415926,",
    ] {
        assert!(
            compiled.iter().any(|b| b.contains(needle)),
            "no compiled README example contains {needle:?}"
        );
    }
}
