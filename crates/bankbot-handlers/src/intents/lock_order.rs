//! "ouais bloque-la", "bloquez-la direct", "yes lock it", "désactive-la", "vous pouvez la
//! bloquer": a lock ordered outright in answer to the offer made after a fraud report, or to
//! "lock your card?". The order is the confirmation, so the only card (or the only one of
//! the kind named) is locked at once; with several, the usual choice. Also the lock asked
//! for in words the engine misses ("tu peux la freeze le temps que je check", "mets ma
//! carte en pause"): [`requests`].

use bankbot_bank::CustomerCredential;
use bankbot_core::{AccountKind, CardKind};

use crate::ctx::Ctx;
use crate::cues::fold;
use crate::intents::cards;
use crate::{DialogState, HandlerError, Pending};

/// Lock verbs in the imperative, each padded ("bloque-la" folds to " bloque la ").
const LOCK_VERBS: &[&str] = &[
    " bloque ",
    " bloquez ",
    " bloques ",
    " bloquer ",
    " verrouille ",
    " verrouillez ",
    " verrouiller ",
    " gele ",
    " gelez ",
    " geler ",
    " desactive ",
    " desactivez ",
    " desactiver ",
    " suspends ",
    " suspendez ",
    " suspendre ",
    " coupe ",
    " coupez ",
    " couper ",
    " stoppe ",
    " stoppez ",
    " opposition ",
    " en pause ",
    " lock ",
    " freeze ",
    " block ",
    " suspend ",
    " deactivate ",
    " disable ",
    " pause ",
    " put a hold on ",
];

/// A polite request ("vous pouvez la bloquer ?", "can you freeze it?"): to a lock offer or
/// question, the question mark does not make it a question about the lock.
const PLEASE: &[&str] = &[
    " tu peux ",
    " tu pourrais ",
    " vous pouvez ",
    " vous pourriez ",
    " pouvez vous ",
    " peux tu ",
    " pourriez vous ",
    " can you ",
    " can u ",
    " could you ",
    " will you ",
    " please ",
    " pls ",
    " stp ",
    " svp ",
];

/// Lock words that are nouns too ("la pause déjeuner", "la coupe"): a card must be named.
const NOT_WITH_PRONOUN: &[&str] = &[
    " opposition ",
    " en pause ",
    " pause ",
    " put a hold on ",
    " coupe ",
];

/// What the verb is done to: a card, or the card as a pronoun next to the verb.
const CARD_WORDS: &[&str] = &[
    " carte ",
    " cartes ",
    " cb ",
    " card ",
    " cards ",
    " visa ",
    " debit ",
    " credit ",
    " mastercard ",
];

/// Words that turn the order around ("ne la bloque pas", "débloque", "don't lock").
const AGAINST: &[&str] = &[
    " pas ",
    " rien ",
    " jamais ",
    " aucune ",
    " never ",
    " nothing ",
    " non ",
    " nan ",
    " no ",
    " not ",
    " dont ",
    " don't ",
    " debloque ",
    " debloquez ",
    " unlock ",
    " unfreeze ",
    " unblock ",
    " degele ",
    " degelez ",
    " reactive ",
    " reactiver ",
    " unpause ",
];

/// True when `text` orders the card locked, without a negation or a question. The
/// negation counts in the order's own clause: "non c'est pas moi, bloque-la" orders the lock
/// (the "pas" is about the payment), "non, ne la bloque pas" does not.
pub(crate) fn orders(text: &str) -> bool {
    if text.contains('?') || asks_advice(text) {
        return false;
    }
    let clauses: Vec<String> = text.split([',', ';', '.', '!']).map(fold).collect();
    // The last order, and nothing against it after ("lock it, no wait" is no order).
    clauses
        .iter()
        .rposition(|f| has_verb(f))
        .is_some_and(|at| !clauses[at..].iter().any(|f| against(f)))
}

/// Openers that ask whether to lock rather than order it ("should I lock my card", « je
/// dois la bloquer »), folded and padded: typed without a question mark they are still
/// questions, answered with the lock asked, never done at once (blind round 14b).
const ADVICE: &[&str] = &[
    " should i ",
    " should we ",
    " shall i ",
    " do i need to ",
    " do i have to ",
    " must i ",
    " is it better ",
    " would it be better ",
    " would you ",
    " do you think ",
    " do you recommend ",
    " is it worth ",
    " est ce que je dois ",
    " je dois ",
    " dois je ",
    " faut il ",
    " il faut que je ",
    " faudrait il ",
    " vaut mieux ",
    " vous pensez ",
    " tu penses ",
    " tu crois ",
    " vous croyez ",
    " vous conseillez ",
    " tu conseilles ",
];

