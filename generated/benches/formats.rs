//! Typed decoding of XML and VDF (issue 21.8): the same two large bodies as the decode bench
//! (GetOwnedGames with 10,000 games, GetPlayerSummaries with 100 players), written in XML and
//! VDF by the overview's rules (`steamspec::wire_formats`), decoded through the runtime's real
//! path (`__private::__decode_for_fuzz_as::<E>`: envelope, typed decode) into the generated
//! types, against the same body in JSON through the runtime, and against the best plain
//! alternative for XML: quick-xml's own serde into hand-written structs with the wrapper types
//! its array layout needs (`games: { game: [...] }`).
//!
//! Run: `cargo bench -p steam-webapi --bench formats -- --warm-up-time 1 --measurement-time 3`
//!
//! With `FORMATS_INSTRUCTIONS=<body>/<path>` (`owned_games/xml`, `players/quick_xml`, ...) the
//! binary instead runs that one path once, in a function of its own (`instructions::once_*`),
//! for callgrind to count (BENCHMARKS.md, "Response formats").

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group};
use serde::Deserialize;
use steam_webapi::__private::{__decode_for_fuzz_as, Endpoint};
use steam_webapi::Format;
use steam_webapi::iplayer_service as ps;
use steam_webapi::isteam_user as user;

#[path = "common/bodies.rs"]
mod bodies;
#[path = "common/plain_player.rs"]
mod plain_player;
use plain_player::PlainPlayer;

type Owned = ps::GetOwnedGamesRequest;
type Players = user::GetPlayerSummariesRequest;

/// One body in the three formats.
struct Bodies {
    json: Vec<u8>,
    xml: Vec<u8>,
    vdf: Vec<u8>,
}

fn bodies(json: Vec<u8>) -> Bodies {
    let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let envelope = Some("response");
    Bodies {
        xml: steamspec::wire_formats::to_xml(&value, envelope).into_bytes(),
        vdf: steamspec::wire_formats::to_vdf(&value, envelope).into_bytes(),
        json,
    }
}

// quick-xml's serde, into hand-written structs: each XML list needs a wrapper struct whose
// field is named after the items' element.

#[derive(Deserialize)]
#[allow(dead_code)]
struct XmlOwned {
    game_count: u32,
    games: XmlGames,
}

#[derive(Deserialize)]
struct XmlGames {
    #[serde(default)]
    #[allow(dead_code)]
    game: Vec<XmlGame>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct XmlGame {
    appid: u32,
    name: Option<String>,
    playtime_2weeks: Option<u32>,
    playtime_forever: u32,
    img_icon_url: Option<String>,
    has_community_visible_stats: Option<bool>,
    playtime_windows_forever: Option<u32>,
    playtime_mac_forever: Option<u32>,
    playtime_linux_forever: Option<u32>,
    playtime_deck_forever: Option<u32>,
    rtime_last_played: Option<u32>,
    playtime_disconnected: Option<u32>,
    content_descriptorids: Option<XmlIds>,
    has_leaderboards: Option<bool>,
}

#[derive(Deserialize)]
struct XmlIds {
    #[serde(default)]
    #[allow(dead_code)]
    content_descriptorid: Vec<u32>,
}

#[derive(Deserialize)]
struct XmlPlayers {
    #[allow(dead_code)]
    players: XmlPlayerList,
}

#[derive(Deserialize)]
struct XmlPlayerList {
    #[serde(default)]
    #[allow(dead_code)]
    player: Vec<PlainPlayer>,
}

#[inline(always)]
fn runtime<E: Endpoint>(body: &[u8], format: Format) {
    drop(black_box(
        __decode_for_fuzz_as::<E>(200, black_box(body), format).unwrap(),
    ));
}

#[inline(always)]
fn quick_xml<T: for<'de> Deserialize<'de>>(body: &[u8]) {
    let text = std::str::from_utf8(black_box(body)).unwrap();
    drop(black_box(quick_xml::de::from_str::<T>(text).unwrap()));
}

/// The four ways for one body, in one criterion group.
fn four_ways<E: Endpoint, X: for<'de> Deserialize<'de>>(c: &mut Criterion, name: &str, b: &Bodies) {
    // Each way must decode the body before it is timed.
    runtime::<E>(&b.json, Format::Json);
    runtime::<E>(&b.xml, Format::Xml);
    runtime::<E>(&b.vdf, Format::Vdf);
    quick_xml::<X>(&b.xml);
    let mut g = c.benchmark_group(format!("formats/{name}"));
    g.throughput(Throughput::Bytes(b.json.len() as u64));
    g.bench_function("json_runtime", |bench| {
        bench.iter(|| runtime::<E>(&b.json, Format::Json))
    });
    g.bench_function("xml_runtime", |bench| {
        bench.iter(|| runtime::<E>(&b.xml, Format::Xml))
    });
    g.bench_function("vdf_runtime", |bench| {
        bench.iter(|| runtime::<E>(&b.vdf, Format::Vdf))
    });
    g.bench_function("xml_quick_xml_plain", |bench| {
        bench.iter(|| quick_xml::<X>(&b.xml))
    });
    g.finish();
}

fn bench(c: &mut Criterion) {
    let owned = bodies(bodies::owned_games_body(10_000));
    four_ways::<Owned, XmlOwned>(c, "owned_games_10k", &owned);
    let players = bodies(bodies::player_summaries_body(100));
    four_ways::<Players, XmlPlayers>(c, "player_summaries_100", &players);
}

/// One path of one body, once, in a function of its own, for callgrind
/// (`FORMATS_INSTRUCTIONS=<body>/<path>`): instruction counts do not move with the host's load.
mod instructions {
    use super::*;

