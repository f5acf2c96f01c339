//! Where typed decoding of an XML or VDF tree is, and its error.

use std::fmt::{self, Write as _};

use crate::vdf::Pos;

/// The path to the value being decoded, kept on the stack as a chain of
/// borrows: nothing is allocated unless an error needs it written out.
#[derive(Clone, Copy)]
pub(crate) enum Path<'p> {
    /// The root key or element (the envelope).
    Root(&'p str),
    /// A member of an object.
    Key(&'p Path<'p>, &'p str),
    /// An array item.
    Index(&'p Path<'p>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root(name) => f.write_str(name),
            Path::Key(parent, key) => {
                write!(f, "{parent}")?;
                if !matches!(parent, Path::Root("")) {
                    f.write_char('.')?;
                }
                f.write_str(key)
            }
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

/// A decoding error; located (path and position) by the innermost node that
/// sees it, so an error raised by a visitor (a missing field, a bad number)
/// points at the value it is about.
#[derive(Debug)]
pub(crate) struct DeError {
    pub(crate) message: String,
    pub(crate) at: Option<(String, Pos)>,
}

impl DeError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        DeError {
            message: message.into(),
            at: None,
        }
    }

    /// Puts the error at `path`, `pos` unless a deeper node already did.
    pub(crate) fn locate(mut self, path: &Path<'_>, pos: Pos) -> Self {
        if self.at.is_none() {
            self.at = Some((path.to_string(), pos));
        }
        self
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.at {
            Some((_, pos)) => write!(
                f,
                "{} at line {} column {}",
                self.message, pos.line, pos.column
            ),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for DeError {}

impl serde::de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError::new(msg.to_string())
    }
}
