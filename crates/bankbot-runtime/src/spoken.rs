//! A message as it was meant before it is read: voice dictation and texting habits that
//! no reading should see as words.
//!
//! - Dictated punctuation: "whats my balance question mark", "show my transactions comma
//!   last week full stop" (the words become the marks).
//! - "ATM" heard as letters or a number: "a TM near Reno Nevada", "A.T.M.", "a t m",
//!   "an 80 M near me" (the place was read as "TM", or nothing was found).
//! - Intensifiers closing a message: "how much cash i got fr", "fr fr", "no cap", "ong"
//!   ("fr" was read as a date and the balance asked became a cash-withdrawal search).
//!
//! Nothing else is changed: a message without these comes back as `None`.

/// Dictated punctuation words and the mark each stands for (whole words only).
const DICTATED: &[(&str, &str)] = &[
    ("question mark", "?"),
    ("full stop", "."),
    ("exclamation mark", "!"),
    ("exclamation point", "!"),
    ("comma", ","),
];

/// Words closing a message that only insist ("for real", "on god", "no lie").
const INTENSIFIERS: &[&str] = &[
    "fr fr", "frfr", "fr", "no cap", "ong", "deadass", "fr tho", "tho", "for real",
];

/// What may follow an "ATM" spoken as letters or a number.
const ATM_NEXT: &[&str] = &[
    "near", "nearby", "around", "close", "closest", "nearest", "by", "in", "at", "on", "machine",
    "machines", "open", "that", "which", "with", "where", "pls", "please", "?",
];

/// What may follow "80 M" for it to be an ATM (a number otherwise: "80 m on stuff").
const ATM_NEXT_AFTER_NUMBER: &[&str] = &["near", "nearby", "around", "close", "closest", "machine"];

/// The message as meant, when dictation or texting changed it.
pub(crate) fn meant(text: &str) -> Option<String> {
    let mut words: Vec<String> = text.split_whitespace().map(str::to_owned).collect();
    let before = words.clone();
    punctuation(&mut words);
    atm(&mut words);
    intensifiers(&mut words);
    (words != before && !words.is_empty()).then(|| join(&words))
}

