//! ISteamWebAPIUtil.

use steam_webapi::isteam_web_api_util as util;
use steam_webapi::isteam_web_api_util::{
    SupportedApiInterface, SupportedApiMethod, SupportedApiParameter,
};
use steamspec_tests::spec_example::{KEY, SpecCall};

use crate::helpers::call_example;

#[tokio::test]
async fn isteam_web_api_util_get_server_info() {
    let call = SpecCall::new("ISteamWebAPIUtil/GetServerInfo/v1", "valvepython-2016");
    let req = util::GetServerInfoRequest::new();
    let (resp, wire) = call_example(&call, async |c| {
        c.isteam_web_api_util().get_server_info(&req).await
    })
    .await;
    assert_eq!(
        wire.query,
        vec![("format".into(), "json".into())],
        "auth: none sends no key"
    );
    assert_eq!(resp.servertime, 1463143608);
    assert_eq!(resp.servertimestring, "Fri May 13 05:46:48 2016");
}

#[tokio::test]
async fn isteam_web_api_util_get_supported_api_list() {
    let call = SpecCall::new("ISteamWebAPIUtil/GetSupportedAPIList/v1", "two-interfaces");
    let req = util::GetSupportedAPIListRequest::new();
    let (resp, wire) = call_example(&call, async |c| {
        c.isteam_web_api_util().get_supported_api_list(&req).await
    })
    .await;
    assert_eq!(
        wire.query,
        vec![("key".into(), KEY.into()), ("format".into(), "json".into())],
        "no parameters but the key and format"
    );

    let param = |name: &str, ty: &str, optional: bool, description: &str| SupportedApiParameter {
        name: name.into(),
        param_type: ty.into(),
        optional,
        description: Some(description.into()),
    };
    assert_eq!(
        resp.interfaces,
        vec![
            SupportedApiInterface {
                name: "ISteamNews".into(),
                methods: vec![SupportedApiMethod {
                    name: "GetNewsForApp".into(),
                    version: 2,
                    httpmethod: "GET".into(),
                    description: None,
                    parameters: vec![
                        param("appid", "uint32", false, "AppID to retrieve news for"),
                        param(
                            "count",
                            "uint32",
                            true,
                            "# of posts to retrieve (default 20)"
                        ),
                    ],
                }],
            },
            SupportedApiInterface {
                name: "IPlayerService".into(),
                methods: vec![SupportedApiMethod {
                    name: "GetRecentlyPlayedGames".into(),
                    version: 1,
                    httpmethod: "GET".into(),
                    description: Some(
                        "Gets information about a player's recently played games".into()
                    ),
                    parameters: vec![
                        param("key", "string", false, "Access key"),
                        param("steamid", "uint64", false, "The player we're asking about"),
                        param(
                            "count",
                            "uint32",
                            false,
                            "The number of games to return (0/unset: all)"
                        ),
                    ],
                }],
            },
        ]
    );
}
