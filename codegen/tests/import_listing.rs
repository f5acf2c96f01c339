//! `steamspec import`: every real capture imports into a spec that lints and has no drift from
//! its listing; names the loader would reject are handled; the CLI writes the files.

use std::path::{Path, PathBuf};

mod common;

use common::run_bin;
use steamspec::drift::{self, Date, Listing};
use steamspec::import::{self, ImportError, Imported};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/fixtures/listings")
}

fn parse(bytes: &[u8]) -> Listing {
    drift::listing::parse(bytes).expect("listing parses")
}

fn import_all(l: &Listing, interfaces: &[&str]) -> Imported {
    import::import(
        l,
        &import::Options {
            interfaces: interfaces.iter().map(|s| s.to_string()).collect(),
            listing_name: "listing.json".into(),
        },
    )
    .expect("import")
}

/// Imports, loads (what `lint` does) and drifts the listing against its own import.
fn roundtrip(l: &Listing, interfaces: &[&str]) -> (Imported, drift::Report) {
    let files = import_all(l, interfaces);
    let model = match import::load(&files) {
        Ok(loaded) => {
            assert!(
                loaded.warnings.is_empty(),
                "{:?}",
                loaded
                    .warnings
                    .iter()
                    .map(|w| w.to_string())
                    .collect::<Vec<_>>()
            );
            loaded.model
        }
        Err(e) => panic!("the import does not lint:\n{e}"),
    };
    let opts = drift::Options {
        today: Date::new(2026, 7, 10).unwrap(),
        ..Default::default()
    };
    let r = drift::check(&model, l, &opts).expect("usable");
    (files, r)
}

fn keys(r: &drift::Report) -> Vec<String> {
    r.findings
        .iter()
        .map(|f| format!("{} {} {}", f.rule, f.interface, f.subject()))
        .collect()
}

#[test]
fn every_capture_imports_cleanly() {
    let mut files: Vec<PathBuf> = ["public", "history"]
        .iter()
        .flat_map(|d| std::fs::read_dir(fixtures().join(d)).unwrap())
        .map(|e| e.unwrap().path())
        .collect();
    files.push(fixtures().join("partner-combined.json"));
    files.sort();
    assert_eq!(files.len(), 5 + 82 + 1);
    for f in files {
        let l = parse(&std::fs::read(&f).unwrap());
        let (imported, r) = roundtrip(&l, &[]);
        assert!(!imported.files.is_empty());
        assert!(r.findings.is_empty(), "{}: {:?}", f.display(), keys(&r));
    }
}

#[test]
fn the_2026_import_looks_right() {
    let l = parse(&std::fs::read(fixtures().join("public/2026-07-09.json")).unwrap());
    let files = import_all(&l, &[]);
    assert_eq!(
        files.files.len(),
        26,
        "game-specific interfaces are left out"
    );
    let user = files
        .files
        .iter()
        .find(|f| f.path == "steam/ISteamUser.yaml")
        .unwrap();
    let text = &user.contents;
    assert!(text.starts_with(
        "# yaml-language-server: $schema=../spec.schema.json\ninterface: ISteamUser\nprovider: steam\n"
    ));
    assert!(text.contains("imported:\n  listing: \"listing.json\"\n  todo:\n"));
    assert!(text.contains("  - method: GetPlayerSummaries\n    version: 1\n    http: GET\n"));
    assert!(text.contains(
        "    response:\n      type: json\n      description: The whole body, untyped (imported).\n"
    ));
    assert!(!text.contains("name: key\n"), "the key is the provider's");
    // The credential: required is the default; the listing shows which methods take none
    // (no `key` parameter) and which take an optional one.
    assert!(!text.contains("auth:"), "{text}");
    let file = |p: &str| &files.files.iter().find(|f| f.path == p).unwrap().contents;
    assert!(
        file("steam/ISteamNews.yaml")
            .contains("  - method: GetNewsForApp\n    version: 2\n    http: GET\n    auth: none\n")
    );
    assert!(file("steam/ISteamWebAPIUtil.yaml").contains(
        "  - method: GetSupportedAPIList\n    version: 1\n    http: GET\n    auth: optional\n"
    ));
    // Indexed arrays, messages in a Service interface, enums with their listing note.
    let pf = &files
        .files
        .iter()
        .find(|f| f.path == "steam/IPublishedFileService.yaml")
        .unwrap()
        .contents;
    assert!(pf.contains("        type: json\n"), "{{message}}");
    assert!(pf.contains("listing:\n          type: \"{enum}\"\n"));
    assert!(
        !pf.contains("input: input_json"),
        "the default for a Service"
    );
    let remote = &files
        .files
        .iter()
        .find(|f| f.path == "steam/ISteamRemoteStorage.yaml")
        .unwrap()
        .contents;
    assert!(
        remote.contains(
            "      - name: publishedfileids\n        type: array<uint64>\n        encoding: indexed\n"
        ),
        "{remote}"
    );
}

