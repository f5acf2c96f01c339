//! `steamspec diff`: every rule on a hand-made spec pair, the 41 real changes of the public list
//! through `import`, the formats and `--base`.

use std::path::{Path, PathBuf};
use std::process::Command;

use steamspec::diff::{self, Change, Level};
use steamspec::drift::listing;
use steamspec::import;
use steamspec::load::{BUILTIN_PROVIDERS, Source, load_sources};
use steamspec::model::Model;

const SPEC: &str = r#"
interface: ITest
provider: steam
types:
  Mode:
    description: A mode.
    enum:
      repr: integer
      values:
        - {value: 0, name: Zero}
        - {value: 1, name: One}
  Thing:
    description: A thing.
    fields:
      id: {type: uint64}
      label: {type: string, optional: true, description: The label.}
      mode: {type: Mode}
operations:
  - method: GetA
    version: 1
    http: GET
    description: Gets A.
    parameters:
      - {name: steamid, type: steamid, description: Whose.}
      - {name: count, type: uint32, optional: true}
    response: {envelope: response, type: Thing}
  - method: GetB
    version: 1
    http: GET
    description: Gets B.
    response: {envelope: response, type: json}
"#;

fn model(text: &str) -> Model {
    let files = vec![Source {
        name: "steam/ITest.yaml".into(),
        text: text.into(),
    }];
    let providers = Source {
        name: "providers.yaml".into(),
        text: BUILTIN_PROVIDERS.into(),
    };
    match load_sources(providers, files) {
        Ok(l) => l.model,
        Err(e) => panic!("{e}\n{text}"),
    }
}

/// `level rule subject`, one per change of SPEC edited by replacing `from` with `to`.
fn changes(from: &str, to: &str) -> Vec<String> {
    assert!(SPEC.contains(from), "{from}");
    let new = SPEC.replacen(from, to, 1);
    diff::diff(&model(SPEC), &model(&new))
        .iter()
        .map(|c| format!("{} {} {}", c.level, c.rule, c.subject))
        .collect()
}

#[test]
fn the_same_spec_has_no_change() {
    assert!(diff::diff(&model(SPEC), &model(SPEC)).is_empty());
    assert_eq!(diff::overall(&[]), None);
}

#[test]
fn operations() {
    let get_b = "  - method: GetB\n    version: 1\n    http: GET\n    description: Gets B.\n    response: {envelope: response, type: json}\n";
    assert_eq!(
        changes(get_b, ""),
        ["major operation-removed ITest/GetB/v1"]
    );
    let get_c = get_b.replace("GetB", "GetC");
    assert_eq!(
        changes(get_b, &format!("{get_b}{get_c}")),
        ["minor operation-added ITest/GetC/v1"]
    );
    assert_eq!(
        changes(
            "method: GetB\n    version: 1\n    http: GET",
            "method: GetB\n    version: 1\n    http: POST"
        ),
        ["major operation-moved ITest/GetB/v1"]
    );
    assert_eq!(
        changes(
            "response: {envelope: response, type: json}",
            "response: {envelope: result, type: json}"
        ),
        ["major response-retyped ITest/GetB/v1"]
    );
    assert_eq!(
        changes("description: Gets A.", "description: Gets the A."),
        ["patch docs-changed ITest/GetA/v1"]
    );
}

