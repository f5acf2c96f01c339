//! The synthetic bodies of the decode and formats benches: GetOwnedGames with `n` games and
//! GetPlayerSummaries with `n` players, every field the recordings show, deterministic.

/// A small deterministic generator (no rand dependency).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn hex40(&mut self) -> String {
        (0..40)
            .map(|_| char::from_digit(self.below(16) as u32, 16).unwrap())
            .collect()
    }
}

/// `{"response":{"game_count":N,"games":[...]}}` with the fields of a real
/// include_appinfo answer for the key owner (cn-blog-2026 recording), some
/// optional ones present on part of the games.
pub fn owned_games_body(n: usize) -> Vec<u8> {
    use serde_json::json;
    let mut r = Lcg(42);
    let names = [
        "Terraria",
        "Cities: Skylines",
        "Don't Starve Together",
        "Stardew Valley",
        "Wallpaper Engine",
        "Counter-Strike 2",
        "Team Fortress 2",
        "Portal 2",
    ];
    let games: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let forever = r.below(100_000);
            let mut g = json!({
                "appid": 10 + i as u64 * 10,
                "name": format!("{} {i}", names[i % names.len()]),
                "playtime_forever": forever,
                "img_icon_url": r.hex40(),
                "playtime_windows_forever": forever / 2,
                "playtime_mac_forever": 0,
                "playtime_linux_forever": forever / 4,
                "playtime_deck_forever": forever / 8,
                "rtime_last_played": 1_500_000_000 + r.below(300_000_000),
                "playtime_disconnected": r.below(10),
            });
            let o = g.as_object_mut().unwrap();
            if i % 3 != 0 {
                o.insert("has_community_visible_stats".into(), json!(true));
            }
            if i % 10 == 0 {
                o.insert("playtime_2weeks".into(), json!(r.below(1000)));
            }
            if i % 7 == 0 {
                o.insert("content_descriptorids".into(), json!([2, 5]));
            }
            if i % 5 == 0 {
                o.insert("has_leaderboards".into(), json!(true));
            }
            g
        })
        .collect();
    serde_json::to_vec(&json!({"response": {"game_count": n, "games": games}})).unwrap()
}

/// `{"response":{"players":[...]}}`: `n` players with every documented field.
pub fn player_summaries_body(n: usize) -> Vec<u8> {
    use serde_json::json;
    let mut r = Lcg(7);
    let players: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let hash = r.hex40();
            json!({
                "steamid": format!("{}", 76561197960435530u64 + i as u64),
                "communityvisibilitystate": 3,
                "profilestate": 1,
                "personaname": format!("player {i}"),
                "commentpermission": 1,
                "profileurl": format!("https://steamcommunity.com/id/player{i}/"),
                "avatar": format!("https://avatars.steamstatic.com/{hash}.jpg"),
                "avatarmedium": format!("https://avatars.steamstatic.com/{hash}_medium.jpg"),
                "avatarfull": format!("https://avatars.steamstatic.com/{hash}_full.jpg"),
                "avatarhash": hash,
                "lastlogoff": 1_600_000_000 + r.below(100_000_000),
                "personastate": r.below(7),
                "realname": "Robin Walker",
                "primaryclanid": "103582791429521412",
                "timecreated": 1_063_407_589,
                "personastateflags": 0,
                "gameid": "440",
                "gameserverip": "0.0.0.0:0",
                "gameextrainfo": "Team Fortress 2",
                "loccountrycode": "US",
                "locstatecode": "WA",
                "loccityid": 3961,
            })
        })
        .collect();
    serde_json::to_vec(&json!({"response": {"players": players}})).unwrap()
}
