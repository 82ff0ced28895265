//! French amounts spelled out in words, written as digits: "septante-cinq francs" → "75
//! francs", "nonante euros" → "90 euros", "quatre-vingt-dix balles" → "90 balles", "cent
//! vingt euros" → "120 euros". Belgian and Swiss tens (septante, huitante, octante,
//! nonante) read as France's. Only a run of number words followed by a currency word is
//! rewritten, so "une fois", "les deux comptes" or "mes trois dernières opés" stay as typed.

use crate::spelled::NumberWords;

/// Currency words that make a run of number words an amount (normalised, singular stems).
const CURRENCY: &[&str] = &[
    "euro", "euros", "eur", "€", "balle", "balles", "franc", "francs", "chf", "piasse", "piasses",
    "piastre", "piastres", "dollar", "dollars", "boules",
];

/// The value of a number word: units, teens and tens, Belgian and Swiss tens included.
fn word_value(w: &str) -> Option<u32> {
    Some(match w {
        "un" | "une" => 1,
        "deux" => 2,
        "trois" => 3,
        "quatre" => 4,
        "cinq" => 5,
        "six" => 6,
        "sept" => 7,
        "huit" => 8,
        "neuf" => 9,
        "dix" => 10,
        "onze" => 11,
        "douze" => 12,
        "treize" => 13,
        "quatorze" => 14,
        "quinze" => 15,
        "seize" => 16,
        "vingt" | "vingts" => 20,
        "trente" => 30,
        "quarante" => 40,
        "cinquante" => 50,
        "soixante" => 60,
        "septante" => 70,
        "huitante" | "octante" => 80,
        "nonante" => 90,
        _ => return None,
    })
}

/// Reads the number words of `words` (already split on spaces and hyphens): the value and
/// how many words it took, or `None` when the first word is no number word.
fn read(words: &[&str]) -> Option<(u32, usize)> {
    let mut total: u32 = 0;
    let mut current: u32 = 0;
    let mut last_unit: u32 = 0;
    let mut taken = 0;
    let mut any = false;
    for (i, w) in words.iter().enumerate() {
        match *w {
            // "vingt et un", "septante-et-un", "soixante et onze": "et" only before "un"
            // or "onze" ("entre quarante et septante" is two numbers).
            "et" if any
                && words
                    .get(i + 1)
                    .is_some_and(|n| matches!(*n, "un" | "une" | "onze")) => {}
            "cent" | "cents" => {
                current = current.max(1).saturating_mul(100);
                last_unit = 0;
            }
            "mille" => {
                total = total.saturating_add(current.max(1).saturating_mul(1000));
                current = 0;
                last_unit = 0;
            }
            // "quatre-vingt(s)": four twenties.
            "vingt" | "vingts" if last_unit == 4 => {
                current = current - 4 + 80;
                last_unit = 0;
            }
            _ => match word_value(w) {
                Some(v) => {
                    current = current.saturating_add(v);
                    last_unit = if v < 10 { v } else { 0 };
                }
                None => break,
            },
        }
        any = true;
        taken = i + 1;
    }
    any.then_some((total.saturating_add(current), taken))
}

/// `norm` with each spelled-out amount written in digits, or `None` when it has none.
pub fn amounts_as_digits(norm: &str) -> Option<String> {
    crate::spelled::amounts_as_digits(norm, &FRENCH)
}

/// French number words for [`crate::spelled`].
const FRENCH: NumberWords = NumberWords {
    is_part,
    read,
    currency: CURRENCY,
    bounds: BOUNDS,
    after_bound: AFTER_BOUND,
};

