//! Agreement between the Rust client and the JSON Schemas (issue 5, point 2): for every
//! generated type — each named type of the spec and each operation's request — a valid sample
//! and one broken sample per constraint get the same verdict from `Validate::validate()` (after
//! serde, which rejects what the type itself cannot hold: a missing field, a value of a closed
//! enum it does not know, a number out of its range) and from the `jsonschema` crate on that
//! type's schema in `generated/schemas/bundle.json`.
//!
//! The samples are made from the spec model, not written by hand: a valid JSON instance per type
//! (every field present, values inside their constraints; patterns from a small table of the
//! spec's patterns, which fails on a pattern it does not know), then per constraint an instance
//! edited to break exactly that constraint. The Rust verdict is "serde rejects it" or
//! `validate()`'s; the schema verdict is on `serde_json::to_value(&sample)` when serde accepted
//! the instance (and also on the instance itself, which must agree), else on the instance.
//!
//! An integer written as a string is checked by its schema's pattern, which is the exact range:
//! both sides reject a value past it. A 64-bit end on an integer written as a JSON number is the
//! client's check alone (not exact in JavaScript), so it is not sampled.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};
use steam_webapi::validate::Validate;
use steamspec::model::{
    Constraints, EnumRepr, MapKey, Model, NamedType, Num, Operation, Rule, Scalar, TypeKind,
    TypeRef, Wire,
};

/// What the Rust side says about an instance.
#[derive(Debug)]
enum Rust {
    /// serde could not build the type from it.
    Rejected(String),
    /// serde built it: the sample serialized again, and `validate()`'s result.
    Built(Value, Result<(), String>),
}

/// Wire name of a request field, from its Rust name (requests only; named types use serde).
type WireName<'a> = &'a dyn Fn(&str) -> String;
type Check = fn(&Value, WireName) -> Rust;

fn verdict<T: Serialize + Validate>(built: Result<T, String>) -> Rust {
    match built {
        Err(e) => Rust::Rejected(e),
        Ok(sample) => Rust::Built(
            serde_json::to_value(&sample).expect("a built sample serializes"),
            sample.validate().map_err(|e| e.to_string()),
        ),
    }
}

fn check_named<T: DeserializeOwned + Serialize + Validate>(v: &Value, _: WireName) -> Rust {
    verdict(serde_json::from_value::<T>(v.clone()).map_err(|e| e.to_string()))
}

/// Numeric strings as numbers, recursively: the request structs have no `Deserialize`, so
/// their fields are read one by one with the field type's own `Deserialize`, which for a
/// 64-bit integer (written as a string by `wire::as_string`) wants a number.
fn numify(v: &Value) -> Value {
    match v {
        Value::String(s) => s
            .parse::<u64>()
            .map(Value::from)
            .or_else(|_| s.parse::<i64>().map(Value::from))
            .unwrap_or_else(|_| v.clone()),
        Value::Array(a) => Value::Array(a.iter().map(numify).collect()),
        Value::Object(m) => Value::Object(m.iter().map(|(k, v)| (k.clone(), numify(v))).collect()),
        _ => v.clone(),
    }
}

/// One request field from the instance (absent = `null`, which makes an `Option` `None` and
/// fails a required field).
fn field<T: DeserializeOwned>(m: &Map<String, Value>, key: &str) -> Result<T, String> {
    let v = m.get(key).cloned().unwrap_or(Value::Null);
    serde_json::from_value(v.clone())
        .or_else(|e| serde_json::from_value(numify(&v)).map_err(|_| format!("{key}: {e}")))
}

/// The dispatch from type name to Rust type: every named type of the spec, and every request
/// type with its fields (a struct literal, so a field added to a request fails to compile here
/// until it is listed). `the_list_covers_every_type_of_the_model` fails when the model has a
/// type this list lacks.
macro_rules! types {
    (
        named { $($m:ident :: $t:ident),* $(,)? }
        requests { $($rm:ident :: $rt:ident { $($f:ident),* $(,)? }),* $(,)? }
    ) => {
        fn named_checks() -> BTreeMap<&'static str, Check> {
            BTreeMap::from([
                $( (stringify!($t), check_named::<steam_webapi::$m::$t> as Check), )*
            ])
        }
        fn request_checks() -> BTreeMap<&'static str, Check> {
            BTreeMap::from([
                // Request types are unique per interface only (two ResolveVanityURLRequest):
                // keyed by `module::Name`.
                $( (concat!(stringify!($rm), "::", stringify!($rt)), {
                    #[allow(unused_variables)]
                    fn check(v: &Value, wire: WireName) -> Rust {
                        let Some(m) = v.as_object() else {
                            return Rust::Rejected("not an object".into());
                        };
                        fn build(
                            m: &Map<String, Value>,
                            wire: WireName,
                        ) -> Result<steam_webapi::$rm::$rt, String> {
                            Ok(steam_webapi::$rm::$rt {
                                $( $f: field(m, &wire(stringify!($f)))?, )*
                            })
                        }
                        verdict(build(m, wire))
                    }
                    check as Check
                }), )*
            ])
        }
        /// `schemars::schema_for!` of every type (feature `schemars`).
        fn rust_schemas() -> BTreeMap<&'static str, fn() -> Value> {
            BTreeMap::from([
                $( (stringify!($t), (|| schemars::schema_for!(steam_webapi::$m::$t).to_value()) as fn() -> Value), )*
                $( (concat!(stringify!($rm), "::", stringify!($rt)), (|| schemars::schema_for!(steam_webapi::$rm::$rt).to_value()) as fn() -> Value), )*
            ])
        }
    };
}