#[test]
fn shared_method_names_across_interfaces() {
    // Five IEconItems_<appid> interfaces all have GetPlayerItems v1: fine, request types are
    // per interface.
    let l = parse(&std::fs::read(fixtures().join("public/2026-07-09.json")).unwrap());
    let econ: Vec<&str> = l
        .interfaces
        .iter()
        .filter(|i| i.name.starts_with("IEconItems_"))
        .map(|i| i.name.as_str())
        .collect();
    assert!(econ.len() >= 5);
    let (files, r) = roundtrip(&l, &econ);
    let extra: Vec<String> = keys(&r)
        .into_iter()
        .filter(|k| !k.starts_with("interface-added"))
        .collect();
    assert!(extra.is_empty(), "{extra:?}");
    let renamed = files
        .files
        .iter()
        .filter(|f| f.contents.contains("path: \"/IEconItems_"))
        .count();
    assert_eq!(
        renamed, 0,
        "request types are per interface: no renames needed"
    );
    // The whole 2021 capture, game-specific interfaces included (30 shared names).
    let l = parse(&std::fs::read(fixtures().join("public/2021-01-30.json")).unwrap());
    let all: Vec<&str> = l.interfaces.iter().map(|i| i.name.as_str()).collect();
    let (_, r) = roundtrip(&l, &all);
    assert!(r.findings.is_empty(), "{:?}", keys(&r));
}

const ODD: &str = r#"{"apilist":{"interfaces":[
 {"name":"IOddService","methods":[
   {"name":"Get-Thing","version":1,"httpmethod":"GET","parameters":[
     {"name":"key","type":"string","optional":false},
     {"name":"ids[0]","type":"uint64","optional":false,"description":"ids"},
     {"name":"appId","type":"uint32","optional":false},
     {"name":"app_id","type":"uint32","optional":true},
     {"name":"appid","type":"uint32","optional":true},
     {"name":"appid","type":"string","optional":true},
     {"name":"filter","type":"{message}","optional":false},
     {"name":"kind","type":"{enum}","optional":false,"description":"(Optional) the kind"},
     {"name":"blob","type":"rawbinary","optional":true},
     {"name":"ratio","type":"double","optional":true},
     {"name":"type","type":"int32","optional":true},
     {"name":"self","type":"bool","optional":true},
     {"name":"2fa","type":"bool","optional":true},
     {"name":"with space","type":"bool","optional":true}
   ]},
   {"name":"Get_Thing","version":1,"httpmethod":"post","parameters":[]},
   {"name":"GetThing","version":1,"httpmethod":"GET","parameters":[]},
   {"name":"GetThing","version":2,"httpmethod":"GET","parameters":[]},
   {"name":"get thing","version":1,"httpmethod":"GET","parameters":[]},
   {"name":"Head","version":1,"httpmethod":"HEAD","parameters":[]},
   {"name":"1st","version":1,"httpmethod":"GET","parameters":[]}
 ]},
 {"name":"IPlain","methods":[
   {"name":"Find","version":1,"httpmethod":"GET","parameters":[
     {"name":"q","type":"string","optional":false},
     {"name":"q[0]","type":"string","optional":true},
     {"name":"tags[0]","type":"{enum}","optional":true},
     {"name":"query","type":"{message}","optional":true}
   ]},
   {"name":"GetThing","version":1,"httpmethod":"GET","parameters":[]},
   {"name":"GetThingV1","version":1,"httpmethod":"GET","parameters":[]}
 ]},
 {"name":"IOther","methods":[
   {"name":"GetThing","version":1,"httpmethod":"GET","parameters":[
     {"name":"ids[0]","type":"uint32","optional":true}
   ]}
 ]}
]}}"#;

