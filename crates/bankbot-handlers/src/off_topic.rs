//! Messages about something other than banking: "any pizza place open?", "should i buy
//! bitcoin", "le bitcoin ça vaut quoi" — answered with the "I only do banking" line, not a
//! misunderstanding; and the Nigerian "how far" hello.

/// Topics the bank's assistant does not cover.
const TOPICS: &[&str] = &[
    "pizza",
    "burger",
    "recipe",
    "recette",
    "bitcoin",
    "bitcoins",
    "btc",
    "crypto",
    "cryptos",
    "ethereum",
    "dogecoin",
    "football",
    "foot",
    "soccer",
    "movie",
    "movies",
    "film",
    "films",
    "horoscope",
    "lottery",
    "loto",
];

/// Words that make it about the customer's money after all ("how much did i spend on
/// pizza", "bitcoin charge on my card").
const BANKING: &[&str] = &[
    "spend",
    "spent",
    "spending",
    "paid",
    "pay",
    "payment",
    "charge",
    "charged",
    "card",
    "account",
    "balance",
    "transaction",
    "transactions",
    "depense",
    "depenses",
    "paye",
    "payer",
    "paiement",
    "carte",
    "compte",
    "solde",
    "achat",
    "achats",
    "bought",
];

fn words(text: &str) -> Vec<String> {
    crate::cues::fold(text)
        .replace(['?', '!', ',', '.'], " ")
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// True when `text` is about a topic other than banking, with no word about the
/// customer's money or a figure.
pub(crate) fn asks(text: &str) -> bool {
    let words = words(text);
    words.iter().any(|w| TOPICS.contains(&w.as_str()))
        && !words.iter().any(|w| BANKING.contains(&w.as_str()))
        && !text
            .chars()
            .any(|c| c.is_ascii_digit() || c == '$' || c == '€')
}

/// True for the Nigerian "how far" hello, alone or with "bro", "o", "boss".
pub(crate) fn pidgin_hello(text: &str) -> bool {
    let words = words(text);
    words.windows(2).any(|p| p[0] == "how" && p[1] == "far")
        && words.iter().all(|w| {
            matches!(
                w.as_str(),
                "how" | "far" | "bro" | "o" | "oh" | "boss" | "na" | "my" | "guy" | "sis" | "oga"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::{asks, pidgin_hello};

    #[test]
    fn other_topics() {
        for text in [
            "any pizza place open?",
            "should i buy bitcoin",
            "le bitcoin ca vaut quoi",
            "tu connais une bonne recette",
            "who won the football",
        ] {
            assert!(asks(text), "{text}");
        }
        for text in [
            "how much did i spend on pizza",
            "bitcoin charge on my card",
            "combien j'ai dépensé en crypto",
            "whats my balance",
        ] {
            assert!(!asks(text), "{text}");
        }
    }

    #[test]
    fn how_far_hello() {
        assert!(pidgin_hello("how far"));
        assert!(pidgin_hello("How far bro"));
        assert!(!pidgin_hello("how far is the atm"));
    }
}