types! {
    named {
        iecon_service::EconAction,
        iecon_service::EconDescription,
        iecon_service::EconDescriptionLine,
        iecon_service::GetTradeHistoryResponse,
        iecon_service::GetTradeOfferResponse,
        iecon_service::GetTradeOffersResponse,
        iecon_service::GetTradeOffersSummaryResponse,
        iecon_service::Trade,
        iecon_service::TradeAsset,
        iecon_service::TradeOffer,
        iecon_service::TradedAsset,
        igame_notifications_service::CreateSessionResponse,
        igame_notifications_service::DeleteSessionBatchResponse,
        igame_notifications_service::DeleteSessionResponse,
        igame_notifications_service::EnumerateSessionsForAppResponse,
        igame_notifications_service::GetSessionDetailsForAppResponse,
        igame_notifications_service::LocalizedText,
        igame_notifications_service::RequestNotificationsResponse,
        igame_notifications_service::Session,
        igame_notifications_service::SessionRequest,
        igame_notifications_service::UpdateSessionResponse,
        igame_notifications_service::UserState,
        igame_notifications_service::UserStatus,
        igame_notifications_service::Variable,
        iplayer_service::Badge,
        iplayer_service::BadgeQuest,
        iplayer_service::GetBadgesResponse,
        iplayer_service::GetCommunityBadgeProgressResponse,
        iplayer_service::GetOwnedGamesResponse,
        iplayer_service::GetRecentlyPlayedGamesResponse,
        iplayer_service::GetSteamLevelResponse,
        iplayer_service::IsPlayingSharedGameResponse,
        iplayer_service::OwnedGame,
        iplayer_service::RecentlyPlayedGame,
        ipublished_file_service::FileChild,
        ipublished_file_service::FileKvTag,
        ipublished_file_service::FilePreview,
        ipublished_file_service::FileReaction,
        ipublished_file_service::FileTag,
        ipublished_file_service::FileVoteData,
        ipublished_file_service::GetDetailsResponse,
        ipublished_file_service::PublishedFileDetails,
        ipublished_file_service::QueryFilesResponse,
        isteam_apps::GameServer,
        isteam_apps::GetServersAtAddressResponse,
        isteam_apps::UpToDateCheckResponse,
        isteam_hub::HubAnnouncement,
        isteam_hub::HubAssociatedGame,
        isteam_hub::HubAvatar,
        isteam_hub::HubEvent,
        isteam_hub::HubEventType,
        isteam_hub::HubGetAnnouncementsResponse,
        isteam_hub::HubGetEventsResponse,
        isteam_hub::HubGetMembersResponse,
        isteam_hub::HubGetPermissionsResponse,
        isteam_hub::HubGetStatusResponse,
        isteam_hub::HubGetSummariesResponse,
        isteam_hub::HubMember,
        isteam_hub::HubMemberRole,
        isteam_hub::HubPermissions,
        isteam_hub::HubResolveAppIdResponse,
        isteam_hub::HubResolveVanityUrlResponse,
        isteam_hub::HubSearchResult,
        isteam_hub::HubStatus,
        isteam_hub::HubSummary,
        isteam_hub::HubVanityResult,
        isteam_hub::HubWebsite,
        isteam_news::GetNewsForAppResponse,
        isteam_news::NewsItem,
        isteam_remote_storage::CollectionChild,
        isteam_remote_storage::CollectionDetails,
        isteam_remote_storage::GetCollectionDetailsResponse,
        isteam_remote_storage::GetPublishedFileDetailsResponse,
        isteam_remote_storage::RemoteStorageFile,
        isteam_remote_storage::RemoteStorageTag,
        isteam_user::CommunityVisibilityState,
        isteam_user::EconomyBanStatus,
        isteam_user::Friend,
        isteam_user::FriendFilter,
        isteam_user::FriendRelationship,
        isteam_user::GetFriendListResponse,
        isteam_user::GetPlayerSummariesResponse,
        isteam_user::PersonaState,
        isteam_user::Player,
        isteam_user::PlayerBans,
        isteam_user::ResolveVanityURLResponse,
        isteam_user::VanityUrlType,
        isteam_user_stats::AvailableGameStats,
        isteam_user_stats::GetGlobalAchievementPercentagesForAppResponse,
        isteam_user_stats::GetGlobalStatsForGameResponse,
        isteam_user_stats::GetNumberOfCurrentPlayersResponse,
        isteam_user_stats::GetPlayerAchievementsResponse,
        isteam_user_stats::GetUserStatsForGameResponse,
        isteam_user_stats::GlobalAchievementPercentage,
        isteam_user_stats::GlobalStat,
        isteam_user_stats::PlayerAchievement,
        isteam_user_stats::SchemaAchievement,
        isteam_user_stats::SchemaForGame,
        isteam_user_stats::SchemaStat,
        isteam_user_stats::UserStat,
        isteam_user_stats::UserStatsAchievement,
        isteam_web_api_util::GetServerInfoResponse,
        isteam_web_api_util::GetSupportedAPIListResponse,
        isteam_web_api_util::SupportedApiInterface,
        isteam_web_api_util::SupportedApiMethod,
        isteam_web_api_util::SupportedApiParameter,
        notifications::DeleteNotificationsResponse,
        notifications::EmptyFolderResponse,
        notifications::MarkFolderReadResponse,
        notifications::Notification,
        notifications::NotificationDetail,
        notifications::NotificationFilter,
        notifications::NotificationFolder,
        notifications::NotificationSender,
        notifications::NotificationType,
        notifications::SearchNotificationsResponse,
    }
    requests {
        igame_servers_service::GetAccountListRequest {  },
        isteam_broadcast::PlayerStatsRequest {  },
        isteam_directory::GetSteamPipeDomainsRequest {  },
        isteam_web_api_util::GetServerInfoRequest {  },
        isteam_web_api_util::GetSupportedAPIListRequest {  },
        iauthentication_service::BeginAuthSessionViaCredentialsRequest { device_friendly_name, account_name, encrypted_password, encryption_timestamp, remember_login, platform_type, persistence, website_id, device_details, guard_data, language, qos_level },
        iauthentication_service::BeginAuthSessionViaQRRequest { device_friendly_name, platform_type, device_details, website_id },
        iauthentication_service::GetAuthSessionInfoRequest { client_id },
        iauthentication_service::GetAuthSessionRiskInfoRequest { client_id, language },
        iauthentication_service::GetPasswordRSAPublicKeyRequest { account_name },
        iauthentication_service::NotifyRiskQuizResultsRequest { client_id, results, selected_action, did_confirm_login },
        iauthentication_service::PollAuthSessionStatusRequest { client_id, request_id, token_to_revoke },
        iauthentication_service::UpdateAuthSessionWithMobileConfirmationRequest { version, client_id, steamid, signature, confirm, persistence },
        iauthentication_service::UpdateAuthSessionWithSteamGuardCodeRequest { client_id, steamid, code, code_type },
        ibroadcast_service::PostGameDataFrameRTMPRequest { appid, steamid, rtmp_token, frame_data },
        icheat_reporting_service::ReportCheatDataRequest { steamid, appid, pathandfilename, webcheaturl, time_now, time_started, time_stopped, cheatname, game_process_id, cheat_process_id, cheat_param_1, cheat_param_2, cheat_data_dump },
        icontent_server_config_service::GetSteamCacheNodeParamsRequest { cache_id, cache_key },
        icontent_server_config_service::SetSteamCacheClientFiltersRequest { cache_id, cache_key, change_notes, allowed_ip_blocks },
        icontent_server_config_service::SetSteamCachePerformanceStatsRequest { cache_id, cache_key, mbps_sent, mbps_recv, cpu_percent, cache_hit_percent, num_connected_ips, upstream_egress_utilization, upstream_peering_utilization, upstream_transit_utilization },
        icontent_server_directory_service::GetCDNForVideoRequest { property_type, client_ip, client_region },
        icontent_server_directory_service::GetClientUpdateHostsRequest { cached_signature },
        icontent_server_directory_service::GetDepotPatchInfoRequest { appid, depotid, source_manifestid, target_manifestid },
        icontent_server_directory_service::GetServersForSteamPipeRequest { cell_id, max_servers, ip_override, launcher_type, ipv6_public, current_connections },
        icontent_server_directory_service::PickSingleContentServerRequest { property_type, cell_id, client_ip },
        iecon_service::GetTradeHistoryRequest { max_trades, start_after_time, start_after_tradeid, navigating_back, get_descriptions, language, include_failed, include_total },
        iecon_service::GetTradeHoldDurationsRequest { steamid_target, trade_offer_access_token },
        iecon_service::GetTradeOfferRequest { tradeofferid, language, get_descriptions },
        iecon_service::GetTradeOffersRequest { get_sent_offers, get_received_offers, get_descriptions, language, active_only, historical_only, time_historical_cutoff, cursor },
        iecon_service::GetTradeOffersSummaryRequest { time_last_visit },
        iecon_service::GetTradeStatusRequest { tradeid, get_descriptions, language },
        igame_notifications_service::CreateSessionRequest { appid, context, title, users, steamid },
        igame_notifications_service::DeleteSessionRequest { sessionid, appid, steamid },
        igame_notifications_service::DeleteSessionBatchRequest { sessionid, appid },
        igame_notifications_service::EnumerateSessionsForAppRequest { appid, steamid, include_all_user_messages, include_auth_user_message, language },
        igame_notifications_service::GetSessionDetailsForAppRequest { sessions, appid, language },
        igame_notifications_service::RequestNotificationsRequest { steamid, appid },
        igame_notifications_service::UpdateSessionRequest { sessionid, appid, title, users, steamid },
        igame_notifications_service::UserCreateSessionRequest { appid, context, title, users, steamid },
        igame_notifications_service::UserDeleteSessionRequest { sessionid, appid, steamid },
        igame_notifications_service::UserUpdateSessionRequest { sessionid, appid, title, users, steamid },
        igame_servers_service::CreateAccountRequest { appid, memo },
        igame_servers_service::DeleteAccountRequest { steamid },
        igame_servers_service::FriendsQueryRequest { servers, friends, app_id },
        igame_servers_service::GetAccountPublicInfoRequest { steamid },
        igame_servers_service::GetServerIPsBySteamIDRequest { server_steamids },
        igame_servers_service::GetServerSteamIDsByIPRequest { server_ips },
        igame_servers_service::QueryByFakeIPRequest { fake_ip, fake_port, app_id, query_type },
        igame_servers_service::QueryLoginTokenRequest { login_token },
        igame_servers_service::ResetLoginTokenRequest { steamid },
        igame_servers_service::SetMemoRequest { steamid, memo },
        ihelp_request_logs_service::GetApplicationLogDemandRequest { appid },
        ihelp_request_logs_service::UploadUserApplicationLogRequest { appid, log_type, version_string, log_contents, request_id },
        iinventory_service::CombineItemStacksRequest { appid, fromitemid, destitemid, quantity, steamid },
        iinventory_service::GetPriceSheetRequest { ecurrency, currency_code },
        iinventory_service::SplitItemStackRequest { appid, itemid, quantity, steamid },
        iplayer_service::GetBadgesRequest { steamid },
        iplayer_service::GetCommunityBadgeProgressRequest { steamid, badgeid },
        iplayer_service::GetOwnedGamesRequest { steamid, include_appinfo, include_played_free_games, appids_filter, include_free_sub, skip_unvetted_apps, language },
        iplayer_service::GetRecentlyPlayedGamesRequest { steamid, count },
        iplayer_service::GetSteamLevelRequest { steamid },
        iplayer_service::IsPlayingSharedGameRequest { steamid, appid_playing },
        iplayer_service::RecordOfflinePlaytimeRequest { steamid, ticket, play_sessions },
        ipublished_file_service::GetDetailsRequest { publishedfileids, includetags, includeadditionalpreviews, includechildren, includekvtags, includevotes, short_description, includeforsaledata, includemetadata, return_playtime_stats, appid, strip_description_bbcode, admin_query, language, desired_revision, includereactions },
        ipublished_file_service::GetSubSectionDataRequest { publishedfileid, for_table_of_contents, specific_sectionid, desired_revision },
        ipublished_file_service::GetUserFileCountRequest { steamid, appid, shortcutid, page, numperpage, r#type, sortmethod, privacy, requiredtags, excludedtags, required_kv_tags, filetype, creator_appid, match_cloud_filename, cache_max_age_seconds, language, taggroups, date_range_created, date_range_updated, excluded_content_descriptors, admin_query, totalonly, ids_only, return_vote_data, return_tags, return_kv_tags, return_previews, return_children, return_short_description, return_for_sale_data, return_metadata, return_playtime_stats, strip_description_bbcode, return_reactions, startindex_override, desired_revision, return_apps },
        ipublished_file_service::GetUserFilesRequest { steamid, appid, shortcutid, page, numperpage, r#type, sortmethod, privacy, requiredtags, excludedtags, required_kv_tags, filetype, creator_appid, match_cloud_filename, cache_max_age_seconds, language, taggroups, date_range_created, date_range_updated, excluded_content_descriptors, admin_query, totalonly, ids_only, return_vote_data, return_tags, return_kv_tags, return_previews, return_children, return_short_description, return_for_sale_data, return_metadata, return_playtime_stats, strip_description_bbcode, return_reactions, startindex_override, desired_revision, return_apps },
        ipublished_file_service::GetUserVoteSummaryRequest { publishedfileids },
        ipublished_file_service::QueryFilesRequest { query_type, page, cursor, numperpage, creator_appid, appid, requiredtags, excludedtags, match_all_tags, required_flags, omitted_flags, search_text, filetype, child_publishedfileid, days, include_recent_votes_only, cache_max_age_seconds, language, required_kv_tags, taggroups, date_range_created, date_range_updated, excluded_content_descriptors, admin_query, special_filter, appids_required_for_use, excluded_appids_required_for_use, search_text_target, totalonly, ids_only, return_vote_data, return_tags, return_kv_tags, return_previews, return_children, return_short_description, return_for_sale_data, return_metadata, return_playtime_stats, return_details, strip_description_bbcode, desired_revision, return_reactions },
        isteam_apps::GetSDRConfigRequest { appid },
        isteam_apps::GetServersAtAddressRequest { addr },
        isteam_apps::UpToDateCheckRequest { appid, version },
        isteam_broadcast::ViewerHeartbeatRequest { steamid, sessionid, token, stream },
        isteam_cdn::SetClientFiltersRequest { cdnname, allowedipblocks, allowedasns, allowedipcountries },
        isteam_cdn::SetPerformanceStatsRequest { cdnname, mbps_sent, mbps_recv, cpu_percent, cache_hit_percent },
        isteam_directory::GetCMListRequest { cellid, maxcount },
        isteam_directory::GetCMListForConnectRequest { cellid, cmtype, realm, maxcount, qoslevel },
        isteam_economy::GetAssetClassInfoRequest { appid, language, class_count, classid0, instanceid0 },
        isteam_economy::GetAssetPricesRequest { appid, currency, language },
        isteam_hub::GetAnnouncementsRequest { language, guid, appid, max_length, end_date, count, skip, authors },
        isteam_hub::GetEventsRequest { language, guid, appid, max_length, end_date, count, skip, authors },
        isteam_hub::GetMembersRequest { language, guid, appid },
        isteam_hub::GetPermissionsRequest { language, guid, appid },
        isteam_hub::GetStatusRequest { language, guid, appid },
        isteam_hub::GetSummariesRequest { language, guid, appid },
        isteam_hub::ResolveAppIDRequest { language, appid, official_only, public_only, count, skip },
        isteam_hub::ResolveVanityURLRequest { language, vanityurl },
        isteam_news::GetNewsForAppRequest { appid, count, maxlength, enddate, feeds, tags },
        isteam_news::GetNewsForAppAuthedV1Request { appid, maxlength, enddate, count },
        isteam_news::GetNewsForAppAuthedV2Request { appid, maxlength, enddate, count, feeds },
        isteam_news::GetNewsForAppV1Request { appid, maxlength, enddate, count, tags },
        isteam_remote_storage::GetCollectionDetailsRequest { collectioncount, publishedfileids },
        isteam_remote_storage::GetPublishedFileDetailsRequest { itemcount, publishedfileids },
        isteam_remote_storage::GetUGCFileDetailsRequest { steamid, ugcid, appid },
        isteam_user::CheckAppOwnershipV1Request { steamid, appid },
        isteam_user::CheckAppOwnershipV2Request { steamid, appid },
        isteam_user::CheckAppOwnershipV3Request { steamid, appid },
        isteam_user::GetAppPriceInfoRequest { steamid, appids },
        isteam_user::GetFriendListRequest { steamid, relationship },
        isteam_user::GetPlayerBansRequest { steamids },
        isteam_user::GetPlayerSummariesRequest { steamids },
        isteam_user::GetPlayerSummariesV1Request { steamids },
        isteam_user::GetPublisherAppOwnershipV1Request { steamid },
        isteam_user::GetPublisherAppOwnershipV2Request { steamid },
        isteam_user::GetPublisherAppOwnershipV3Request { steamid },
        isteam_user::GetPublisherAppOwnershipV4Request { steamid },
        isteam_user::GetPublisherAppOwnershipChangesRequest { packagerowversion, cdkeyrowversion },
        isteam_user::GetUserGroupListRequest { steamid },
        isteam_user::GrantPackageV1Request { steamid, packageid, ipaddress, thirdpartykey, thirdpartyappid },
        isteam_user::GrantPackageV2Request { steamid, packageid, ipaddress, thirdpartykey, thirdpartyappid },
        isteam_user::GrantPackageV3Request { steamid, packageid, ipaddress, thirdpartykey, thirdpartyappid },
        isteam_user::ResolveVanityURLRequest { vanityurl, url_type },
        isteam_user::RevokePackageRequest { steamid, packageid, revokereason },
        isteam_user_auth::AuthenticateUserTicketRequest { appid, ticket },
        isteam_user_o_auth::GetTokenDetailsRequest { access_token },
        isteam_user_stats::GetGlobalAchievementPercentagesForAppRequest { gameid },
        isteam_user_stats::GetGlobalAchievementPercentagesForAppV1Request { gameid },
        isteam_user_stats::GetGlobalStatsForGameRequest { appid, count, name, startdate, enddate },
        isteam_user_stats::GetNumberOfCurrentPlayersRequest { appid },
        isteam_user_stats::GetPlayerAchievementsRequest { steamid, appid, l },
        isteam_user_stats::GetSchemaForGameRequest { appid, l },
        isteam_user_stats::GetSchemaForGameV1Request { appid, l },
        isteam_user_stats::GetUserStatsForGameRequest { steamid, appid, l },
        isteam_user_stats::GetUserStatsForGameV1Request { steamid, appid },
        isteam_user_stats::SetUserStatsForGameRequest { steamid, appid, count, name, value },
        istore_service::GetAppListRequest { if_modified_since, have_description_language, include_games, include_dlc, include_software, include_videos, include_hardware, last_appid, max_results },
        istore_service::GetGamesFollowedRequest { steamid },
        istore_service::GetGamesFollowedCountRequest { steamid },
        istore_service::GetRecommendedTagsForUserRequest { language, country_code, favor_rarer_tags },
        iwishlist_service::GetWishlistRequest { steamid },
        iwishlist_service::GetWishlistItemCountRequest { steamid },
        iwishlist_service::GetWishlistSortedFilteredRequest { steamid, context, data_request, sort_order, filters, start_index, page_size, share_token },
        notifications::DeleteNotificationsRequest { ids },
        notifications::EmptyFolderRequest { folder },
        notifications::MarkFolderReadRequest { folder },
        notifications::SearchNotificationsRequest { folder, filter, since },
    }
}

// ---------------------------------------------------------------------------------------------
// The model, the bundle, validators.

fn model() -> Model {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    steamspec::load_dir(&spec)
        .expect("project spec loads")
        .model
}

fn bundle() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../generated/schemas/bundle.json");
    let text = std::fs::read_to_string(&path).expect("generated/schemas/bundle.json");
    serde_json::from_str(&text).expect("bundle is JSON")
}

/// A validator for one `$defs` entry of the bundle.
fn schema_for(bundle: &Value, key: &str) -> jsonschema::Validator {
    assert!(
        bundle["$defs"].get(key).is_some(),
        "the bundle has no $defs/{key}"
    );
    let mut root = bundle.clone();
    root["$ref"] = json!(format!("#/$defs/{key}"));
    jsonschema::draft202012::new(&root).unwrap_or_else(|e| panic!("{key}: {e}"))
}

fn schema_errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Samples.

const STEAMID: &str = "76561197960287930";

/// A string matching each pattern of the spec, and one that does not.
fn pattern_samples(pattern: &str) -> (&'static str, &'static str) {
    match pattern {
        "^[a-z]{2}$" => ("en", "EN"),
        "^#.+$" => ("#Token", "Token"),
        "^[0-9]{1,20}$" => ("123", "12a"),
        "^[^,]+$" => ("patchnotes", "a,b"),
        _ => panic!(
            "no sample strings for the pattern {pattern:?}: add a matching and a non-matching \
             string to pattern_samples()"
        ),
    }
}

fn int_bounds(s: Scalar, c: &Constraints) -> (i128, i128) {
    let (lo, hi) = s.int_range().expect("an integer type");
    let lo = c.min.and_then(Num::as_int).map_or(lo, |m| m.max(lo));
    let hi = c.max.and_then(Num::as_int).map_or(hi, |m| m.min(hi));
    (lo, hi)
}

fn int_value(i: i128, wire: Wire) -> Value {
    match wire {
        Wire::String => Value::String(i.to_string()),
        _ => serde_json::from_str(&i.to_string()).expect("an integer"),
    }
}

/// How a scalar's numbers are written: SteamIDs always as strings, else the field's wire.
fn scalar_wire(s: Scalar, wire: Wire) -> Wire {
    if s == Scalar::SteamId {
        Wire::String
    } else {
        wire
    }
}

fn scalar_sample(s: Scalar, wire: Wire, c: &Constraints) -> Value {
    match s {
        Scalar::Json => json!({"any": ["json", 1]}),
        Scalar::Bool => json!(true),
        Scalar::String => {
            let base = match &c.pattern {
                Some(p) => pattern_samples(p).0.to_string(),
                None => "sample".to_string(),
            };
            let mut text: String = base.clone();
            let min = c.min_length.unwrap_or(0) as usize;
            while text.chars().count() < min {
                text.push('x');
            }
            if let Some(max) = c.max_length {
                text = text.chars().take(max as usize).collect();
            }
            Value::String(text)
        }
        Scalar::Float => {
            let lo = c.min.map_or(f64::MIN, Num::as_f64);
            let hi = c.max.map_or(f64::MAX, Num::as_f64);
            let v = 1.5f64.clamp(lo, hi);
            match wire {
                Wire::String => Value::String(v.to_string()),
                _ => json!(v),
            }
        }
        Scalar::SteamId => Value::String(STEAMID.into()),
        _ => {
            let (lo, hi) = int_bounds(s, c);
            int_value(7i128.clamp(lo, hi), scalar_wire(s, wire))
        }
    }
}

struct Gen<'a> {
    model: &'a Model,
}

