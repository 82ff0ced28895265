//! "interest for savings", "what rate does my savings get", « le taux de mon livret »: the
//! account's balance, then the rate said not to be shown here (the bank's data does not
//! carry it) and where to find it — never the last "Interest" line alone. Interest
//! received ("when was the last interest paid", "how much interest did i earn") is a
//! look-up in the operations instead.

use bankbot_core::AccountKind;

use crate::cues::fold;

/// Words of a rate, each padded and folded.
const RATE: &[&str] = &[
    " rate ",
    " rates ",
    " apy ",
    " apr ",
    " percent ",
    " percentage ",
    " taux ",
    " pourcentage ",
];

/// Words of interest, each padded and folded.
const INTEREST: &[&str] = &[" interest ", " interests ", " interet ", " interets "];

/// Words naming an account, each padded and folded.
const ACCOUNT: &[&str] = &[
    " savings ",
    " saving ",
    " account ",
    " checking ",
    " livret ",
    " epargne ",
    " compte ",
    " card ",
    " visa ",
    " credit ",
    " carte ",
];

/// Words of interest already received or charged, each padded and folded: a look-up.
const RECEIVED: &[&str] = &[
    " paid ",
    " got ",
    " earned ",
    " received ",
    " did ",
    " any ",
    " last ",
    " when ",
    " how much ",
    " credited ",
    " charged ",
    " charge ",
    " charges ",
    " recu ",
    " touche ",
    " verse ",
    " verses ",
    " gagne ",
    " dernier ",
    " derniers ",
    " preleve ",
];

/// Words of money changed or lent: another rate.
const OTHER_RATE: &[&str] = &[
    " exchange ",
    " change ",
    " conversion ",
    " mortgage ",
    " loan ",
    " pret ",
    " credit immobilier ",
];

/// The account whose rate `text` asks about (savings unless a card or checking is named).
pub(crate) fn asked(text: &str) -> Option<AccountKind> {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    let interest = has(INTEREST);
    let rate = has(RATE) && (interest || has(ACCOUNT));
    let plain = interest && has(ACCOUNT) && !has(RECEIVED);
    if !(rate || plain) || has(OTHER_RATE) {
        return None;
    }
    let card = [" card ", " visa ", " credit ", " apr ", " carte "]
        .iter()
        .any(|w| f.contains(w));
    let checking = [" checking ", " courant "].iter().any(|w| f.contains(w));
    Some(if card {
        AccountKind::CreditCard
    } else if checking {
        AccountKind::Checking
    } else {
        AccountKind::Savings
    })
}

#[cfg(test)]
mod tests {
    use super::asked;
    use bankbot_core::AccountKind;

    #[test]
    fn rate_questions() {
        for t in [
            "interest for savings",
            "what is my savings interest rate",
            "Does my savings account pay interest?",
            "what kinda rate is my savings earnin",
            "taux d'intérêt du livret",
        ] {
            assert_eq!(asked(t), Some(AccountKind::Savings), "{t}");
        }
        assert_eq!(
            asked("whats the apr on my visa"),
            Some(AccountKind::CreditCard)
        );
        for t in [
            "when was the last interest paid",
            "how much interest did i earn",
            "taux de change du dollar",
            "whats my balance",
        ] {
            assert_eq!(asked(t), None, "{t}");
        }
    }
}