#[test]
fn names_the_loader_rejects_are_handled() {
    let l = parse(ODD.as_bytes());
    let (files, r) = roundtrip(&l, &["IOddService", "IPlain", "IOther"]);
    // Only what the spec cannot hold at all remains: a method whose name cannot be in a URL,
    // one whose HTTP method the format lacks, a parameter name with a space, and the second
    // type of a parameter listed twice (imported with its first; drift compares both).
    assert_eq!(
        keys(&r),
        [
            "parameter-type-changed IOddService Get-Thing v1 appid",
            "parameter-added IOddService Get-Thing v1 with space",
            "method-added IOddService Head v1",
            "method-added IOddService get thing v1",
        ]
    );
    let odd = &files.files[0].contents;
    assert_eq!(files.files[0].path, "steam/IOddService.yaml");
    for want in [
        "  - method: Get_Thing\n    version: 1\n    http: GET\n    path: \"/IOddService/Get-Thing/v1/\"\n",
        "      - name: ids\n        type: array<uint64>\n",
        "      - name: app_id\n        type: uint32\n        optional: true\n        rust_name: app_id_2\n",
        "      - name: filter\n        type: json\n",
        "        listing:\n          type: \"{enum}\"\n",
        "The listing marks it required but describes it as \\\"(Optional)\\\"; imported as optional.",
        "      - name: kind\n        type: int32\n        optional: true\n",
        "        listing:\n          type: \"rawbinary\"\n",
        "        listing:\n          type: \"double\"\n",
        "      - name: \"2fa\"\n",
        "the listing repeats parameter 'appid'",
        "  - method: M1st\n",
    ] {
        assert!(odd.contains(want), "missing {want:?} in\n{odd}");
    }
    assert_eq!(files.files[2].path, "steam/IPlain.yaml");
    let plain = &files.files[2].contents;
    for want in [
        "    input: input_json\n",
        "      - name: \"q[0]\"\n        type: string\n",
        "      - name: tags\n        type: array<int32>\n",
    ] {
        assert!(plain.contains(want), "missing {want:?} in\n{plain}");
    }
    assert!(!plain.contains("encoding: indexed"), "input_json: {plain}");
    // Request type names are unique per interface: IOddService's Get-Thing took
    // GetThingRequest, so its Get_Thing (the same Rust name) gets a spec name prefixed with the
    // interface, and its path keeps the listed name. Other interfaces keep theirs.
    for want in [
        // The test listing lists no `key`: the method takes none.
        "  - method: IOddService_Get_Thing\n    version: 1\n    http: POST\n    auth: none\n    path: \"/IOddService/Get_Thing/v1/\"\n",
        "  - method: GetThing\n    version: 2\n",
    ] {
        assert!(odd.contains(want), "missing {want:?} in\n{odd}");
    }
    let other = &files.files[1].contents;
    assert!(
        other.contains(
            "  - method: GetThing\n    version: 1\n    http: GET\n    auth: none\n    description:"
        ),
        "{other}"
    );
    assert!(!other.contains("path:"), "{other}");
    assert!(!plain.contains("path:"), "{plain}");
}

