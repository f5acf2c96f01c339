//! The last touches on prettyplease's text, so the generated code reads like careful
//! hand-written code: a blank line between items, and doc comments wrapped at 100 columns
//! (prettyplease keeps each doc line as long as the spec's paragraph).

/// Where doc comments are wrapped (as rustfmt's `comment_width` with `wrap_comments`).
pub const WIDTH: usize = 100;

/// `text` (prettyplease's output) with blank lines between items and doc comments wrapped.
pub fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut in_fence = false;
    for (i, line) in lines.iter().enumerate() {
        if i > 0 && starts_item(&lines, i) && ends_item(lines[i - 1], indent(line)) {
            out.push('\n');
        }
        match doc_prefix(line) {
            Some((prefix, content)) => {
                if content.trim_start().starts_with("```") {
                    in_fence = !in_fence;
                }
                if in_fence || line.chars().count() <= WIDTH || !wrappable(content) {
                    push_line(&mut out, line);
                } else {
                    wrap_doc(&mut out, prefix, content);
                }
            }
            None => push_line(&mut out, line),
        }
    }
    out
}

fn push_line(out: &mut String, line: &str) {
    out.push_str(line);
    out.push('\n');
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// The words that open an item (or its docs and attributes) in prettyplease's output.
const ITEM_STARTS: &[&str] = &[
    "///",
    "#[",
    "pub ",
    "pub(",
    "fn ",
    "impl",
    "struct ",
    "enum ",
    "mod ",
    "const ",
    "static ",
    "type ",
    "use ",
    "unsafe ",
    "trait ",
    "macro_rules!",
    "extern ",
];

/// Whether line `i` opens an item; a plain comment does when an item follows it.
fn starts_item(lines: &[&str], i: usize) -> bool {
    let t = lines[i].trim_start();
    if t.starts_with("//") && !t.starts_with("///") {
        return lines.get(i + 1).is_some_and(|_| starts_item(lines, i + 1));
    }
    ITEM_STARTS.iter().any(|s| t.starts_with(s))
}

/// Whether `prev` ends an item at indentation `indent_of_next` (a closing brace, or a `;` item
/// such as `use` or a unit struct).
fn ends_item(prev: &str, indent_of_next: usize) -> bool {
    let t = prev.trim();
    indent(prev) == indent_of_next && (t.ends_with('}') || t.ends_with(';')) && !t.starts_with("//")
}

/// `(indentation and "/// ", the text)` of a doc-comment line.
fn doc_prefix(line: &str) -> Option<(&str, &str)> {
    let t = line.trim_start();
    let marker = ["/// ", "//! "].into_iter().find(|m| t.starts_with(m))?;
    let at = line.len() - t.len() + marker.len();
    Some((&line[..at], &line[at..]))
}

/// Indented code and table rows keep their lines.
fn wrappable(content: &str) -> bool {
    !content.starts_with(' ') && !content.starts_with('|')
}

/// Whether a word at the start of a doc line would make it a Markdown list item, heading,
/// quote or rule.
fn opens_block(word: &str) -> bool {
    let digits = word.trim_start_matches(|c: char| c.is_ascii_digit());
    matches!(word, "-" | "+" | "*" | ">" | "=" | "---")
        || word.starts_with('#')
        || word.starts_with('>')
        || (digits.len() < word.len() && (digits == "." || digits == ")"))
}

/// Writes `content` as doc lines of at most [`WIDTH`] columns, breaking between words. A
/// word never starts a line where it would open a Markdown block, and a word longer than a
/// line (a URL) stands alone.
fn wrap_doc(out: &mut String, prefix: &str, content: &str) {
    let room = WIDTH.saturating_sub(prefix.chars().count()).max(20);
    let mut line: Vec<&str> = Vec::new();
    for word in content.split(' ') {
        if !line.is_empty() && width(&line) + 1 + word.chars().count() > room {
            // Carry the fewest words over so that the next line does not open a block; when
            // every choice would, the line runs long.
            let carry = (0..line.len()).find(|&k| {
                let first = if k == 0 { word } else { line[line.len() - k] };
                !opens_block(first)
            });
            if let Some(k) = carry {
                let next = line.split_off(line.len() - k);
                emit(out, prefix, &line);
                line = next;
            }
        }
        line.push(word);
    }
    emit(out, prefix, &line);
}

/// The length of `words` joined by single spaces, in characters.
fn width(words: &[&str]) -> usize {
    words.iter().map(|w| w.chars().count() + 1).sum::<usize>() - 1
}

fn emit(out: &mut String, prefix: &str, words: &[&str]) {
    out.push_str(prefix.trim_end());
    if !words.is_empty() {
        out.push(' ');
        out.push_str(&words.join(" "));
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_separated_by_a_blank_line() {
        let text = "use a::b;\n/// A.\npub struct A;\nimpl A {\n    fn a() {}\n    fn b() {\n        x();\n        y();\n    }\n}\n";
        assert_eq!(
            tidy(text),
            "use a::b;\n\n/// A.\npub struct A;\n\nimpl A {\n    fn a() {}\n\n    fn b() {\n        x();\n        y();\n    }\n}\n"
        );
    }

    #[test]
    fn a_comment_before_an_item_goes_with_it() {
        let text =
            "struct A;\n// Why.\nimpl B for A {}\nfn f() {\n    a();\n    // Then.\n    b();\n}\n";
        assert_eq!(
            tidy(text),
            "struct A;\n\n// Why.\nimpl B for A {}\n\nfn f() {\n    a();\n    // Then.\n    b();\n}\n"
        );
    }

    #[test]
    fn long_doc_lines_wrap_at_100_columns() {
        let long = "word ".repeat(30);
        let text = format!("    /// {}\npub struct A;\n", long.trim_end());
        let tidied = tidy(&text);
        for l in tidied.lines() {
            assert!(l.chars().count() <= WIDTH, "{l:?}");
        }
        let words: Vec<&str> = tidied
            .lines()
            .filter_map(|l| l.trim_start().strip_prefix("/// "))
            .flat_map(|l| l.split(' '))
            .collect();
        assert_eq!(words, vec!["word"; 30]);
        assert!(
            tidied
                .lines()
                .all(|l| l.starts_with("    /// ") || l == "pub struct A;")
        );
    }

    #[test]
    fn wrapping_never_starts_a_markdown_block_and_keeps_long_words() {
        let filler = "x".repeat(90);
        let text = format!("/// {filler} - 2. # >\n");
        let tidied = tidy(&text);
        for l in tidied.lines() {
            let first = l.trim_start_matches("/// ").split(' ').next().unwrap_or("");
            assert!(!opens_block(first), "{tidied}");
        }
        let url = format!("<https://example.com/{}>", "a".repeat(120));
        let text = format!("/// see {url} here\n");
        assert_eq!(tidy(&text), format!("/// see\n/// {url}\n/// here\n"));
    }

    #[test]
    fn fenced_code_and_short_lines_are_kept() {
        let long = "a ".repeat(60);
        let text = format!("/// ```\n/// {long}\n/// ```\n/// short\n");
        assert_eq!(tidy(&text), text);
    }
}
