//! Typed decoding (issue 8.4): the runtime's real decode path
//! (`__private::__decode_for_fuzz::<E>`: status check, envelope, success code,
//! typed decode) against plain serde_json.
//!
//! - `examples-*`: every 2xx example response of the spec (all operations), each
//!   through the runtime, and each through plain `serde_json::from_slice` of the
//!   same generated type from the body inside the envelope (no envelope, no
//!   success-code check): what the runtime adds on top of serde_json. `all`, then
//!   split into the operations that report errors by HTTP status and those with a
//!   success code in the body (ISteamHub); the bodies are written from
//!   `serde_json::Value` (keys sorted), and `success-code-first` writes the code
//!   first, as the docs and Steam do.
//! - `owned_games_10k`: a synthetic `IPlayerService/GetOwnedGames` body with
//!   10,000 games and every field the recordings show; the runtime against
//!   serde_json into a hand-written struct with the same fields (plain `u32`,
//!   `Option<String>`, ...) and into the generated type wrapped in a plain
//!   envelope struct.
//! - `supported_api_list`: the largest real listing
//!   (`listings/public/2021-01-30.json`, 152 KB), the same three ways.
//! - `player_summaries_100`: 100 players with every field, the same three ways.
//!
//! Run: `cargo bench -p steam-webapi --bench decode -- --warm-up-time 1 --measurement-time 3`
//!
//! With `DECODE_INSTRUCTIONS=<body>/<path>` (`players/runtime`, `listing/plain_struct`, ...)
//! the binary instead runs that one path of one of the three large bodies, once, in a function
//! of its own (`instructions::once_*`) for callgrind to count (BENCHMARKS.md, decoding).

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group};
use serde::Deserialize;
use serde::de::DeserializeOwned;

#[path = "common/bodies.rs"]
mod bodies;
#[path = "common/plain_player.rs"]
mod plain_player;
use bodies::{owned_games_body, player_summaries_body};
use plain_player::PlainPlayers;
use steam_webapi::__private::{__decode_for_fuzz, Endpoint, ErrorModel};
use steam_webapi::iplayer_service as ps;
use steam_webapi::isteam_user as user;
use steam_webapi::isteam_web_api_util as util;

/// One operation's two decode paths, type-erased.
#[derive(Clone)]
struct Op {
    id: String,
    envelope: Option<&'static str>,
    /// The success-code field, for operations that report errors with one.
    code_field: Option<&'static str>,
    runtime: fn(&[u8]) -> bool,
    plain: fn(&[u8]) -> bool,
}

fn op<E: Endpoint>() -> Op {
    let info = E::INFO;
    Op {
        id: format!("{}/{}/v{}", info.interface, info.method, info.version),
        envelope: info.envelope,
        code_field: match info.errors {
            ErrorModel::SuccessCode { field, .. } => Some(field),
            _ => None,
        },
        runtime: |body| black_box(__decode_for_fuzz::<E>(200, body)).is_ok(),
        plain: |inner| black_box(serde_json::from_slice::<E::Response>(inner)).is_ok(),
    }
}

/// Every operation of the spec (the generated crate's list, so it stays complete).
fn ops() -> Vec<Op> {
    macro_rules! each {
        ($($request:ty),*) => {
            vec![$(op::<$request>()),*]
        };
    }
    steam_webapi::__for_each_request!(each)
}

/// `{"<field>":<value>,...rest}`: an object written with `field` first, as the docs and
/// Steam write the success code (serde_json's `Value` sorts keys).
fn field_first(obj: &serde_json::Value, field: &str) -> Vec<u8> {
    let map = obj.as_object().expect("an object");
    let mut out = format!("{{{}:{}", serde_json::to_string(field).unwrap(), map[field]);
    for (k, v) in map.iter().filter(|(k, _)| *k != field) {
        out.push(',');
        out.push_str(&serde_json::to_string(k).unwrap());
        out.push(':');
        out.push_str(&v.to_string());
    }
    out.push('}');
    out.into_bytes()
}

