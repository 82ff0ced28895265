//! A new card wanted: "how do i get a new card", "my card is damaged", "the chip doesn't
//! work", "ma carte est abîmée", "je fais comment pour en avoir une nouvelle", "lost my card,
//! need a new one". The bot cannot order one: it says so plainly with where to get one
//! (the bank's app, website or phone), and, when the card is lost or stolen, offers to lock
//! it meanwhile. A damaged card is never locked unasked, nor read as a declined payment.

use bankbot_core::IntentId;

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::{Unsupported, fold};
use crate::{DialogState, Pending};

/// Why a new card is wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Replace {
    /// Damaged, worn or expired: a new one, nothing to lock.
    Damaged,
    /// Lost or stolen, and a new one asked: the lock offered meanwhile.
    Gone,
    /// A new card, no reason given.
    Plain,
}

/// Words of a card, each padded and folded.
const CARD: &[&str] = &[
    " card ", " cards ", " carte ", " cartes ", " cb ", " visa ", " debit ", " credit ", " chip ",
    " puce ", " strip ", " bande ",
];

/// Parts of a card that only fail physically, each padded and folded.
const PART: &[&str] = &[
    " chip ",
    " the chip ",
    " puce ",
    " magnetic strip ",
    " mag strip ",
    " magstripe ",
    " strip ",
    " bande magnetique ",
    " bande ",
];

/// Words of a card damaged, worn or out of date, each padded and folded.
const DAMAGED: &[&str] = &[
    " damaged ",
    " damage ",
    " broken ",
    " snapped ",
    " cracked ",
    " bent ",
    " split ",
    " worn ",
    " worn out ",
    " scratched ",
    " demagnetized ",
    " demagnetised ",
    " melted ",
    " expired ",
    " expires ",
    " expiring ",
    " out of date ",
    " abimee ",
    " abime ",
    " abimé ",
    " cassee ",
    " casse ",
    " pliee ",
    " plie ",
    " tordue ",
    " fendue ",
    " rayee ",
    " usee ",
    " demagnetisee ",
    " expiree ",
    " expire ",
    " perimee ",
    " perime ",
    " fondu ",
    " fondue ",
];

/// Ways of asking for a new card with a card named, each padded and folded.
const NEW: &[&str] = &[
    " new card ",
    " new debit card ",
    " new credit card ",
    " new visa ",
    " new one ",
    " a new 1 ",
    " replacement ",
    " replace ",
    " replaced ",
    " another card ",
    " another one ",
    " order a card ",
    " order a new ",
    " reissue ",
    " re issue ",
    " renew ",
    " nouvelle ",
    " une autre ",
    " autre carte ",
    " commander ",
    " commande ",
    " refaire ",
    " renouveler ",
    " remplacer ",
    " remplacement ",
];

/// A new card asked with a pronoun ("en avoir une nouvelle"), each padded and folded.
const NEW_ONE: &[&str] = &[
    " en avoir une ",
    " en ravoir une ",
    " m'en faut une ",
    " men faut une ",
    " en commander une ",
    " en refaire une ",
];

/// Words asking for a lock: then the lock runs, whatever else is asked.
const LOCK: &[&str] = &[
    " lock ",
    " block ",
    " freeze ",
    " cancel ",
    " bloquer ",
    " bloque ",
    " bloquez ",
    " opposition ",
    " annuler ",
];

/// Words of a card gone, each padded and folded.
const GONE: &[&str] = &[
    " lost ",
    " stolen ",
    " missing ",
    " cant find ",
    " can't find ",
    " perdu ",
    " perdue ",
    " vole ",
    " volee ",
    " volé ",
    " volée ",
    " paumé ",
    " paume ",
    " paumee ",
];

fn has(f: &str, list: &[&str]) -> bool {
    list.iter().any(|w| f.contains(w))
}

/// What `text` asks about a new card, if it asks for one or tells of a damaged card.
pub(crate) fn asked(text: &str) -> Option<Replace> {
    let f = fold(text);
    // "what's the damage on the Visa": the amount owed, not a damaged card.
    if has(&f, LOCK) || crate::intents::card_bill::names_bill(text) {
        return None;
    }
    let new = has(&f, NEW) && has(&f, CARD) || has(&f, NEW_ONE);
    let damaged = has(&f, CARD) && has(&f, DAMAGED) || has(&f, PART) && !has(&f, GONE);
    if has(&f, GONE) {
        return new.then_some(Replace::Gone);
    }
    if damaged {
        return Some(Replace::Damaged);
    }
    new.then_some(Replace::Plain)
}

/// Where to get a new card; the lock offered meanwhile for a card gone.
pub(crate) fn answer(ctx: &mut Ctx<'_>, state: &mut DialogState, what: Replace) {
    state.more = None;
    state.turn_intent = Some(IntentId::CardLock);
    state.said_cannot = true;
    let reach = ctx.reach();
    let how = ctx.t(Msg::Unsupported(Unsupported::NewCard, reach));
    match what {
        Replace::Gone if ctx.services.capabilities.cards && ctx.customer.is_some() => {
            let offer = ctx.t(Msg::CardGoneLockOffer);
            let lock = ctx.intent_choice(Msg::LabelLockCard, IntentId::CardLock);
            ctx.ask_text(format!("{how}\n\n{offer}"), vec![lock]);
            state.pending = Some(Pending::LockOffer);
        }
        Replace::Damaged => {
            state.pending = None;
            let lead = ctx.t(Msg::CardDamagedLead);
            let mut choices: Vec<_> = ctx.person_choice().into_iter().collect();
            choices.push(ctx.intent_choice(Msg::LabelHelp, IntentId::Help));
            ctx.ask_text(format!("{lead} {how}"), choices);
        }
        _ => {
            state.pending = None;
            let mut choices: Vec<_> = ctx.person_choice().into_iter().collect();
            choices.push(ctx.intent_choice(Msg::LabelHelp, IntentId::Help));
            ctx.ask_text(how, choices);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_why_a_new_card_is_wanted() {
        for t in [
            "my card is damaged",
            "the chip on my card doesnt work anymore",
            "card is broken, snapped in half",
            "my card expired what do i do",
            "card wont swipe, magnetic strip worn out",
            "ma carte est abîmée",
            "la puce de ma carte marche plus",
            "ma cb est cassée",
            "ma carte est expirée",
            "ma carte est toute pliée elle passe plus",
        ] {
            assert_eq!(asked(t), Some(Replace::Damaged), "{t}");
        }
        for t in [
            "how do i get a new card",
            "can i order a new debit card",
            "i need a replacement visa",
            "need new card pls",
            "je fais comment pour en avoir une nouvelle",
            "je veux une nouvelle cb",
            "commander une carte",
            "comment refaire ma carte bancaire",
        ] {
            assert_eq!(asked(t), Some(Replace::Plain), "{t}");
        }
        for t in [
            "lost my card, need a new one",
            "j'ai perdu ma carte il m'en faut une autre",
        ] {
            assert_eq!(asked(t), Some(Replace::Gone), "{t}");
        }
        for t in [
            "i lost my card",
            "my card was declined",
            "ma carte marche plus",
            "lock my card",
            "lost my card, block it and send a new one",
            "can i use my card abroad",
            "je veux voir une autre opération",
            "how much did i spend",
            "is there another atm",
        ] {
            assert_eq!(asked(t), None, "{t}");
        }
    }
}
