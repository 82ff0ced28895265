//! "Is my card locked?", "is it still frozen", "does my visa work", "ma carte est-elle
//! bloquée ?": each card (or the kind named) said locked or working — a question, never an
//! offer to lock.

use bankbot_bank::CustomerCredential;
use bankbot_core::AccountKind;

use crate::HandlerError;
use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::format::card_label;

/// Words that ask about a state ("is", "are", "still", "status"), each padded.
const ASKING: &[&str] = &[
    " is my ",
    " is it ",
    " is the ",
    " are my ",
    " are they ",
    " still ",
    " status ",
    " is my card ",
    " does my ",
    " do my ",
    " est elle ",
    " est ce que ma ",
    " est ce que mes ",
    " toujours ",
    " statut ",
    " etat de ma ",
    // "my card isnt locked right?", "did my card get blocked or nah": a state said and
    // checked.
    " isnt ",
    " isn't ",
    " is not ",
    " did my ",
    " has my ",
    // "r my cards ok": texting's "r" for "are".
    " r my ",
    " was my ",
    " or not ",
    " or nah ",
    " or no ",
    " right ",
    " yeah ",
    " innit ",
];

/// Tags that make a statement about the card a question ("…right?", « …hein »), each padded.
const TAG: &[&str] = &[
    " hein ",
    " right ",
    " yeah ",
    " yea ",
    " innit ",
    " correct ",
    " non ",
    " n'est ce pas ",
    " or not ",
    " or nah ",
    " or no ",
];

/// "can i still pay with it", « je peux encore payer avec ma carte ? »: whether it still
/// works, each padded.
const STILL_USABLE: &[&str] = &[
    " can i still use ",
    " can i still pay ",
    " i can still use ",
    " i can still pay ",
    " still usable ",
    " still good ",
    " still ok ",
    " je peux encore payer ",
    " je peux toujours payer ",
    " jpeux encore payer ",
    " jpeux toujours payer ",
    " je peux encore l'utiliser ",
    " je peux toujours l'utiliser ",
    " je peux encore m'en servir ",
    " je peux toujours m'en servir ",
    " on peut encore payer ",
];

/// The states asked about, each padded.
const STATE: &[&str] = &[
    " locked ",
    " blocked ",
    " frozen ",
    " froze ",
    " active ",
    " activated ",
    " working ",
    " work ",
    " works ",
    " workin ",
    " usable ",
    " good to use ",
    " on hold ",
    " suspended ",
    " status ",
    " bloquee ",
    " bloque ",
    " active ",
    " fonctionne ",
    " marche ",
    " statut ",
];

/// How a card is doing, asked in everyday words ("r my cards ok", "me card grand?", « ma
/// carte ça va ? », « elle va bien ma carte ? »), each padded.
const WELL: &[&str] = &[
    " ok ",
    " okay ",
    " good ",
    " all good ",
    " alright ",
    " all right ",
    " fine ",
    " grand ",
    " ca va ",
    " va bien ",
    " correct ",
    // Belgian and Swiss "en ordre": fine.
    " en ordre ",
];

/// The most words of a bare question on a card's state ("Mi card lock?", « carte bloquée
/// ? », "cards all good?").
const SHORT_QUESTION_WORDS: usize = 5;

/// Words of a request to change the state, which the lock and unlock flows answer.
const CHANGE: &[&str] = &[
    " lock ",
    " unlock ",
    " unblock ",
    " block ",
    " freeze ",
    " unfreeze ",
    " reactivate ",
    " turn ",
    " please ",
    " pls ",
    " can you ",
    " could you ",
    " bloquer ",
    " debloquer ",
    " debloquez ",
    " bloquez ",
    " bloque la ",
    " bloque ma ",
    " bloque moi ",
    " lost ",
    " stolen ",
    " perdu ",
    " vole ",
];

