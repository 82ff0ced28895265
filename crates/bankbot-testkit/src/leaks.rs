//! Looking for customer data in captured logs.

/// The first of `needles` found in `logs`. A needle that starts and ends with a digit
/// counts only where it is not part of a longer number, so that a timestamp
/// (`07:06:46.988765Z`) or a duration does not pass for an account's last four digits.
pub fn find_leak<'a>(logs: &str, needles: &[&'a str]) -> Option<&'a str> {
    needles
        .iter()
        .copied()
        .find(|needle| contains_standalone(logs, needle))
}

fn contains_standalone(haystack: &str, needle: &str) -> bool {
    let numeric = needle.starts_with(|c: char| c.is_ascii_digit())
        && needle.ends_with(|c: char| c.is_ascii_digit());
    if !numeric {
        return !needle.is_empty() && haystack.contains(needle);
    }
    haystack.match_indices(needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_inside_longer_numbers_are_not_leaks() {
        let logs = "2026-11-29T07:06:46.988765Z INFO handling intent=\"balance\" took 14321us";
        assert_eq!(find_leak(logs, &["8765", "4321", "1111"]), None);
        assert_eq!(find_leak("card ••4321 locked", &["4321"]), Some("4321"));
        assert_eq!(
            find_leak("balance $2,345.67.", &["2,345.67"]),
            Some("2,345.67")
        );
        assert_eq!(
            find_leak("user cust-alice", &["8765", "cust-alice"]),
            Some("cust-alice")
        );
        assert_eq!(find_leak("anything", &[""]), None);
    }
}
