//! The XML and VDF response formats (issue 21): the real bodies of
//! `../shared/fixtures/formats` through the client on loopback, every spec
//! example in all three formats decoding to the same value, and the rules of
//! the type-directed reading (lists, null, booleans, maps keyed by id,
//! errors with a path and a line and column, nesting, error pages).

mod support;

use serde_json::Value;
use steam_webapi::__private::{__decode_for_fuzz_as, Deserialize, Endpoint, decode_markup};
use steam_webapi::isteam_user::{FriendRelationship, GetFriendListRequest};
use steam_webapi::isteam_web_api_util::GetServerInfoRequest;
use steam_webapi::{Client, Error, Format, Maybe, ProviderId, RetryPolicy, SteamId};
use steamspec_tests::spec_example::{self, KEY, SpecCall};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

// ---- the real bodies ---------------------------------------------------------

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// Serves `body` with `content_type` at `E`'s path, answering only a request
/// that asks for `format`, and calls it through the client in that format.
fn through_client<E: Endpoint>(
    req: &E,
    format: Format,
    content_type: &str,
    body: &[u8],
) -> Result<E::Response, Error> {
    runtime().block_on(async {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path(E::INFO.path))
            .and(query_param("format", format.name()))
            .respond_with(ResponseTemplate::new(200).set_body_raw(body.to_vec(), content_type))
            .expect(1)
            .mount(&server)
            .await;
        let client = Client::builder()
            .api_key(KEY)
            .base_url(ProviderId::Steam, &server.uri())
            .allow_http(true)
            .retry(RetryPolicy::none())
            .format(format)
            .build()
            .unwrap();
        client.execute(req).await
    })
}

const XML: &str = "text/xml; charset=UTF-8";
const VDF: &str = "text/vdf; charset=UTF-8";

/// ISteamApps/UpToDateCheck is not in the spec yet: its two bodies are read
/// through the same decoder into this type.
#[derive(Debug, Default, PartialEq, Deserialize)]
struct UpToDate {
    success: bool,
    up_to_date: bool,
    version_is_listable: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    required_version: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    message: Option<String>,
}

#[test]
fn every_recorded_body_decodes_with_its_values() {
    let dir = support::fixtures_dir().join("../formats");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("../shared/fixtures/formats")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "README.md")
        .collect();
    names.sort();
    assert_eq!(names.len(), 6, "{names:?}");
    for name in names {
        let body = std::fs::read(dir.join(&name)).unwrap();
        check_recorded(&name, &body);
    }
}

fn check_recorded(name: &str, body: &[u8]) {
    let friend = |r: FriendRelationship| assert_eq!(r, FriendRelationship::Friend, "{name}");
    match name {
        "ISteamWebAPIUtil.GetServerInfo.v1.valvepython-steam-2016.vdf" => {
            let r = through_client(&GetServerInfoRequest::new(), Format::Vdf, VDF, body).unwrap();
            assert_eq!(r.servertime, 1463143609);
            assert_eq!(r.servertimestring, "Fri May 13 05:46:49 2016");
        }
        "ISteamUser.GetFriendList.v1.xemkayx-steam-api.xml" => {
            let req = GetFriendListRequest::new(SteamId(76561197960265731));
            let r = through_client(&req, Format::Xml, XML, body).unwrap();
            let got: Vec<(u64, u32)> = r
                .friends
                .iter()
                .map(|f| (f.steamid.0, f.friend_since))
                .collect();
            assert_eq!(
                got,
                [(76561197960265731, 0), (76561199147650161, 1614836906)]
            );
            r.friends
                .iter()
                .for_each(|f| friend(f.relationship.clone()));
        }
        "ISteamUser.GetFriendList.v1.samsmithnz-comment.xml" => {
            let req = GetFriendListRequest::new(SteamId(76561197960342203));
            let r = through_client(&req, Format::Xml, XML, body).unwrap();
            assert_eq!(r.friends.len(), 1);
            assert_eq!(r.friends[0].steamid, SteamId(76561197960342203));
            assert_eq!(r.friends[0].friend_since, 1380999045);
            friend(r.friends[0].relationship.clone());
        }
        "ISteamUserStats.GetSchemaForGame.v2.samsmithnz-comment.xml" => {
            // Not in the spec yet: read untyped (every value is text).
            let game: Value = decode_markup(body, Format::Xml, Some("game")).unwrap();
            assert_eq!(game["gameName"], "ValveTestApp200510");
            assert_eq!(game["gameVersion"], "67");
            let achievement = &game["availableGameStats"]["achievements"]["achievement"];
            assert_eq!(achievement["displayName"], "No Looking Back");
            // The viewer's line wrapping is layout, not part of the URL.
            assert_eq!(
                achievement["icon"],
                "http://media.steampowered.com/steamcommunity/public/images/apps/200510/9ea8b01a66eb7af4d074430bbb3300414b7d457d.jpg"
            );
        }
        "ISteamApps.UpToDateCheck.v1.blog2012-current.xml" => {
            let r: UpToDate = decode_markup(body, Format::Xml, Some("response")).unwrap();
            let expected = UpToDate {
                success: true,
                up_to_date: true,
                version_is_listable: true,
                ..UpToDate::default()
            };
            assert_eq!(r, expected);
        }
        "ISteamApps.UpToDateCheck.v1.blog2012-outdated.xml" => {
            let r: UpToDate = decode_markup(body, Format::Xml, Some("response")).unwrap();
            let expected = UpToDate {
                success: true,
                required_version: Some(10070),
                message: Some("Your server is out of date, please upgrade".into()),
                ..UpToDate::default()
            };
            assert_eq!(r, expected);
        }
        other => panic!("{other}: a new recorded body; say what it must decode to"),
    }
}

