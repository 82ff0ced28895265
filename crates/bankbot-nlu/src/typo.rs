//! One slip of the keyboard between two words: a letter dropped, added or changed, or two
//! neighbours swapped ("amazn", "netflx", "walmrat"). Used to read a misspelt merchant
//! name when no name matches exactly.

/// Words shorter than this are never corrected: one edit from a short word lies too much.
pub(crate) const MIN_LEN: usize = 6;

/// True when `typed` is exactly one edit from `known` (both lower case; equal is false).
/// Runs for every word against every merchant name on each parse that names no merchant,
/// so the common ASCII case compares bytes without allocating.
pub(crate) fn one_edit_apart(typed: &str, known: &str) -> bool {
    if typed == known {
        return false;
    }
    if typed.is_ascii() && known.is_ascii() {
        return one_edit(typed.as_bytes(), known.as_bytes());
    }
    let a: Vec<char> = typed.chars().collect();
    let b: Vec<char> = known.chars().collect();
    one_edit(&a, &b)
}

/// One insertion, deletion, substitution or swap of neighbours turns `a` into `b`.
fn one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Less => ra == &rb[1..],
        std::cmp::Ordering::Greater => &ra[1..] == rb,
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::one_edit_apart;

    #[test]
    fn one_slip_is_one_edit() {
        for (typed, known) in [
            ("amazn", "amazon"),
            ("amazon", "amazn"),
            ("netflx", "netflix"),
            ("amzaon", "amazon"),
            ("spotfy", "spotify"),
            ("walmsrt", "walmart"),
        ] {
            assert!(one_edit_apart(typed, known), "{typed} / {known}");
        }
    }

    #[test]
    fn more_than_one_slip_or_none_is_not() {
        for (typed, known) in [
            ("amazon", "amazon"),
            ("amazing", "amazon"),
            ("amz", "amazon"),
            ("target", "tarot"),
        ] {
            assert!(!one_edit_apart(typed, known), "{typed} / {known}");
        }
    }
}
