//! `steamspec responses` on XML and VDF bodies: the format from the extension or `--format`,
//! `--strict` as for JSON, and a body that is not well-formed is exit 2 at `file:line:col`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_steamspec"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn recorded(name: &str) -> String {
    root()
        .join("../shared/fixtures/formats")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn tmp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("steamspec-formats-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

const FRIENDS: &str = "<?xml version=\"1.0\"?>\n<friendslist>\n<friends>\n<friend>\n<steamid>76561197960265731</steamid>\n<relationship>friend</relationship>\n<friend_since>0</friend_since>\nEXTRA</friend>\n</friends>\n</friendslist>";

#[test]
fn recorded_xml_and_vdf_bodies_are_strict_clean() {
    for name in [
        "ISteamWebAPIUtil.GetServerInfo.v1.valvepython-steam-2016.vdf",
        "ISteamUser.GetFriendList.v1.xemkayx-steam-api.xml",
        "ISteamUser.GetFriendList.v1.samsmithnz-comment.xml",
    ] {
        let (code, out, err) = run(&["responses", "--strict", &recorded(name)]);
        assert_eq!(code, 0, "{name}: {out}{err}");
        assert!(out.contains("1 clean"), "{out}");
    }
}

#[test]
fn strict_reports_undescribed_fields_and_wrong_types() {
    let body = FRIENDS.replace("EXTRA", "<nickname>Bob</nickname>\n");
    let file = tmp("ISteamUser.GetFriendList.v1.extra.xml", &body);
    let (code, out, _) = run(&["responses", &file]);
    assert_eq!(code, 0, "without --strict an extra field is fine: {out}");
    let (code, out, _) = run(&["responses", "--strict", &file]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("friendslist.friends[0].nickname"), "{out}");

    let body = FRIENDS
        .replace("EXTRA", "")
        .replace("<friend_since>0<", "<friend_since>soon<");
    let file = tmp("ISteamUser.GetFriendList.v1.bad.xml", &body);
    let (code, out, _) = run(&["responses", &file]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("friendslist.friends[0].friend_since"), "{out}");
}

#[test]
fn format_flag_and_malformed_bodies() {
    let vdf = "\"response\"\n{\n\t\"servertime\"\t\"1463143609\"\n\t\"servertimestring\"\t\"x\"\n}";
    let file = tmp("server-info.txt", vdf);
    let args = [
        "responses",
        "--operation",
        "ISteamWebAPIUtil/GetServerInfo/v1",
    ];
    let (code, out, err) = run(&[&args[..], &["--format", "vdf", &file]].concat());
    assert_eq!(code, 0, "{out}{err}");

    let broken = tmp(
        "ISteamWebAPIUtil.GetServerInfo.v1.broken.vdf",
        "\"response\"\n{\n\t\"servertime\"\t\"1\n",
    );
    let (code, _, err) = run(&["responses", &broken]);
    assert_eq!(code, 2);
    assert!(
        err.contains(&format!(
            "{broken}:3:15: not well-formed VDF: a quoted string is never closed"
        )),
        "{err}"
    );

    let broken = tmp(
        "ISteamUser.GetFriendList.v1.broken.xml",
        "<friendslist>\n  <friends>\n</friendslist>",
    );
    let (code, _, err) = run(&["responses", &broken]);
    assert_eq!(code, 2);
    assert!(
        err.contains(&format!("{broken}:3:")) && err.contains("not well-formed XML"),
        "{err}"
    );

    let (code, _, err) = run(&["responses", "--format", "yaml", &broken]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("'yaml' is not a format"), "{err}");
}
