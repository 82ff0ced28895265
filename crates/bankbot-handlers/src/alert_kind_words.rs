//! The everyday words for each kind of alert, as `cues::fold` reads them (no
//! accents, no hyphens): "when im running low", « quand j'ai plus de thunes », « gros
//! paiements », « quand la paye tombe ». Only the words; which kind wins when several are
//! named, and whether the customer asks to switch it, is `intents::alerts`'.

/// Whole phrases that mean a balance running low or out.
pub(crate) const LOW: &[&str] = &[
    "gets low",
    "get low",
    "goes low",
    "go low",
    "is low",
    "are low",
    "runs low",
    "run low",
    "low funds",
    "funds low",
    "account low",
    "running out",
    "run out",
    "runs out",
    "running out of money",
    "out of money",
    "overdrawn",
    "overdraft",
    "in the red",
    "into the red",
    "go negative",
    "goes negative",
    "below zero",
    "under zero",
    "almost empty",
    "nearly empty",
    "almost broke",
    "i'm broke",
    "im broke",
    "plus de thune",
    "plus de thunes",
    "plus de tune",
    "plus de tunes",
    "plus de sous",
    "plus d'argent",
    "plus de fric",
    "plus de ble",
    "plus de money",
    "plus un rond",
    "plus un sou",
    "plus rien sur",
    "plus grand chose",
    "a sec",
    "fauche",
    "fauchee",
    "dans le rouge",
    "negatif",
    "en negatif",
    "compte est bas",
    "compte bas",
    "compte baisse",
    "solde baisse",
    "presque vide",
    "il me reste peu",
    "reste peu",
];

/// Word openings that mean a large payment ("gros paiement", "grosses dépenses").
pub(crate) const LARGE: &[&str] = &[
    "gros paiement",
    "gros paiment",
    "gros achat",
    "gros debit",
    "gros prelevement",
    "gros retrait",
    "gros montant",
    "gros virement",
    "gros mouvement",
    "gros frais",
    "gros cheque",
    "grosse depense",
    "grosses depense",
    "grosse somme",
    "grosses somme",
    "grosse transaction",
    "grosses transaction",
    "grosse facture",
    "grosse sortie",
    "grosses sortie",
    "grosse operation",
    "grosses operation",
    "gros trucs",
    "spend a lot",
    "spending a lot",
    "spend big",
    "spend loads",
    "depense beaucoup",
    "depenses beaucoup",
    "depasse",
    "au dessus de",
    "superieur a",
    "superieurs a",
    "over $",
    "more than $",
    "above $",
    "exceeds",
    "bigger than",
    "larger than",
];

/// Whole phrases that mean money arriving (pay day, a transfer received).
pub(crate) const DEPOSIT: &[&str] = &[
    "la paye",
    "la paie",
    "ma paie",
    "paye tombe",
    "paie tombe",
    "paye arrive",
    "paie arrive",
    "salaire arrive",
    "my pay",
    "pay comes in",
    "pay hits",
    "pay lands",
    "pay arrives",
    "pay goes in",
    "paid",
    "wages",
    "money hits",
    "money lands",
    "money in",
    "receive money",
    "i receive",
    "someone sends me",
    "sends me money",
    "je recois",
    "je touche",
    "rentree d'argent",
    "virement entrant",
    "retraite tombe",
    "retraite",
    "pension",
    "allocations",
    "chomage",
    "alloc",
    "allocs",
    "la caf",
];

/// True when `padded` (a `cues::fold`ed text) says "more than" an amount:
/// "plus de 500", "over 500" ("plus de thunes" is no amount).
pub(crate) fn more_than_amount(padded: &str) -> bool {
    leads_an_amount(
        padded,
        &["plus de ", "over ", "more than ", "above ", "au dessus de "],
    )
}

/// True when `padded` (a `cues::fold`ed text) says "under" an amount: "gets under 50",
/// « descend sous 100 € ».
pub(crate) fn less_than_amount(padded: &str) -> bool {
    leads_an_amount(
        padded,
        &[
            "under ",
            "below ",
            "less than ",
            "sous ",
            "en dessous de ",
            "moins de ",
        ],
    )
}

/// True when one of `leads` stands in `padded` right before a figure ("over $500").
fn leads_an_amount(padded: &str, leads: &[&str]) -> bool {
    leads.iter().any(|lead| {
        padded.match_indices(&format!(" {lead}")).any(|(at, m)| {
            padded[at + m.len()..]
                .trim_start_matches(['$', '€'])
                .starts_with(|c: char| c.is_ascii_digit())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::more_than_amount;
    use crate::cues::fold;

    #[test]
    fn an_amount_after_more_than() {
        assert!(more_than_amount(&fold("les paiements de plus de 500 €")));
        assert!(more_than_amount(&fold("anything over $200")));
        assert!(!more_than_amount(&fold("quand j'ai plus de thunes")));
        assert!(!more_than_amount(&fold("no more than that")));
    }
}
