//! "did anyone else log in to my account", "has my address or phone been changed": whether
//! someone got into the account. Sign-ins and contact details are not in the bank's data
//! here: said so, with what to do (change the password, call the bank, who can check) and
//! the offer to lock the cards now.

use bankbot_core::IntentId;

use crate::DialogState;
use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;

/// Signing in, padded.
const SIGN_IN: &[&str] = &[
    " log in ",
    " logged in ",
    " logged into ",
    " logging in ",
    " logging into ",
    " log in2 ",
    " logged in2 ",
    " loged in ",
    " login ",
    " log into ",
    " logon ",
    " signed in ",
    " sign in ",
    " signed into ",
    " accessed ",
    " got into ",
    " get into ",
    " been in ",
    " connecte ",
    " connectee ",
    " connexion ",
    " connexions ",
];

/// Someone other than the customer, padded.
const SOMEONE: &[&str] = &[
    " anyone ",
    " someone ",
    " somebody ",
    " anybody ",
    " else ",
    " other ",
    " who ",
    " quelqu'un ",
    " qui ",
    " unknown ",
];

/// The customer's contact details, padded.
const DETAILS: &[&str] = &[
    " address ",
    " adress ",
    " phone ",
    " phone number ",
    " email ",
    " e mail ",
    " mobile ",
    " number on file ",
    " details ",
    " password ",
    " adresse ",
    " telephone ",
    " numero ",
    " coordonnees ",
];

/// Changed (asked about, not asked for), padded.
const CHANGED: &[&str] = &[
    " changed ",
    " been changed ",
    " modified ",
    " updated ",
    " altered ",
    " changes to ",
    " change to ",
];

/// "change" itself, past only with someone or "a" before it ("did someone change", "on a
/// modifié"), padded.
const CHANGE: &[&str] = &[" change ", " modifie ", " modifiee "];

/// Asking for the change themself ("can I change my address", "update my phone").
const OWN: &[&str] = &[
    " i want to ",
    " i need to ",
    " can i ",
    " how do i ",
    " how can i ",
    " how to ",
    " i'd like to ",
    " please ",
    " pls ",
    " je veux ",
    " je voudrais ",
    " comment ",
    " i changed ",
    " i updated ",
    " i moved ",
];

/// Money asked about: "hacked, did they take my money?" is answered with the money.
const MONEY: &[&str] = &[
    " money ",
    " take ",
    " took ",
    " taken ",
    " stole ",
    " stolen ",
    " balance ",
    " charges ",
    " transactions ",
    " payments ",
    " argent ",
    " pris ",
    " vole ",
];

/// True when `text` asks whether someone signed in, or changed the contact details.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    if has(OWN) || has(MONEY) {
        return false;
    }
    let signed_in = has(SIGN_IN) && has(SOMEONE);
    let question = text.contains('?')
        || f.starts_with(" has ")
        || f.starts_with(" have ")
        || f.starts_with(" did ")
        || f.starts_with(" was ")
        || f.starts_with(" were ")
        || f.starts_with(" is ")
        || has(SOMEONE);
    let past_change = has(CHANGED) || (has(CHANGE) && (has(SOMEONE) || f.contains(" a ")));
    signed_in || (has(DETAILS) && past_change && question)
}

/// Not visible here; what to do; the offer to lock the cards.
pub(crate) fn answer(ctx: &mut Ctx<'_>, state: &mut DialogState) {
    state.turn_intent = Some(IntentId::ReportFraud);
    state.more = None;
    let person: Vec<_> = ctx.person_choice().into_iter().collect();
    let text = ctx.t(Msg::AccountWatch(ctx.contact()));
    crate::intents::fraud::say_with_lock_choice(ctx, state, text, Vec::new(), person);
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn someone_in_the_account() {
        for t in [
            "did anyone else log in to my account",
            "has someone logged into my account",
            "has my address or phone been changed",
            "did someone change my phone number on my account",
            "was my email changed",
            "Kindly advise whether any other person has accessed my account",
            "someone hacked my acct? who logged in",
            "est ce que quelqu'un s'est connecte a mon compte",
            "did anyone log in2 my account",
            "someone been logging into my acct?",
        ] {
            assert!(asks(t), "{t}");
        }
        for t in [
            "i want to change my address",
            "how do i update my phone number",
            "log in",
            "what's my balance",
            "change my address pls",
        ] {
            assert!(!asks(t), "{t}");
        }
    }
}
