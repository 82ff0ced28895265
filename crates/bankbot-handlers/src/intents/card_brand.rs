//! "amex?", "my mastercard balance" from a customer who has no such card: said plainly
//! ("You have no American Express card here.") before what they do have, rather than the
//! Visa shown as if it were the Amex.

use bankbot_core::Account;

use crate::cues::fold;

/// Card brands as typed (padded, folded), the words that name them in an account's name,
/// and how the brand is written.
const BRANDS: &[(&str, &[&str], &str)] = &[
    (" amex ", &["amex", "american express"], "American Express"),
    (
        " american express ",
        &["amex", "american express"],
        "American Express",
    ),
    (" mastercard ", &["mastercard", "master card"], "Mastercard"),
    (
        " master card ",
        &["mastercard", "master card"],
        "Mastercard",
    ),
    (" discover card ", &["discover"], "Discover"),
    (" visa ", &["visa"], "Visa"),
];

/// The brand `text` names when none of `accounts` is of that brand.
pub(crate) fn missing(text: &str, accounts: &[Account]) -> Option<&'static str> {
    let f = fold(text);
    let (_, words, brand) = BRANDS.iter().find(|(typed, _, _)| f.contains(typed))?;
    let held = accounts.iter().any(|a| {
        let name = a.display_name.to_lowercase();
        words.iter().any(|w| name.contains(w))
    });
    (!held).then_some(*brand)
}
