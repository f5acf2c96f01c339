//! The build-script client calls a real HTTP server on loopback.

use steam_webapi::{Client, ProviderId, SteamId};
use steamspec_build_example::Interfaces;
use steamspec_build_example::isteam_user::{GetPlayerSummariesRequest, ISteamUser, PersonaState};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn get_player_summaries_through_the_build_script_client() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/ISteamUser/GetPlayerSummaries/v2/"))
        .and(query_param(
            "steamids",
            "76561197960435530,76561197960265731",
        ))
        .and(query_param("key", "build-example-key"))
        .and(query_param("format", "json"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "response": {"players": [{
                "steamid": "76561197960435530", "communityvisibilitystate": 3,
                "profilestate": 1, "personaname": "Robin", "profileurl": "u",
                "avatar": "a", "avatarmedium": "a", "avatarfull": "a", "personastate": 1
            }]}
        })))
        .expect(2)
        .mount(&server)
        .await;
    let client = Client::builder()
        .api_key("build-example-key")
        .base_url(ProviderId::Steam, &server.uri())
        .allow_http(true)
        .build()
        .expect("client");
    let request = GetPlayerSummariesRequest::new(vec![
        SteamId(76561197960435530),
        SteamId(76561197960265731),
    ]);
    let resp = ISteamUser::new(&client)
        .get_player_summaries(&request)
        .await
        .expect("call succeeds");
    assert_eq!(resp.players.len(), 1);
    assert_eq!(resp.players[0].steamid, SteamId(76561197960435530));
    assert_eq!(resp.players[0].personastate, PersonaState::Online);
    assert_eq!(resp.players[0].personaname, "Robin");

    // The same call through the accessor trait of the build script's output. Named in full:
    // in this workspace steam-webapi's own interface features are on too (feature
    // unification), and its inherent `client.isteam_user()` would take precedence.
    let again = Interfaces::isteam_user(&client)
        .get_player_summaries(&request)
        .await
        .expect("call succeeds");
    assert_eq!(again, resp);
}
