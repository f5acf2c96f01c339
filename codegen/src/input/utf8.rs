//! Input from outside (spec files, configs, response bodies) must be UTF-8; when it is not, the
//! error points at the first invalid byte the way every other error here does: 1-based line
//! and column, the column counted in characters.

/// Where the first invalid byte of a non-UTF-8 input stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Utf8Place {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte offset from the start of the input.
    pub offset: usize,
}

/// `bytes` as text, or where its first invalid byte is.
pub fn text(bytes: &[u8]) -> Result<&str, Utf8Place> {
    std::str::from_utf8(bytes).map_err(|e| place(bytes, e.valid_up_to()))
}

/// `bytes` as a `String` (without copying), or where its first invalid byte is.
pub fn into_text(bytes: Vec<u8>) -> Result<String, Utf8Place> {
    String::from_utf8(bytes).map_err(|e| place(e.as_bytes(), e.utf8_error().valid_up_to()))
}

/// The place of `bytes[valid_up_to]`, the prefix before it being valid UTF-8.
fn place(bytes: &[u8], valid_up_to: usize) -> Utf8Place {
    let before = String::from_utf8_lossy(&bytes[..valid_up_to]);
    let (line, column) = line_col(&before);
    Utf8Place {
        line,
        column,
        offset: valid_up_to,
    }
}

/// 1-based line and column (in characters) of the place just after `before`.
pub fn line_col(before: &str) -> (usize, usize) {
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_invalid_byte_is_placed_in_characters() {
        assert_eq!(text(b"ok"), Ok("ok"));
        let place = Utf8Place {
            line: 2,
            column: 3,
            offset: 6,
        };
        // "é" is two bytes but one column.
        assert_eq!(text(b"ab\n\xc3\xa9x\xffz"), Err(place));
        assert_eq!(into_text(b"ab\n\xc3\xa9x\xffz".to_vec()), Err(place));
        assert_eq!(into_text(b"ok".to_vec()).as_deref(), Ok("ok"));
        let first = Utf8Place {
            line: 1,
            column: 1,
            offset: 0,
        };
        assert_eq!(text(b"\xff"), Err(first));
    }
}
