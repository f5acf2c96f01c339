//! Subcommands. Exit codes follow diff(1): 0 fine, 1 found problems, 2 could not run.

mod diff;
mod drift;
mod generate;
mod import;
mod lint;
#[cfg(feature = "live")]
mod live;
#[cfg(feature = "live")]
mod probe;
#[cfg(feature = "live")]
mod probe_http;
mod responses;
mod tokens;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// steamspec: YAML specs of the Steam Web API -> typed Rust client, JSON Schemas, drift checks.
#[derive(Debug, Parser)]
#[command(name = "steamspec", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load and check a spec folder; print a one-line summary.
    Lint {
        /// The spec folder.
        #[arg(long, default_value = "spec")]
        spec: PathBuf,
        /// Output format of the diagnostics: `text` on stderr, or a SARIF 2.1.0 log on stdout.
        #[arg(long, value_enum, default_value_t = lint::LintFormat::Text)]
        format: lint::LintFormat,
    },
    /// Generate the client (and schemas) from the spec.
    Generate {
        #[arg(long, default_value = "spec")]
        spec: PathBuf,
        /// Output folder (the steam-webapi crate).
        #[arg(long, default_value = "generated")]
        out: PathBuf,
    },
    /// Exit 1 with a diff when the output folder is not what the spec produces now.
    Check {
        #[arg(long, default_value = "spec")]
        spec: PathBuf,
        #[arg(long, default_value = "generated")]
        out: PathBuf,
    },
    /// Print the JSON Schema of the spec format (what spec/spec.schema.json holds).
    SpecSchema,
    /// Compare the spec with a GetSupportedAPIList listing: 0 no drift at or above --fail-on,
    /// 1 drift, 2 could not run (unreadable or broken listing, spec or config errors).
    Drift(drift::DriftArgs),
    /// Write spec files (DIR/steam/<Interface>.yaml) for the interfaces of a listing.
    Import(import::ImportArgs),
    /// Check recorded response bodies against the spec: 0 clean, 1 findings, 2 could not run
    /// (unreadable file, not JSON, unknown operation). --strict reports response drift.
    Responses(responses::ResponsesArgs),
    /// What a spec change does to users of the generated crate and schemas: major (removed,
    /// retyped, newly required), minor (added), patch (docs). OLD_SPEC_DIR [NEW_SPEC_DIR], or
    /// --base GIT_REV to compare with spec/ as committed there.
    Diff(diff::DiffArgs),
    /// Call the spec's read-only (GET) operations with their examples' requests, live (key
    /// from STEAM_API_KEY) or against --base-url: method-gone (404/410) and response-drift, in
    /// drift's formats; 0 clean, 1 findings, 2 could not tell (unreachable, refused).
    #[cfg(feature = "live")]
    Probe(probe::ProbeArgs),
    /// Localization token files of game notifications: check, generate typed tokens, render.
    Tokens(tokens::TokensArgs),
}

pub const EXIT_OK: u8 = 0;
pub const EXIT_FOUND: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

pub fn run(cli: Cli) -> u8 {
    match cli.command {
        Command::Lint { spec, format } => lint::run(&spec, format),
        Command::Generate { spec, out } => generate::run_generate(&spec, &out),
        Command::Check { spec, out } => generate::run_check(&spec, &out),
        Command::Drift(args) => drift::run(args),
        Command::Import(args) => import::run(args),
        Command::Responses(args) => responses::run(args),
        Command::Diff(args) => diff::run(args),
        #[cfg(feature = "live")]
        Command::Probe(args) => probe::run(args),
        Command::Tokens(args) => tokens::run(args),
        Command::SpecSchema => {
            print!("{}", steamspec::syntax::schema::spec_schema_json());
            EXIT_OK
        }
    }
}

/// Loads a spec folder, printing diagnostics; `None` when it cannot be used (then also says so).
pub fn load_or_report(spec: &std::path::Path) -> Option<steamspec::model::Model> {
    let model = load_exit(spec).ok();
    if model.is_none() {
        eprintln!("error: the spec in {} cannot be loaded", spec.display());
    }
    model
}

/// Loads a spec folder, printing diagnostics; on failure the exit code: 2 when the folder
/// could not be read (not a folder, missing, no interface file), 1 for spec errors.
pub fn load_exit(spec: &std::path::Path) -> Result<steamspec::model::Model, u8> {
    match steamspec::load_dir(spec) {
        Ok(l) => {
            for w in &l.warnings {
                eprintln!("{w}");
            }
            Ok(l.model)
        }
        Err(steamspec::LoadError::Io(e)) => {
            eprintln!("error: {e}");
            Err(EXIT_ERROR)
        }
        Err(e) => {
            eprint!("{e}");
            Err(EXIT_FOUND)
        }
    }
}
