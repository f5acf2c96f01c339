//! ISteamNews.

use steam_webapi::isteam_news as news;
use steam_webapi::isteam_news::NewsItem;
use steamspec_tests::spec_example::SpecCall;

use crate::helpers::{call_example, spec_str};

#[tokio::test]
async fn isteam_news_get_news_for_app() {
    let call = SpecCall::new("ISteamNews/GetNewsForApp/v2", "tf2-two-items");
    let req = news::GetNewsForAppRequest::new(440).count(2).maxlength(120);
    let (resp, wire) = call_example(&call, async |c| {
        c.isteam_news().get_news_for_app(&req).await
    })
    .await;
    assert_eq!(wire.param("appid"), Some("440"));
    assert_eq!(wire.param("count"), Some("2"));
    assert_eq!(wire.param("maxlength"), Some("120"));
    assert_eq!(wire.param("feeds"), None, "an unset list is not sent");

    assert_eq!(resp.appid, 440);
    assert_eq!(resp.count, Some(2215));
    assert_eq!(
        resp.newsitems,
        vec![
            NewsItem {
                gid: 5117321480539042190,
                title: "Team Fortress 2 Update Released".into(),
                url: "https://steamstore-a.akamaihd.net/news/externalpost/steam_community_announcements/5117321480539042190".into(),
                is_external_url: true,
                author: "Valve".into(),
                contents: spec_str(&call, "/appnews/newsitems/0/contents"),
                feedlabel: "Community Announcements".into(),
                date: 1717027200,
                feedname: "steam_community_announcements".into(),
                feed_type: Some(1),
                appid: Some(440),
                tags: Some(vec!["patchnotes".into()]),
            },
            NewsItem {
                gid: 5117321480538912277,
                title: "The Summer Event Is Here".into(),
                url: "https://steamstore-a.akamaihd.net/news/externalpost/tf2_blog/5117321480538912277".into(),
                is_external_url: true,
                author: String::new(),
                contents: spec_str(&call, "/appnews/newsitems/1/contents"),
                feedlabel: "TF2 Blog".into(),
                date: 1716940800,
                feedname: "tf2_blog".into(),
                feed_type: Some(0),
                appid: Some(440),
                tags: None,
            },
        ]
    );
    assert!(resp.newsitems[0].contents.ends_with("when you restart..."));
    assert_eq!(
        wire.param("key"),
        None,
        "GetNewsForApp takes no key: it is never sent"
    );
}
