// A variable the English text uses and the call does not give is a compile error.
#[allow(dead_code)]
#[path = "../../../codegen/tests/snapshots/tokens/chess.rs"]
mod tokens;

use steam_webapi::igame_notifications_service::LocalizedText;

fn main() {
    let _text: LocalizedText = tokens::MoveMade {
        opponent: "Ann".into(),
        piece: "pawn".into(),
    }
    .into();
}
