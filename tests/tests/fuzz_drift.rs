//! Fuzzing the drift checker through its public API (`steamspec::drift`):
//! the listing parser on arbitrary bytes, listing-shaped JSON and mutations
//! of the real captures in `../shared/fixtures/listings`, each checked
//! against the project's spec and, when it is a report, rendered in every
//! format. Properties: no panic; an error is printable; the JSON format is
//! JSON; the exit code is 0 or 1.
//!
//! Long run: `FUZZ_CASES=20000 cargo test --release -p steamspec-tests
//! --test fuzz_drift -- --nocapture --test-threads 1` (cases per target).

mod support;

use std::collections::BTreeSet;
use std::path::PathBuf;

use proptest::prelude::*;
use serde_json::{Value, json};
use steamspec::drift::format::{Format, render};
use steamspec::drift::{Date, FailOn, Options, check_bytes, listing};
use steamspec_tests::spec_example::model;
use support::mutate::{all_keys, byte_mutation, json_mutation, json_value, mutate, mutate_bytes};
use support::{fuzz, fuzz_cases};

fn listings_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/fixtures/listings"
    ))
}

/// The captures mutated: the partner view and two public ones (the
/// history's 80 captures are the same shape; their size would only slow the
/// run down).
fn real_listings() -> Vec<(String, Value)> {
    let dir = listings_dir();
    [
        "partner-combined.json",
        "public/2021-01-30.json",
        "public/2026-07-09.json",
    ]
    .into_iter()
    .map(|name| {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        let value = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        (name.to_owned(), value)
    })
    .collect()
}

fn options() -> Options<'static> {
    Options {
        today: Date::new(2026, 7, 10).unwrap(),
        ..Options::default()
    }
}

/// Parse, check, render: whatever comes back must be usable.
fn drift(bytes: &[u8]) {
    let parsed = listing::parse(bytes);
    match check_bytes(model(), bytes, &options()) {
        Err(e) => {
            let _ = format!("{e} {e:?}");
        }
        Ok(report) => {
            assert!(
                parsed.is_ok(),
                "a report from a listing that does not parse"
            );
            for fail_on in [
                FailOn::Breaking,
                FailOn::Warning,
                FailOn::Info,
                FailOn::Never,
            ] {
                assert!(report.exit_code(fail_on) <= 1);
                for format in [
                    Format::Text,
                    Format::Json,
                    Format::Markdown,
                    Format::Github,
                    Format::Junit,
                ] {
                    let out = render(&report, format, fail_on);
                    if format == Format::Json {
                        serde_json::from_str::<Value>(&out)
                            .unwrap_or_else(|e| panic!("json format is not JSON ({e}):\n{out}"));
                    }
                }
            }
        }
    }
}

#[test]
fn real_listings_are_checked_unmutated() {
    for (name, value) in real_listings() {
        let bytes = serde_json::to_vec(&value).unwrap();
        listing::parse(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        drift(&bytes);
    }
}

#[test]
fn arbitrary_bytes() {
    let bytes = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..1024),
        prop::collection::vec(
            prop::sample::select(
                b"{}[]\":,0123456789.-tfnul apilistinterfacesmethodsnameversionhttpmethodparameterstypeoptional"
                    .to_vec()
            ),
            0..512
        ),
    ];
    fuzz("drift: arbitrary bytes", fuzz_cases(2000), bytes, |b| {
        drift(&b)
    });
}

/// Listing-shaped JSON: the right skeleton with arbitrary leaves, names from
/// the spec's own interfaces and methods part of the time.
fn listing_like() -> impl Strategy<Value = Value> {
    let names: Vec<String> = model()
        .operations()
        .flat_map(|o| [o.interface.clone(), o.method.clone()])
        .chain(["IEconItems_440", "ISteamApps", "", "x[0]"].map(String::from))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let name = prop_oneof![
        3 => prop::sample::select(names),
        1 => "\\PC{0,10}",
    ];
    let leaf = json_value(vec!["name".into(), "type".into()]);
    let param = (
        name.clone(),
        prop::sample::select(vec![
            "uint32",
            "uint64",
            "string",
            "bool",
            "{message}",
            "{enum}",
            "rawbinary",
            "int32",
            "float",
            "weird",
        ]),
        any::<bool>(),
        prop::option::of("\\PC{0,20}"),
    )
        .prop_map(|(n, t, o, d)| {
            let mut p = json!({"name": n, "type": t, "optional": o});
            if let Some(d) = d {
                p["description"] = json!(d);
            }
            p
        });
    let method = (
        name.clone(),
        prop_oneof![3 => (0u64..4).prop_map(Value::from), 1 => leaf.clone()],
        prop::sample::select(vec!["GET", "POST", "PUT", "DELETE", "get", "OPTIONS", ""]),
        prop::collection::vec(param, 0..5),
    )
        .prop_map(
            |(n, v, h, ps)| json!({"name": n, "version": v, "httpmethod": h, "parameters": ps}),
        );
    let interface = (name, prop::collection::vec(method, 0..5))
        .prop_map(|(n, ms)| json!({"name": n, "methods": ms}));
    prop::collection::vec(interface, 0..12).prop_map(|is| json!({"apilist": {"interfaces": is}}))
}

#[test]
fn listing_shaped_json() {
    fuzz(
        "drift: listing-shaped JSON",
        fuzz_cases(500),
        listing_like(),
        |v| drift(&serde_json::to_vec(&v).unwrap()),
    );
}

#[test]
fn mutated_real_listings() {
    let listings = real_listings();
    let mut keys = BTreeSet::new();
    listings.iter().for_each(|(_, v)| all_keys(v, &mut keys));
    let keys: Vec<String> = keys.into_iter().collect();
    let n = listings.len();
    fuzz(
        "drift: mutated listings (JSON)",
        fuzz_cases(250),
        (0..n, prop::collection::vec(json_mutation(keys), 1..6)),
        |(i, mutations)| {
            let mut value = listings[i].1.clone();
            mutations.iter().for_each(|m| mutate(&mut value, m));
            drift(&serde_json::to_vec(&value).unwrap());
        },
    );
    // Byte-level, on the small partner capture.
    let small: Vec<Vec<u8>> = listings
        .iter()
        .filter(|(name, _)| name.starts_with("partner"))
        .map(|(_, v)| serde_json::to_vec_pretty(v).unwrap())
        .collect();
    fuzz(
        "drift: mutated listings (bytes)",
        fuzz_cases(400),
        (0..small.len(), prop::collection::vec(byte_mutation(), 1..6)),
        |(i, mutations)| {
            let mut bytes = small[i].clone();
            mutations.iter().for_each(|m| mutate_bytes(&mut bytes, m));
            drift(&bytes);
        },
    );
}
