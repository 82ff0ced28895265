//! Numbered placeholders (`$1, $2, …`) for statements whose length depends on the input
//! (lists of users, multi-row inserts); both backends accept `$n`.
//!
//! The text is built first and the values are bound onto `sqlx::query(&text)`. sqlx's
//! `QueryBuilder` keeps text and values in one value, which code generic over the database
//! cannot run: the builder would have to stay borrowed for as long as its own argument
//! lifetime, past its drop (E0597).

use std::fmt::Write;

/// `$first, $first+1, …`: `n` placeholders.
pub(crate) fn list(first: usize, n: usize) -> String {
    let mut text = String::with_capacity(n * 6);
    for i in 0..n {
        if i > 0 {
            text.push_str(", ");
        }
        // Writing to a String cannot fail.
        let _ = write!(text, "${}", first + i);
    }
    text
}

/// `($1, $2), ($3, $4), …`: `rows` tuples of `cols` placeholders, numbered from `$1`.
pub(crate) fn tuples(rows: usize, cols: usize) -> String {
    tuples_from(1, rows, cols)
}

/// As [`tuples`], numbered from `$first` (the statement binds others before them).
pub(crate) fn tuples_from(first: usize, rows: usize, cols: usize) -> String {
    let mut text = String::with_capacity(rows * (cols * 6 + 4));
    for row in 0..rows {
        if row > 0 {
            text.push_str(", ");
        }
        text.push('(');
        text.push_str(&list(first + row * cols, cols));
        text.push(')');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_number_from_the_first_placeholder() {
        assert_eq!(list(1, 3), "$1, $2, $3");
        assert_eq!(list(4, 1), "$4");
        assert_eq!(list(1, 0), "");
    }

    #[test]
    fn tuples_number_across_rows() {
        assert_eq!(tuples(2, 3), "($1, $2, $3), ($4, $5, $6)");
        assert_eq!(tuples(1, 1), "($1)");
        assert_eq!(tuples_from(2, 2, 2), "($2, $3), ($4, $5)");
    }
}
