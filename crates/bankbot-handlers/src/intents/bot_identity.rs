//! "Am I talking to a bot?", "vous êtes un humain ?", "je parle à qui là", "y a un humain
//! derrière ?": what the customer asked about the one answering, so the honest answer
//! opens the right way — "yes, a bot" to "is this a bot?", "no, a bot" to "are you
//! human?", and a plain "I'm a bot" to "who am I talking to?" or "human or bot?".

use crate::cues::fold;

/// What the customer asked about who answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Asked {
    /// "t'es un robot ?": yes.
    Bot,
    /// "vous êtes un humain ?", "y a une vraie personne ?": no.
    Human,
    /// "je parle à qui ?", "humain ou robot ?": neither yes nor no.
    Who,
}

/// Words naming a machine answering.
const MACHINE: &[&str] = &[
    " bot ",
    " robot ",
    " machine ",
    " ai ",
    " ia ",
    " chatbot ",
    " computer ",
    " ordinateur ",
    " ordi ",
    " programme ",
    " program ",
    " automated ",
    " automatique ",
    " intelligence artificielle ",
];

/// Words naming a person answering.
const PERSON: &[&str] = &[
    " human ",
    " humain ",
    " humaine ",
    " real person ",
    " person ",
    " personne ",
    " vraie personne ",
    " vrai ",
    " real ",
    " quelqu'un de vrai ",
];

/// "who am I talking to", "t'es qui", "qui me répond": who answers, neither yes nor no.
const WHO: &[&str] = &[
    " je parle a qui ",
    " je parle avec qui ",
    " je discute avec qui ",
    " je cause a qui ",
    " qui me repond ",
    " qui me parle ",
    " qui repond ",
    " c'est qui qui repond ",
    " c'est qui qui me parle ",
    " c'est qui qui ecrit ",
    " t'es qui ",
    " t es qui ",
    " tes qui ",
    " tu es qui ",
    " vous etes qui ",
    " qui etes vous ",
    " qui es tu ",
    " t'es quoi ",
    " tu es quoi ",
    " vous etes quoi ",
    " c'est quoi toi ",
    " who am i talking to ",
    " who am i speaking to ",
    " who am i speaking with ",
    " who am i chatting with ",
    " who is this ",
    " whos this ",
    " who's this ",
    " who are you ",
    " who r u ",
    " who is answering ",
    " who's answering ",
];

/// "y a un humain ?", "il y a une vraie personne derrière ?", "is there a human there":
/// someone asked for behind the chat (not "je veux un humain", a request for one).
const ANYONE_THERE: &[&str] = &[
    " y a un ",
    " y a une ",
    " il y a un ",
    " il y a une ",
    " y'a un ",
    " y'a une ",
    " ya un ",
    " ya une ",
    " is there a ",
    " is there an ",
    " is there any ",
    " parler a un ",
    " parler a une ",
    " parle a un ",
    " parle a une ",
    " parler avec un ",
    " discute avec un ",
    " discute avec une ",
    " parle avec un ",
    " talking to a ",
    " talking to an ",
    " c toi le ",
    " c'est toi le ",
];

/// Who may be asked about right after an [`ANYONE_THERE`] opener ("y a un humain", "je
/// parle à une IA"): "y a un vrai problème" is no question about the bot.
const BEING: &[&str] = &[
    "humain ",
    "humaine ",
    "human ",
    "vraie personne ",
    "vrai humain ",
    "personne reelle ",
    "real person ",
    "person ",
    "robot ",
    "bot ",
    "ia ",
    "ai ",
    "machine ",
    "ordinateur ",
    "ordi ",
    "programme ",
    "chatbot ",
];

/// Asks for a person rather than about one ("je veux parler à un humain").
const WANTS: &[&str] = &[
    " je veux ",
    " je voudrais ",
    " j'aimerais ",
    " passez moi ",
    " passe moi ",
    " mettez moi ",
    " je prefere ",
    " je preferais ",
    " j'aimerais mieux ",
    " je souhaite ",
    " je souhaiterais ",
    " on peut ",
    " i want ",
    " i prefer ",
    " i'd rather ",
    " id rather ",
    " i would like ",
    " i need ",
    " i'd like ",
    " let me ",
    " connect me ",
    " can i ",
    " puis je ",
    " je peux ",
];

