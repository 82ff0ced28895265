//! Which card a short answer names, to "which card?" or "lock your Visa?": "la visa",
//! "ma débit", "the credit one", "celle qui finit par 1111", or just "la cb", "ma carte
//! bleue", "that card" (a card, without saying which), read against the customer's own
//! cards (brand, debit or credit, last four digits), and the answer to it: the card asked
//! about is locked, another card is asked about instead, a card they do not have is said so.

use bankbot_bank::CustomerCredential;
use bankbot_core::{Card, CardKind, IntentId};

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::intents::cards;
use crate::words::normalize;
use crate::{DialogState, HandlerError, Pending};

/// The answer to "which card?" (`Pending::CardChoice`) or "lock your Visa?"
/// (`Pending::CardLockConfirm`) that names a card: "la visa" to "lock your Visa?" is a yes,
/// "non la débit" asks about the debit card instead, "la cb" picks nothing among several.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    pending: &Pending,
    named: Named,
    text: &str,
) -> Result<(), HandlerError> {
    state.turn_intent = Some(IntentId::CardLock);
    let yes = crate::words::yes_no(text);
    // "yes please lock the visa" to "lock your debit card?": the card named is the one, and
    // the order is the confirmation (a bare "the visa" is asked about first).
    let ordered = yes == Some(true) && crate::intents::lock_order::has_lock_verb(text)
        || crate::intents::lock_order::agrees(text);
    match (named, pending) {
        (Named::One(card), Pending::CardLockConfirm { card: asked })
            if card.id != *asked && ordered && !card.locked =>
        {
            state.pending = None;
            cards::answer(ctx, credential, &card.id, true)
                .await
                .map(|_| ())
        }
        (Named::One(card), Pending::CardLockConfirm { card: asked }) if card.id != *asked => {
            cards::confirm(ctx, state, &card);
            Ok(())
        }
        (Named::NotTheirs, Pending::CardLockConfirm { card }) if yes.is_none() => {
            ctx.say(Msg::CardNotTheirs);
            cards::chosen(ctx, state, credential, card).await
        }
        (_, Pending::CardLockConfirm { .. }) => {
            crate::dispatch::answer(ctx, state, yes.unwrap_or(true)).await
        }
        (Named::One(card), _) if yes == Some(true) && !card.locked => {
            state.pending = None;
            cards::answer(ctx, credential, &card.id, true)
                .await
                .map(|_| ())
        }
        (Named::One(card), _) => cards::confirm_or_lock(ctx, state, credential, &card).await,
        (named, _) => {
            if named == Named::NotTheirs {
                ctx.say(Msg::CardNotTheirs);
            }
            cards::handle(ctx, state, credential, None).await
        }
    }
}

/// Words at most in an answer that only names a card ("oui celle qui finit par 1111 stp").
const MAX_ANSWER_WORDS: usize = 9;

/// Card brands customers name their cards by.
const BRANDS: &[&str] = &[
    "visa",
    "mastercard",
    "master",
    "mc",
    "amex",
    "american",
    "maestro",
    "discover",
];

/// True when `word` is a card brand ("visa", "mastercard", "amex").
pub(crate) fn is_brand(word: &str) -> bool {
    BRANDS.contains(&word)
}

/// Words for "debit" and "credit".
const DEBIT: &[&str] = &["debit", "debits", "débit", "check", "checking", "courant"];
const CREDIT: &[&str] = &["credit", "crédit", "cc"];

/// Words that name a card without saying which: "la cb", "ma carte bleue", "that card".
const ANY_CARD: &[&str] = &[
    "carte", "cartes", "card", "cb", "bleue", "bancaire", "celle", "celle-la", "celle-ci", "one",
    "cart", "crte", "cate",
];