impl Gen<'_> {
    fn named(&self, name: &str, depth: usize) -> Value {
        let t = self
            .model
            .type_named(name)
            .unwrap_or_else(|| panic!("no type {name}"));
        match &t.kind {
            TypeKind::Enum(e) => e.values[0].value.to_json(),
            TypeKind::Struct(fields) => {
                let mut m = Map::new();
                for f in fields {
                    // Every field, optional ones too, so their constraints are exercised; below
                    // a few levels only the required ones (no type of the spec is recursive, but
                    // this keeps a future one finite).
                    if f.presence.is_optional() && depth > 4 {
                        continue;
                    }
                    m.insert(
                        f.name.clone(),
                        self.value(&f.ty, f.wire, &f.constraints, depth + 1),
                    );
                }
                Value::Object(m)
            }
        }
    }

    fn value(&self, ty: &TypeRef, wire: Wire, c: &Constraints, depth: usize) -> Value {
        match ty {
            TypeRef::Scalar(s) => scalar_sample(*s, wire, c),
            TypeRef::Named(n) => self.named(n, depth),
            TypeRef::Array(item) => {
                let ic = c.items.as_deref().cloned().unwrap_or_default();
                let n = c
                    .min_items
                    .unwrap_or(1)
                    .max(1)
                    .min(c.max_items.unwrap_or(u64::MAX));
                Value::Array((0..n).map(|_| self.value(item, wire, &ic, depth)).collect())
            }
            TypeRef::Map(key, item) => {
                let ic = c.items.as_deref().cloned().unwrap_or_default();
                let k = match key {
                    MapKey::String => "key".to_string(),
                    MapKey::Uint32 => "440".to_string(),
                    MapKey::Uint64 | MapKey::SteamId => STEAMID.to_string(),
                };
                let mut m = Map::new();
                if c.min_items.unwrap_or(1) > 0 && c.max_items != Some(0) {
                    m.insert(k, self.value(item, wire, &ic, depth));
                }
                Value::Object(m)
            }
        }
    }

    /// Instances that break one thing each, at `at` (a JSON pointer into `root`), with what
    /// they break. `valid` says whether the change must still be accepted (an unknown value of
    /// an open enum).
    fn breakages(
        &self,
        root: &Value,
        at: &str,
        ty: &TypeRef,
        wire: Wire,
        c: &Constraints,
        out: &mut Vec<Case>,
    ) {
        let here = root.pointer(at).cloned().unwrap_or(Value::Null);
        let mut put = |what: String, v: Value, valid: bool| {
            let mut r = root.clone();
            *r.pointer_mut(at).expect("path exists") = v;
            out.push(Case {
                what: format!("{at}: {what}"),
                instance: r,
                valid,
                lenient: false,
            });
        };
        match ty {
            TypeRef::Scalar(s) => match s {
                Scalar::String => {
                    if let Some(p) = &c.pattern {
                        put(format!("pattern {p}"), json!(pattern_samples(p).1), false);
                    }
                    let text = here.as_str().unwrap_or_default().to_string();
                    if let Some(min) = c.min_length.filter(|&m| m > 0) {
                        let short: String = text.chars().take(min as usize - 1).collect();
                        put(format!("min_length {min}"), json!(short), false);
                    }
                    if let Some(max) = c.max_length {
                        let mut long = text.clone();
                        while long.chars().count() <= max as usize {
                            long.push('x');
                        }
                        put(format!("max_length {max}"), json!(long), false);
                    }
                }
                Scalar::Float => {
                    let w = |f: f64| match wire {
                        Wire::String => Value::String(f.to_string()),
                        _ => json!(f),
                    };
                    if let Some(min) = c.min {
                        put(
                            format!("min {}", min.as_f64()),
                            w(min.as_f64() - 0.5),
                            false,
                        );
                    }
                    if let Some(max) = c.max {
                        put(
                            format!("max {}", max.as_f64()),
                            w(max.as_f64() + 0.5),
                            false,
                        );
                    }
                }
                Scalar::Bool | Scalar::Json => {}
                _ => {
                    let w = scalar_wire(*s, wire);
                    let (tlo, thi) = s.int_range().expect("integer");
                    let (lo, hi) = int_bounds(*s, c);
                    // Constraint bounds, and the type's own range where the schema can state
                    // it: always for a string (its pattern is the exact range), for a number
                    // only within 32 bits (the uint32 overflow; a 64-bit end is not exact in a
                    // JavaScript number, so the schema leaves it to the client).
                    let exact = |b: i128| w == Wire::String || b.abs() <= i128::from(u32::MAX);
                    if lo > tlo || exact(tlo) {
                        put(format!("below minimum {lo}"), int_value(lo - 1, w), false);
                    }
                    if hi < thi || exact(thi) {
                        put(format!("above maximum {hi}"), int_value(hi + 1, w), false);
                    }
                }
            },
            TypeRef::Named(n) => {
                let t = self.model.type_named(n).expect("named type");
                match &t.kind {
                    TypeKind::Enum(e) => {
                        let (unknown, wrong_type) = match e.repr {
                            EnumRepr::Integer => (json!(987_654), json!("not-a-number")),
                            EnumRepr::String => (json!("no-such-value"), json!(987_654)),
                        };
                        let kind = if e.open { "open" } else { "closed" };
                        put(
                            format!("unknown value of the {kind} enum {n}"),
                            unknown,
                            e.open,
                        );
                        put(format!("wrong type for the enum {n}"), wrong_type, false);
                    }
                    TypeKind::Struct(fields) => {
                        for f in fields {
                            let p = format!("{at}/{}", escape(&f.name));
                            if root.pointer(&p).is_none() {
                                continue;
                            }
                            if !f.presence.is_optional() {
                                let mut r = root.clone();
                                let parent = r.pointer_mut(at).and_then(Value::as_object_mut);
                                parent.expect("object").remove(&f.name);
                                out.push(Case {
                                    what: format!("{at}: required field {} missing", f.name),
                                    instance: r,
                                    valid: f.presence.is_nullable(),
                                    lenient: f.presence.is_nullable(),
                                });
                            }
                            // (untyped JSON admits null: not a break there)
                            if !f.presence.is_nullable() && f.ty != TypeRef::Scalar(Scalar::Json) {
                                // null in a field that is not nullable (optional or not)
                                let mut r = root.clone();
                                *r.pointer_mut(&p).expect("field") = Value::Null;
                                // An optional field's Option reads null as None, which
                                // serializes as absent: both accept that, see `agree`.
                                out.push(Case {
                                    what: format!("{p}: null"),
                                    instance: r,
                                    valid: f.presence.is_optional(),
                                    lenient: f.presence.is_optional(),
                                });
                            }
                            self.breakages(root, &p, &f.ty, f.wire, &f.constraints, out);
                        }
                    }
                }
            }
            TypeRef::Array(item) => {
                let items = here.as_array().cloned().unwrap_or_default();
                if let Some(min) = c.min_items.filter(|&m| m > 0) {
                    let fewer: Vec<Value> = items.iter().take(min as usize - 1).cloned().collect();
                    put(format!("min_items {min}"), Value::Array(fewer), false);
                }
                if let Some(max) = c.max_items {
                    let one = items.first().cloned().unwrap_or(Value::Null);
                    put(
                        format!("max_items {max}"),
                        Value::Array(vec![one; max as usize + 1]),
                        false,
                    );
                }
                if !items.is_empty() {
                    let ic = c.items.as_deref().cloned().unwrap_or_default();
                    self.breakages(root, &format!("{at}/0"), item, wire, &ic, out);
                }
            }
            TypeRef::Map(_, item) => {
                let entries = here.as_object().cloned().unwrap_or_default();
                if let Some(min) = c.min_items.filter(|&m| m > 0) {
                    let fewer: Map<String, Value> = entries
                        .iter()
                        .take(min as usize - 1)
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect();
                    put(format!("min_items {min}"), Value::Object(fewer), false);
                }
                if let Some((k, _)) = entries.iter().next() {
                    let ic = c.items.as_deref().cloned().unwrap_or_default();
                    self.breakages(root, &format!("{at}/{}", escape(k)), item, wire, &ic, out);
                }
            }
        }
    }
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