#[test]
fn parameters() {
    let s = "ITest/GetA/v1";
    assert_eq!(
        changes("      - {name: count, type: uint32, optional: true}\n", ""),
        [format!("major parameter-removed {s}/count")]
    );
    assert_eq!(
        changes(
            "      - {name: count, type: uint32, optional: true}\n",
            "      - {name: count, type: uint32, optional: true}\n      - {name: extra, type: bool, optional: true}\n"
        ),
        [format!("minor parameter-added {s}/extra")]
    );
    assert_eq!(
        changes(
            "      - {name: count, type: uint32, optional: true}\n",
            "      - {name: count, type: uint32, optional: true}\n      - {name: extra, type: bool}\n"
        ),
        [format!("major parameter-added {s}/extra")]
    );
    assert_eq!(
        changes(
            "{name: count, type: uint32, optional: true}",
            "{name: count, type: int32, optional: true}"
        ),
        [format!("major parameter-retyped {s}/count")]
    );
    assert_eq!(
        changes(
            "{name: count, type: uint32, optional: true}",
            "{name: count, type: uint32}"
        ),
        [format!("major parameter-required {s}/count")]
    );
    assert_eq!(
        changes(
            "{name: steamid, type: steamid, description: Whose.}",
            "{name: steamid, type: steamid, optional: true, description: Whose.}"
        ),
        [format!("major parameter-optional {s}/steamid")]
    );
    assert_eq!(
        changes(
            "{name: count, type: uint32, optional: true}",
            "{name: count, type: uint32, optional: true, constraints: {max: 100}}"
        ),
        [format!("major parameter-constraints-changed {s}/count")]
    );
    assert_eq!(
        changes(
            "{name: count, type: uint32, optional: true}",
            "{name: count, type: uint32, optional: true, rust_name: how_many}"
        ),
        [format!("major parameter-renamed {s}/count")]
    );
    assert_eq!(
        changes("description: Whose.}", "description: Whose profile.}"),
        [format!("patch docs-changed {s}/steamid")]
    );
}

#[test]
fn types_fields_and_enum_values() {
    assert_eq!(
        changes(
            "      label: {type: string, optional: true, description: The label.}\n",
            ""
        ),
        ["major field-removed Thing.label"]
    );
    assert_eq!(
        changes(
            "      id: {type: uint64}\n",
            "      id: {type: uint64}\n      size: {type: uint32, optional: true}\n"
        ),
        ["minor field-added Thing.size"]
    );
    assert_eq!(
        changes("id: {type: uint64}", "id: {type: uint32}"),
        ["major field-retyped Thing.id"]
    );
    assert_eq!(
        changes("id: {type: uint64}", "id: {type: uint64, optional: true}"),
        ["major field-optionality-changed Thing.id"]
    );
    assert_eq!(
        changes(
            "id: {type: uint64}",
            "id: {type: uint64, rust_name: thing_id}"
        ),
        ["major field-renamed Thing.id"]
    );
    assert_eq!(
        changes(
            "description: The label.}",
            "description: The thing's label.}"
        ),
        ["patch docs-changed Thing.label"]
    );
    assert_eq!(
        changes("        - {value: 1, name: One}\n", ""),
        ["major enum-value-removed Mode.One"]
    );
    assert_eq!(
        changes(
            "        - {value: 1, name: One}\n",
            "        - {value: 1, name: One}\n        - {value: 2, name: Two}\n"
        ),
        ["minor enum-value-added Mode.Two"]
    );
    assert_eq!(
        changes("{value: 1, name: One}", "{value: 1, name: Uno}"),
        ["major enum-value-renamed Mode.One"]
    );
    assert_eq!(
        changes(
            "      repr: integer\n",
            "      repr: integer\n      open: false\n"
        ),
        ["major enum-retyped Mode"]
    );
    assert_eq!(
        changes("description: A mode.", "description: The mode."),
        ["patch docs-changed Mode"]
    );
    // A type added (and used, so the spec loads) and a type retyped.
    let with_other = SPEC
        .replacen(
            "  Thing:\n",
            "  Other:\n    fields:\n      x: {type: uint32}\n  Thing:\n",
            1,
        )
        .replacen(
            "mode: {type: Mode}",
            "mode: {type: Mode}\n      other: {type: Other, optional: true}",
            1,
        );
    let got: Vec<String> = diff::diff(&model(SPEC), &model(&with_other))
        .iter()
        .map(|c| format!("{} {} {}", c.level, c.rule, c.subject))
        .collect();
    assert_eq!(
        got,
        ["minor type-added Other", "minor field-added Thing.other"]
    );
    let got: Vec<String> = diff::diff(&model(&with_other), &model(SPEC))
        .iter()
        .map(|c| format!("{} {}", c.level, c.rule))
        .collect();
    assert_eq!(got, ["major type-removed", "major field-removed"]);
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/fixtures/listings/history")
}

fn imported(file: &Path) -> Model {
    let l = listing::parse(&std::fs::read(file).unwrap()).unwrap();
    let files = import::import(
        &l,
        &import::Options {
            listing_name: "listing.json".into(),
            ..Default::default()
        },
    )
    .unwrap();
    import::load(&files).unwrap().model
}

