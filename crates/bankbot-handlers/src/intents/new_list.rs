//! "ops entre le 1 et le 15 nov", "mes opé depuis lundi", "transactions from the 3rd to the
//! 10th" right after a groceries total: a list of operations asked with its own period is
//! a new question, so the last answer's category, merchant or amounts are dropped. A
//! message that refers back ("et pour les courses ?", "those from last week", "pareil la
//! semaine dernière") is left to the follow-up rules, which keep them.

use bankbot_core::IntentMatch;

use crate::cues::fold;

/// Words naming the list of operations itself, folded ("opés" → "opes").
const LIST: &[&str] = &[
    " ops ",
    " opes ",
    " ope ",
    " op ",
    " operations ",
    " operation ",
    " transactions ",
    " transaction ",
    " transac ",
    " transacs ",
    " txns ",
    " txn ",
    " mouvements ",
    " mouvement ",
    " mvts ",
    " historique ",
    " releve ",
    " statement ",
];

/// Words that refer back to the last answer's search.
const BACK: &[&str] = &[
    " pareil ",
    " meme chose ",
    " les memes ",
    " aussi ",
    " also ",
    " same ",
    " too ",
    " again ",
    " encore ",
];

/// True when `text` names the list of operations itself ("tt mes ops", "all transactions").
pub(crate) fn names_list(text: &str) -> bool {
    let f = fold(text);
    LIST.iter().any(|w| f.contains(w))
}

/// True when `text` asks for the list of operations over a period of its own and names
/// no category or merchant, without referring back to the last answer.
pub(crate) fn asks(text: &str, parsed: &IntentMatch) -> bool {
    let f = fold(text);
    let s = &parsed.slots;
    (s.date_from.is_some() || s.date_to.is_some())
        && s.category.is_none()
        && s.merchant.is_none()
        && names_list(text)
        && !BACK.iter().any(|w| f.contains(w))
        && !crate::cues::points_back(text)
        && !crate::words::follow_up_cue(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bankbot_core::{IntentId, Lang, Slots};
    use chrono::NaiveDate;

    fn dated() -> IntentMatch {
        IntentMatch {
            intent: IntentId::OutOfScope,
            confidence: 0.6,
            lang: Lang::Fr,
            slots: Slots {
                date_from: NaiveDate::from_ymd_opt(2026, 11, 1),
                date_to: NaiveDate::from_ymd_opt(2026, 11, 15),
                ..Slots::default()
            },
            written_out: None,
        }
    }

    #[test]
    fn a_dated_list_is_a_new_question() {
        for t in [
            "ops entre le 1 et le 15 nov",
            "mes opés du 3 au 10",
            "les opérations de la semaine dernière",
            "transactions from the 3rd to the 10th",
            "historique depuis lundi",
        ] {
            assert!(asks(t, &dated()), "{t}");
        }
        for t in [
            "et pour les courses ?",
            "et les opérations de la semaine dernière ?",
            "pareil pour les ops de la semaine dernière",
            "those from last week",
            "combien entre le 1 et le 15",
        ] {
            assert!(!asks(t, &dated()), "{t}");
        }
        let undated = IntentMatch {
            slots: Slots::default(),
            ..dated()
        };
        assert!(!asks("mes opérations", &undated));
    }
}
