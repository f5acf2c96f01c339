//! A game's token files read into one [`Catalog`]: every language block of
//! every file, with the places of its names and texts.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use steam_webapi_runtime::tokens::{file, reference_name};
use steam_webapi_runtime::vdf;

use super::source::{QuotedText, Source};
use crate::diag::Diagnostics;
use crate::input::read_limit;
use crate::syntax::pos::Pos;

/// Every language block of the files read, in the order read.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    /// The blocks; a language may have several (several files).
    pub blocks: Vec<Block>,
}

/// One language's tokens in one file.
#[derive(Clone, Debug)]
pub struct Block {
    /// The language's name as written.
    pub language: String,
    /// Where the name is written.
    pub pos: Pos,
    /// The tokens in the file's order, duplicates kept.
    pub tokens: Vec<Def>,
}

/// One token definition.
#[derive(Clone, Debug)]
pub struct Def {
    /// The name as written (`InvitationText` or `#InvitationText`).
    pub name: String,
    /// Where the name is.
    pub name_pos: Pos,
    /// The localized text.
    pub text: String,
    /// Where the text is.
    pub text_pos: Pos,
    /// The quoted text in its file, to place a character of it exactly.
    pub quoted: Option<QuotedText>,
}

impl Def {
    /// The name without its `#`, when it is a valid reference.
    pub fn bare(&self) -> Option<&str> {
        reference_name(&self.name)
    }

    /// Where the character at `offset` of the text is (the text's own place
    /// when it is not quoted).
    pub fn pos_at(&self, offset: usize) -> Pos {
        match &self.quoted {
            Some(q) => q.pos_at(&self.text_pos, offset),
            None => self.text_pos.clone(),
        }
    }
}

/// A file that could not be read at all (exit 2), as opposed to one that was
/// read and is wrong.
#[derive(Debug)]
pub struct Unreadable(pub String);

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The largest token file read (a real one is a few hundred KiB).
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

impl Catalog {
    /// Reads every file; the problems of their VDF and layout go to the
    /// diagnostics, a file that cannot be read is an error.
    pub fn read_files(paths: &[impl AsRef<Path>]) -> Result<(Catalog, Diagnostics), Unreadable> {
        let mut catalog = Catalog::default();
        let mut diags = Diagnostics::default();
        for path in paths {
            let path = path.as_ref();
            let bytes = read_limit::read_file(path, MAX_FILE_BYTES)
                .map_err(|e| Unreadable(format!("{}: {e}", path.display())))?;
            let name: Arc<str> = path.to_string_lossy().replace('\\', "/").into();
            catalog.add_bytes(&name, &bytes, &mut diags);
        }
        Ok((catalog, diags))
    }

    /// Adds one file's blocks; `file` is the name diagnostics show.
    pub fn add_bytes(&mut self, file: &Arc<str>, bytes: &[u8], diags: &mut Diagnostics) {
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => match vdf::parse_bytes(bytes) {
                // Not UTF-8: the reader says where.
                Err(e) => return diags.error(at(file, e.pos), e.message),
                Ok(_) => return diags.error(Pos::file(file), "the file is not UTF-8"),
            },
        };
        self.add_text(file, text, diags);
    }

    /// Adds one file's blocks from its text.
    pub fn add_text(&mut self, file: &Arc<str>, text: &str, diags: &mut Diagnostics) {
        let (read, problems) = match file::read(text) {
            Ok(read) => read,
            Err(e) => {
                let message = format!("not well-formed VDF: {}", e.message);
                return diags.error(at(file, e.pos), message);
            }
        };
        for p in problems {
            diags.error(at(file, p.pos), p.message);
        }
        let source = Source::new(text);
        for block in read.languages {
            let tokens = block
                .tokens
                .into_iter()
                .map(|t| {
                    let text_pos = at(file, t.text_pos);
                    Def {
                        name: t.name.into_owned(),
                        name_pos: at(file, t.name_pos),
                        text: t.text.into_owned(),
                        quoted: source.quoted_at(&text_pos),
                        text_pos,
                    }
                })
                .collect();
            self.blocks.push(Block {
                language: block.language.into_owned(),
                pos: at(file, block.pos),
                tokens,
            });
        }
    }

    /// Each language's definitions, in the order read, duplicates kept.
    pub fn by_language(&self) -> BTreeMap<&str, Vec<&Def>> {
        let mut out: BTreeMap<&str, Vec<&Def>> = BTreeMap::new();
        for block in &self.blocks {
            out.entry(&block.language)
                .or_default()
                .extend(&block.tokens);
        }
        out
    }

    /// Each language's tokens by bare name: the first definition of each.
    pub fn tokens_of(&self, language: &str) -> BTreeMap<&str, &Def> {
        let mut out = BTreeMap::new();
        let defs = self
            .blocks
            .iter()
            .filter(|b| b.language == language)
            .flat_map(|b| &b.tokens);
        for def in defs {
            if let Some(bare) = def.bare() {
                out.entry(bare).or_insert(def);
            }
        }
        out
    }

    /// Where a language's first block is.
    pub fn language_pos(&self, language: &str) -> Option<&Pos> {
        self.blocks
            .iter()
            .find(|b| b.language == language)
            .map(|b| &b.pos)
    }
}

fn at(file: &Arc<str>, pos: vdf::Pos) -> Pos {
    Pos::new(file, pos.line, pos.column)
}
