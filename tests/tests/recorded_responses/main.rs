//! Real recorded responses (`../shared/fixtures/responses`, read in place, never copied): every
//! success body decodes with the generated client's response type for its operation, validates
//! against the operation's response JSON Schema and passes the strict check (no response
//! drift left unexplained); every error body, served by a loopback server with its recorded
//! status, maps to the right typed error with a readable excerpt and never the key.
//!
//! `build.rs` writes one test per file of the folder (`per_file::*`), so a new recording is
//! tested without a code change: [`cases::case`] holds what is known about each file (its kind from
//! the folder's README, where the body sits, the status, the exact error, field values); a
//! file it does not list is checked by the rules its name implies (`Interface.Method.vN.` gives
//! the operation, `-4xx-`/`-5xx-` or `SteamError.4xx-` the status).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::Value;
use steam_webapi::igame_notifications_service::{
    CreateSessionRequest, CreateSessionResponse, LocalizedText, UserState, UserStatus,
};
use steam_webapi::iplayer_service::{
    GetOwnedGamesRequest, GetOwnedGamesResponse, GetRecentlyPlayedGamesRequest,
    GetRecentlyPlayedGamesResponse,
};
use steam_webapi::isteam_news::{GetNewsForAppRequest, GetNewsForAppResponse};
use steam_webapi::isteam_user::{
    GetFriendListRequest, GetFriendListResponse, GetPlayerSummariesRequest,
    GetPlayerSummariesResponse, Player,
};
use steam_webapi::isteam_user_stats::{
    GetGlobalAchievementPercentagesForAppRequest, GetGlobalAchievementPercentagesForAppResponse,
    GetPlayerAchievementsRequest, GetPlayerAchievementsResponse, GetUserStatsForGameRequest,
    GetUserStatsForGameResponse,
};
use steam_webapi::{Error, SteamId};
use steamspec::responses::{self, Location, Mode};

mod cases;

use cases::{Case, Expect, Kind, Op, Want, case};

include!(concat!(env!("OUT_DIR"), "/recorded_responses.rs"));

#[path = "../support/recorded.rs"]
mod recorded;
use recorded::{assert_no_key, model};

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/fixtures/responses"
);

// ---- decoding ---------------------------------------------------------------------------------

/// A decoded body: the operation's response type, or the inner type for a partial body.
#[derive(Debug)]
enum Decoded {
    Summaries(GetPlayerSummariesResponse),
    Player(Box<Player>),
    Friends(GetFriendListResponse),
    Owned(GetOwnedGamesResponse),
    Recent(GetRecentlyPlayedGamesResponse),
    News(GetNewsForAppResponse),
    Percentages(GetGlobalAchievementPercentagesForAppResponse),
    Achievements(GetPlayerAchievementsResponse),
    UserStats(GetUserStatsForGameResponse),
    Session(CreateSessionResponse),
}

macro_rules! accessor {
    ($name:ident, $variant:ident, $ty:ty) => {
        fn $name(&self) -> &$ty {
            match self {
                Decoded::$variant(r) => r,
                other => panic!(
                    concat!("expected ", stringify!($variant), ", got {:?}"),
                    other
                ),
            }
        }
    };
}

impl Decoded {
    accessor!(summaries, Summaries, GetPlayerSummariesResponse);
    accessor!(player, Player, Player);
    accessor!(friends, Friends, GetFriendListResponse);
    accessor!(owned_response, Owned, GetOwnedGamesResponse);
    accessor!(recent, Recent, GetRecentlyPlayedGamesResponse);
    accessor!(news, News, GetNewsForAppResponse);
    accessor!(
        percentages,
        Percentages,
        GetGlobalAchievementPercentagesForAppResponse
    );
    accessor!(achievements, Achievements, GetPlayerAchievementsResponse);
    accessor!(user_stats, UserStats, GetUserStatsForGameResponse);
    accessor!(session, Session, CreateSessionResponse);

    /// `game_count` and `games`, both present.
    fn owned(&self) -> (u32, &[steam_webapi::iplayer_service::OwnedGame]) {
        let r = self.owned_response();
        (
            r.game_count.expect("game_count"),
            r.games.as_deref().expect("games"),
        )
    }
}

const STEAMID: SteamId = SteamId(76561197960435530);