/// One example: its operation, the whole body, the body inside the envelope.
type Example = (Op, Vec<u8>, Vec<u8>);

/// A named subset of the examples.
type Group<'a> = (&'static str, &'a [Example], fn(&Op) -> bool);

/// (operation, whole body, body inside the envelope) of every 2xx example that the
/// runtime decodes (a success-code example with a failure code is left out). Keys are
/// in sorted order (serde_json's `Value`); with `code_first`, the success code comes
/// first in the object that holds it, as in the docs.
fn examples(code_first: bool) -> Vec<Example> {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    let model = steamspec::load_dir(&spec).expect("spec/ loads").model;
    let mut out = Vec::new();
    let mut ids = std::collections::BTreeSet::new();
    for o in ops() {
        let spec_op = model
            .operations()
            .find(|s| s.id() == o.id)
            .unwrap_or_else(|| panic!("{} is not in spec/", o.id));
        ids.insert(o.id.clone());
        for ex in &spec_op.examples {
            let Some(body) = &ex.response else { continue };
            if !(200..300).contains(&ex.status) {
                continue;
            }
            let inner = match o.envelope {
                Some(key) => &body[key],
                None => body,
            };
            let whole = match (code_first, o.code_field, o.envelope) {
                (true, Some(field), Some(key)) => {
                    let mut w = format!("{{{}:", serde_json::to_string(key).unwrap()).into_bytes();
                    w.extend(field_first(inner, field));
                    w.push(b'}');
                    w
                }
                (true, Some(field), None) => field_first(body, field),
                _ => serde_json::to_vec(body).unwrap(),
            };
            let inner = match (code_first, o.code_field) {
                (true, Some(field)) => field_first(inner, field),
                _ => serde_json::to_vec(inner).unwrap(),
            };
            if !(o.runtime)(&whole) {
                continue;
            }
            assert!((o.plain)(&inner), "{} example {}", o.id, ex.name);
            out.push((o.clone(), whole, inner));
        }
    }
    let all: std::collections::BTreeSet<String> = model.operations().map(|o| o.id()).collect();
    assert_eq!(ids, all, "the bench lists every operation of spec/");
    out
}

