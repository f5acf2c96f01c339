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
    let mut buf = Vec::new();
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
    read_to_limit(f, limit)
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
}