/// Serves `body` with `status` (and the recorded content type) for `op` on a loopback server
/// and calls it with the generated client.
fn call(op: Op, status: u16, content_type: &str, body: &[u8]) -> Result<Decoded, Error> {
    macro_rules! run {
        ($req:expr, $variant:ident) => {
            recorded::call(&$req, status, content_type, body).map(Decoded::$variant)
        };
    }
    match op {
        Op::Summaries => run!(GetPlayerSummariesRequest::new(vec![STEAMID]), Summaries),
        Op::Friends => run!(GetFriendListRequest::new(STEAMID), Friends),
        Op::Owned => run!(GetOwnedGamesRequest::new(STEAMID), Owned),
        Op::Recent => run!(GetRecentlyPlayedGamesRequest::new(STEAMID), Recent),
        Op::News => run!(GetNewsForAppRequest::new(440), News),
        Op::Percentages => run!(
            GetGlobalAchievementPercentagesForAppRequest::new(440),
            Percentages
        ),
        Op::Achievements => run!(
            GetPlayerAchievementsRequest::new(STEAMID, 440),
            Achievements
        ),
        Op::UserStats => run!(GetUserStatsForGameRequest::new(STEAMID, 440), UserStats),
        Op::CreateSession => {
            let text = |token: &str| LocalizedText {
                token: token.into(),
                variables: None,
            };
            let users = vec![UserStatus {
                steamid: SteamId(76561197960265729),
                state: UserState::Waiting,
                title: text("#TitleToken"),
                message: None,
            }];
            run!(
                CreateSessionRequest::new(480, 31415926, text("#MyToken"), users),
                Session
            )
        }
    }
}

/// A partial body decoded as the type at `at` (plain serde, as the client's types define it).
fn decode_partial(op: Op, at: &str, body: &[u8]) -> Decoded {
    fn de<T: serde::de::DeserializeOwned>(body: &[u8]) -> T {
        serde_json::from_slice(body).unwrap_or_else(|e| panic!("does not decode: {e}"))
    }
    match (op, at) {
        (Op::Summaries, "response.players[0]") => Decoded::Player(Box::new(de(body))),
        (Op::Summaries, "response") => Decoded::Summaries(de(body)),
        (Op::Friends, "friendslist") => Decoded::Friends(de(body)),
        (Op::Owned, "response") => Decoded::Owned(de(body)),
        (Op::Recent, "response") => Decoded::Recent(de(body)),
        (Op::News, "appnews") => Decoded::News(de(body)),
        (Op::Percentages, "achievementpercentages") => Decoded::Percentages(de(body)),
        (Op::Achievements, "playerstats") => Decoded::Achievements(de(body)),
        (Op::UserStats, "playerstats") => Decoded::UserStats(de(body)),
        (Op::CreateSession, "response") => Decoded::Session(de(body)),
        _ => panic!("no decoder for a body at '{at}' of {op:?}; add one to decode_partial"),
    }
}

// ---- shared state: the recorded headers (the model and the schemas are recorded.rs') ---------

/// Status, content type of the cassette-derived bodies.
fn recorded_content_type(file: &str) -> Option<(u16, String)> {
    static HEADERS: OnceLock<Value> = OnceLock::new();
    let all = HEADERS.get_or_init(|| {
        let text =
            std::fs::read_to_string(format!("{FIXTURES}/_cassette_request_status_headers.json"))
                .unwrap();
        serde_json::from_str(&text).unwrap()
    });
    let entry = all.get(file)?;
    let status = entry["status"]["code"].as_u64()? as u16;
    let ct = entry["headers"]
        .as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-type"))
        .and_then(|(_, v)| v[0].as_str())?
        .to_owned();
    Some((status, ct))
}

fn read(file: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{file}")).unwrap_or_else(|e| panic!("{file}: {e}"))
}

// ---- the per-file test ---------------------------------------------------------------------

