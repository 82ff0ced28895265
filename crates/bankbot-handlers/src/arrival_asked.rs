//! Whether a message asks if money already came in ("please tell me if my pension has come
//! in", "let me know if my salary landed", « dites-moi si ma retraite est tombée »): a
//! question answered with the money received, never an alert switched on. A watch for what
//! comes ("when", "every time", « quand », « dès que ») is no such question.

use crate::cues::fold;

/// Money that comes in.
const INCOME: &[&str] = &[
    "pension",
    "pensions",
    "salary",
    "wages",
    "wage",
    "pay",
    "paycheck",
    "paycheque",
    "check",
    "cheque",
    "deposit",
    "money",
    "transfer",
    "benefits",
    "social security",
    "ssi",
    "refund",
    "retraite",
    "salaire",
    "paye",
    "paie",
    "virement",
    "versement",
    "allocations",
    "alloc",
    "caf",
    "chomage",
    "remboursement",
    "argent",
    "sous",
    "thunes",
    "rente",
];

/// An arrival already happened, or asked about.
const ARRIVED: &[&str] = &[
    "come in",
    "come through",
    "come thru",
    "has come",
    "have come",
    "came",
    "arrived",
    "landed",
    "gone in",
    "went in",
    "got in",
    "is it in",
    "in yet",
    "cleared",
    "reached",
    "hit my",
    "been paid",
    "been deposited",
    "been credited",
    "credited",
    "showed up",
    "shown up",
    "est arrive",
    "est arrivee",
    "sont arrives",
    "sont arrivees",
    "est tombe",
    "est tombee",
    "sont tombes",
    "est rentre",
    "est rentree",
    "est passe",
    "est passee",
    "est verse",
    "est versee",
    "a ete verse",
    "a ete versee",
    "est vire",
    "est viree",
    "a ete vire",
    "a ete viree",
    "est credite",
    "est creditee",
    "recu",
    "recue",
    "est la",
    "est arrive",
];

/// "if", "whether" and their French forms: a question put indirectly.
const WHETHER: &[&str] = &[
    "if",
    "whether",
    "has",
    "have",
    "did",
    "is",
    "si",
    "s'il",
    "s'ils",
    "est ce que",
    "est ce qu'",
    "est-ce que",
];

/// A watch for what is to come.
const WATCH: &[&str] = &[
    "when",
    "whenever",
    "every time",
    "each time",
    "next time",
    "as soon as",
    "once",
    "quand",
    "lorsque",
    "des que",
    "chaque fois",
    "a chaque",
    "la prochaine fois",
    "au moment",
    "alert",
    "alerts",
    "alerte",
    "alertes",
    "notification",
    "notifications",
];

/// How much is held: a balance question ("how much money is in my savings").
const AMOUNT: &[&str] = &["how much", "how many", "combien", "what's in", "whats in"];

/// True when `text` asks whether money already came in.
pub(crate) fn asked(text: &str) -> bool {
    let f = fold(text).replace(['?', '!', '.', ','], " ");
    let has = |words: &[&str]| words.iter().any(|w| f.contains(&format!(" {w} ")));
    has(INCOME) && has(ARRIVED) && has(WHETHER) && !has(WATCH) && !has(AMOUNT)
}

#[cfg(test)]
mod tests {
    use super::asked;

    #[test]
    fn questions_about_money_come_in() {
        for t in [
            "Please Tell Me If My Pension Has Come In.",
            "let me know if my salary landed",
            "can u check if my wages went in",
            "dites-moi si ma retraite est tombée",
            "pouvez vous me dire si ma pension est arrivée",
            "est-ce que mon salaire est passé",
        ] {
            assert!(asked(t), "{t}");
        }
        for t in [
            "let me know when my pension comes in",
            "prévenez-moi quand mon salaire est versé",
            "tell me every time money is in",
            "switch on deposit alerts",
            "is my card locked",
            "How much money is in our savings account?",
        ] {
            assert!(!asked(t), "{t}");
        }
    }
}