// ---------------------------------------------------------------------------
// Plain hand-written structs: the same fields, no lenient numbers, no enums.

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainEnvelope<T> {
    response: T,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainOwnedGames {
    game_count: Option<u32>,
    games: Option<Vec<PlainOwnedGame>>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainOwnedGame {
    appid: u32,
    name: Option<String>,
    playtime_2weeks: Option<u32>,
    playtime_forever: u32,
    img_icon_url: Option<String>,
    img_logo_url: Option<String>,
    has_community_visible_stats: Option<bool>,
    playtime_windows_forever: Option<u32>,
    playtime_mac_forever: Option<u32>,
    playtime_linux_forever: Option<u32>,
    playtime_deck_forever: Option<u32>,
    rtime_last_played: Option<u32>,
    playtime_disconnected: Option<u32>,
    content_descriptorids: Option<Vec<u32>>,
    has_leaderboards: Option<bool>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainApiListEnvelope {
    apilist: PlainApiList,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainApiList {
    interfaces: Vec<PlainInterface>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainInterface {
    name: String,
    methods: Vec<PlainMethod>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainMethod {
    name: String,
    version: u32,
    httpmethod: String,
    description: Option<String>,
    parameters: Vec<PlainParameter>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainParameter {
    name: String,
    #[serde(rename = "type")]
    param_type: String,
    optional: bool,
    description: Option<String>,
}

/// The generated type inside a plain envelope struct: serde_json with no runtime.
#[derive(Deserialize)]
struct Env<T> {
    response: T,
}

#[derive(Deserialize)]
struct ApiListEnv<T> {
    apilist: T,
}

// ---------------------------------------------------------------------------
// Synthetic bodies: common/bodies.rs, shared with the formats bench.

fn listing_body() -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/fixtures/listings/public/2021-01-30.json");
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// ---------------------------------------------------------------------------

fn three_ways<E, P>(c: &mut Criterion, name: &str, body: &[u8])
where
    E: Endpoint,
    P: DeserializeOwned,
{
    // Each path must accept the body, or the comparison means nothing.
    __decode_for_fuzz::<E>(200, body).unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_json::from_slice::<P>(body).unwrap_or_else(|e| panic!("{name} plain: {e}"));
    let mut g = c.benchmark_group(format!("decode/{name}"));
    g.throughput(Throughput::Bytes(body.len() as u64));
    g.bench_function("runtime", |b| {
        b.iter(|| __decode_for_fuzz::<E>(200, black_box(body)).unwrap())
    });
    g.bench_function("serde_json-generated-type", |b| match E::INFO.envelope {
        Some("response") => b.iter(|| {
            serde_json::from_slice::<Env<E::Response>>(black_box(body))
                .unwrap()
                .response
        }),
        Some("apilist") => b.iter(|| {
            serde_json::from_slice::<ApiListEnv<E::Response>>(black_box(body))
                .unwrap()
                .apilist
        }),
        other => panic!("envelope {other:?}"),
    });
    g.bench_function("serde_json-plain-struct", |b| {
        b.iter(|| serde_json::from_slice::<P>(black_box(body)).unwrap())
    });
    g.finish();
}

fn bench(c: &mut Criterion) {
    let docs_order = examples(true);
    let examples = examples(false);
    let bytes: usize = examples.iter().map(|(_, w, _)| w.len()).sum();
    eprintln!(
        "decode/examples: {} example bodies of {} operations, {bytes} bytes",
        examples.len(),
        examples
            .iter()
            .map(|(o, _, _)| &o.id)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    );
    let groups: [Group; 4] = [
        ("all", &examples, |_| true),
        ("http-status", &examples, |o| o.code_field.is_none()),
        ("success-code", &examples, |o| o.code_field.is_some()),
        ("success-code-first", &docs_order, |o| {
            o.code_field.is_some()
        }),
    ];
    for (name, examples, keep) in groups {
        let set: Vec<_> = examples.iter().filter(|(o, _, _)| keep(o)).collect();
        eprintln!("decode/examples/{name}: {} bodies", set.len());
        let mut g = c.benchmark_group(format!("decode/examples-{name}"));
        g.throughput(Throughput::Elements(set.len() as u64));
        g.bench_function("runtime", |b| {
            b.iter(|| {
                set.iter()
                    .filter(|(o, whole, _)| (o.runtime)(whole))
                    .count()
            })
        });
        g.bench_function("serde_json-generated-type", |b| {
            b.iter(|| set.iter().filter(|(o, _, inner)| (o.plain)(inner)).count())
        });
        g.finish();
    }

    // Per operation, for the ones whose example bodies are the largest.
    let mut g = c.benchmark_group("decode/example");
    for (o, whole, inner) in examples.iter().filter(|(_, w, _)| w.len() >= 1500) {
        let label = format!("{}-{}B", o.id.replace('/', "."), whole.len());
        g.bench_with_input(BenchmarkId::new("runtime", &label), whole, |b, w| {
            b.iter(|| (o.runtime)(w))
        });
        g.bench_with_input(
            BenchmarkId::new("serde_json-generated-type", &label),
            inner,
            |b, i| b.iter(|| (o.plain)(i)),
        );
    }
    g.finish();

    let owned = owned_games_body(10_000);
    eprintln!("decode/owned_games_10k: {} bytes", owned.len());
    three_ways::<ps::GetOwnedGamesRequest, PlainEnvelope<PlainOwnedGames>>(
        c,
        "owned_games_10k",
        &owned,
    );

    let listing = listing_body();
    three_ways::<util::GetSupportedAPIListRequest, PlainApiListEnvelope>(
        c,
        "supported_api_list",
        &listing,
    );

    let players = player_summaries_body(100);
    eprintln!("decode/player_summaries_100: {} bytes", players.len());
    three_ways::<user::GetPlayerSummariesRequest, PlainEnvelope<PlainPlayers>>(
        c,
        "player_summaries_100",
        &players,
    );
}

// ---------------------------------------------------------------------------

/// One path of one of the three large bodies, once, in a function of its own, for callgrind
/// (`DECODE_INSTRUCTIONS=<body>/<path>`; BENCHMARKS.md, decoding). Instruction counts do not move with the
/// machine's load, which on a shared host can swing the timings above by 20%.
mod instructions {
    use super::*;

    type Owned = ps::GetOwnedGamesRequest;
    type Listing = util::GetSupportedAPIListRequest;
    type Players = user::GetPlayerSummariesRequest;
    /// One way of decoding a body.
    type DecodePath = fn(&[u8]);

    // Inlined into each counted function: a counted function that only jumps to another one
    // (a tail call) is not seen by callgrind's toggle.
    #[inline(always)]
    fn runtime<E: Endpoint>(body: &[u8]) {
        drop(black_box(
            __decode_for_fuzz::<E>(200, black_box(body)).unwrap(),
        ));
    }

    #[inline(always)]
    fn plain<P: DeserializeOwned>(body: &[u8]) {
        drop(black_box(
            serde_json::from_slice::<P>(black_box(body)).unwrap(),
        ));
    }

    /// The counted functions: callgrind's toggle matches them by name (`once_*`).
    macro_rules! counted {
        ($($name:ident: $call:expr;)*) => {
            $(
                #[inline(never)]
                fn $name(b: &[u8]) {
                    $call(b)
                }
            )*
        };
    }

    counted! {
        once_owned_games_runtime: runtime::<Owned>;
        once_owned_games_generated_type: plain::<Env<<Owned as Endpoint>::Response>>;
        once_owned_games_plain_struct: plain::<PlainEnvelope<PlainOwnedGames>>;
        once_listing_runtime: runtime::<Listing>;
        once_listing_generated_type: plain::<ApiListEnv<<Listing as Endpoint>::Response>>;
        once_listing_plain_struct: plain::<PlainApiListEnvelope>;
        once_players_runtime: runtime::<Players>;
        once_players_generated_type: plain::<Env<<Players as Endpoint>::Response>>;
        once_players_plain_struct: plain::<PlainEnvelope<PlainPlayers>>;
    }

    /// Runs the one path `which` names (`owned_games/runtime`, `listing/plain_struct`, ...): one
    /// counted function per process, so callgrind's total is that function's count.
    pub fn run(which: &str) {
        let (case, path) = which.split_once('/').unwrap_or((which, ""));
        // Each body with its warm-up (the runtime path, not counted) and its counted paths.
        let (body, warm_up, paths): (Vec<u8>, DecodePath, [DecodePath; 3]) = match case {
            "owned_games" => (
                owned_games_body(10_000),
                runtime::<Owned>,
                [
                    once_owned_games_runtime,
                    once_owned_games_generated_type,
                    once_owned_games_plain_struct,
                ],
            ),
            "listing" => (
                listing_body(),
                runtime::<Listing>,
                [
                    once_listing_runtime,
                    once_listing_generated_type,
                    once_listing_plain_struct,
                ],
            ),
            "players" => (
                player_summaries_body(100),
                runtime::<Players>,
                [
                    once_players_runtime,
                    once_players_generated_type,
                    once_players_plain_struct,
                ],
            ),
            _ => panic!("DECODE_INSTRUCTIONS={which}: the case is owned_games, listing or players"),
        };
        let counted = match path {
            "runtime" => paths[0],
            "generated_type" => paths[1],
            "plain_struct" => paths[2],
            _ => panic!(
                "DECODE_INSTRUCTIONS={which}: the path is runtime, generated_type or plain_struct"
            ),
        };
        // A first decode of the body, outside the counted function, pays for lazy statics and
        // the first allocations; then the counted function runs once.
        warm_up(&body);
        counted(&body);
    }
}

criterion_group!(benches, bench);

fn main() {
    if let Ok(which) = std::env::var("DECODE_INSTRUCTIONS") {
        return instructions::run(&which);
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