fn check_file(file: &str) {
    let Case { kind, expect } = case(file);
    eprintln!("{file}: {kind:?}");
    let body = read(file);
    match expect {
        Expect::Success { at, check } => success(file, &body, at, check),
        Expect::Failure { op, status, error } => failure(file, &body, op, status, error),
        Expect::Rejected {
            op,
            path,
            message,
            drift,
        } => {
            let result = call(op, 200, "application/json; charset=UTF-8", &body);
            if let Err(e) = &result {
                assert_no_key(file, e);
            }
            match result {
                Err(Error::Decode {
                    path: p,
                    message: m,
                    ..
                }) => {
                    assert_eq!(p, path, "{file}");
                    assert!(m.contains(message), "{file}: {m}");
                }
                other => panic!("{file}: expected a decode error, got {other:?}"),
            }
            let report = responses::check_file(
                model(),
                format!("{FIXTURES}/{file}").as_ref(),
                None,
                &Location::full(),
                Mode::Strict,
            )
            .unwrap();
            let found: Vec<String> = report.findings.iter().map(ToString::to_string).collect();
            assert_eq!(found, drift, "{file}");
        }
        Expect::NotJson { line, column, twin } => {
            let e = responses::parse_json(&body).expect_err("not JSON");
            assert_eq!((e.line, e.column), (line, column), "{}", e.message);
            assert!(
                FILES.contains(&twin),
                "the JSON twin {twin} is in the folder"
            );
            // The command says where, and could not run on it (exit 2).
            let err = responses::check_file(
                model(),
                format!("{FIXTURES}/{file}").as_ref(),
                None,
                &Location::full(),
                Mode::Strict,
            )
            .unwrap_err();
            assert_eq!(err.place, Some((line, column)));
            assert!(
                err.to_string()
                    .contains(&format!("{file}:{line}:{column}: not JSON: "))
            );
        }
    }
}

fn success(file: &str, bytes: &[u8], at: &str, check: fn(&Decoded)) {
    let op_id = responses::operation_id_from_file_name(file).expect("Interface.Method.vN.");
    let op = Op::from_id(&op_id).unwrap_or_else(|| panic!("no decoder for {op_id}"));
    let at_loc = Location::parse(at).unwrap();
    let body = responses::parse_json(bytes).unwrap_or_else(|e| panic!("{}", e.message));

    // 1. Decodes with the generated type: a whole body through the client, with its recorded
    //    status and content type; a partial one as the type at its place.
    let decoded = if at_loc.is_full() {
        let (status, content_type) = recorded_content_type(file)
            .unwrap_or((200, "application/json; charset=UTF-8".to_owned()));
        call(op, status, &content_type, bytes)
            .unwrap_or_else(|e| panic!("{file} does not decode: {e} ({e:?})"))
    } else {
        decode_partial(op, at, bytes)
    };
    check(&decoded);

    // 2. Validates against the operation's response JSON Schema; 3. strict: nothing the spec
    //    does not describe.
    recorded::assert_schema_valid_and_strict_clean(file, &op_id, &body, &at_loc);
}

fn failure(file: &str, bytes: &[u8], op: Op, status: u16, want: Want) {
    let content_type = recorded_content_type(file)
        .map(|(recorded, ct)| {
            assert_eq!(recorded, status, "{file}: the cassette's status");
            ct
        })
        .unwrap_or_else(|| recorded::content_type_of(bytes).to_owned());
    let err = match call(op, status, &content_type, bytes) {
        Ok(d) => panic!("{file}: HTTP {status} decoded as {d:?}"),
        Err(e) => e,
    };
    assert_no_key(file, &err);
    assert_eq!(err.status(), Some(status), "{file}: {err:?}");
    match (want, &err) {
        (Want::Http(text), Error::Http { .. }) => {
            recorded::assert_http_error(file, &err, status, text)
        }
        (
            Want::Api(text),
            Error::Api {
                code: None,
                message,
                status: s,
            },
        ) => {
            assert_eq!((*s, message.as_str()), (status, text), "{file}");
        }
        (Want::RateLimited, Error::RateLimited { retry_after }) => {
            assert_eq!(*retry_after, None, "{file}: no Retry-After was recorded");
        }
        (Want::AnyError, _) => {}
        (_, other) => panic!("{file}: unexpected error {other:?}"),
    }
}

// ---- the whole folder ------------------------------------------------------------------------

/// The folder is there and every file has an entry (a new file is still tested by the rules
/// of its name, but should get its expectations written down).
#[test]
fn every_file_is_listed() {
    assert!(FILES.len() >= 79, "{} files in {FIXTURES}", FILES.len());
    let unlisted: Vec<&str> = FILES
        .iter()
        .copied()
        .filter(|f| case(f).kind == Kind::Unlisted)
        .collect();
    assert!(
        unlisted.is_empty(),
        "add these recordings to case(): {unlisted:?}"
    );
}

