//! Every intent in French, as bob (EUR) or an unlinked user, against the demo bank.

mod common;

use bankbot_core::{AccountKind, AlertKind, Button, IntentId, Lang, Slots};
use bankbot_handlers::Effect;
use chrono::NaiveDate;
use common::{Chat, audits, buttons, has_link_button, payloads, slots, text};

#[tokio::test]
async fn soldes_de_bob() {
    let mut chat = Chat::bob();
    let out = chat
        .say("quel est mon solde", IntentId::Balance, slots())
        .await;
    let t = text(&out);
    assert!(t.starts_with("Voici vos soldes :"), "{t}");
    assert!(t.contains("Compte courant ••2468 : 1 234,56 €"), "{t}");
    assert!(t.contains("Livret A ••1357 : 8 000,00 €"), "{t}");
    assert_eq!(audits(&out), ["balances"]);

    // "et le livret ?": not understood alone, but it names an account after a balance.
    let livret = Slots {
        account_type: Some(AccountKind::Savings),
        ..slots()
    };
    let out = chat.mumble("et le livret ?", livret).await;
    assert_eq!(text(&out), "Livret A ••1357 : 8 000,00 €");

    let card = Slots {
        account_type: Some(AccountKind::CreditCard),
        ..slots()
    };
    let t = text(
        &chat
            .say("solde carte de crédit", IntentId::Balance, card)
            .await,
    );
    assert!(
        t.starts_with("Je ne trouve pas de carte de crédit parmi vos comptes."),
        "{t}"
    );
    assert!(t.contains("Compte courant ••2468 : 1 234,56 €"), "{t}");
}

#[tokio::test]
async fn operations_et_depenses() {
    let mut chat = Chat::bob();
    let out = chat
        .say("mes opérations", IntentId::Transactions, slots())
        .await;
    let t = text(&out);
    let lines: Vec<&str> = t.lines().collect();
    assert_eq!(lines[0], "Vos 5 dernières opérations :");
    assert_eq!(lines[1], "29 nov. · Boulangerie Paul · -3,80 €");
    assert_eq!(lines[4], "23 nov. · ACME France · +2 450,00 €");
    assert_eq!(quick_titles(&out), ["Voir plus"]);

    let out = chat.mumble("voir plus", slots()).await;
    let t = text(&out);
    assert_eq!(t.lines().next(), Some("2 opérations de plus :"), "{t}");
    assert!(t.contains("20 oct. · PRLV Loyer · -950,00 €"), "{t}");
    assert!(payloads(&out).is_empty());

    let carrefour = Slots {
        merchant: Some("carrefour".into()),
        ..slots()
    };
    let t = text(
        &chat
            .say("carrefour", IntentId::Transactions, carrefour)
            .await,
    );
    assert!(
        t.starts_with("Vos 3 dernières opérations chez Carrefour :"),
        "{t}"
    );

    let aucun = Slots {
        merchant: Some("fnac".into()),
        ..slots()
    };
    let t = text(&chat.say("fnac", IntentId::Transactions, aucun).await);
    assert_eq!(t, "Je n'ai trouvé aucune opération chez Fnac.");
    let nothing = Slots {
        date_from: NaiveDate::from_ymd_opt(2026, 9, 1),
        date_to: NaiveDate::from_ymd_opt(2026, 9, 30),
        ..slots()
    };
    let t = text(
        &chat
            .say("septembre", IntentId::SpendingSummary, nothing)
            .await,
    );
    assert_eq!(t, "Je ne trouve aucune dépense du 1er sept. au 30 sept.");

    let out = chat
        .say("mes dépenses du mois", IntentId::SpendingSummary, slots())
        .await;
    let t = text(&out);
    assert!(
        t.starts_with("Vous avez dépensé 153,75 € du 1er nov. au 29 nov.\n"),
        "{t}"
    );
    assert!(
        t.contains("Par catégorie : Courses 104,95 € · Transports 45,00 € · Restaurants 3,80 €"),
        "{t}"
    );
    assert!(
        t.contains("Principaux commerçants : Carrefour 104,95 €"),
        "{t}"
    );

    let octobre = Slots {
        date_from: NaiveDate::from_ymd_opt(2026, 10, 1),
        date_to: NaiveDate::from_ymd_opt(2026, 10, 31),
        ..slots()
    };
    let t = text(&chat.mumble("et en octobre ?", octobre).await);
    assert!(
        t.starts_with("Vous avez dépensé 1 008,10 € du 1er oct. au 31 oct."),
        "{t}"
    );
}

fn quick_titles(out: &bankbot_handlers::Outcome) -> Vec<String> {
    common::quick(out).into_iter().map(|(t, _)| t).collect()
}

#[tokio::test]
async fn distributeur_en_kilometres() {
    let mut chat = Chat::bob();
    let out = chat.say("distributeur", IntentId::AtmNearby, slots()).await;
    assert_eq!(
        text(&out),
        "Où êtes-vous ? Envoyez-moi un code postal ou un lieu, ou partagez votre position."
    );
    let t = text(&chat.mumble("75011", slots()).await);
    assert!(
        t.starts_with("Les distributeurs les plus proches de Paris 11e :"),
        "{t}"
    );
    assert!(t.contains("1. Demo Bank – Bastille — 1,0 km"), "{t}");
    assert!(t.contains("https://www.google.com/maps/search/?api=1&query=48.853200,2.369100"));
    assert!(!t.contains("\n2. "), "London is too far: {t}");
}

