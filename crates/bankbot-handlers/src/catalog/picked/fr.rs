//! Textes français de [`PickedMsg`].

use super::PickedMsg;

fn oui_non(b: bool) -> &'static str {
    if b { "oui" } else { "non" }
}

pub(super) fn text(msg: &PickedMsg<'_>) -> String {
    match msg {
        PickedMsg::Atm {
            n,
            name,
            distance,
            address,
            features,
            url,
        } => format!(
            "{} : {name}, à {distance}\n{address}\nDépôts : {} · Ouvert 24 h/24 : {} · Accessible : {} · Sans contact : {}\n{url}",
            n.map_or_else(|| "Ce distributeur".to_owned(), |n| format!("N° {n}")),
            oui_non(features.deposits),
            oui_non(features.open_24h),
            oui_non(features.accessible),
            oui_non(features.contactless),
        ),
        PickedMsg::Transaction {
            n,
            date,
            who,
            amount,
            label,
            account,
            category,
            pending,
        } => {
            let status = if *pending {
                "en attente"
            } else {
                "comptabilisée"
            };
            let account = if account.is_empty() {
                String::new()
            } else {
                format!("Compte : {account}\n")
            };
            format!(
                "{} : {date} · {who} · {amount}\nLibellé : {label}\n{account}Catégorie : {category} · {status}",
                n.map_or_else(
                    || "Cette opération".to_owned(),
                    |n| format!("Opération n° {n}")
                ),
            )
        }
        PickedMsg::OutOfRange { n, len } => {
            let items = if *len == 1 {
                "un seul élément".to_owned()
            } else {
                format!("{len} éléments")
            };
            format!("La liste n'avait que {items}, pas de n° {n}. Lequel voulez-vous ?")
        }
        PickedMsg::TransactionGone => {
            "Je ne retrouve plus cette opération dans votre historique.".into()
        }
    }
}