/// A card that did not work: "declined", "refused", "doesn't work" — answered with its state.
const DECLINED: &[&str] = &[
    " declined ",
    " got declined ",
    " was declined ",
    " rejected ",
    " refused ",
    " not working ",
    " isnt working ",
    " isn't working ",
    " aint working ",
    " not workin ",
    " doesnt work ",
    " doesn't work ",
    " didnt work ",
    " didn't work ",
    " wont work ",
    " won't work ",
    " stopped working ",
    " refusee ",
    " refuse ",
    " ne marche pas ",
    " ne marche plus ",
    " ne fonctionne pas ",
    " ne fonctionne plus ",
    " passe pas ",
    " passe plus ",
    " marche pas ",
    " marche plus ",
    " marchait pas ",
    " pas marcher ",
    " pas fonctionner ",
    " pas marche ",
    " fonctionne pas ",
    " fonctionne plus ",
    " fonctionnait pas ",
    " a ete refusee ",
    " veut pas ",
    " veut plus ",
    // Québec's "pu" (plus): "ma carte marche pu", "ça passe pu".
    " marche pu ",
    " fonctionne pu ",
    " passe pu ",
    " a pas passe ",
    " a pas marche ",
    " passait pas ",
    " pogne pas ",
    " deconne ",
    " bug ",
    " bugge ",
    // "i am not able to do transaction with my card" (Indian and formal English).
    " not able to use ",
    " unable to use ",
    " not able to do transaction ",
    " unable to do transaction ",
    " not able to do any transaction ",
    " not able to transact ",
    " unable to transact ",
    " not able to pay with ",
    " unable to pay with ",
    " not able to make payment ",
    " unable to make payment ",
    " cant use ",
    " can't use ",
    " cannot use ",
    " not going through ",
    " isnt going through ",
    " wont go through ",
    " won't go through ",
    " not accepted ",
    // "my card is blocked since yesterday", "my card got blocked suddenly" (Indian and
    // British English: the card stopped working, not a request to lock it).
    " is blocked since ",
    " blocked since ",
    " got blocked ",
    " has been blocked ",
    " has got blocked ",
    " is getting blocked ",
    " keeps getting blocked ",
];

/// The customer saying they did not lock it ("bin non je l'ai pas bloquée", "i never
/// locked it"): the state, said again, never a fraud report nor an offer to lock.
const NOT_LOCKED_BY_ME: &[&str] = &[
    " l'ai pas bloquee ",
    " l'ai pas bloque ",
    " l'ai jamais bloquee ",
    " l'ai jamais bloque ",
    " l'ai pas bloquer ",
    " l ai pas bloquee ",
    " l ai jamais bloquee ",
    " lai pas bloquee ",
    " lai jamais bloquee ",
    " ai rien bloque ",
    " ai pas bloque ma carte ",
    " ai jamais bloque ma carte ",
    " didn't lock it ",
    " didnt lock it ",
    " never locked it ",
    " didn't block it ",
    " didnt block it ",
];

/// A payment that failed, said without naming the card: "chu pas capable de payer au
/// dépanneur", "je peux pas payer", "mon paiement a été refusé", "impossible de payer".
const PAYING_FAILED: &[&str] = &[
    " pas capable de payer ",
    " pu capable de payer ",
    " plus capable de payer ",
    " peux pas payer ",
    " peux plus payer ",
    " peut pas payer ",
    " pouvais pas payer ",
    " pu payer ",
    " pas pu payer ",
    " arrive pas a payer ",
    " arrive plus a payer ",
    " impossible de payer ",
    " paiement refuse ",
    " paiement a ete refuse ",
    " paiement est refuse ",
    " paiement a ete rejete ",
    " paiement rejete ",
    " paiement passe pas ",
    " paiement est pas passe ",
    " paiement a pas passe ",
    " achat refuse ",
    " transaction refusee ",
    " paiement a echoue ",
    " ca a pas passe ",
    " ca a pas passe a la caisse ",
];

/// A refusal said alone, in a short message: "smh declined again", "declined wtf".
const DECLINED_ALONE: &[&str] = &[" declined ", " denied ", " rejected "];

/// The most words a message may have for a bare "declined" to be about the card.
const DECLINED_ALONE_WORDS: usize = 5;

