//! The loader never panics and never hangs, whatever the input: arbitrary text, YAML-ish
//! token soups, and random mutations of the project's real spec files all end in `Ok` or
//! `Err`.
//!
//! Each property runs inside a watchdog: a hang fails the test instead of stalling CI.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::mpsc;
use std::time::Duration;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use steamspec::load::{BUILTIN_PROVIDERS, Source, load_sources};

/// Generous for a debug build on a busy 2-core machine; a real hang never finishes.
const WATCHDOG: Duration = Duration::from_secs(120);

fn config(cases: u32) -> Config {
    Config {
        cases,
        // Shrinking a slow input can take long; the first minimal-ish case is enough.
        max_shrink_iters: 200,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Runs `f` on another thread and fails if it does not finish in time (or panics).
fn with_watchdog(name: &str, f: impl FnOnce() + Send + 'static) {
    let (tx, rx) = mpsc::channel();
    let handle = std::thread::Builder::new()
        .name(name.into())
        .spawn(move || {
            f();
            let _ = tx.send(());
        })
        .expect("spawn property thread");
    // A long run (FUZZ_CASES) takes as long as it takes.
    let watchdog = if std::env::var_os("FUZZ_CASES").is_some() {
        Duration::from_secs(24 * 3600)
    } else {
        WATCHDOG
    };
    match rx.recv_timeout(watchdog) {
        Ok(()) => {}
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            // The thread ended without sending: it panicked; show its message.
            if let Err(e) = handle.join() {
                std::panic::resume_unwind(e);
            }
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{name}: the loader did not finish within {watchdog:?} (hang?)")
        }
    }
}

fn builtin() -> Source {
    Source {
        name: "providers.yaml".into(),
        text: BUILTIN_PROVIDERS.into(),
    }
}

fn iface(text: String) -> Source {
    Source {
        name: "steam/ISteamFuzz.yaml".into(),
        text,
    }
}

/// The loader's answer: either is fine, a panic is not. Touches the result so nothing is
/// optimized away and `Display` of every diagnostic runs too.
fn load(providers: Source, files: Vec<Source>) {
    match load_sources(providers, files) {
        Ok(l) => {
            for w in &l.warnings {
                let _ = w.to_string();
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
}

fn run<S>(name: &str, cases: u32, strategy: S, test: fn(S::Value))
where
    S: Strategy + Send + 'static,
    S::Value: std::fmt::Debug,
{
    let name = name.to_string();
    // `FUZZ_CASES=N`: a long run (see generated/README.md, Fuzzing).
    let cases = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    with_watchdog(&name.clone(), move || {
        let start = std::time::Instant::now();
        let mut runner = TestRunner::new(config(cases));
        if let Err(e) = runner.run(&strategy, |v| {
            test(v);
            Ok(())
        }) {
            panic!("{name}: {e}");
        }
        eprintln!("fuzz {name}: {cases} cases in {:.1?}", start.elapsed());
    });
}

#[test]
fn arbitrary_text_never_panics() {
    // Any characters at all, control characters and newlines included.
    let text = prop::collection::vec(any::<char>(), 0..300).prop_map(String::from_iter);
    run("arbitrary interface file", 1000, text.clone(), |t| {
        load(builtin(), vec![iface(t)])
    });
    run("arbitrary providers file", 300, text, |t| {
        load(
            Source {
                name: "providers.yaml".into(),
                text: t,
            },
            Vec::new(),
        )
    });
}

/// Pieces of YAML and of the spec format, to make inputs that get past the parser.
const TOKENS: &[&str] = &[
    "interface: ISteamHub\n",
    "provider: steam\n",
    "provider: backpacktf\n",
    "operations:\n",
    "types:\n",
    "  Hub:\n",
    "    fields:\n",
    "    enum:\n",
    "      repr: integer\n",
    "      values: [{value: 1, name: A}, {value: 1}]\n",
    "      x: {type: ",
    "array<",
    "map<",
    "uint64, ",
    ">",
    "Hub",
    "steamid",
    "float",
    "}\n",
    "  - method: GetHub\n",
    "    version: 1\n",
    "    http: GET\n",
    "    description: d\n",
    "    input: input_json\n",
    "    visibility: publisher\n",
    "    path: /{interface}/{\n",
    "    parameters:\n",
    "      - {name: key, type: uint32, encoding: json}\n",
    "      - {name: a, type: Hub, optional: true, constraints: {min: 5, max: 1, pattern: '(?'}}\n",
    "    rules: [{at_least_one_of: [a, b]}, {required_if: []}]\n",
    "    response: {envelope: response, fields: {n: {type: uint32, wire: either}}}\n",
    "    response: {type: json, name: X}\n",
    "    errors: {kind: success_code, field: s, codes: [{value: 1, name: Bad}]}\n",
    "    examples:\n",
    "      - {name: e, request: {a: {}}, response: {response: {n: \"18446744073709551616\"}}}\n",
    "      - {name: e, status: 500, response: [1, [2, [3]]]}\n",
    "constraints: {items: {items: {items: {max_items: 1}}}}\n",
    "- ",
    "  ",
    "\t",
    "\n",
    "{",
    "}",
    "[",
    "]",
    ", ",
    ": ",
    "\"",
    "'",
    "&a ",
    "*a",
    "!!str ",
    "!!binary ",
    "? ",
    "<<: *a\n",
    "---\n",
    "...\n",
    "# c\n",
    "|\n",
    ">-\n",
    "~",
    "null",
    "1e400",
    "-0",
    "0x1F",
    "340282366920938463463374607431768211456",
    ".nan",
    "%YAML 1.2\n",
    "\u{feff}",
    "é",
];

#[test]
fn token_soup_never_panics() {
    let soup = prop::collection::vec(prop::sample::select(TOKENS), 0..60).prop_map(|t| t.concat());
    run("token soup", 1000, soup, |t| {
        load(builtin(), vec![iface(t)])
    });
}

/// The project's spec files (providers.yaml first), read once.
fn real_files() -> &'static [(String, String)] {
    static FILES: OnceLock<Vec<(String, String)>> = OnceLock::new();
    FILES.get_or_init(|| {
        let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
        let mut paths = vec![spec.join("providers.yaml")];
        let mut rest = Vec::new();
        collect_yaml(&spec, &mut rest);
        rest.sort();
        rest.retain(|p| !p.ends_with("providers.yaml"));
        paths.extend(rest);
        paths
            .into_iter()
            .map(|p| {
                let text =
                    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
                let name = p
                    .strip_prefix(&spec)
                    .unwrap_or(&p)
                    .to_string_lossy()
                    .replace('\\', "/");
                (name, text)
            })
            .collect()
    })
}

fn collect_yaml(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let p = e.expect("folder entry").path();
        if p.is_dir() {
            collect_yaml(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml") {
            out.push(p);
        }
    }
}

/// One edit; positions are fractions of the text so they fit any file.
#[derive(Clone, Debug)]
enum Mutation {
    FlipByte { at: f64, bit: u8 },
    SetByte { at: f64, byte: u8 },
    Delete { at: f64, len: usize },
    DuplicateLine { at: f64 },
    DeleteLine { at: f64 },
    SwapLines { a: f64, b: f64 },
    Indent { at: f64, spaces: usize },
    Insert { at: f64, token: &'static str },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = 0.0..1.0f64;
    prop_oneof![
        (at.clone(), 0u8..8).prop_map(|(at, bit)| Mutation::FlipByte { at, bit }),
        (at.clone(), any::<u8>()).prop_map(|(at, byte)| Mutation::SetByte { at, byte }),
        (at.clone(), 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        at.clone().prop_map(|at| Mutation::DuplicateLine { at }),
        at.clone().prop_map(|at| Mutation::DeleteLine { at }),
        (at.clone(), at.clone()).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
        (at.clone(), 1usize..5).prop_map(|(at, spaces)| Mutation::Indent { at, spaces }),
        (at, prop::sample::select(TOKENS)).prop_map(|(at, token)| Mutation::Insert { at, token }),
    ]
}

fn index(at: f64, len: usize) -> usize {
    ((at * len as f64) as usize).min(len.saturating_sub(1))
}

fn apply(text: &str, muts: &[Mutation]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for m in muts {
        let mut lines: Vec<Vec<u8>> = bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
        match *m {
            Mutation::FlipByte { at, bit } if !bytes.is_empty() => {
                let i = index(at, bytes.len());
                bytes[i] ^= 1 << bit;
                continue;
            }
            Mutation::SetByte { at, byte } if !bytes.is_empty() => {
                let i = index(at, bytes.len());
                bytes[i] = byte;
                continue;
            }
            Mutation::Delete { at, len } if !bytes.is_empty() => {
                let i = index(at, bytes.len());
                let j = (i + len).min(bytes.len());
                bytes.drain(i..j);
                continue;
            }
            Mutation::Insert { at, token } => {
                let i = index(at, bytes.len() + 1).min(bytes.len());
                bytes.splice(i..i, token.bytes());
                continue;
            }
            Mutation::DuplicateLine { at } => {
                let i = index(at, lines.len());
                let l = lines[i].clone();
                lines.insert(i, l);
            }
            Mutation::DeleteLine { at } if lines.len() > 1 => {
                lines.remove(index(at, lines.len()));
            }
            Mutation::SwapLines { a, b } => {
                let (a, b) = (index(a, lines.len()), index(b, lines.len()));
                lines.swap(a, b);
            }
            Mutation::Indent { at, spaces } => {
                let i = index(at, lines.len());
                lines[i].splice(0..0, std::iter::repeat_n(b' ', spaces));
            }
            _ => continue,
        }
        bytes = lines.join(&b'\n');
    }
    // Invalid UTF-8 is caught before parsing (see `load::read`); the parser sees text.
    String::from_utf8_lossy(&bytes).into_owned()
}

fn mutated_spec() -> impl Strategy<Value = (usize, Vec<Mutation>)> {
    (
        0..real_files().len(),
        prop::collection::vec(mutation(), 1..6),
    )
}

/// Loads one real file mutated, with the real providers.yaml; or (`which` 0) providers.yaml
/// mutated, with one real interface file. Every real file loads alone (checked below), so a
/// single file reaches every check while costing a fraction of the whole spec.
fn load_mutated((which, muts): (usize, Vec<Mutation>)) {
    let files = real_files();
    let source = |i: usize, mutate: bool| Source {
        name: files[i].0.clone(),
        text: if mutate {
            apply(&files[i].1, &muts)
        } else {
            files[i].1.clone()
        },
    };
    if which == 0 {
        load(source(0, true), vec![source(1, false)]);
    } else {
        load(source(0, false), vec![source(which, true)]);
    }
}

#[test]
fn mutated_real_specs_never_panic() {
    // Unmutated, the real spec loads: the mutations start from something valid.
    let files = real_files();
    assert!(files.len() > 2, "spec/ files not found");
    let source = |i: usize| Source {
        name: files[i].0.clone(),
        text: files[i].1.clone(),
    };
    for (i, (name, _)) in files.iter().enumerate().skip(1) {
        if let Err(e) = load_sources(source(0), vec![source(i)]) {
            panic!("{name} does not load alone, unmutated:\n{e}");
        }
    }
    run("mutated spec", 800, mutated_spec(), load_mutated);
}
