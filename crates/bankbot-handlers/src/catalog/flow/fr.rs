//! Textes français de [`FlowMsg`].

use super::FlowMsg;
use crate::catalog::{Weighed, sentence, title_case};

pub(super) fn text(msg: &FlowMsg<'_>) -> String {
    match msg {
        FlowMsg::InOut {
            range,
            money_in,
            money_out,
            diff,
            weighed,
        } => {
            let net = match weighed {
                Weighed::More => format!("{diff} de plus sont entrés que sortis"),
                Weighed::Less => format!("{diff} de plus sont sortis qu'entrés"),
                Weighed::Same => "autant est entré que sorti".into(),
            };
            format!(
                "{} : {money_in} sont entrés et {money_out} sont sortis, soit {net}.",
                title_case(range)
            )
        }
        FlowMsg::IncomeCompared {
            range,
            total,
            other,
            other_total,
            diff,
            weighed,
        } => match weighed {
            Weighed::More => format!(
                "Argent reçu {range} : {total}, contre {other_total} {other}, soit {diff} de plus."
            ),
            Weighed::Less => format!(
                "Argent reçu {range} : {total}, contre {other_total} {other}, soit {diff} de moins."
            ),
            Weighed::Same => sentence(format!("Argent reçu {range} : {total}, autant que {other}")),
        },
        FlowMsg::PayerUnknown => "Je ne vois que les noms inscrits sur les virements, pas qui les envoie : voici ce qui est arrivé.".into(),
        FlowMsg::LastOne => "La dernière dans votre historique :".into(),
        FlowMsg::CashNoneIn { range } => format!(
            "Je ne vois aucun retrait d'espèces {range} : aucune opération de cette période n'est libellée comme un retrait."
        ),
        FlowMsg::CashIn { range, total, n } => {
            let what = if *n == 1 {
                "Votre retrait d'espèces".to_owned()
            } else {
                format!("Vos {n} retraits d'espèces")
            };
            if total.is_empty() {
                format!("{what} {range} :")
            } else {
                format!("{what} {range} : {total} en tout")
            }
        }
        FlowMsg::CashNone => "Je ne vois aucun retrait d'espèces dans l'historique de vos comptes : aucune opération n'est libellée comme un retrait.".into(),
        FlowMsg::NextDebit {
            who,
            last,
            amount,
            next,
            late,
        } => {
            let head = format!("{who} est passé pour la dernière fois le {last} ({amount}).");
            let when = if *late {
                format!(" S'il passe chaque mois, il aurait dû passer vers le {next} et je ne le vois pas encore.")
            } else {
                sentence(format!(" S'il passe chaque mois, le prochain devrait passer vers le {next}"))
            };
            format!(
                "{head}{when} C'est une estimation d'après vos opérations passées, pas une date confirmée par la banque."
            )
        }
        FlowMsg::NextPay {
            who,
            last,
            amount,
            next,
            late,
        } => {
            let when = if *late {
                format!("s'il arrive chaque mois, il aurait dû arriver vers le {next} et je ne le vois pas encore")
            } else {
                format!("s'il arrive chaque mois, le prochain devrait arriver vers le {next}")
            };
            format!(
                "Votre dernier versement est arrivé le {last} : {who}, {amount}. {} C'est une estimation d'après vos opérations passées, pas une date confirmée par la banque.",
                sentence(title_case(&when))
            )
        }
        FlowMsg::NextDebitOften { who, last, amount } => format!(
            "Vous payez {who} plusieurs fois par mois, pas à date fixe : je ne peux donc pas dire quand viendra le prochain paiement. Le dernier date du {last} ({amount})."
        ),
        FlowMsg::NextDebitNone { who } => format!(
            "Je ne vois aucun paiement « {who} » sur les douze derniers mois, je ne peux donc pas dire quand viendra le prochain."
        ),
        FlowMsg::Upcoming { lines } => format!(
            "Paiements réguliers attendus dans le mois à venir, estimés d'après vos opérations passées (dates non confirmées par la banque) :\n{lines}"
        ),
        FlowMsg::UpcomingNone => "D'après vos opérations passées, je ne vois aucun paiement régulier (loyer, factures, abonnements) attendu dans le mois à venir. La banque ne me montre pas les paiements programmés : l'application de votre banque les liste.".into(),
    }
}
