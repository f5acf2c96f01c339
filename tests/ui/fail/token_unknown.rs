// A misspelt token is a compile error: the typed tokens of the chess set have no
// `InvitationTxt` (the compiler points at `InvitationText`).
#[allow(dead_code)]
#[path = "../../../codegen/tests/snapshots/tokens/chess.rs"]
mod tokens;

use steam_webapi::igame_notifications_service::LocalizedText;

fn main() {
    let _text: LocalizedText = tokens::InvitationTxt {
        user: "Michael".into(),
    }
    .into();
}
