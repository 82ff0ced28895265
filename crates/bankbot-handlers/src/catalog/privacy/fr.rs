//! Textes de confidentialité en français.

use bankbot_core::{Kept, Lang};

use super::PrivacyMsg;

pub(super) fn text(msg: &PrivacyMsg<'_>) -> String {
    use PrivacyMsg::*;
    let alert = crate::catalog::fr::alert;
    match msg {
        Meta => "Messenger (Meta) transporte notre conversation : Meta voit ce que vous écrivez \
            ici et ce que je réponds, comme pour toute discussion Messenger. Meta ne voit jamais \
            votre identifiant ni votre mot de passe bancaire : vous vous connectez sur la page \
            de votre banque."
            .into(),
        Kept => "Je garde seulement le lien avec votre compte bancaire, un court contexte de \
            conversation (24 heures), vos consentements aux alertes et un journal du type de \
            données que je vous ai montrées (par exemple « soldes », jamais de montants)."
            .into(),
        NotKept => "Je n'enregistre ni soldes ni opérations : je les demande à votre banque à \
            chaque fois, et mes réponses sont effacées une fois remises. Je ne vends jamais vos \
            données et ne m'en sers pas pour la publicité."
            .into(),
        Controls => "Dites « qu'est-ce que tu sais sur moi ? » pour voir ce que je garde, ou \
            « supprimer mes données » pour l'effacer."
            .into(),
        AnswerSell => "Non. Je ne vends jamais vos données, je ne les transmets à personne et \
            je ne m'en sers pas pour la publicité."
            .into(),
        AnswerMeta => "Seulement ce qui est écrit dans cette discussion. Messenger (Meta) \
            transporte notre conversation : Meta voit ce que vous écrivez ici et ce que je \
            réponds, par exemple un solde que je vous montre, comme pour toute discussion \
            Messenger."
            .into(),
        AnswerPhoneTaken => "Si votre téléphone est verrouillé (code, empreinte ou visage), \
            personne ne peut ouvrir cette discussion dessus. S'il ne l'est pas, la personne qui \
            l'a pourrait lire cette discussion et me demander vos soldes et vos opérations, mais \
            jamais faire un virement ni voir votre mot de passe bancaire.\n\nPour l'en \
            empêcher, déconnectez Messenger de ce téléphone depuis un autre appareil (dans les \
            paramètres Facebook, « Où vous êtes connecté »), ou déliez votre compte bancaire : \
            dites « délier mon compte » ici depuis n'importe quel appareil. Si une carte était \
            avec le téléphone, bloquez-la aussi."
            .into(),
        AnswerShare => "Non. Je ne partage vos données avec personne, ni Facebook (Meta), ni des \
            annonceurs, et je ne les vends jamais. Messenger appartient toutefois à Meta : Meta \
            voit ce que vous écrivez ici et ce que je réponds, comme pour toute discussion \
            Messenger."
            .into(),
        AnswerStored => "Non. Je n'enregistre ni soldes ni opérations : je les demande à votre \
            banque à chaque fois, et mes réponses sont effacées une fois remises."
            .into(),
        AnswerWhoReads => "Vous et moi, et Meta, qui transporte toute discussion Messenger. \
            Personne à la banque ne la lit, sauf si vous demandez à parler à quelqu'un."
            .into(),
        AnswerHumanReads => "Non. Personne à la banque ne lit cette discussion, sauf si vous \
            demandez à parler à quelqu'un ; seuls vous, moi et Meta, qui transporte toute \
            discussion Messenger, la voient."
            .into(),
        AnswerSafe => "Oui. Vous vous connectez sur la page de votre banque : votre identifiant \
            ne passe jamais par Messenger ni par moi, et vous pouvez délier votre compte à tout \
            moment."
            .into(),
        AnswerPassword => "Non. Je ne vois jamais votre mot de passe bancaire ni votre code, et \
            Meta non plus : vous vous connectez sur la page de votre banque, pas dans cette \
            discussion."
            .into(),
        FactMeta => "Meta ne voit jamais votre identifiant ni votre mot de passe bancaire, ni vos \
            comptes eux-mêmes : vous vous connectez sur la page de votre banque."
            .into(),
        FactWhoReads => "Je ne garde aucune copie de cette discussion : mes réponses sont \
            effacées une fois remises."
            .into(),
        FactSafe => "Le lien avec votre banque et mes réponses en attente d'envoi sont \
            chiffrés, et je n'enregistre ni soldes ni opérations."
            .into(),
        NotStoredFact => "Je n'enregistre même pas vos soldes ni vos opérations : je les \
            demande à votre banque à chaque fois, et mes réponses sont effacées une fois remises."
            .into(),
        Consents(lines) => format!("Vos consentements aux alertes :\n{lines}"),
        PageLink(url) => format!("Tous les détails : {url}"),
        PolicyLink(url) => format!("La politique de confidentialité de votre banque : {url}"),
        Purpose(k) => purpose(*k).into(),
        PageTitle => "Confidentialité : ce que cet assistant Messenger voit et garde".into(),
        PageKeptHeading => "Tout ce que l'assistant enregistre".into(),
        LinkAllows => "Lier votre compte me permet de lire vos soldes et vos opérations pour \
            vous répondre, et de bloquer une carte quand vous le demandez. Vos identifiants \
            restent chez votre banque et vous pouvez délier à tout moment."
            .into(),
        HeldHeader => "Voici tout ce que je garde sur vous :".into(),
        HeldLinked(since) => format!("• Compte bancaire : lié depuis le {since}"),
        HeldNotLinked => "• Compte bancaire : non lié".into(),
        HeldLang(l) => format!(
            "• Langue : {}",
            match l {
                Lang::En => "anglais",
                Lang::Fr => "français",
            }
        ),
        HeldConsent { kind, on, since } => format!(
            "• Alertes « {} » : {} depuis le {since}",
            alert(*kind),
            if *on { "activées" } else { "désactivées" }
        ),
        HeldConsentDefault { kind, on } => format!(
            "• Alertes « {} » : {} (par défaut, jamais modifiées)",
            alert(*kind),
            if *on { "activées" } else { "désactivées" }
        ),
        HeldPending(n) => format!("• Messages en attente d'envoi : {n}"),
        HeldKinds(kinds) => format!(
            "• Données montrées ces 30 derniers jours : {kinds} (le type seulement, jamais de \
             montants)"
        ),
        HeldNoKinds => "• Données montrées ces 30 derniers jours : aucune".into(),
        DataKind(k) => match *k {
            "balances" => "soldes",
            "transactions" => "opérations",
            "spending" => "dépenses",
            "cards" => "cartes",
            "card_lock" => "blocages de carte",
            other => other,
        }
        .into(),
        HeldExport(url) => format!(
            "Une copie en fichier (JSON), pour vous seul : ce lien marche une fois, pendant \
             10 minutes.\n{url}"
        ),
        HeldNoExport => {
            "Je n'ai pas pu préparer de copie pour l'instant ; redemandez-moi dans une minute."
                .into()
        }
        HeldErase => "Pour tout effacer, dites « supprimer mes données ».".into(),
        UndoAlertOn(k) => format!(
            "Pour annuler, touchez 🔕 {} ci-dessous ou dites « désactiver les alertes {} ».",
            alert(*k),
            alert(*k).to_lowercase()
        ),
        UndoAlertOff(k) => format!(
            "Pour les réactiver, touchez 🔔 {} ci-dessous ou dites « activer les alertes {} ».",
            alert(*k),
            alert(*k).to_lowercase()
        ),
        UndoAllOff => "Pour en réactiver une, touchez-la ci-dessous.".into(),
        UndoLinked => "Pour annuler, dites « délier mon compte » : j'oublie alors le lien.".into(),
        UndoUnlinked => "Je ne garde plus le lien ni son accès. Pour le lier à nouveau, dites \
            « lier mon compte »."
            .into(),
        EraseHow => "Vous pouvez effacer d'un coup tout ce que je garde sur vous : le lien avec \
            votre compte bancaire, le contexte de notre conversation et vos choix d'alertes. \
            C'est définitif. Si vous voulez seulement que je ne voie plus vos comptes, déliez \
            plutôt : j'oublie le lien, et vous pourrez le lier à nouveau quand vous voulez. Ni \
            l'un ni l'autre ne change vos comptes : la banque garde ses propres dossiers, que je \
            ne peux pas effacer. Touchez ce que vous voulez, ou continuez simplement."
            .into(),
        EraseVsUnlink => "Délier retire seulement le lien avec votre compte bancaire : je \
            n'affiche plus vos soldes ni vos opérations ici, et vous pourrez le lier à nouveau \
            quand vous voulez. Effacer supprime définitivement tout ce que je garde sur vous : \
            ce lien, le contexte de notre conversation et vos choix d'alertes. Ni l'un ni \
            l'autre ne change vos comptes à la banque, qui garde ses propres dossiers. Touchez \
            ce que vous voulez, le cas échéant."
            .into(),
        ErasePartial => "Je ne peux pas effacer seulement une partie : c'est tout ou rien. \
            Effacer supprime ensemble le lien avec votre compte bancaire, le contexte de notre \
            conversation et vos choix d'alertes. Le contexte de notre conversation s'efface de \
            lui-même, de toute façon, 24 heures après votre dernier message. Pour garder vos \
            alertes, n'effacez pas : vous pouvez désactiver seulement les alertes dont vous ne \
            voulez plus, ou délier votre compte."
            .into(),
        EraseLeavesCards => "Non : effacer ne touche ni à vos cartes ni à vos comptes. Une carte \
            reste bloquée ou débloquée comme maintenant, et vos comptes à la banque restent tels \
            quels. Seul ce que je garde ici disparaît : le lien, le contexte de notre \
            conversation et vos choix d'alertes. Tout effacer ?"
            .into(),
        UnlinkLeavesCards => "Non : délier ne touche ni à vos cartes ni à vos comptes. Une \
            carte reste bloquée ou débloquée comme maintenant, et vos comptes à la banque \
            restent tels quels ; je ne les vois simplement plus ici. Je délie ?"
            .into(),
        NothingHeld => "Je ne garde plus rien sur vous : aucun lien avec un compte bancaire, \
            aucune conversation passée, aucun choix d'alertes. Donc si vous m'avez demandé \
            d'effacer vos données, c'est fait. Pour m'utiliser à nouveau, liez votre compte."
            .into(),
        LabelUnlinkAccount => "Délier mon compte".into(),
        LabelWhatYouKnow => "Ce que vous gardez".into(),
        LabelDeleteMyData => "Effacer mes données".into(),
        LabelDownload => "Télécharger".into(),
    }
}

