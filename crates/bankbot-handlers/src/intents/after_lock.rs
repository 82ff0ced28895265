//! Questions right after a card was locked: "will they be able to use it now?", "il peut
//! encore s'en servir ?" (no, and what stays as it was), and "what do i do now?", "je fais
//! quoi maintenant ?" (report it, get a new card, and who to tell). Never the latest
//! payments nor the help menu: the customer has just had a card lost or stolen.

use bankbot_bank::CustomerCredential;
use bankbot_core::IntentId;

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::{DialogState, HandlerError};

/// Someone using the card from now on, asked about, each padded and folded.
const STILL_USABLE: &[&str] = &[
    " will they be able to ",
    " will he be able to ",
    " will she be able to ",
    " will someone be able to ",
    " can they still ",
    " can he still ",
    " can she still ",
    " can anyone still ",
    " can someone still ",
    " can they use ",
    " can he use ",
    " can she use ",
    " can anyone use ",
    " can someone use ",
    " can the thief ",
    " could they still ",
    " could they use ",
    " is it safe now ",
    " am i safe now ",
    " are we safe now ",
    " are my cards safe ",
    " is my card safe ",
    " il peut encore ",
    " ils peuvent encore ",
    " elle peut encore ",
    " on peut encore ",
    " quelqu'un peut encore ",
    " quelqu'un peut utiliser ",
    " quelqu'un peut s'en servir ",
    " quelqu'un pourrait ",
    " quelqu'un peut l'utiliser ",
    " qqn peut ",
    " qqun peut ",
    " qq1 peut ",
    " peut l'utiliser ",
    " pourrait l'utiliser ",
    " peut encore l'utiliser ",
    " peut encore s'en servir ",
    " peut plus l'utiliser ",
    " peut plus s'en servir ",
    " peut encore payer avec ",
    " can anybody use ",
    " can anyone else use ",
    " could someone use ",
    " could anyone use ",
    " il peut toujours ",
    " ils peuvent toujours ",
    " le voleur peut ",
    " il pourra ",
    " ils pourront ",
    " il peut plus ",
    " ils peuvent plus ",
    " elle est inutilisable ",
    " je suis tranquille ",
    " je suis protege ",
    " je suis protegee ",
    " c'est securise ",
    " c'est bon maintenant ",
];

/// "What now?" in words [`crate::cues::asks_what_to_do`] does not hold, each padded and
/// folded.
const NEXT_STEPS: &[&str] = &[
    " and now ",
    " what else should i do ",
    " anything else i should do ",
    " anything else i need to do ",
    " next steps ",
    " what's next ",
    " whats next ",
    " et maintenant ",
    " je fais quoi maintenant ",
    " on fait quoi maintenant ",
    " qu'est ce que je dois faire ",
    " je dois faire quoi ",
    " il faut faire quoi ",
    " faut faire quoi ",
    " quelles demarches ",
    " et apres ",
    " what happens now ",
    " what happens next ",
    " what happens after ",
    " what now ",
    " now what ",
    " what do i do now ",
    " what should i do now ",
    " then what ",
    " que se passe t il ",
    " qu'est ce qui se passe maintenant ",
    " il se passe quoi ",
    " ca se passe comment ",
    " la suite ",
    " et ensuite ",
    " on fait quoi ",
];

/// What is asked right after a lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AfterLock {
    /// "will they be able to use it now?"
    StillUsable,
    /// "what do i do now?"
    NextSteps,
}

/// What `text` asks about the lock just made, if anything.
pub(crate) fn asked(text: &str) -> Option<AfterLock> {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    if has(STILL_USABLE) {
        Some(AfterLock::StillUsable)
    } else if has(NEXT_STEPS) || crate::cues::asks_what_to_do(text) {
        Some(AfterLock::NextSteps)
    } else {
        None
    }
}

/// Answers the question when a card of the customer's is locked now; false otherwise (the
/// lock was declined: nothing to reassure about).
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    asked: AfterLock,
) -> Result<bool, HandlerError> {
    let cards = ctx.services.cards.cards(credential).await?;
    if !cards.iter().any(|c| c.locked) {
        return Ok(false);
    }
    state.turn_intent = Some(IntentId::CardLock);
    let reach = ctx.reach();
    ctx.say(match asked {
        AfterLock::StillUsable => Msg::LockedNoUse(reach),
        AfterLock::NextSteps => Msg::AfterLockSteps(reach),
    });
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::{AfterLock, asked};

    #[test]
    fn questions_after_a_lock() {
        for t in [
            "will they be able to use my cards now",
            "can the thief still use it?",
            "il peut encore s'en servir ?",
            "is it safe now",
        ] {
            assert_eq!(asked(t), Some(AfterLock::StillUsable), "{t}");
        }
        for t in [
            "what do i do next",
            "je fais quoi maintenant",
            "and now?",
            "et après ?",
        ] {
            assert_eq!(asked(t), Some(AfterLock::NextSteps), "{t}");
        }
        for t in ["whats my balance", "did they already use it", "merci"] {
            assert_eq!(asked(t), None, "{t}");
        }
    }
}
