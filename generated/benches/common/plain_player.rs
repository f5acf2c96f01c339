//! GetPlayerSummaries as a plain hand-written struct: what serde_json alone does, the baseline
//! of the decode and client benches (shared by both, so they compare against the same thing).

use serde::Deserialize;

/// GetPlayerSummaries' result.
#[derive(Deserialize)]
#[allow(dead_code)]
pub struct PlainPlayers {
    pub players: Vec<PlainPlayer>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct PlainPlayer {
    steamid: String,
    personaname: String,
    profileurl: String,
    avatar: String,
    avatarmedium: String,
    avatarfull: String,
    avatarhash: Option<String>,
    personastate: i64,
    personastateflags: Option<u32>,
    communityvisibilitystate: i64,
    profilestate: Option<u32>,
    lastlogoff: Option<u32>,
    commentpermission: Option<u32>,
    realname: Option<String>,
    primaryclanid: Option<String>,
    timecreated: Option<u32>,
    gameid: Option<String>,
    gameserverip: Option<String>,
    gameextrainfo: Option<String>,
    cityid: Option<u32>,
    loccountrycode: Option<String>,
    locstatecode: Option<String>,
    loccityid: Option<u32>,
}