struct Case {
    what: String,
    instance: Value,
    /// The expected verdict of both sides.
    valid: bool,
    /// Accepted by Rust and by the schema on the round-tripped sample, but the instance itself
    /// breaks the schema: serde reads a `null` or a missing key into `None`, which is written
    /// back as absent (optional field) or `null` (nullable field). Rust is lenient there.
    lenient: bool,
}

/// The valid sample and the breakages of a request: its parameters as a struct of their own.
fn request_cases(g: &Gen, op: &Operation) -> (Value, Vec<Case>) {
    let mut m = Map::new();
    for p in &op.params {
        m.insert(p.name.clone(), g.value(&p.ty, p.wire(), &p.constraints, 1));
    }
    let root = Value::Object(m);
    let mut out = Vec::new();
    for p in &op.params {
        let at = format!("/{}", escape(&p.name));
        if !p.optional {
            let mut r = root.clone();
            r.as_object_mut().expect("object").remove(&p.name);
            out.push(Case {
                what: format!("required parameter {} missing", p.name),
                instance: r,
                valid: false,
                lenient: false,
            });
        }
        g.breakages(&root, &at, &p.ty, p.wire(), &p.constraints, &mut out);
    }
    for rule in &op.rules {
        let mut r = root.clone();
        let obj = r.as_object_mut().expect("object");
        let what = match rule {
            Rule::AtLeastOneOf(names) => {
                for n in names {
                    obj.remove(n);
                }
                format!("none of {names:?}")
            }
            Rule::RequiredIf(a, b) => {
                obj.remove(a);
                format!("{b} without {a}")
            }
        };
        out.push(Case {
            what: format!("rule: {what}"),
            instance: r,
            valid: false,
            lenient: false,
        });
    }
    (root, out)
}

