//! Fuzzing the XML and VDF readers and the typed decoding of every operation
//! in both formats (proptest, like `fuzz_decode.rs`).
//!
//! Seeds: every spec example written in XML and VDF by the overview's rules,
//! the recorded JSON bodies written the same way, and the real XML and VDF
//! captures of `../shared/fixtures/formats`. Inputs: arbitrary bytes and
//! byte soups of each format's syntax, the seeds mutated as bytes, and the
//! seeds mutated as JSON before they are written. Properties: no panic, an
//! error is one line, a reader error's position lies inside the input.
//!
//! Long run: `FUZZ_CASES=200000 cargo test --release -p steamspec-tests
//! --test fuzz_formats -- --nocapture --test-threads 1`.

mod support;

use std::collections::BTreeSet;

use proptest::prelude::*;
use serde_json::Value;
use steam_webapi::__private::{__decode_for_fuzz_as, Endpoint};
use steam_webapi::{Error, Format};
use steamspec::wire_formats::{to_vdf, to_xml};
use steamspec_tests::spec_example;
use support::mutate::{all_keys, byte_mutation, json_mutation, mutate, mutate_bytes};
use support::{fixtures_named, fuzz, fuzz_cases};

/// One operation's decode path in a format, type-erased.
struct Op {
    id: String,
    envelope: Option<&'static str>,
    run: fn(u16, &[u8], Format) -> Result<(), Error>,
}

fn op<E>() -> Op
where
    E: Endpoint,
    E::Response: std::fmt::Debug,
{
    let info = E::INFO;
    Op {
        id: format!("{}/{}/v{}", info.interface, info.method, info.version),
        envelope: info.envelope,
        run: |status, body, format| {
            let value = __decode_for_fuzz_as::<E>(status, body, format)?;
            let _ = format!("{value:?}");
            Ok(())
        },
    }
}

fn ops() -> Vec<Op> {
    macro_rules! each {
        ($($request:ty),*) => { vec![$(op::<$request>()),*] };
    }
    // backpack.tf answers in JSON only; its decode path is the same code.
    steam_webapi::__for_each_request!(each)
}

/// Runs one input; an error must print on one line.
fn check(op: &Op, status: u16, body: &[u8], format: Format) {
    if let Err(err) = (op.run)(status, body, format) {
        let text = err.to_string();
        assert!(
            !text.contains('\n'),
            "{} ({format}): not one line: {text}",
            op.id
        );
        let _ = format!("{err:?}");
    }
}

/// A reader's error must be one line and point inside the input.
fn check_reader(format: Format, body: &[u8]) {
    let Some(Err(e)) = format.read_tree(body) else {
        return;
    };
    let text = e.to_string();
    assert!(!text.contains('\n'), "{format}: {text}");
    let lines = body.iter().filter(|b| **b == b'\n').count() + 1;
    assert!(
        e.pos.line >= 1 && e.pos.line as usize <= lines && e.pos.column >= 1,
        "{format}: {text} outside {lines} lines"
    );
}

/// (operation, status, JSON body) of every example and recorded JSON body.
fn json_seeds(ops: &[Op]) -> Vec<(usize, u16, Value)> {
    let model = spec_example::model();
    let mut out = Vec::new();
    for (i, op) in ops.iter().enumerate() {
        let spec_op = model.operations().find(|o| o.id() == op.id).unwrap();
        for example in &spec_op.examples {
            if let Some(body) = &example.response {
                out.push((i, example.status, body.clone()));
            }
        }
        let prefix = op.id.replace('/', ".") + ".";
        for name in fixtures_named(&prefix, ".json") {
            if let Ok(body) = serde_json::from_slice::<Value>(&support::fixture(&name)) {
                out.push((i, 200, body));
            }
        }
    }
    out
}

/// The seeds as XML and VDF bytes, with the real captures.
fn byte_seeds(ops: &[Op]) -> Vec<(usize, u16, Format, Vec<u8>)> {
    let mut out = Vec::new();
    for (i, status, body) in json_seeds(ops) {
        let envelope = ops[i].envelope;
        out.push((i, status, Format::Xml, to_xml(&body, envelope).into_bytes()));
        out.push((i, status, Format::Vdf, to_vdf(&body, envelope).into_bytes()));
    }
    let dir = support::fixtures_dir().join("../formats");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let format = match path.extension().and_then(|e| e.to_str()) {
            Some("xml") => Format::Xml,
            Some("vdf") => Format::Vdf,
            _ => continue,
        };
        let id = name.splitn(4, '.').take(3).collect::<Vec<_>>().join("/");
        if let Some(i) = ops.iter().position(|o| o.id == id) {
            out.push((i, 200, format, std::fs::read(&path).unwrap()));
        }
    }
    out
}

fn format() -> impl Strategy<Value = Format> {
    prop_oneof![Just(Format::Xml), Just(Format::Vdf)]
}

