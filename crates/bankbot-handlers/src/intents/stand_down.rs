//! The customer calls a lock off with a reason rather than a "no": the card is found ("ah
//! non c'est bon je l'ai retrouvée", "c bon jlai", "elle était dans mon sac", "found it")
//! or the payment was theirs ("c'est moi qui ai payé", "c'est la mienne en fait", "fausse
//! alerte, c'était moi", "my bad it was me"). Read before the yes/no words, where "c bon"
//! would be a yes; a reason negated ("c'est pas moi", "je l'ai pas retrouvée") is none.

/// Why no lock is needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StandDown {
    /// The card is back in the customer's hands.
    Found,
    /// The payment asked about was theirs (or a relative's).
    Mine,
}

/// The card found again.
const FOUND: &[&str] = &[
    " retrouve ",
    " retrouvee ",
    " retrouver ",
    " je l'ai sur moi ",
    " je l'ai la ",
    " etait dans mon ",
    " etait dans ma ",
    " etait dans le ",
    " etait dans la ",
    " etait dans ",
    " elle est la ",
    " elle etait la ",
    " l'avait ",
    " l'a retrouvee ",
    " l'a retrouve ",
    " found it ",
    " found my card ",
    " found the card ",
    " i found ",
    " got it back ",
    " i've got it ",
    " it was in my ",
    " it's in my ",
];

/// "c'est bon je l'ai", "c bon jlai": the card in hand, when the message ends on it ("je
/// l'ai fait" is another thing).
const FOUND_AT_END: &[&str] = &[" je l'ai ", " jlai ", " j'lai ", " je l ai ", " i have it "];

/// The payment the customer's own (or a relative's, with their card).
const MINE: &[&str] = &[
    " c'est moi qui ",
    " c'etait moi ",
    " c'est moi ",
    " c moi ",
    " ct moi ",
    " c'est la mienne ",
    " c'est le mien ",
    " c'etait la mienne ",
    " c'etait le mien ",
    " c'est bien moi ",
    " je l'ai fait ",
    " je me souviens ",
    " je m'en souviens ",
    " je reconnais ",
    " ah si ",
    " fausse alerte ",
    " c'etait ma femme ",
    " c'etait mon mari ",
    " c'etait mon fils ",
    " c'etait ma fille ",
    " c'etait ma copine ",
    " c'etait mon copain ",
    " it was me ",
    " that was me ",
    " it's mine ",
    " its mine ",
    " it was mine ",
    " i made it ",
    " i made that ",
    " i recognize it ",
    " i remember ",
    " false alarm ",
    " my bad ",
];

/// Words that make "my bad", « oups » a correction of what was asked ("my bad, i meant
/// checking"), padded.
const CORRECTS: &[&str] = &[
    " i meant ",
    " i mean ",
    " meant to say ",
    " je voulais dire ",
    " je veux dire ",
];

/// Words that turn a reason round ("c'est pas moi", "je l'ai pas retrouvée").
const NEGATED: &[&str] = &[
    " pas ",
    " plus ",
    " jamais ",
    " ne ",
    " n'ai ",
    " n'est ",
    " n'etait ",
    " not ",
    " don't ",
    " dont ",
    " didn't ",
    " didnt ",
    " wasn't ",
    " wasnt ",
    " never ",
    " no idea ",
    " no way ",
    " as if ",
    " aint ",
    " ain't ",
    " bloque ",
    " bloquer ",
    " bloquez ",
    " lock ",
    " perdu ",
    " perdue ",
    " vole ",
    " volee ",
    " lost ",
    " stolen ",
];

