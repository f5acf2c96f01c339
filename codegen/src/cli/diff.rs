//! `steamspec diff`: what a spec change does to the users of the generated crate and schemas.

use std::path::{Path, PathBuf};
use std::process::Command;

use clap::{Args, ValueEnum};
use steamspec::diff::{self, Format, Level};

use super::{EXIT_ERROR, EXIT_FOUND, EXIT_OK, load_or_report};

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("old").required(true).args(["old_spec", "base"])))]
pub struct DiffArgs {
    /// The old spec folder.
    #[arg(value_name = "OLD_SPEC_DIR")]
    pub old_spec: Option<PathBuf>,
    /// The new spec folder (default: spec).
    #[arg(value_name = "NEW_SPEC_DIR")]
    pub new_spec: Option<PathBuf>,
    /// Compare with spec/ as committed at this git revision (`main`, `HEAD~1`, a hash).
    #[arg(long, value_name = "GIT_REV", conflicts_with = "old_spec")]
    pub base: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Exit 1 when the change is at this level or above.
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOnLevel>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum DiffFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FailOnLevel {
    Major,
    Minor,
    Patch,
}

pub fn run(args: DiffArgs) -> u8 {
    let new_dir = args
        .new_spec
        .clone()
        .unwrap_or_else(|| PathBuf::from("spec"));
    let checkout;
    let old_dir = match (&args.old_spec, &args.base) {
        (Some(d), _) => d.clone(),
        (None, Some(rev)) => match spec_at(rev, &new_dir) {
            Ok(dir) => {
                checkout = TempDir(dir);
                checkout.0.join("spec")
            }
            Err(e) => {
                eprintln!("error: --base {rev}: {e}");
                return EXIT_ERROR;
            }
        },
        (None, None) => unreachable!("clap requires OLD_SPEC_DIR or --base"),
    };
    let (Some(old), Some(new)) = (load_or_report(&old_dir), load_or_report(&new_dir)) else {
        return EXIT_ERROR;
    };
    let changes = diff::diff(&old, &new);
    let format = match args.format {
        DiffFormat::Text => Format::Text,
        DiffFormat::Markdown => Format::Markdown,
        DiffFormat::Json => Format::Json,
    };
    print!("{}", diff::render(&changes, format));
    let threshold = args.fail_on.map(|f| match f {
        FailOnLevel::Major => Level::Major,
        FailOnLevel::Minor => Level::Minor,
        FailOnLevel::Patch => Level::Patch,
    });
    match (threshold, diff::overall(&changes)) {
        (Some(t), Some(l)) if l >= t => EXIT_FOUND,
        _ => EXIT_OK,
    }
}

/// A folder removed when dropped.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `spec/` of the repository holding `spec_dir`, as committed at `rev`, extracted into a new
/// temporary folder (`git archive`, so nothing in the working tree changes).
fn spec_at(rev: &str, spec_dir: &Path) -> Result<PathBuf, String> {
    if rev.starts_with('-') {
        return Err("a revision cannot start with '-'".into());
    }
    let repo = spec_dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let dir = std::env::temp_dir().join(format!("steamspec-diff-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let archive = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args([
            "archive",
            "--format=tar",
            &format!("{rev}:spec"),
            "--prefix=spec/",
        ])
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !archive.status.success() {
        let _ = std::fs::remove_dir_all(&dir);
        return Err(String::from_utf8_lossy(&archive.stderr).trim().to_string());
    }
    let tar = std::process::Command::new("tar")
        .arg("-x")
        .arg("-C")
        .arg(&dir)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write as _;
            child
                .stdin
                .take()
                .expect("piped")
                .write_all(&archive.stdout)?;
            child.wait()
        })
        .map_err(|e| format!("cannot unpack the archive: {e}"))?;
    if !tar.success() {
        let _ = std::fs::remove_dir_all(&dir);
        return Err("cannot unpack the archive".into());
    }
    Ok(dir)
}