#[test]
fn readers_on_arbitrary_bytes() {
    let soup =
        |alphabet: &[u8]| prop::collection::vec(prop::sample::select(alphabet.to_vec()), 0..512);
    let bytes = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..1024),
        soup(b"<>/?!=\"'&;#x[]CDATA-- \n\tresponseplayer0123abc"),
        soup(b"{}\"\\/ \t\n[]$response0123nt"),
    ];
    fuzz(
        "readers: arbitrary bytes",
        fuzz_cases(3000),
        (format(), bytes),
        |(format, body)| check_reader(format, &body),
    );
}

#[test]
fn typed_decoding_of_arbitrary_bytes() {
    let ops = ops();
    let n = ops.len();
    let bytes = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..256),
        prop::collection::vec(
            prop::sample::select(b"<>/\"{} \nresponse01true".to_vec()),
            0..256
        ),
    ];
    fuzz(
        "typed XML/VDF: arbitrary bytes",
        fuzz_cases(60 * n as u32),
        (0..n, format(), bytes),
        |(i, format, body)| check(&ops[i], 200, &body, format),
    );
}

#[test]
fn mutated_bodies_as_bytes() {
    let ops = ops();
    let seeds = byte_seeds(&ops);
    assert!(seeds.len() >= 120, "{} seeds", seeds.len());
    let n = seeds.len();
    fuzz(
        "typed XML/VDF: mutated bytes",
        fuzz_cases(80 * ops.len() as u32),
        (0..n, prop::collection::vec(byte_mutation(), 1..6)),
        |(seed, mutations)| {
            let (i, status, format, body) = &seeds[seed];
            let mut body = body.clone();
            mutations.iter().for_each(|m| mutate_bytes(&mut body, m));
            check_reader(*format, &body);
            check(&ops[*i], *status, &body, *format);
        },
    );
}

#[test]
fn mutated_bodies_as_json_then_written() {
    let ops = ops();
    let seeds = json_seeds(&ops);
    let mut keys = BTreeSet::new();
    seeds
        .iter()
        .for_each(|(_, _, body)| all_keys(body, &mut keys));
    let keys: Vec<String> = keys.into_iter().collect();
    let n = seeds.len();
    fuzz(
        "typed XML/VDF: mutated JSON, written",
        fuzz_cases(60 * ops.len() as u32),
        (
            0..n,
            prop::collection::vec(json_mutation(keys), 1..5),
            format(),
        ),
        |(seed, mutations, format)| {
            let (i, status, body) = &seeds[seed];
            let mut body = body.clone();
            mutations.iter().for_each(|m| mutate(&mut body, m));
            let envelope = ops[*i].envelope;
            let bytes = match format {
                Format::Xml => to_xml(&body, envelope),
                _ => to_vdf(&body, envelope),
            };
            check(&ops[*i], *status, bytes.as_bytes(), format);
        },
    );
}

#[test]
fn deep_and_odd_bodies_for_every_operation() {
    let ops = ops();
    let bodies: Vec<(Format, String)> = vec![
        (
            Format::Xml,
            format!("<response>{}</response>", "<a>".repeat(100_000)),
        ),
        (Format::Xml, "<a>".repeat(100_000)),
        (
            Format::Xml,
            "<response><x>&unknown;</x></response>".to_owned(),
        ),
        (
            Format::Xml,
            "<!DOCTYPE response [<!ENTITY e \"boom\">]><response>&e;</response>".to_owned(),
        ),
        (Format::Xml, "<response/><response/>".to_owned()),
        (Format::Vdf, "\"response\" {".repeat(100_000)),
        (Format::Vdf, "}".repeat(1000)),
        (
            Format::Vdf,
            "\"response\" { \"players\" { \"99999999999999999999\" { } } }".to_owned(),
        ),
        (Format::Vdf, "\u{feff}response [$X".to_owned()),
    ];
    for op in &ops {
        for (format, body) in &bodies {
            check_reader(*format, body.as_bytes());
            for status in [200, 400, 500] {
                check(op, status, body.as_bytes(), *format);
            }
        }
    }
}

// ---- regressions: what the fuzzing found -------------------------------------

/// Found by `mutated_bodies_as_bytes`: a flipped byte in a closing tag made
/// quick-xml's message quote the input up to the next line, newline
/// included, so the error printed on two lines. Its message is now escaped
/// onto one line.
#[test]
fn regression_a_broken_end_tag_is_reported_on_one_line() {
    let body = b"<?xml version=\"1.0\"?>\n<response>\n<a>1</a>\n</r\n<!DOCTYPE response>";
    let Some(Err(e)) = Format::Xml.read_tree(body) else {
        panic!("must not read");
    };
    let text = e.to_string();
    assert!(!text.contains('\n') && text.contains("\\n"), "{text}");
    for op in &ops() {
        check(op, 200, body, Format::Xml);
    }
}