/// Why the customer calls the lock off, if the message says so.
pub(crate) fn reason(text: &str) -> Option<StandDown> {
    let f = super::named_charge::without_dismissal(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    // "si je la retrouve demain…", "if i find it": supposed, not news. "my bad, i meant
    // checking": a correction, not the payment owned.
    if has(NEGATED) || super::found_later::supposes(text) || has(CORRECTS) {
        return None;
    }
    if has(FOUND) || FOUND_AT_END.iter().any(|w| f.ends_with(w)) {
        Some(StandDown::Found)
    } else if (has(MINE) || recognised(&f) || a_relatives(&f)) && !text.contains('?') {
        Some(StandDown::Mine)
    } else {
        None
    }
}

/// Relatives whose payments the customer owns ("it's the wean's", « c'est mon fils ça »).
const RELATIVES: &[&str] = &[
    "wean",
    "weans",
    "bairn",
    "bairns",
    "kid",
    "kids",
    "son",
    "daughter",
    "wife",
    "husband",
    "hubby",
    "missus",
    "partner",
    "boyfriend",
    "girlfriend",
    "bf",
    "gf",
    "mum",
    "mom",
    "mam",
    "dad",
    "brother",
    "sister",
    "child",
    "children",
    "grandson",
    "granddaughter",
    "teen",
    "fils",
    "fille",
    "femme",
    "mari",
    "copine",
    "copain",
    "enfant",
    "enfants",
    "gamin",
    "gamins",
    "gosse",
    "gosses",
    "ado",
    "mere",
    "pere",
    "frere",
    "soeur",
    "conjoint",
    "conjointe",
    "blonde",
    "chum",
];

/// What comes before a relative said to own the payment, padded and folded.
const OWNED_BY: &[&str] = &[
    " it's the ",
    " its the ",
    " that's the ",
    " thats the ",
    " it was the ",
    " that was the ",
    " it's my ",
    " its my ",
    " that's my ",
    " thats my ",
    " it was my ",
    " that was my ",
    " it's our ",
    " that's our ",
    " c'est mon ",
    " c'est ma ",
    " c'est mes ",
    " c'est le ",
    " c'est la ",
    " c'est les ",
    " c'est a mon ",
    " c'est a ma ",
    " c'est a mes ",
    " c'est au ",
    " c'est aux ",
    " c'etait les ",
    " c'etait le ",
    " c'etait la ",
    " c'etait mes ",
    " c'etait a ",
];

/// True when folded `f` says the payment was a relative's ("it's the wean's", "that was my
/// son's", « c'est à ma femme ça »).
fn a_relatives(f: &str) -> bool {
    OWNED_BY.iter().any(|opener| {
        f.match_indices(opener).any(|(at, _)| {
            let rest = &f[at + opener.len()..];
            let word = rest.split_whitespace().next().unwrap_or("");
            let word = word.strip_suffix("'s").unwrap_or(word);
            RELATIVES.contains(&word)
        })
    })
}

/// Openers of a sudden memory: "ah oui", "oh yeah", "oh right", « ah d'accord ».
const REMEMBERS: &[&str] = &[
    " ah oui ",
    " ah ouais ",
    " ah ok ",
    " ah d'accord ",
    " ah bah oui ",
    " ah mais oui ",
    " ah bon ben ",
    " oh oui ",
    " oh yeah ",
    " oh yes ",
    " oh yea ",
    " oh ya ",
    " oh right ",
    " oh ok ",
    " ohh ",
    " ahh ",
    " ah yes ",
    " ah right ",
    " ah yeah ",
    " oh wait ",
];

/// What names the thing remembered just after the opener: "ah oui le train", "oh yeah
/// the uber", "oh right that's netflix", « ah d'accord c'était la sncf ».
const NAMES_IT: &[&str] = &[
    "le ", "la ", "les ", "l'", "c'est ", "c'etait ", "ce ", "cest ", "ça ", "ca ", "mon ", "ma ",
    "the ", "that's ", "thats ", "that ", "it's ", "its ", "my ",
];

/// True when folded `f` opens with a sudden memory and names what was remembered ("ah oui
/// le train", "oh yeah the uber"): the payment recognised, so no lock is wanted — the
/// "oui" in it recalls, it does not agree. A card named ("ah oui la carte") is no payment.
fn recognised(f: &str) -> bool {
    const CARD: &[&str] = &[" carte ", " card ", " cb ", " visa "];
    REMEMBERS.iter().any(|opener| {
        f.strip_prefix(opener.trim_end())
            .map(|rest| rest.trim_start_matches([' ', ',', '.', '!']))
            .is_some_and(|rest| NAMES_IT.iter().any(|n| rest.starts_with(n)))
    }) && !CARD.iter().any(|w| f.contains(w))
}

/// Why the customer needs nothing done about a payment just shown or reported ("c'est moi
/// qui ai payé" after the SNCF payment was found): the payment is theirs.
pub(crate) fn charge_is_mine(text: &str) -> bool {
    reason(text) == Some(StandDown::Mine)
}

#[cfg(test)]
mod tests {
    use super::{StandDown, reason};

    #[test]
    fn card_found() {
        for found in [
            "ah non c'est bon je l'ai retrouvée",
            "attends je l'ai retrouvee dans ma poche",
            "c bon jlai",
            "ah ben non elle etait dans mon sac",
            "non c'est bon je l'ai",
            "nvm found it",
            "ah attendez, mon mari l'avait, c'est bon",
        ] {
            assert_eq!(reason(found), Some(StandDown::Found), "{found}");
        }
    }

    #[test]
    fn payment_mine() {
        for mine in [
            "c'est moi qui ai payé",
            "c'est la mienne en fait",
            "ah si c'est moi en fait, c'est bon",
            "fausse alerte, c'était moi",
            "je l'ai fait moi même",
            "non c'est bon c'était ma femme",
            "oh wait it was me",
        ] {
            assert_eq!(reason(mine), Some(StandDown::Mine), "{mine}");
        }
    }

    #[test]
    fn negated_or_plain() {
        for other in [
            "c'est pas moi",
            "ce n'est pas moi",
            "je l'ai pas retrouvée",
            "non",
            "oui",
            "laisse tomber",
            "it wasn't me",
            "je l'ai perdue bloque la",
            "je l'ai perdue",
            "Non, attendez, je vais d'abord regarder dans mon sac à main.",
            "c'est moi qui ai payé combien ?",
        ] {
            assert_eq!(reason(other), None, "{other}");
        }
    }
}
