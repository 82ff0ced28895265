//! Two banking requests the bot cannot do, read before any card or cash-machine reading
//! takes them: a travel notice ("tell you i'm travelling so my card doesn't get blocked" —
//! never a card lock) and a question about a card's own limits ("what is my daily
//! withdrawal limit", "atm limit" — the bank's data carries no card limits; a credit
//! card's credit limit is answered elsewhere). [`cues::unsupported`](crate::cues::unsupported)
//! asks these first.

use crate::cues::{Unsupported, fold};
use bankbot_core::has_padded_phrase;

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
    "withdraw",
    "withdrawing",
    "withdrawal",
    "withdrawals",
    "take out",
    "get out",
    "pull out",
    "retirer",
    "sortir",
    "retrait",
    "retraits",
];

/// What a card's own limit is on.
const LIMIT_ON: &[&str] = &[
    "atm",
    "cash",
    "daily",
    "per day",
    "a day",
    "spending",
    "purchase",
    "purchases",
    "debit",
    "card",
    "contactless",
    "paiement",
    "paiements",
];

/// The customer telling the bank about a trip, with no other request ("i travel to canada
/// tomorrow", "we're going on vacation next week").
const TRAVELLER: &[&str] = &[
    "i travel",
    "im travelling",
    "im traveling",
    "i'm travelling",
    "i'm traveling",
    "i am travelling",
    "i am traveling",
    "i will travel",
    "i will be travelling",
    "i will be traveling",
    "ill be travelling",
    "ill be traveling",
    "i'll be travelling",
    "i'll be traveling",
    "we travel",
    "we're travelling",
    "we're traveling",
    "were travelling",
    "we are travelling",
    "we are traveling",
    "going on a trip",
    "going on vacation",
    "going on holiday",
    "leaving for",
    "flying to",
    "je voyage",
    "je pars en voyage",
    "je pars en vacances",
    "on part en vacances",
    "nous partons",
];

/// Questions about a card working in another country.
const CARD_ABROAD: &[&str] = &[
    "will my card work in",
    "does my card work in",
    "card work in",
    "card works in",
    "can i use my card in",
    "use my card in",
    "use my card abroad",
    "use my card overseas",
    "use it abroad",
    "use it overseas",
    "use it outside the country",
    "use it outside the us",
    "use it in another country",
    "use them abroad",
    "use the card abroad",
    "use the visa abroad",
    "use my visa abroad",
    "use my debit card abroad",
    "use my credit card abroad",
    "use my visa overseas",
    "use the card overseas",
    "card work abroad",
    "card works abroad",
    "card work overseas",
    "visa work abroad",
    "visa works abroad",
    "it work abroad",
    "it works abroad",
    "cards work abroad",
    "use abroad",
    "use overseas",
    "utiliser ma carte a l'etranger",
    "l'utiliser a l'etranger",
    "ma carte marche a l'etranger",
    "ca marche a l'etranger",
    "ma carte marche a",
    "ma carte fonctionne a",
    "ma carte marche au",
    "ma carte fonctionne au",
    "ma carte marche en",
    "ma carte fonctionne en",
];

/// Whether a card will work somewhere later ("ma carte va tu marcher là-bas ?", "will my
/// visa work over there"): with `CARD` and `AWAY`, the card-abroad answer.
const WILL_WORK: &[&str] = &[
    "va marcher",
    "va tu marcher",
    "va t'elle marcher",
    "va t elle marcher",
    "va fonctionner",
    "va t elle fonctionner",
    "va tu fonctionner",
    "marchera",
    "fonctionnera",
    "va passer",
    "passera",
    "will work",
    "will it work",
    "gonna work",
    "going to work",
    "work there",
    "work over there",
];

/// A card named, for `WILL_WORK`.
const CARD: &[&str] = &[
    "carte", "cartes", "cb", "visa", "card", "cards", "debit", "credit", "elle", "it",
];

/// Somewhere away, for `WILL_WORK`.
const AWAY: &[&str] = &[
    "la bas",
    "a l'etranger",
    "a letranger",
    "au",
    "aux",
    "en",
    "abroad",
    "overseas",
    "there",
    "over there",
    "in",
];

/// Use of a card outside the country, as Indian and formal English name it ("kindly
/// activate international usage on my card").
const INTERNATIONAL_USE: &[&str] = &[
    "international usage",
    "international use",
    "international transaction",
    "international transactions",
    "international payments",
    "international payment",
    "international txn",
    "international txns",
    "international",
    "intl usage",
    "intl transactions",
    "overseas usage",
    "overseas transactions",
    "foreign usage",
    "foreign transactions",
    "usage abroad",
];

/// Switching a card feature on.
const SWITCH_ON: &[&str] = &[
    "activate",
    "enable",
    "turn on",
    "switch on",
    "allow",
    "unblock",
    "start",
];

/// Another request in the same message: then the trip is only context.
const OTHER_REQUEST: &[&str] = &[
    "atm",
    "atms",
    "cash",
    "machine",
    "withdraw",
    "spend",
    "spent",
    "spending",
    "transaction",
    "transactions",
    "balance",
    "lost",
    "stolen",
    "currency",
    "exchange",
    "distributeur",
    "solde",
    "depense",
    "depenses",
    "perdu",
    "vole",
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
    let any = |list: &[&str]| list.iter().any(|p| has_padded_phrase(&f, p));
    if (any(&[
        "travel notice",
        "travel notification",
        "travel alert",
        "travel plans",
        "avis de voyage",
    ]) || (any(TRAVEL) && any(NOTICE))
        || any(CARD_ABROAD)
        || (any(WILL_WORK) && any(CARD) && any(AWAY))
        || (any(INTERNATIONAL_USE) && any(SWITCH_ON))
        || (any(TRAVELLER) && !any(OTHER_REQUEST)))
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
    let limit = any(&["limit", "limits", "limite", "limites"]);
    if !credit
        && !any(RAISE)
        && (any(CARD_LIMIT)
            || (limit && (any(TAKE_OUT) || any(LIMIT_ON)))
            || (any(TAKE_OUT)
                && any(PER_DAY)
                && any(&[
                    "how much", "combien", "can i", "i can", "max", "maximum", "most",
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
            "i travel to canada tomorrow",
            "will my card work in japan",
            "ma carte va tu marcher là-bas ?",
            "est-ce que ma carte va marcher au maroc ?",
            "ma visa va t-elle fonctionner en espagne",
            "will my visa work over there?",
            "is my debit card gonna work in mexico",
            "ok what about the visa, can I use it abroad?",
            "does my debit card work abroad",
            "can i use my visa overseas",
            "kindly activate international usage on my card",
            "please enable international transactions on debit card",
            "how to turn on international usage",
        ] {
            assert_eq!(asked(t), Some(TravelNotice), "{t}");
        }
        assert!(
            asked("did any foreign transactions go through on my cards?").is_none(),
            "a question about the payments"
        );
        for t in [
            "what is my daily withdrawal limit",
            "atm limit",
            "how much can i withdraw per day",
            "whats the max i can take out a day",
            "what is the limit for withdrawing cash",
            "my daily limit",
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
            "im travelling to paris, find me an atm",
            "what's my limit",
            "",
        ] {
            assert_eq!(asked(t), None, "{t}");
        }
    }
}
