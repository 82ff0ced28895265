//! Courtesy and reactions that ask for nothing: a blessing ("que Dieu vous garde", "God
//! bless you", « qu'Allah vous protège »), an acknowledgement ("je vous remercie, c'est très
//! clair", "crystal clear thanks", « c'est limpide ») and bare "where? when?" reactions
//! (« Où ça ? Quand ? »). The words "garde", "keep" or "clair" in them are no question about
//! the data kept: courtesy stays courtesy, never the privacy notice.

use crate::cues::fold;

/// What a courtesy-only message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Courtesy {
    /// "God bless you", « que Dieu vous garde ».
    Blessing,
    /// "that's very clear, thanks", « c'est noté, c'est limpide ».
    Understood,
    /// "where? when?", « où ça ? quand ? »: where and when of something just spoken of.
    WhereWhen,
}

/// Words naming a deity, folded.
const DEITY: &[&str] = &[
    "dieu", "allah", "god", "lord", "seigneur", "jesus", "bondieu", "dios", "lord's",
];

/// Words of a blessing or a wish that go with a deity (keep, bless, protect, reward).
const BLESS: &[&str] = &[
    "garde",
    "gardes",
    "protege",
    "protegent",
    "benisse",
    "benit",
    "benis",
    "bless",
    "blesses",
    "keep",
    "keeps",
    "protect",
    "protects",
    "reward",
    "repay",
    "rende",
    "recompense",
    "assiste",
    "accompagne",
    "preserve",
    "watch",
    "guide",
    "hafdek",
    "yhafdek",
    "ihfdek",
    "ybarek",
    "barak",
    "baraka",
    "be",
];

/// Blessings said without a deity.
const BLESS_ALONE: &[&str] = &[
    " bless you ",
    " bless ya ",
    " bless u ",
    " bless your heart ",
    " blessings ",
    " be blessed ",
    " stay blessed ",
    " soyez beni ",
    " soyez benie ",
    " soyez benis ",
    " barakallahou fik ",
    " barakallah ",
    " inchallah ",
    " inshallah ",
];

/// Words an acknowledgement is made of; one of [`UNDERSTOOD`] must be among them.
const FILLER: &[&str] = &[
    "merci",
    "mercii",
    "beaucoup",
    "bien",
    "infiniment",
    "mille",
    "fois",
    "je",
    "j",
    "vous",
    "te",
    "remercie",
    "c",
    "ce",
    "est",
    "cest",
    "tres",
    "vraiment",
    "tout",
    "a",
    "fait",
    "clair",
    "claire",
    "limpide",
    "net",
    "precis",
    "comme",
    "de",
    "l",
    "eau",
    "roche",
    "le",
    "jour",
    "note",
    "notee",
    "compris",
    "comprends",
    "ai",
    "pige",
    "capte",
    "entendu",
    "ok",
    "okay",
    "oki",
    "d",
    "accord",
    "dac",
    "parfait",
    "super",
    "nickel",
    "top",
    "ca",
    "marche",
    "oui",
    "ouais",
    "bon",
    "alors",
    "voila",
    "maintenant",
    "thanks",
    "thank",
    "thx",
    "ty",
    "you",
    "u",
    "very",
    "so",
    "much",
    "that",
    "thats",
    "that's",
    "it's",
    "its",
    "is",
    "s",
    "it",
    "all",
    "clear",
    "crystal",
    "as",
    "day",
    "understood",
    "understand",
    "i",
    "got",
    "gotcha",
    "makes",
    "sense",
    "noted",
    "perfect",
    "great",
    "fine",
    "cool",
    "lovely",
    "cheers",
    "alright",
    "right",
    "now",
    "fair",
    "enough",
    "lot",
    "really",
    "totally",
    "good",
    "yes",
    "yeah",
    "explained",
    "explique",
    "explication",
    "l'explication",
    "the",
    "explanation",
    "for",
    "pour",
    "well",
    "nicely",
    "thankyou",
    "c'est",
    "j'ai",
    "d'accord",
    "l'eau",
    "tt",
    "trop",
    "hyper",
    "grave",
    "mec",
    "madame",
    "monsieur",
    "sir",
    "maam",
    "ma'am",
    "mate",
    "bro",
    "frere",
    "fréro",
    "frero",
];

/// The words that make a message an acknowledgement.
const UNDERSTOOD: &[&str] = &[
    "clair",
    "claire",
    "limpide",
    "note",
    "notee",
    "compris",
    "comprends",
    "pige",
    "capte",
    "entendu",
    "clear",
    "understood",
    "understand",
    "gotcha",
    "sense",
    "noted",
    "explained",
    "explique",
];

/// Words of a bare where-and-when reaction.
const WHERE_WHEN: &[&str] = &[
    "ou",
    "quand",
    "where",
    "when",
    "ca",
    "et",
    "and",
    "alors",
    "donc",
    "hein",
    "ah",
    "oh",
    "c",
    "est",
    "c'est",
    "ça",
    "exactement",
    "exactly",
    "precisement",
    "then",
    "so",
];

/// Words that bring the data, money or a card into a message: then it is no courtesy.
const TOPIC: &[&str] = &[
    "donnees",
    "data",
    "info",
    "infos",
    "information",
    "informations",
    "compte",
    "comptes",
    "account",
    "accounts",
    "carte",
    "card",
    "solde",
    "balance",
    "argent",
    "money",
    "messages",
    "conversation",
    "chat",
    "paiement",
    "payment",
    "virement",
    "transfer",
    "securite",
    "secure",
    "safe",
    "prive",
    "private",
    "vie",
    "privee",
    "privacy",
];

fn words(f: &str) -> Vec<&str> {
    f.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The courtesy `text` is made of alone, if it is one.
pub(crate) fn read(text: &str) -> Option<Courtesy> {
    let f = fold(text);
    let w = words(&f);
    if w.is_empty() || w.iter().any(|x| TOPIC.contains(x)) {
        return None;
    }
    let deity = w.iter().any(|x| DEITY.contains(x));
    let blessing =
        (deity && w.iter().any(|x| BLESS.contains(x))) || BLESS_ALONE.iter().any(|b| f.contains(b));
    if blessing && w.len() <= 12 && !text.contains('?') {
        return Some(Courtesy::Blessing);
    }
    if w.iter().all(|x| FILLER.contains(x)) && w.iter().any(|x| UNDERSTOOD.contains(x)) {
        return Some(Courtesy::Understood);
    }
    if w.iter().all(|x| WHERE_WHEN.contains(x))
        && w.iter().any(|x| matches!(*x, "ou" | "where"))
        && w.iter().any(|x| matches!(*x, "quand" | "when"))
    {
        return Some(Courtesy::WhereWhen);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{Courtesy, read};

    #[test]
    fn courtesy_alone_is_read_and_questions_are_not() {
        assert_eq!(read("que Dieu vous garde"), Some(Courtesy::Blessing));
        assert_eq!(read("God bless you"), Some(Courtesy::Blessing));
        assert_eq!(
            read("je vous remercie, c'est très clair"),
            Some(Courtesy::Understood)
        );
        assert_eq!(read("crystal clear thanks"), Some(Courtesy::Understood));
        assert_eq!(read("Où ça ? Quand ?"), Some(Courtesy::WhereWhen));
        assert_eq!(read("vous gardez mes données ?"), None);
        assert_eq!(read("do you keep my data"), None);
        assert_eq!(read("c'est clair, et mon solde ?"), None);
    }
}
