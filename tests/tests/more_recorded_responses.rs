//! The recorded bodies of the public methods beyond the first eight
//! (`../shared/fixtures/more-responses`, read in place, never copied), tested like those of
//! `responses/` (recorded_responses.rs): every success body decodes through the generated
//! client from a loopback server with its recorded status, validates against the operation's
//! response JSON Schema, passes the strict check, and has its values asserted; every error body
//! gives the right typed error, without the key.
//!
//! `build.rs` writes one test per file of the folder (`per_file::*`); [`case`] says what each
//! file must give, and a file it does not list fails until it is listed.

use steam_webapi::iecon_service as econ;
use steam_webapi::iplayer_service as player;
use steam_webapi::ipublished_file_service as published;
use steam_webapi::isteam_apps as apps;
use steam_webapi::isteam_remote_storage as storage;
use steam_webapi::isteam_user as user;
use steam_webapi::isteam_user_stats as stats;
use steam_webapi::isteam_web_api_util as util;
use steam_webapi::{Error, SteamId};
use steamspec::responses::{self, Location};

include!(concat!(env!("OUT_DIR"), "/more_recorded_responses.rs"));

#[path = "support/recorded.rs"]
mod recorded;
use recorded::assert_no_key;

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/fixtures/more-responses"
);

const FORBIDDEN: &str =
    "Forbidden Access is denied. Retrying will not help. Please verify your key= parameter.";