/// True when `text` holds `first` directly followed by one of `then`: the same as
/// `then.iter().any(|t| text.contains(&format!("{first}{t}")))`, without building each
/// joined phrase (every occurrence of `first` is tried, overlapping ones included).
fn followed_by_any(text: &str, first: &str, then: &[&str]) -> bool {
    let Some(step) = first.chars().next().map(char::len_utf8) else {
        return then.iter().any(|t| text.contains(t));
    };
    let mut from = 0;
    while let Some(found) = text.get(from..).and_then(|rest| rest.find(first)) {
        let start = from + found;
        let after = &text[start + first.len()..];
        if then.iter().any(|t| after.starts_with(t)) {
            return true;
        }
        from = start + step;
    }
    false
}

/// What `text` asks about who answers, if it asks that; `is_bot_question` is the older
/// reader ("are you a bot", "t'es un robot ?"), whose reading this refines.
pub(crate) fn asked(text: &str, is_bot_question: bool) -> Option<Asked> {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    if has(WHO) {
        return Some(Asked::Who);
    }
    let machine = has(MACHINE);
    let person = has(PERSON);
    let someone_there = || ANYONE_THERE.iter().any(|o| followed_by_any(&f, o, BEING));
    let about_us = is_bot_question || (someone_there() && !has(WANTS));
    if !about_us {
        return None;
    }
    Some(match (machine, person) {
        (true, true) | (false, false) => Asked::Who,
        (true, false) => Asked::Bot,
        (false, true) => Asked::Human,
    })
}

#[cfg(test)]
mod tests {
    use super::{Asked, asked, followed_by_any};

    #[test]
    fn followed_by_any_matches_the_joined_contains() {
        let texts = [
            " y a quelqu'un de humain ",
            " il y a il y a un humain ",
            " xx ",
            "",
        ];
        let firsts = [" il y a ", " y a ", "a", ""];
        let thens: &[&[&str]] = &[&["un humain ", "quelqu'un "], &["x"], &[""], &[]];
        for text in texts {
            for first in firsts {
                for then in thens {
                    let joined = then.iter().any(|t| text.contains(&format!("{first}{t}")));
                    assert_eq!(
                        followed_by_any(text, first, then),
                        joined,
                        "{text:?} {first:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn who_answers() {
        for who in [
            "je parle à qui là",
            "qui me répond ?",
            "t es qui",
            "vous êtes qui ?",
            "qui êtes-vous",
            "c'est qui qui me parle",
            "who am i talking to",
        ] {
            assert_eq!(asked(who, false), Some(Asked::Who), "{who}");
        }
        assert_eq!(
            asked("c'est une personne ou un robot", true),
            Some(Asked::Who)
        );
    }

    #[test]
    fn human_or_bot() {
        assert_eq!(asked("vous etes un humain", true), Some(Asked::Human));
        assert_eq!(asked("y a un humain derriere ?", false), Some(Asked::Human));
        assert_eq!(
            asked("il y a une vraie personne derrière l'écran ?", false),
            Some(Asked::Human)
        );
        assert_eq!(asked("t'es un robot ?", true), Some(Asked::Bot));
        assert_eq!(
            asked("je suis en train de parler a une ia la ?", false),
            Some(Asked::Bot)
        );
        assert_eq!(asked("c toi le robot ?", false), Some(Asked::Bot));
        assert_eq!(asked("je discute avec un ordi ?", false), Some(Asked::Bot));
    }

    #[test]
    fn requests_and_other_questions() {
        assert_eq!(asked("je veux parler a un humain", false), None);
        assert_eq!(asked("je préfère parler à un humain", false), None);
        assert_eq!(asked("y a un distributeur pas loin ?", false), None);
        assert_eq!(asked("y a un vrai probleme avec ma carte", false), None);
        assert_eq!(
            asked("il y a une personne qui a utilise ma carte", false),
            None
        );
        assert_eq!(asked("quel est mon solde", false), None);
    }
}
