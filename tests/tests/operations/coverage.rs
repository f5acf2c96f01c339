//! The operations and examples of the spec are all called by some test here.

use steamspec_tests::spec_example;

/// Every (operation, example) pair this test binary calls through the client.
const COVERED: &[(&str, &str)] = &[
    ("IGameNotificationsService/CreateSession/v1", "docs"),
    ("IGameNotificationsService/DeleteSession/v1", "docs"),
    (
        "IGameNotificationsService/DeleteSessionBatch/v1",
        "constructed",
    ),
    (
        "IGameNotificationsService/EnumerateSessionsForApp/v1",
        "docs",
    ),
    (
        "IGameNotificationsService/GetSessionDetailsForApp/v1",
        "docs",
    ),
    ("IGameNotificationsService/RequestNotifications/v1", "docs"),
    ("IGameNotificationsService/UpdateSession/v1", "docs"),
    ("IPlayerService/GetOwnedGames/v1", "appinfo-own-account"),
    ("IPlayerService/GetOwnedGames/v1", "no-appinfo-2015"),
    ("IPlayerService/GetOwnedGames/v1", "private-profile"),
    ("IPlayerService/GetRecentlyPlayedGames/v1", "limited-count"),
    ("IPlayerService/GetRecentlyPlayedGames/v1", "nothing-played"),
    ("ISteamHub/GetAnnouncements/v1", "game-hub-puzzle-agent-2"),
    ("ISteamHub/GetEvents/v1", "community-hub-seg-test-group"),
    ("ISteamHub/GetMembers/v1", "community-hub-seg-test-group"),
    (
        "ISteamHub/GetPermissions/v1",
        "community-hub-seg-test-group",
    ),
    ("ISteamHub/GetStatus/v1", "community-hub-seg-test-group"),
    ("ISteamHub/GetSummaries/v1", "community-hub-ablegamers"),
    ("ISteamHub/GetSummaries/v1", "game-hub-puzzle-agent-2"),
    ("ISteamHub/ResolveAppID/v1", "appid-search"),
    ("ISteamHub/ResolveAppID/v1", "official-game-hub-only"),
    ("ISteamHub/ResolveVanityURL/v1", "community-hub-ablegamers"),
    ("ISteamHub/ResolveVanityURL/v1", "game-hub-puzzle-agent-2"),
    ("ISteamNews/GetNewsForApp/v2", "tf2-two-items"),
    ("ISteamUser/GetFriendList/v1", "one-friend"),
    ("ISteamUser/GetPlayerSummaries/v2", "robin-walker"),
    (
        "ISteamUserStats/GetGlobalAchievementPercentagesForApp/v2",
        "tf2-2015-number",
    ),
    (
        "ISteamUserStats/GetGlobalAchievementPercentagesForApp/v2",
        "tf2-modern",
    ),
    ("ISteamUserStats/GetPlayerAchievements/v1", "localized"),
    ("ISteamUserStats/GetUserStatsForGame/v2", "tf2"),
    ("ISteamWebAPIUtil/GetServerInfo/v1", "valvepython-2016"),
    ("ISteamWebAPIUtil/GetSupportedAPIList/v1", "two-interfaces"),
    ("Notifications/DeleteNotifications/v1", "two-ids"),
    ("Notifications/EmptyFolder/v1", "archived"),
    ("Notifications/MarkFolderRead/v1", "inbox"),
    ("Notifications/SearchNotifications/v1", "docs-filter-4"),
];

#[test]
fn every_operation_and_example_of_the_spec_is_covered() {
    let ops = spec_example::operation_ids();
    assert_eq!(ops.len(), 135, "{ops:#?}");
    let mut all: Vec<(String, String)> = spec_example::model()
        .operations()
        .flat_map(|op| op.examples.iter().map(move |e| (op.id(), e.name.clone())))
        .collect();
    all.sort();
    let mut covered: Vec<(String, String)> = COVERED
        .iter()
        .map(|(op, ex)| ((*op).to_owned(), (*ex).to_owned()))
        .collect();
    covered.sort();
    assert_eq!(covered, all, "COVERED must list every example of spec/");
}
