//! « C'est quoi ce PRLV Loyer ? », "what's that POS thing", "what does DD mean on my
//! statement": what a code of a bank label stands for (PRLV a direct debit, CB and POS a card
//! payment, VIR a transfer…), one line per code asked. Codes that are also everyday words
//! ("CB" for the card itself, "so", "pos") count only written in capitals and not owned
//! ("le plafond de ma CB" is about the card, not a label).

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;

/// What a code of a bank label stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LabelKind {
    /// A payment with the card, in a shop or online (CB, POS).
    CardPayment,
    /// Taken by a company with the customer's permission (PRLV, DD).
    DirectDebit,
    /// Money sent between accounts (VIR, TFR, XFER).
    Transfer,
    /// A US bank-to-bank transfer (ACH).
    Ach,
    /// A UK Faster Payment, in or out (FPI, FPO).
    FasterPayment,
    /// A standing order (SO, STO).
    StandingOrder,
    /// Cash taken at a machine (DAB, WDL).
    CashWithdrawal,
    /// A cheque deposited (REM CHQ).
    ChequeDeposit,
    /// A cheque written (CHQ, CHK).
    Cheque,
    /// Pay or benefits paid straight in (DIRECT DEP).
    DirectDeposit,
    /// A UK Bank Giro Credit (BGC).
    GiroCredit,
}

/// The codes, lower case, as words in a row, longest first; `true` when the code is also an
/// everyday word and counts only in capitals.
const CODES: &[(&[&str], LabelKind, bool)] = &[
    (&["rem", "chq"], LabelKind::ChequeDeposit, false),
    (&["remise", "chq"], LabelKind::ChequeDeposit, false),
    (&["direct", "dep"], LabelKind::DirectDeposit, false),
    (&["dir", "dep"], LabelKind::DirectDeposit, false),
    (&["retrait", "dab"], LabelKind::CashWithdrawal, false),
    (&["prlv"], LabelKind::DirectDebit, false),
    (&["prelev"], LabelKind::DirectDebit, false),
    (&["dd"], LabelKind::DirectDebit, true),
    (&["cb"], LabelKind::CardPayment, true),
    (&["pos"], LabelKind::CardPayment, true),
    (&["vir"], LabelKind::Transfer, true),
    (&["tfr"], LabelKind::Transfer, false),
    (&["trf"], LabelKind::Transfer, false),
    (&["xfer"], LabelKind::Transfer, false),
    (&["ach"], LabelKind::Ach, false),
    (&["fpi"], LabelKind::FasterPayment, false),
    (&["fpo"], LabelKind::FasterPayment, false),
    (&["fps"], LabelKind::FasterPayment, false),
    (&["so"], LabelKind::StandingOrder, true),
    (&["sto"], LabelKind::StandingOrder, false),
    (&["dab"], LabelKind::CashWithdrawal, true),
    (&["wdl"], LabelKind::CashWithdrawal, false),
    (&["chq"], LabelKind::Cheque, false),
    (&["chk"], LabelKind::Cheque, false),
    (&["bgc"], LabelKind::GiroCredit, false),
];

/// Ways of asking what something means (folded, apostrophes as spaces, padded).
const MEANING: &[&str] = &[
    " c est quoi ",
    " cest quoi ",
    " c quoi ",
    " quoi ce ",
    " quoi cette ",
    " veut dire ",
    " veux dire ",
    " signifie ",
    " kesako ",
    " quesaco ",
    " qu est ce que ",
    " what s ",
    " whats ",
    " wats ",
    " what is ",
    " wat is ",
    " wot is ",
    " what does ",
    " wat does ",
    " wot does ",
    " what do ",
    " mean ",
    " means ",
    " meaning ",
    " stand for ",
    " stands for ",
];

/// Words that make the code the customer's own thing ("ma CB", "my POS"): not a label.
const OWNED: &[&str] = &["ma", "mon", "my", "la", "une", "un", "your", "votre", "ta"];

/// The codes `text` asks the meaning of, each as typed, in the order typed.
pub(crate) fn asked(text: &str) -> Vec<(String, LabelKind)> {
    let f = format!(" {} ", fold(text).replace('\'', " "));
    if !MEANING.iter().any(|m| f.contains(m)) {
        return Vec::new();
    }
    let typed: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let lower: Vec<String> = typed.iter().map(|w| fold(w).trim().to_owned()).collect();
    let mut found: Vec<(String, LabelKind)> = Vec::new();
    let mut i = 0;
    while i < typed.len() {
        let hit = CODES.iter().find(|(words, _, everyday)| {
            lower.get(i..i + words.len()).is_some_and(|w| w == *words)
                && (!everyday || (is_capitals(typed[i]) && !owned(&lower, i)))
        });
        match hit {
            Some((words, kind, _)) => {
                if !found.iter().any(|(_, k)| k == kind) {
                    found.push((typed[i..i + words.len()].join(" "), *kind));
                }
                i += words.len();
            }
            None => i += 1,
        }
    }
    found
}

fn is_capitals(word: &str) -> bool {
    word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn owned(lower: &[String], i: usize) -> bool {
    i > 0 && OWNED.contains(&lower[i - 1].as_str())
}

/// True when a code asked is followed by a label in capitals as a statement prints it
/// ("c quoi CB CARREFOUR CITY"): the payment itself is asked for too, not only the code.
pub(crate) fn quotes_a_statement_line(text: &str) -> bool {
    let typed: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    asked(text).iter().any(|(code, _)| {
        let last = code.split_whitespace().last().unwrap_or(code);
        typed
            .iter()
            .position(|w| *w == last)
            .and_then(|i| typed.get(i + 1))
            .is_some_and(|next| next.chars().count() >= 3 && is_capitals(next))
    })
}

/// Says what each code asked stands for; false, and nothing said, when none is asked.
pub(crate) fn answer(ctx: &mut Ctx<'_>, text: &str) -> bool {
    let codes = asked(text);
    for (code, kind) in &codes {
        ctx.say(Msg::BankLabel {
            code: &code.to_uppercase(),
            kind: *kind,
        });
    }
    !codes.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<LabelKind> {
        asked(text).into_iter().map(|(_, k)| k).collect()
    }

    #[test]
    fn reads_the_codes_asked() {
        assert!(quotes_a_statement_line("c quoi CB CARREFOUR CITY"));
        assert!(!quotes_a_statement_line("C'est quoi ce PRLV Loyer ?"));
        assert!(!quotes_a_statement_line("CB c'est quoi sur mon relevé"));
        assert_eq!(
            kinds("C'est quoi ce PRLV Loyer ?"),
            [LabelKind::DirectDebit]
        );
        assert_eq!(kinds("prlv sepa kesako"), [LabelKind::DirectDebit]);
        assert_eq!(kinds("what's that POS thing"), [LabelKind::CardPayment]);
        assert_eq!(
            kinds("ça signifie quoi REM CHQ"),
            [LabelKind::ChequeDeposit]
        );
        assert_eq!(
            kinds("CB c'est quoi sur mon relevé"),
            [LabelKind::CardPayment]
        );
        assert_eq!(
            asked("what's DIRECT DEP on my statement?")[0].0,
            "DIRECT DEP"
        );
    }

    #[test]
    fn everyday_words_are_not_codes() {
        assert!(kinds("c'est quoi le plafond de ma CB").is_empty());
        assert!(kinds("c'est quoi le plafond de ma cb").is_empty());
        assert!(kinds("what is my card limit").is_empty());
        assert!(kinds("so what does that mean").is_empty());
        assert!(kinds("PRLV Loyer").is_empty(), "no question");
    }
}
