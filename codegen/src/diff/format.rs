//! `steamspec diff` output: text (people), markdown (a pull-request comment), json (tools).

use std::fmt::Write as _;

use serde_json::json;

use super::{Change, Level, overall};

/// An output format of a diff.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One line per change, grouped by level, then the verdict.
    Text,
    /// A heading with the verdict and a table per level.
    Markdown,
    /// `{"level": ..., "summary": {...}, "changes": [...]}`.
    Json,
}

const LEVELS: [Level; 3] = [Level::Major, Level::Minor, Level::Patch];

/// Renders the changes.
pub fn render(changes: &[Change], format: Format) -> String {
    match format {
        Format::Text => text(changes),
        Format::Markdown => markdown(changes),
        Format::Json => json_text(changes),
    }
}

fn verdict(changes: &[Change]) -> String {
    let count = |l: Level| changes.iter().filter(|c| c.level == l).count();
    match overall(changes) {
        None => "no change to the generated crate or schemas".to_string(),
        Some(l) => format!(
            "{l} ({} major, {} minor, {} patch)",
            count(Level::Major),
            count(Level::Minor),
            count(Level::Patch)
        ),
    }
}

fn place(c: &Change) -> String {
    c.pos.as_ref().map(|p| p.file_line()).unwrap_or_default()
}

fn text(changes: &[Change]) -> String {
    let mut out = String::new();
    for level in LEVELS {
        for c in changes.iter().filter(|c| c.level == level) {
            let _ = writeln!(out, "{:<5} {:<30} {}", c.level, c.rule, c.subject);
            let _ = writeln!(out, "      {}", c.message);
            if let Some(p) = &c.pos {
                let _ = writeln!(out, "      at {}", p.file_line());
            }
        }
    }
    let _ = writeln!(out, "diff: {}", verdict(changes));
    out
}

fn markdown(changes: &[Change]) -> String {
    let mut out = format!("### Spec change: {}\n", verdict(changes));
    for level in LEVELS {
        let these: Vec<&Change> = changes.iter().filter(|c| c.level == level).collect();
        if these.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n#### {level} ({})\n", these.len());
        out.push_str("| rule | what | change | spec |\n|---|---|---|---|\n");
        for c in these {
            let _ = writeln!(
                out,
                "| `{}` | `{}` | {} | {} |",
                c.rule,
                cell(&c.subject),
                cell(&c.message),
                cell(&place(c))
            );
        }
    }
    out
}

/// Table-cell text: pipes escaped, no line breaks.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn json_text(changes: &[Change]) -> String {
    let count = |l: Level| changes.iter().filter(|c| c.level == l).count();
    let v = json!({
        "level": overall(changes).map(Level::name),
        "summary": {
            "major": count(Level::Major),
            "minor": count(Level::Minor),
            "patch": count(Level::Patch),
        },
        "changes": changes.iter().map(|c| json!({
            "level": c.level.name(),
            "rule": c.rule,
            "subject": c.subject,
            "message": c.message,
            "spec": c.pos.as_ref().map(|p| p.file_line()),
        })).collect::<Vec<_>>(),
    });
    let mut s = serde_json::to_string_pretty(&v).expect("a JSON value serializes");
    s.push('\n');
    s
}