/// Bounds right before a number that make it an amount with no currency word: "plus de
/// septante", "supérieures à nonante", "au-dessus de huitante", "entre septante".
const BOUNDS: &[&[&str]] = &[
    &["plus", "de"],
    &["moins", "de"],
    &["au-dessus", "de"],
    &["au", "dessus", "de"],
    &["en-dessous", "de"],
    &["en", "dessous", "de"],
    &["au-dessous", "de"],
    &["au-dela", "de"],
    &["au", "dela", "de"],
    &["superieur", "a"],
    &["superieure", "a"],
    &["superieurs", "a"],
    &["superieures", "a"],
    &["inferieur", "a"],
    &["inferieure", "a"],
    &["inferieurs", "a"],
    &["inferieures", "a"],
    &["depasse"],
    &["depassent"],
    &["depassant"],
    &["a", "partir", "de"],
    &["entre"],
    // "je cherche un paiement de… quarante-cinq": one operation named by its amount.
    &["paiement", "de"],
    &["operation", "de"],
    &["ope", "de"],
    &["achat", "de"],
    &["prelevement", "de"],
    &["retrait", "de"],
    &["virement", "de"],
    &["montant", "de"],
];

/// Words of the sentence that may follow a bounded amount: "plus de nonante ce mois-ci",
/// "entre septante et cent", but not a noun ("plus de deux fois", "moins de trois jours").
const AFTER_BOUND: &[&str] = &[
    "ce",
    "cette",
    "ces",
    "en",
    "chez",
    "au",
    "aux",
    "a",
    "le",
    "la",
    "les",
    "sur",
    "depuis",
    "dans",
    "pour",
    "et",
    "ou",
    "svp",
    "stp",
    "s'il",
    "merci",
    "depense",
    "depenses",
    "paye",
    "pendant",
    "cet",
    "hier",
    "aujourd'hui",
    "la-bas",
    "icitte",
];

/// True for a word that may be part of a spelled-out number ("septante", "cent", "et").
fn is_part(w: &str) -> bool {
    word_value(w).is_some() || matches!(w, "et" | "cent" | "cents" | "mille")
}

#[cfg(test)]
mod tests {
    use super::amounts_as_digits as d;

    #[test]
    fn spelled_amounts_become_digits() {
        for (typed, want) in [
            ("un truc de septante-cinq francs", "un truc de 75 francs"),
            (
                "et un montant de nonante euros?",
                "et un montant de 90 euros?",
            ),
            ("huitante balles", "80 balles"),
            ("octante-deux euros", "82 euros"),
            ("quatre-vingt-dix euros", "90 euros"),
            ("quatre vingts euros", "80 euros"),
            ("soixante-quinze euros", "75 euros"),
            ("soixante et onze euros", "71 euros"),
            ("septante et un francs", "71 francs"),
            ("cent vingt euros", "120 euros"),
            ("deux cents balles", "200 balles"),
            ("mille deux cents euros", "1200 euros"),
            ("cent balles", "100 balles"),
            ("quarante cinq piasses", "45 piasses"),
            (
                "depenses superieures a septante",
                "depenses superieures a 70",
            ),
            ("plus de nonante?", "plus de 90?"),
            (
                "je cherche un paiement de\u{2026} quarante-cinq",
                "je cherche un paiement de\u{2026} 45",
            ),
            (
                "au-dessus de huitante ce mois-ci",
                "au-dessus de 80 ce mois-ci",
            ),
            (
                "moins de septante-cinq chez carrefour",
                "moins de 75 chez carrefour",
            ),
            ("entre septante et cent vingt", "entre 70 et 120"),
            (
                "entre quarante et septante-cinq balles",
                "entre 40 et 75 balles",
            ),
        ] {
            assert_eq!(d(typed).as_deref(), Some(want), "{typed}");
        }
    }

    #[test]
    fn other_number_words_stay() {
        for typed in [
            "une fois",
            "mes trois dernieres operations",
            "les deux comptes",
            "et un virement",
            "euros",
            "cent",
            "quatre-vingt",
            "",
            "plus de deux fois",
            "moins de trois jours",
            "les deux",
        ] {
            assert_eq!(d(typed), None, "{typed}");
        }
    }
}