#[test]
fn unknown_interface_is_an_error() {
    let l = parse(ODD.as_bytes());
    let e = import::import(
        &l,
        &import::Options {
            interfaces: vec!["IPlane".into()],
            listing_name: "x".into(),
        },
    )
    .unwrap_err();
    assert_eq!(
        e,
        ImportError::UnknownInterface(
            "the listing has no interface 'IPlane' (did you mean 'IPlain'?)".into()
        )
    );
}

#[test]
fn cli_import_then_lint_then_drift() {
    let out = std::env::temp_dir().join(format!("steamspec-import-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let listing = fixtures().join("public/2025-11-05.json");
    let run = run_bin;
    let (l, o) = (listing.to_str().unwrap(), out.to_str().unwrap());
    let (c, stdout, stderr) = run(&["import", "--listing", l, "--out", o]);
    assert_eq!(c, 0, "{stderr}");
    assert!(
        stdout.ends_with("wrote 26 spec file(s) under steam/\n"),
        "{stdout}"
    );
    assert!(out.join("steam/ISteamApps.yaml").is_file());
    let (c, stdout, stderr) = run(&["lint", "--spec", o]);
    assert_eq!(c, 0, "{stderr}");
    assert!(stdout.contains("26 interfaces, 101 operations"), "{stdout}");
    let (c, stdout, _) = run(&["drift", "--spec", o, "--listing", l, "--fail-on", "info"]);
    assert_eq!(c, 0, "{stdout}");
    let next = fixtures().join("public/2025-11-13.json");
    let (c, stdout, _) = run(&[
        "drift",
        "--spec",
        o,
        "--listing",
        next.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(c, 1);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["summary"]["breaking"], 2);
    // One interface only.
    let one = out.join("one");
    let (c, _, _) = run(&[
        "import",
        "--listing",
        l,
        "--out",
        one.to_str().unwrap(),
        "--interface",
        "ISteamApps",
    ]);
    assert_eq!(c, 0);
    assert_eq!(std::fs::read_dir(one.join("steam")).unwrap().count(), 1);
    let (c, _, stderr) = run(&[
        "import",
        "--listing",
        l,
        "--out",
        o,
        "--interface",
        "ISteamAps",
    ]);
    assert_eq!(c, 2);
    assert!(stderr.contains("did you mean 'ISteamApps'?"), "{stderr}");
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn cli_import_refuses_to_overwrite_hand_written_files() {
    let out = std::env::temp_dir().join(format!("steamspec-import-keep-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(out.join("steam")).unwrap();
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/steam/ISteamUser.yaml");
    let hand = std::fs::read(&spec).unwrap();
    let target = out.join("steam/ISteamUser.yaml");
    std::fs::write(&target, &hand).unwrap();
    let listing = fixtures().join("public/2026-07-09.json");
    let (l, o) = (listing.to_str().unwrap(), out.to_str().unwrap());
    let import = |names: &[&str]| {
        let mut args = vec!["import", "--listing", l, "--out", o];
        for n in names {
            args.extend(["--interface", n]);
        }
        run_bin(&args)
    };
    // Refused, named, and nothing written: not even the interface that had no file yet.
    let (c, _, stderr) = import(&["ISteamApps", "ISteamUser"]);
    assert_eq!(c, 2, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{}: exists and was not written by `steamspec import`",
            target.display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(std::fs::read(&target).unwrap(), hand);
    assert!(!out.join("steam/ISteamApps.yaml").exists());
    // An earlier import is overwritten as before.
    let (c, _, stderr) = import(&["ISteamApps"]);
    assert_eq!(c, 0, "{stderr}");
    let (c, _, stderr) = import(&["ISteamApps"]);
    assert_eq!(c, 0, "{stderr}");
    let _ = std::fs::remove_dir_all(&out);
}
