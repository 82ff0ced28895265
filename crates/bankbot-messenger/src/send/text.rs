//! Messenger's length limits: cutting on char boundaries and splitting long texts.

/// Longest text message, in characters.
pub const MAX_TEXT_CHARS: usize = 2000;

/// The first `max` characters of `s` (never splits a UTF-8 sequence).
pub fn truncate_chars(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((idx, _)) => s.get(..idx).unwrap_or(s),
        None => s,
    }
}

/// Splits `text` into pieces of at most `max` characters, preferring to cut after a
/// sentence end (`.`, `!`, `?`, `…` followed by whitespace, or a newline), then at
/// whitespace, and only as a last resort inside a word. Pieces are trimmed; empty pieces
/// are dropped. Text already within the limit is returned as one piece, untouched.
pub fn split_text(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    if text.chars().count() <= max {
        return vec![text.to_owned()];
    }
    let mut pieces = Vec::new();
    let mut rest = text.trim_start();
    while !rest.is_empty() {
        let window_end = match rest.char_indices().nth(max) {
            Some((idx, _)) => idx,
            None => {
                push_trimmed(&mut pieces, rest);
                break;
            }
        };
        let window = rest.get(..window_end).unwrap_or(rest);
        let cut = sentence_cut(window)
            .or_else(|| word_cut(window))
            .unwrap_or(window_end);
        let (head, tail) = rest.split_at(cut);
        push_trimmed(&mut pieces, head);
        rest = tail.trim_start();
    }
    pieces
}

fn push_trimmed(pieces: &mut Vec<String>, s: &str) {
    let t = s.trim();
    if !t.is_empty() {
        pieces.push(t.to_owned());
    }
}

/// Byte index just after the last sentence end in the second half of `window`.
fn sentence_cut(window: &str) -> Option<usize> {
    let half = window.len() / 2;
    let mut best = None;
    let mut prev: Option<(usize, char)> = None;
    for (idx, c) in window.char_indices() {
        if c == '\n' && idx > half {
            best = Some(idx + 1);
        }
        if let Some((pidx, p)) = prev
            && matches!(p, '.' | '!' | '?' | '…')
            && c.is_whitespace()
            && pidx > half
        {
            best = Some(idx);
        }
        prev = Some((idx, c));
    }
    best.filter(|&b| b > 0)
}

/// Byte index of the last whitespace in `window` (after its first character).
fn word_cut(window: &str) -> Option<usize> {
    window
        .char_indices()
        .rev()
        .find(|&(idx, c)| idx > 0 && c.is_whitespace())
        .map(|(idx, _)| idx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_on_char_boundaries() {
        assert_eq!(truncate_chars("Épargne €€€", 8), "Épargne ");
        assert_eq!(truncate_chars("abc", 20), "abc");
        assert_eq!(truncate_chars("👍👍👍", 2), "👍👍");
    }

    #[test]
    fn splits_at_sentences_then_words() {
        let text = "First sentence here. Second one is longer than that.";
        assert_eq!(
            split_text(text, 30),
            vec!["First sentence here.", "Second one is longer than", "that."]
        );
        let long = "é".repeat(4500);
        let parts = split_text(&long, MAX_TEXT_CHARS);
        assert_eq!(parts.len(), 3);
        assert!(parts.iter().all(|p| p.chars().count() <= MAX_TEXT_CHARS));
        assert_eq!(parts.concat(), long);
    }

    #[test]
    fn short_text_is_untouched() {
        assert_eq!(split_text(" hi ", 2000), vec![" hi "]);
    }
}
