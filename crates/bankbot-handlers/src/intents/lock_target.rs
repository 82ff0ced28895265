//! The card a lock order names after its verb: "im only taking the visa to mexico, should i
//! lock the debit card" means the debit card, whatever card the sentence spoke of before;
//! "bloque ma mastercard" with no Mastercard is a card the customer does not have.

use bankbot_core::Card;

use crate::cues::fold;
use crate::intents::card_named::{Named, pick};

/// Lock verbs, each padded; the card named after the last one is the card to lock.
const LOCK_VERBS: &[&str] = &[
    " lock ",
    " block ",
    " freeze ",
    " suspend ",
    " deactivate ",
    " disable ",
    " bloque ",
    " bloquez ",
    " bloquer ",
    " bloques ",
    " verrouille ",
    " verrouiller ",
    " gele ",
    " geler ",
    " gelez ",
    " desactive ",
    " desactiver ",
    " suspendre ",
    " opposition ",
];

/// Words that end the lock order's clause, each padded: "freeze it while i check my car"
/// names no card ("check" there is no checking card).
const CLAUSE_ENDS: &[&str] = &[
    " while ",
    " because ",
    " cause ",
    " until ",
    " till ",
    " if ",
    " since ",
    " when ",
    " and ",
    " but ",
    " so ",
    " pendant ",
    " parce ",
    " jusqu ",
    " le temps ",
    " si ",
    " car ",
    " quand ",
    " et ",
    " mais ",
    " comme ",
];

/// The card named by brand, debit or credit, or digits after the last lock verb in `text`:
/// one of `cards`, or one the customer does not have. `None` when no lock verb, or no card
/// named after it ("lock it", "lock my card").
pub(crate) fn after_verb(text: &str, cards: &[Card]) -> Option<Named> {
    let f = fold(text);
    let start = LOCK_VERBS
        .iter()
        .filter_map(|v| f.rfind(v).map(|i| i + v.len()))
        .max()?;
    let rest = &f[start - 1..];
    let end = CLAUSE_ENDS
        .iter()
        .filter_map(|w| rest.find(w))
        .min()
        .unwrap_or(rest.len());
    let rest = &rest[..end];
    let words: Vec<&str> = rest.split_whitespace().collect();
    match pick(&words, rest, cards)? {
        Named::Unclear => None,
        named => Some(named),
    }
}

/// Someone else named as the card's holder, each padded and folded.
const SOMEONE_ELSES: &[&str] = &[
    " sa ",
    " son ",
    " her ",
    " his ",
    " their ",
    " ma femme ",
    " mon mari ",
    " ma fille ",
    " mon fils ",
    " ma mere ",
    " mon pere ",
    " my wife ",
    " my husband ",
    " my son ",
    " my daughter ",
    " my mom ",
    " my mum ",
    " my dad ",
    " wife's ",
    " husband's ",
];

/// "ma femme a perdu sa mastercard" with no Mastercard: a brand the customer has no card
/// of, said with someone else as its holder.
pub(crate) fn someone_elses(text: &str, cards: &[Card]) -> bool {
    let f = fold(text);
    let words: Vec<&str> = f.split_whitespace().collect();
    let brand_only: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| crate::intents::card_named::is_brand(w))
        .collect();
    !brand_only.is_empty()
        && SOMEONE_ELSES.iter().any(|w| f.contains(w))
        && pick(&brand_only, "", cards) == Some(Named::NotTheirs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bankbot_core::{AccountId, CardId, CardKind, MaskedNumber};

    fn card(id: &str, name: &str, last4: &str, kind: CardKind) -> Card {
        Card {
            id: CardId::new(id),
            display_name: name.into(),
            last4: MaskedNumber::new(last4).unwrap(),
            kind,
            locked: false,
            account_id: AccountId::new("a"),
        }
    }

    fn alice() -> Vec<Card> {
        vec![
            card("d", "Debit card", "9876", CardKind::Debit),
            card("v", "Cash Back Visa", "1111", CardKind::Credit),
        ]
    }

    fn id(n: Option<Named>) -> Option<String> {
        match n {
            Some(Named::One(c)) => Some(c.id.to_string()),
            _ => None,
        }
    }

    #[test]
    fn card_after_the_verb_wins() {
        let cards = alice();
        for (text, want) in [
            (
                "im only taking the visa to mexico, should i lock the debit card",
                "d",
            ),
            ("taking my debit only, block the visa pls", "v"),
            ("je pars avec la visa, bloque la carte de debit", "d"),
            ("lock the one ending 1111", "v"),
            ("freeze my credit card", "v"),
        ] {
            assert_eq!(
                id(after_verb(text, &cards)).as_deref(),
                Some(want),
                "{text}"
            );
        }
    }

    #[test]
    fn someone_elses_card() {
        let cards = alice();
        assert!(someone_elses("ma femme a perdu sa mastercard", &cards));
        assert!(someone_elses("my husband lost his amex", &cards));
        assert!(!someone_elses("my wife lost her visa", &cards));
        assert!(!someone_elses("i lost my mastercard", &cards));
    }

    #[test]
    fn nothing_named_after_the_verb() {
        let cards = alice();
        assert_eq!(after_verb("my visa is gone, lock it", &cards), None);
        assert_eq!(after_verb("lock my card", &cards), None);
        assert_eq!(after_verb("my debit card", &cards), None);
        assert_eq!(
            after_verb("can you freeze it while i check my car", &cards),
            None
        );
        assert_eq!(
            after_verb("bloque ma mastercard", &cards),
            Some(Named::NotTheirs)
        );
    }
}
