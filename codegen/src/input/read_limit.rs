//! Reading input from outside (spec files, listings, configs, response bodies) with a size
//! limit: whatever the file is (huge, or `/dev/zero`), at most `limit + 1` bytes are held.

use std::io::Read;
use std::path::Path;

/// Why a limited read failed.
#[derive(Debug)]
pub enum ReadError {
    /// The reader failed.
    Io(std::io::Error),
    /// More than `limit` bytes.
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "cannot read: {e}"),
            ReadError::TooLarge { limit } => {
                write!(f, "file is larger than the limit of {limit} bytes")
            }
        }
    }
}

impl std::error::Error for ReadError {}

/// Reads all of `r`, refusing more than `limit` bytes; reading stops one byte past it.
pub fn read_to_limit(r: impl Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_with_capacity(r, limit, 0)
}

/// `read_to_limit` into a buffer made for `expected` bytes (capped at the limit): a file read
/// whole in one call instead of a probe and a growing buffer (a syscall per doubling).
fn read_with_capacity(r: impl Read, limit: u64, expected: u64) -> Result<Vec<u8>, ReadError> {
    // One byte more than expected, so that the read reaching the end needs no reallocation.
    let capacity = expected.min(limit).saturating_add(1);
    let mut buf = Vec::new();
    // A buffer that cannot be had up front is grown while reading, as without a hint.
    let _ = buf.try_reserve_exact(usize::try_from(capacity).unwrap_or(0));
    r.take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(ReadError::Io)?;
    if buf.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(buf)
}

/// Reads the file at `path` (symlinks followed), refusing more than `limit` bytes.
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let f = std::fs::File::open(path).map_err(ReadError::Io)?;
    // The size is only a hint (the file may change, or be `/dev/zero`); the limit still holds.
    let expected = f.metadata().map_or(0, |m| m.len());
    read_with_capacity(f, limit, expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_one_byte_past_the_limit() {
        assert_eq!(read_to_limit(&b"abcd"[..], 4).unwrap(), b"abcd");
        let e = read_to_limit(std::io::repeat(0), 4).unwrap_err();
        assert!(matches!(e, ReadError::TooLarge { limit: 4 }), "{e}");
        assert_eq!(e.to_string(), "file is larger than the limit of 4 bytes");
    }

    /// A size hint larger or smaller than the input changes nothing but the buffer's capacity.
    #[test]
    fn the_size_hint_is_only_a_hint() {
        for hint in [0, 2, 4, 5, 1 << 40] {
            assert_eq!(read_with_capacity(&b"abcd"[..], 4, hint).unwrap(), b"abcd");
            let e = read_with_capacity(std::io::repeat(0), 4, hint).unwrap_err();
            assert!(matches!(e, ReadError::TooLarge { limit: 4 }), "{hint}: {e}");
        }
        // A huge hint allocates no more than the limit allows, and an impossible one nothing.
        let buf = read_with_capacity(&b"ab"[..], 16, u64::MAX).unwrap();
        assert!(buf.capacity() <= 17, "{}", buf.capacity());
        let buf = read_with_capacity(&b"ab"[..], u64::MAX, u64::MAX).unwrap();
        assert_eq!(buf, b"ab");
    }
}
