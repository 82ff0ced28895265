//! Words typed by ear that the intent engine misreads: "wats my ballence" was read as a
//! card lock (and started "Which card do you want to lock?"), "ballance pls" as a balance.
//! A word two slips or fewer from "balance", in a message that says nothing of cards or
//! locking, asks for the balance whatever the engine leaned to.

use crate::cues::fold;

/// The word heard, and the most letters a spelling by ear may get wrong in it.
const BALANCE: &str = "balance";
const MAX_SLIPS: usize = 2;

/// Words of a card or of locking one: with one of them, the engine's reading stands.
const CARD_WORDS: &[&str] = &[
    "lock", "locked", "block", "blocked", "freeze", "frozen", "card", "cards", "visa", "debit",
    "stolen", "stole", "lost", "transfer", "bloquer", "carte",
];

/// True when `text` asks for a balance with the word misspelt ("wats my ballence", "my
/// balence pls", "blance?") and names no card nor a lock.
pub(crate) fn asks_balance(text: &str) -> bool {
    let folded = fold(text);
    let words: Vec<&str> = folded.split_whitespace().collect();
    if words.iter().any(|w| CARD_WORDS.contains(w)) {
        return false;
    }
    words.iter().any(|w| sounds_like_balance(w))
}

/// "ballence", "balence", "ballans", "blance" (not "balance" itself, which the engine reads).
fn sounds_like_balance(word: &str) -> bool {
    let word = word.strip_suffix('s').unwrap_or(word);
    word != BALANCE
        && word.starts_with('b')
        && (5..=9).contains(&word.len())
        && slips(word, BALANCE) <= MAX_SLIPS
}

/// The letters added, dropped or changed between `a` and `b` (Levenshtein distance).
fn slips(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::asks_balance;

    #[test]
    fn balance_typed_by_ear() {
        for t in [
            "wats my ballence",
            "whats my balence",
            "balnce pls",
            "my blance?",
            "hw much is my ballance in savins",
            "Kindly inform me of my ballence",
            "balanse",
            "ballences",
        ] {
            assert!(asks_balance(t), "{t}");
        }
    }

    #[test]
    fn other_words_and_card_requests_are_not() {
        for t in [
            "what's my balance",
            "lock my card",
            "ballence transfer to my visa",
            "i lost my card, ballence?",
            "ballet tickets",
            "black friday",
            "balcony",
        ] {
            assert!(!asks_balance(t), "{t}");
        }
    }
}