/// Words an answer naming a card may hold besides the card words: "oui celle qui finit par
/// 1111 stp", "the one ending in 9876 please". Any other word makes it something else ("j'ai
/// retrouvé ma carte", "merci frero").
const FILLER: &[&str] = &[
    "la",
    "le",
    "l'",
    "ma",
    "mon",
    "ta",
    "ton",
    "sa",
    "de",
    "du",
    "d'",
    "des",
    "en",
    "par",
    "a",
    "à",
    "au",
    "avec",
    "qui",
    "que",
    "finit",
    "fini",
    "finis",
    "finissant",
    "termine",
    "terminant",
    "terminee",
    "c'est",
    "cest",
    "ce",
    "cette",
    "ci",
    "là",
    "numero",
    "no",
    "the",
    "my",
    "that",
    "this",
    "one",
    "it",
    "its",
    "it's",
    "ending",
    "ends",
    "end",
    "in",
    "with",
    "on",
    "of",
    "number",
    "oui",
    "ouais",
    "yes",
    "yeah",
    "ya",
    "ok",
    "okay",
    "stp",
    "svp",
    "please",
    "pls",
    "plz",
    "bloque",
    "bloquez",
    "bloquer",
    "lock",
    "block",
    "it",
    "juste",
    "just",
    "only",
    "seulement",
    "plutot",
    "plutôt",
    "rather",
    "euh",
    "hmm",
    "bah",
    "ben",
    "frr",
    "frere",
    "frero",
    "wsh",
    "mec",
    "non",
    "no",
    "nan",
    "nope",
    "nah",
    "naw",
    "wait",
    "attends",
    "hein",
    "pas",
    "mais",
    "but",
    "not",
    "instead",
    "actually",
    "fait",
    "alors",
    "then",
    "ah",
    "oh",
    "what",
    "about",
    "and",
    "et",
    "pour",
    "i",
    "think",
    "guess",
    "maybe",
    "um",
    "umm",
    "uh",
    "err",
    "hm",
    "sorry",
    "pardon",
    "dsl",
    "je",
    "crois",
    "pense",
    "genre",
    "sure",
    "go",
    "too",
    "as",
    "well",
    "also",
    "same",
    "for",
    "do",
    "aussi",
    "pareil",
    "idem",
    "meme",
    "même",
    "chose",
    "egalement",
    "également",
];

/// Where a card stands in the list the customer was shown ("the first one", "la
/// deuxième", "the last one"): its index among `count` cards.
fn ordinal(word: &str, count: usize) -> Option<usize> {
    match word {
        "first" | "1st" | "premiere" | "premier" | "1ere" | "1er" | "top" => Some(0),
        "second" | "2nd" | "deuxieme" | "seconde" | "second(e)" | "2eme" | "2e" | "2nde" => Some(1),
        "third" | "3rd" | "troisieme" | "3eme" | "3e" => Some(2),
        "last" | "derniere" | "dernier" | "bottom" => count.checked_sub(1),
        _ => None,
    }
    .filter(|i| *i < count)
}

/// What a short answer says about the card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Named {
    /// Exactly this card of the customer's.
    One(Card),
    /// A card, without saying which ("la cb", "ma carte"), or several fit ("the visa" with
    /// two Visas).
    Unclear,
    /// A brand or kind the customer has no card of ("la mastercard" with only a Visa).
    NotTheirs,
}

