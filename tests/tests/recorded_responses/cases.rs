//! What is known about each recorded file: its kind (from the folder's README) and what its
//! body must turn into. [`case`] is the table; a file it does not list is checked by the rules
//! its name implies ([`unlisted`]).

use steam_webapi::SteamId;
use steam_webapi::isteam_user::{CommunityVisibilityState, FriendRelationship, PersonaState};
use steamspec::responses;

use crate::Decoded;

/// The folder README's label for a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A capture of a live response.
    Recorded,
    /// Recorded, but only part of the body was saved (e.g. one array element).
    RecordedPartial,
    /// A project's test fixture, hand-edited (sanitised hashes, re-indented HTML): treated
    /// as hand-written by that project, so what it shows is not proof of Steam's behaviour.
    Curated,
    /// Written by hand (Valve's docs example).
    HandWritten,
    /// Recorded-looking, but not tied to a repository: used with care.
    Unattributed,
    /// A file with no entry in [`case`]: only the rules its name implies are checked.
    Unlisted,
}

/// The operations with recordings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Op {
    Summaries,
    Friends,
    Owned,
    Recent,
    News,
    Percentages,
    Achievements,
    UserStats,
    CreateSession,
}

impl Op {
    pub fn from_id(id: &str) -> Option<Op> {
        Some(match id {
            "ISteamUser/GetPlayerSummaries/v2" => Op::Summaries,
            "ISteamUser/GetFriendList/v1" => Op::Friends,
            "IPlayerService/GetOwnedGames/v1" => Op::Owned,
            "IPlayerService/GetRecentlyPlayedGames/v1" => Op::Recent,
            "ISteamNews/GetNewsForApp/v2" => Op::News,
            "ISteamUserStats/GetGlobalAchievementPercentagesForApp/v2" => Op::Percentages,
            "ISteamUserStats/GetPlayerAchievements/v1" => Op::Achievements,
            "ISteamUserStats/GetUserStatsForGame/v2" => Op::UserStats,
            "IGameNotificationsService/CreateSession/v1" => Op::CreateSession,
            _ => return None,
        })
    }
}

/// What a body must turn into.
pub enum Expect {
    /// A 2xx body. `at` is where it sits in a full response ("" for a whole body; see
    /// [`Location`](steamspec::responses::Location)); `check` asserts field values of the decoded value.
    Success {
        at: &'static str,
        check: fn(&Decoded),
    },
    /// An error body, served with `status` for `op`.
    Failure { op: Op, status: u16, error: Want },
    /// A 200 body the spec deliberately does not accept (curated, contradicted by Steam's
    /// recorded behaviour): the client reports `Error::Decode` at `path` with `message` in its
    /// text, and the strict check gives exactly `drift` (the explained findings).
    Rejected {
        op: Op,
        path: &'static str,
        message: &'static str,
        drift: &'static [&'static str],
    },
    /// Not JSON at all; its JSON twin is another file (tested on its own).
    NotJson {
        line: usize,
        column: usize,
        twin: &'static str,
    },
}

