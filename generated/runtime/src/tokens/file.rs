//! The two layouts of a token file, read from the VDF tree.
//!
//! One language per file:
//! `"lang" { "Language" "english" "Tokens" { "Name" "Text" ... } }`; or all
//! languages in one: `"lang" { "english" { "Tokens" { ... } } "spanish" { ... } }`.
//! Keys are matched without regard to case, as Steam's KeyValues does. Every
//! problem is collected with its place; what can be read is kept.

use std::borrow::Cow;

use crate::vdf::{self, Object, Pair, ParseError, Pos, Value};

/// What a token file holds: its language blocks in the file's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TokenFile<'a> {
    /// Every language block, duplicates kept.
    pub languages: Vec<LanguageBlock<'a>>,
}

/// One language's tokens in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageBlock<'a> {
    /// The language's name as written (`english`).
    pub language: Cow<'a, str>,
    /// Where the name is written.
    pub pos: Pos,
    /// The tokens, in order, duplicates kept.
    pub tokens: Vec<TokenEntry<'a>>,
}

/// One `"Name" "Text"` pair of a `Tokens` block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenEntry<'a> {
    /// The name as written (with or without `#`).
    pub name: Cow<'a, str>,
    /// Where the name is.
    pub name_pos: Pos,
    /// The localized text, escapes resolved.
    pub text: Cow<'a, str>,
    /// Where the text is.
    pub text_pos: Pos,
}

/// A place where the file is not one of the two layouts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayoutProblem {
    /// Where.
    pub pos: Pos,
    /// What is wrong.
    pub message: String,
}

/// Reads a token file: the VDF must be well-formed (else the parse error);
/// layout problems are returned beside whatever could be read.
pub fn read(text: &str) -> Result<(TokenFile<'_>, Vec<LayoutProblem>), ParseError> {
    let doc = vdf::parse(text)?;
    let mut reader = Reader::default();
    reader.document(doc);
    Ok((reader.file, reader.problems))
}

#[derive(Default)]
struct Reader<'a> {
    file: TokenFile<'a>,
    problems: Vec<LayoutProblem>,
}

fn is(key: &str, expected: &str) -> bool {
    key.eq_ignore_ascii_case(expected)
}

impl<'a> Reader<'a> {
    fn problem(&mut self, pos: Pos, message: impl Into<String>) {
        self.problems.push(LayoutProblem {
            pos,
            message: message.into(),
        });
    }

    fn document(&mut self, doc: Object<'a>) {
        if doc.pairs.is_empty() {
            let message = "the file holds no \"lang\" block: a token file is \"lang\" { ... }";
            self.problem(doc.pos, message);
        }
        for pair in doc.pairs {
            match pair.value {
                Value::Object(lang) if is(&pair.key, "lang") => self.lang(lang),
                _ if is(&pair.key, "lang") => self.problem(
                    pair.value.pos(),
                    "\"lang\" must be a block { ... }, not a text",
                ),
                _ => self.problem(
                    pair.key_pos,
                    format!(
                        "the file's root is {:?}: a token file is \"lang\" {{ ... }}",
                        pair.key
                    ),
                ),
            }
        }
    }

    /// `"lang" { ... }`: decides the layout from its keys.
    fn lang(&mut self, lang: Object<'a>) {
        if lang.pairs.is_empty() {
            self.problem(lang.pos, "\"lang\" holds no language");
            return;
        }
        let one_language = lang
            .pairs
            .iter()
            .any(|p| is(&p.key, "Language") || is(&p.key, "Tokens"));
        if one_language {
            self.one_language(lang);
        } else {
            for pair in lang.pairs {
                self.language_block(pair);
            }
        }
    }

    /// `"Language" "english" "Tokens" { ... }`.
    fn one_language(&mut self, lang: Object<'a>) {
        let mut language: Option<(Cow<'a, str>, Pos)> = None;
        let mut tokens: Vec<Object<'a>> = Vec::new();
        for pair in lang.pairs {
            match (pair.value, &pair.key) {
                (Value::Text(t), k) if is(k, "Language") => {
                    if let Some((first, at)) = &language {
                        let message = format!(
                            "\"Language\" is given twice (first {first:?} at line {}); \
                             a one-language file names one language",
                            at.line
                        );
                        self.problem(pair.key_pos, message);
                    } else {
                        language = Some((t.text, t.pos));
                    }
                }
                (Value::Object(o), k) if is(k, "Tokens") => tokens.push(o),
                (value, k) if is(k, "Language") || is(k, "Tokens") => {
                    let want = if is(k, "Language") {
                        "a text"
                    } else {
                        "a block { ... }"
                    };
                    self.problem(value.pos(), format!("{k:?} must be {want}"));
                }
                (_, k) => {
                    let message = format!(
                        "unexpected key {k:?} beside \"Language\" and \"Tokens\" \
                         (a file is either one language or one block per language)"
                    );
                    self.problem(pair.key_pos, message);
                }
            }
        }
        let Some((language, pos)) = language else {
            let message = "\"lang\" has \"Tokens\" but no \"Language\" \"<name>\"";
            self.problem(lang.pos, message);
            return;
        };
        if tokens.is_empty() {
            let message = format!("the language block {language:?} has no \"Tokens\" block");
            self.problem(pos, message);
        }
        let entries = tokens.into_iter().flat_map(|t| self.tokens(t)).collect();
        self.push(language, pos, entries);
    }

    /// `"english" { "Tokens" { ... } }` in a file of all languages.
    fn language_block(&mut self, pair: Pair<'a>) {
        let Value::Object(block) = pair.value else {
            let message = format!(
                "{:?} is a text; in a file of all languages each language is a block \
                 {{ \"Tokens\" {{ ... }} }}",
                pair.key
            );
            self.problem(pair.key_pos, message);
            return;
        };
        let mut entries = Vec::new();
        let mut found = false;
        for inner in block.pairs {
            match inner.value {
                Value::Object(tokens) if is(&inner.key, "Tokens") => {
                    found = true;
                    entries.extend(self.tokens(tokens));
                }
                _ => {
                    let message = format!(
                        "unexpected key {:?} in the language block {:?} (expected \"Tokens\" {{ ... }})",
                        inner.key, pair.key
                    );
                    self.problem(inner.key_pos, message);
                }
            }
        }
        if !found {
            let message = format!("the language block {:?} has no \"Tokens\" block", pair.key);
            self.problem(pair.key_pos, message);
        }
        self.push(pair.key, pair.key_pos, entries);
    }

    fn push(&mut self, language: Cow<'a, str>, pos: Pos, tokens: Vec<TokenEntry<'a>>) {
        self.file.languages.push(LanguageBlock {
            language,
            pos,
            tokens,
        });
    }

    /// `"Tokens" { "Name" "Text" ... }`.
    fn tokens(&mut self, tokens: Object<'a>) -> Vec<TokenEntry<'a>> {
        let mut out = Vec::with_capacity(tokens.pairs.len());
        for pair in tokens.pairs {
            if let Some(condition) = &pair.condition {
                let message = format!(
                    "token {:?} has a platform condition [{condition}]: token files have none",
                    pair.key
                );
                self.problem(pair.key_pos, message);
            }
            match pair.value {
                Value::Text(t) => out.push(TokenEntry {
                    name: pair.key,
                    name_pos: pair.key_pos,
                    text: t.text,
                    text_pos: t.pos,
                }),
                Value::Object(o) => {
                    let message = format!(
                        "token {:?} is a block; a token's value is its text",
                        pair.key
                    );
                    self.problem(o.pos, message);
                }
            }
        }
        out
    }
}
