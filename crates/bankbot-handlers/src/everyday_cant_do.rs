//! Everyday requests the bot cannot do, read before any balance or list reading takes them:
//! an overdraft asked for ("tu peux me faire un découvert ?" — not "am I overdrawn?"), money
//! moved between the customer's own accounts without an amount ("je peux prendre sur le
//! livret pour mettre sur le compte ?"), a statement exported or downloaded ("un export csv
//! pour mon comptable"), the bank's fees ("y a des frais si je retire là-bas ?") and new
//! contact details told in passing ("j'ai changé de numéro", "i moved").
//! [`cues::unsupported`](crate::cues::unsupported) asks these first.

use crate::cues::{Unsupported, fold};
use bankbot_core::has_padded_phrase;

/// Asking for an overdraft, not whether the account is overdrawn.
const OVERDRAFT: &[&str] = &[
    "faire un decouvert",
    "avoir un decouvert",
    "accorder un decouvert",
    "autoriser un decouvert",
    "un petit decouvert",
    "demander un decouvert",
    "mettre un decouvert",
    "droit au decouvert",
    "droit a un decouvert",
    "passer a decouvert",
    "etre a decouvert",
    "aller a decouvert",
    "get an overdraft",
    "have an overdraft",
    "need an overdraft",
    "want an overdraft",
    "apply for an overdraft",
    "set up an overdraft",
    "give me an overdraft",
    "an overdraft please",
    "go overdrawn",
    "go into overdraft",
];

/// Words that ask the bank for something ("give me a small overdraft till friday").
const ASK_FOR: &[&str] = &[
    "give me",
    "can i get",
    "can i have",
    "could i get",
    "could i have",
    "i need",
    "i want",
    "apply",
    "can you",
    "could you",
    "tu peux me",
    "vous pouvez me",
    "je voudrais",
    "j'aimerais",
    "je veux",
    "me faire",
    "m'accorder",
    "m'autoriser",
    "m'avancer",
];

/// A change to an overdraft's limit, which [`cues::unsupported`](crate::cues::unsupported)
/// reads as a limit.
const RAISE: &[&str] = &[
    "augmenter",
    "increase",
    "raise",
    "limit",
    "limite",
    "plafond",
    "autorise",
    "autorisation",
];

/// Words that make an overdraft question one about the account now ("suis-je à découvert").
const OVERDRAWN_NOW: &[&str] = &[
    "suis je",
    "je suis",
    "suis a decouvert",
    "am i",
    "est a decouvert",
    "prevenez",
    "previens",
    "alerte",
    "alert",
];

/// A verb of moving money, for two of the customer's own accounts named together.
const MOVE: &[&str] = &[
    "prendre",
    "prends",
    "prend",
    "mettre",
    "mets",
    "met",
    "passer",
    "passe",
    "transferer",
    "virer",
    "basculer",
    "bouger",
    "sortir",
    "move",
    "transfer",
    "take",
    "put",
    "shift",
];
const SAVINGS: &[&str] = &["livret", "epargne", "ldds", "lep", "pel", "savings"];
const EVERYDAY: &[&str] = &[
    "le compte",
    "mon compte",
    "compte courant",
    "courant",
    "cheque",
    "checking",
    "current account",
];
/// Questions about money already moved ("combien j'ai mis sur le livret") are data.
const PAST: &[&str] = &[
    "j'ai mis",
    "jai mis",
    "j'ai pris",
    "j'ai vire",
    "j'ai transfere",
    "did i",
    "have i",
    "i moved",
    "i transferred",
    "i put",
    "combien",
    "how much did",
];

/// A statement or a list of operations as a file.
const EXPORT: &[&str] = &[
    "export",
    "exporter",
    "exporte",
    "csv",
    "excel",
    "pdf",
    "ofx",
    "qif",
    "comptable",
    "accountant",
    "telecharger mes releves",
    "telecharger mon releve",
    "telecharger un releve",
    "telecharger le releve",
    "imprimer mes releves",
    "imprimer mon releve",
    "releve papier",
    "releves papier",
    "download my statement",
    "download my statements",
    "download a statement",
    "download statements",
    "print my statement",
    "print my statements",
    "paper statement",
    "copy of my statement",
    "get a statement",
    "get my statement",
    "get my statements",
    "need a statement",
    "need my statement",
    "need my statements",
    "want a statement",
    "want my statement",
    "send me my statement",
    "send me a statement",
    "email me my statement",
    "envoyer mon releve",
    "envoie moi mon releve",
    "envoyez moi mon releve",
    "recevoir mon releve",
    "recevoir mes releves",
];

/// What an export is of: without one, "pdf" or "comptable" is something else.
const EXPORTED: &[&str] = &[
    "releve",
    "releves",
    "operations",
    "ops",
    "transactions",
    "statement",
    "statements",
    "compte",
    "comptes",
    "account",
    "historique",
    "history",
    "depenses",
    "spending",
    "csv",
];

