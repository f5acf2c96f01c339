// The typed tokens of the chess set compile with every warning denied and make the docs'
// LocalizedText.
#![deny(warnings)]

#[allow(dead_code)]
#[path = "../../../codegen/tests/snapshots/tokens/chess.rs"]
mod tokens;

use steam_webapi::igame_notifications_service::LocalizedText;

fn main() {
    let text: LocalizedText = tokens::InvitationText {
        user: "Michael".into(),
    }
    .into();
    assert_eq!(
        serde_json::to_string(&text).unwrap(),
        r##"{"token":"#InvitationText","variables":[{"key":"user","value":"Michael"}]}"##
    );
    let over: LocalizedText = tokens::GameOver.into();
    assert_eq!(over.variables, None);
}