/// True when `text` says a card was declined ("my card got declined", "ma carte ne passe
/// pas"), without asking to change it.
pub(crate) fn declined(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    let card = has(&[
        " card ",
        " visa ",
        " carte ",
        " cb ",
        " debit card ",
        " credit card ",
    ]);
    // "can you tell me why", "please": politeness, not an order to change the card.
    let softener = |w: &&str| {
        matches!(
            *w,
            " please " | " pls " | " can you " | " could you " | " turn "
        )
    };
    let orders = CHANGE
        .iter()
        .filter(|w| !softener(w))
        .any(|w| f.contains(w));
    let bare = f.split_whitespace().count() <= DECLINED_ALONE_WORDS && has(DECLINED_ALONE);
    ((card && has(DECLINED)) || bare || has(PAYING_FAILED)) && !orders
}

/// A refusal told again at another place, each padded and folded.
const AGAIN_AT: &[&str] = &[
    " and at ",
    " and in ",
    " and then at ",
    " and then in ",
    " and online ",
    " and again ",
    " et au ",
    " et aux ",
    " et a ",
    " et chez ",
    " et en ",
    " et aussi au ",
    " et aussi chez ",
    " et puis au ",
    " et puis chez ",
];

/// "my card was declined at the atm yesterday and at the store", « refusée au distributeur
/// et chez Carrefour »: one failure told at several places, one request (never cut at its
/// "and" into a second, bare one).
pub(crate) fn declined_in_places(text: &str) -> bool {
    let f = fold(text);
    declined(text) && AGAIN_AT.iter().any(|w| f.contains(w))
}

/// True when `text` says a card stopped working or was declined, whatever else it asks
/// ("bloque ma carte elle marche plus", "lock my card it's not working").
pub(crate) fn says_not_working(text: &str) -> bool {
    let f = fold(text);
    let card = [
        " card ", " visa ", " carte ", " cb ", " it ", " elle ", " debit ",
    ]
    .iter()
    .any(|w| f.contains(w));
    card && DECLINED.iter().any(|w| f.contains(w))
}

/// `text` folded without what it says of a failure ("bloque ma visa elle marche pas" →
/// "bloque ma visa elle"), so the negation of the failure does not read as one of the lock,
/// and without the lock verbs' accented past participles ("c'est-tu bloqué ?", "elle est
/// gelée"): a state asked about, which folding would turn into the imperative "bloque".
pub(crate) fn without_failure(text: &str) -> String {
    let lowered = text.to_lowercase();
    let stated: String = lowered
        .split_whitespace()
        .map(|word| if is_lock_participle(word) { "" } else { word })
        .collect::<Vec<_>>()
        .join(" ");
    let mut f = fold(&stated);
    for w in DECLINED {
        f = f.replace(w, " ");
    }
    f
}

/// A lock verb's French past participle, accent written ("bloqué", "gelées", "c'est-tu
/// verrouillée?"), punctuation around it ignored.
fn is_lock_participle(word: &str) -> bool {
    const STEMS: &[&str] = &["bloqu", "verrouill", "gel", "désactiv", "stopp", "coup"];
    let word = word.trim_matches(|c: char| !c.is_alphabetic());
    let word = word.rsplit(['\'', '’', '-']).next().unwrap_or(word);
    let stem = word
        .strip_suffix("ées")
        .or_else(|| word.strip_suffix("ée"))
        .or_else(|| word.strip_suffix("és"))
        .or_else(|| word.strip_suffix('é'));
    match stem {
        Some(stem) => STEMS.contains(&stem),
        None => word.starts_with("suspendu"),
    }
}