/// The bank's fees, asked of a withdrawal or a payment (not the fees already paid).
const FEES: &[&str] = &[
    "frais",
    "fee",
    "fees",
    "commission",
    "commissions",
    "ca coute combien",
    "combien ca coute",
    "ca coute",
    "c'est payant",
    "ca coute cher",
    "how much does it cost",
    "how much will it cost",
    "does it cost",
    "ca me coute",
    "ca va me couter",
];
const FEES_ON: &[&str] = &[
    "etranger",
    "la bas",
    "labas",
    "abroad",
    "overseas",
    "retire",
    "retirer",
    "retrait",
    "withdraw",
    "withdrawal",
    "foreign",
    "conversion",
    "paiement par carte",
    "payer par carte",
    "pay by card",
    "devise",
    "devises",
    "currency",
];

/// Fees already paid, which the list of operations answers.
const FEES_PAID: &[&str] = &[
    "did i",
    "have i",
    "j'ai paye",
    "jai paye",
    "paid",
    "charged me",
    "m'a preleve",
    "j'ai eu",
];

/// New contact details told in passing.
const NEW_DETAILS: &[&str] = &[
    "j'ai demenage",
    "jai demenage",
    "je demenage",
    "on a demenage",
    "je viens de demenager",
    "change de numero",
    "changer de numero",
    "nouveau numero",
    "nouveau num",
    "nouvelle adresse",
    "mon numero a change",
    "changer mon mail",
    "changer mon email",
    "changer mon adresse mail",
    "i moved house",
    "i've moved",
    "ive moved",
    "i have moved",
    "i just moved",
    "new number",
    "changed my number",
    "change my number",
    "changed my phone",
    "change my email",
    "new email",
    "new address",
];

/// Words that ask for details to be changed ("update my address", « changer mon adresse »).
const CHANGE_ASKED: &[&str] = &[
    "change",
    "update",
    "changer",
    "modifier",
    "mettre a jour",
    "new address",
    "nouvelle adresse",
];

/// The request read here, if any.
pub(crate) fn asked(text: &str) -> Option<Unsupported> {
    let f = fold(text);
    let any = |list: &[&str]| list.iter().any(|p| has_padded_phrase(&f, p));
    let asks_for_one = any(&["overdraft", "decouvert"]) && any(ASK_FOR) && !any(RAISE);
    if (any(OVERDRAFT) || asks_for_one) && !any(OVERDRAWN_NOW) {
        return Some(Unsupported::Overdraft);
    }
    if any(MOVE) && any(SAVINGS) && any(EVERYDAY) && !any(PAST) {
        return Some(Unsupported::Transfer);
    }
    if any(EXPORT) && any(EXPORTED) {
        return Some(Unsupported::Export);
    }
    if any(FEES) && any(FEES_ON) && !any(FEES_PAID) {
        return Some(Unsupported::Fees);
    }
    // "I just moved to Paris, atm near bastille": the cash machine asked for wins; the
    // details are a can't-do only when asked to change them.
    let atm_asked = crate::intents::atm_place_guess::names_atm(text);
    if any(NEW_DETAILS) && (!atm_asked || any(CHANGE_ASKED)) {
        return Some(Unsupported::PersonalDetails);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::asked;
    use crate::cues::Unsupported::*;

    #[test]
    fn everyday_requests_the_bot_cannot_do() {
        for (t, u) in [
            ("tu peux me faire un découvert ?", Overdraft),
            ("je peux avoir un découvert ce mois ci", Overdraft),
            ("can i get an overdraft", Overdraft),
            ("can you give me a small overdraft till friday", Overdraft),
            ("can i get a statement", Export),
            (
                "je peux prendre sur le livret pour mettre sur le compte ?",
                Transfer,
            ),
            ("move money from savings to checking", Transfer),
            (
                "comment je fais pour exporter mes relevés pour mon comptable",
                Export,
            ),
            ("je voudrais un export csv de mes opérations", Export),
            ("can i download my statements as pdf", Export),
            ("i need a csv of my transactions for my accountant", Export),
            ("y a des frais si je retire là-bas ?", Fees),
            ("are there fees if i withdraw abroad", Fees),
            ("combien ça coûte de payer par carte à l'étranger", Fees),
            ("j'ai changé de numéro", PersonalDetails),
            ("j'ai déménagé", PersonalDetails),
            ("i just moved, new address", PersonalDetails),
        ] {
            assert_eq!(asked(t), Some(u), "{t}");
        }
    }

    #[test]
    fn questions_about_the_accounts_are_not() {
        for t in [
            "suis-je à découvert ?",
            "am i overdrawn",
            "prévenez moi si je suis à découvert",
            "combien j'ai mis sur le livret ce mois",
            "mon releve de compte stp",
            "je voudrais augmenter mon découvert autorisé",
            "did i pay any fees last month",
            "what's my savings balance",
            "",
        ] {
            assert_eq!(asked(t), None, "{t}");
        }
    }
}
