//! The Rust emitter: one module per interface under `src/api/`, `src/api/mod.rs`, and the
//! crate's `Cargo.toml` with a feature per interface. Emitted with quote, formatted with
//! prettyplease; the output depends only on the model, so it is byte-for-byte deterministic.
//!
//! Every function the emitter writes (and the derives' `validate_at` and `Fields::field`) is
//! `#[inline]`: small wrappers, constructors, setters and impls whose machine code is then made
//! by the crate that calls them, for what it calls, instead of for every operation and type
//! whenever the generated crate is built (a debug build of it: 1.11 s -> 0.86 s; BENCHMARKS.md).

mod batch;
mod cargo;
mod enums;
mod fake_table;
mod json_schema;
mod layout;
mod ops;
mod pages;
mod types;

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use super::GeneratedFile;
use crate::model::{Interface, Model, NamedType, Operation};

/// Where the code goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The `steam-webapi` crate itself: `src/api/*.rs` and `Cargo.toml`, with inherent
    /// accessors on `Client`.
    Crate,
    /// A user's build script: one module file per interface under `$OUT_DIR/<folder>/`, to
    /// `include!` in a crate that depends on `steam-webapi`, `serde` and `serde_json`; the
    /// accessors are the `Interfaces` trait of `mod.rs`.
    BuildScript {
        /// The folder under `$OUT_DIR` (e.g. `steamspec`) that `mod.rs` includes the modules from.
        folder: &'static str,
    },
}

