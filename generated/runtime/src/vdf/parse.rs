//! The tokenizer and the (iterative) parser behind [`parse`].

use std::borrow::Cow;

use super::{Object, Pair, ParseError, Pos, Text, Value};

/// How deep objects may nest. Deeper is an error, not a stack overflow: the
/// parser keeps its own stack, but everything that walks the tree (drop,
/// typed decoding) recurses once per level.
pub const MAX_DEPTH: usize = 128;

/// Parses a whole VDF text: a sequence of pairs (usually one, the root).
///
/// Accepts quoted and unquoted tokens, the escapes `\n \t \\ \"` in quoted
/// ones (any other backslash is kept as written, so Windows paths survive),
/// `//` comments, any whitespace between tokens, platform conditions after a
/// value (`[$WIN32]`), a leading byte-order mark, and no newline at the end.
pub fn parse(text: &str) -> Result<Object<'_>, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Parser::new(text).document()
}

/// [`parse`] on bytes: text that is not UTF-8 is an error at the first bad
/// byte's line and column.
pub fn parse_bytes(bytes: &[u8]) -> Result<Object<'_>, ParseError> {
    parse(utf8(bytes)?)
}

/// `bytes` as text, or an error at the first byte that is not UTF-8.
pub(crate) fn utf8(bytes: &[u8]) -> Result<&str, ParseError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = count_lines(&bytes[..e.valid_up_to()], 1, 1);
        ParseError {
            pos: Pos { line, column },
            message: "the text is not valid UTF-8".to_owned(),
        }
    })
}

/// A cursor over the text that knows its line and column.
struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    i: usize,
    line: u32,
    column: u32,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner {
            text,
            bytes: text.as_bytes(),
            i: 0,
            line: 1,
            column: 1,
        }
    }

    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            column: self.column,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.i).copied()
    }

    /// Moves to byte `end`, counting lines and characters on the way.
    fn advance_to(&mut self, end: usize) {
        let (line, column) = count_lines(&self.bytes[self.i..end], self.line, self.column);
        (self.line, self.column) = (line, column);
        self.i = end;
    }

    /// Skips whitespace and `//` comments.
    fn skip_blank(&mut self) {
        loop {
            let start = self.i;
            let rest = &self.bytes[start..];
            let blank = rest
                .iter()
                .position(|b| !b.is_ascii_whitespace())
                .unwrap_or(rest.len());
            let mut end = start + blank;
            if self.bytes[end..].starts_with(b"//") {
                let line = self.bytes[end..].iter().position(|&b| b == b'\n');
                end = line.map_or(self.bytes.len(), |n| end + n);
            }
            if end == start {
                return;
            }
            self.advance_to(end);
        }
    }

    /// A quoted string from its opening quote: the text with escapes
    /// resolved; borrowed when it has none.
    fn quoted(&mut self) -> Result<Cow<'a, str>, ParseError> {
        let open = self.pos();
        let start = self.i + 1;
        let mut end = start;
        let mut escaped = false;
        loop {
            match self.bytes.get(end) {
                None => {
                    return Err(ParseError {
                        pos: open,
                        message: "a quoted string is never closed".to_owned(),
                    });
                }
                Some(b'"') => break,
                Some(b'\\') => {
                    escaped = true;
                    end += 2;
                }
                Some(_) => end += 1,
            }
        }
        // `end` is at the closing quote (an escape never skips past it: the
        // loop only breaks on an unescaped quote, and `end` never passes the
        // text's length unless the string is unclosed).
        let raw = &self.text[start..end];
        self.advance_to(end + 1);
        Ok(if escaped {
            Cow::Owned(unescape(raw))
        } else {
            Cow::Borrowed(raw)
        })
    }

    /// An unquoted token: everything up to whitespace, a quote or a brace.
    fn unquoted(&mut self) -> &'a str {
        let start = self.i;
        let len = self.bytes[start..]
            .iter()
            .position(|&b| b.is_ascii_whitespace() || matches!(b, b'"' | b'{' | b'}'))
            .unwrap_or(self.bytes.len() - start);
        self.advance_to(start + len);
        &self.text[start..start + len]
    }

    /// A `[condition]` after a value, if there is one on the same line.
    fn condition(&mut self) -> Result<Option<Cow<'a, str>>, ParseError> {
        let save = (self.i, self.line, self.column);
        self.skip_blank();
        if self.peek() != Some(b'[') || self.line != save.1 {
            (self.i, self.line, self.column) = save;
            return Ok(None);
        }
        let open = self.pos();
        let start = self.i + 1;
        let Some(len) = self.bytes[start..]
            .iter()
            .position(|&b| b == b']' || b == b'\n')
            .filter(|&n| self.bytes[start + n] == b']')
        else {
            return Err(ParseError {
                pos: open,
                message: "a `[condition]` is never closed on its line".to_owned(),
            });
        };
        self.advance_to(start + len + 1);
        Ok(Some(Cow::Borrowed(&self.text[start..start + len])))
    }
}

