//! The `steamspec` command line.

mod cli;

use std::process::ExitCode;

use clap::Parser;

// Generation allocates millions of small token-stream nodes on every core; glibc's malloc spent
// a third of the run in its own bookkeeping there (BENCHMARKS.md, generation).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    ExitCode::from(cli::run(args))
}
