//! Every word the derives read in an attribute, named once (as serde_derive's
//! `symbol.rs` does), so a keyword is spelled in one place and compared as a
//! [`Symbol`], never as a string literal at the place it is read.

use std::fmt::{self, Display};

use syn::{Ident, Path};

/// An attribute keyword.
#[derive(Copy, Clone, PartialEq, Eq)]
pub struct Symbol(&'static str);

// The attributes.
pub const SCHEMARS: Symbol = Symbol("schemars");
pub const SERDE: Symbol = Symbol("serde");
pub const VALIDATE: Symbol = Symbol("validate");

// Rules on a field (or, inside `inner(...)`, on its items).
pub const CUSTOM: Symbol = Symbol("custom");
pub const INNER: Symbol = Symbol("inner");
pub const LENGTH: Symbol = Symbol("length");
pub const ONE_OF: Symbol = Symbol("one_of");
pub const PATTERN: Symbol = Symbol("pattern");
pub const RANGE: Symbol = Symbol("range");
pub const REGEX: Symbol = Symbol("regex");
pub const SKIP: Symbol = Symbol("skip");

// Rules on a struct.
pub const AT_LEAST_ONE_OF: Symbol = Symbol("at_least_one_of");
pub const REQUIRED_IF: Symbol = Symbol("required_if");

// Arguments of the rules.
pub const EQUAL: Symbol = Symbol("equal");
pub const EQUALS: Symbol = Symbol("equals");
pub const FIELD: Symbol = Symbol("field");
pub const FUNCTION: Symbol = Symbol("function");
pub const MAX: Symbol = Symbol("max");
pub const MIN: Symbol = Symbol("min");
pub const WHEN: Symbol = Symbol("when");

// serde's items that decide a wire name, a shape or a field's encoding.
pub const CONTENT: Symbol = Symbol("content");
pub const DEFAULT: Symbol = Symbol("default");
pub const FLATTEN: Symbol = Symbol("flatten");
pub const RENAME: Symbol = Symbol("rename");
pub const RENAME_ALL: Symbol = Symbol("rename_all");
pub const RENAME_ALL_FIELDS: Symbol = Symbol("rename_all_fields");
pub const SERIALIZE: Symbol = Symbol("serialize");
pub const SKIP_SERIALIZING_IF: Symbol = Symbol("skip_serializing_if");
pub const TAG: Symbol = Symbol("tag");
pub const TRANSPARENT: Symbol = Symbol("transparent");
pub const UNTAGGED: Symbol = Symbol("untagged");
pub const WITH: Symbol = Symbol("with");

impl PartialEq<Symbol> for Ident {
    fn eq(&self, word: &Symbol) -> bool {
        self == word.0
    }
}

impl PartialEq<Symbol> for &Ident {
    fn eq(&self, word: &Symbol) -> bool {
        *self == word.0
    }
}

impl PartialEq<Symbol> for Path {
    fn eq(&self, word: &Symbol) -> bool {
        self.is_ident(word.0)
    }
}

impl PartialEq<Symbol> for &Path {
    fn eq(&self, word: &Symbol) -> bool {
        self.is_ident(word.0)
    }
}

impl PartialEq<Symbol> for String {
    fn eq(&self, word: &Symbol) -> bool {
        self == word.0
    }
}

impl PartialEq<Symbol> for str {
    fn eq(&self, word: &Symbol) -> bool {
        self == word.0
    }
}

impl PartialEq<Symbol> for &str {
    fn eq(&self, word: &Symbol) -> bool {
        *self == word.0
    }
}

impl Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}
