//! Doc text from the spec, made safe for rustdoc: the docs' words must not turn into broken
//! intra-doc links, HTML tags or bare-URL warnings.

/// Escapes `[`, `]`, `<`, `>` and wraps bare URLs in `<...>`.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while !rest.is_empty() {
        let url_at = ["https://", "http://", "steam://"]
            .iter()
            .filter_map(|p| rest.find(p))
            .min();
        match url_at {
            Some(0) => {
                let end = rest
                    .find(|c: char| c.is_whitespace() || matches!(c, ')' | '"' | '\'' | '<' | '>'))
                    .unwrap_or(rest.len());
                // A sentence's full stop is not part of the URL.
                let url = rest[..end].trim_end_matches(['.', ',', ';', ':']);
                out.push('<');
                out.push_str(url);
                out.push('>');
                rest = &rest[url.len()..];
            }
            Some(i) => {
                escape_into(&rest[..i], &mut out);
                rest = &rest[i..];
            }
            None => {
                escape_into(rest, &mut out);
                rest = "";
            }
        }
    }
    out
}

fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '[' | ']' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
}

/// Joins paragraphs into one doc text (blank line between).
pub fn paragraphs<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(sanitize)
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(sanitize("a [1] <b>"), "a \\[1\\] \\<b\\>");
        assert_eq!(
            sanitize("see https://x.io/a. Then"),
            "see <https://x.io/a>. Then"
        );
        assert_eq!(sanitize("array<T>"), "array\\<T\\>");
    }
}
