//! `steamspec responses`: recorded response bodies against the spec (response drift).

use std::path::PathBuf;

use clap::Args;
use steamspec::responses::{self, Location, Mode};

use super::{EXIT_ERROR, EXIT_FOUND, EXIT_OK, load_or_report};

#[derive(Debug, Args)]
pub struct ResponsesArgs {
    /// The spec folder.
    #[arg(long, default_value = "spec")]
    pub spec: PathBuf,
    /// Also report every field the spec does not describe, unknown enum values and violated
    /// constraints (response drift). Without it: only missing required fields and wrong types.
    #[arg(long)]
    pub strict: bool,
    /// The operation, `Interface/Method/vN`. Default: from each file's name
    /// (`Interface.Method.vN.<anything>`).
    #[arg(long, value_name = "OPERATION")]
    pub operation: Option<String>,
    /// Where the bodies sit in a full response: `response` for a body saved without its
    /// envelope, `response.players[0]` for one array element. Default: the whole body.
    #[arg(long, value_name = "PATH", default_value = "")]
    pub at: String,
    /// Response bodies (JSON).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

pub fn run(args: ResponsesArgs) -> u8 {
    let at = match Location::parse(&args.at) {
        Ok(at) => at,
        Err(e) => {
            eprintln!("error: --at {e}");
            return EXIT_ERROR;
        }
    };
    let Some(model) = load_or_report(&args.spec) else {
        return EXIT_ERROR;
    };
    let mode = if args.strict {
        Mode::Strict
    } else {
        Mode::Decode
    };
    let (mut found, mut failed, mut clean) = (0usize, 0usize, 0usize);
    for file in &args.files {
        match responses::check_file(&model, file, args.operation.as_deref(), &at, mode) {
            Err(e) => {
                eprintln!("{e}");
                failed += 1;
            }
            Ok(report) if report.findings.is_empty() => clean += 1,
            Ok(report) => {
                found += report.findings.len();
                println!(
                    "{} ({}): {} finding(s)",
                    report.file.display(),
                    report.operation,
                    report.findings.len()
                );
                for f in &report.findings {
                    println!("  {f}");
                }
            }
        }
    }
    let files = args.files.len();
    let with = files - clean - failed;
    println!(
        "{files} file(s): {clean} clean, {with} with {found} finding(s){}",
        if failed > 0 {
            format!(", {failed} could not be checked")
        } else {
            String::new()
        }
    );
    if failed > 0 {
        EXIT_ERROR
    } else if found > 0 {
        EXIT_FOUND
    } else {
        EXIT_OK
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir() -> PathBuf {
        std::env::temp_dir().join(format!("steamspec-responses-{}", std::process::id()))
    }

    /// A body in this process's temporary folder, under `name`.
    fn body(name: &str, text: &str) -> PathBuf {
        let dir = temp_dir();
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join(name);
        std::fs::write(&file, text).unwrap();
        file
    }

    fn run_on(strict: bool, operation: Option<&str>, at: &str, files: Vec<PathBuf>) -> u8 {
        run(ResponsesArgs {
            spec: PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../spec")),
            strict,
            operation: operation.map(str::to_owned),
            at: at.to_owned(),
            files,
        })
    }

    #[test]
    fn exit_codes() {
        let clean = body(
            "ISteamUser.GetFriendList.v1.clean.json",
            r#"{"friendslist":{"friends":[{"steamid":"76561197960265731","relationship":"friend","friend_since":0}]}}"#,
        );
        let extra = body(
            "ISteamUser.GetFriendList.v1.extra.json",
            r#"{"friendslist":{"friends":[{"steamid":"76561197960265731","relationship":"friend","friend_since":0,"nickname":"x"}]}}"#,
        );
        let broken = body(
            "ISteamUser.GetFriendList.v1.broken.json",
            "{\n  \"a\": 1,\n}",
        );
        assert_eq!(run_on(true, None, "", vec![clean.clone()]), EXIT_OK);
        // An undescribed field is drift in strict mode only.
        assert_eq!(run_on(true, None, "", vec![extra.clone()]), EXIT_FOUND);
        assert_eq!(run_on(false, None, "", vec![extra.clone()]), EXIT_OK);
        // Not JSON, no operation in the name, an unknown operation, a bad --at: exit 2.
        assert_eq!(
            run_on(true, None, "", vec![clean.clone(), broken]),
            EXIT_ERROR
        );
        let nameless = body("friends.json", r#"{"friendslist":{"friends":[]}}"#);
        assert_eq!(run_on(true, None, "", vec![nameless.clone()]), EXIT_ERROR);
        let op = Some("ISteamUser/GetFriendList/v1");
        assert_eq!(run_on(true, op, "", vec![nameless]), EXIT_OK);
        assert_eq!(
            run_on(true, Some("ISteamUser/Nope/v1"), "", vec![clean.clone()]),
            EXIT_ERROR
        );
        assert_eq!(run_on(true, None, "a[", vec![clean.clone()]), EXIT_ERROR);
        assert_eq!(run_on(true, None, "response", vec![clean]), EXIT_ERROR);
        // A body saved without its envelope.
        let inner = body(
            "ISteamUser.GetFriendList.v1.inner.json",
            r#"{"friends":[]}"#,
        );
        assert_eq!(run_on(true, None, "", vec![inner.clone()]), EXIT_FOUND);
        assert_eq!(run_on(true, None, "friendslist", vec![inner]), EXIT_OK);
        let _ = std::fs::remove_dir_all(temp_dir());
    }
}
