//! A question while "lock your card?" waits ("vous pouvez regarder s'il a pris de l'argent",
//! "et comment j'en aurai une nouvelle", "did they already use it?"): no yes or no, and no
//! reason to say "answer yes or no". The question is answered, then the lock is recalled
//! (`lock_reminder`). "Did they use it?" is answered with the card's latest payments.

use bankbot_bank::CustomerCredential;
use bankbot_core::{AccountKind, CardId, IntentId, Slots};

use crate::cues::{Ask, fold};
use crate::{DialogState, HandlerError};

/// How a question opens, each padded and folded.
const OPENERS: &[&str] = &[
    " est ce que ",
    " est ce qu'",
    " comment ",
    " pourquoi ",
    " quand ",
    " combien ",
    " qui ",
    " quoi ",
    " ou ",
    " vous pouvez ",
    " tu peux ",
    " pouvez vous ",
    " peux tu ",
    " et si ",
    " how ",
    " what ",
    " whats ",
    " when ",
    " why ",
    " who ",
    " where ",
    " did ",
    " does ",
    " do ",
    " can ",
    " could ",
    " is ",
    " are ",
    " will ",
    " has ",
    " have ",
];

/// The thief or someone else, each padded and folded.
const SOMEONE: &[&str] = &[
    " il ",
    " elle ",
    " ils ",
    " s'il ",
    " qu'il ",
    " quelqu'un ",
    " qqn ",
    " le voleur ",
    " la personne ",
    " they ",
    " he ",
    " she ",
    " someone ",
    " somebody ",
    " anyone ",
    " anybody ",
    " the thief ",
];

/// Using the card or taking money, each padded and folded.
const USE: &[&str] = &[
    " utilise ",
    " utiliser ",
    " utilisee ",
    " pris de l'argent ",
    " pris des sous ",
    " prendre de l'argent ",
    " retire ",
    " retirer ",
    " depense ",
    " paye ",
    " achete ",
    " achats ",
    " use it ",
    " used it ",
    " used my ",
    " use my ",
    " take any money ",
    " take money ",
    " took money ",
    " took any money ",
    " taken money ",
    " spent ",
    " spend ",
    " withdraw ",
    " withdrew ",
    " bought ",
    " charged ",
];

fn has(f: &str, list: &[&str]) -> bool {
    list.iter().any(|w| f.contains(w))
}

/// Words before the question itself ("et comment …", "wait did …").
const LEAD: &[&str] = &[
    "et", "and", "ok", "okay", "wait", "mais", "but", "so", "alors", "euh", "um", "oh",
];

/// True when `text` is a question (a question mark, or a question's opening words).
pub(crate) fn asks(text: &str) -> bool {
    if text.contains('?') {
        return true;
    }
    let f = fold(text);
    let mut rest = f.as_str();
    while let Some(word) = rest.split_whitespace().next()
        && LEAD.contains(&word)
    {
        rest = &rest[rest.find(word).map_or(0, |i| i + word.len())..];
    }
    let rest = format!(" {} ", rest.trim());
    OPENERS.iter().any(|w| rest.starts_with(w))
}

/// True when `text` asks whether the card was used or money taken ("did they already use
/// it?", "il peut retirer de l'argent avec ?", "s'il a pris de l'argent").
pub(crate) fn asks_used(text: &str) -> bool {
    let f = fold(text);
    has(&f, SOMEONE) && has(&f, USE)
}

/// The latest payments of the account `card` draws on (else of `kind`, else all accounts).
pub(crate) async fn recent_uses(
    ctx: &mut crate::ctx::Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    card: Option<&CardId>,
    kind: Option<AccountKind>,
    asked: &Slots,
) -> Result<(), HandlerError> {
    let cards = ctx.services.cards.cards(credential).await?;
    let kind = card
        .and_then(|id| cards.iter().find(|c| c.id == *id))
        .map(crate::intents::cards::account_of)
        .or(kind);
    // "depuis hier", "ce matin": everything over that period; else the latest five.
    let dated = asked.date_from.is_some() || asked.date_to.is_some();
    let slots = Slots {
        account_type: kind,
        count: (!dated).then_some(5),
        date_from: asked.date_from,
        date_to: asked.date_to,
        ..Slots::default()
    };
    state.turn_intent = Some(IntentId::Transactions);
    crate::intents::transactions::handle(ctx, state, credential, &slots, Ask::Plain, true).await?;
    state.last_intent = Some(IntentId::Transactions);
    state.last_slots = slots;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{asks, asks_used};

    #[test]
    fn questions_about_the_card_used() {
        for t in [
            "vous pouvez regarder s'il a pris de l'argent",
            "did they already use it?",
            "wait did they take any money?",
            "il peut retirer de l'argent avec ?",
            "est-ce qu'il a déjà utilisé ma carte ?",
            "has someone used my card",
        ] {
            assert!(asks_used(t), "{t}");
        }
        for t in [
            "oui",
            "non merci",
            "how do i get a new one",
            "et mon solde ?",
        ] {
            assert!(!asks_used(t), "{t}");
        }
    }

    #[test]
    fn questions() {
        for t in [
            "et comment j'en aurai une nouvelle",
            "how do i get a new one",
            "vous pouvez regarder",
            "c'est grave ?",
        ] {
            assert!(asks(t), "{t}");
        }
        for t in ["oui", "ok", "bloque la"] {
            assert!(!asks(t), "{t}");
        }
    }
}