// ---- every example, all three formats --------------------------------------

/// One operation's decode in a format, type-erased: the decoded value's
/// `Debug` text (the response types have no common trait but `Debug` and
/// `PartialEq`), or the error's kind.
struct Op {
    id: String,
    decode: fn(u16, &[u8], Format) -> Result<String, String>,
}

fn op<E>() -> Op
where
    E: Endpoint,
    E::Response: std::fmt::Debug,
{
    let info = E::INFO;
    Op {
        id: format!("{}/{}/v{}", info.interface, info.method, info.version),
        decode: |status, body, format| {
            __decode_for_fuzz_as::<E>(status, body, format)
                .map(|v| format!("{v:?}"))
                .map_err(|e| match e {
                    Error::Decode { path, message, .. } => format!("decode at {path}: {message}"),
                    other => format!("{:?}", std::mem::discriminant(&other)),
                })
        },
    }
}

/// For every example of every operation of a provider that speaks XML and
/// VDF: the example written in XML and in VDF (by the overview's rules)
/// decodes to exactly what its JSON decodes to; error examples end in the
/// same kind of error.
#[test]
fn every_example_decodes_to_the_same_value_in_all_three_formats() {
    macro_rules! each {
        ($($request:ty),*) => { vec![$(op::<$request>()),*] };
    }
    let ops: Vec<Op> = steam_webapi::__for_each_request!(each);
    let mut checked = 0;
    for op in &ops {
        let spec_op = spec_example::model()
            .operations()
            .find(|o| o.id() == op.id)
            .unwrap_or_else(|| panic!("{} not in spec/", op.id));
        for example in &spec_op.examples {
            let call = SpecCall::new(&op.id, &example.name);
            if call.formats().len() == 1 || example.response.is_none() {
                continue;
            }
            let (json, _) = call.body();
            let expected = (op.decode)(call.status(), &json, Format::Json);
            for format in [Format::Xml, Format::Vdf] {
                let (body, _) = call.in_format(format).body();
                let got = (op.decode)(call.status(), &body, format);
                assert_eq!(
                    got,
                    expected,
                    "{} in {format}:\n{}",
                    call.label(),
                    String::from_utf8_lossy(&body)
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 50, "only {checked} checks");
}

// ---- the rules of the reading --------------------------------------------------

/// Null in each kind of field: a nullable `Option` (its `None` is written as
/// null), an optional one (left out when `None`: it cannot be null, so
/// `null` is its text) and a `Maybe` (both).
#[derive(Debug, Default, PartialEq, Deserialize)]
struct Nulls {
    #[serde(default)]
    nullable: Option<String>,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    optional: Option<String>,
    #[serde(default, skip_serializing_if = "::steam_webapi::Maybe::is_absent")]
    maybe: Maybe<String>,
    #[serde(default)]
    flags: Vec<bool>,
}

fn xml<T: serde::de::DeserializeOwned>(body: &str) -> Result<T, Error> {
    decode_markup(body.as_bytes(), Format::Xml, Some("response"))
}

fn vdf<T: serde::de::DeserializeOwned>(body: &str) -> Result<T, Error> {
    decode_markup(body.as_bytes(), Format::Vdf, Some("response"))
}

#[test]
fn null_is_none_only_where_the_field_may_be_null() {
    let r: Nulls = xml("<response><nullable>null</nullable><optional>null</optional><maybe>null</maybe></response>").unwrap();
    assert_eq!(r.nullable, None);
    assert_eq!(
        r.optional.as_deref(),
        Some("null"),
        "a player may be called null"
    );
    assert_eq!(r.maybe, Maybe::Null);
    // An empty element is null too where null may be (the ISteamHub docs' `<headline/>`).
    let r: Nulls = xml("<response><nullable/><optional></optional></response>").unwrap();
    assert_eq!(
        (r.nullable, r.optional.as_deref(), r.maybe),
        (None, Some(""), Maybe::Absent)
    );
    // VDF writes null as the empty string.
    let r: Nulls =
        vdf("\"response\" { \"nullable\" \"\" \"optional\" \"\" \"maybe\" \"\" }").unwrap();
    assert_eq!(
        (r.nullable, r.optional.as_deref(), r.maybe),
        (None, Some(""), Maybe::Null)
    );
    let r: Nulls = vdf("\"response\" { \"nullable\" \"null\" \"maybe\" \"x\" }").unwrap();
    assert_eq!(
        (r.nullable.as_deref(), r.maybe),
        (Some("null"), Maybe::Value("x".into()))
    );
}

#[test]
fn booleans_lists_and_their_item_names() {
    let r: Nulls = xml(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE response>\n<response>\n  <flags>\n    <flag>true</flag>\n    <b>0</b>\n    <message>1</message>\n    <x>false</x>\n  </flags>\n</response>",
    )
    .unwrap();
    assert_eq!(
        r.flags,
        [true, false, true, false],
        "any child name is an item"
    );
    // VDF lists are ordered by the number of their key, not its text.
    let items: String = (0..12)
        .rev()
        .map(|i| format!("\"{i}\" \"{}\"\n", i % 2))
        .collect();
    let r: Nulls = vdf(&format!("\"response\" {{ \"flags\" {{ {items} }} }}")).unwrap();
    let expected: Vec<bool> = (0..12).map(|i| i % 2 == 1).collect();
    assert_eq!(r.flags, expected);
    // An empty list: an empty element, an empty object, or no key at all.
    for body in ["<response><flags/></response>", "<response></response>"] {
        assert!(xml::<Nulls>(body).unwrap().flags.is_empty(), "{body}");
    }
    assert!(
        vdf::<Nulls>("\"response\" { \"flags\" { } }")
            .unwrap()
            .flags
            .is_empty()
    );
    let err = xml::<Nulls>("<response><flags><f>yes</f></flags></response>").unwrap_err();
    assert_decode(
        &err,
        "response.flags[0]",
        "expected a boolean (true, false, 1 or 0), found `yes` at line 1 column 18",
    );
    let err =
        vdf::<Nulls>("\"response\"\n{\n\t\"flags\"\n\t{\n\t\t\"zero\"\t\"1\"\n\t}\n}").unwrap_err();
    assert_decode(
        &err,
        "response.flags.zero",
        "expected a list item keyed by its index, found the key `zero` at line 5 column 3",
    );
}

#[test]
fn entities_cdata_and_layout() {
    #[derive(Debug, Default, PartialEq, Deserialize)]
    struct Texts {
        a: String,
        b: String,
        c: String,
    }
    let r: Texts = xml("<response>\n\t<a>Tom &amp; Jerry&#33; &#x263A;</a>\n\t<b><![CDATA[<b>bold</b>]]></b>\n\t<c>  two spaces kept  </c>\n</response>").unwrap();
    assert_eq!(r.a, "Tom & Jerry! ☺");
    assert_eq!(r.b, "<b>bold</b>");
    assert_eq!(r.c, "  two spaces kept  ");
    let r: Texts =
        vdf("response { a \"say \\\"hi\\\"\\n\" b tab\\there // a comment\n c \"\" }").unwrap();
    assert_eq!(
        (r.a.as_str(), r.b.as_str(), r.c.as_str()),
        ("say \"hi\"\n", "tab\\there", "")
    );
}

/// Asserts a decode error's path and message.
fn assert_decode(err: &Error, at: &str, message: &str) {
    let Error::Decode {
        path, message: got, ..
    } = err
    else {
        panic!("expected Error::Decode, got {err:?}");
    };
    assert_eq!((path.as_str(), got.as_str()), (at, message));
}

#[test]
fn errors_name_the_path_and_the_line_and_column() {
    let summaries = |players: &str| {
        format!("<?xml version=\"1.0\"?>\n<response>\n<players>\n{players}</players>\n</response>")
    };
    let player = |id: &str| {
        format!(
            "<player><steamid>{id}</steamid><personaname>x</personaname><profileurl>u</profileurl><avatar>a</avatar><avatarmedium>a</avatarmedium><avatarfull>a</avatarfull><personastate>0</personastate><communityvisibilitystate>3</communityvisibilitystate></player>\n"
        )
    };
    let body = summaries(
        &[
            player("76561197960435530"),
            player("76561197960435531"),
            player("not-a-number"),
        ]
        .concat(),
    );
    type Summaries = steam_webapi::isteam_user::GetPlayerSummariesRequest;
    let err = __decode_for_fuzz_as::<Summaries>(200, body.as_bytes(), Format::Xml).unwrap_err();
    let Error::Decode { path, message, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(path, "response.players[2].steamid");
    assert!(message.ends_with("at line 6 column 9"), "{message}");
    assert!(!err.to_string().contains('\n'));

    // Not well-formed: where, in both readers.
    let err = __decode_for_fuzz_as::<Summaries>(
        200,
        b"<response>\n  <players>\n</response>",
        Format::Xml,
    )
    .unwrap_err();
    let Error::Decode { path, message, .. } = &err else {
        panic!("{err:?}")
    };
    assert!(
        path.is_empty() && message.contains("at line 3 column"),
        "{message}"
    );
    let err =
        __decode_for_fuzz_as::<Summaries>(200, b"\"response\"\n{\n  \"players\" {\n", Format::Vdf)
            .unwrap_err();
    assert_decode(
        &err,
        "",
        "the object of `players` is never closed at line 3 column 13",
    );
    // A body of the wrong format (an HTML page answered with 200) names its root.
    let err =
        __decode_for_fuzz_as::<Summaries>(200, b"<html><body>Error</body></html>", Format::Xml)
            .unwrap_err();
    assert_decode(
        &err,
        "",
        "expected the root `response`, found `html` at line 1 column 1",
    );
}

#[test]
fn nesting_100_000_deep_is_an_error_not_a_stack_overflow() {
    type Summaries = steam_webapi::isteam_user::GetPlayerSummariesRequest;
    let xml = format!(
        "<response>{}{}</response>",
        "<a>".repeat(100_000),
        "</a>".repeat(100_000)
    );
    let vdf = format!(
        "\"response\" {{ {} {} }}",
        "\"a\" {".repeat(100_000),
        "}".repeat(100_000)
    );
    for (format, body) in [(Format::Xml, xml), (Format::Vdf, vdf)] {
        let err = __decode_for_fuzz_as::<Summaries>(200, body.as_bytes(), format).unwrap_err();
        let Error::Decode { message, .. } = &err else {
            panic!("{err:?}")
        };
        assert!(
            message.contains("nest more than 128 deep"),
            "{format}: {message}"
        );
    }
}

#[test]
fn success_codes_and_messages_read_from_xml_and_vdf() {
    type Resolve = steam_webapi::isteam_hub::ResolveVanityURLRequest;
    let xml = b"<response><success>42</success><message>No match</message></response>";
    let err = __decode_for_fuzz_as::<Resolve>(200, xml, Format::Xml).unwrap_err();
    assert!(
        matches!(&err, Error::NoMatch { message } if message == "No match"),
        "{err:?}"
    );
    let vdf = b"\"response\" { \"success\" \"16\" \"message\" \"Timeout\" }";
    let err = __decode_for_fuzz_as::<Resolve>(200, vdf, Format::Vdf).unwrap_err();
    assert!(
        matches!(&err, Error::Api { code: Some(16), message, .. } if message == "Timeout"),
        "{err:?}"
    );
}

#[test]
fn error_pages_are_the_same_typed_errors_in_every_format() {
    let page = b"<html><head><title>Forbidden</title></head><body><h1>Forbidden</h1>Access is denied.</body></html>";
    let req = GetFriendListRequest::new(SteamId(76561197960435530));
    let errors: Vec<String> = Format::ALL
        .into_iter()
        .map(|format| {
            runtime().block_on(async {
                let server = MockServer::start().await;
                Mock::given(method("GET"))
                    .respond_with(
                        ResponseTemplate::new(403).set_body_raw(page.to_vec(), "text/html"),
                    )
                    .mount(&server)
                    .await;
                let client = Client::builder()
                    .api_key(KEY)
                    .base_url(ProviderId::Steam, &server.uri())
                    .allow_http(true)
                    .retry(RetryPolicy::none())
                    .build()
                    .unwrap()
                    .with_format(format);
                let err = client
                    .isteam_user()
                    .get_friend_list(&req)
                    .await
                    .unwrap_err();
                assert!(
                    matches!(err, Error::Http { status: 403, .. }),
                    "{format}: {err:?}"
                );
                err.to_string()
            })
        })
        .collect();
    assert!(errors.iter().all(|e| *e == errors[0]), "{errors:?}");
}

#[test]
fn a_json_only_provider_refuses_other_formats_before_sending() {
    runtime().block_on(async {
        let server = MockServer::start().await;
        let client = Client::builder()
            .token("SOMETOKEN123")
            .base_url(ProviderId::Backpacktf, &server.uri())
            .allow_http(true)
            .format(Format::Vdf)
            .build()
            .unwrap();
        let req = steam_webapi::notifications::DeleteNotificationsRequest::new(vec!["1".into()]);
        let err = client.notifications().delete_notifications(&req).await.unwrap_err();
        assert!(
            matches!(&err, Error::Config { message } if message == "backpack.tf answers in JSON only; vdf was asked for"),
            "{err:?}"
        );
        assert!(server.received_requests().await.unwrap().is_empty());
    });
}
