//! The card the last answer was about, for a lock order that points back at it: "is my
//! debit card locked" then "lock it", « ma visa elle est bloquée ? » then « bloque-la »,
//! "where was my visa used" then "freeze it" lock that card, not "which card?". Also "where
//! was my visa used", « où j'ai utilisé ma carte » asked: that card's payments, not a fraud
//! report or a lock offer.

use bankbot_core::AccountKind;

use crate::cues::fold;

/// Words pointing back at the card just spoken of, each padded and folded.
const BACK: &[&str] = &[
    " it ",
    " itt ",
    " that ",
    " this ",
    " that one ",
    " this one ",
    " the same ",
    " la ",
    " -la ",
    " celle-la ",
    " celle la ",
    " celle-ci ",
    " elle ",
];

/// True when a lock order names its card only by pointing back ("lock it", "ok block that
/// one", « bloque-la »).
pub(crate) fn points_back(text: &str) -> bool {
    let f = fold(text).replace('-', " -");
    BACK.iter().any(|w| f.contains(w))
}

/// The kind of card the turn's own words named, kept for the next turn when the turn was
/// about cards or money on one account; `None` otherwise.
pub(crate) fn kept(
    named: Option<AccountKind>,
    turn: Option<bankbot_core::IntentId>,
) -> Option<AccountKind> {
    use bankbot_core::IntentId as I;
    let about_money = matches!(
        turn,
        Some(I::CardLock | I::Transactions | I::SpendingSummary | I::Balance | I::ReportFraud)
    );
    named.filter(|k| about_money && matches!(k, AccountKind::CreditCard | AccountKind::Checking))
}

/// Past uses of the card: "where was my visa used", "where did i use my debit card", « où
/// j'ai utilisé ma carte », « ma visa a servi où ».
const USED: &[&str] = &[
    " used ",
    " swiped ",
    " did i use ",
    "ai utilise",
    "a utilise",
    "ete utilise",
    " a servi ",
    "ai paye avec ",
];

/// What makes "used" a possibility, not a past use ("where can it be used").
const NOT_PAST: &[&str] = &[
    " can ",
    " could ",
    " be used ",
    " get used ",
    " peut ",
    " peux ",
];

/// Where-words of such a question.
const WHERE: &[&str] = &[
    " where ",
    " wher ",
    " were ",
    " what shops ",
    " what places ",
    " which shops ",
    " which places ",
    " ou ",
    " quels magasins ",
    " quels endroits ",
];

/// Card words.
const CARD: &[&str] = &[
    " card ",
    " visa ",
    " debit ",
    " carte ",
    " cb ",
    " mastercard ",
];

/// Doubts about the use, left to the fraud path ("where was my visa used i didnt buy
/// that").
const DOUBT: &[&str] = &[
    " not me ",
    " wasnt me ",
    " wasn't me ",
    " didnt ",
    " didn't ",
    " stolen ",
    " someone ",
    " somebody ",
    " pas moi ",
    " vole ",
    " quelqu'un ",
];

/// "where was my visa used", « où j'ai utilisé ma carte » : the card's past payments asked.
pub(crate) fn asks_where_used(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    has(USED) && has(WHERE) && has(CARD) && !has(DOUBT) && !has(NOT_PAST)
}

/// The account of the one card `text` names among `cards` ("my visa", « ma cb »), if one.
pub(crate) fn account_named(text: &str, cards: &[bankbot_core::Card]) -> Option<AccountKind> {
    let f = fold(text);
    let words: Vec<&str> = f.split_whitespace().collect();
    match super::card_named::pick(&words, &f, cards)? {
        super::card_named::Named::One(card) => Some(super::cards::account_of(&card)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_orders_pointing_back() {
        assert!(points_back("lock it"));
        assert!(points_back("ok block that one"));
        assert!(points_back("bloque-la"));
        assert!(!points_back("lock my card"));
    }

    #[test]
    fn where_used() {
        assert!(asks_where_used("where was my visa used"));
        assert!(asks_where_used("où j'ai utilisé ma carte"));
        assert!(!asks_where_used("where can i use my visa"));
        assert!(!asks_where_used("where can my visa be used"));
        assert!(asks_where_used("wher did i use my debit card last"));
        assert!(!asks_where_used("where was my visa used i didnt buy that"));
    }
}
