//! "I got a text asking for my PIN", "someone called pretending to be the bank", "my
//! account was hacked": a scam or a compromise to report as fraud, even when it names a
//! PIN, a transfer or a password the bot otherwise cannot handle.

use crate::cues::fold;

/// Words that say something is a scam or compromised, each padded.
const SCAM: &[&str] = &[
    " scam ",
    " scammed ",
    " scammer ",
    " phishing ",
    " compromised ",
    " hacked ",
    " hacker ",
    " pretending to be ",
    " pretended to be ",
    " claiming to be ",
    " suspicious text ",
    " suspicious email ",
    " suspicious call ",
    " fake text ",
    " fake email ",
    " fake call ",
    " arnaque ",
    " escroquerie ",
    " escroc ",
    " hameconnage ",
    " pirate ",
    " piratage ",
    " se faisant passer ",
    " faux conseiller ",
];

/// A request for a secret by someone else ("asking for my PIN", "wanted my password").
const ASKED_SECRET: &[&str] = &[
    " asking for my pin ",
    " asked for my pin ",
    " asked me for my pin ",
    " asking for my password ",
    " asked for my password ",
    " asked me for my password ",
    " asking for my code ",
    " asked for my code ",
    " wanted my pin ",
    " demande mon code ",
    " demandant mon code ",
    " demande mon mot de passe ",
];

/// Someone other than the customer ("somebody", "a stranger", "quelqu'un").
const SOMEONE: &[&str] = &[
    " someone ",
    " somebody ",
    " some one ",
    " some1 ",
    " some body ",
    " someones ",
    " somebodys ",
    " a stranger ",
    " strangers ",
    " a thief ",
    " some guy ",
    " some person ",
    " unknown person ",
    " quelqu'un ",
    " quelquun ",
    " qqn ",
    " qq1 ",
];

/// Use of the customer's card or account ("tried to use my card", "a utilisé ma carte").
const USED_MINE: &[&str] = &[
    " tried to use my ",
    " try to use my ",
    " trying to use my ",
    " attempted to use my ",
    " used my ",
    " using my ",
    " been using my ",
    " charged my ",
    " got into my ",
    " a utilise ma ",
    " a utilise mon ",
    " utilise ma ",
    " utilise mon ",
    " essaye d'utiliser ma ",
    " essaye d'utiliser mon ",
    " a essaye d'utiliser ",
];

/// True when `text` reports a scam or a compromised account.
pub(crate) fn reported(text: &str) -> bool {
    let f = fold(text);
    SCAM.iter().chain(ASKED_SECRET).any(|w| f.contains(w))
        || (SOMEONE.iter().any(|w| f.contains(w)) && USED_MINE.iter().any(|w| f.contains(w)))
}

#[cfg(test)]
mod tests {
    use super::reported;

    #[test]
    fn scams_are_reported() {
        assert!(reported(
            "I received a text message saying my account was compromised and asking for my PIN."
        ));
        assert!(reported("someone called pretending to be the bank"));
        assert!(reported("je crois que c'est une arnaque"));
        assert!(reported(
            "I received a letter saying somebody tried to use my credit card. What ought I to do?"
        ));
        assert!(reported("some1 used my card?? someone used my visa"));
        assert!(reported("quelqu'un a utilisé ma carte"));
        assert!(!reported("i tried to use my card and it was declined"));
        assert!(!reported("how do i change my pin"));
        assert!(!reported("what's my balance"));
    }
}