#[tokio::test]
async fn blocage_de_carte_avec_confirmation() {
    let mut chat = Chat::bob();
    let out = chat
        .say("bloquer ma carte", IntentId::CardLock, slots())
        .await;
    assert!(
        text(&out).starts_with("Bloquer votre Carte Visa ••5678 ?"),
        "{}",
        text(&out)
    );
    assert_eq!(quick_titles(&out), ["Oui", "Non"]);
    let out = chat.mumble("non", slots()).await;
    assert_eq!(text(&out), "D'accord, je n'ai pas touché à votre carte.");
    assert!(audits(&out).is_empty());

    chat.say("bloquer ma carte", IntentId::CardLock, slots())
        .await;
    let out = chat.mumble("oui", slots()).await;
    assert!(text(&out).starts_with("C'est fait : votre Carte Visa ••5678 est bloquée."));
    assert_eq!(audits(&out), ["card_lock"]);
    let again = chat
        .say("bloquer ma carte", IntentId::CardLock, slots())
        .await;
    assert_eq!(text(&again), "Votre Carte Visa ••5678 est déjà bloquée.");

    let out = chat.say("fraude", IntentId::ReportFraud, slots()).await;
    assert_eq!(quick_titles(&out), ["Bloquer une carte", "Un conseiller"]);
    let out = chat
        .say("un conseiller", IntentId::HumanAgent, slots())
        .await;
    assert!(text(&out).starts_with("Je vous mets en relation"));
    assert_eq!(out.effects, [Effect::HandOverToHuman]);
}

#[tokio::test]
async fn liaison_confidentialite_et_alertes() {
    let mut chat = Chat::unlinked(Lang::Fr);
    let out = chat.say("mon solde", IntentId::Balance, slots()).await;
    assert!(has_link_button(&out));
    assert!(text(&out).starts_with("Pour cela, liez d'abord votre compte bancaire."));

    let out = chat
        .say("lier mon compte", IntentId::LinkAccount, slots())
        .await;
    assert!(has_link_button(&out));
    assert!(text(&out).starts_with("Touchez le bouton pour vous connecter"));

    let mut chat = Chat::bob();
    let out = chat
        .say("lier mon compte", IntentId::LinkAccount, slots())
        .await;
    assert_eq!(
        text(&out),
        "Votre compte bancaire est déjà lié. Demandez-moi votre solde !"
    );
    let out = chat
        .say("délier mon compte", IntentId::UnlinkAccount, slots())
        .await;
    assert_eq!(buttons(&out)[0], Button::AccountUnlink);
    let out = chat.tap("NO").await;
    assert_eq!(text(&out), "D'accord, votre compte reste lié.");
    assert!(out.effects.is_empty());

    let out = chat
        .say("supprimer mes données", IntentId::DeleteMyData, slots())
        .await;
    assert!(text(&out).ends_with("Tout effacer ?"));
    let out = chat.mumble("non", slots()).await;
    assert_eq!(text(&out), "D'accord, rien n'a été effacé.");
    assert!(out.effects.is_empty());

    let out = chat
        .say(
            "activer les alertes solde bas",
            IntentId::ManageAlerts,
            slots(),
        )
        .await;
    assert_eq!(
        out.effects,
        [Effect::SetAlert {
            kind: AlertKind::BalanceLow,
            enabled: true
        }]
    );
    let t = text(&out);
    assert!(t.starts_with("Alertes « Solde bas » activées"), "{t}");
    assert!(t.contains("• Solde bas : activée"), "{t}");
    // Tout couper, écrit, est demandé d'abord ; le oui le fait.
    let out = chat
        .say("arrêter les alertes", IntentId::ManageAlerts, slots())
        .await;
    assert!(text(&out).starts_with("Je désactive toutes vos alertes ?"));
    assert!(chat.alerts.any_on());
    let out = chat.tap("YES").await;
    assert!(text(&out).starts_with("Toutes les alertes sont désactivées."));
    assert!(!chat.alerts.any_on());
}

#[tokio::test]
async fn politesses_et_incompris() {
    let mut chat = Chat::bob();
    let out = chat.say("bonjour", IntentId::Greeting, slots()).await;
    assert!(text(&out).starts_with("Bonjour ! Je suis l'assistant de votre banque."));
    assert!(quick_titles(&out).contains(&"Mes soldes".to_owned()));
    assert!(
        text(&chat.say("aide", IntentId::Help, slots()).await)
            .starts_with("Voici ce que je sais faire")
    );
    assert_eq!(
        text(&chat.say("merci", IntentId::Thanks, slots()).await),
        "Avec plaisir ! Autre chose ?"
    );
    assert_eq!(
        text(&chat.say("au revoir", IntentId::Goodbye, slots()).await),
        "Au revoir, à bientôt !"
    );
    // A wish is answered in kind, never "bonne journée" in the evening.
    assert_eq!(
        text(&chat.say("bonne soirée", IntentId::Goodbye, slots()).await),
        "Au revoir, bonne soirée !"
    );

    let out = chat.mumble("flurb le grimoire ?", slots()).await;
    assert!(text(&out).starts_with("Désolé, je n'ai pas compris."));
    let out = chat.mumble("zorglub trucmuche ?", slots()).await;
    assert_eq!(
        text(&out),
        "Désolé, je ne comprends toujours pas. Voulez-vous parler à un conseiller ?"
    );
    assert_eq!(payloads(&out), ["INTENT:human_agent", "INTENT:help"]);
}