fn bare(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// "balance question mark" → "balance?".
fn punctuation(words: &mut Vec<String>) {
    let mut i = 0;
    while i < words.len() {
        let found = DICTATED.iter().find_map(|(phrase, mark)| {
            let parts: Vec<&str> = phrase.split(' ').collect();
            let fits = i > 0
                && i + parts.len() <= words.len()
                && parts
                    .iter()
                    .enumerate()
                    .all(|(k, p)| bare(&words[i + k]) == *p);
            fits.then_some((parts.len(), *mark))
        });
        match found {
            Some((n, mark)) => {
                words.drain(i..i + n);
                words[i - 1].push_str(mark);
            }
            None => i += 1,
        }
    }
}

/// "a TM", "a t m", "A.T.M.", "an 80 M" before a place word → "ATM".
fn atm(words: &mut Vec<String>) {
    let mut i = 0;
    while i < words.len() {
        let next_ok = |j: usize| {
            j >= words.len() || ATM_NEXT.contains(&bare(&words[j]).as_str()) || words[j] == "?"
        };
        let next_place =
            |j: usize| j < words.len() && ATM_NEXT_AFTER_NUMBER.contains(&bare(&words[j]).as_str());
        let w = bare(&words[i]);
        // "A.T.M." / "a.t.m": the letters with dots.
        if words[i].to_lowercase().trim_end_matches(['?', '!', ',']) == "a.t.m."
            || words[i].to_lowercase().trim_end_matches(['?', '!', ',']) == "a.t.m"
        {
            let tail: String = words[i]
                .chars()
                .rev()
                .take_while(|c| "?!,".contains(*c))
                .collect();
            words[i] = format!("ATM{}", tail.chars().rev().collect::<String>());
            i += 1;
            continue;
        }
        let span =
            if w == "a" && i + 1 < words.len() && bare(&words[i + 1]) == "tm" && next_ok(i + 2) {
                Some(2)
            } else if w == "a"
                && i + 2 < words.len()
                && bare(&words[i + 1]) == "t"
                && bare(&words[i + 2]) == "m"
                && next_ok(i + 3)
            {
                Some(3)
            } else if w == "80"
                && !words[i].starts_with(['$', '£', '€'])
                && i + 1 < words.len()
                && bare(&words[i + 1]) == "m"
                && next_place(i + 2)
            {
                Some(2)
            } else if w == "80m" && next_place(i + 1) && !words[i].starts_with(['$', '£', '€']) {
                Some(1)
            } else {
                None
            };
        match span {
            Some(n) => {
                let last = &words[i + n - 1];
                let tail: String = last
                    .chars()
                    .rev()
                    .take_while(|c| "?!,.".contains(*c))
                    .collect();
                let atm = format!("ATM{}", tail.chars().rev().collect::<String>());
                // "a TM" is "an ATM" heard: the article is kept, as it was meant.
                let mut with: Vec<String> = Vec::new();
                if w == "a"
                    && !(i > 0 && matches!(bare(&words[i - 1]).as_str(), "an" | "a" | "the"))
                {
                    with.push("an".to_owned());
                }
                with.push(atm);
                let added = with.len();
                words.splice(i..i + n, with);
                i += added;
            }
            None => i += 1,
        }
    }
}

/// "how much cash i got fr" → "how much cash i got".
fn intensifiers(words: &mut Vec<String>) {
    loop {
        let n = words.len();
        let cut = INTENSIFIERS.iter().find_map(|phrase| {
            let parts: Vec<&str> = phrase.split(' ').collect();
            let k = parts.len();
            (n > k + 1
                && parts
                    .iter()
                    .enumerate()
                    .all(|(j, p)| bare(&words[n - k + j]) == *p))
            .then_some(k)
        });
        match cut {
            Some(k) => {
                let marks: String = words[n - 1].chars().filter(|c| "?!".contains(*c)).collect();
                words.truncate(n - k);
                if let Some(last) = words.last_mut() {
                    last.push_str(&marks);
                }
            }
            None => return,
        }
    }
}

fn join(words: &[String]) -> String {
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::meant;

    #[test]
    fn dictated_punctuation_becomes_marks() {
        assert_eq!(
            meant("whats my balance question mark").as_deref(),
            Some("whats my balance?")
        );
        assert_eq!(
            meant("show my transactions comma last week full stop").as_deref(),
            Some("show my transactions, last week.")
        );
        assert_eq!(meant("comma"), None);
    }

    #[test]
    fn atm_heard_as_letters_or_a_number() {
        assert_eq!(
            meant("a TM near Reno Nevada").as_deref(),
            Some("an ATM near Reno Nevada")
        );
        assert_eq!(
            meant("is there an 80 M near reno nevada").as_deref(),
            Some("is there an ATM near reno nevada")
        );
        assert_eq!(
            meant("where's the nearest A.T.M.?").as_deref(),
            Some("where's the nearest ATM?")
        );
        assert_eq!(
            meant("a t m near union square").as_deref(),
            Some("an ATM near union square")
        );
        assert_eq!(meant("find me a TM").as_deref(), Some("find me an ATM"));
        assert_eq!(meant("i spent 80 m on stuff"), None);
        assert_eq!(meant("payments over 80"), None);
    }

    #[test]
    fn closing_intensifiers_are_dropped() {
        assert_eq!(
            meant("how much cash i got fr").as_deref(),
            Some("how much cash i got")
        );
        assert_eq!(
            meant("how much money i got fr fr?").as_deref(),
            Some("how much money i got?")
        );
        assert_eq!(meant("fr"), None);
        assert_eq!(meant("balance"), None);
    }
}
