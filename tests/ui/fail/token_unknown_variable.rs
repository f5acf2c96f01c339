// A variable the token does not have is a compile error too.
#[allow(dead_code)]
#[path = "../../../codegen/tests/snapshots/tokens/chess.rs"]
mod tokens;

use steam_webapi::igame_notifications_service::LocalizedText;

fn main() {
    let _text: LocalizedText = tokens::InvitationText {
        user: "Michael".into(),
        usr: "Michael".into(),
    }
    .into();
}
