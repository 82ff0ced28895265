//! « et en tout ? », « tout compris », « loyer compris », "everything included", "across all
//! categories" after a category's or a merchant's total: ALL the spending of that same period
//! (the filter dropped, the period kept), not the same filter again, another period, the
//! help or a goodbye (blind round 14b).

use bankbot_core::{IntentId, Slots};

use crate::DialogState;
use crate::cues::fold;

/// Words that take everything in, each padded and folded.
const ALL_IN: &[&str] = &[
    " tout compris ",
    " toute compris ",
    " tous compris ",
    " tout inclus ",
    " toutes depenses confondues ",
    " toutes categories confondues ",
    " tout confondu ",
    " toutes categories ",
    " toutes les categories ",
    " toutes mes depenses ",
    " au global ",
    " en global ",
    " en tout ",
    " en comptant tout ",
    " compte tout ",
    " compter tout ",
    " tout compter ",
    " tout additionne ",
    " everything included ",
    " everything in ",
    " all included ",
    " all in ",
    " all categories ",
    " every category ",
    " all my spending ",
    " all spending ",
    " everything together ",
];

/// Words that add something back in ("loyer compris", "including rent").
const INCLUDING: &[&str] = &[
    " compris ",
    " comprise ",
    " inclus ",
    " incluse ",
    " en comptant ",
    " avec le loyer ",
    " avec les factures ",
    " including ",
    " included ",
    " incl ",
    " with rent ",
    " with the rent ",
    " counting ",
];

/// Words that ask about money held, not spent ("combien j'ai en tout").
const HELD: &[&str] = &[
    " j'ai en tout ",
    " j ai en tout ",
    " jai en tout ",
    " solde ",
    " soldes ",
    " sur mes comptes ",
    " balance ",
    " have ",
];

/// True when `text` widens a filtered total to everything; `category_named` says the
/// message named a category ("loyer"), which only an including word lets through.
pub(crate) fn asks(text: &str, category_named: bool) -> bool {
    let f = fold(text);
    if HELD.iter().any(|w| f.contains(w)) || f.split_whitespace().count() > 8 {
        return false;
    }
    let including = INCLUDING.iter().any(|w| f.contains(w));
    if category_named {
        return including;
    }
    including || ALL_IN.iter().any(|w| f.contains(w))
}

/// A total asked with nothing else ("in total?", « et en tout ? »): after a merchant's or a
/// category's total it reads both ways, that filter over the whole history or everything
/// over that period. Padded and folded.
const BARE_TOTAL: &[&str] = &[
    " in total ",
    " total ",
    " totals ",
    " en tout ",
    " au total ",
    " in all ",
];

/// Words that may come with a bare total ("and in total?", « et au total alors ? »).
const FILLERS: &[&str] = &[
    "and", "so", "then", "et", "pis", "alors", "donc", "ok", "?", "the", "le",
];

/// True when `text` is a bare total question, with no filter, period nor held money.
pub(crate) fn asks_bare_total(text: &str) -> bool {
    let f = fold(text);
    let Some(found) = BARE_TOTAL.iter().find(|w| f.contains(*w)) else {
        return false;
    };
    f.replace(found, " ")
        .split_whitespace()
        .all(|w| FILLERS.contains(&w.trim_end_matches(['?', '!', '.', ','])))
}

/// True when the last answer was a total narrowed to a category or a merchant.
pub(crate) fn after_filtered_total(state: &DialogState) -> bool {
    state.last_intent == Some(IntentId::SpendingSummary)
        && (state.last_slots.merchant.is_some() || state.last_slots.category.is_some())
}

/// The last total's period (or the one the message names) with no filter.
pub(crate) fn widened(last: &Slots, said: &Slots) -> Slots {
    let (date_from, date_to) = if said.date_from.is_some() || said.date_to.is_some() {
        (said.date_from, said.date_to)
    } else {
        (last.date_from, last.date_to)
    };
    Slots {
        date_from,
        date_to,
        account_type: said.account_type.or(last.account_type),
        ..Slots::default()
    }
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn widening_words() {
        assert!(asks("et en tout ?", false));
        assert!(asks("Et tout compris ?", false));
        assert!(asks("loyer compris ?", true));
        assert!(asks("rent included?", true));
        assert!(asks("and across all categories?", false));
        assert!(!asks("combien j'ai en tout", false));
        assert!(!asks("le loyer ?", true));
        assert!(!asks("in total?", false));
        assert!(super::asks_bare_total("in total?"));
        assert!(super::asks_bare_total("et en tout ?"));
        assert!(super::asks_bare_total("total?"));
        assert!(!super::asks_bare_total("et au total ce mois ?"));
        assert!(!super::asks_bare_total("combien j'ai en tout"));
        assert!(asks("et si on compte tout ?", false));
    }
}