/// True when `text` asks whether to lock ("should I lock my card"), before its lock verb.
pub(crate) fn asks_advice(text: &str) -> bool {
    let f = fold(text);
    let Some(verb) = LOCK_VERBS.iter().filter_map(|w| f.find(w)).min() else {
        return false;
    };
    ADVICE.iter().any(|w| f[..verb + 1].contains(w))
}

/// True when `text` agrees to a lock just offered or asked about: an order ("désactive-la"),
/// or a polite request even with a question mark ("vous pouvez la bloquer ?").
pub(crate) fn agrees(text: &str) -> bool {
    let f = fold(text);
    orders(text) || (PLEASE.iter().any(|w| f.contains(w)) && has_verb(&f) && !against(&f))
}

/// True when `text` asks for a card to be locked in words the engine may miss: a lock verb
/// done to a card ("gèle ma carte", "put a hold on my visa") or to the card as a pronoun
/// next to the verb ("tu peux la freeze", "bloque-la", "freeze it").
pub(crate) fn requests(text: &str) -> bool {
    let f = fold(text);
    if stops_a_card(&f) && !against(&f) {
        return true;
    }
    if !has_verb(&f) || against(&f) {
        return false;
    }
    let to_card = CARD_WORDS.iter().any(|w| f.contains(w));
    let pronoun = LOCK_VERBS
        .iter()
        .filter(|v| !NOT_WITH_PRONOUN.contains(v))
        .any(|v| {
            let v = v.trim();
            f.contains(&format!(" la {v} "))
                || f.contains(&format!(" {v} la "))
                || f.contains(&format!(" {v} it "))
        });
    to_card || pronoun
}

/// Verbs that switch something ("turn me card back on", "switch it on again"), each padded.
const SWITCH: &[&str] = &[
    " turn ",
    " switch ",
    " swich ",
    " swtich ",
    " put ",
    " flip ",
    " turnin ",
    " switchin ",
];

/// Verbs that take something away ("remove the block", « enlève le blocage »), each padded.
const LIFT: &[&str] = &[
    " remove ",
    " lift ",
    " get rid of ",
    " undo ",
    " enleve ",
    " enlever ",
    " enlevez ",
    " enleves ",
    " retire ",
    " retirer ",
    " retirez ",
    " leve ",
    " lever ",
    " levez ",
    " ote ",
    " oter ",
    " otez ",
    " supprime ",
    " supprimer ",
    " supprimez ",
    " annule ",
    " annuler ",
    " annulez ",
    " sauter ",
    " saute ",
    " vire ",
    " virer ",
    " virez ",
    " arrete ",
    " arreter ",
    " arretez ",
    " cancel ",
    " release ",
];

/// What a lift takes away: the lock, as a noun, each padded.
const THE_LOCK: &[&str] = &[
    " block ",
    " blocage ",
    " lock ",
    " freeze ",
    " hold ",
    " opposition ",
    " oppo ",
    " gel ",
    " suspension ",
    " bloquage ",
    " blockage ",
];

/// "turn alerts back on": something else switched back on.
const NOT_A_CARD: &[&str] = &[
    " alert ",
    " alerts ",
    " alerte ",
    " alertes ",
    " notification ",
    " notifications ",
    " notifs ",
    " notif ",
];

/// True when folded `f` asks for the lock to be lifted in everyday words: "can ye switch the
/// card back on", "turn me card back on", "take the block off", "remove the freeze",
/// « enlève le blocage », « remets ma carte en service », « rallume-la ». Never a lock order.
pub(crate) fn back_on(f: &str) -> bool {
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    if has(NOT_A_CARD) {
        return false;
    }
    let switched = has(SWITCH) && (f.contains(" back on ") || f.contains(" on again "));
    // « l'opposition », « l'blocage »: the noun after the apostrophe read alone.
    let split = f.replace('\'', "' ");
    let the_lock = THE_LOCK.iter().any(|w| split.contains(w));
    let taken = f.contains(" take ") && f.contains(" off ") && the_lock;
    let lifted = has(LIFT) && the_lock;
    let put_back = has(&[" remets ", " remet ", " remettre ", " remettez "])
        && has(&[" en service ", " en marche ", " en route ", " en fonction "]);
    let relit = has(&[" rallume ", " rallumer ", " rallumez "]);
    switched || taken || lifted || put_back || relit
}

/// Unlock verbs, each padded and folded.
const UNLOCK_VERBS: &[&str] = &[
    " debloque ",
    " debloquer ",
    " debloquez ",
    " reactive ",
    " reactiver ",
    " reactivez ",
    " degele ",
    " degeler ",
    " degelez ",
    " unlock ",
    " unfreeze ",
    " unblock ",
    " reactivate ",
    " unpause ",
];