fn purpose(k: Kept) -> &'static str {
    match k {
        Kept::Link => {
            "Le lien avec votre compte bancaire : la référence client de votre banque \
            et l'accès qu'elle a accordé, chiffrés. Gardé jusqu'à ce que vous déliiez ou \
            supprimiez vos données."
        }
        Kept::Session => {
            "Le contexte de la conversation (votre langue, la dernière question, \
            ce que j'attends), pour que « et l'épargne ? » ait un sens. Effacé après 24 heures \
            sans message."
        }
        Kept::Consents => {
            "Vos consentements aux alertes, avec la date de chaque choix, pour \
            n'envoyer que les alertes demandées."
        }
        Kept::Audit => {
            "Un journal d'audit : quand je vous ai montré quel type de données (par \
            exemple « soldes »), jamais de montants ni de numéros de compte. Il ne vous nomme \
            que par un pseudonyme chiffré et reste après la suppression de vos données, pour \
            qu'il ne puisse pas être falsifié."
        }
        Kept::Inbox => {
            "Les messages que vous envoyez, jusqu'à ma réponse ; ensuite seul leur \
            identifiant reste, pour ignorer les doublons, puis il est effacé après 24 \
            heures."
        }
        Kept::Outbox => {
            "Mes réponses, chiffrées, jusqu'à ce que Messenger les remette ; \
            ensuite effacées."
        }
        Kept::LinkCodes => {
            "Des codes à usage unique entre la page de connexion de votre \
            banque et Messenger, quelques minutes pendant la liaison."
        }
        Kept::Contacts => {
            "Quand vous avez écrit pour la dernière fois : Messenger ne me \
            laisse vous écrire que dans les 24 heures qui suivent votre dernier message."
        }
        Kept::HeldAlerts => {
            "Les alertes retenues pendant les heures calmes ou jusqu'à votre \
            prochain message."
        }
        Kept::AlertIds => {
            "Les identifiants d'alerte de la banque (aucune donnée client), 7 \
            jours, pour qu'une alerte ne parte jamais deux fois."
        }
        Kept::ExportTokens => {
            "Les liens à usage unique vers une copie de vos données, \
            enregistrés hachés, valables 10 minutes."
        }
        Kept::AuditChain => "Le sceau d'intégrité du journal d'audit (aucune donnée client).",
    }
}
