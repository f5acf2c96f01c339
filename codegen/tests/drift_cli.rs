//! The `steamspec drift` binary: exit codes, formats, the config file and allow-list expiry.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn fixture(rel: &str) -> String {
    root()
        .join("../shared/fixtures/listings")
        .join(rel)
        .to_string_lossy()
        .into_owned()
}

/// Runs the binary at the workspace root (so `--spec` defaults to the project's spec/).
fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_steamspec"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `steamspec drift --listing <listing>`, then `args`.
fn drift(listing: &str, args: &[&str]) -> (i32, String, String) {
    run(&[&["drift", "--listing", listing], args].concat())
}

/// The first finding of the JSON report `report` whose `field` is `value`.
fn finding<'r>(report: &'r serde_json::Value, field: &str, value: &str) -> &'r serde_json::Value {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f[field] == value)
        .unwrap_or_else(|| panic!("no finding with {field} {value}: {report}"))
}

fn tmp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("steamspec-drift-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

/// The interfaces of the publisher-key view (`partner-combined.json`: six captures), alone in a
/// spec folder: that view is checked against them, not against the whole spec (of which it
/// lacks most interfaces, so the whole spec finds it broken).
fn six_interfaces_spec() -> String {
    let dir = std::env::temp_dir().join(format!("steamspec-drift-six-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("steam")).unwrap();
    std::fs::copy(
        root().join("spec/providers.yaml"),
        dir.join("providers.yaml"),
    )
    .unwrap();
    for i in SIX {
        let file = format!("steam/{i}.yaml");
        std::fs::copy(root().join("spec").join(&file), dir.join(&file)).unwrap();
    }
    dir.to_string_lossy().into_owned()
}

const SIX: [&str; 6] = [
    "IGameNotificationsService",
    "IPlayerService",
    "ISteamNews",
    "ISteamUser",
    "ISteamUserStats",
    "ISteamWebAPIUtil",
];

#[test]
fn the_whole_spec_finds_the_six_interface_view_broken() {
    let (c, _, err) = drift(&fixture("partner-combined.json"), &[]);
    assert_eq!(c, 2, "{err}");
    assert!(err.contains("listing looks broken, not drifted"), "{err}");
}

#[test]
fn exit_codes_follow_fail_on() {
    let l = fixture("public/2026-07-09.json");
    // The project's spec against 2026: 1 warning, 23 info (see codegen/README.md, Drift).
    for (fail_on, code) in [("breaking", 0), ("warning", 1), ("info", 1), ("never", 0)] {
        let (c, _, err) = drift(&l, &["--fail-on", fail_on]);
        assert_eq!(c, code, "--fail-on {fail_on}: {err}");
    }
    // The warning promoted to breaking: --fail-on breaking fails.
    let cfg = tmp(
        "promote.toml",
        "[severity]\nparameter-added = \"breaking\"\n",
    );
    let (c, out, _) = drift(&l, &["--config", &cfg]);
    assert_eq!(c, 1, "{out}");
    assert!(
        out.contains("drift: 1 breaking, 0 warning, 23 info (fail-on breaking: FAILED)"),
        "{out}"
    );
    // Usage errors are 2 too.
    let (c, _, _) = drift(&l, &["--format", "yaml"]);
    assert_eq!(c, 2);
    let (c, _, err) = drift(&l, &["--spec", "/nonexistent"]);
    assert_eq!(c, 2, "{err}");
}

#[test]
fn json_format_is_exact() {
    let six = six_interfaces_spec();
    let (c, out, _) = drift(
        &fixture("partner-combined.json"),
        &["--format", "json", "--spec", &six],
    );
    assert_eq!(c, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["accepted", "findings", "summary"]);
    assert_eq!(
        v["summary"],
        serde_json::json!({"breaking": 6, "warning": 0, "info": 2})
    );
    let first = &v["findings"][0];
    let fkeys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        fkeys,
        [
            "interface",
            "message",
            "method",
            "parameter",
            "rule",
            "severity",
            "spec",
            "version"
        ]
    );
    assert!(
        out.starts_with("{\n  \"summary\": {\n    \"breaking\": 6,"),
        "{out}"
    );
    // Sorted by interface, method, version, parameter, rule.
    let sorted: Vec<(String, String, u64, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["interface"].as_str().unwrap_or("").to_string(),
                f["method"].as_str().unwrap_or("").to_string(),
                f["version"].as_u64().unwrap_or(0),
                f["parameter"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let mut again = sorted.clone();
    again.sort();
    assert_eq!(sorted, again);
    let removed = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["parameter"] == "tags" && f["version"] == 2)
        .unwrap();
    // The line of `- name: tags` in the spec, wherever edits move it.
    let spec = std::fs::read_to_string(root().join("spec/steam/ISteamNews.yaml")).unwrap();
    let line = 1 + spec
        .lines()
        .position(|l| l.trim() == "- name: tags")
        .expect("ISteamNews.yaml has a 'tags' parameter");
    assert_eq!(
        removed,
        &serde_json::json!({
            "rule": "parameter-removed",
            "severity": "breaking",
            "interface": "ISteamNews",
            "method": "GetNewsForApp",
            "version": 2,
            "parameter": "tags",
            "message": "parameter 'tags' is in the spec but not in the listing",
            "spec": format!("{six}/steam/ISteamNews.yaml:{line}")
        })
    );
}

#[test]
fn text_markdown_github_junit() {
    let l = fixture("public/2026-07-09.json");
    let (_, text, _) = drift(&l, &[]);
    assert!(text.contains("IPlayerService\n"), "{text}");
    assert!(
        text.contains("  warning  parameter-added  GetOwnedGames v1 include_extended_appinfo\n")
    );
    assert!(text.contains("not compared: 8 proposed operation(s)"));

    let (_, md, _) = drift(&l, &["--format", "markdown"]);
    assert!(
        md.starts_with("## Drift: spec vs. GetSupportedAPIList\n"),
        "{md}"
    );
    assert!(md.contains("| severity | rule | interface | method | parameter | finding | spec |"));
    assert!(md.contains("| warning | `parameter-added` | IPlayerService | GetOwnedGames v1 | include_extended_appinfo |"), "{md}");

    let (_, gh, _) = drift(&l, &["--format", "github"]);
    assert!(gh.lines().any(|line| line
        == "::warning file=spec/steam/IPlayerService.yaml,line=229,title=drift parameter-added%3A IPlayerService GetOwnedGames v1 include_extended_appinfo::the listing has parameter 'include_extended_appinfo' (bool, required) that the spec does not describe"), "{gh}");
    assert!(gh.lines().any(|line| line.starts_with("::notice file=spec/steam/IGameNotificationsService.yaml,line=204,title=drift method-not-visible")));
    // Every listed interface is described (typed or imported), game-specific ones aside.
    assert!(!gh.contains("interface-added"), "{gh}");

    let (_, xml, _) = drift(&l, &["--format", "junit", "--fail-on", "warning"]);
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"steamspec drift\" tests=\"24\" failures=\"1\" skipped=\"0\">"), "{xml}");
    assert!(xml.contains("<failure type=\"warning\" message=\"the listing has parameter &apos;include_extended_appinfo&apos;"), "{xml}");
    assert_eq!(xml.matches("<testcase ").count(), 24);
    assert_eq!(
        xml.matches("<testsuite ").count(),
        xml.matches("</testsuite>").count()
    );
}

#[test]
fn allow_list_accepts_expires_and_reports_unused() {
    let l = fixture("public/2026-07-09.json");
    let cfg = tmp(
        "allow.toml",
        r#"# Known drift of the project's spec.
[[allow]]
rule = "parameter-added"
interface = "IPlayerService"
method = "GetOwnedGames"
version = 1
parameter = "include_extended_appinfo"
reason = "deliberately not specified: its response fields are undocumented"
expires = 2026-12-31

[[allow]]
rule = "method-not-visible"
interface = "IGameNotificationsService"
reason = "publisher-only: an ordinary key cannot see them"

[[allow]]
rule = "method-removed"
interface = "ISteamUser"
method = "GetPlayerSummaries"
reason = "matches nothing"
"#,
    );
    // Before expiry: the finding is accepted, but an entry that matches nothing fails the run.
    let (c, out, err) = drift(
        &l,
        &[
            "--config",
            &cfg,
            "--today",
            "2026-12-31",
            "--format",
            "json",
        ],
    );
    assert_eq!(c, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    // 23 info - 7 accepted IGameNotificationsService method-not-visible; the unused entry is
    // breaking.
    assert_eq!(
        v["summary"],
        serde_json::json!({"breaking": 1, "warning": 0, "info": 16})
    );
    assert_eq!(v["accepted"].as_array().unwrap().len(), 8);
    // Sorted by interface: IGameNotificationsService's seven, then IPlayerService's one.
    assert_eq!(
        v["accepted"][7]["reason"],
        "deliberately not specified: its response fields are undocumented"
    );
    assert_eq!(v["accepted"][7]["expires"], "2026-12-31");
    let unused = finding(&v, "rule", "allow-unused");
    assert_eq!(unused["severity"], "breaking");
    assert!(
        unused["spec"].as_str().unwrap().ends_with("allow.toml:16"),
        "{unused}"
    );

    // The day after: the finding is back, with an allow-expired finding; exit 1.
    let (c, out, _) = drift(&l, &["--config", &cfg, "--today", "2027-01-01"]);
    assert_eq!(c, 1, "{out}");
    assert!(
        out.contains("allow-expired  GetOwnedGames v1 include_extended_appinfo"),
        "{out}"
    );
    assert!(out.contains("expired on 2026-12-31"), "{out}");
    assert!(
        out.contains("drift: 2 breaking, 1 warning, 16 info (7 accepted)"),
        "{out}"
    );
    // Accepted findings are listed in every format: (format, what marks them,
    // how often).
    for (format, accepted, times) in [
        ("markdown", "### Accepted (8)", 1),
        ("github", "::group::accepted drift (8)", 1),
        ("junit", "<skipped message=\"accepted: ", 8),
        ("text", "accepted (8):", 1),
    ] {
        let (_, out, _) = drift(
            &l,
            &[
                "--config",
                &cfg,
                "--today",
                "2026-01-01",
                "--format",
                format,
            ],
        );
        assert_eq!(out.matches(accepted).count(), times, "{format}: {out}");
    }
}

#[test]
fn config_errors_say_where() {
    let l = fixture("public/2026-07-09.json");
    let cases = [
        (
            "[severity]\nmethod-added = \"fatal\"\n",
            ":2:16: error: unknown severity 'fatal'",
        ),
        (
            "[[allow]]\nrule = \"method-vanished\"\ninterface = \"I\"\nreason = \"r\"\n",
            ":2:8: error: unknown rule 'method-vanished'",
        ),
        (
            "[[allow]]\nrule = \"method-added\"\ninterface = \"I\"\nreason = \"\"\n",
            ":4:10: error: 'reason' is empty",
        ),
        (
            "[[allow]]\nrule = \"method-added\"\ninterface = \"I\"\nreason = \"r\"\nexpires = \"31/12/2026\"\n",
            ":5:11: error: expires must be a date",
        ),
        (
            "[[allow]]\nrule = \"method-added\"\ninterface = \"I\"\n",
            ":1:1: error: missing field `reason`",
        ),
        ("severity = [\n", ":1:13: error: unclosed array"),
    ];
    for (text, want) in cases {
        let cfg = tmp("bad.toml", text);
        let (c, out, err) = drift(&l, &["--config", &cfg]);
        assert_eq!(c, 2, "{text}");
        assert!(out.is_empty());
        assert!(
            err.starts_with(&format!("{cfg}{want}")),
            "want {want}, got {err}"
        );
    }
}

#[test]
fn listing_from_stdin() {
    use std::io::Write;
    let bytes = std::fs::read(fixture("partner-combined.json")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_steamspec"))
        .args(["drift", "--listing", "-", "--fail-on", "never", "--spec"])
        .arg(six_interfaces_spec())
        .current_dir(root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&bytes).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("drift: 6 breaking, 0 warning, 2 info"));
}

#[test]
fn the_ci_config_accepts_the_known_drift() {
    // .github/drift.toml, as the drift workflow uses it (before its entry expires).
    let (c, out, err) = drift(
        &fixture("public/2026-07-09.json"),
        &["--config", ".github/drift.toml", "--today", "2026-07-10"],
    );
    assert_eq!(c, 0, "{out}{err}");
    assert!(
        out.contains("drift: 0 breaking, 0 warning, 23 info (1 accepted)"),
        "{out}"
    );
}