fn named_cases(g: &Gen, t: &NamedType) -> (Value, Vec<Case>) {
    let root = g.named(&t.name, 0);
    let mut out = Vec::new();
    g.breakages(
        &root,
        "",
        &TypeRef::Named(t.name.clone()),
        Wire::Number,
        &Constraints::default(),
        &mut out,
    );
    (root, out)
}

// ---------------------------------------------------------------------------------------------
// Verdicts.

struct Verdicts {
    rust: bool,
    /// On the round-tripped sample when serde built one, else on the instance.
    schema: bool,
    /// On the instance itself.
    schema_instance: bool,
    detail: String,
}

fn judge(
    check: Check,
    wire: WireName,
    schema: &jsonschema::Validator,
    instance: &Value,
) -> Verdicts {
    match check(instance, wire) {
        Rust::Rejected(e) => Verdicts {
            rust: false,
            schema: schema.is_valid(instance),
            schema_instance: schema.is_valid(instance),
            detail: format!("serde: {e}; schema: {:?}", schema_errors(schema, instance)),
        },
        Rust::Built(sample, validated) => Verdicts {
            rust: validated.is_ok(),
            schema: schema.is_valid(&sample),
            schema_instance: schema.is_valid(instance),
            detail: format!(
                "validate(): {validated:?}; schema on {sample}: {:?}",
                schema_errors(schema, &sample)
            ),
        },
    }
}

