//! "which ones are free", "do they charge a fee?", "any fee-free atm near 94105",
//! "lesquels sont gratuits ?": a question about cash-machine fees. The ATM data carries no
//! fee information, so the answer says so plainly and how to find out at the machine,
//! rather than a misunderstanding or a guess. Asked right after a cash-machine answer, or
//! naming a cash machine itself.

use crate::cues::fold;

/// Words about fees, each padded ("free" but not "freeze").
const FEE_WORDS: &[&str] = &[
    " free ",
    " fee ",
    " fees ",
    " feeless ",
    " no fee ",
    " fee free ",
    " charge ",
    " charges ",
    // "do i get charged for using foreign atms" (not "was i charged at the atm").
    " get charged ",
    " be charged ",
    " charge me ",
    " charged for using ",
    " charged for withdrawing ",
    " charging ",
    " surcharge ",
    " surcharges ",
    " cost ",
    " costs ",
    " commission ",
    " commissions ",
    " frais ",
    " gratuit ",
    " gratuits ",
    " gratuite ",
    " gratuites ",
    " payant ",
    " payants ",
];

/// Words that name a cash machine, each padded.
const ATM_WORDS: &[&str] = &[
    " atm ",
    " atms ",
    " cash machine ",
    " cash machines ",
    " cashpoint ",
    " cashpoints ",
    " cash point ",
    " distributeur ",
    " distributeurs ",
    " distrib ",
    " dab ",
    " guichet ",
    " guichets ",
    " guichet automatique ",
    " gab ",
    " withdraw ",
    " withdrawal ",
    " withdrawals ",
    " retrait ",
    " retraits ",
];

/// Words that point back at the machines just listed, each padded.
const THOSE: &[&str] = &[
    " which ",
    " those ",
    " these ",
    " they ",
    " them ",
    " one ",
    " ones ",
    " any ",
    " it ",
    " lesquels ",
    " lequel ",
    " ils ",
    " ceux ",
    " celui ",
    // "des frais ?", "is there a fee?", "y a des frais ?" (a bare question, no dates).
    " des ",
    " there ",
];

/// True when `text` asks about cash-machine fees: it names fees and either a cash machine
/// or, right after a cash-machine answer (`after_atms`), the machines just listed.
pub(crate) fn asks(text: &str, after_atms: bool) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    has(FEE_WORDS) && (has(ATM_WORDS) || (after_atms && has(THOSE)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fee_questions() {
        assert!(asks("which ones are free", true));
        assert!(asks("do they charge a fee?", true));
        assert!(asks("any fee-free atm near 94105", false));
        assert!(asks("lesquels sont gratuits ?", true));
        assert!(asks("des frais ?", true));
        assert!(asks("is there a fee", true));
        assert!(!asks("des frais ?", false));
        assert!(asks("does it cost anything to withdraw there", true));
        assert!(asks("do i get charged for using foreign atms", false));
        assert!(asks("will i be charged at a cash machine abroad", false));
        assert!(!asks("was i charged at the atm twice", false));
        assert!(!asks("which ones are free", false));
        assert!(!asks("any charges above 100 dollars in november", false));
        assert!(!asks("freeze my card", true));
        assert!(!asks("which ones take deposits", true));
    }
}