/// The card `text` names among `cards`, or `None` when the text is not an answer naming a
/// card at all (too long, or no card word in it).
pub(crate) fn read(text: &str, cards: &[Card]) -> Option<Named> {
    let t = normalize(text);
    let clean = t.replace([',', '!', '?', '.', ';', '(', ')', '•'], " ");
    let words: Vec<&str> = clean.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_ANSWER_WORDS {
        return None;
    }
    let card_word = |w: &str| {
        [BRANDS, DEBIT, CREDIT, ANY_CARD, FILLER]
            .iter()
            .any(|list| crate::words::listed(list, w))
            || (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
    };
    let place = words.iter().find_map(|w| ordinal(w, cards.len()));
    if !words
        .iter()
        .all(|w| card_word(w) || ordinal(w, usize::MAX).is_some())
    {
        return None;
    }
    match (pick(&words, &clean, cards), place) {
        // "the first one", "la deuxième": the card at that place in the list shown.
        (None | Some(Named::Unclear), Some(i)) => cards.get(i).cloned().map(Named::One),
        (named, _) => named,
    }
}

/// True when `word` names a card: a brand, debit or credit, or last four digits.
pub(crate) fn names_card(word: &str) -> bool {
    BRANDS.contains(&word)
        || crate::words::listed(DEBIT, word)
        || crate::words::listed(CREDIT, word)
        || crate::cues::last_digits(word).len() == 1
}

/// The card `words` name by brand, debit or credit, or last four digits (`clean` is the
/// same text, for the digits), among `cards`, whatever else the words say.
pub(crate) fn pick(words: &[&str], clean: &str, cards: &[Card]) -> Option<Named> {
    // "the visa, not the debit": the card ruled out is not read at all.
    let kept = super::card_ruled_out::kept(words, names_card);
    let kept_text;
    let (words, clean) = if kept.len() == words.len() {
        (words, clean)
    } else {
        kept_text = kept.join(" ");
        (kept.as_slice(), kept_text.as_str())
    };
    let has = |list: &[&str]| words.iter().any(|w| crate::words::listed(list, w));
    let brand = words.iter().find(|w| BRANDS.contains(w)).map(|w| match *w {
        "master" | "mc" => "mastercard",
        "american" => "amex",
        w => w,
    });
    let kind = if has(DEBIT) {
        Some(CardKind::Debit)
    } else if has(CREDIT) {
        Some(CardKind::Credit)
    } else {
        None
    };
    let digits = crate::cues::last_digits(clean);
    let mut hits: Vec<&Card> = cards
        .iter()
        .filter(|c| {
            let name = bankbot_core::fold_text(&c.display_name);
            let by_digits = digits.iter().any(|d| d == c.last4.digits());
            let by_brand = brand.is_some_and(|b| {
                name.split_whitespace()
                    .any(|w| w == b || (b == "amex" && w == "american"))
            });
            let by_kind = kind.is_some_and(|k| c.kind == k);
            by_digits || by_brand || by_kind
        })
        .collect();
    // "the debit visa": both said, the card that has both.
    if hits.len() > 1 && brand.is_some() && kind.is_some() {
        hits.retain(|c| kind.is_some_and(|k| c.kind == k));
    }
    match hits.as_slice() {
        [card] => Some(Named::One((*card).clone())),
        [] if brand.is_some() || kind.is_some() || !digits.is_empty() => Some(Named::NotTheirs),
        [] if has(ANY_CARD) => Some(Named::Unclear),
        [] => None,
        _ => Some(Named::Unclear),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bankbot_core::{AccountId, CardId, MaskedNumber};

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
    fn names_one_card() {
        let cards = alice();
        for (text, want) in [
            ("la visa", "v"),
            ("the visa one", "v"),
            ("ma débit", "d"),
            ("ma carte de debit stp", "d"),
            ("the credit card", "v"),
            ("celle qui finit par 1111", "v"),
            ("ending in 9876", "d"),
            ("la CREDIT", "v"),
        ] {
            assert_eq!(id(read(text, &cards)).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn card_ruled_out_is_not_the_one() {
        let cards = alice();
        for (text, want) in [
            ("nah not the debit the visa", "v"),
            ("non pas la debit la visa", "v"),
            ("no not the visa, the debit one", "d"),
            ("the one ending 1111, not 9876", "v"),
        ] {
            assert_eq!(id(read(text, &cards)).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn unclear_and_not_theirs() {
        let cards = alice();
        assert_eq!(read("la cb", &cards), Some(Named::Unclear));
        assert_eq!(read("ma carte bleue", &cards), Some(Named::Unclear));
        assert_eq!(read("la mastercard", &cards), Some(Named::NotTheirs));
        assert_eq!(read("celle en 4444", &cards), Some(Named::NotTheirs));
        assert_eq!(read("merci frero", &cards), None);
        assert_eq!(read("j'ai retrouvé ma carte", &cards), None);
        assert_eq!(read("ma carte est bloquée ?", &cards), None);
        assert_eq!(read("", &cards), None);
    }
}
