//! The texts of what a bank-label code stands for ("PRLV", "POS", "VIR"…), once per
//! language; the code comes in as the customer typed it, in capitals.

use bankbot_core::Lang;

use crate::intents::bank_label::LabelKind;

/// Renders what `code` (of `kind`) stands for in a language.
pub(crate) fn text(lang: Lang, code: &str, kind: LabelKind) -> String {
    match lang {
        Lang::En => en(code, kind),
        Lang::Fr => fr(code, kind),
    }
}

fn en(code: &str, kind: LabelKind) -> String {
    let means = match kind {
        LabelKind::CardPayment => {
            "a card payment (point of sale): something bought with your card, in a shop or \
             online"
        }
        LabelKind::DirectDebit => {
            "a direct debit: the company named after it takes the amount from your account \
             with your permission (a rent, a bill, a subscription)"
        }
        LabelKind::Transfer => {
            "a transfer: money sent from one account to another, into yours when the amount \
             is a plus, out of it when a minus"
        }
        LabelKind::Ach => {
            "an electronic bank transfer between US banks (Automated Clearing House): pay \
             coming in, a bill paid or money moved between banks"
        }
        LabelKind::FasterPayment => {
            "a Faster Payment, a UK bank transfer that arrives within minutes (FPI into your \
             account, FPO out of it)"
        }
        LabelKind::StandingOrder => {
            "a standing order: a transfer you set up to go out for the same amount on a \
             regular date"
        }
        LabelKind::CashWithdrawal => "cash taken out at a cash machine",
        LabelKind::ChequeDeposit => "a cheque you paid into your account",
        LabelKind::Cheque => "a cheque you wrote, cashed by the person you gave it to",
        LabelKind::DirectDeposit => {
            "a direct deposit: pay or benefits paid straight into your account"
        }
        LabelKind::GiroCredit => {
            "a Bank Giro Credit: money paid into your account, often over a bank counter"
        }
    };
    format!("“{code}” on a bank statement means {means}.")
}

fn fr(code: &str, kind: LabelKind) -> String {
    let means = match kind {
        LabelKind::CardPayment => {
            "paiement par carte bancaire : un achat payé avec votre carte, en magasin ou en \
             ligne"
        }
        LabelKind::DirectDebit => {
            "prélèvement : l'organisme nommé après le code (un loyer, une facture, un \
             abonnement) retire la somme de votre compte avec votre autorisation (mandat SEPA)"
        }
        LabelKind::Transfer => {
            "virement : de l'argent envoyé d'un compte à un autre, reçu quand le montant est \
             en plus, envoyé quand il est en moins"
        }
        LabelKind::Ach => {
            "virement électronique entre banques américaines (Automated Clearing House) : un \
             salaire reçu, une facture payée ou de l'argent déplacé entre banques"
        }
        LabelKind::FasterPayment => {
            "Faster Payment, un virement britannique qui arrive en quelques minutes (FPI \
             reçu, FPO envoyé)"
        }
        LabelKind::StandingOrder => {
            "virement permanent : un virement du même montant que vous avez programmé à date \
             fixe"
        }
        LabelKind::CashWithdrawal => "retrait d'espèces à un distributeur",
        LabelKind::ChequeDeposit => {
            "remise de chèque : un chèque que vous avez déposé sur votre compte"
        }
        LabelKind::Cheque => "chèque : un chèque que vous avez fait, encaissé par son bénéficiaire",
        LabelKind::DirectDeposit => {
            "versement direct : un salaire ou une allocation versé directement sur votre compte"
        }
        LabelKind::GiroCredit => {
            "Bank Giro Credit : de l'argent versé sur votre compte, souvent au guichet d'une \
             banque britannique"
        }
    };
    format!("Sur un relevé, « {code} » veut dire {means}.")
}
