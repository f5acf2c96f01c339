//! Short readable excerpts of response bodies for error messages.
//!
//! Steam's errors are whole HTML pages; an error message wants the sentence
//! inside, on one line, not the markup.

/// The longest excerpt, in characters (an ellipsis is added past it).
pub(crate) const MAX_EXCERPT: usize = 200;

/// One line of at most [`MAX_EXCERPT`] characters describing `body`.
pub(crate) fn excerpt(body: &[u8], content_type: Option<&str>) -> String {
    let text = String::from_utf8_lossy(body);
    let trimmed = text.trim_start();
    let is_html = content_type.is_some_and(|ct| ct.contains("html")) || trimmed.starts_with('<');
    let is_json = content_type.is_some_and(|ct| ct.contains("json"))
        || trimmed.starts_with('{')
        || trimmed.starts_with('[');
    let one_line = if is_html {
        html_text(trimmed)
    } else if is_json {
        match serde_json::from_str::<serde_json::Value>(trimmed) {
            Ok(value) => value.to_string(),
            // Truncated or broken JSON: the raw text on one line.
            Err(_) => collapse_whitespace(trimmed),
        }
    } else {
        collapse_whitespace(trimmed)
    };
    truncate(one_line)
}

/// Marks where an excerpt was cut.
pub(crate) const ELLIPSIS: char = '…';

/// Cuts at a char boundary, marking the cut with `…`.
pub(crate) fn truncate(mut text: String) -> String {
    if let Some((cut, _)) = text.char_indices().nth(MAX_EXCERPT) {
        text.truncate(cut);
        text.push(ELLIPSIS);
    }
    text
}

/// The longest message or JSON path an error keeps, in characters.
pub(crate) const MAX_MESSAGE: usize = 300;

/// Cuts the middle out of a text longer than [`MAX_MESSAGE`], marking the cut with `…`: a
/// decode message ends with what was expected and a path with the key that failed, while the
/// middle is where a hostile body's megabyte string sits.
pub(crate) fn elide_middle(text: &mut String) {
    let Some((head_end, _)) = text.char_indices().nth(MAX_MESSAGE) else {
        return;
    };
    let head = MAX_MESSAGE * 2 / 3;
    let tail = MAX_MESSAGE - head - 1;
    let head_end = text.char_indices().nth(head).map_or(head_end, |(i, _)| i);
    let tail_start = text
        .char_indices()
        .rev()
        .nth(tail - 1)
        .map_or(text.len(), |(i, _)| i);
    *text = format!("{}{ELLIPSIS}{}", &text[..head_end], &text[tail_start..]);
}

fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(4 * MAX_EXCERPT));
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
        // Past the limit the rest is never shown.
        if out.len() > 4 * MAX_EXCERPT {
            break;
        }
    }
    out
}

/// The text of an HTML page: the `<body>` when there is one, tags removed,
/// `<script>`/`<style>` dropped, entities decoded, whitespace collapsed.
fn html_text(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let start = lower
        .find("<body")
        .map(|i| lower[i..].find('>').map_or(html.len(), |j| i + j + 1))
        .unwrap_or(0);
    let end = lower
        .rfind("</body")
        .filter(|&e| e >= start)
        .unwrap_or(html.len());
    let (html, lower) = (&html[start..end], &lower[start..end]);

    let mut text = String::with_capacity(html.len().min(4096));
    let mut i = 0;
    while i < html.len() {
        let rest = &html[i..];
        if rest.starts_with('<') {
            let skip_to = ["script", "style", "title"].iter().find_map(|tag| {
                lower[i + 1..]
                    .starts_with(tag)
                    .then(|| lower[i..].find(&format!("</{tag}")))
                    .flatten()
            });
            let from = skip_to.map_or(i, |j| i + j);
            // A tag is a word break: `</h1>Access` must not become `ForbiddenAccess`.
            match html[from..].find('>') {
                Some(j) => i = from + j + 1,
                None => break,
            }
            text.push(' ');
        } else {
            let next = rest.find('<').unwrap_or(rest.len());
            decode_entities(&rest[..next], &mut text);
            i += next;
        }
        if text.len() > 8 * MAX_EXCERPT {
            break;
        }
    }
    collapse_whitespace(&text)
}

/// Decodes the common named entities and numeric ones; others stay as written.
fn decode_entities(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&semi| semi <= 10).and_then(|semi| {
            let name = &rest[1..semi];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => name.strip_prefix('#').and_then(|num| {
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => num.parse().ok(),
                    };
                    code.and_then(char::from_u32)
                }),
            };
            c.map(|c| (c, semi))
        });
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steam_forbidden_page() {
        let body = "<html><head><title>Forbidden</title></head><body><h1>Forbidden</h1>Access is denied. \
                    Retrying will not help. Please verify your <pre>key=</pre> parameter.</body></html>";
        assert_eq!(
            excerpt(body.as_bytes(), Some("text/html")),
            "Forbidden Access is denied. Retrying will not help. Please verify your key= parameter."
        );
    }

    #[test]
    fn no_body_tag_and_entities() {
        let body = "<title>x</title><p>a &amp; b &lt;c&gt; &#65;&#x42; &bogus; &</p><script>var k=1;</script>";
        assert_eq!(excerpt(body.as_bytes(), None), "a & b <c> AB &bogus; &");
    }

    #[test]
    fn json_is_compacted_and_long_text_cut() {
        assert_eq!(excerpt(b"{ \"a\" :\n 1 }", None), r#"{"a":1}"#);
        let long = "word ".repeat(100);
        let cut = excerpt(long.as_bytes(), Some("text/plain"));
        assert_eq!(cut.chars().count(), MAX_EXCERPT + 1);
        assert!(cut.ends_with('…'));
    }
}
