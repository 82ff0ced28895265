//! "is it open all nite?", "does that one take deposits", « celui de la Bastille, je peux
//! déposer un chèque dedans ? » right after a cash-machine list: a yes or no about ONE of the
//! machines shown (named by its site, its rank, or pointed at), read from that machine's
//! data. Questions about several machines ("which of those are 24/7?") stay a filter
//! ([`crate::intents::atm`]).

use bankbot_core::Atm;

use crate::Listed;
use crate::cues::fold;

/// A feature the cash-machine data records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Feature {
    /// Takes cash or cheque deposits.
    Deposits,
    /// Open around the clock.
    Open24h,
    /// Wheelchair-accessible or with audio guidance.
    Accessible,
    /// Takes contactless cards.
    Contactless,
}

impl Feature {
    /// Whether `atm` has this feature.
    pub(crate) fn of(self, atm: &Atm) -> bool {
        let f = &atm.features;
        match self {
            Feature::Deposits => f.deposits,
            Feature::Open24h => f.open_24h,
            Feature::Accessible => f.accessible,
            Feature::Contactless => f.contactless,
        }
    }
}

/// Words naming each feature, each padded (folded: no accents, lower case).
const FEATURE_WORDS: &[(Feature, &[&str])] = &[
    (
        Feature::Deposits,
        &[
            " deposit",
            " depot",
            " deposer",
            " pay in ",
            " paying in ",
            " pay cash in",
            " put cash in",
            " put money in",
            " lodge ",
            " lodgement",
            " cheque",
            " check in",
            " a check ",
            " my check ",
            " verser ",
            " versement",
            " mettre des especes",
            " mettre du liquide",
            " mettre l argent",
            " mettre de l argent",
            " mettre mon argent",
            " mettre des sous",
            " mettre mes sous",
            " mettre du cash",
            " mettre des billets",
            " pay money in",
        ],
    ),
    (
        Feature::Open24h,
        &[
            " 24h",
            " 24 h ",
            " 24 7 ",
            " 24 hour",
            " 24hr",
            " 24 heures",
            " 24 24 ",
            " 24 sur 24",
            " h24 ",
            " all night",
            " all nite",
            " at night",
            " at nite",
            " overnight",
            " round the clock",
            " around the clock",
            " la nuit",
            " de nuit",
            " toute la nuit",
            " jour et nuit",
            " tout le temps",
            " tard le soir",
            " late at night",
        ],
    ),
    (
        Feature::Accessible,
        &[
            " wheelchair",
            " accessible",
            " fauteuil",
            " pmr ",
            " handicap",
            " disabled",
            " audio",
        ],
    ),
    (
        Feature::Contactless,
        &[" contactless", " sans contact", " tap to pay", " nfc "],
    ),
];

/// Words that point at a single machine ("that one", « celui-là », « dedans »), padded.
const ONE_MACHINE: &[&str] = &[
    " it ",
    " it's ",
    " its ",
    " that one",
    " this one",
    " that atm",
    " this atm",
    " that machine",
    " in there",
    " this machine",
    " that cash machine",
    " the nearest one",
    " the closest one",
    " celui",
    " celle la",
    " il ",
    " elle ",
    " dedans",
    " ce distrib",
    " ce dab",
    " cette machine",
    " le plus proche",
];

/// Words that ask about several machines: a filter, not a yes or no.
const SEVERAL: &[&str] = &[
    " those ",
    " these ",
    " which ",
    " any of",
    " ones ",
    " lesquels",
    " lequel",
    " ceux",
    " ils ",
    " elles ",
    " quels ",
    " y en a",
    " il y a ",
    " y a t il",
    " y a un",
    " is there",
    " are there",
    " any ",
];

/// Words that make a message a question even without its question mark, padded.
const QUESTION: &[&str] = &[
    " is ",
    " are ",
    " does ",
    " do ",
    " can ",
    " could ",
    " would ",
    " will ",
    " est ce",
    " est il",
    " il est",
    " elle est",
    " on peut",
    " je peux",
    " jpeux ",
    " j peux ",
    " peux tu ",
    " peut on",
    " accepte ",
    " prend ",
];

/// Words that send the search somewhere ("need to lodge cash near victoria street"): a new
/// search, not a question about a machine shown. "at" counts unless it is "at night".
const SEARCH_CUES: &[&str] = &[
    " near ",
    " nearby ",
    " close to ",
    " around ",
    " pres ",
    " proche de ",
    " a cote ",
    " vers ",
];

/// Ranks a machine may be named by, with their place in the list.
const RANKS: &[(&str, usize)] = &[
    (" first", 0),
    (" 1st", 0),
    (" premier", 0),
    (" premiere", 0),
    (" 1er", 0),
    (" second", 1),
    (" 2nd", 1),
    (" deuxieme", 1),
    (" 2e ", 1),
    (" third", 2),
    (" 3rd", 2),
    (" troisieme", 2),
    (" 3e ", 2),
];

/// Words of a site's name too common to pick a machine out by.
const COMMON: &[&str] = &[
    "demo", "bank", "partner", "network", "gare", "place", "rue", "street", "saint", "road",
    "square", "center", "centre",
];

/// The features `text` asks about, in a fixed order.
pub(crate) fn features(text: &str) -> Vec<Feature> {
    let f = fold(text).replace('\'', " ");
    FEATURE_WORDS
        .iter()
        .filter(|(_, words)| words.iter().any(|w| f.contains(w)))
        .map(|(feature, _)| *feature)
        .collect()
}

