//! `steamspec tokens`: check, generate and preview a game's localization
//! token files. Exit codes as `lint`: 0 fine, 1 findings, 2 unreadable input.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand, ValueEnum};
use steamspec::diag::Diagnostics;
use steamspec::tokens::{self, Catalog, Format, Report};

use super::{EXIT_ERROR, EXIT_FOUND, EXIT_OK};

#[derive(Debug, Args)]
pub struct TokensArgs {
    #[command(subcommand)]
    pub command: TokensCommand,
}

#[derive(Debug, Subcommand)]
pub enum TokensCommand {
    /// Check token files (either layout, any mix, several files per language): 0 clean
    /// (warnings allowed), 1 findings, 2 a file could not be read.
    Check {
        /// The token files (VDF).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Text)]
        format: FormatArg,
        /// Exit 1 on warnings too (tokens a language lacks).
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Write one Rust type per token (fields: its variables) that turns into a LocalizedText.
    Generate {
        /// The token files (VDF).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The Rust file to write; standard output without it.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// The module holding `LocalizedText` and `Variable`.
        #[arg(long, value_name = "PATH", default_value = tokens::emit::DEFAULT_TYPES_MODULE)]
        types_module: String,
    },
    /// Print what a player of a language sees for a token, e.g.
    /// `render tokens.vdf --language spanish '#InvitationText' user=Michael`.
    Render {
        /// The player's language (Steam's name: english, spanish, schinese, ...).
        #[arg(long, default_value = "english")]
        language: String,
        /// The token files, then the token (its reference starts with '#'), then its
        /// variables as name=value.
        #[arg(required = true, value_name = "FILE... #TOKEN [NAME=VALUE]")]
        args: Vec<String>,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FormatArg {
    Text,
    Json,
    Github,
}

pub fn run(args: TokensArgs) -> u8 {
    match args.command {
        TokensCommand::Check {
            files,
            format,
            deny_warnings,
        } => check(&files, format, deny_warnings),
        TokensCommand::Generate {
            files,
            out,
            types_module,
        } => generate(&files, out.as_deref(), &types_module),
        TokensCommand::Render { language, args } => render(&language, args),
    }
}

/// Reads and checks the files; `Err` with the exit code when one is unreadable.
fn read_checked(files: &[PathBuf]) -> Result<(Catalog, Diagnostics), u8> {
    match Catalog::read_files(files) {
        Ok((catalog, mut diags)) => {
            tokens::check(&catalog, &mut diags);
            Ok((catalog, diags))
        }
        Err(e) => {
            eprintln!("error: {e}");
            Err(EXIT_ERROR)
        }
    }
}

fn check(files: &[PathBuf], format: FormatArg, deny_warnings: bool) -> u8 {
    let (catalog, diags) = match read_checked(files) {
        Ok(read) => read,
        Err(code) => return code,
    };
    let report = Report::new(&catalog, diags.into_sorted());
    let format = match format {
        FormatArg::Text => Format::Text,
        FormatArg::Json => Format::Json,
        FormatArg::Github => Format::Github,
    };
    print!("{}", report.render(format));
    report.exit_code(deny_warnings)
}

fn generate(files: &[PathBuf], out: Option<&Path>, types_module: &str) -> u8 {
    let (catalog, diags) = match read_checked(files) {
        Ok(read) => read,
        Err(code) => return code,
    };
    let has_errors = diags.has_errors();
    for d in diags.into_sorted() {
        eprintln!("{d}");
    }
    if has_errors {
        eprintln!("error: the token files have errors; nothing generated");
        return EXIT_FOUND;
    }
    let text = match tokens::emit(&catalog, types_module) {
        Ok(text) => text,
        Err(diags) => {
            for d in diags.into_sorted() {
                eprintln!("{d}");
            }
            return EXIT_FOUND;
        }
    };
    match out {
        None => {
            print!("{text}");
            EXIT_OK
        }
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => EXIT_OK,
            Err(e) => {
                eprintln!("error: {}: {e}", path.display());
                EXIT_ERROR
            }
        },
    }
}

fn render(language: &str, args: Vec<String>) -> u8 {
    // The files come before the token, the first argument that is a reference.
    let Some(at) = args.iter().position(|a| a.starts_with('#')) else {
        eprintln!("error: name the token to render after the files, e.g. '#InvitationText'");
        return EXIT_ERROR;
    };
    let files: Vec<PathBuf> = args[..at].iter().map(PathBuf::from).collect();
    if files.is_empty() {
        eprintln!("error: give the token files before the token");
        return EXIT_ERROR;
    }
    let token = &args[at];
    let mut variables = Vec::new();
    for arg in &args[at + 1..] {
        match arg.split_once('=') {
            Some((name, value)) => variables.push((name.to_owned(), value.to_owned())),
            None => {
                eprintln!("error: '{arg}' is not a variable: write name=value");
                return EXIT_ERROR;
            }
        }
    }
    let (catalog, diags) = match read_checked(&files) {
        Ok(read) => read,
        Err(code) => return code,
    };
    if diags.has_errors() {
        eprintln!("note: the token files have errors; `steamspec tokens check` lists them");
    }
    match tokens::render(&catalog, language, token, &variables) {
        Ok(preview) => {
            for note in &preview.notes {
                eprintln!("note: {note}");
            }
            println!("{}", preview.text);
            EXIT_OK
        }
        Err(e) => {
            eprintln!("error: {e}");
            EXIT_FOUND
        }
    }
}