/// Each of the 41 real changes, imported before and after: the diff sees every one, and the
/// changes that removed something from the public list are major for the crate.
#[test]
fn the_41_history_changes_through_import() {
    let names: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    let mut seen = 0;
    for n in 1..=41 {
        let pick = |suffix: &str| {
            let name = names
                .iter()
                .find(|f| f.starts_with(&format!("{n:02}-")) && f.ends_with(suffix))
                .unwrap();
            imported(&fixtures().join(name))
        };
        let (before, after) = (pick("-before.json"), pick("-after.json"));
        let changes: Vec<Change> = diff::diff(&before, &after);
        assert!(!changes.is_empty(), "change {n}: no difference");
        seen += 1;
        let removed = changes
            .iter()
            .any(|c| c.rule == "operation-removed" || c.rule == "parameter-removed");
        if removed {
            assert_eq!(diff::overall(&changes), Some(Level::Major), "change {n}");
        }
        // 07 rewords a method's description: docs only.
        if n == 7 {
            assert_eq!(diff::overall(&changes), Some(Level::Patch), "{changes:?}");
        }
        // 37 removes GetAppList v1 and v2.
        if n == 37 {
            let removed: Vec<&str> = changes
                .iter()
                .filter(|c| c.rule == "operation-removed")
                .map(|c| c.subject.as_str())
                .collect();
            assert_eq!(
                removed,
                ["ISteamApps/GetAppList/v1", "ISteamApps/GetAppList/v2"]
            );
        }
    }
    assert_eq!(seen, 41);
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn run(args: &[&str]) -> (i32, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_steamspec"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn cli_formats_fail_on_and_base() {
    // A copy of spec/ where GetFriendList's `relationship` parameter is required.
    let dir = std::env::temp_dir().join(format!("steamspec-diff-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("steam")).unwrap();
    std::fs::create_dir_all(dir.join("backpacktf")).unwrap();
    for sub in ["", "steam", "backpacktf"] {
        for e in std::fs::read_dir(root().join("spec").join(sub)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "yaml") {
                std::fs::copy(&p, dir.join(sub).join(p.file_name().unwrap())).unwrap();
            }
        }
    }
    let user = dir.join("steam/ISteamUser.yaml");
    let text = std::fs::read_to_string(&user).unwrap();
    let optional =
        "      - name: relationship\n        type: FriendFilter\n        optional: true\n";
    assert!(text.contains(optional));
    let edited = text.replacen(
        optional,
        "      - name: relationship\n        type: FriendFilter\n",
        1,
    );
    std::fs::write(&user, edited).unwrap();
    let new = dir.to_string_lossy().into_owned();

    let (code, out, err) = run(&[
        "diff",
        "spec",
        &new,
        "--format",
        "json",
        "--fail-on",
        "major",
    ]);
    assert_eq!(code, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["level"], "major");
    assert_eq!(v["changes"][0]["rule"], "parameter-required");
    assert_eq!(
        v["changes"][0]["subject"],
        "ISteamUser/GetFriendList/v1/relationship"
    );
    let (code, out, _) = run(&["diff", "spec", &new, "--format", "markdown"]);
    assert_eq!(code, 0, "no --fail-on: exit 0");
    assert!(
        out.starts_with("### Spec change: major (1 major, 0 minor, 0 patch)"),
        "{out}"
    );
    assert!(out.contains("| `parameter-required` | `ISteamUser/GetFriendList/v1/relationship` |"));
    let (_, out, _) = run(&["diff", "spec", &new]);
    assert!(
        out.ends_with("diff: major (1 major, 0 minor, 0 patch)\n"),
        "{out}"
    );
    // The other way round: optional again, and still major (the Rust field becomes an Option).
    let (_, out, _) = run(&["diff", &new, "spec", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["changes"][0]["rule"], "parameter-optional");
    assert_eq!(v["level"], "major");
    let _ = std::fs::remove_dir_all(&dir);

    // --base: spec/ as committed at HEAD against itself (the committed files).
    let (code, out, err) = run(&["diff", "--base", "HEAD", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["level"].is_null() || v["level"] == "patch", "{out}");
    let (code, _, err) = run(&["diff", "--base", "no-such-revision-xyz"]);
    assert_eq!(code, 2);
    assert!(err.contains("--base no-such-revision-xyz"), "{err}");
}
