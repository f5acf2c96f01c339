//! `host:` and `path:` values: the client writes `https://{host}{path}?{query}` as it is, so
//! both must be plain enough to keep that URL's meaning.

/// A plain host name with at most a port (`localhost:8080`): the client writes
/// `https://{host}{path}`, so anything else would change the URL's meaning.
pub(super) fn is_host(h: &str) -> bool {
    let (name, port) = match h.rsplit_once(':') {
        Some((n, p)) => (n, Some(p)),
        None => (h, None),
    };
    let label = |l: &str| {
        (1..=63).contains(&l.len())
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    let port_ok = port.is_none_or(|p| {
        p.chars().all(|c| c.is_ascii_digit()) && p.parse::<u16>().is_ok_and(|n| n > 0)
    });
    name.len() <= 253 && name.split('.').all(label) && port_ok
}

pub(super) fn host_error(h: &str) -> String {
    format!(
        "invalid host '{}': give a host name (letters, digits, '-', '.') and at most a ':port'",
        h.escape_debug()
    )
}

pub(super) fn check_path_template(p: &str) -> Result<(), String> {
    if !p.starts_with('/') {
        return Err(format!("path '{}' must start with '/'", p.escape_debug()));
    }
    // The client appends the query itself and sends the path as written.
    if let Some(c) = p
        .chars()
        .find(|c| matches!(c, '?' | '#') || c.is_whitespace() || c.is_control())
    {
        return Err(format!(
            "path '{}' must not contain {c:?}: it is sent as written, before the query the client adds",
            p.escape_debug()
        ));
    }
    // Servers and proxies resolve dot segments, so the request would go elsewhere.
    if p.split('/').any(|s| s == "." || s == "..") {
        return Err(format!("path '{p}' must not have '.' or '..' segments"));
    }
    let mut rest = p;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            return Err(format!("unclosed '{{' in path '{p}'"));
        };
        let name = &rest[open + 1..open + close];
        if !matches!(name, "interface" | "method" | "version") {
            return Err(format!(
                "unknown placeholder '{{{name}}}' in path '{p}' (known: {{interface}}, {{method}}, {{version}})"
            ));
        }
        rest = &rest[open + close + 1..];
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{check_path_template, is_host};

    #[test]
    fn hosts_are_plain_names_with_at_most_a_port() {
        for ok in ["api.steampowered.com", "localhost:8080", "a-b.example"] {
            assert!(is_host(ok), "{ok}");
        }
        for bad in [
            "", "a..b", "-a.b", "a.b:", "a.b:0", "a.b:+80", "u@a.b", "a.b/x", "a b",
        ] {
            assert!(!is_host(bad), "{bad}");
        }
    }

    #[test]
    fn paths_hold_no_query_fragment_or_dot_segments() {
        assert!(check_path_template("/{interface}/{method}/v{version}/").is_ok());
        for bad in [
            "x/", "/a?b", "/a#b", "/a b", "/a\tb", "/a/../b", "/./a", "/a/..",
        ] {
            assert!(check_path_template(bad).is_err(), "{bad}");
        }
    }
}