/// Negations of an unlock ("ne la débloque pas", "don't unfreeze it"), each padded.
const NOT: &[&str] = &[" pas ", " not ", " dont ", " don't ", " never ", " jamais "];

/// True when `text` asks for a card to be unlocked, in words the engine may have read as
/// something else ("c bon je l'ai retrouvée tu peux la réactiver", "dégèle ma carte").
pub(crate) fn requests_unlock(text: &str) -> bool {
    let f = fold(text);
    if back_on(&f) && !NOT.iter().any(|w| f.contains(w)) {
        return true;
    }
    let verb = UNLOCK_VERBS.iter().any(|w| f.contains(w));
    let to_card = CARD_WORDS.iter().any(|w| f.contains(w))
        || UNLOCK_VERBS.iter().any(|v| {
            let v = v.trim();
            f.contains(&format!(" la {v} "))
                || f.contains(&format!(" {v} la "))
                || f.contains(&format!(" {v} it "))
        });
    verb && to_card && !NOT.iter().any(|w| f.contains(w))
}

/// "STOP CARD NOW", "stop my visa": "stop" done to a card. (A bare "stop" is no lock order:
/// to "lock your card?" it is a no.)
fn stops_a_card(f: &str) -> bool {
    (f.contains(" stop ") || f.contains(" stopper ")) && CARD_WORDS.iter().any(|w| f.contains(w))
}

/// True when `text` holds a lock verb ("lock", « bloque ») and nothing turning it round.
pub(crate) fn has_lock_verb(text: &str) -> bool {
    let f = fold(text);
    has_verb(&f) && !against(&f)
}

fn has_verb(f: &str) -> bool {
    LOCK_VERBS.iter().any(|w| f.contains(w))
}

/// True when a word of `f` turns the order around. The negation of "still not found"
/// ("stop ma carte je la retrouve pas", "block it i can't find it") is about the card, not
/// the order, so it is left out first.
fn against(f: &str) -> bool {
    // "take the lock off": the lock lifted, not ordered.
    if back_on(f) {
        return true;
    }
    // "elle est pas bloquée d'accord alors bloque-la", "oh its not locked ok then lock it":
    // what was said before a turn to the order ("alors", "then") is not against it.
    let f = after_turn_to_order(f);
    let mut f = f.to_owned();
    for caution in crate::words::NEVER_KNOW {
        f = f.replace(caution, " ");
    }
    for lost in crate::cues::NOT_FOUND_AGAIN {
        f = f.replace(&format!(" {lost} "), " ");
    }
    // "lock it so no one can use it", « bloque-la pour que personne ne s'en serve »: the
    // purpose after the verb says no of the thief, not of the order.
    if let Some(verb) = LOCK_VERBS.iter().filter_map(|w| f.find(w)).min()
        && let Some(purpose) = PURPOSE
            .iter()
            .filter_map(|w| f[verb..].find(w).map(|at| at + verb))
            .min()
    {
        f.truncate(purpose + 1);
    }
    AGAINST.iter().any(|w| f.contains(w))
}

/// Words that turn from what was said to the order ("ok then lock it", « bon, bloquez
/// quand même »), padded.
const TURN_TO_ORDER: &[&str] = &[
    " alors ",
    " donc ",
    " d'accord ",
    " bon ",
    " ok ",
    " okay ",
    " then ",
    " anyway ",
    " still ",
    " but ",
    " mais ",
    " quand meme ",
];

/// Folded `f` from the last turn to the order before its lock verb ("… pas bloquée d'accord
/// alors bloque la" → " bloque la "); all of `f` when there is none.
fn after_turn_to_order(f: &str) -> &str {
    let Some(verb) = LOCK_VERBS.iter().filter_map(|w| f.find(w)).min() else {
        return f;
    };
    TURN_TO_ORDER
        .iter()
        .filter_map(|w| f[..verb + 1].rfind(w).map(|at| at + w.len() - 1))
        .max()
        .map_or(f, |at| &f[at..])
}

/// Lock verbs that can only mean a card in a bank's chat, in the imperative: "bloquez quand
/// même", "lock it anyway" (never "désactive", which alerts share).
const PLAIN_ORDER_VERBS: &[&str] = &[
    " bloque ",
    " bloquez ",
    " bloques ",
    " verrouille ",
    " verrouillez ",
    " gele ",
    " gelez ",
    " lock ",
    " freeze ",
    " block ",
];

