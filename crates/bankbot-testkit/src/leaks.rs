//! Looking for customer data in captured logs.

/// The first of `needles` found in `logs`, after taking out what every log line carries
/// and a needle could match by chance: colour codes and the leading timestamp
/// (`2026-11-29T07:06:46.988765Z` contains `8765`, an account's last four digits).
/// Everything else counts, including a needle inside a longer number (a full account
/// number ending in the last four digits is a leak).
pub fn find_leak<'a>(logs: &str, needles: &[&'a str]) -> Option<&'a str> {
    let cleaned: String = strip_ansi(logs)
        .lines()
        .map(without_timestamp)
        .collect::<Vec<_>>()
        .join("\n");
    needles
        .iter()
        .copied()
        .find(|needle| !needle.is_empty() && cleaned.contains(needle))
}

/// Removes ANSI escape sequences (`ESC [ … letter`).
fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The line without a leading RFC 3339 timestamp (`2026-11-29T07:06:46.988765Z …`).
fn without_timestamp(line: &str) -> &str {
    let trimmed = line.trim_start();
    let (first, rest) = trimmed.split_once(' ').unwrap_or((trimmed, ""));
    let looks_like_time = first.len() >= 20
        && first.as_bytes().get(4) == Some(&b'-')
        && first.as_bytes().get(10) == Some(&b'T')
        && first.starts_with(|c: char| c.is_ascii_digit());
    if looks_like_time { rest } else { line }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_do_not_count_but_everything_else_does() {
        let logs = "\u{1b}[2m2026-11-29T07:06:46.988765Z\u{1b}[0m \u{1b}[32m INFO\u{1b}[0m handled\n\
                    2026-11-29T07:06:47.111111Z DEBUG handling intent=\"balance\"";
        assert_eq!(find_leak(logs, &["8765", "1111", "balance\" x"]), None);
        assert_eq!(find_leak("card ••4321 locked", &["4321"]), Some("4321"));
        assert_eq!(
            find_leak("2026-11-29T07:06:46.000000Z account 12344321", &["4321"]),
            Some("4321"),
            "a full number ending in the last four digits is a leak"
        );
        assert_eq!(
            find_leak("balance $2,345.67.", &["2,345.67"]),
            Some("2,345.67")
        );
        assert_eq!(find_leak("anything", &[""]), None);
    }
}