/// What a file must give.
enum Expect {
    /// A 200 body: decodes, and `check` asserts its values.
    Success(fn(&Decoded)),
    /// An error page served with `status`: `Error::Http` with exactly this excerpt.
    Http { status: u16, excerpt: &'static str },
    /// A 200 body with `success` 42: `Error::NoMatch` with this message.
    NoMatch(&'static str),
}

/// Every file of the folder (the kinds in the comments are the folder README's).
fn case(file: &str) -> Expect {
    use Expect::*;
    match file {
        // ---- ISteamUser GetPlayerBans: no envelope, capitalised keys ----
        "ISteamUser.GetPlayerBans.v1.lpradel.json" => Success(|d| {
            let bans = d.bans();
            assert_eq!(bans.len(), 2);
            assert_eq!(bans[0].steam_id, SteamId(76561198051682777));
            assert_eq!(bans[1].steam_id, SteamId(76561198051682776));
            assert!(bans.iter().all(|b| b.number_of_game_bans.is_none()));
        }),
        "ISteamUser.GetPlayerBans.v1.olgagr-2015-one-player.json" => Success(|d| {
            let b = &d.bans()[0];
            assert_eq!(b.steam_id, SteamId(76561198046174695));
            assert!(!b.community_banned && !b.vac_banned);
            assert_eq!((b.number_of_vac_bans, b.days_since_last_ban), (0, 0));
            assert_eq!(b.number_of_game_bans, None, "not sent before April 2015");
            assert_eq!(b.economy_ban, user::EconomyBanStatus::None);
        }),
        "ISteamUser.GetPlayerBans.v1.olgagr-2015-two-players.json" => Success(|d| {
            let bans = d.bans();
            assert_eq!(bans[1].steam_id, SteamId(76561197960435530));
            assert!(
                bans.iter()
                    .all(|b| b.economy_ban == user::EconomyBanStatus::None)
            );
        }),
        "ISteamUser.GetPlayerBans.v1.olgagr-2015-403-badkey.html" => Http {
            status: 403,
            excerpt: FORBIDDEN,
        },

        // ---- ISteamUser ResolveVanityURL: 42 is Error::NoMatch ----
        "ISteamUser.ResolveVanityURL.v1.lpradel-match-handwritten.json" => Success(|d| {
            let r = d.vanity();
            assert_eq!((r.steamid, r.success), (Some(SteamId(123456789)), 1));
        }),
        "ISteamUser.ResolveVanityURL.v1.lpradel-nomatch.json" => NoMatch("No match"),
        "ISteamUser.ResolveVanityURL.v1.valvepython-2015.json"
        | "ISteamUser.ResolveVanityURL.v1.valvepython-2016.json" => Success(|d| {
            let r = d.vanity();
            // url_type=2: a group's id.
            assert_eq!(r.steamid, Some(SteamId(103582791429521412)));
            assert_eq!((r.success, r.message.as_deref()), (1, None));
        }),

        // ---- IPlayerService ----
        "IPlayerService.GetSteamLevel.v1.yeggstry-2013.json" => {
            Success(|d| assert_eq!(d.level().player_level, Some(12)))
        }
        "IPlayerService.GetBadges.v1.yeggstry-2013.json" => Success(|d| {
            let r = d.badges();
            let badges = r.badges.as_deref().unwrap();
            assert_eq!(badges.len(), 11);
            assert_eq!((r.player_level, r.player_xp), (Some(13), Some(1628)));
            assert_eq!(r.player_xp_needed_to_level_up, Some(172));
            // Only the trading-card badge carries its app, item and border.
            let card: Vec<_> = badges.iter().filter(|b| b.appid.is_some()).collect();
            assert_eq!(card.len(), 1);
            assert_eq!(
                (card[0].appid, card[0].communityitemid, card[0].border_color),
                (Some(245070), Some(110365220), Some(0))
            );
            assert_eq!(badges[0].scarcity, 1020314);
        }),
        "IPlayerService.GetCommunityBadgeProgress.v1.yeggstry-2013.json" => Success(|d| {
            let quests = d.quests().quests.as_deref().unwrap();
            assert_eq!(quests.len(), 26);
            assert_eq!(quests.iter().filter(|q| q.completed).count(), 21);
            assert!(quests.iter().all(|q| q.questid != 107), "ids have gaps");
        }),
        "IPlayerService.IsPlayingSharedGame.v1.olgagr-2015.json" => {
            Success(|d| assert_eq!(d.shared().lender_steamid, SteamId(0), "not borrowed"))
        }
        // Hand-written: "123" is no SteamID, but it is a string of digits.
        "IPlayerService.IsPlayingSharedGame.v1.lpradel-handwritten.json" => {
            Success(|d| assert_eq!(d.shared().lender_steamid, SteamId(123)))
        }
        "IPlayerService.IsPlayingSharedGame.v1.olgagr-2015-500-bad-steamid.html" => Http {
            status: 500,
            excerpt: "Internal Server Error",
        },

        // ---- ISteamUserStats ----
        "ISteamUserStats.GetSchemaForGame.v2.condenser-java-tf2.json" => Success(|d| {
            let s = d.schema();
            assert_eq!(s.game_name.as_deref(), Some("Team Fortress 2"));
            assert_eq!(s.game_version.as_deref(), Some("323"), "a string");
            let all = s.available_game_stats.as_ref().unwrap();
            assert_eq!(all.stats.as_ref().unwrap().len(), 101);
            let ach = all.achievements.as_deref().unwrap();
            assert_eq!(ach.len(), 130);
            let no_text: Vec<&str> = ach
                .iter()
                .filter(|a| a.description.is_none())
                .map(|a| a.name.as_str())
                .collect();
            assert_eq!(no_text, ["TF_HEAVY_KILL_DOMINATED"]);
        }),
        "ISteamUserStats.GetSchemaForGame.v2.lpradel-payday2.json" => Success(|d| {
            let all = d.schema().available_game_stats.as_ref().unwrap();
            assert_eq!(all.achievements.as_ref().unwrap().len(), 311);
            assert_eq!(all.stats.as_ref().unwrap().len(), 1100);
            assert_eq!(all.achievements.as_ref().unwrap()[0].name, "hot_wheels");
        }),
        "ISteamUserStats.GetSchemaForGame.v2.olgagr-2015-app8930.json" => Success(|d| {
            let s = d.schema();
            assert_eq!(s.game_version.as_deref(), Some("108"));
            let ach = s
                .available_game_stats
                .as_ref()
                .unwrap()
                .achievements
                .as_deref();
            let ach = ach.unwrap();
            assert!(ach.iter().all(|a| a.hidden <= 1));
            assert_eq!(ach.iter().filter(|a| a.description.is_none()).count(), 1);
        }),
        "ISteamUserStats.GetNumberOfCurrentPlayers.v1.condenser-java.json" => Success(|d| {
            let r = d.players();
            assert_eq!((r.result, r.player_count), (1, Some(68532)));
        }),
        // 2013: an unknown appid still said result 1 with no players.
        "ISteamUserStats.GetNumberOfCurrentPlayers.v1.condenser-java-invalid-appid.json" => {
            Success(|d| assert_eq!(d.players().player_count, Some(0)))
        }
        "ISteamUserStats.GetGlobalStatsForGame.v1.lpradel.json" => Success(|d| {
            let r = d.global();
            assert_eq!(r.result, 1);
            let totals = r.globalstats.as_ref().unwrap();
            assert_eq!(totals["global.map.emp_isle"].total, 11023654915);
        }),

        // ---- ISteamApps ----
        "ISteamApps.UpToDateCheck.v1.condenser-java-outdated.json" => Success(|d| {
            let r = d.up_to_date();
            assert!(r.success && !r.up_to_date && !r.version_is_listable);
            assert_eq!(r.required_version, Some(1258));
            assert!(
                r.message
                    .as_deref()
                    .unwrap()
                    .starts_with("Your server is out of date")
            );
        }),
        "ISteamApps.GetServersAtAddress.v1.condenser-java.json" => Success(|d| {
            let r = d.servers();
            let servers = r.servers.as_deref().unwrap();
            assert!(r.success);
            assert_eq!(servers.len(), 7);
            assert_eq!(servers[0].addr, "85.236.100.104:27215");
            assert_eq!((servers[0].gmsindex, servers[0].region), (65534, 3));
            assert!(
                servers.iter().all(|s| s.steamid.is_none()),
                "2013: no steamid"
            );
        }),
        "ISteamApps.GetServersAtAddress.v1.darryl-h-vrising-readme.json" => Success(|d| {
            let s = &d.servers().servers.as_deref().unwrap()[0];
            assert_eq!(s.steamid, Some(SteamId(90159453801734145)));
            assert_eq!((s.gmsindex, s.region), (-1, -1), "2022 placeholders");
            assert_eq!((s.appid, s.gameport), (1604030, 9876));
        }),

        // ---- ISteamRemoteStorage: POST, indexed arrays ----
        "ISteamRemoteStorage.GetPublishedFileDetails.v1.aquerr.json" => Success(|d| {
            let r = d.file_details();
            assert_eq!((r.result, r.resultcount), (1, 2));
            let f = &r.publishedfiledetails;
            assert_eq!(f[0].publishedfileid, 3122668835);
            assert_eq!((f[0].file_size, f[0].banned), (Some(4310102), Some(0)));
            assert_eq!(f[0].tags.as_ref().unwrap().len(), 5);
            assert!(f[0].file_url.is_none() && f[1].file_url.is_some());
            assert!(f[0].description.as_deref().unwrap().contains("\r\n"));
        }),
        "ISteamRemoteStorage.GetPublishedFileDetails.v1.valvepython-2016-result9.json"
        | "ISteamRemoteStorage.GetPublishedFileDetails.v1.valvepython-2020-result9.json" => {
            Success(|d| {
                let r = d.file_details();
                assert_eq!(r.resultcount, 5);
                // Not found: the entry shrinks to its id and result 9.
                assert!(
                    r.publishedfiledetails
                        .iter()
                        .all(|f| f.result == 9 && f.publishedfileid == 1 && f.title.is_none())
                );
            })
        }
        // Edited by its author: resultcount 2 for 3 entries, a placeholder id.
        "ISteamRemoteStorage.GetCollectionDetails.v1.aquerr.json" => Success(|d| {
            let r = d.collections();
            assert_eq!((r.resultcount, r.collectiondetails.len()), (2, 3));
            let sizes: Vec<(u64, u32, usize)> = r
                .collectiondetails
                .iter()
                .map(|c| {
                    (
                        c.publishedfileid,
                        c.result,
                        c.children.as_ref().map_or(0, Vec::len),
                    )
                })
                .collect();
            assert_eq!(
                sizes,
                [(123456789, 1, 20), (9532492348, 1, 24), (181627512, 9, 0)]
            );
        }),

        // ---- IPublishedFileService ----
        "IPublishedFileService.GetDetails.v1.aquerr.json" => Success(|d| {
            let files = d.details().publishedfiledetails.as_deref().unwrap();
            let f = &files[0];
            assert_eq!(f.publishedfileid, 333310405);
            assert_eq!(f.file_size, Some(129040319), "a 64-bit string");
            assert_eq!(f.banned, Some(false), "a boolean here");
            assert_eq!(f.creator, Some(SteamId(76561197991798145)));
            assert_eq!(f.previews.as_ref().unwrap().len(), 8);
            assert_eq!(f.vote_data.as_ref().unwrap().votes_up, 90);
            assert_eq!(f.short_description.as_deref(), Some("Test Desc"));
            assert!(files[1].previews.is_none() && files[1].children.is_none());
        }),
        "IPublishedFileService.QueryFiles.v1.aquerr.json" => Success(|d| {
            let r = d.query();
            assert_eq!(r.total, 3827);
            assert_eq!(r.next_cursor.as_deref(), Some("AoMITaJItVfyvgZ1nL33CQ=="));
            let ids: Vec<u64> = r
                .publishedfiledetails
                .as_deref()
                .unwrap()
                .iter()
                .map(|f| f.publishedfileid)
                .collect();
            assert_eq!(ids, [333310405, 9532492348]);
        }),

        // ---- IEconService ----
        "IEconService.GetTradeOffers.v1.aquerr.json" => Success(|d| {
            let r = d.offers();
            let sent = &r.trade_offers_sent.as_deref().unwrap()[0];
            assert_eq!(sent.tradeofferid, 6656314811);
            assert_eq!(sent.accountid_other, 1049118211, "a 32-bit account id");
            assert_eq!(sent.escrow_end_date, Some(0));
            let give = &sent.items_to_give.as_deref().unwrap()[0];
            assert_eq!(
                (give.appid, give.assetid, give.amount),
                (730, 35001471191, 1)
            );
            assert_eq!(r.trade_offers_received.as_ref().unwrap().len(), 1);
            assert_eq!(r.descriptions.as_ref().unwrap().len(), 2);
            assert_eq!(r.next_cursor, Some(0));
        }),
        "IEconService.GetTradeOffer.v1.aquerr.json" => Success(|d| {
            let offer = d.offer().offer.as_ref().unwrap();
            assert_eq!(
                (offer.tradeofferid, offer.trade_offer_state),
                (6656314810, 2)
            );
            assert!(offer.is_our_offer);
        }),
        "IEconService.GetTradeHistory.v1.aquerr.json" => Success(|d| {
            let r = d.history();
            assert_eq!((r.total_trades, r.more), (Some(88), true));
            let t = &r.trades.as_deref().unwrap()[0];
            assert_eq!(t.tradeid, 1894412447350854522);
            // Edited by its author: an impossible 76564 prefix, kept as sent.
            assert_eq!(t.steamid_other, SteamId(76564198325376876));
            let asset = &t.assets_received.as_deref().unwrap()[0];
            assert_eq!(asset.new_assetid, Some(12781040766));
            assert_eq!(r.descriptions.as_ref().unwrap().len(), 2);
        }),
        "IEconService.GetTradeOffersSummary.v1.aquerr.json" => Success(|d| {
            let r = d.summary();
            assert_eq!((r.pending_sent_count, r.historical_sent_count), (1, 2));
            assert_eq!(r.historical_received_count, 2);
            assert_eq!(r.escrow_received_count, 0);
        }),
        "IEconService.GetTradeOffers.v1.aquerr-403-badkey.html" => Http {
            status: 403,
            excerpt: FORBIDDEN,
        },

        // ---- ISteamWebAPIUtil GetServerInfo: no envelope, the two fields at the top ----
        "ISteamWebAPIUtil.GetServerInfo.v1.aquerr-handwritten.json" => Success(|d| {
            let info = d.server_info();
            assert_eq!(info.servertime, 123456789);
            assert_eq!(info.servertimestring, "Sat May 13 09:19:49 2023");
        }),
        "ISteamWebAPIUtil.GetServerInfo.v1.valvepython-2015.json" => Success(|d| {
            let info = d.server_info();
            assert_eq!(info.servertime, 1440370690);
            assert_eq!(info.servertimestring, "Sun Aug 23 15:58:10 2015");
        }),
        "ISteamWebAPIUtil.GetServerInfo.v1.valvepython-2016.json" => Success(|d| {
            let info = d.server_info();
            assert_eq!(info.servertime, 1463143608);
            assert_eq!(info.servertimestring, "Fri May 13 05:46:48 2016");
        }),
        "ISteamWebAPIUtil.GetServerInfo.v1.yeggstry-2013.json" => Success(|d| {
            let info = d.server_info();
            assert_eq!(info.servertime, 1380283969);
            assert_eq!(info.servertimestring, "Fri Sep 27 05:12:49 2013");
        }),

        other => panic!("{other}: not in case(); write down what it must give"),
    }
}

// ---- decoding ---------------------------------------------------------------------------------

/// A decoded body: the operation's response type.
#[derive(Debug)]
enum Decoded {
    Bans(Vec<user::PlayerBans>),
    Vanity(user::ResolveVanityURLResponse),
    Level(player::GetSteamLevelResponse),
    Badges(player::GetBadgesResponse),
    Quests(player::GetCommunityBadgeProgressResponse),
    Shared(player::IsPlayingSharedGameResponse),
    Schema(stats::SchemaForGame),
    Players(stats::GetNumberOfCurrentPlayersResponse),
    Global(stats::GetGlobalStatsForGameResponse),
    UpToDate(apps::UpToDateCheckResponse),
    Servers(apps::GetServersAtAddressResponse),
    FileDetails(storage::GetPublishedFileDetailsResponse),
    Collections(storage::GetCollectionDetailsResponse),
    Details(published::GetDetailsResponse),
    Query(published::QueryFilesResponse),
    Offers(econ::GetTradeOffersResponse),
    Offer(econ::GetTradeOfferResponse),
    History(econ::GetTradeHistoryResponse),
    Summary(econ::GetTradeOffersSummaryResponse),
    ServerInfo(util::GetServerInfoResponse),
}

macro_rules! accessors {
    ($($name:ident: $variant:ident => $ty:ty),* $(,)?) => {
        impl Decoded {
            $(fn $name(&self) -> &$ty {
                match self {
                    Decoded::$variant(r) => r,
                    other => panic!(concat!("expected ", stringify!($variant), ", got {:?}"), other),
                }
            })*
        }
    };
}

accessors! {
    bans: Bans => Vec<user::PlayerBans>,
    vanity: Vanity => user::ResolveVanityURLResponse,
    level: Level => player::GetSteamLevelResponse,
    badges: Badges => player::GetBadgesResponse,
    quests: Quests => player::GetCommunityBadgeProgressResponse,
    shared: Shared => player::IsPlayingSharedGameResponse,
    schema: Schema => stats::SchemaForGame,
    players: Players => stats::GetNumberOfCurrentPlayersResponse,
    global: Global => stats::GetGlobalStatsForGameResponse,
    up_to_date: UpToDate => apps::UpToDateCheckResponse,
    servers: Servers => apps::GetServersAtAddressResponse,
    file_details: FileDetails => storage::GetPublishedFileDetailsResponse,
    collections: Collections => storage::GetCollectionDetailsResponse,
    details: Details => published::GetDetailsResponse,
    query: Query => published::QueryFilesResponse,
    offers: Offers => econ::GetTradeOffersResponse,
    offer: Offer => econ::GetTradeOfferResponse,
    history: History => econ::GetTradeHistoryResponse,
    summary: Summary => econ::GetTradeOffersSummaryResponse,
    server_info: ServerInfo => util::GetServerInfoResponse,
}

const STEAMID: SteamId = SteamId(76561197960435530);

/// Serves `body` with `status` for the operation `op_id` on a loopback server and calls it with
/// the generated client.
fn call(op_id: &str, status: u16, body: &[u8]) -> Result<Decoded, Error> {
    let ct = recorded::content_type_of(body);
    macro_rules! run {
        ($req:expr, $variant:ident) => {
            recorded::call(&$req, status, ct, body).map(Decoded::$variant)
        };
    }
    match op_id {
        "ISteamUser/GetPlayerBans/v1" => run!(user::GetPlayerBansRequest::new(vec![STEAMID]), Bans),
        "ISteamWebAPIUtil/GetServerInfo/v1" => run!(util::GetServerInfoRequest::new(), ServerInfo),
        "ISteamUser/ResolveVanityURL/v1" => run!(
            user::ResolveVanityURLRequest::new("valve".into()).url_type(user::VanityUrlType::Group),
            Vanity
        ),
        "IPlayerService/GetSteamLevel/v1" => {
            run!(player::GetSteamLevelRequest::new(STEAMID), Level)
        }
        "IPlayerService/GetBadges/v1" => run!(player::GetBadgesRequest::new(STEAMID), Badges),
        "IPlayerService/GetCommunityBadgeProgress/v1" => run!(
            player::GetCommunityBadgeProgressRequest::new(STEAMID, 2),
            Quests
        ),
        "IPlayerService/IsPlayingSharedGame/v1" => run!(
            player::IsPlayingSharedGameRequest::new(STEAMID, 440),
            Shared
        ),
        "ISteamUserStats/GetSchemaForGame/v2" => {
            run!(stats::GetSchemaForGameRequest::new(440), Schema)
        }
        "ISteamUserStats/GetNumberOfCurrentPlayers/v1" => {
            run!(stats::GetNumberOfCurrentPlayersRequest::new(440), Players)
        }
        "ISteamUserStats/GetGlobalStatsForGame/v1" => run!(
            stats::GetGlobalStatsForGameRequest::new(17740, 1, vec!["global.map.emp_isle".into()]),
            Global
        ),
        "ISteamApps/UpToDateCheck/v1" => run!(apps::UpToDateCheckRequest::new(440, 1257), UpToDate),
        "ISteamApps/GetServersAtAddress/v1" => run!(
            apps::GetServersAtAddressRequest::new("85.236.100.104".into()),
            Servers
        ),
        "ISteamRemoteStorage/GetPublishedFileDetails/v1" => run!(
            storage::GetPublishedFileDetailsRequest::new(1, vec![3122668835]),
            FileDetails
        ),
        "ISteamRemoteStorage/GetCollectionDetails/v1" => run!(
            storage::GetCollectionDetailsRequest::new(1, vec![123456789]),
            Collections
        ),
        "IPublishedFileService/GetDetails/v1" => run!(
            published::GetDetailsRequest::new(vec![333310405]).includevotes(true),
            Details
        ),
        "IPublishedFileService/QueryFiles/v1" => run!(
            published::QueryFilesRequest::new(1)
                .appid(107410)
                .cursor("*".into()),
            Query
        ),
        "IEconService/GetTradeOffers/v1" => run!(
            econ::GetTradeOffersRequest::new()
                .get_sent_offers(true)
                .get_received_offers(true),
            Offers
        ),
        "IEconService/GetTradeOffer/v1" => run!(econ::GetTradeOfferRequest::new(6656314810), Offer),
        "IEconService/GetTradeHistory/v1" => run!(econ::GetTradeHistoryRequest::new(2), History),
        "IEconService/GetTradeOffersSummary/v1" => {
            run!(econ::GetTradeOffersSummaryRequest::new(), Summary)
        }
        other => panic!("no call for {other}; add one to call()"),
    }
}

fn read(file: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{file}")).unwrap_or_else(|e| panic!("{file}: {e}"))
}

// ---- the per-file test ---------------------------------------------------------------------

fn check_file(file: &str) {
    let op_id = responses::operation_id_from_file_name(file).expect("Interface.Method.vN.");
    let bytes = read(file);
    match case(file) {
        Expect::Success(check) => {
            let decoded = call(&op_id, 200, &bytes)
                .unwrap_or_else(|e| panic!("{file} does not decode: {e} ({e:?})"));
            check(&decoded);
            let body = responses::parse_json(&bytes).unwrap_or_else(|e| panic!("{}", e.message));
            recorded::assert_schema_valid_and_strict_clean(file, &op_id, &body, &Location::full());
        }
        Expect::Http { status, excerpt } => {
            let err = call(&op_id, status, &bytes).expect_err("an error page");
            assert_no_key(file, &err);
            recorded::assert_http_error(file, &err, status, excerpt);
        }
        Expect::NoMatch(text) => {
            let err = call(&op_id, 200, &bytes).expect_err("success 42");
            assert_no_key(file, &err);
            match err {
                Error::NoMatch { message } => assert_eq!(message, text, "{file}"),
                other => panic!("{file}: expected Error::NoMatch, got {other:?}"),
            }
            // The failed body is still what the spec describes (every field it lacks is optional).
            let body = responses::parse_json(&bytes).unwrap_or_else(|e| panic!("{}", e.message));
            recorded::assert_schema_valid_and_strict_clean(file, &op_id, &body, &Location::full());
        }
    }
}

// ---- the whole folder ------------------------------------------------------------------------

/// The folder is there and complete: every file of its README has a test.
#[test]
fn every_file_of_the_folder_is_tested() {
    assert!(FILES.len() >= 38, "{} files in {FIXTURES}", FILES.len());
    let readme = std::fs::read_to_string(format!("{FIXTURES}/README.md")).unwrap();
    for file in FILES {
        assert!(
            readme.contains(&format!("`{file}`")),
            "{file} is not in the README"
        );
    }
}
