//! "Lock all my cards", "bloque toutes mes cartes", "both" to "which card?": every card the
//! customer has that still works, confirmed once, then locked one by one through
//! `CardControls`. A customer who lost a wallet leaves with every card locked.

use bankbot_bank::CustomerCredential;
use bankbot_core::has_padded_phrase;
use bankbot_core::{Card, CardId};

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::format::card_label;
use crate::{DialogState, HandlerError, Pending};

/// Ways of naming every card in a request ("lock all my cards", "toutes mes cartes").
const EVERY_CARD: &[&str] = &[
    "all my cards",
    "all of my cards",
    "all cards",
    "all the cards",
    "every card",
    "all my card",
    "both cards",
    "both my cards",
    "both of my cards",
    "lock both",
    "lock them all",
    "lock all",
    "lock everything",
    "toutes mes cartes",
    "toutes les cartes",
    "tte mes cartes",
    "ttes mes cartes",
    "mes deux cartes",
    "les deux cartes",
    "bloque tout",
    "bloquer tout",
    "bloquez tout",
    "tout bloquer",
    "bloque les deux",
    "bloquez les deux",
    "bloquer les deux",
];

/// Short answers to "which card?" that mean every card.
const EVERY_CARD_ANSWER: &[&str] = &[
    "both",
    "all",
    "all of them",
    "both of them",
    "them all",
    "les deux",
    "toutes",
    "tout",
    "toutes les deux",
    "les 2",
    "both pls",
    "both please",
    "all please",
];

/// Answers that open like [`EVERY_CARD_ANSWER`] but say yes, no or "right now" ("tout à
/// fait", "tout de suite", "all good", "all set"), folded.
const NOT_EVERY_CARD: &[&str] = &[
    "tout a fait",
    "tout de suite",
    "tout suite",
    "tout bon",
    "tout est bon",
    "tout va bien",
    "tout roule",
    "all good",
    "all fine",
    "all set",
    "all right",
    "all done",
];

/// True when a lock request names every card.
pub(crate) fn names_every_card(text: &str) -> bool {
    let t = fold(text);
    let padded = format!(" {t} ");
    EVERY_CARD.iter().any(|p| has_padded_phrase(&padded, p))
}

/// True when the answer to "which card?" is "both" / "all of them" / "les deux".
pub(crate) fn answers_every_card(text: &str) -> bool {
    let t = fold(text);
    let t = t.trim_matches(|c: char| !c.is_alphanumeric());
    // "tout à fait", "all good": a yes or a no that opens like "tout", "all".
    if NOT_EVERY_CARD
        .iter()
        .any(|idiom| t == *idiom || t.starts_with(&format!("{idiom} ")))
    {
        return false;
    }
    names_every_card(text)
        || EVERY_CARD_ANSWER
            .iter()
            .any(|a| t == *a || t.starts_with(&format!("{a} ")))
}

/// True when an answer to "which card?" or "lock your Visa?" adds every card, wherever it
/// says so: "the visa too, both of them", "ok la visa aussi, les deux", "both of em pls".
/// (Locking only the card named would leave the one first asked about working.)
pub(crate) fn adds_every_card(text: &str, confirming_one: bool) -> bool {
    let t = fold(text);
    let padded = format!(
        " {} ",
        t.replace(|c: char| !c.is_alphanumeric() && c != '\'', " ")
    );
    let both = [
        " both ",
        " les deux ",
        " les 2 ",
        " toutes les deux ",
        " all of them ",
        " all of em ",
        " them all ",
        " all my cards ",
        " every card ",
    ];
    let too = [" too ", " aussi ", " as well ", " also ", " egalement "];
    answers_every_card(text)
        || both.iter().any(|p| padded.contains(p))
        || (confirming_one && too.iter().any(|p| padded.contains(p)))
}

/// Asks once to lock every card that still works (the one card alone is asked as usual).
pub(crate) async fn confirm(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
) -> Result<(), HandlerError> {
    if !ctx.auth_fresh {
        ctx.link_button(Msg::CardNeedsAuth);
        return Ok(());
    }
    let cards = ctx.services.cards.cards(credential).await?;
    ctx.audit("cards");
    let working: Vec<&Card> = cards.iter().filter(|c| !c.locked).collect();
    match working.as_slice() {
        [] if cards.is_empty() => ctx.say(Msg::CardNone),
        [] => {
            state.pending = None;
            ctx.say(Msg::CardsAllLocked);
        }
        [one] => {
            state.pending = Some(Pending::CardLockConfirm {
                card: one.id.clone(),
            });
            let label = card_label(one);
            let choices = ctx.yes_no();
            // "les deux" from a customer with a single card: say so, then that card.
            if cards.len() == 1 {
                ctx.ask(Msg::CardOnlyOne(&label), choices);
            } else {
                ctx.ask(Msg::CardConfirm(&label), choices);
            }
        }
        several => {
            state.pending = Some(Pending::CardLockConfirmAll {
                cards: several.iter().map(|c| c.id.clone()).collect(),
            });
            let labels = joined(ctx, several.iter().map(|c| card_label(c)).collect());
            let choices = ctx.yes_no();
            ctx.ask(Msg::CardConfirmAll(&labels), choices);
        }
    }
    Ok(())
}

/// The answer to "Lock all your cards?": each card locked, then one confirmation naming them.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    cards: &[CardId],
    yes: bool,
) -> Result<(), HandlerError> {
    if !yes {
        ctx.say(Msg::CardKept);
        return Ok(());
    }
    if !ctx.auth_fresh {
        ctx.link_button(Msg::CardNeedsAuth);
        return Ok(());
    }
    let mut labels = Vec::with_capacity(cards.len());
    for card in cards {
        let locked = ctx.services.cards.lock_card(credential, card).await?;
        ctx.audit("card_lock");
        labels.push(card_label(&locked));
    }
    tracing::info!(target: "bankbot_handlers", cards = labels.len(), "cards locked");
    let labels = joined(ctx, labels);
    let person = ctx.person_choice().into_iter().collect();
    let reach = ctx.reach();
    ctx.ask(Msg::CardDoneAll(&labels, reach), person);
    Ok(())
}

/// "Debit card ••9876 and Cash Back Visa ••1111" / "… et …".
fn joined(ctx: &Ctx<'_>, mut labels: Vec<String>) -> String {
    let and = ctx.t(Msg::WordAnd);
    match labels.pop() {
        Some(last) if !labels.is_empty() => format!("{} {and} {last}", labels.join(", ")),
        Some(last) => last,
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_card_is_named_in_requests_and_answers() {
        assert!(names_every_card("lock all my cards"));
        assert!(names_every_card("pls lock both cards asap"));
        assert!(names_every_card("bloque toutes mes cartes stp"));
        assert!(names_every_card("Bloquez les deux"));
        assert!(!names_every_card("lock my debit card"));
        assert!(!names_every_card("is that all"));
        assert!(answers_every_card("both"));
        assert!(answers_every_card("les deux !"));
        assert!(answers_every_card("all of them"));
        assert!(!answers_every_card("the visa"));
    }
}
