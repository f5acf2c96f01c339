use super::*;

fn text<'a>(v: &'a Value<'_>) -> &'a str {
    &v.as_text().expect("a text value").text
}

fn obj<'a, 'b>(v: &'a Value<'b>) -> &'a Object<'b> {
    v.as_object().expect("an object")
}

fn err(input: &str) -> String {
    parse(input).expect_err(input).to_string()
}

#[test]
fn reads_a_real_capture_with_positions() {
    // ValvePython's VCR capture of GetServerInfo, byte for byte: tabs, no
    // final newline.
    let body = "\"response\"\n{\n\t\"servertime\"\t\"1463143609\"\n\t\"servertimestring\"\t\"Fri May 13 05:46:49 2016\"\n}";
    let doc = parse(body).unwrap();
    assert_eq!(doc.pairs.len(), 1);
    let root = &doc.pairs[0];
    assert_eq!(
        (root.key.as_ref(), root.key_pos.to_string()),
        ("response", "1:1".into())
    );
    let response = obj(&root.value);
    assert_eq!(response.pos.to_string(), "2:1");
    let keys: Vec<_> = response
        .iter()
        .map(|p| (p.key.as_ref(), p.key_pos.to_string()))
        .collect();
    assert_eq!(
        keys,
        [
            ("servertime", "3:2".into()),
            ("servertimestring", "4:2".into())
        ]
    );
    let t = response.get("servertimestring").unwrap();
    assert_eq!(text(t), "Fri May 13 05:46:49 2016");
    assert_eq!(t.pos().to_string(), "4:21");
}

#[test]
fn keeps_order_and_duplicates() {
    let doc = parse(r#""a" { "z" "1" "b" "2" "z" "3" "10" "x" "9" "y" }"#).unwrap();
    let a = obj(doc.get("a").unwrap());
    let keys: Vec<_> = a.iter().map(|p| p.key.as_ref()).collect();
    assert_eq!(keys, ["z", "b", "z", "10", "9"]);
    let zs: Vec<_> = a.get_all("z").map(|p| text(&p.value)).collect();
    assert_eq!(zs, ["1", "3"]);
    assert_eq!(text(a.get("z").unwrap()), "1");
}

#[test]
fn quoted_unquoted_escapes_comments_and_conditions() {
    let input = "// header comment\nlang\n{\n  Language english // trailing\n  \"Tokens\"\n  {\n    \"T1\" \"say \\\"hi\\\"\\n\\tnow \\\\ C:\\Path\"\n    T2 \"x\" [$WIN32]\n    \"T3\" { } [!$X360]\n  }\n}";
    let doc = parse(input).unwrap();
    let lang = obj(doc.get("lang").unwrap());
    assert_eq!(text(lang.get("Language").unwrap()), "english");
    let tokens = obj(lang.get("Tokens").unwrap());
    assert_eq!(
        text(tokens.get("T1").unwrap()),
        "say \"hi\"\n\tnow \\ C:\\Path"
    );
    let t2 = &tokens.pairs[1];
    assert_eq!(t2.condition.as_deref(), Some("$WIN32"));
    assert_eq!(t2.key_pos.to_string(), "8:5");
    assert_eq!(tokens.pairs[2].condition.as_deref(), Some("!$X360"));
    assert!(obj(&tokens.pairs[2].value).pairs.is_empty());
}

#[test]
fn one_line_documents_and_columns_count_characters() {
    let doc = parse("\"lang\" { \"é\" \"ü\" \"k\" \"v\" }").unwrap();
    let lang = obj(doc.get("lang").unwrap());
    assert_eq!(lang.pairs[1].key_pos.to_string(), "1:18");
    assert_eq!(lang.pairs[1].value.pos().to_string(), "1:22");
}

#[test]
fn byte_order_mark_and_empty_input() {
    assert!(parse("").unwrap().pairs.is_empty());
    assert!(parse(" \n // only a comment").unwrap().pairs.is_empty());
    let doc = parse("\u{feff}\"a\" \"b\"").unwrap();
    assert_eq!(doc.pairs[0].key_pos.to_string(), "1:1");
}

#[test]
fn multiline_quoted_value_keeps_counting_lines() {
    let doc = parse("\"a\" \"one\ntwo\"\n\"b\" \"c\"").unwrap();
    assert_eq!(text(doc.get("a").unwrap()), "one\ntwo");
    assert_eq!(doc.pairs[1].key_pos.to_string(), "3:1");
}

#[test]
fn errors_say_where() {
    assert_eq!(
        err("\"a\" {\n  \"b\" \"c\"\n"),
        "1:5: the object of `a` is never closed"
    );
    assert_eq!(err("\"a\" \"b\"\n}"), "2:1: a `}` closes nothing");
    assert_eq!(err("{"), "1:1: expected a key, found `{`");
    assert_eq!(err("\"a\" {\n \"b\"\n}"), "2:2: the key `b` has no value");
    assert_eq!(err("\"a\""), "1:1: the key `a` has no value");
    assert_eq!(
        err("\"a\" \"b\n\nc"),
        "1:5: a quoted string is never closed"
    );
    assert_eq!(err("\"a\" \"b\\"), "1:5: a quoted string is never closed");
    assert_eq!(
        err("\"a\" \"b\" [$WIN32\n"),
        "1:9: a `[condition]` is never closed on its line"
    );
    // Keys in messages stay on one line and short.
    let long = format!("\"{}\nx\"", "k".repeat(50));
    assert_eq!(
        err(&long),
        format!("1:1: the key `{}...` has no value", "k".repeat(40))
    );
    assert_eq!(err("\"a\nb\""), "1:1: the key `a\\nb` has no value");
}

#[test]
fn invalid_utf8_is_an_error_with_position() {
    let e = parse_bytes(b"\"a\"\n  \"b\xff\"").unwrap_err();
    assert_eq!(e.to_string(), "2:5: the text is not valid UTF-8");
    assert!(parse_bytes(b"\"a\" \"b\"").is_ok());
}

#[test]
fn nesting_is_limited_not_a_stack_overflow() {
    let ok = "\"k\" {".repeat(MAX_DEPTH) + &"}".repeat(MAX_DEPTH);
    assert!(parse(&ok).is_ok());
    let deep = "\"k\" {".repeat(100_000) + &"}".repeat(100_000);
    let e = parse(&deep).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "1:{}: objects nest more than {MAX_DEPTH} deep",
            MAX_DEPTH * 5 + 5
        )
    );
    // Unclosed deep input too.
    assert!(parse(&"\"k\" {".repeat(100_000)).is_err());
}

#[test]
fn value_kinds_are_distinguished() {
    let doc = parse("a { } b c").unwrap();
    assert!(doc.get("a").unwrap().as_text().is_none());
    assert!(doc.get("b").unwrap().as_object().is_none());
    assert!(doc.get("missing").is_none());
}
