//! `steamspec import`: spec files from a GetSupportedAPIList listing.

use std::path::PathBuf;

use clap::Args;
use steamspec::drift::listing;
use steamspec::import;

use super::{EXIT_ERROR, EXIT_OK};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The listing: a saved GetSupportedAPIList response, or `-` for stdin.
    #[arg(long, value_name = "FILE")]
    pub listing: PathBuf,
    /// Output spec folder; files go to DIR/steam/<Interface>.yaml.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Import only this interface (repeatable; default: all but game-specific ones).
    #[arg(long = "interface", value_name = "NAME")]
    pub interfaces: Vec<String>,
}

pub fn run(args: ImportArgs) -> u8 {
    let name = if args.listing.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        args.listing.to_string_lossy().replace('\\', "/")
    };
    let parsed = listing::read_source(&args.listing).and_then(|b| listing::parse(&b));
    let parsed = match parsed {
        Ok(l) => l,
        Err(listing::ListingError::Io(e)) => {
            eprintln!("error: {e}");
            return EXIT_ERROR;
        }
        Err(e) => {
            eprintln!("error: {name}: {e}");
            return EXIT_ERROR;
        }
    };
    let opts = import::Options {
        interfaces: args.interfaces,
        listing_name: name,
    };
    let imported = match import::import(&parsed, &opts) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_ERROR;
        }
    };
    for s in &imported.skipped {
        eprintln!("warning: skipped {s}");
    }
    if let Err(e) = import::write_files(&args.out, &imported) {
        for line in e.to_string().lines() {
            eprintln!("error: {line}");
        }
        return EXIT_ERROR;
    }
    println!(
        "{}: wrote {} spec file(s) under steam/",
        args.out.display(),
        imported.files.len()
    );
    EXIT_OK
}
