//! `steamspec drift`: the spec against a GetSupportedAPIList listing.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use steamspec::drift::{self, Date, FailOn, format::Format};

use super::{EXIT_ERROR, load_or_report};

#[derive(Debug, Args)]
pub struct DriftArgs {
    /// The listing: a saved GetSupportedAPIList response, or `-` for stdin.
    #[arg(long, value_name = "FILE")]
    pub listing: PathBuf,
    /// The spec folder.
    #[arg(long, default_value = "spec")]
    pub spec: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,
    /// Exit 1 when a finding at or above this severity remains.
    #[arg(long, value_enum, default_value_t = FailOnArg::Breaking)]
    pub fail_on: FailOnArg,
    /// TOML config: severity overrides and an allow-list of accepted findings.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The date allow-list expiry is judged against (default: today, UTC). For tests.
    #[arg(long, value_name = "YYYY-MM-DD", hide = true, value_parser = parse_date)]
    pub today: Option<Date>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FormatArg {
    Text,
    Json,
    Markdown,
    Github,
    Junit,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FailOnArg {
    Breaking,
    Warning,
    Info,
    Never,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("'{s}' is not a date (YYYY-MM-DD)"))
}

pub fn run(args: DriftArgs) -> u8 {
    let format = match args.format {
        FormatArg::Text => Format::Text,
        FormatArg::Json => Format::Json,
        FormatArg::Markdown => Format::Markdown,
        FormatArg::Github => Format::Github,
        FormatArg::Junit => Format::Junit,
    };
    let fail_on = match args.fail_on {
        FailOnArg::Breaking => FailOn::Breaking,
        FailOnArg::Warning => FailOn::Warning,
        FailOnArg::Info => FailOn::Info,
        FailOnArg::Never => FailOn::Never,
    };
    let config = match &args.config {
        Some(path) => match drift::config::load(path) {
            Ok(c) => Some(c),
            Err(e) => {
                eprintln!("{e}");
                return EXIT_ERROR;
            }
        },
        None => None,
    };
    let Some(model) = load_or_report(&args.spec) else {
        eprintln!(
            "error: the spec in {} cannot be loaded",
            args.spec.display()
        );
        return EXIT_ERROR;
    };
    let name = if args.listing.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        args.listing.display().to_string()
    };
    let opts = drift::Options {
        provider: drift::STEAM,
        config: config.as_ref(),
        today: args.today.unwrap_or_else(Date::today),
    };
    let report = drift::listing::read_source(&args.listing)
        .and_then(|bytes| drift::check_bytes(&model, &bytes, &opts));
    match report {
        Ok(r) => {
            print!("{}", drift::format::render(&r, format, fail_on));
            r.exit_code(fail_on)
        }
        Err(drift::ListingError::Io(e)) => {
            eprintln!("error: {e}");
            EXIT_ERROR
        }
        Err(e) => {
            eprintln!("error: {name}: {e}");
            EXIT_ERROR
        }
    }
}
