//! "one query regarding my credit card bill", "i have a doubt about my savings a/c",
//! "quick question: whats my balance": a question announced before it is asked. What
//! follows the announcement is the request; the announcement alone ("i have one query")
//! is left whole for the handlers, which invite the question.

/// Words that may come before the announcing noun: "i have one", "just a quick".
const LEAD: &[&str] = &[
    "i", "have", "i've", "ive", "got", "one", "a", "an", "small", "quick", "little", "simple",
    "short", "just", "there", "is", "there's", "theres", "hi", "hello", "hey", "sir", "madam",
    "dear", "team", "ok", "so", "also", "another", "more", "1", "j'ai", "jai", "une", "petite",
    "juste", "encore",
];

/// The nouns that announce a question.
const ANNOUNCING: &[&str] = &[
    "query",
    "queries",
    "question",
    "questions",
    "qn",
    "ques",
    "qstn",
    "doubt",
    "doubts",
    "enquiry",
    "inquiry",
];

/// What joins the announcement to its topic, longest first.
const JOINS: &[&str] = &[
    "related to",
    "relating to",
    "in regards to",
    "with regards to",
    "with regard to",
    "in regard to",
    "au sujet de",
    "a propos de",
    "à propos de",
    "regarding",
    "regards",
    "concerning",
    "about",
    "abt",
    "on",
    "re",
    "with",
    "for",
    "in",
    "sur",
    "concernant",
];

/// What follows a question announcement in `text` ("my credit card bill" in "one query
/// regarding my credit card bill"), if `text` opens with one and something follows.
pub(crate) fn topic(text: &str) -> Option<&str> {
    let lower = text.to_lowercase();
    let mut at = 0;
    let mut led = false;
    loop {
        let rest = &lower[at..];
        let word_start = rest.len() - rest.trim_start_matches([' ', ',']).len();
        let rest = &rest[word_start..];
        let word_len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .unwrap_or(rest.len());
        if word_len == 0 {
            return None;
        }
        let word = &rest[..word_len];
        at += word_start + word_len;
        if ANNOUNCING.contains(&word) {
            break;
        }
        if !LEAD.contains(&word) {
            return None;
        }
        led = true;
    }
    let spaced = lower[at..].trim_start();
    let rest = spaced.trim_start_matches([' ', ':', '-', ',', '.']);
    // "quick question: …": a mark closes the announcement.
    let marked = rest.len() < spaced.len();
    let skipped = lower.len() - at - rest.len();
    let topic_at = if let Some(join) = JOINS.iter().find(|j| {
        rest.starts_with(**j)
            && rest[j.len()..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_alphanumeric())
    }) {
        at + skipped + join.len()
    } else if marked && led {
        // "quick question: what's my balance"
        at + skipped
    } else {
        return None;
    };
    let topic = text
        .get(topic_at..)?
        .trim_start_matches([' ', ':', '-', ','])
        .trim();
    let words = topic.split_whitespace().count();
    (words >= 1 && led).then_some(topic)
}

#[cfg(test)]
mod tests {
    use super::topic;

    #[test]
    fn the_topic_after_the_announcement() {
        for (said, what) in [
            (
                "one query regarding my credit card bill",
                "my credit card bill",
            ),
            ("i have a doubt about my savings a/c", "my savings a/c"),
            ("quick question: whats my balance", "whats my balance"),
            (
                "I have one query related to my last transaction",
                "my last transaction",
            ),
            ("i have an enquiry on my debit card", "my debit card"),
            ("j'ai une question sur ma carte", "ma carte"),
        ] {
            assert_eq!(topic(said), Some(what), "{said}");
        }
        for said in [
            "i have a question",
            "one query",
            "question about",
            "i have an issue with my card",
            "what is the question",
            "my balance please",
            "problem with my card",
            "one query sir",
        ] {
            assert_eq!(topic(said), None, "{said}");
        }
    }
}
