//! The Rust examples of the README and of every crate's guide are compiled as doc tests of
//! `tests/`; this keeps that wiring in place.

/// A guide, how `tests/src/lib.rs` includes it, examples that must stay compiled, and the
/// only `rust,ignore` blocks it may have (each known by a string in it).
struct Guide {
    path: &'static str,
    include: &'static str,
    compiled: &'static [&'static str],
    ignored: &'static [&'static str],
}

const GUIDES: &[Guide] = &[
    Guide {
        path: "README.md",
        include: "#![doc = include_str!(\"../../README.md\")]",
        compiled: &[".isteam_user().get_player_summaries(&request)"],
        ignored: &[],
    },
    Guide {
        path: "generated/README.md",
        include: "#[doc = include_str!(\"../../generated/README.md\")]",
        // The two "Calling Steam" examples and the retry policy.
        compiled: &[
            ".isteam_user().get_player_summaries(&request)",
            "CreateSessionRequest::new(480, 31415926,",
            ".retry(RetryPolicy {",
            ".rate_limit(ProviderId::Steam, RateLimit::steam_default())",
            ".get_player_summaries_all(&request)",
            ".get_announcements_paged(&request)",
            "let fake = FakeSteam::start().unwrap();",
        ],
        // Needs a Redis server and the `redis` feature.
        ignored: &["RedisStore::open("],
    },
    Guide {
        path: "codegen/README.md",
        include: "#[doc = include_str!(\"../../codegen/README.md\")]",
        compiled: &[],
        // The build-script snippet needs `OUT_DIR`; the typed tokens' fragments need a build
        // script's generated `tokens` module (tests/build-example compiles them for real).
        ignored: &["OUT_DIR", "tokens::InvitationText {", "TokenSet::from_vdf("],
    },
    Guide {
        path: "macros/README.md",
        include: "#[doc = include_str!(\"../../macros/README.md\")]",
        compiled: &["#[validate(at_least_one_of(guid, appid))]"],
        ignored: &[],
    },
    Guide {
        path: "tests/consumers/README.md",
        include: "#[doc = include_str!(\"../../tests/consumers/README.md\")]",
        compiled: &[],
        ignored: &[],
    },
];

/// The fenced blocks of a Markdown file: (tag, body).
fn blocks(path: &str, markdown: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, String)> = None;
    for line in markdown.lines() {
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
    assert!(open.is_none(), "unclosed code block in {path}");
    blocks
}

/// Each guide's Rust blocks are the doc of this crate's lib or of a module of
/// `steamspec_tests::guides`, so `cargo test --doc -p steamspec-tests` compiles them against
/// the real generated API. This test keeps that wiring in place: each include is there, every
/// fenced block is tagged, only the blocks [`GUIDES`] names are `rust,ignore` (those that need
/// a build script's output or a Redis server), and the examples it names are compiled.
#[test]
fn readme_examples_compile() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let lib = std::fs::read_to_string(format!("{root}/tests/src/lib.rs")).unwrap();
    assert!(
        lib.starts_with(GUIDES[0].include),
        "tests/src/lib.rs must include the README as its doc"
    );
    for guide in GUIDES {
        assert!(
            lib.contains(guide.include),
            "tests/src/lib.rs must include {} as a doc",
            guide.path
        );
        let markdown = std::fs::read_to_string(format!("{root}/{}", guide.path)).unwrap();
        let blocks = blocks(guide.path, &markdown);
        for (tag, body) in &blocks {
            assert!(
                !tag.is_empty(),
                "{}: untagged block (rustdoc compiles it as Rust):\n{body}",
                guide.path
            );
            if tag.starts_with("rust") && tag.contains("ignore") {
                assert!(
                    guide.ignored.iter().any(|needle| body.contains(needle)),
                    "{}: a Rust example that is not compiled:\n{body}",
                    guide.path
                );
            }
        }
        let compiled: Vec<&String> = blocks
            .iter()
            .filter(|(tag, _)| tag == "rust" || tag == "rust,no_run")
            .map(|(_, body)| body)
            .collect();
        for needle in guide.compiled {
            assert!(
                compiled.iter().any(|b| b.contains(needle)),
                "no compiled example of {} contains {needle:?}",
                guide.path
            );
        }
    }
}
