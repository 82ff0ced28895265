//! "lock my debit card lol jk dont", "lock my visa actually never mind", "delete my data…
//! wait no": a request taken back in the same message. Nothing is started; the customer is
//! told nothing was changed.

use crate::cues::fold;

/// Phrases that take back what came before them, anywhere after the request; each padded.
const TAKE_BACK: &[&str] = &[
    " jk ",
    " j/k ",
    " just kidding ",
    " just joking ",
    " kidding ",
    " never mind ",
    " nevermind ",
    " nvm ",
    " nm ",
    " forget it ",
    " forget that ",
    " forget about it ",
    " scratch that ",
    " cancel that ",
    " ignore that ",
    " actually no ",
    " actually dont ",
    " actually don't ",
    " no wait ",
    " wait no ",
    " dont do it ",
    " don't do it ",
    " dont do that ",
    " don't do that ",
    " dont lock ",
    " don't lock ",
    " do not lock ",
    " dont delete ",
    " don't delete ",
    " laisse tomber ",
    " oublie ca ",
    " je rigole ",
    " non attends ",
    " en fait non ",
];

/// Words that end a message to take it back ("… lol dont").
const LAST_WORD: &[&str] = &["dont", "don't", "nope", "nah"];

/// The words of the requests that can be taken back, each padded.
const ACTION: &[&str] = &[
    " lock ",
    " block ",
    " freeze ",
    " unlock ",
    " unfreeze ",
    " delete ",
    " erase ",
    " unlink ",
    " disconnect ",
    " bloque ",
    " bloquer ",
    " debloque ",
    " supprime ",
    " supprimer ",
];

/// True when `text` asks for an action and takes it back after asking ("lock my card lol
/// jk dont"); a take-back before the request ("nvm the debit, lock the visa") does not.
pub(crate) fn taken_back(text: &str) -> bool {
    let f = fold(text);
    let Some(action_at) = ACTION.iter().filter_map(|w| f.rfind(w)).max() else {
        return false;
    };
    let after = &f[action_at..];
    if TAKE_BACK.iter().any(|w| after.contains(w)) {
        return true;
    }
    f.split_whitespace()
        .last()
        .is_some_and(|w| LAST_WORD.contains(&w))
        && f.split_whitespace().count() > 2
}

/// A lock refused in so many words, each padded and folded: "il faut pas la bloquer",
/// "don't lock it", "no need to block it", "pas besoin de la bloquer".
const LOCK_REFUSED: &[&str] = &[
    " don't lock ",
    " dont lock ",
    " do not lock ",
    " don't block ",
    " dont block ",
    " do not block ",
    " don't freeze ",
    " dont freeze ",
    " do not freeze ",
    " no need to lock ",
    " no need to block ",
    " no need to freeze ",
    " shouldn't lock ",
    " not lock it ",
    " pas la bloquer ",
    " pas le bloquer ",
    " pas bloquer ",
    " ne la bloque pas ",
    " ne la bloquez pas ",
    " ne le bloque pas ",
    " la bloque pas ",
    " la bloquez pas ",
    " pas besoin de la bloquer ",
    " pas besoin de bloquer ",
    " pas la peine de la bloquer ",
    " pas la peine de bloquer ",
];

/// The customer's own choice not to lock, whatever came before: "je préfère ne pas bloquer
/// ma carte pour l'instant", "je veux pas la bloquer", "I'd rather not lock it".
const LOCK_NOT_WANTED: &[&str] = &[
    " prefere ne pas bloquer ",
    " prefere ne pas la bloquer ",
    " prefere pas bloquer ",
    " prefere pas la bloquer ",
    " veux pas bloquer ",
    " veux pas la bloquer ",
    " voudrais pas bloquer ",
    " voudrais pas la bloquer ",
    " souhaite pas bloquer ",
    " souhaite ne pas bloquer ",
    " souhaite pas la bloquer ",
    " souhaite ne pas la bloquer ",
    " prefererais ne pas bloquer ",
    " prefererais ne pas la bloquer ",
    " rather not lock ",
    " rather not block ",
    " don't want to lock ",
    " dont want to lock ",
    " don't want to block ",
    " dont want to block ",
    // "don't lock it", "dont block it yet", "bloque pas", "ne la bloque pas": an order
    // negated, whatever was asked before.
    " don't lock it ",
    " dont lock it ",
    " do not lock it ",
    " don't block it ",
    " dont block it ",
    " do not block it ",
    " don't freeze it ",
    " dont freeze it ",
    " do not freeze it ",
    " bloque pas ",
    " bloquez pas ",
    " bloques pas ",
    // "non non ne bloquez rien du tout", "don't lock anything", "never lock it".
    " bloque rien ",
    " bloquez rien ",
    " bloquer rien ",
    " rien bloquer ",
    " jamais bloquer ",
    " don't lock anything ",
    " dont lock anything ",
    " don't block anything ",
    " dont block anything ",
    " never lock it ",
    " never block it ",
];