/// Every Rust file for the model.
pub fn emit(model: &Model, target: Target) -> Vec<GeneratedFile> {
    let mut out = Vec::new();
    let prefix = match target {
        Target::Crate => "src/api/",
        Target::BuildScript { .. } => "",
    };
    // Each interface's module is made of pieces (its accessors, each request, each named type),
    // built and formatted side by side (syn + prettyplease is most of the generation time; a
    // piece is small enough to keep both cores busy to the end, where a whole module was a third
    // of the work); token streams are not `Send`, so each thread builds its own.
    let interfaces: Vec<&Interface> = model.interfaces.values().collect();
    let pieces: Vec<(usize, Piece)> = interfaces
        .iter()
        .enumerate()
        .flat_map(|(i, iface)| pieces(model, iface).map(move |p| (i, p)))
        .collect();
    let texts = crate::parallel::map(&pieces, |(_, piece)| {
        format_tokens(piece.tokens(model, target))
    });
    let mut modules: Vec<Vec<String>> = interfaces.iter().map(|_| Vec::new()).collect();
    for ((i, _), text) in pieces.iter().zip(texts) {
        modules[*i].push(text);
    }
    for (iface, parts) in interfaces.iter().zip(modules) {
        out.push(GeneratedFile {
            path: format!("{prefix}{}.rs", iface.module),
            source: iface.file.clone(),
            contents: with_header(&iface.file, "//", &parts),
        });
    }
    let mods = model.interfaces.values().map(|i| {
        let m = ident(&i.module);
        let feature = &i.name;
        // Docs and lint levels sit on the declaration: `include!` takes no inner attributes.
        let doc = doc_attr(&module_doc(i));
        let allow = quote!(#[allow(clippy::doc_markdown, clippy::too_many_arguments)]);
        match target {
            Target::Crate => quote! {
                #doc
                #allow
                #[cfg(feature = #feature)]
                pub mod #m;
            },
            Target::BuildScript { folder } => {
                let file = format!("/{folder}/{}.rs", i.module);
                quote! {
                    #doc
                    #allow
                    pub mod #m {
                        include!(concat!(env!("OUT_DIR"), #file));
                    }
                }
            }
        }
    });
    let all = match target {
        Target::Crate => {
            let each = for_each_request(model);
            quote! {
                //! The operations and types of every interface in the spec, one module each.
                #(#mods)*
                /// The fake Steam's table of every operation (`crate::testing`).
                #[cfg(feature = "testing")]
                pub(crate) mod fake_table;
                #each
            }
        }
        Target::BuildScript { .. } => {
            let accessors = ops::build_script_accessors(model);
            quote!(#(#mods)* #accessors)
        }
    };
    out.push(GeneratedFile {
        path: format!("{prefix}mod.rs"),
        source: "spec/".into(),
        contents: with_header("spec/", "//", &[format_tokens(all)]),
    });
    if target == Target::Crate {
        out.push(GeneratedFile {
            path: format!("{prefix}fake_table.rs"),
            source: "spec/".into(),
            contents: with_header("spec/", "//", &[format_tokens(fake_table::table(model))]),
        });
        out.push(GeneratedFile {
            path: "Cargo.toml".into(),
            source: "spec/".into(),
            contents: with_header("spec/", "#", &[cargo::manifest(model)]),
        });
    }
    out
}

/// `__for_each_request!(m)` calls `m!` with the request type of every operation in the spec,
/// for code that must cover every operation and stay complete when one is added (the decode
/// fuzz tests and benches). It names every interface's module, so it needs every interface's
/// feature.
fn for_each_request(model: &Model) -> TokenStream {
    let paths = model.interfaces.values().flat_map(|i| {
        let m = ident(&i.module);
        i.operations.iter().map(move |op| {
            let t = Ident::new(&op.request_type, Span::call_site());
            quote!($crate::#m::#t)
        })
    });
    quote! {
        #[doc(hidden)]
        #[macro_export]
        macro_rules! __for_each_request {
            ($m:ident) => {
                $m!(#(#paths),*)
            };
        }
    }
}

/// A piece of an interface's module: a few whole items. prettyplease prints a file item by
/// item, so the pieces' texts joined are the text of the whole module; parsing piece by piece
/// also keeps syn's token buffers small, where one buffer for a whole module grew by
/// reallocation to megabytes of fresh pages.
enum Piece<'a> {
    /// The accessor structs and the client's accessor methods.
    Accessors(&'a Interface),
    /// An operation's request type and its impls.
    Request(&'a Operation),
    /// A named type and its impls.
    Type(&'a NamedType),
}

impl Piece<'_> {
    fn tokens(&self, model: &Model, target: Target) -> TokenStream {
        match self {
            Piece::Accessors(iface) => ops::accessors(iface, model, target),
            Piece::Request(op) => ops::request(op, model, target),
            Piece::Type(t) => types::named_type(t, target),
        }
    }
}

/// The pieces of an interface's module, in the module's order: the accessors, then each
/// operation's request, then each named type.
fn pieces<'a>(model: &'a Model, iface: &'a Interface) -> impl Iterator<Item = Piece<'a>> + 'a {
    std::iter::once(Piece::Accessors(iface))
        .chain(iface.operations.iter().map(Piece::Request))
        .chain(model.types_of(&iface.name).map(Piece::Type))
}

/// `ISteamUser`: the interface's description and notes.
fn module_doc(iface: &Interface) -> String {
    let text = super::docs::paragraphs(
        iface
            .description
            .as_deref()
            .into_iter()
            .chain(iface.notes.iter().map(String::as_str)),
    );
    if text.is_empty() {
        format!("`{}`", iface.name)
    } else {
        format!("`{}`: {text}", iface.name)
    }
}

/// `#[doc = "..."]`, with each line prefixed by a space so prettyplease prints `/// line`.
pub(crate) fn doc_attr(text: &str) -> TokenStream {
    if text.trim().is_empty() {
        return quote!();
    }
    let lines = text.lines().map(|l| {
        let l = if l.is_empty() {
            Literal::string("")
        } else {
            doc_literal(&format!(" {l}"))
        };
        quote!(#[doc = #l])
    });
    quote!(#(#lines)*)
}

/// A doc line as a raw string literal (`r"..."`, `r#"..."#` when it holds a `"`): the same
/// `///` line once printed, but syn and prettyplease read a raw literal back by slicing it,
/// where a `"..."` literal is escaped character by character and unescaped twice (the docs are
/// most of the emitted text, and this was a fifth of generation's instructions).
pub(crate) fn doc_literal(text: &str) -> Literal {
    // A raw string cannot hold a bare carriage return; such text keeps the escaped form.
    if text.contains('\r') {
        return Literal::string(text);
    }
    // One `#` more than the longest run of `#` after a `"` in the text.
    let hashes = text
        .match_indices('"')
        .map(|(i, _)| 1 + text[i + 1..].bytes().take_while(|&b| b == b'#').count())
        .max()
        .unwrap_or(0);
    let fence = "#".repeat(hashes);
    format!("r{fence}\"{text}\"{fence}")
        .parse()
        .unwrap_or_else(|_| Literal::string(text))
}

/// An identifier, raw when it is a keyword (`type` -> `r#type`).
pub(crate) fn ident(name: &str) -> Ident {
    if is_keyword(name) {
        Ident::new_raw(name, Span::call_site())
    } else {
        Ident::new(name, Span::call_site())
    }
}

fn is_keyword(s: &str) -> bool {
    matches!(
        s,
        "as" | "break"
            | "const"
            | "continue"
            | "else"
            | "enum"
            | "extern"
            | "false"
            | "fn"
            | "for"
            | "if"
            | "impl"
            | "in"
            | "let"
            | "loop"
            | "match"
            | "mod"
            | "move"
            | "mut"
            | "pub"
            | "ref"
            | "return"
            | "static"
            | "struct"
            | "trait"
            | "true"
            | "type"
            | "unsafe"
            | "use"
            | "where"
            | "while"
            | "async"
            | "await"
            | "dyn"
            | "abstract"
            | "become"
            | "box"
            | "do"
            | "final"
            | "macro"
            | "override"
            | "priv"
            | "typeof"
            | "unsized"
            | "virtual"
            | "yield"
            | "try"
            | "gen"
    )
}

/// Pretty-prints a token stream that is a whole file (see `layout` for the last touches).
pub(crate) fn format_tokens(tokens: TokenStream) -> String {
    match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(file) => layout::tidy(&prettyplease::unparse(&file)),
        // Emitting unparsable tokens is a generator bug; keep the text so it can be seen.
        Err(e) => format!("compile_error!({:?});\n{tokens}\n", e.to_string()),
    }
}

/// The marker line, then the parts, each after a blank line, in one allocation.
fn with_header(source: &str, comment: &str, parts: &[String]) -> String {
    let header = format!("{comment} @generated by steamspec from {source}; do not edit\n");
    let mut text =
        String::with_capacity(header.len() + parts.iter().map(|p| p.len() + 1).sum::<usize>());
    text.push_str(&header);
    for p in parts {
        text.push('\n');
        text.push_str(p);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A doc line as a raw literal prints as the escaped literal does, whatever it holds.
    #[test]
    fn raw_doc_literals_print_as_escaped_ones() {
        let texts = [
            " plain words",
            " a \"quote\" and a \\ backslash \\n",
            " \"# and \"## and r#\"...\"#",
            " tab\tand a carriage\rreturn",
            " ünïcödé, emoji 🎮, and a } brace",
            "\"",
            "#",
        ];
        for text in texts {
            let raw = doc_literal(text);
            let escaped = Literal::string(text);
            let with = |lit: &Literal| format_tokens(quote!(#[doc = #lit] pub struct A;));
            assert_eq!(with(&raw), with(&escaped), "{text:?} as {raw}");
        }
        assert_eq!(doc_literal(" a \"# b").to_string(), "r##\" a \"# b\"##");
        assert_eq!(doc_literal(" a").to_string(), "r\" a\"");
    }

    /// Formatting a module piece by piece (the pieces joined as `with_header` joins them, after
    /// a blank line each) gives the text of formatting it whole, for every interface of the
    /// project's spec and both targets.
    #[test]
    fn pieces_format_as_the_whole_module() {
        let spec = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
        let model = crate::load_dir(&spec)
            .expect("the project's spec loads")
            .model;
        for target in [Target::Crate, Target::BuildScript { folder: "api" }] {
            for iface in model.interfaces.values() {
                let tokens: Vec<TokenStream> = pieces(&model, iface)
                    .map(|p| p.tokens(&model, target))
                    .collect();
                assert!(tokens.len() > 1, "{} has one piece", iface.name);
                let parts: Vec<String> = tokens.iter().cloned().map(format_tokens).collect();
                let by_piece = with_header("x", "//", &parts);
                let whole = with_header("x", "//", &[format_tokens(quote!(#(#tokens)*))]);
                assert_eq!(by_piece, whole, "{}", iface.name);
            }
        }
    }
}