/// The line and column after `bytes`, starting from `line`:`column`.
pub(crate) fn count_lines(bytes: &[u8], mut line: u32, mut column: u32) -> (u32, u32) {
    for &b in bytes {
        if b == b'\n' {
            line += 1;
            column = 1;
        } else if b & 0xC0 != 0x80 {
            // Not a UTF-8 continuation byte: a new character.
            column += 1;
        }
    }
    (line, column)
}

/// `\n \t \\ \"` resolved; any other backslash kept with what follows.
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some('"') => out.push('"'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// One token.
enum Token<'a> {
    End,
    Open,
    Close,
    Str(Cow<'a, str>),
}

/// An object being read: its pairs so far, and the key it is the value of.
struct Frame<'a> {
    pairs: Vec<Pair<'a>>,
    key: Cow<'a, str>,
    key_pos: Pos,
    open: Pos,
}

struct Parser<'a> {
    scan: Scanner<'a>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser {
            scan: Scanner::new(text),
        }
    }

    /// The next token and where it starts.
    fn token(&mut self) -> Result<(Token<'a>, Pos), ParseError> {
        self.scan.skip_blank();
        let pos = self.scan.pos();
        let token = match self.scan.peek() {
            None => Token::End,
            Some(b'{') => {
                self.scan.advance_to(self.scan.i + 1);
                Token::Open
            }
            Some(b'}') => {
                self.scan.advance_to(self.scan.i + 1);
                Token::Close
            }
            Some(b'"') => Token::Str(self.scan.quoted()?),
            Some(_) => Token::Str(Cow::Borrowed(self.scan.unquoted())),
        };
        Ok((token, pos))
    }

    /// The whole text, with an explicit stack of open objects.
    fn document(mut self) -> Result<Object<'a>, ParseError> {
        let mut stack: Vec<Frame<'a>> = Vec::new();
        let mut pairs: Vec<Pair<'a>> = Vec::new();
        loop {
            let (token, pos) = self.token()?;
            match token {
                Token::End => {
                    return match stack.last() {
                        None => Ok(Object {
                            pairs,
                            pos: Pos { line: 1, column: 1 },
                        }),
                        Some(frame) => Err(error(
                            frame.open,
                            format!("the object of `{}` is never closed", shown(&frame.key)),
                        )),
                    };
                }
                Token::Close => {
                    let Some(frame) = stack.pop() else {
                        return Err(error(pos, "a `}` closes nothing".to_owned()));
                    };
                    let object = Object {
                        pairs: std::mem::replace(&mut pairs, frame.pairs),
                        pos: frame.open,
                    };
                    let condition = self.scan.condition()?;
                    pairs.push(Pair {
                        key: frame.key,
                        key_pos: frame.key_pos,
                        value: Value::Object(object),
                        condition,
                    });
                }
                Token::Open => {
                    return Err(error(pos, "expected a key, found `{`".to_owned()));
                }
                Token::Str(key) => {
                    if let Some(frame) = self.value(key, pos, &mut pairs, stack.len())? {
                        stack.push(frame);
                    }
                }
            }
        }
    }

    /// The value after `key`: a string (pushed onto `pairs`), or the start of
    /// an object (returned as a frame that takes over `pairs`).
    fn value(
        &mut self,
        key: Cow<'a, str>,
        key_pos: Pos,
        pairs: &mut Vec<Pair<'a>>,
        depth: usize,
    ) -> Result<Option<Frame<'a>>, ParseError> {
        let (token, pos) = self.token()?;
        match token {
            Token::Str(text) => {
                let condition = self.scan.condition()?;
                pairs.push(Pair {
                    key,
                    key_pos,
                    value: Value::Text(Text { text, pos }),
                    condition,
                });
                Ok(None)
            }
            Token::Open if depth >= MAX_DEPTH => Err(error(
                pos,
                format!("objects nest more than {MAX_DEPTH} deep"),
            )),
            Token::Open => Ok(Some(Frame {
                pairs: std::mem::take(pairs),
                key,
                key_pos,
                open: pos,
            })),
            Token::End | Token::Close => Err(error(
                key_pos,
                format!("the key `{}` has no value", shown(&key)),
            )),
        }
    }
}

fn error(pos: Pos, message: String) -> ParseError {
    ParseError { pos, message }
}

/// A key as an error message shows it: on one line, at most 40 characters.
fn shown(key: &str) -> String {
    let mut out: String = key
        .chars()
        .take(40)
        .collect::<String>()
        .escape_debug()
        .collect();
    if key.chars().nth(40).is_some() {
        out.push_str("...");
    }
    out
}