/// True when `text` says the customer does not want a lock ("je préfère ne pas bloquer ma
/// carte"), without asking anything: no lock is offered, even with nothing asked before.
pub(crate) fn lock_not_wanted(text: &str) -> bool {
    let f = fold(text);
    !text.contains('?') && LOCK_NOT_WANTED.iter().any(|p| f.contains(p))
}

/// True when `text` refuses a lock outright ("faut pas la bloquer en fait", "dont lock
/// it"), without asking anything: no lock is started.
pub(crate) fn lock_refused(text: &str) -> bool {
    let f = fold(text);
    !text.contains('?') && LOCK_REFUSED.iter().any(|p| f.contains(p))
}

/// Phrases that drop something, each padded and folded ("laisse tomber", "forget").
const DROP: &[&str] = &[
    " laisse tomber ",
    " laissez tomber ",
    " laisse tomber pour ",
    " on laisse tomber ",
    " oublie la ",
    " oublie le ",
    " oubliez la ",
    " oubliez le ",
    " on oublie ",
    " forget ",
    " forget about ",
    " never mind ",
    " nevermind ",
    " nvm ",
    " skip ",
    " pas la peine pour ",
    " pas besoin pour ",
];

/// What a lock is about: the card, the lock itself.
const LOCK_SUBJECT: &[&str] = &[
    " carte ",
    " cb ",
    " blocage ",
    " bloquage ",
    " card ",
    " lock ",
    " block ",
    " freeze ",
    " visa ",
];

/// Lock orders, each padded and folded: "laisse tomber, bloque-la" still asks the lock.
const LOCK_ORDER: &[&str] = &[
    " bloque ",
    " bloquer ",
    " bloquez ",
    " bloques ",
    " lock it ",
    " block it ",
    " freeze it ",
    " lock my ",
    " lock the ",
    " block my ",
    " block the ",
];

/// True when `text` drops the card or its lock ("laisse tomber la carte", "oublie le
/// blocage", "forget the card", "nvm the lock"), with no lock order in it and no "don't
/// forget" ("oublie pas de la bloquer" asks for the lock).
pub(crate) fn card_dropped(text: &str) -> bool {
    let f = fold(text);
    let Some(at) = DROP.iter().filter_map(|d| f.find(d)).min() else {
        return false;
    };
    let after = &f[at..];
    let not_forgotten = [
        " oublie pas ",
        " oubliez pas ",
        " n'oublie ",
        " n'oubliez ",
        " don't forget ",
        " dont forget ",
        " do not forget ",
        // "j'ai oublié la carte au resto": forgotten somewhere, nothing dropped.
        " ai oublie ",
        " jai oublie ",
        " j'ai oublie ",
        " avais oublie ",
    ];
    LOCK_SUBJECT.iter().any(|w| after.contains(w))
        && !LOCK_ORDER.iter().any(|w| f.contains(w))
        && !not_forgotten.iter().any(|w| f.contains(w))
        && !text.contains('?')
}

#[cfg(test)]
mod tests {
    use super::taken_back;

    #[test]
    fn cards_dropped() {
        use super::card_dropped;
        for t in [
            "laisse tomber la carte",
            "non laisse tomber pour la carte",
            "oublie le blocage",
            "on oublie la carte c'est bon",
            "forget the card",
            "nvm the lock",
            "laissez tomber le blocage merci",
        ] {
            assert!(card_dropped(t), "{t}");
        }
        for t in [
            "laisse tomber, bloque la carte",
            "oublie pas de bloquer la carte",
            "don't forget to lock my card",
            "nvm the debit, lock the visa",
            "laisse tomber",
            "j'ai oublié ma carte au resto",
            "jai oublié la carte au resto hier soir",
        ] {
            assert!(!card_dropped(t), "{t}");
        }
    }

    #[test]
    fn locks_refused() {
        use super::lock_refused;
        for t in [
            "il faut pas la bloquer en fait",
            "dont lock it",
            "no need to block my card",
            "pas besoin de la bloquer",
            "ne la bloquez pas svp",
        ] {
            assert!(lock_refused(t), "{t}");
        }
        for t in [
            "lock my card",
            "why can't i lock it? dont lock it?",
            "bloque ma carte",
        ] {
            assert!(!lock_refused(t), "{t}");
        }
    }

    #[test]
    fn requests_taken_back() {
        for q in [
            "lock my debit card lol jk dont",
            "lock my visa actually never mind",
            "lock my card... nvm found it",
            "freeze my debit card, no wait dont",
            "delete my data. scratch that",
            "bloque ma carte, non attends",
            "lock my visa lol jk",
        ] {
            assert!(taken_back(q), "{q}");
        }
    }

    #[test]
    fn requests_kept() {
        for q in [
            "lock my debit card",
            "nvm the debit, lock the visa",
            "i dont know which one, lock both",
            "lock my card so nobody can use it",
            "can you lock my card? i dont have it anymore",
        ] {
            assert!(!taken_back(q), "{q}");
        }
    }
}