/// True when `text` asks whether a card is locked or works, or says it was declined,
/// without asking to change it.
pub(crate) fn asks(text: &str) -> bool {
    // "the starbucks was me. still, lock the debit card to be safe": a lock ordered in the
    // last sentence, after something said first, is no question about the state.
    if crate::intents::lock_order::last_sentence_orders(text)
        && text
            .split(['.', '!'])
            .filter(|s| !s.trim().is_empty())
            .count()
            >= 2
    {
        return false;
    }
    // "my card still block?": the state asked, in the verb's bare form.
    let f = fold(text)
        .replace(" still block ", " still blocked ")
        .replace(" still lock ", " still locked ")
        .replace(" still freeze ", " still frozen ");
    // "Mi card lock?", "my card lock??": the state asked, the lock word last.
    let f = match f.strip_suffix(" lock ") {
        Some(head) if text.contains('?') => format!("{head} locked "),
        _ => f,
    };
    // « elle est pas bloquer hein ? »: the participle typed as the infinitive.
    let f = [
        " est ",
        " pas ",
        " toujours ",
        " bien ",
        " deja ",
        " encore ",
        " plus ",
    ]
    .iter()
    .fold(f, |f, w| {
        f.replace(&format!("{w}bloquer "), &format!("{w}bloquee "))
    });
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    if declined(text) || has(NOT_LOCKED_BY_ME) {
        return true;
    }
    // "is my debit card still active please": politeness, no order to change it.
    let changes = CHANGE
        .iter()
        .filter(|w| !matches!(**w, " please " | " pls "))
        .any(|w| f.contains(w));
    let about_card = has(&[
        " card ", " cards ", " it ", " visa ", " carte ", " cartes ", " debit ", " cb ",
    ]);
    if about_card && has(ASKING) && (has(STATE) || has(WELL)) && !changes {
        return true;
    }
    // "Mi card lock?", "cards all good?", « ma carte bloquée ? », « mes cartes sont ok ? »:
    // a bare question on the state.
    let short = f.split_whitespace().count() <= SHORT_QUESTION_WORDS;
    if short && text.contains('?') && about_card && (has(STATE) || has(WELL)) && !has(CHANGE) {
        return true;
    }
    if about_card && has(STILL_USABLE) && !changes {
        return true;
    }
    // "ma carte marche ?", "ma carte fonctionne-tu ?", "c'tu correct ma carte marche ?":
    // whether it works, asked with a mark or with Québec's "-tu" after the verb.
    let works = has(&[" marche ", " fonctionne ", " work ", " working "]);
    let quebec_tu = has(&[
        " marche-tu ",
        " marche tu ",
        " fonctionne-tu ",
        " fonctionne tu ",
        " c'tu ",
        " c tu ",
        " est-tu ",
    ]);
    let card = has(&[" carte ", " cb ", " card ", " visa ", " debit "]);
    if card && (quebec_tu || works && text.contains('?')) && !has(CHANGE) {
        return true;
    }
    // "ma cb est bloquée ?", "elle est bloquée là ?": a short question on the state.
    let short_ref = has(&[" cb ", " elle ", " carte ", " visa ", " card ", " it "]);
    // "elle est bloquée ou pas", "ma carte est active ou non": asked without a mark.
    let question = text.contains('?') || has(&[" ou pas ", " ou non ", " ou quoi "]) || has(TAG);
    question && short_ref && has(&[" est ", " is "]) && has(STATE) && !has(CHANGE)
}

/// Says whether each card (of the kind named, if any) is locked; after a declined payment,
/// also what else declines one and who can tell.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    kind: Option<AccountKind>,
    declined: bool,
) -> Result<(), HandlerError> {
    let cards = ctx.services.cards.cards(credential).await?;
    ctx.audit("cards");
    let shown = super::cards::of_kind_or_all(&cards, kind);
    if shown.is_empty() {
        ctx.say(Msg::CardNone);
        return Ok(());
    }
    for card in shown {
        let label = card_label(card);
        if card.locked {
            ctx.say(Msg::CardIsLocked(&label));
        } else {
            ctx.say(Msg::CardNotLocked(&label));
        }
    }
    if declined {
        // Not locked, yet declined: the other reasons, and who can tell which.
        let text = ctx.t(Msg::CardDeclinedWhy(ctx.contact()));
        ctx.reply(bankbot_core::Reply::text(text));
    }
    Ok(())
}

/// "ok et si je la retrouve demain ?", "what if it turns up?" after a lock: a question about
/// getting the card back, answered with its state and how to unlock it here.
pub(crate) fn asks_if_found(text: &str) -> bool {
    const FOUND: &[&str] = &[
        " si je la retrouve ",
        " si je la retrouvais ",
        " si je la trouve ",
        " si je la recupere ",
        " si on me la rend ",
        " si on la retrouve ",
        " si elle reapparait ",
        " si je remets la main dessus ",
        " if i find it ",
        " if i found it ",
        " if it turns up ",
        " if i get it back ",
        " if someone finds it ",
        " when i find it ",
        " quand je la retrouve ",
        " quand je l'aurai retrouvee ",
    ];
    let f = fold(text);
    FOUND.iter().any(|w| f.contains(w))
}