/// True when the last sentence of `text` orders a lock outright ("3,80 chez Paul c'était
/// moi. Bon, bloquez quand même par sécurité", "the coffee was me. still, lock the card"):
/// a card lock asked, whatever the sentences before it name.
pub(crate) fn last_sentence_orders(text: &str) -> bool {
    let Some(last) = text
        .split(['.', '!', '\n'])
        .map(str::trim)
        .rfind(|s| !s.is_empty())
    else {
        return false;
    };
    let f = fold(last);
    !last.contains('?')
        && PLAIN_ORDER_VERBS.iter().any(|w| f.contains(w))
        && !against(&f)
        && !crate::alert_words::named(last)
}

/// Words opening what a lock is for ("so no one can use it", « pour que personne… »).
const PURPOSE: &[&str] = &[
    " so ",
    " so that ",
    " in case ",
    " pour que ",
    " pour pas que ",
    " afin que ",
    " comme ca ",
];

/// Locks the one card meant at once; with none or several, the usual lock flow asks.
pub(crate) async fn lock_now(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    kind: Option<AccountKind>,
) -> Result<(), HandlerError> {
    state.pending = None;
    if !ctx.auth_fresh {
        return cards::handle(ctx, state, credential, kind).await;
    }
    let all = ctx.services.cards.cards(credential).await?;
    let wanted = match kind {
        Some(AccountKind::CreditCard) => Some(CardKind::Credit),
        Some(AccountKind::Checking) => Some(CardKind::Debit),
        _ => None,
    };
    let unlocked: Vec<_> = all
        .iter()
        .filter(|c| !c.locked && wanted.is_none_or(|k| c.kind == k))
        .collect();
    match unlocked.as_slice() {
        [card] => cards::answer(ctx, credential, &card.id, true)
            .await
            .map(|_| ()),
        _ => {
            cards::handle(ctx, state, credential, kind).await?;
            // The yes is given: the card chosen next is locked without asking again.
            state.lock_agreed = state.pending == Some(Pending::CardChoice);
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::orders;

    #[test]
    fn lock_orders_are_orders() {
        for t in [
            "ouais bloque la",
            "bloque-la direct",
            "oui bloquez-la",
            "vas y bloque",
            "yes lock it",
            "freeze it now",
            "non c'est pas moi, bloque la",
            "désactive-la",
            "suspends la CB",
            "fais opposition",
        ] {
            assert!(orders(t), "{t}");
        }
    }

    #[test]
    fn polite_requests_agree() {
        for t in [
            "vous pouvez la bloquer ?",
            "tu peux la désactiver stp",
            "can you freeze it?",
            "bloquez-la",
        ] {
            assert!(super::agrees(t), "{t}");
        }
        for t in [
            "tu peux la débloquer ?",
            "can you unfreeze it?",
            "oui",
            "merci",
        ] {
            assert!(!super::agrees(t), "{t}");
        }
    }

    #[test]
    fn unlock_requests() {
        for t in [
            "c bon je l'ai retrouvée tu peux la réactiver",
            "dégèle ma carte",
            "unfreeze my card",
            "ok je l'ai retrouvée, débloque-la",
            "can ye switch the card back on",
            "turn me card back on",
            "take the block off",
            "pls remove the freeze on my visa",
            "enlève le blocage",
            "enlever l'opposition",
            "faire sauter le blocage",
            "tu peux remettre ma carte en service",
        ] {
            assert!(super::requests_unlock(t), "{t}");
            assert!(!super::requests(t), "{t}");
        }
        assert!(!super::requests_unlock("turn my alerts back on"));
        for t in ["ne la débloque pas", "gèle ma carte", "débloquer"] {
            assert!(!super::requests_unlock(t), "{t}");
        }
    }

    #[test]
    fn lock_requests_in_other_words() {
        for t in [
            "tu peux la freeze le temps que je check",
            "mets ma carte en pause le temps que je la retrouve",
            "gèle ma carte",
            "put a hold on my visa",
            "can you freeze it while i check my car",
            "coupe ma cb vite",
        ] {
            assert!(super::requests(t), "{t}");
        }
        for t in [
            "dégèle ma carte",
            "réactive ma carte",
            "ne bloque pas ma carte",
            "it's freezing today",
            "what's my balance",
            "stop it",
            "la pause déjeuner",
        ] {
            assert!(!super::requests(t), "{t}");
        }
    }

    #[test]
    fn refusals_and_questions_are_not() {
        for t in [
            "non ne la bloque pas",
            "nan bloque pas",
            "débloque la",
            "tu peux la bloquer ?",
            "don't lock it",
            "merci",
            "oui",
            "non, ne la bloque pas",
            "lock it, no wait",
        ] {
            assert!(!orders(t), "{t}");
        }
    }
}
