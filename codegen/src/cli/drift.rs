//! `steamspec drift`: the spec against a GetSupportedAPIList listing.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use steamspec::drift::{self, Date, FailOn, format::Format};

use super::{EXIT_ERROR, load_or_report};

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("source").required(true).args(["listing", "live"])))]
pub struct DriftArgs {
    /// The listing: a saved GetSupportedAPIList response, or `-` for stdin.
    #[arg(long, value_name = "FILE")]
    pub listing: Option<PathBuf>,
    /// Fetch the listing now through the generated client; the key is read from the
    /// STEAM_API_KEY environment variable (a publisher key shows publisher-only methods).
    #[arg(long)]
    pub live: bool,
    /// With --live: the base URL to fetch from instead of https://api.steampowered.com.
    #[arg(long, value_name = "URL", requires = "live")]
    pub base_url: Option<String>,
    /// With --live: allow a plain-http base URL (the key travels in the query string).
    #[arg(long, requires = "live")]
    pub allow_http: bool,
    /// The spec, the output and the config.
    #[command(flatten)]
    pub report: ReportArgs,
}

/// What `drift` and `probe` share: the spec, the output, the config.
#[derive(Debug, Args)]
pub struct ReportArgs {
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
    Sarif,
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

impl FormatArg {
    /// The report format it names.
    pub fn format(self) -> Format {
        match self {
            FormatArg::Text => Format::Text,
            FormatArg::Json => Format::Json,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Github => Format::Github,
            FormatArg::Junit => Format::Junit,
            FormatArg::Sarif => Format::Sarif,
        }
    }
}

impl FailOnArg {
    /// The threshold it names.
    pub fn fail_on(self) -> FailOn {
        match self {
            FailOnArg::Breaking => FailOn::Breaking,
            FailOnArg::Warning => FailOn::Warning,
            FailOnArg::Info => FailOn::Info,
            FailOnArg::Never => FailOn::Never,
        }
    }
}

/// The config file, if one is given; `Err` (printed) when it cannot be used.
pub fn load_config(path: Option<&std::path::Path>) -> Result<Option<drift::Config>, ()> {
    match path.map(drift::config::load) {
        None => Ok(None),
        Some(Ok(c)) => Ok(Some(c)),
        Some(Err(e)) => {
            eprintln!("{e}");
            Err(())
        }
    }
}

/// A report of `tool` (`drift`, `probe`) in `format`; SARIF results without a spec place sit at
/// the provider's entry.
pub fn render(
    r: &drift::Report,
    format: Format,
    fail_on: FailOn,
    tool: &str,
    model: &steamspec::model::Model,
) -> String {
    match format {
        Format::Sarif => {
            drift::format::sarif::render(r, tool, model.providers.get(drift::STEAM).map(|p| &p.pos))
        }
        _ => drift::format::render(r, format, fail_on),
    }
}

pub fn run(args: DriftArgs) -> u8 {
    let (format, fail_on) = (args.report.format.format(), args.report.fail_on.fail_on());
    let Ok(config) = load_config(args.report.config.as_deref()) else {
        return EXIT_ERROR;
    };
    let Some(model) = load_or_report(&args.report.spec) else {
        return EXIT_ERROR;
    };
    let opts = drift::Options {
        provider: drift::STEAM,
        config: config.as_ref(),
        today: args.report.today.unwrap_or_else(Date::today),
    };
    let (name, bytes) = match (&args.listing, args.live) {
        (Some(path), _) => {
            let name = if path.as_os_str() == "-" {
                "<stdin>".to_string()
            } else {
                path.display().to_string()
            };
            (name, drift::listing::read_source(path))
        }
        (None, _) => match fetch_live(&args) {
            Ok(bytes) => ("GetSupportedAPIList (live)".to_string(), Ok(bytes)),
            Err(e) => {
                eprintln!("error: {e}");
                return EXIT_ERROR;
            }
        },
    };
    let report = bytes.and_then(|bytes| drift::check_bytes(&model, &bytes, &opts));
    match report {
        Ok(r) => {
            print!("{}", render(&r, format, fail_on, "drift", &model));
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

#[cfg(feature = "live")]
fn fetch_live(args: &DriftArgs) -> Result<Vec<u8>, String> {
    let key = std::env::var("STEAM_API_KEY")
        .ok()
        .filter(|k| !k.trim().is_empty())
        .ok_or("--live needs a Steam Web API key in the STEAM_API_KEY environment variable")?;
    super::live::fetch(&super::live::Live {
        key: key.trim(),
        base_url: args.base_url.as_deref(),
        allow_http: args.allow_http,
    })
}

#[cfg(not(feature = "live"))]
fn fetch_live(_: &DriftArgs) -> Result<Vec<u8>, String> {
    Err("this steamspec was built without the `live` feature; use --listing FILE".into())
}
