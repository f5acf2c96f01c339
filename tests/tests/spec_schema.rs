//! `spec/spec.schema.json`: fresh, accepted by every spec file, and strict enough to reject
//! the broken-spec corpus' shape errors the way the loader does.

use std::path::{Path, PathBuf};

use serde_json::Value;
use steamspec_tests::workspace_dir;

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Every `*.yaml` under `spec/`, sorted.
fn spec_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let p = e.expect("folder entry").path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&workspace_dir().join("spec"), &mut out);
    out.sort();
    assert!(out.len() > 2, "no spec files found");
    out
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&steamspec::syntax::schema::spec_schema_json())
        .expect("the generated schema is JSON");
    jsonschema::validator_for(&schema).expect("the generated schema is a valid JSON Schema")
}

fn yaml_to_json(name: &str, text: &str) -> Value {
    serde_saphyr::from_str::<Value>(text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The schema's complaints about `text`, one per line.
fn errors(v: &jsonschema::Validator, name: &str, text: &str) -> Vec<String> {
    let json = yaml_to_json(name, text);
    v.iter_errors(&json)
        .map(|e| format!("{name}: at '{}': {e}", e.instance_path()))
        .collect()
}

#[test]
fn spec_schema_json_is_fresh() {
    let path = workspace_dir().join("spec/spec.schema.json");
    let on_disk = read(&path);
    let generated = steamspec::syntax::schema::spec_schema_json();
    assert!(
        on_disk == generated,
        "spec/spec.schema.json is stale; regenerate it with\n\n    \
         cargo run -q -- spec-schema > spec/spec.schema.json\n"
    );
}

#[test]
fn every_spec_file_validates_against_the_schema() {
    let v = validator();
    let mut problems = Vec::new();
    for p in spec_files() {
        let name = p.display().to_string();
        problems.extend(errors(&v, &name, &read(&p)));
    }
    assert!(
        problems.is_empty(),
        "spec files rejected by spec.schema.json:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_spec_file_points_editors_at_the_schema() {
    let spec = workspace_dir().join("spec");
    let mut problems = Vec::new();
    for p in spec_files() {
        // providers.yaml sits next to the schema; interface files one folder down.
        let want = if p.parent() == Some(spec.as_path()) {
            "# yaml-language-server: $schema=spec.schema.json"
        } else {
            "# yaml-language-server: $schema=../spec.schema.json"
        };
        let text = read(&p);
        let first = text.lines().next().unwrap_or("");
        if first != want {
            problems.push(format!(
                "{}: first line is {first:?}, want {want:?}",
                p.display()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A broken case's file, and the same file repaired: the schema must reject the first and
/// accept the second, so the rejection is for the broken part.
fn check_rejected(case: &str, file: &str, broken: &str, fixed: &str) {
    let v = validator();
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../codegen/tests/broken-specs")
        .join(case)
        .join(file);
    let text = read(&path);
    assert!(text.contains(broken), "{case}: '{broken}' not in {file}");
    let name = format!("{case}/{file}");
    assert!(
        !errors(&v, &name, &text).is_empty(),
        "{name}: the schema accepts it"
    );
    let repaired = text.replace(broken, fixed);
    let left = errors(&v, &name, &repaired);
    assert!(
        left.is_empty(),
        "{name}: still rejected once repaired:\n{}",
        left.join("\n")
    );
}

#[test]
fn schema_rejects_an_unknown_key() {
    check_rejected(
        "yaml-unknown-key-operation",
        "steam/ISteamHub.yaml",
        "descripton:",
        "description:",
    );
    check_rejected(
        "yaml-unknown-key-field",
        "steam/ISteamHub.yaml",
        "optinal:",
        "optional:",
    );
    check_rejected(
        "provider-unknown-key",
        "providers.yaml",
        "hostname:",
        "host:",
    );
}

#[test]
fn schema_rejects_a_wrong_enum_value_or_type() {
    check_rejected(
        "yaml-wrong-enum-value-http",
        "steam/ISteamHub.yaml",
        "http: get",
        "http: GET",
    );
    check_rejected(
        "yaml-wrong-value-type-version",
        "steam/ISteamHub.yaml",
        "version: one",
        "version: 1",
    );
    check_rejected(
        "yaml-wrong-value-type-list",
        "steam/ISteamHub.yaml",
        "sources: hub.txt",
        "sources: [hub.txt]",
    );
}
