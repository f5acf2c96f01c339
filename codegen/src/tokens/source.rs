//! Where a character of a token's text stands in its file. The text is read
//! with its escapes resolved (`\"` is one character), so an offset into it is
//! mapped back by walking the quoted source from its opening quote.

use std::fmt;
use std::sync::Arc;

use crate::syntax::pos::Pos;

/// A file's text and where each of its lines starts.
pub struct Source {
    text: Arc<str>,
    line_starts: Vec<usize>,
}

impl fmt::Debug for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Source({} lines)", self.line_starts.len())
    }
}

impl Source {
    /// Indexes `text`'s lines.
    pub fn new(text: &str) -> Arc<Source> {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Arc::new(Source {
            text: Arc::from(text),
            line_starts,
        })
    }

    /// The quoted text that starts at `pos` (its opening quote), if it is quoted.
    pub fn quoted_at(self: &Arc<Self>, pos: &Pos) -> Option<QuotedText> {
        let line_start = *self.line_starts.get(pos.line.checked_sub(1)? as usize)?;
        let line = &self.text[line_start..];
        let (in_line, c) = line.char_indices().nth(pos.col.checked_sub(1)? as usize)?;
        (c == '"').then(|| QuotedText {
            source: Arc::clone(self),
            quote: line_start + in_line,
        })
    }
}

/// A quoted string in a [`Source`].
#[derive(Clone, Debug)]
pub struct QuotedText {
    source: Arc<Source>,
    /// Byte index of the opening quote.
    quote: usize,
}

impl QuotedText {
    /// The place of the character at `offset` (in characters, escapes
    /// resolved) of the string whose opening quote is at `start`.
    pub fn pos_at(&self, start: &Pos, offset: usize) -> Pos {
        let (mut line, mut col) = (start.line, start.col + 1);
        let mut raw = self.source.text[self.quote + 1..].chars().peekable();
        for _ in 0..offset {
            match raw.next() {
                Some('\\') if matches!(raw.peek(), Some('n' | 't' | '\\' | '"')) => {
                    raw.next();
                    col += 2;
                }
                Some('\n') => {
                    line += 1;
                    col = 1;
                }
                Some(_) => col += 1,
                None => break,
            }
        }
        Pos::new(&start.file, line, col)
    }
}