    macro_rules! counted {
        ($($name:ident: $call:expr;)*) => {
            $(
                #[inline(never)]
                fn $name(b: &Bodies) {
                    $call(b)
                }
            )*
        };
    }

    counted! {
        once_owned_games_json: |b: &Bodies| runtime::<Owned>(&b.json, Format::Json);
        once_owned_games_xml: |b: &Bodies| runtime::<Owned>(&b.xml, Format::Xml);
        once_owned_games_vdf: |b: &Bodies| runtime::<Owned>(&b.vdf, Format::Vdf);
        once_owned_games_quick_xml: |b: &Bodies| quick_xml::<XmlOwned>(&b.xml);
        once_players_json: |b: &Bodies| runtime::<Players>(&b.json, Format::Json);
        once_players_xml: |b: &Bodies| runtime::<Players>(&b.xml, Format::Xml);
        once_players_vdf: |b: &Bodies| runtime::<Players>(&b.vdf, Format::Vdf);
        once_players_quick_xml: |b: &Bodies| quick_xml::<XmlPlayers>(&b.xml);
    }

    /// Runs the one path `which` names, after an uncounted JSON decode of the same body (lazy
    /// statics, first allocations).
    pub fn run(which: &str) {
        let (case, path) = which.split_once('/').unwrap_or((which, ""));
        let (b, paths): (Bodies, [fn(&Bodies); 4]) = match case {
            "owned_games" => (
                bodies(bodies::owned_games_body(10_000)),
                [
                    once_owned_games_json,
                    once_owned_games_xml,
                    once_owned_games_vdf,
                    once_owned_games_quick_xml,
                ],
            ),
            "players" => (
                bodies(bodies::player_summaries_body(100)),
                [
                    once_players_json,
                    once_players_xml,
                    once_players_vdf,
                    once_players_quick_xml,
                ],
            ),
            _ => panic!("FORMATS_INSTRUCTIONS={which}: the body is owned_games or players"),
        };
        let counted = match path {
            "json" => paths[0],
            "xml" => paths[1],
            "vdf" => paths[2],
            "quick_xml" => paths[3],
            _ => panic!("FORMATS_INSTRUCTIONS={which}: the path is json, xml, vdf or quick_xml"),
        };
        match case {
            "owned_games" => runtime::<Owned>(&b.json, Format::Json),
            _ => runtime::<Players>(&b.json, Format::Json),
        }
        counted(&b);
    }
}

criterion_group!(benches, bench);

fn main() {
    if let Ok(which) = std::env::var("FORMATS_INSTRUCTIONS") {
        return instructions::run(&which);
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
