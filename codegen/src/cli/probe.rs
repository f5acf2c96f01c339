//! `steamspec probe`: calls the spec's read-only operations and reports `method-gone` and
//! `response-drift` in drift's formats. Exit 0 clean, 1 findings at or above --fail-on, 2 could
//! not tell (an operation unreachable or refused, a bad argument).

use clap::Args;
use steamspec::drift::{self, Date};
use steamspec::probe::{self, Scope, Verdict};

use super::drift::{ReportArgs, load_config, render};
use super::{EXIT_ERROR, load_or_report};

#[derive(Debug, Args)]
pub struct ProbeArgs {
    /// Call this base URL (scheme and host) instead of each operation's host: a test server or
    /// a proxy. Without it, Steam is called live with the key from STEAM_API_KEY.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Allow a plain-http --base-url (the key, if any, travels in the query string).
    #[arg(long, requires = "base_url")]
    pub allow_http: bool,
    /// Also call publisher-only operations (needs a publisher key).
    #[arg(long)]
    pub publisher: bool,
    /// The spec, the output and the config, as for drift.
    #[command(flatten)]
    pub report: ReportArgs,
    /// Calls in flight at once.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u16).range(1..=8))]
    pub concurrency: u16,
    /// Most HTTP requests of the whole run, retries included; operations beyond it are not
    /// probed (and the run exits 2).
    #[arg(long, default_value_t = 40, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub max_requests: u32,
    /// Retries of a call that met a network error, a 5xx or a 429.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(0..=5))]
    pub retries: u8,
}

pub fn run(args: ProbeArgs) -> u8 {
    let (format, fail_on) = (args.report.format.format(), args.report.fail_on.fail_on());
    let Ok(config) = load_config(args.report.config.as_deref()) else {
        return EXIT_ERROR;
    };
    let Some(model) = load_or_report(&args.report.spec) else {
        return EXIT_ERROR;
    };
    let scope = Scope {
        provider: drift::STEAM,
        publisher: args.publisher,
    };
    let plan = probe::plan(&model, scope);
    let Some(provider) = model.providers.get(scope.provider) else {
        eprintln!("error: the spec has no provider '{}'", scope.provider);
        return EXIT_ERROR;
    };
    let env = provider.auth_env.as_deref().unwrap_or("STEAM_API_KEY");
    let key = std::env::var(env).ok().filter(|k| !k.trim().is_empty());
    if key.is_none() && args.base_url.is_none() {
        eprintln!("error: probe calls Steam live: set {env} (or use --base-url for a test server)");
        return EXIT_ERROR;
    }
    let http = super::probe_http::Http {
        base_url: args.base_url.as_deref(),
        allow_http: args.allow_http,
        key: key.as_deref().map(str::trim),
        auth_param: &provider.auth_param,
        format_param: provider.format_param.as_ref(),
        concurrency: usize::from(args.concurrency),
        budget: args.max_requests as usize,
        retries: u32::from(args.retries),
    };
    let answers = match super::probe_http::call_all(&http, &plan.calls) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_ERROR;
        }
    };
    let mut findings = Vec::new();
    let mut unknown = Vec::new();
    for (call, answer) in plan.calls.iter().zip(&answers) {
        match answer.as_ref().map(|a| probe::judge(&model, call.op, a)) {
            Some(Verdict::Findings(f)) => findings.extend(f),
            Some(Verdict::CouldNotTell(why)) => unknown.push(format!("{}: {why}", call.op.id())),
            None => unknown.push(format!(
                "{}: not probed: the request budget (--max-requests {}) is spent",
                call.op.id(),
                args.max_requests
            )),
        }
    }
    let today = args.report.today.unwrap_or_else(Date::today);
    let report = probe::report(findings, plan.other_providers, config.as_ref(), today);
    print!("{}", render(&report, format, fail_on, "probe", &model));
    eprintln!(
        "probe: {} operation(s) called, {} skipped",
        answers.iter().filter(|a| a.is_some()).count(),
        plan.skipped.len()
    );
    for s in &plan.skipped {
        eprintln!("  skipped {s}");
    }
    for u in &unknown {
        eprintln!("error: {u}");
    }
    if unknown.is_empty() {
        report.exit_code(fail_on)
    } else {
        EXIT_ERROR
    }
}
