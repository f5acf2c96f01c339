//! Listings that are not listings: each is an exit-2 error that says why and where, never a
//! panic and never a drift report.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use steamspec::drift::listing::{self, ListingError};

const OK_METHOD: &str = r#"{"name":"GetX","version":1,"httpmethod":"GET","parameters":[]}"#;

fn wrap(interfaces: &str) -> String {
    format!(r#"{{"apilist":{{"interfaces":[{interfaces}]}}}}"#)
}

fn err(bytes: &[u8]) -> String {
    listing::parse(bytes).unwrap_err().to_string()
}

#[test]
fn wrong_shapes_have_json_paths() {
    let iface = |name: &str, methods: &str| format!(r#"{{"name":"{name}","methods":[{methods}]}}"#);
    let cases: Vec<(String, &str)> = vec![
        (
            wrap(&format!(
                "{},{}",
                iface("IA", OK_METHOD),
                iface("IA", OK_METHOD)
            )),
            "apilist.interfaces[1].name: not a GetSupportedAPIList listing: duplicate interface 'IA' (first at apilist.interfaces[0])",
        ),
        (
            wrap(&iface("IA", &format!("{OK_METHOD},{OK_METHOD}"))),
            "apilist.interfaces[0].methods[1].name: not a GetSupportedAPIList listing: duplicate method GetX v1 in IA (first at methods[0])",
        ),
        (
            wrap(r#"{"name":"IA"}"#),
            "apilist.interfaces[0].methods: not a GetSupportedAPIList listing: missing field 'methods'",
        ),
        (
            wrap(&iface("IA", r#"{"name":"GetX","httpmethod":"GET"}"#)),
            "apilist.interfaces[0].methods[0].version: not a GetSupportedAPIList listing: missing field 'version'",
        ),
        (
            wrap(&iface(
                "IA",
                r#"{"name":"GetX","version":"1","httpmethod":"GET"}"#,
            )),
            "apilist.interfaces[0].methods[0].version: not a GetSupportedAPIList listing: expected a number, found a string",
        ),
        (
            wrap(&iface(
                "IA",
                r#"{"name":"GetX","version":1.5,"httpmethod":"GET"}"#,
            )),
            "apilist.interfaces[0].methods[0].version: not a GetSupportedAPIList listing: expected a version number 1 to 4294967295, found 1.5",
        ),
        (
            wrap(&iface(
                "IA",
                r#"{"name":"GetX","version":0,"httpmethod":"GET"}"#,
            )),
            "apilist.interfaces[0].methods[0].version: not a GetSupportedAPIList listing: version must be 1 or more",
        ),
        (
            wrap(&iface("IA", r#"{"name":7,"version":1,"httpmethod":"GET"}"#)),
            "apilist.interfaces[0].methods[0].name: not a GetSupportedAPIList listing: expected a string, found a number",
        ),
        (
            wrap(&iface(
                "IA",
                r#"{"name":"GetX","version":1,"httpmethod":"GET","parameters":{}}"#,
            )),
            "apilist.interfaces[0].methods[0].parameters: not a GetSupportedAPIList listing: expected an array, found an object",
        ),
        (
            wrap(&iface(
                "IA",
                r#"{"name":"GetX","version":1,"httpmethod":"GET","parameters":[{"name":"a","type":null,"optional":true}]}"#,
            )),
            "apilist.interfaces[0].methods[0].parameters[0].type: not a GetSupportedAPIList listing: expected a string, found null",
        ),
        (
            wrap(&iface(
                "IA",
                r#"{"name":"GetX","version":1,"httpmethod":"GET","parameters":[{"name":"a","type":"bool","optional":1}]}"#,
            )),
            "apilist.interfaces[0].methods[0].parameters[0].optional: not a GetSupportedAPIList listing: expected a boolean, found a number",
        ),
        (
            r#"{"apilist":{"interfaces":{}}}"#.to_string(),
            "apilist.interfaces: not a GetSupportedAPIList listing: expected an array, found an object",
        ),
        (
            r#"{"response":{}}"#.to_string(),
            "apilist: not a GetSupportedAPIList listing: missing field 'apilist'",
        ),
        (
            "[]".to_string(),
            "(root): not a GetSupportedAPIList listing: expected a listing object {\"apilist\": {\"interfaces\": [...]}}, found an array",
        ),
        ("".to_string(), "listing is empty"),
        (" \n\t".to_string(), "listing is empty"),
    ];
    for (input, want) in cases {
        assert_eq!(err(input.as_bytes()), want, "input: {input}");
    }
}

#[test]
fn syntax_errors_have_line_and_column() {
    assert_eq!(
        err(b"{\n  \"apilist\": {\n    \"interfaces\": [,]\n  }\n}"),
        "3:20: listing is not valid JSON: expected value"
    );
    assert_eq!(
        err(b"{\"apilist\":{\"interfaces\":[]}} trailing"),
        "1:31: listing is not valid JSON: trailing characters"
    );
    // Non-UTF-8 bytes, inside a string and outside one.
    let e = err(b"{\"apilist\":{\"interfaces\":[{\"name\":\"I\xff\xfe\",\"methods\":[]}]}}");
    assert!(e.starts_with("1:"), "{e}");
    assert!(e.contains("not valid JSON"), "{e}");
    let e = err(b"\xff\xfe{}");
    assert!(e.starts_with("1:1: listing is not valid JSON"), "{e}");
    // A repeated key would silently replace the first one's value.
    assert_eq!(
        err(b"{\"apilist\":{\"interfaces\":[]},\n\"apilist\":{\"interfaces\":[]}}"),
        "2:9: listing is not valid JSON: duplicate key \"apilist\" in one object"
    );
}

#[test]
fn ten_megabytes_of_nesting() {
    for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
        let n = 10 * 1024 * 1024 / open.len();
        let mut s = String::with_capacity(n * (open.len() + close.len()) + 32);
        s.push_str("{\"apilist\":");
        for _ in 0..n {
            s.push_str(open);
        }
        // Unclosed as well as closed: neither may recurse.
        let unclosed = err(s.as_bytes());
        assert!(
            unclosed.contains("nests arrays/objects more than 64 deep"),
            "{unclosed}"
        );
        for _ in 0..n {
            s.push_str(close);
        }
        s.push('}');
        let e = err(s.as_bytes());
        assert!(e.starts_with("1:"), "{e}");
        assert!(e.contains("more than 64 deep"), "{e}");
    }
    // Brackets inside strings are not nesting.
    let quoted = wrap(&format!(
        r#"{{"name":"I{}","methods":[]}}"#,
        "[".repeat(10_000)
    ));
    assert!(listing::parse(quoted.as_bytes()).is_ok());
}

#[test]
fn oversized_listing() {
    let big = vec![b' '; (listing::MAX_LISTING_BYTES + 1) as usize];
    assert!(matches!(
        listing::parse(&big),
        Err(ListingError::TooLarge { .. })
    ));
}

#[test]
fn unknown_fields_and_missing_descriptions_are_fine() {
    let l = listing::parse(
        wrap(r#"{"name":"IA","extra":[1,{"x":null}],"methods":[{"name":"GetX","version":1,"httpmethod":"GET","description":null,"parameters":[{"name":"a","type":"bool","optional":true}]},{"name":"GetY","version":2,"httpmethod":"POST"}]}"#)
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(l.interfaces[0].methods.len(), 2);
    assert!(l.interfaces[0].methods[1].params.is_empty());
}

fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut child = Command::new(env!("CARGO_BIN_EXE_steamspec"))
        .args(args)
        .current_dir(&root)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    // Write from a thread: a child that exits early must not block the test.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    let _ = writer.join();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn cli_exits_2_with_the_reason() {
    let dup = wrap(&format!(
        r#"{{"name":"IA","methods":[{OK_METHOD}]}},{{"name":"IA","methods":[]}}"#
    ));
    let mut deep = "[".repeat(10 * 1024 * 1024);
    deep.insert_str(0, "{\"apilist\":");
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (
            dup.into_bytes(),
            "error: <stdin>: apilist.interfaces[1].name: not a GetSupportedAPIList listing: duplicate interface 'IA'",
        ),
        (
            b"{\"apilist\":{\"interfaces\":[{\"name\":\"I\xff\"}]}}".to_vec(),
            "error: <stdin>: 1:",
        ),
        (
            deep.into_bytes(),
            "error: <stdin>: 1:75: listing nests arrays/objects more than 64 deep",
        ),
        (Vec::new(), "error: <stdin>: listing is empty"),
        (
            wrap("").into_bytes(),
            "error: <stdin>: listing looks broken, not drifted: apilist.interfaces is empty",
        ),
    ];
    for (input, want) in cases {
        let (code, stdout, stderr) = run(&["drift", "--listing", "-"], &input);
        assert_eq!(code, 2, "stderr: {stderr}");
        assert!(stdout.is_empty(), "{stdout}");
        assert!(stderr.starts_with(want), "want {want:?}, got {stderr:?}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    let (code, _, stderr) = run(&["drift", "--listing", "/nonexistent/listing.json"], b"");
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("error: /nonexistent/listing.json: cannot read"),
        "{stderr}"
    );
}

#[test]
fn cli_broken_capture_exits_2() {
    // The 2026 capture with all but two real interfaces gone (a failed fetch upstream).
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/fixtures/listings/public/2026-07-09.json");
    let mut l = listing::parse(&std::fs::read(path).unwrap()).unwrap();
    l.interfaces.retain(|i| {
        listing::is_game_specific(&i.name) || i.name == "ISteamUser" || i.name == "IPlayerService"
    });
    let body = serde_json::json!({"apilist": {"interfaces": l.interfaces.iter().map(|i| serde_json::json!({
        "name": i.name,
        "methods": i.methods.iter().map(|m| serde_json::json!({
            "name": m.name, "version": m.version, "httpmethod": m.http,
            "parameters": m.params.iter().map(|p| serde_json::json!({"name": p.name, "type": p.ty, "optional": p.optional})).collect::<Vec<_>>()
        })).collect::<Vec<_>>()
    })).collect::<Vec<_>>()}});
    let (code, stdout, stderr) = run(&["drift", "--listing", "-"], body.to_string().as_bytes());
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(
        stderr.starts_with("error: <stdin>: listing looks broken, not drifted: 24 of the 26 live public interfaces the spec describes are absent (IAuthenticationService, IBroadcastService, "),
        "{stderr}"
    );
}
