//! ISteamUserStats.

use steam_webapi::isteam_user_stats::PlayerAchievement;
use steam_webapi::{SteamId, isteam_user_stats as stats};
use steamspec_tests::loopback::WireRequest;
use steamspec_tests::spec_example::SpecCall;

use crate::helpers::call_example;

/// GetGlobalAchievementPercentagesForApp of TF2 against the spec example
/// `example`, which must decode to `expected` (name, percent); returns the
/// request.
async fn assert_tf2_percentages(example: &str, expected: &[(&str, f64)]) -> WireRequest {
    let call = SpecCall::new(
        "ISteamUserStats/GetGlobalAchievementPercentagesForApp/v2",
        example,
    );
    let req = stats::GetGlobalAchievementPercentagesForAppRequest::new(440);
    let (resp, wire) = call_example(&call, async |c| {
        c.isteam_user_stats()
            .get_global_achievement_percentages_for_app(&req)
            .await
    })
    .await;
    let got: Vec<(&str, f64)> = resp
        .achievements
        .iter()
        .map(|a| (a.name.as_str(), a.percent))
        .collect();
    assert_eq!(got, expected, "{}", call.label());
    wire
}

#[tokio::test]
async fn isteam_user_stats_global_achievement_percentages_percent_as_string() {
    // `wire: either`: "54.3" on the wire.
    let wire = assert_tf2_percentages(
        "tf2-modern",
        &[
            ("TF_SCOUT_LONG_DISTANCE_RUNNER", 54.3),
            ("TF_HEAVY_DAMAGE_TAKEN", 49.8),
            ("TF_PLAY_GAME_EVERYCLASS", 41.2),
        ],
    )
    .await;
    assert_eq!(wire.param("gameid"), Some("440"), "u64 as a decimal string");
}

#[tokio::test]
async fn isteam_user_stats_global_achievement_percentages_percent_as_number() {
    assert_tf2_percentages(
        "tf2-2015-number",
        &[
            ("TF_SCOUT_LONG_DISTANCE_RUNNER", 61.37445068359375),
            ("TF_HEAVY_DAMAGE_TAKEN", 55.09521484375),
        ],
    )
    .await;
}

#[tokio::test]
async fn isteam_user_stats_get_player_achievements() {
    let call = SpecCall::new("ISteamUserStats/GetPlayerAchievements/v1", "localized");
    let req = stats::GetPlayerAchievementsRequest::new(SteamId(76561197960435530), 440)
        .l("english".into());
    let (resp, wire) = call_example(&call, async |c| {
        c.isteam_user_stats().get_player_achievements(&req).await
    })
    .await;
    assert_eq!(wire.param("l"), Some("english"));
    assert_eq!(wire.param("appid"), Some("440"));

    assert_eq!(resp.steam_id, Some(SteamId(76561197960435530)));
    assert_eq!(resp.game_name.as_deref(), Some("Team Fortress 2"));
    assert!(resp.success);
    assert_eq!(resp.error, None);
    assert_eq!(
        resp.achievements,
        Some(vec![
            PlayerAchievement {
                apiname: "TF_PLAY_GAME_EVERYCLASS".into(),
                achieved: 1,
                unlocktime: Some(1301502117),
                name: Some("Head of the Class".into()),
                description: Some("Play a complete round with every class.".into()),
            },
            PlayerAchievement {
                apiname: "TF_GET_TURRETKILLS".into(),
                achieved: 0,
                unlocktime: Some(0),
                name: Some("Sentry Gunner".into()),
                description: Some("Accumulate 10 sentry gun kills with a single sentry.".into()),
            },
        ])
    );
}

#[tokio::test]
async fn isteam_user_stats_get_user_stats_for_game() {
    let call = SpecCall::new("ISteamUserStats/GetUserStatsForGame/v2", "tf2");
    let req = stats::GetUserStatsForGameRequest::new(SteamId(76561197960435530), 440);
    let (resp, wire) = call_example(&call, async |c| {
        c.isteam_user_stats().get_user_stats_for_game(&req).await
    })
    .await;
    assert_eq!(wire.param("l"), None);

    assert_eq!(resp.steam_id, SteamId(76561197960435530));
    assert_eq!(resp.game_name, "Team Fortress 2");
    let stat_values: Vec<(&str, f64)> = resp
        .stats
        .as_ref()
        .unwrap()
        .iter()
        .map(|s| (s.name.as_str(), s.value))
        .collect();
    assert_eq!(
        stat_values,
        vec![
            ("Scout.accum.iNumberOfKills", 1523.0),
            ("Scout.max.iPointsScored", 41.0),
            ("Soldier.accum.iPlayTime", 93874.0),
        ]
    );
    let unlocked: Vec<(&str, u32)> = resp
        .achievements
        .as_ref()
        .unwrap()
        .iter()
        .map(|a| (a.name.as_str(), a.achieved))
        .collect();
    assert_eq!(
        unlocked,
        vec![
            ("TF_PLAY_GAME_EVERYCLASS", 1),
            ("TF_SCOUT_LONG_DISTANCE_RUNNER", 1)
        ]
    );
}