/// The strict run over every JSON body that the spec describes as a response (not the error
/// bodies, which are not the operation's result), summed per operation: what codegen/README.md's
/// "Response drift (recorded bodies)" lists. All of it is fixed in the spec now.
#[test]
fn strict_mode_over_every_recorded_body() {
    let mut per_op: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut checked = 0;
    for file in FILES {
        let (at, explained): (&str, &[&str]) = match case(file).expect {
            Expect::Success { at, .. } => (at, &[]),
            Expect::Rejected { drift, .. } => ("", drift),
            _ => continue,
        };
        let report = responses::check_file(
            model(),
            format!("{FIXTURES}/{file}").as_ref(),
            None,
            &Location::parse(at).unwrap(),
            Mode::Strict,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        checked += 1;
        per_op.entry(report.operation).or_default().extend(
            report
                .findings
                .iter()
                .map(ToString::to_string)
                .filter(|f| !explained.contains(&f.as_str()))
                .map(|f| format!("{file}: {f}")),
        );
    }
    assert!(checked >= 55, "{checked} bodies");
    let drift: Vec<String> = per_op.values().flatten().cloned().collect();
    assert!(drift.is_empty(), "response drift:\n{}", drift.join("\n"));
    assert_eq!(
        per_op.keys().map(String::as_str).collect::<Vec<_>>(),
        [
            "IGameNotificationsService/CreateSession/v1",
            "IPlayerService/GetOwnedGames/v1",
            "IPlayerService/GetRecentlyPlayedGames/v1",
            "ISteamNews/GetNewsForApp/v2",
            "ISteamUser/GetFriendList/v1",
            "ISteamUser/GetPlayerSummaries/v2",
            "ISteamUserStats/GetGlobalAchievementPercentagesForApp/v2",
            "ISteamUserStats/GetPlayerAchievements/v1",
            "ISteamUserStats/GetUserStatsForGame/v2",
        ]
    );
}

/// What strict mode reports, on bodies changed the ways Steam changes them: an added field, a
/// retyped one, a dropped required one, each with its path.
#[test]
fn strict_mode_reports_drift_with_paths() {
    let body: Value = serde_json::from_slice(&read(
        "IPlayerService.GetOwnedGames.v1.cn-blog-2026-appinfo-own.json",
    ))
    .unwrap();
    let mut drifted = body.clone();
    let games = drifted["response"]["games"].as_array_mut().unwrap();
    games[3]["playtime_future_forever"] = 5.into();
    games[1]["appid"] = "255710".into();
    games[2].as_object_mut().unwrap().remove("playtime_forever");
    let op = responses::find_operation(model(), "IPlayerService/GetOwnedGames/v1").unwrap();
    let strict: Vec<String> = responses::strict_check(model(), op, &drifted)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        strict,
        [
            "response.games[1].appid: expected a uint32 as a JSON number, found string \"255710\"",
            "response.games[2].playtime_forever: required field 'playtime_forever' is missing",
            "response.games[3].playtime_future_forever: field 'playtime_future_forever' is not \
             described in OwnedGame (did you mean 'playtime_forever'?)",
        ]
    );
    // Without strict: what breaks the contract only (not the undescribed field).
    let decode = responses::check(model(), op, &drifted, &Location::full(), Mode::Decode).unwrap();
    assert_eq!(decode.len(), 2);
    assert!(responses::strict_check(model(), op, &body).is_empty());
}

/// Live Steam answers a private profile's GetPlayerAchievements with 403 and the error object
/// (the curated fixture stores it with 200): its `error` is the message. A 403 without it (an
/// HTML page) stays an HTTP error with an excerpt.
#[test]
fn private_achievements_with_the_live_status() {
    let body = read("ISteamUserStats.GetPlayerAchievements.v1.fkrzski-private.json");
    match call(Op::Achievements, 403, "application/json", &body).unwrap_err() {
        Error::Api {
            code: None,
            status,
            message,
        } => {
            assert_eq!(status, 403);
            assert_eq!(message, "Profile is not public");
        }
        other => panic!("{other:?}"),
    }
    let page = b"<html><head><title>Forbidden</title></head><body><h1>Forbidden</h1></body></html>";
    match call(Op::Achievements, 403, "text/html", page).unwrap_err() {
        Error::Http { status, excerpt } => {
            assert_eq!((status, excerpt.as_str()), (403, "Forbidden"))
        }
        other => panic!("{other:?}"),
    }
}