/// The typed error an error body must give.
pub enum Want {
    /// `Error::Http` with exactly this excerpt.
    Http(&'static str),
    /// `Error::Api` without a code, with exactly this message (the operation's
    /// `errors: {kind: message}` field, found in the body).
    Api(&'static str),
    /// `Error::RateLimited` with no `Retry-After`.
    RateLimited,
    /// Whatever the runtime says, as long as it is an error (unlisted files).
    AnyError,
}

pub struct Case {
    pub kind: Kind,
    pub expect: Expect,
}

const FORBIDDEN: &str =
    "Forbidden Access is denied. Retrying will not help. Please verify your key= parameter.";
const UNAUTHORIZED: &str =
    "Unauthorized Access is denied. Retrying will not help. Please verify your key= parameter.";
const NO_STATS: &str = "Requested app has no stats";

fn ok(kind: Kind, check: fn(&Decoded)) -> Case {
    Case {
        kind,
        expect: Expect::Success { at: "", check },
    }
}

fn fail(kind: Kind, op: Op, status: u16, error: Want) -> Case {
    Case {
        kind,
        expect: Expect::Failure { op, status, error },
    }
}

/// Every file of the folder and what it must give (kinds from the folder's README).
pub fn case(file: &str) -> Case {
    use Kind::*;
    match file {
        // ---- ISteamUser/GetPlayerSummaries v2 ----
        "ISteamUser.GetPlayerSummaries.v2.olgagr-two-players.json" => ok(Recorded, |d| {
            let r = d.summaries();
            assert_eq!(r.players.len(), 2);
            assert_eq!(r.players[0].steamid, SteamId(76561198046174695));
            let robin = &r.players[1];
            assert_eq!(robin.steamid, SteamId(76561197960435530));
            assert_eq!(robin.personaname, "Robin");
            assert_eq!(
                robin.commentpermission, None,
                "Robin Walker's entry has none"
            );
            assert_eq!(robin.avatarhash, None, "added after 2015");
            assert_eq!(robin.primaryclanid, Some(SteamId(103582791429521412)));
        }),
        "ISteamUser.GetPlayerSummaries.v2.olgagr-single.json" => ok(Recorded, |d| {
            let p = &d.summaries().players[0];
            assert_eq!(p.locstatecode.as_deref(), Some("67"));
            assert!(p.loccityid.is_some(), "loccityid is an int");
            assert_eq!(p.personastateflags, Some(0));
        }),
        "ISteamUser.GetPlayerSummaries.v2.lpradel.json" => ok(Recorded, |d| {
            let p = &d.summaries().players[0];
            assert_eq!(p.steamid, SteamId(76561197960435530));
            assert_eq!(p.realname.as_deref(), Some("Robin Walker"));
            assert!(p.avatar.starts_with("https://steamcdn-a.akamaihd.net/"));
        }),
        "ISteamUser.GetPlayerSummaries.v2.kchateau.json" => ok(Recorded, |d| {
            let r = d.summaries();
            assert_eq!(r.players.len(), 2);
            assert_eq!(r.players[0].steamid, SteamId(76561198211387647));
            assert!(r.players.iter().all(|p| p.avatarhash.is_some()));
            let second = &r.players[1];
            assert!(second.loccountrycode.is_some() && second.locstatecode.is_some());
            assert_eq!(second.loccityid, None);
            assert!(r.players.iter().all(|p| p.realname.is_none()));
        }),
        "ISteamUser.GetPlayerSummaries.v2.malikqayum.json" => ok(Recorded, |d| {
            let p = &d.summaries().players[0];
            assert_eq!(p.steamid, SteamId(76561198034957967));
            assert_eq!(p.lastlogoff, None);
            assert_eq!(p.commentpermission, Some(1));
        }),
        "ISteamUser.GetPlayerSummaries.v2.q2bot-player-object-only.json" => Case {
            kind: RecordedPartial,
            expect: Expect::Success {
                at: "response.players[0]",
                check: |d| {
                    let p = d.player();
                    assert_eq!(p.steamid, SteamId(76561199545776629));
                    assert_eq!(p.gameid, Some(730), "gameid is the string \"730\"");
                    assert_eq!(p.gameextrainfo.as_deref(), Some("Counter-Strike 2"));
                    assert_eq!(p.realname.as_deref(), Some("张乙凡"));
                    assert_eq!(p.personastate, PersonaState::Online);
                },
            },
        },
        "ISteamUser.GetPlayerSummaries.v2.cn-testrun-2026.json" => ok(Unattributed, |d| {
            let p = &d.summaries().players[0];
            assert_eq!(p.realname.as_deref(), Some("ℂ𝕙𝕒𝕣𝕝𝕚𝕖 ℍ𝕠𝕙"), "non-BMP kept");
            assert!(p.loccountrycode.is_some());
            assert_eq!(p.locstatecode, None);
        }),
        "ISteamUser.GetPlayerSummaries.v2.fkrzski-ingame-sanitized.json" => ok(Curated, |d| {
            let r = d.summaries();
            assert_eq!(r.players[0].gameid, Some(381210));
            assert_eq!(r.players[1].gameid, None);
            assert_eq!(r.players[1].gameserverip.as_deref(), Some("1.2.3.4:27015"));
        }),
        "ISteamUser.GetPlayerSummaries.v2.fkrzski-hidden-sanitized.json" => ok(Curated, |d| {
            let hidden = &d.summaries().players[0];
            assert_eq!(
                hidden.communityvisibilitystate,
                CommunityVisibilityState::NotVisible
            );
            assert_eq!(hidden.realname, None);
            assert_eq!(hidden.timecreated, None);
        }),
        "ISteamUser.GetPlayerSummaries.v2.olgagr-403-invalid-key.html" => {
            fail(Recorded, Op::Summaries, 403, Want::Http(FORBIDDEN))
        }

        // ---- ISteamUser/GetFriendList v1 ----
        "ISteamUser.GetFriendList.v1.olgagr.json" => ok(Recorded, |d| {
            let f = &d.friends().friends;
            assert_eq!(f.len(), 11);
            assert_eq!(f[0].steamid, SteamId(76561197968589933));
            assert_eq!(f[0].friend_since, 1397319937);
            // Always "friend", though the request said relationship=all.
            assert!(
                f.iter()
                    .all(|x| x.relationship == FriendRelationship::Friend)
            );
        }),
        "ISteamUser.GetFriendList.v1.lpradel.json" => ok(Recorded, |d| {
            let f = &d.friends().friends;
            assert_eq!(f.len(), 291);
            assert_eq!(f[0].steamid, SteamId(76561197960265731));
            // friend_since 0 (friendships older than the timestamp) is kept, not dropped.
            assert_eq!(f.iter().filter(|x| x.friend_since == 0).count(), 81);
        }),
        "ISteamUser.GetFriendList.v1.kchateau.json" => ok(Recorded, |d| {
            let f = &d.friends().friends;
            assert_eq!(f.len(), 43);
            assert_eq!(f[0].steamid, SteamId(76561197983048007));
        }),
        "ISteamUser.GetFriendList.v1.taiwanleek.json" => ok(Recorded, |d| {
            assert_eq!(d.friends().friends.len(), 14);
        }),
        "ISteamUser.GetFriendList.v1.malikqayum.json" => ok(Recorded, |d| {
            let f = &d.friends().friends;
            assert_eq!(f.len(), 487);
            assert_eq!(f[0].friend_since, 1577479393);
        }),
        "ISteamUser.GetFriendList.v1.q2bot.json" => ok(Recorded, |d| {
            let f = &d.friends().friends;
            assert_eq!(f.len(), 47);
            assert_eq!(f[0].steamid, SteamId(76561198069875692));
        }),
        // The fixture stores `{}` with status 200. Read as the value of `friendslist` (a
        // list with no `friends`), it decodes; as a whole body it has no envelope, which the
        // client reports as a decode error (see `private_friend_list_as_a_whole_body`).
        // The fixture stores `{}` with status 200 for a private or empty list; live Steam
        // answers a private list with 401 (SteamWebAPI2 #27, as SteamError.401-*). No
        // `friendslist` envelope: the client rejects it, at the root.
        "ISteamUser.GetFriendList.v1.fkrzski-private-empty.json" => Case {
            kind: Curated,
            expect: Expect::Rejected {
                op: Op::Friends,
                path: "",
                message: "missing field `friendslist`",
                drift: &[
                    "(root): missing envelope 'friendslist' (a body saved without it is \
                          checked with --at friendslist)",
                ],
            },
        },
        "ISteamUser.GetFriendList.v1.olgagr-500-bad-steamid.html" => fail(
            Recorded,
            Op::Friends,
            500,
            Want::Http("Internal Server Error"),
        ),

        // ---- IPlayerService/GetOwnedGames v1 ----
        "IPlayerService.GetOwnedGames.v1.olgagr-no-appinfo.json" => ok(Recorded, |d| {
            let (count, games) = d.owned();
            assert_eq!((count, games.len()), (45, 45));
            assert_eq!(games[0].appid, 4760);
            assert!(games.iter().all(|g| g.name.is_none()));
            // playtime_2weeks only when > 0.
            assert_eq!(
                games.iter().filter(|g| g.playtime_2weeks.is_some()).count(),
                5
            );
        }),
        "IPlayerService.GetOwnedGames.v1.olgagr-appinfo.json" => ok(Recorded, |d| {
            let (count, games) = d.owned();
            assert_eq!((count, games.len()), (45, 45));
            assert_eq!(games[0].name.as_deref(), Some("Rome: Total War"));
            assert!(games.iter().all(|g| g.img_logo_url.is_some()));
            // has_community_visible_stats only when true.
            let stats: Vec<_> = games
                .iter()
                .filter_map(|g| g.has_community_visible_stats)
                .collect();
            assert_eq!(stats.len(), 31);
            assert!(stats.iter().all(|s| *s));
        }),
        "IPlayerService.GetOwnedGames.v1.lpradel-appinfo.json" => ok(Recorded, |d| {
            let (count, games) = d.owned();
            assert_eq!((count, games.len()), (487, 487));
            let empty = |s: &Option<String>| s.as_deref() == Some("");
            assert_eq!(games.iter().filter(|g| empty(&g.img_icon_url)).count(), 5);
            assert_eq!(games.iter().filter(|g| empty(&g.img_logo_url)).count(), 4);
        }),
        "IPlayerService.GetOwnedGames.v1.gamehubfe-appinfo-2017.json" => ok(Recorded, |d| {
            let (count, games) = d.owned();
            assert_eq!((count, games.len()), (8, 8));
            let test = games.iter().find(|g| g.appid == 205790).unwrap();
            assert_eq!(test.name.as_deref(), Some("Dota 2 Test"));
            assert_eq!(test.img_icon_url.as_deref(), Some(""));
        }),
        "IPlayerService.GetOwnedGames.v1.kchateau-appinfo.json" => ok(Recorded, |d| {
            let (count, games) = d.owned();
            assert_eq!((count, games.len()), (111, 111));
            assert_eq!(games[0].playtime_windows_forever, Some(754));
            assert!(games.iter().all(|g| g.rtime_last_played.is_none()));
        }),
        "IPlayerService.GetOwnedGames.v1.taiwanleek-no-appinfo.json" => ok(Recorded, |d| {
            let (count, games) = d.owned();
            assert_eq!((count, games.len()), (396, 396));
            let last = |t: u32| {
                games
                    .iter()
                    .filter(|g| g.rtime_last_played == Some(t))
                    .count()
            };
            // The sentinels are kept as the values they are.
            assert_eq!((last(0), last(86400)), (79, 10));
        }),
        "IPlayerService.GetOwnedGames.v1.adamk3-no-appinfo-310games.json" => ok(Recorded, |d| {
            let (count, games) = d.owned();
            assert_eq!((count, games.len()), (310, 310));
            // A non-owner key: no platform playtimes, no rtime_last_played.
            assert!(
                games
                    .iter()
                    .all(|g| g.playtime_windows_forever.is_none() && g.rtime_last_played.is_none())
            );
        }),
        "IPlayerService.GetOwnedGames.v1.adamk3-no-appinfo-other-user.json" => ok(Recorded, |d| {
            let (count, games) = d.owned();
            assert_eq!((count, games.len()), (69, 69));
            assert_eq!(games[0].appid, 4000);
        }),
        "IPlayerService.GetOwnedGames.v1.bluer222-appinfo-other-user-inner.json" => Case {
            kind: RecordedPartial,
            expect: Expect::Success {
                at: "response",
                check: |d| {
                    let (count, games) = d.owned();
                    assert_eq!((count, games.len()), (84, 84));
                    assert_eq!(games[0].content_descriptorids.as_deref(), Some(&[2, 5][..]));
                    assert!(games.iter().all(|g| g.playtime_disconnected.is_none()));
                },
            },
        },
        "IPlayerService.GetOwnedGames.v1.cn-blog-2026-appinfo-own.json" => ok(Unattributed, |d| {
            let (count, games) = d.owned();
            assert_eq!((count, games.len()), (5, 5));
            assert_eq!(games[0].name.as_deref(), Some("Terraria"));
            assert_eq!(games[0].playtime_disconnected, Some(2));
            assert_eq!(games[0].playtime_deck_forever, Some(0));
            assert_eq!(games[0].rtime_last_played, Some(1772289546));
        }),
        "IPlayerService.GetOwnedGames.v1.fkrzski-private.json" => ok(Curated, |d| {
            let r = d.owned_response();
            assert_eq!((r.game_count, r.games.as_ref()), (None, None));
        }),

        // ---- IPlayerService/GetRecentlyPlayedGames v1 ----
        "IPlayerService.GetRecentlyPlayedGames.v1.olgagr.json" => ok(Recorded, |d| {
            let r = d.recent();
            assert_eq!(r.total_count, 4);
            let games = r.games.as_deref().unwrap();
            assert_eq!(games.len(), 4);
            assert_eq!(games[0].name, "Avernum: Escape From the Pit");
            assert!(games[0].img_logo_url.is_some());
        }),
        "IPlayerService.GetRecentlyPlayedGames.v1.olgagr-count2.json" => ok(Recorded, |d| {
            let r = d.recent();
            // total_count ignores count=2.
            assert_eq!((r.total_count, r.games.as_ref().unwrap().len()), (4, 2));
        }),
        "IPlayerService.GetRecentlyPlayedGames.v1.lpradel.json" => ok(Recorded, |d| {
            let r = d.recent();
            assert_eq!((r.total_count, r.games.as_ref().unwrap().len()), (6, 3));
            assert_eq!(r.games.as_ref().unwrap()[0].name, "Grand Theft Auto V");
        }),
        "IPlayerService.GetRecentlyPlayedGames.v1.kchateau.json" => ok(Recorded, |d| {
            let games = d.recent().games.as_deref().unwrap();
            assert_eq!(games[0].name, "Apex Legends");
            assert_eq!(games[0].playtime_windows_forever, Some(591));
            assert!(games[0].img_logo_url.is_some());
        }),
        "IPlayerService.GetRecentlyPlayedGames.v1.kchateau-empty.json" => ok(Recorded, |d| {
            let r = d.recent();
            assert_eq!((r.total_count, r.games.as_ref()), (0, None));
        }),
        "IPlayerService.GetRecentlyPlayedGames.v1.q2bot.json" => ok(Recorded, |d| {
            let r = d.recent();
            let games = r.games.as_deref().unwrap();
            assert_eq!((r.total_count, games.len()), (11, 11));
            assert_eq!(games[0].playtime_deck_forever, Some(0));
            assert!(games.iter().all(|g| g.img_logo_url.is_none()));
        }),
        "IPlayerService.GetRecentlyPlayedGames.v1.adamk3-other-user.json" => ok(Recorded, |d| {
            let games = d.recent().games.as_deref().unwrap();
            assert_eq!(games.len(), 5);
            assert!(games.iter().all(|g| g.playtime_windows_forever.is_none()));
        }),
        "IPlayerService.GetRecentlyPlayedGames.v1.cn-testrun-2026.json" => ok(Unattributed, |d| {
            let games = d.recent().games.as_deref().unwrap();
            assert_eq!(games.len(), 8);
            let cs2 = games.iter().find(|g| g.appid == 730).unwrap();
            assert!(cs2.playtime_forever > cs2.playtime_windows_forever.unwrap());
        }),
        "IPlayerService.GetRecentlyPlayedGames.v1.fkrzski.json" => ok(Curated, |d| {
            let r = d.recent();
            assert_eq!((r.total_count, r.games.as_ref().unwrap().len()), (3, 3));
        }),
        "IPlayerService.GetRecentlyPlayedGames.v1.fkrzski-empty.json" => ok(Curated, |d| {
            assert_eq!(d.recent().games, None);
        }),
        "IPlayerService.GetRecentlyPlayedGames.v1.olgagr-500-bad-steamid.html" => fail(
            Recorded,
            Op::Recent,
            500,
            Want::Http("Internal Server Error"),
        ),

        // ---- ISteamNews/GetNewsForApp v2 ----
        "ISteamNews.GetNewsForApp.v2.olgagr.json" => ok(Recorded, |d| {
            let r = d.news();
            assert_eq!((r.appid, r.newsitems.len(), r.count), (8930, 4, None));
            assert_eq!(r.newsitems[0].gid, 524998195430542428);
            assert!(
                r.newsitems
                    .iter()
                    .all(|n| n.feed_type.is_none() && n.appid.is_none())
            );
        }),
        "ISteamNews.GetNewsForApp.v2.lpradel.json" => ok(Recorded, |d| {
            let r = d.news();
            assert_eq!((r.appid, r.newsitems.len()), (440, 3));
            assert_eq!(r.newsitems[0].feedname, "steam_updates");
            assert!(!r.newsitems[0].is_external_url);
        }),
        "ISteamNews.GetNewsForApp.v2.ao-ui.json" => ok(Recorded, |d| {
            let r = d.news();
            assert_eq!((r.newsitems.len(), r.count), (10, Some(37)));
            let tagged: Vec<usize> = (0..10).filter(|&i| r.newsitems[i].tags.is_some()).collect();
            assert_eq!(tagged, [3, 7]);
            assert_eq!(r.newsitems[0].feed_type, Some(1));
        }),
        "ISteamNews.GetNewsForApp.v2.patchlog.json" => ok(Recorded, |d| {
            let r = d.news();
            assert_eq!(r.count, Some(187));
            let pc_gamer = &r.newsitems[0];
            assert_eq!(pc_gamer.feed_type, Some(0));
            assert!(
                pc_gamer.url.contains("/externalpost/PC Gamer/"),
                "the raw space is kept"
            );
        }),
        "ISteamNews.GetNewsForApp.v2.cn-testrun-2026.json" => ok(Unattributed, |d| {
            let r = d.news();
            assert_eq!((r.appid, r.count), (730, Some(1723)));
            assert!(r.newsitems[0].contents.starts_with('\\'));
            assert_eq!(
                r.newsitems[0].tags.as_deref(),
                Some(&["patchnotes".to_owned()][..])
            );
        }),
        "ISteamNews.GetNewsForApp.v2.fkrzski-excerpt.json" => ok(Curated, |d| {
            let r = d.news();
            assert_eq!(r.count, Some(3939));
            let tags = r.newsitems[0].tags.as_deref().unwrap();
            assert!(tags.iter().any(|t| t == "mod_reviewed"));
        }),
        "ISteamNews.GetNewsForApp.v2.fkrzski-no-news.json" => ok(Curated, |d| {
            let r = d.news();
            assert_eq!((r.appid, r.newsitems.len(), r.count), (3000000, 0, Some(0)));
        }),
        "ISteamNews.GetNewsForApp.v2.olgagr-403-bad-appid.json" => {
            fail(Recorded, Op::News, 403, Want::Http("{}"))
        }
        "ISteamNews.GetNewsForApp.v2.fkrzski-403-unavailable.json" => {
            fail(Curated, Op::News, 403, Want::Http("{}"))
        }

        // ---- ISteamUserStats/GetGlobalAchievementPercentagesForApp v2 ----
        "ISteamUserStats.GetGlobalAchievementPercentagesForApp.v2.olgagr.json" => {
            ok(Recorded, |d| {
                let a = &d.percentages().achievements;
                assert_eq!(a.len(), 308);
                assert_eq!(a[0].name, "ACHIEVEMENT_ANCIENT_RUIN");
                assert_eq!(a[0].percent, 76.74992370605469, "float32 noise kept");
                assert_eq!((a[307].name.as_str(), a[307].percent), ("", 55132.20703125));
            })
        }
        "ISteamUserStats.GetGlobalAchievementPercentagesForApp.v2.lpradel.json" => {
            ok(Recorded, |d| {
                let a = &d.percentages().achievements;
                assert_eq!(a.len(), 316);
                assert_eq!((a[315].name.as_str(), a[315].percent), ("", 0.0), "int 0");
            })
        }
        "ISteamUserStats.GetGlobalAchievementPercentagesForApp.v2.cn-testrun-2026.json" => {
            ok(Unattributed, |d| {
                let a = &d.percentages().achievements;
                assert_eq!(a[0].name, "PLAY_CS2");
                assert_eq!(a[0].percent, 38.7, "parsed from the string \"38.7\"");
            })
        }
        "ISteamUserStats.GetGlobalAchievementPercentagesForApp.v2.fkrzski-string-percent.json" => {
            ok(Curated, |d| {
                let p: Vec<f64> = d
                    .percentages()
                    .achievements
                    .iter()
                    .map(|a| a.percent)
                    .collect();
                assert_eq!(p, [63.0, 60.0, 57.8, 0.1]);
            })
        }
        "ISteamUserStats.GetGlobalAchievementPercentagesForApp.v2.olgagr-403-bad-gameid.json" => {
            fail(Recorded, Op::Percentages, 403, Want::Http("{}"))
        }

        // ---- ISteamUserStats/GetPlayerAchievements v1 ----
        "ISteamUserStats.GetPlayerAchievements.v1.olgagr.json" => ok(Recorded, |d| {
            let r = d.achievements();
            assert_eq!(r.steam_id, Some(SteamId(76561198046174695)));
            let a = r.achievements.as_deref().unwrap();
            assert_eq!(a.len(), 55);
            assert_eq!(
                (a[0].achieved, a[0].unlocktime),
                (1, None),
                "2015: no unlocktime"
            );
            assert!(r.success);
        }),
        "ISteamUserStats.GetPlayerAchievements.v1.lpradel.json" => ok(Recorded, |d| {
            let r = d.achievements();
            assert_eq!(r.game_name.as_deref(), Some("Team Fortress 2"));
            assert_eq!(r.achievements.as_ref().unwrap().len(), 513);
        }),
        "ISteamUserStats.GetPlayerAchievements.v1.kchateau.json" => ok(Recorded, |d| {
            let a = d.achievements().achievements.as_deref().unwrap();
            assert_eq!(a.len(), 520);
            assert_eq!(
                (a[0].achieved, a[0].unlocktime),
                (0, Some(0)),
                "0 when locked"
            );
            assert!(a.iter().all(|x| x.unlocktime.is_some()));
        }),
        "ISteamUserStats.GetPlayerAchievements.v1.q2bot-converted.json" => ok(Recorded, |d| {
            let r = d.achievements();
            assert_eq!(r.game_name.as_deref(), Some("7 Days to Die"));
            let a = r.achievements.as_deref().unwrap();
            assert_eq!((a.len(), a[0].apiname.as_str()), (43, "StoneAxe"));
        }),
        "ISteamUserStats.GetPlayerAchievements.v1.q2bot.pyrepr" => Case {
            kind: Recorded,
            expect: Expect::NotJson {
                line: 1,
                column: 2,
                twin: "ISteamUserStats.GetPlayerAchievements.v1.q2bot-converted.json",
            },
        },
        "ISteamUserStats.GetPlayerAchievements.v1.cn-testrun-2026.json" => ok(Unattributed, |d| {
            let r = d.achievements();
            assert_eq!(r.game_name.as_deref(), Some("Counter-Strike 2"));
            let a = &r.achievements.as_deref().unwrap()[0];
            assert_eq!((a.achieved, a.unlocktime), (1, Some(1695872502)));
        }),
        "ISteamUserStats.GetPlayerAchievements.v1.fkrzski-localized.json" => ok(Curated, |d| {
            let a = &d.achievements().achievements.as_deref().unwrap()[0];
            assert_eq!(a.name.as_deref(), Some("I Am Inevitable"));
            assert!(a.description.is_some());
        }),
        // Stored with status 200 (live Steam answers 403): decodes as a failed result.
        "ISteamUserStats.GetPlayerAchievements.v1.fkrzski-private.json" => ok(Curated, |d| {
            let r = d.achievements();
            assert!(!r.success);
            assert_eq!(r.error.as_deref(), Some("Profile is not public"));
            assert_eq!((r.steam_id, r.achievements.as_ref()), (None, None));
        }),
        "ISteamUserStats.GetPlayerAchievements.v1.olgagr-400-no-stats.json" => {
            fail(Recorded, Op::Achievements, 400, Want::Api(NO_STATS))
        }
        "ISteamUserStats.GetPlayerAchievements.v1.fkrzski-400-no-stats.json" => {
            fail(Curated, Op::Achievements, 400, Want::Api(NO_STATS))
        }

        // ---- ISteamUserStats/GetUserStatsForGame v2 ----
        "ISteamUserStats.GetUserStatsForGame.v2.olgagr.json" => ok(Recorded, |d| {
            let r = d.user_stats();
            assert_eq!(r.game_name, "ValveTestApp8930");
            assert_eq!(r.achievements.as_ref().unwrap().len(), 151);
            let stats = r.stats.as_deref().unwrap();
            assert_eq!((stats.len(), stats[0].value), (134, 24.0));
        }),
        "ISteamUserStats.GetUserStatsForGame.v2.lpradel.json" => ok(Recorded, |d| {
            let r = d.user_stats();
            assert_eq!(r.steam_id, SteamId(76561197972495328));
            assert_eq!(r.stats.as_ref().unwrap().len(), 459);
            assert_eq!(
                r.achievements.as_ref().unwrap()[0].name,
                "TF_PLAY_GAME_EVERYCLASS"
            );
        }),
        "ISteamUserStats.GetUserStatsForGame.v2.kchateau.json" => ok(Recorded, |d| {
            let r = d.user_stats();
            assert_eq!(r.achievements, None, "stats only");
            let stats = r.stats.as_deref().unwrap();
            assert_eq!(
                (stats[0].name.as_str(), stats[0].value),
                ("Sniper.accum.iDamageDealt", 546.0)
            );
        }),
        "ISteamUserStats.GetUserStatsForGame.v2.olgagr-400-no-stats.json" => {
            fail(Recorded, Op::UserStats, 400, Want::Http("{}"))
        }

        // ---- IGameNotificationsService/CreateSession v1 ----
        "IGameNotificationsService.CreateSession.v1.valve-docs-example.json" => {
            ok(HandWritten, |d| assert_eq!(d.session().sessionid, 10))
        }

        // ---- Steam's error pages (served for GetPlayerSummaries: any endpoint gives them) ----
        "SteamError.400-missing-key.fkrzski.html" => fail(
            Curated,
            Op::Summaries,
            400,
            Want::Http("Bad Request Required parameter 'key' is missing"),
        ),
        "SteamError.400-missing-param.cn-testrun-2026.html" => fail(
            Unattributed,
            Op::Summaries,
            400,
            Want::Http("Bad Request Required parameter 'version' is missing"),
        ),
        "SteamError.400-missing-routing-param.cn-testrun-2026.html" => fail(
            Unattributed,
            Op::Summaries,
            400,
            Want::Http("Bad Request Missing required routing parameter"),
        ),
        "SteamError.401-unauthorized.cn-testrun-2026.html" => {
            fail(Unattributed, Op::Summaries, 401, Want::Http(UNAUTHORIZED))
        }
        "SteamError.401-unauthorized.fkrzski.html" => {
            fail(Curated, Op::Summaries, 401, Want::Http(UNAUTHORIZED))
        }
        "SteamError.401-unauthorized.pidgin-opensteamworks-issue81.html" => {
            fail(Recorded, Op::Summaries, 401, Want::Http(UNAUTHORIZED))
        }
        "SteamError.403-invalid-key.fkrzski.html" => {
            fail(Curated, Op::Summaries, 403, Want::Http(FORBIDDEN))
        }
        "SteamError.404-json-status-code.cn-testrun-2026.json" => fail(
            Unattributed,
            Op::Summaries,
            404,
            Want::Http(r#"{"status":{"code":9}}"#),
        ),
        "SteamError.410-gone.cn-testrun-2026.html" => {
            fail(Unattributed, Op::Summaries, 410, Want::Http("Gone"))
        }
        "SteamError.429-too-many-requests.lancache-autofill-issue32.html" => {
            fail(Recorded, Op::Recent, 429, Want::RateLimited)
        }
        _ => unlisted(file),
    }
}

/// A file [`case`] does not know: its name says the operation and, for an error, the status.
fn unlisted(file: &str) -> Case {
    let op = responses::operation_id_from_file_name(file)
        .and_then(|id| Op::from_id(&id))
        .unwrap_or(Op::Summaries);
    match status_in_name(file) {
        Some(status) => fail(Kind::Unlisted, op, status, Want::AnyError),
        None => ok(Kind::Unlisted, |_| {}),
    }
}

/// `-403-` or `SteamError.429-` in a file name.
fn status_in_name(file: &str) -> Option<u16> {
    file.split(['-', '.'])
        .filter(|p| p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
        .filter_map(|p| p.parse().ok())
        .find(|s| (400..600).contains(s))
}