/// Every type with its schema key, its check, its valid sample and its broken ones.
struct Subject<'a> {
    name: String,
    /// `name`, and `module::name` for a request type (see `types!`).
    lookup: String,
    key: String,
    check: Check,
    op: Option<&'a Operation>,
    sample: Value,
    cases: Vec<Case>,
}

fn subjects(model: &Model) -> Vec<Subject<'_>> {
    let g = Gen { model };
    let named = named_checks();
    let requests = request_checks();
    let mut out = Vec::new();
    for t in model.types.values() {
        let (sample, cases) = named_cases(&g, t);
        out.push(Subject {
            name: t.name.clone(),
            lookup: t.name.clone(),
            key: t.name.clone(),
            check: *named
                .get(t.name.as_str())
                .unwrap_or_else(|| panic!("{} is not listed", t.name)),
            op: None,
            sample,
            cases,
        });
    }
    for op in model.operations() {
        let (sample, cases) = request_cases(&g, op);
        let lookup = request_lookup(model, op);
        out.push(Subject {
            name: op.request_type.clone(),
            key: format!("{}.{}.v{}.request", op.interface, op.method, op.version),
            check: *requests
                .get(lookup.as_str())
                .unwrap_or_else(|| panic!("{lookup} is not listed")),
            lookup,
            op: Some(op),
            sample,
            cases,
        });
    }
    out
}

