//! A serde_json syntax error split into its place and its message: callers show the place their
//! own way (`file:line:col`), so the message must not repeat it.

/// (line, column, message without serde_json's " at line L column C" suffix).
pub fn syntax_error_parts(e: &serde_json::Error) -> (usize, usize, String) {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
    // serde_json says column 0 for an end of input at the start of a line (an empty body):
    // the first column is where the missing value should be.
    (e.line(), e.column().max(1), message)
}
