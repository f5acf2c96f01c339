//! `steamspec tokens render`: what a player sees, the English fallback, errors for a missing
//! variable, an unknown token or language; and the runtime's `TokenSet::from_vdf` on the same
//! files.

mod common;

use std::path::{Path, PathBuf};

use common::run_bin;
use steam_webapi_runtime::TokenSet;

fn chess() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tokens/chess");
    ["english", "french", "german", "more-languages"]
        .iter()
        .map(|f| dir.join(format!("{f}.vdf")).display().to_string())
        .collect()
}

fn render(language: &str, rest: &[&str]) -> (i32, String, String) {
    let files = chess();
    let mut args = vec!["tokens", "render", "--language", language];
    args.extend(files.iter().map(String::as_str));
    args.extend(rest);
    run_bin(&args)
}

#[test]
fn renders_the_players_language() {
    let (code, out, err) = render("spanish", &["#InvitationText", "user=Michael"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "Michael te ha invitado a jugar una partida de ajedrez.\n"
    );
    let (code, out, _) = render("english", &["#InvitationText", "user=Michael"]);
    assert_eq!(code, 0);
    assert_eq!(out, "Michael has invited you to play a game of Chess.\n");
    let (code, out, _) = render(
        "german",
        &["#MoveMade", "opponent=Ann", "piece=Springer", "square=f3"],
    );
    assert_eq!(code, 0);
    assert_eq!(out, "Ann hat Springer nach f3 gezogen.\n");
}

#[test]
fn falls_back_to_english_and_says_so() {
    let (code, out, err) = render("french", &["#DrawOffered", "opponent=Ann"]);
    assert_eq!(code, 0);
    assert_eq!(out, "Ann offers a draw.\n");
    assert_eq!(
        err,
        "note: french has no #DrawOffered: the player sees the English text\n"
    );
    // A Steam language with no file at all sees English too.
    let (code, out, err) = render("polish", &["#GameOver"]);
    assert_eq!((code, out.as_str()), (0, "The game is over.\n"));
    assert!(err.contains("polish has no #GameOver"), "{err}");
}

#[test]
fn a_missing_variable_is_an_error() {
    let (code, out, err) = render("french", &["#MoveMade", "opponent=Ann"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(
        err.starts_with(
            "error: #MoveMade needs the variable(s) 'piece', 'square' (give them as name=value); \
             the text is \"{{opponent}} a joué {{piece}} en {{square}}.\" ("
        ),
        "{err}"
    );
    assert!(err.contains("french.vdf:10:14)"), "{err}");
}

#[test]
fn unknown_token_language_and_unused_variables() {
    let (code, _, err) = render("english", &["#InvitationTxt", "user=x"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "error: no token #InvitationTxt in english (did you mean '#InvitationText'?)\n"
    );
    let (_, _, err) = render("german", &["#Chekmate"]);
    assert_eq!(
        err,
        "error: no token #Chekmate in german or english (did you mean '#Checkmate'?)\n"
    );
    let (code, _, err) = render("chinese", &["#GameOver"]);
    assert_eq!(code, 1);
    assert!(err.contains("(did you mean 'schinese'?)"), "{err}");
    let (code, out, err) = render("english", &["#GameOver", "user=x"]);
    assert_eq!((code, out.as_str()), (0, "The game is over.\n"));
    assert_eq!(
        err,
        "note: variable 'user' is not used by the text of #GameOver\n"
    );
    let (code, _, err) = render("english", &["#GameOver", "oops"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("'oops' is not a variable: write name=value"),
        "{err}"
    );
}

#[test]
fn token_set_reads_the_english_tokens_of_both_layouts() {
    let files: Vec<PathBuf> = chess().into_iter().map(PathBuf::from).collect();
    let mut set = TokenSet::new();
    for f in &files {
        set.extend_from_vdf(&std::fs::read_to_string(f).unwrap())
            .unwrap();
    }
    assert_eq!(set.len(), 12);
    assert_eq!(
        set.variables("#MoveMade").unwrap(),
        ["opponent", "piece", "square"]
    );
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tokens/docs");
    let all = TokenSet::from_vdf(&std::fs::read_to_string(docs.join("all-languages.vdf")).unwrap())
        .unwrap();
    assert_eq!(
        all.references().collect::<Vec<_>>(),
        ["#TheNameOfAnotherToken", "#TheNameOfTheToken"]
    );
    let invitation =
        TokenSet::from_vdf(&std::fs::read_to_string(docs.join("invitation.vdf")).unwrap()).unwrap();
    assert_eq!(invitation.variables("#InvitationText").unwrap(), ["user"]);
}

#[test]
fn token_set_errors_carry_line_and_column() {
    let err = |text: &str| TokenSet::from_vdf(text).unwrap_err().to_string();
    assert_eq!(
        err(
            "\"lang\" {\n \"Language\" \"english\"\n \"Tokens\" {\n  \"A\" \"x\"\n  \"A\" \"y\"\n }\n}"
        ),
        "5:3: token #A is defined twice"
    );
    assert_eq!(
        err("\"lang\" { \"english\" { \"Tokens\" { \"A\" \"{{ }}\" } } }"),
        "1:33: token #A: placeholder '{{ }}' has no variable name (character 1)"
    );
    assert_eq!(
        err("\"lang\" {"),
        "1:8: the object of `lang` is never closed"
    );
    assert_eq!(
        err("\"lang\" { \"spanish\" \"x\" }"),
        "1:10: \"spanish\" is a text; in a file of all languages each language is a block { \"Tokens\" { ... } }"
    );
}