/// "tu peux me montrer mes cartes", "which cards do I have", "j'ai quelles cartes ?": the
/// customer's cards, each with its state (not a request to lock or unlock one).
pub(crate) fn lists_cards(text: &str) -> bool {
    const CARDS: &[&str] = &[
        " mes cartes ",
        " mes cb ",
        " my cards ",
        " quelles cartes ",
        " which cards ",
        " what cards ",
        " combien de cartes ",
        " how many cards ",
        " mes cartes bancaires ",
        " les cartes que j'ai ",
        " comme cartes ",
        " comme carte ",
    ];
    const SHOW: &[&str] = &[
        " montre ",
        " montrer ",
        " montrez ",
        " voir ",
        " affiche ",
        " afficher ",
        " liste ",
        " lister ",
        " quelles ",
        " quoi ",
        " show ",
        " see ",
        " list ",
        " view ",
        " which ",
        " what ",
        " combien ",
        " how many ",
        " j'ai ",
        " jai ",
        " have ",
    ];
    const ACTION: &[&str] = &[
        " bloque ",
        " bloquer ",
        " bloquez ",
        " debloque ",
        " debloquer ",
        " opposition ",
        " perdu ",
        " vole ",
        " volees ",
        " perdues ",
        " lost ",
        " stolen ",
        " lock ",
        " unlock ",
        " block ",
        " freeze ",
        " depense ",
        " depenses ",
        " spent ",
        " spend ",
        " operations ",
        " transactions ",
        " paiements ",
        " payments ",
        " plafond ",
    ];
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    has(CARDS) && has(SHOW) && !has(ACTION)
}

#[cfg(test)]
mod tests {
    use super::{asks, lists_cards};

    #[test]
    fn getting_it_back() {
        assert!(super::asks_if_found("ok et si je la retrouve demain?"));
        assert!(super::asks_if_found("what if it turns up tomorrow"));
        assert!(!super::asks_if_found("je l'ai retrouvée, débloque"));
    }

    #[test]
    fn showing_the_cards() {
        for t in [
            "tu peux me montrer mes cartes",
            "which cards do i have",
            "j'ai quelles cartes ?",
            "show my cards",
        ] {
            assert!(lists_cards(t), "{t}");
        }
        for t in [
            "bloque toutes mes cartes",
            "mes dépenses sur mes cartes",
            "i lost my cards",
        ] {
            assert!(!lists_cards(t), "{t}");
        }
    }

    #[test]
    fn short_state_questions_are_status_questions() {
        assert!(asks("ma cb est bloquée ?"));
        assert!(asks("elle est bloquée là ?"));
        assert!(asks("ma carte est bloquee?"));
        assert!(!asks("ma cb est bloquée, débloquez-la"));
        assert!(!asks("ma carte est bloquée"));
    }

    #[test]
    fn questions_about_the_state_are_status_questions() {
        for q in [
            "is my card locked?",
            "is it locked now?",
            "is my visa still frozen",
            "my card got declined at the store why",
            "smh declined again",
            "declined again?? wtf",
            "i am not able to do transaction with my card",
            "card not going through at the shop",
            "ma carte ne passe pas",
            "are my cards active",
            "does my debit card work",
            "ma carte est elle bloquee ?",
            "my card got declined at the store this morning, can you tell me why",
            "est-ce que ma carte est toujours bloquée",
        ] {
            assert!(asks(q), "{q}");
        }
    }

    #[test]
    fn requests_to_change_it_are_not() {
        for q in [
            "lock my card",
            "please unlock my card",
            "can you freeze my visa",
            "my card is lost, is it blocked?",
            "bloquer ma carte",
            "what's my balance",
        ] {
            assert!(!asks(q), "{q}");
        }
    }
}