/// The machine of `listed` a question about features points at, with the features asked:
/// the one whose site is named, else the one named by rank, else the nearest when the
/// question points at a single machine. `None` when no feature is asked or the question
/// is about several machines.
/// `picked` is the machine the last answer showed alone ("le deuxième"), which a pointing
/// question is about rather than the nearest.
pub(crate) fn asked<'a>(
    text: &str,
    listed: &'a [Listed],
    picked: Option<usize>,
) -> Option<(&'a Atm, Vec<Feature>)> {
    let asked = features(text);
    if asked.is_empty() {
        return None;
    }
    let atms: Vec<&Atm> = listed
        .iter()
        .filter_map(|l| match l {
            Listed::Atm { atm, .. } => Some(atm),
            _ => None,
        })
        .collect();
    let f = fold(text).replace('\'', " ");
    let at_place = f.contains(" at ") && !f.contains(" at night") && !f.contains(" at nite");
    let asks = text.contains('?') || QUESTION.iter().any(|w| f.contains(w));
    if !asks || at_place || SEARCH_CUES.iter().any(|w| f.contains(w)) {
        return None;
    }
    if let Some(atm) = atms.iter().find(|atm| names_site(&f, atm)) {
        return Some((atm, asked));
    }
    if let Some(&(_, rank)) = RANKS.iter().find(|(w, _)| f.contains(w))
        && let Some(atm) = atms.get(rank)
    {
        return Some((atm, asked));
    }
    if names_a_site(&f) {
        // "celui d'oberkampf" when Oberkampf was not shown: not the nearest one.
        return None;
    }
    let several = SEVERAL.iter().any(|w| f.contains(w));
    let one = ONE_MACHINE.iter().any(|w| f.contains(w)) || points_past_a_word(&f);
    match picked.and_then(|i| atms.get(i)).or(atms.first()) {
        Some(atm) if one && !several => Some((atm, asked)),
        _ => None,
    }
}

/// Words pointing at a machine shown ("that", Scots "yon").
const POINTING: &[&str] = &["that", "this", "dat", "dis", "yon", "yonder", "thon"];

/// True when the folded text `f` points at one machine with a word before "one": "that wee
/// one", "yon lil one", "this big one".
fn points_past_a_word(f: &str) -> bool {
    let words: Vec<&str> = f.split_whitespace().collect();
    words
        .windows(3)
        .any(|w| POINTING.contains(&w[0]) && w[2] == "one" && !NOT_A_SITE.contains(&w[1]))
}

/// Words that may stand between "the" and "one" without naming a site.
const NOT_A_SITE: &[&str] = &[
    "first", "second", "third", "last", "nearest", "closest", "other", "same", "1st", "2nd", "3rd",
    "next",
];

/// True when the folded text `f` picks a machine by a site name ("celui de X", "the X
/// one"), whatever that name is.
fn names_a_site(f: &str) -> bool {
    let words: Vec<&str> = f.split_whitespace().collect();
    words.windows(3).any(|w| {
        (matches!(w[0], "celui" | "celle") && matches!(w[1], "d" | "de" | "du" | "des"))
            || (w[0] == "the" && w[2] == "one" && !NOT_A_SITE.contains(&w[1]))
    })
}

/// True when the folded, padded text `f` names the site of `atm` by one of its telling
/// words ("union sq" for "Union Square", "bastille").
fn names_site(f: &str, atm: &Atm) -> bool {
    fold(&atm.name)
        .split_whitespace()
        .filter(|w| w.chars().count() >= 4 && !COMMON.contains(w))
        .any(|w| f.contains(&format!(" {w} ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use bankbot_core::{AtmFeatures, GeoPoint};

    fn atm(name: &str, deposits: bool, open_24h: bool) -> Listed {
        Listed::Atm {
            atm: Atm {
                id: name.into(),
                brand: "Demo Bank".into(),
                name: name.into(),
                address: "1 Main St".into(),
                postcode: None,
                location: GeoPoint::new(48.85, 2.35).unwrap(),
                features: AtmFeatures {
                    deposits,
                    open_24h,
                    accessible: false,
                    contactless: true,
                },
                site_id: None,
            },
            distance: "0 m".into(),
        }
    }

    fn listed() -> Vec<Listed> {
        vec![
            atm("Union Square", true, true),
            atm("Market & New Montgomery", false, false),
            atm("Bastille", true, false),
        ]
    }

    #[test]
    fn points_at_one_machine() {
        let l = listed();
        let name = |t: &str| asked(t, &l, None).map(|(a, f)| (a.name.clone(), f));
        assert_eq!(
            name("is it open all nite"),
            Some(("Union Square".into(), vec![Feature::Open24h]))
        );
        assert_eq!(
            name("celui de la Bastille, je peux déposer un chèque dedans ?"),
            Some(("Bastille".into(), vec![Feature::Deposits]))
        );
        assert_eq!(
            name("does the second one take deposits"),
            Some(("Market & New Montgomery".into(), vec![Feature::Deposits]))
        );
        assert_eq!(
            name("is union sq atm 24/7?").map(|(n, _)| n),
            Some("Union Square".into())
        );
        assert_eq!(
            name("on peut mettre l'argent dedans ?"),
            Some(("Union Square".into(), vec![Feature::Deposits]))
        );
        assert_eq!(
            name("can i pay cash in there?"),
            Some(("Union Square".into(), vec![Feature::Deposits]))
        );
        assert_eq!(name("which of those are open 24/7?"), None);
        assert_eq!(name("ils sont ouverts la nuit ?"), None);
        assert_eq!(name("is it far"), None);
        assert_eq!(name("need to lodge some cash near union square"), None);
        assert_eq!(name("wanna pay in some money at bastille"), None);
        assert_eq!(
            name("celui d'oberkampf on peut y verser des especes?"),
            None,
            "not listed"
        );
    }
}
