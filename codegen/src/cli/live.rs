//! `steamspec drift --live`: GetSupportedAPIList fetched through the generated client, with the
//! key from STEAM_API_KEY (never from the command line, where shells and CI logs keep it).

use steam_webapi::isteam_web_api_util::GetSupportedAPIListRequest;
use steam_webapi::{ProviderId, blocking::Client};

/// Where to fetch from, and how.
pub struct Live<'a> {
    pub key: &'a str,
    pub base_url: Option<&'a str>,
    pub allow_http: bool,
}

/// The listing as JSON bytes, in the shape Steam sends (`{"apilist": {...}}`), so the same
/// parser (and its checks for broken listings) reads it as it reads a saved file.
pub fn fetch(live: &Live) -> Result<Vec<u8>, String> {
    let mut builder = Client::builder()
        .api_key(live.key)
        .allow_http(live.allow_http);
    if let Some(url) = live.base_url {
        builder = builder.base_url(ProviderId::Steam, url);
    }
    // The runtime's errors never contain the key.
    let client = builder
        .build()
        .map_err(|e| format!("cannot build the client: {e}"))?;
    let list = client
        .isteam_web_api_util()
        .get_supported_api_list(&GetSupportedAPIListRequest::new())
        .map_err(|e| format!("GetSupportedAPIList failed: {e}"))?;
    serde_json::to_vec(&serde_json::json!({ "apilist": list }))
        .map_err(|e| format!("cannot re-encode the listing: {e}"))
}
