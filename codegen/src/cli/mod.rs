//! Subcommands. Exit codes follow diff(1): 0 fine, 1 found problems, 2 could not run.

mod lint;

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
    },
}

pub const EXIT_OK: u8 = 0;
pub const EXIT_FOUND: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

pub fn run(cli: Cli) -> u8 {
    match cli.command {
        Command::Lint { spec } => lint::run(&spec),
    }
}
