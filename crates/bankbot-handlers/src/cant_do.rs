//! Two banking requests the bot cannot do, read before any card or cash-machine reading
//! takes them: a travel notice ("tell you i'm travelling so my card doesn't get blocked" —
//! never a card lock) and a question about a card's own limits ("what is my daily
//! withdrawal limit", "atm limit" — the bank's data carries no card limits; a credit
//! card's credit limit is answered elsewhere). [`cues::unsupported`](crate::cues::unsupported)
//! asks these first.

use crate::cues::{Unsupported, fold};

/// Words of travel.
const TRAVEL: &[&str] = &[
    "travel",
    "travels",
    "traveling",
    "travelling",
    "traveled",
    "travelled",
    "travelng",
    "travling",
    "trip",
    "abroad",
    "overseas",
    "vacation",
    "vacay",
    "holiday",
    "holidays",
    "out of the country",
    "out of country",
    "out of town",
    "going to",
    "flying to",
    "heading to",
    "visiting",
    "voyage",
    "voyager",
    "voyagez",
    "vacances",
    "a l'etranger",
    "a letranger",
    "en deplacement",
    "je pars",
];

/// Words that say the card should keep working, or ask for a notice.
const NOTICE: &[&str] = &[
    "notice",
    "notify",
    "notification",
    "let you know",
    "tell you",
    "telling you",
    "inform",
    "heads up",
    "doesnt get blocked",
    "doesn't get blocked",
    "don't get blocked",
    "dont get blocked",
    "won't get blocked",
    "wont get blocked",
    "not get blocked",
    "doesnt get declined",
    "doesn't get declined",
    "dont block",
    "don't block",
    "do not block",
    "dont freeze",
    "don't freeze",
    "not blocked",
    "not declined",
    "not be blocked",
    "won't be blocked",
    "wont be blocked",
    "still work",
    "keep working",
    "card works",
    "card work",
    "card to work",
    "card working",
    "make sure",
    "will my card work",
    "can i use my card",
    "use my card",
    "prevenir",
    "previens",
    "prevenez",
    "avertir",
    "signaler mon voyage",
    "pas bloquee",
    "pas bloque",
    "bloquez pas",
    "bloque pas",
    "fonctionne",
    "marche",
];

/// Words that say the card is gone: then it is a lock, travel or not.
const GONE: &[&str] = &[
    "lost", "stolen", "missing", "fraud", "hacked", "robbed", "perdu", "perdue", "vole", "volee",
    "piratee", "fraude",
];

/// Words of a card's own limits (not the credit limit).
const CARD_LIMIT: &[&str] = &[
    "withdrawal limit",
    "withdrawl limit",
    "withdraw limit",
    "atm limit",
    "cash limit",
    "daily limit",
    "daily withdrawal",
    "spending limit",
    "purchase limit",
    "debit limit",
    "debit card limit",
    "card limit",
    "transaction limit",
    "contactless limit",
    "limite de retrait",
    "limite de paiement",
];

/// Ways of asking how much can be taken out per day.
const PER_DAY: &[&str] = &[
    "per day", "a day", "each day", "daily", "max", "maximum", "most", "par jour", "maximum",
];

const TAKE_OUT: &[&str] = &[
    "withdraw", "take out", "get out", "pull out", "retirer", "sortir",
];

const RAISE: &[&str] = &[
    "increase",
    "raise",
    "higher",
    "augmenter",
    "relever",
    "change my",
    "lift",
    "bump",
];

/// The request read here, if any.
pub(crate) fn asked(text: &str) -> Option<Unsupported> {
    let f = fold(text);
    let any = |list: &[&str]| list.iter().any(|p| f.contains(&format!(" {p} ")));
    if (any(&[
        "travel notice",
        "travel notification",
        "travel alert",
        "travel plans",
        "avis de voyage",
    ]) || (any(TRAVEL) && any(NOTICE)))
        && !any(GONE)
    {
        return Some(Unsupported::TravelNotice);
    }
    let credit = any(&[
        "credit",
        "visa",
        "mastercard",
        "amex",
        "overdraft",
        "decouvert",
    ]);
    if !credit
        && !any(RAISE)
        && (any(CARD_LIMIT)
            || (any(TAKE_OUT)
                && any(PER_DAY)
                && any(&[
                    "how much", "combien", "limit", "can i", "i can", "max", "maximum", "most",
                ])))
    {
        return Some(Unsupported::LimitInfo);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::asked;
    use crate::cues::Unsupported::*;

    #[test]
    fn travel_notices_and_limit_questions() {
        for t in [
            "tell you i'm travelling so my card doesn't get blocked",
            "im going to france next week, dont block my card",
            "travel notice",
            "going abroad, will my card work there?",
            "je pars en vacances au maroc, prevenez pour que ma carte soit pas bloquee",
        ] {
            assert_eq!(asked(t), Some(TravelNotice), "{t}");
        }
        for t in [
            "what is my daily withdrawal limit",
            "atm limit",
            "how much can i withdraw per day",
            "whats the max i can take out a day",
        ] {
            assert_eq!(asked(t), Some(LimitInfo), "{t}");
        }
    }

    #[test]
    fn other_requests_are_not() {
        for t in [
            "i lost my card while travelling",
            "block my card it was stolen on my trip",
            "what's my credit limit",
            "increase my limit",
            "find an atm in paris",
            "how much did i spend on my trip",
            "",
        ] {
            assert_eq!(asked(t), None, "{t}");
        }
    }
}
