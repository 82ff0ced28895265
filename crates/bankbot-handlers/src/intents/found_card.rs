//! "found my card", "it turned up", "j'ai retrouvé ma carte": news that a locked card is
//! back in hand is no order to unlock it. The customer is asked first ("unlock it?"),
//! while "unlock my card" / "débloque-la" (with or without the news) unlocks at once.

use crate::cues::fold;

/// Words saying the card is back in hand, each padded and folded.
const FOUND: &[&str] = &[
    " found ",
    " find it ",
    " turned up ",
    " turn up ",
    " showed up ",
    " got it back ",
    " have it back ",
    " retrouve ",
    " retrouvee ",
    " retrouver ",
    " remis la main ",
];

/// Words ordering the unlock itself, each padded and folded (prefixes of the forms).
const ORDER: &[&str] = &[
    " unlock",
    " unblock",
    " unfreeze",
    " reactivate",
    " re activate",
    " re enable",
    " reenable",
    " back on ",
    " unpause",
    " debloqu",
    " deblocage",
    " reactiv",
    " degel",
    " remet",
    " remettre",
    " rallume",
];

/// Words making the finding a supposition ("if i find it", "le temps que je la
/// retrouve"), each padded and folded: no news then.
const SUPPOSED: &[&str] = &[
    " if ",
    " when ",
    " once ",
    " until ",
    " till ",
    " si ",
    " s'il ",
    " quand ",
    " le temps que ",
    " lorsque ",
    " jusqu'a ",
    " en attendant ",
];

/// True when `text` says, as news, that the card is back in hand.
fn found(f: &str) -> bool {
    FOUND.iter().any(|w| f.contains(w)) && !SUPPOSED.iter().any(|w| f.contains(w))
}

/// True when `text` says the card was found without ordering its unlock.
pub(crate) fn news_only(text: &str) -> bool {
    let f = fold(text);
    found(&f)
        && !ORDER.iter().any(|w| f.contains(w))
        && !super::lock_order::back_on(&f)
        && !crate::cues::NOT_FOUND_AGAIN.iter().any(|w| f.contains(w))
}

/// True when `text` says the card was found and orders its unlock ("found it, turn it back
/// on"): an unlock, never a lock taken back.
pub(crate) fn with_unlock_order(text: &str) -> bool {
    let f = fold(text);
    found(&f) && (ORDER.iter().any(|w| f.contains(w)) || super::lock_order::back_on(&f))
}

/// Words naming a card, each padded and folded.
const CARD: &[&str] = &[" card ", " carte ", " cb ", " visa ", " debit ", " credit "];

/// True when `text` is about a card whatever came before ("my card turned up").
pub(crate) fn names_card(text: &str) -> bool {
    let f = fold(text);
    CARD.iter().any(|w| f.contains(w))
}

#[cfg(test)]
mod tests {
    use super::news_only;

    #[test]
    fn the_news_alone_asks_first() {
        for t in [
            "found my card",
            "i found it",
            "Found it!!",
            "my card turned up",
            "nvm found my debit card in my jacket",
            "j'ai retrouvé ma carte",
            "jai retrouve ma carte",
            "c bon je l'ai retrouvée",
            "ma visa est retrouvee",
            "got it back, my son had it",
        ] {
            assert!(news_only(t), "{t}");
        }
    }

    #[test]
    fn an_order_to_unlock_is_no_news_only() {
        for t in [
            "found my card, unlock it",
            "i found it can you unblock it",
            "unlock my card",
            "j'ai retrouvé ma carte, débloque-la",
            "retrouvée, tu peux la débloquer",
            "found it, turn it back on",
            "je l'ai retrouvée tu peux la réactiver",
            "je la retrouve plus",
            "still haven't found it",
            "if i find it can i unlock it?",
            "ok et si je la retrouve demain?",
            "mets la carte en pause le temps que je la retrouve",
        ] {
            assert!(!news_only(t), "{t}");
        }
    }
}
