//! A card chosen by what it is used for, in answer to "which card?": "the one for atm i
//! think the debit", « celle pour retirer » (the debit card: cash), "the credit one where
//! the amazon thing was", « la visa là, celle du resto » (the credit card). A kind named
//! outright wins over a use ("the debit, the one for atm").

use bankbot_core::AccountKind;

use crate::cues::fold;

/// Words naming the debit card, or what only it is used for (cash), folded and padded.
const DEBIT: &[&str] = &[
    " debit ",
    " atm ",
    " cash ",
    " withdraw",
    " retirer ",
    " retrait",
    " distrib",
    " dab ",
    " liquide ",
    " especes ",
];

/// Words naming the credit card, folded and padded.
const CREDIT: &[&str] = &[" credit ", " visa ", " cash back ", " cashback "];

/// Words that point at one card among others ("the one", « celle »): an answer describing
/// a card, not a statement of its own ("the atm ate my card").
const POINTER: &[&str] = &[
    " one ",
    " celle ",
    " celui ",
    " the card i ",
    " la carte pour ",
];

/// The kind of card `text` describes, when it points at one only.
pub(crate) fn read(text: &str) -> Option<AccountKind> {
    let f = fold(text);
    if !POINTER.iter().any(|w| f.contains(w)) {
        return None;
    }
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    let named_debit = f.contains(" debit ");
    let named_credit = f.contains(" credit ") || f.contains(" visa ");
    match (named_debit, named_credit) {
        (true, false) => return Some(AccountKind::Checking),
        (false, true) => return Some(AccountKind::CreditCard),
        (true, true) => return None,
        (false, false) => {}
    }
    match (has(DEBIT), has(CREDIT)) {
        (true, false) => Some(AccountKind::Checking),
        (false, true) => Some(AccountKind::CreditCard),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::read;
    use bankbot_core::AccountKind;

    #[test]
    fn cards_by_use() {
        for s in [
            "the one for atm i think the debit",
            "celle pour retirer",
            "the cash one",
        ] {
            assert_eq!(read(s), Some(AccountKind::Checking), "{s}");
        }
        for s in [
            "the credit one where the amazon thing was",
            "la visa là, celle du resto",
            "la carte de crédit, celle-là",
        ] {
            assert_eq!(read(s), Some(AccountKind::CreditCard), "{s}");
        }
        assert_eq!(read("the one i use"), None);
        assert_eq!(read("the atm ate my card lol"), None);
        assert_eq!(read("find an atm near 94105"), None);
    }
}