/// `module::Name` of an operation's request type, as `types!` keys it.
fn request_lookup(model: &Model, op: &Operation) -> String {
    format!(
        "{}::{}",
        model.interfaces[&op.interface].module, op.request_type
    )
}

fn wire_names(op: Option<&Operation>) -> impl Fn(&str) -> String + '_ {
    move |rust: &str| {
        let rust = rust.strip_prefix("r#").unwrap_or(rust);
        op.and_then(|op| op.params.iter().find(|p| p.rust_name == rust))
            .map_or_else(|| rust.to_string(), |p| p.name.clone())
    }
}

// ---------------------------------------------------------------------------------------------
// Tests.

#[test]
fn the_list_covers_every_type_of_the_model() {
    let model = model();
    let named = named_checks();
    let requests = request_checks();
    let want_named: Vec<&str> = model.types.keys().map(String::as_str).collect();
    let want_requests: std::collections::BTreeSet<String> = model
        .operations()
        .map(|op| request_lookup(&model, op))
        .collect();
    let missing: Vec<&&str> = want_named
        .iter()
        .filter(|n| !named.contains_key(**n))
        .collect();
    assert!(
        missing.is_empty(),
        "named types missing from the types! list: {missing:?}"
    );
    let missing: Vec<&String> = want_requests
        .iter()
        .filter(|n| !requests.contains_key(n.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "request types missing from the types! list: {missing:?}"
    );
    let extra: Vec<&&str> = named
        .keys()
        .filter(|n| !model.types.contains_key(**n))
        .collect();
    assert!(
        extra.is_empty(),
        "listed as named types but not in the model: {extra:?}"
    );
    let extra: Vec<&&str> = requests
        .keys()
        .filter(|n| !want_requests.contains(**n as &str))
        .collect();
    assert!(
        extra.is_empty(),
        "listed as requests but not in the model: {extra:?}"
    );
    // Every request field is a parameter of its operation, by Rust name.
    for op in model.operations() {
        let names = wire_names(Some(op));
        for p in &op.params {
            assert_eq!(names(&p.rust_name), p.name, "{}", op.id());
        }
    }
}

#[test]
fn rust_and_schema_agree_on_every_type() {
    let model = model();
    let bundle = bundle();
    let mut failures = Vec::new();
    let (mut types, mut checked, mut lenient) = (0, 0, 0);
    for s in subjects(&model) {
        types += 1;
        let schema = schema_for(&bundle, &s.key);
        let wire = wire_names(s.op);
        let v = judge(s.check, &wire, &schema, &s.sample);
        if !(v.rust && v.schema) {
            failures.push(format!(
                "{}: the valid sample {} is not accepted by both (rust {}, schema {}): {}",
                s.name, s.sample, v.rust, v.schema, v.detail
            ));
        }
        // The sample survives the round trip through the Rust type.
        if let Rust::Built(again, _) = (s.check)(&s.sample, &wire)
            && again != s.sample
        {
            failures.push(format!(
                "{}: the sample {} comes back as {again}",
                s.name, s.sample
            ));
        }
        checked += 1;
        for c in &s.cases {
            let v = judge(s.check, &wire, &schema, &c.instance);
            checked += 1;
            lenient += usize::from(c.lenient);
            if v.rust != v.schema {
                failures.push(format!(
                    "{} {}: rust says {}, schema says {}: {}",
                    s.name,
                    c.what,
                    if v.rust { "valid" } else { "invalid" },
                    if v.schema { "valid" } else { "invalid" },
                    v.detail
                ));
            } else if c.lenient && v.schema_instance {
                failures.push(format!(
                    "{} {}: expected the instance itself to break the schema: {}",
                    s.name, c.what, v.detail
                ));
            } else if !c.lenient && v.schema_instance != v.schema {
                failures.push(format!(
                    "{} {}: the schema says {} on the instance, {} on the round-tripped sample: {}",
                    s.name, c.what, v.schema_instance, v.schema, v.detail
                ));
            } else if v.rust != c.valid {
                failures.push(format!(
                    "{} {}: both say {}, expected {}: {}",
                    s.name,
                    c.what,
                    if v.rust { "valid" } else { "invalid" },
                    if c.valid { "valid" } else { "invalid" },
                    v.detail
                ));
            }
        }
    }
    assert!(types >= 90, "only {types} types");
    assert!(checked >= 500, "only {checked} instances checked");
    assert!(
        failures.is_empty(),
        "{} of {checked} instances over {types} types disagree:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!(
        "{checked} instances over {types} types: Rust and the schemas agree \
         ({lenient} of them where serde reads null or absent as None)"
    );
}

/// A 64-bit integer sent as a string is range-checked by the schema as by the client: one past
/// `u64::MAX` is rejected by both, `u64::MAX` accepted by both.
#[test]
fn sixty_four_bit_strings_are_range_checked_by_both() {
    let model = model();
    let bundle = bundle();
    let op = model
        .operations()
        .find(|op| op.request_type == "GetPlayerSummariesRequest")
        .expect("GetPlayerSummaries");
    let schema = schema_for(&bundle, "ISteamUser.GetPlayerSummaries.v2.request");
    let check = request_checks()["isteam_user::GetPlayerSummariesRequest"];
    let wire = wire_names(Some(op));
    let over = json!({"steamids": ["18446744073709551616"]});
    let v = judge(check, &wire, &schema, &over);
    assert!(!v.rust && !v.schema, "u64::MAX + 1: {}", v.detail);
    let max = json!({"steamids": ["18446744073709551615"]});
    let v = judge(check, &wire, &schema, &max);
    assert!(v.rust && v.schema, "u64::MAX: {}", v.detail);
}

/// The `schemars` feature's `JsonSchema` impls give each type the schema of the bundle: the root
/// is the type's own `$defs` entry, and every type it refers to is in its `$defs` as in the
/// bundle (schemars' default settings also write `#/$defs/Name` references).
#[test]
fn json_schema_impls_give_the_bundles_schemas() {
    let model = model();
    let bundle = bundle();
    let schemas = rust_schemas();
    let mut failures = Vec::new();
    let mut refs = 0;
    for s in subjects(&model) {
        let mut root = schemas[s.lookup.as_str()]();
        let defs = root
            .as_object_mut()
            .and_then(|m| {
                assert_eq!(m.remove("title"), Some(json!(s.name)), "{}", s.name);
                m.remove("$schema");
                m.remove("$defs")
            })
            .unwrap_or_else(|| json!({}));
        if root != bundle["$defs"][&s.key] {
            failures.push(format!(
                "{}: schemars gives {root}, the bundle has {}",
                s.name, bundle["$defs"][&s.key]
            ));
        }
        for (name, def) in defs.as_object().into_iter().flatten() {
            refs += 1;
            if *def != bundle["$defs"][name] {
                failures.push(format!("{} refers to {name}, which differs: {def}", s.name));
            }
        }
    }
    assert!(
        refs >= 40,
        "only {refs} referenced types: are references resolved?"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A reference follows the generator's settings (draft-07 keeps definitions under
/// `definitions`), and the field's own description stays beside it.
#[test]
fn json_schema_impl_references_follow_the_generator() {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let schema = generator
        .into_root_schema_for::<steam_webapi::isteam_user::GetFriendListResponse>()
        .to_value();
    assert_eq!(
        schema["properties"]["friends"]["items"],
        json!({"$ref": "#/definitions/Friend"})
    );
    assert!(
        schema["definitions"]["Friend"]["properties"].is_object(),
        "{schema}"
    );
    let member = schemars::schema_for!(steam_webapi::isteam_hub::HubMember).to_value();
    let described: Vec<&Value> = member["properties"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(_, v)| v)
        .filter(|v| v.get("$ref").is_some() && v.get("description").is_some())
        .collect();
    assert!(!described.is_empty(), "no described reference in {member}");
}

/// The `schemars` feature pulls in schemars without its derive: the generated types and the
/// runtime implement `JsonSchema` without it, so turning the feature on must not compile
/// schemars' proc macro (and syn with it) for them.
#[test]
fn the_schemars_feature_builds_no_proc_macro() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate lives in the workspace");
    let tree = |extra: &[&str]| {
        let out = std::process::Command::new(env!("CARGO"))
            .current_dir(workspace)
            .args([
                "tree",
                "--offline",
                "-p",
                "steam-webapi",
                "--features",
                "schemars",
            ])
            .args(["-e", "normal,build", "--prefix", "none"])
            .args(extra)
            .output()
            .expect("cargo runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(
        tree(&[]).lines().any(|l| l.starts_with("schemars v1.")),
        "the feature pulls in schemars"
    );
    let derive = tree(&["-i", "schemars_derive"]);
    assert!(
        derive.trim().is_empty(),
        "schemars_derive is built for:\n{derive}"
    );
}
