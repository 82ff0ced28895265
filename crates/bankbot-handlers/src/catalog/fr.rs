//! Réponses en français.

use bankbot_core::{AccountKind, AlertKind, Category};

use super::{Contact, Msg, Reach, TxFilters, Weighed, privacy, sentence, title_case};
use crate::intents::bot_identity::Asked;
use crate::intents::stand_down::StandDown;

pub(super) fn text(msg: &Msg<'_>) -> String {
    use Msg::*;
    match msg {
        LinkNeeded => "Pour cela, liez d'abord votre compte bancaire. Touchez le bouton pour vous \
            connecter sur le site de votre banque : je ne vois jamais votre mot de passe."
            .into(),
        LockNeedsLink(c) => format!(
            "Si votre carte est perdue ou volée, n'attendez pas : {} pour la faire bloquer tout \
             de suite. Pour la bloquer ici vous-même, liez d'abord votre compte bancaire : \
             touchez le bouton pour vous connecter sur le site de votre banque (je ne vois jamais \
             votre mot de passe).",
            reach_now(*c)
        ),
        LinkPrompt => "Touchez le bouton pour vous connecter sur le site de votre banque et lier \
            votre compte. Je ne vois jamais votre mot de passe."
            .into(),
        AlreadyLinked => "Votre compte bancaire est déjà lié. Demandez-moi votre solde !".into(),
        NotLinked => "Aucun compte bancaire n'est lié à cette conversation.".into(),
        UnlinkAsk => "Délier votre compte bancaire de Messenger ? Je n'afficherai plus vos \
            comptes ici tant que vous ne l'aurez pas lié à nouveau. Touchez Délier ou répondez oui."
            .into(),
        Unlinked => "C'est fait : votre compte bancaire est délié. Vous pouvez le lier à nouveau \
            quand vous voulez."
            .into(),
        UnlinkKept => "D'accord, votre compte reste lié.".into(),
        Linked => "Votre compte est lié ! Demandez-moi votre solde, vos dernières opérations ou \
            vos dépenses."
            .into(),
        LinkFailed => "Ce lien n'a pas fonctionné, veuillez réessayer.".into(),
        BotBack => "Me revoilà ! Puis-je vous aider pour autre chose ?".into(),
        AlertsWaiting(1) => "Vous avez 1 nouvelle alerte.".into(),
        AlertsWaiting(n) => format!("Vous avez {n} nouvelles alertes."),
        Insisted => "Je vous entends. Dites-moi en quelques mots ce qu'il vous faut et je fais de mon mieux, ou touchez Aide pour voir ce que je sais faire."
            .into(),
        BalanceIntro => "Voici vos soldes :".into(),
        BalanceDeposit {
            label,
            current,
            available,
        } => match available {
            Some(a) => format!("{label} : {current} (disponible : {a})"),
            None => format!("{label} : {current}"),
        },
        BalanceCredit {
            label,
            owed,
            available,
        } => match available {
            Some(a) => format!("{label} : {owed} dus, {a} disponibles"),
            None => format!("{label} : {owed} dus"),
        },
        BalanceLoan { label, owed } => format!("{label} : {owed} restant dus"),
        NoAccountEnding(digits) => {
            format!("Vous n'avez pas de compte qui se termine par {digits}.")
        }
        AccountDigitsAre { yes: true, label } => format!("Oui, c'est bien votre {label}."),
        AccountDigitsAre { yes: false, label } => {
            format!("Non, ces chiffres sont ceux de votre {label}.")
        }
        NoCardBrand(brand) => {
            format!("Je ne vois aucune {brand} parmi vos cartes. Voici ce que vous avez :")
        }
        NoAccountOfKind(k) => format!("Je ne trouve pas de {} parmi vos comptes.", kind(*k)),
        NoAccounts => "Je ne trouve aucun compte lié à votre profil.".into(),
        BalanceNotOverdrawn => "Non, vous n'êtes pas à découvert.".into(),
        UsualRent { amount, date, who } => {
            format!("Votre loyer est de {amount} d'habitude (dernier paiement : {date}, {who}).")
        }
        BalanceCountsPending => "Le solde comptable ne compte que les opérations passées ; le disponible retire aussi celles en attente : un paiement encore en attente est déjà déduit du disponible, pas encore du solde.".into(),
        NoRentFound => "Je n'ai trouvé aucun loyer payé ces deux derniers mois ; voici ce que vous pouvez dépenser maintenant.".into(),
        AffordFits {
            label,
            available,
            amount,
            left,
        } => format!(
            "Vous avez {available} disponibles sur votre {label} : {amount}, ça passe, et il \
             vous restera {left}."
        ),
        AffordShort {
            label,
            available,
            amount,
            short,
        } => format!(
            "Vous avez {available} disponibles sur votre {label} : {amount}, c'est {short} de \
             plus que ce qui est disponible."
        ),
        AffordAvailable { label, available } => {
            format!("Vous avez {available} disponibles aujourd'hui sur votre {label}.")
        }
        AffordNoForecast => "Je vois seulement ce qu'il y a sur vos comptes maintenant : je ne \
            peux pas savoir ce qui va entrer ou sortir d'ici là."
            .into(),
        SpendFood => "L'alimentation compte ici les courses et les restaurants (cafés, \
            boulangeries, plats à emporter) ensemble."
            .into(),
        SpendWithout(what) => format!("C'est sans compter {what}."),
        SpendBoth {
            first,
            second,
            total,
            range,
        } => format!("{first} et {second} ensemble : {total} {range}."),
        ReasonNotSeen => "Je vois les montants sur vos comptes, pas les raisons derrière. Si \
            quelque chose vous semble anormal, demandez-moi (« c'était quoi le paiement de 50 \
            euros », « des opérations en attente ? ») ou appelez le numéro au dos de votre \
            carte."
            .into(),
        AffordCashLimit => "Au distributeur s'applique aussi un plafond de retrait, fixé par \
            votre banque pour votre carte : je ne le vois pas ici. L'application de votre banque \
            l'indique, ou appelez le numéro au dos de votre carte."
            .into(),
        BalanceOverdrawn { label, amount } => {
            format!("Oui : votre {label} est à découvert de {amount}.")
        }
        BalanceTotal { total, n } => format!("Au total, vous avez {total} sur vos {n} comptes."),
        BalanceTotalOwed(owed) => format!("Vous devez par ailleurs {owed} sur vos crédits."),
        BalanceCreditLimit {
            label,
            available,
            limit,
            owed,
        } => match limit {
            Some(l) => format!(
                "{label} : {available} disponibles sur une limite de crédit de {l} ({owed} dus)"
            ),
            None => format!("{label} : {available} disponibles ({owed} dus)"),
        },
        TxHeader { n, filters } => match n {
            1 => format!("Votre dernière opération{} :", describe(filters)),
            n => format!("Vos {n} dernières opérations{} :", describe(filters)),
        },
        TxMoreHeader { n } => match n {
            1 => "Une opération de plus :".into(),
            n => format!("{n} opérations de plus :"),
        },
        TxLine {
            date,
            who,
            amount,
            pending,
        } => {
            let p = if *pending { " (en attente)" } else { "" };
            format!("{date} · {who} · {amount}{p}")
        }
        TxNone { filters } => sentence(format!(
            "Je n'ai trouvé aucune opération{}",
            describe(filters)
        )),
        TxNoMore => "C'est tout : il n'y a pas d'autre opération.".into(),
        TxPendingHeader(1) => "Votre opération en attente :".into(),
        TxPendingHeader(_) => "Vos opérations en attente :".into(),
        TxNoPending => "Aucune opération en attente : tout est passé.".into(),
        TxNoPendingOn(k) => format!(
            "Aucune opération en attente sur votre {} : tout y est passé.",
            kind(*k)
        ),
        TxPaymentsHeader { n, filters } => match n {
            1 => format!("Votre dernier paiement{} :", describe(filters)),
            n => format!("Vos {n} derniers paiements{} :", describe(filters)),
        },
        IncomeHeader { total, range } => format!("Argent reçu {range} : {total}"),
        IncomeLatest => "La dernière rentrée d'argent :".into(),
        IncomeNone(range) => sentence(format!("Aucune rentrée d'argent {range}")),
        IncomeNoneInto { account, range } => sentence(format!(
            "Aucune rentrée d'argent sur votre {} {range}",
            kind(*account)
        )),
        IncomeNoneFrom { payer, range } => sentence(format!(
            "Rien n'est arrivé {} {range}",
            de(&title_case(payer))
        )),
        TxOneBefore => "Celle d'avant :".into(),
        TxCount { n: 0, range } => sentence(format!("Je n'ai trouvé aucune opération {range}")),
        TxCount { n: 1, range } => format!("1 opération {range} :"),
        TxCount { n, range } => format!("{n} opérations {range} :"),
        TxCountSpent { n: 1, range, spent } => format!("1 opération {range}, {spent} au total :"),
        TxCountSpent { n, range, spent } => format!("{n} opérations {range}, {spent} au total :"),
        DoubleYes { pairs } => format!(
            "Oui, on dirait : le même montant chez le même commerçant à {} jours ou moins \
             d'écart.\n{pairs}\nSi l'un d'eux est une erreur, vous pouvez le contester dans \
             l'application de votre banque.",
            crate::intents::double_charge::WITHIN_DAYS
        ),
        DoublePair {
            who,
            amount,
            first,
            second,
        } => format!("• {who} · {amount} le {first} puis le {second}"),
        DoubleNone {
            merchant: Some(m),
            range,
            recent,
        } => {
            let mut s = format!(
                "Non : je ne trouve aucun double prélèvement de {m} {range} (le même montant à \
                 {} jours ou moins d'écart).",
                crate::intents::double_charge::WITHIN_DAYS
            );
            if recent.is_empty() {
                s.push_str(&format!(" Je ne trouve aucun prélèvement de {m}."));
            } else {
                s.push_str(&format!("\nSes prélèvements : {recent}"));
            }
            s
        }
        DoubleNone {
            merchant: None,
            range,
            ..
        } => format!(
            "Non : je ne trouve aucun double prélèvement {range} (le même montant chez le même \
             commerçant à {} jours ou moins d'écart).",
            crate::intents::double_charge::WITHIN_DAYS
        ),
        ForeignNone { n: 0, range, .. } => {
            format!("Aucune : je ne trouve aucune opération {range}.")
        }
        ForeignNone {
            n: 1,
            range,
            currency,
        } => format!(
            "Aucune : votre seule opération {range} était en {currency}, la devise de vos \
             comptes. Les données de votre banque ne disent pas dans quel pays vous avez payé : \
             j'ai donc vérifié la devise."
        ),
        ForeignNone { n, range, currency } => format!(
            "Aucune : vos {n} opérations {range} étaient toutes en {currency}, la devise de vos \
             comptes. Les données de votre banque ne disent pas dans quel pays vous avez payé : \
             j'ai donc vérifié la devise de chaque opération."
        ),
        ForeignHeader { n: 1, range } => format!("1 opération en devise étrangère {range} :"),
        ForeignHeader { n, range } => format!("{n} opérations en devise étrangère {range} :"),
        TxNoneBefore => "Je n'en trouve pas d'autre avant.".into(),
        SmallestHeader { n: 1, range } => format!("Votre plus petite dépense {range} :"),
        SmallestHeader { n, range } => format!("Vos {n} plus petites dépenses {range} :"),
        LargestHeader { n: 1, range } => format!("Votre plus grosse dépense {range} :"),
        LargestHeader { n, range } => format!("Vos {n} plus grosses dépenses {range} :"),
        SpendTotal {
            total,
            range,
            merchant,
            category: cat,
            account,
        } => {
            let what = spend_filter(*merchant, *cat);
            let acc = account
                .map(|a| format!(" sur votre {a}"))
                .unwrap_or_default();
            sentence(format!("Vous avez dépensé {total}{what}{acc} {range}"))
        }
        SpendByCategory(items) => format!("Par catégorie : {items}"),
        SpendByMerchant(items) => format!("Principaux commerçants : {items}"),
        HistoryNone { held, range } => format!(
            "Je n'ai vos opérations qu'à partir du {held} : je ne vois pas vos dépenses {range}, \
             l'application de votre banque ou vos relevés remontent plus loin."
        ),
        FraudOutHeader(range) => format!("Voici tout ce qui est sorti de vos comptes {range} :"),
        FraudNothingOut(range) => sentence(format!(
            "Rien n'est sorti de vos comptes {range} : ni paiement, ni retrait"
        )),
        FraudNoWithdrawal(range) => sentence(format!("Je ne vois aucun retrait d'espèces {range}")),
        CardDamagedLead => "Désolé pour votre carte : une carte abîmée ou expirée est remplacée \
            par votre banque."
            .into(),
        ExchangeRateNotShown => "Les données de votre banque n'indiquent pas le taux de change \
            appliqué : chaque montant est ce qui a été débité de votre compte."
            .into(),
        CardGoneLockOffer => "En attendant, je peux bloquer tout de suite la carte perdue pour \
            que personne ne puisse l'utiliser."
            .into(),
        HistoryFrom(held) => {
            format!("Je n'ai vos opérations qu'à partir du {held} : rien d'avant n'est compté.")
        }
        SpentAgainstBound {
            bound,
            above,
            holds,
        } => match (above, holds) {
            (true, true) => format!("Oui, c'est plus de {bound}."),
            (true, false) => format!("Non, ce n'est pas plus de {bound}."),
            (false, true) => format!("Oui, c'est moins de {bound}."),
            (false, false) => format!("Non, ce n'est pas moins de {bound}."),
        },
        SpendDifference {
            diff,
            weighed,
            range,
            other,
        } => match weighed {
            Weighed::More => sentence(format!(
                "Vous avez dépensé {diff} de plus {range} que {other}"
            )),
            Weighed::Less => sentence(format!(
                "Vous avez dépensé {diff} de moins {range} que {other}"
            )),
            Weighed::Same => sentence(format!("Vous avez dépensé autant {range} que {other}")),
        },
        SpendAverage {
            per_month,
            months: 1,
        } => format!("Cela fait environ un mois d'historique : {per_month} par mois."),
        SpendAverage { per_month, months } => {
            format!("Soit {per_month} par mois en moyenne, sur {months} mois.")
        }
        SpendNone {
            range,
            merchant,
            category: cat,
            account,
        } => {
            let what = spend_filter(*merchant, *cat);
            let acc = account
                .map(|a| format!(" sur votre {a}"))
                .unwrap_or_default();
            sentence(format!("Je ne trouve aucune dépense{what}{acc} {range}"))
        }
        UndoWhat => "Voici ce que je peux annuler : une alerte activée ou désactivée (dites \
            « mes alertes » et touchez-la de nouveau), une carte bloquée ici (dites « débloque ma \
            carte »), ou le lien avec votre compte (dites « délier mon compte »). Les paiements \
            et virements ne s'annulent pas dans cette discussion : appelez le numéro au dos de \
            votre carte."
            .into(),
        AtmPlaceNeeded => "Je ne peux pas savoir où c'est d'ici. Envoyez-moi la ville et la \
            rue, ou un code postal comme 75011, ou partagez votre position, et je trouve les \
            distributeurs les plus proches."
            .into(),
        AtmAsk => "Où êtes-vous ? Envoyez-moi un code postal ou un lieu, ou partagez votre \
            position."
            .into(),
        AtmNotFound(q) => format!(
            "Je ne trouve pas « {q} » parmi les lieux que je connais, donc je ne peux pas y \
             chercher de distributeur. Les distributeurs que je connais ne le couvrent peut-être \
             pas, surtout à l'étranger : le localisateur de votre réseau de carte ou \
             l'application de votre banque peuvent vous aider. Sinon, envoyez un code postal \
             comme 75001."
        ),
        AtmNone {
            place,
            filter,
            nearest,
        } => {
            let that = atm_that_fr(filter, true);
            let near =
                place.map_or_else(|| "près de vous".to_owned(), |p| format!("près {}", de(p)));
            let mut text = format!("Je ne trouve aucun distributeur{that} {near}.");
            if let Some((name, address, distance)) = nearest {
                text.push_str(&format!(
                    " Le plus proche que je connaisse : {name}, {address} (à {distance})."
                ));
            }
            text.push_str(" Vous pouvez essayer une autre ville ou un autre code postal.");
            text
        }
        AtmMapButton => "Voir sur le plan".into(),
        AtmHasFeature {
            name,
            address,
            feature,
            has,
        } => {
            use crate::intents::atm_feature::Feature;
            let what = match (feature, has) {
                (Feature::Open24h, true) => "est ouvert 24 h/24",
                (Feature::Open24h, false) => "n'est pas ouvert 24 h/24",
                (Feature::Deposits, true) => "accepte les dépôts (espèces ou chèques)",
                (Feature::Deposits, false) => "n'accepte pas les dépôts",
                (Feature::Accessible, true) => {
                    "est accessible (fauteuil roulant ou guidage sonore)"
                }
                (Feature::Accessible, false) => "n'est pas indiqué comme accessible",
                (Feature::Contactless, true) => "accepte les cartes sans contact",
                (Feature::Contactless, false) => "n'accepte pas les cartes sans contact",
            };
            let (yes, also) = if *has {
                ("Oui", String::new())
            } else {
                let ask = match feature {
                    Feature::Open24h => "lesquels sont ouverts 24h/24 ?",
                    Feature::Deposits => "lesquels acceptent les dépôts ?",
                    Feature::Accessible => "lesquels sont accessibles ?",
                    Feature::Contactless => "",
                };
                let also = if ask.is_empty() {
                    String::new()
                } else {
                    format!(" Demandez « {ask} » pour ne voir que ceux du coin.")
                };
                ("Non", also)
            };
            format!("{yes} : le distributeur {name} ({address}) {what}.{also}")
        }
        AtmNothingCloser { name, distance } => format!(
            "Je n'en connais pas de plus proche : le distributeur {name}, à {distance}, est le \
             plus près de vous. Touchez « Voir sur le plan » pour l'itinéraire à pied."
        ),
        AtmHoursUnknown => "Je n'ai pas les horaires de chaque distributeur, je sais seulement \
            s'il est ouvert 24 h/24. Demandez « lesquels sont ouverts 24h/24 ? » pour ne voir \
            que ceux-là."
            .into(),
        AtmFeesUnknown => "Je n'ai pas d'information sur les frais des distributeurs, je ne \
            peux donc pas vous dire lesquels sont gratuits. Un distributeur qui prend des \
            frais les affiche à l'écran avant le retrait, et vous pouvez alors annuler."
            .into(),
        AtmHeader(place, f) => {
            let that = atm_that_fr(f, false);
            let to = place.map_or_else(|| "de vous".to_owned(), de);
            format!("Les distributeurs les plus proches {to}{that} :")
        }
        CardNone => "Je ne trouve aucune carte sur vos comptes.".into(),
        CardEndsIn { name, last4 } => format!(
            "Votre {name} se termine par {last4} (par sécurité, je n'affiche jamais un numéro \
             de carte complet)."
        ),
        CardChoose => "Quelle carte voulez-vous bloquer ?".into(),
        CardConfirm(card) => format!(
            "Bloquer votre {card} ? Les paiements et retraits avec cette carte seront refusés \
             jusqu'à son déblocage."
        ),
        CardDone(card, way) => format!(
            "C'est fait : votre {card} est bloquée. Si elle a été perdue ou volée, ou si vous \
             voyez des paiements inconnus, {}.",
            person_or(*way)
        ),
        CardAlready(card) => format!("Votre {card} est déjà bloquée."),
        CardConfirmAll(cards) => format!(
            "Bloquer toutes vos cartes : {cards} ? Les paiements et retraits avec ces cartes \
             seront refusés jusqu'à leur déblocage."
        ),
        CardDoneAll(cards, way) => format!(
            "C'est fait : vos cartes {cards} sont bloquées. Si elles ont été perdues ou volées, \
             ou si vous voyez des paiements inconnus, {}.",
            person_or(*way)
        ),
        CardsAllLocked => "Toutes vos cartes sont déjà bloquées.".into(),
        WordAnd => "et".into(),
        CardKept => "D'accord, je n'ai pas touché à votre carte.".into(),
        LockCalledOff(StandDown::Found) => "Tant mieux ! Je n'ai pas touché à votre carte : elle \
            fonctionne toujours normalement."
            .into(),
        LockCalledOff(StandDown::Mine) => "D'accord, ce paiement est donc bien le vôtre : je \
            n'ai pas touché à votre carte, elle fonctionne toujours normalement."
            .into(),
        ChargeYours => "D'accord, ce paiement est donc bien le vôtre : rien à faire, alors.".into(),
        CardOnlyOne(card) => format!(
            "Vous n'avez qu'une carte chez nous : votre {card}. La bloquer ? Les paiements et \
             retraits avec cette carte seront refusés jusqu'à son déblocage."
        ),
        AmountOtherDates(range) => {
            format!("Rien de ce montant {range}, mais il y en a à une autre date :")
        }
        // "… au 31 oct." already ends the sentence.
        NothingElse(range) => format!(
            "Non, rien d'autre {range}{}",
            if range.ends_with('.') { "" } else { "." }
        ),
        OtherMoneyIn { n, range } => match n {
            0 => format!(
                "Non, aucune autre rentrée d'argent{}{}",
                spaced(range),
                if range.ends_with('.') { "" } else { "." }
            ),
            1 => format!("Oui, une autre rentrée d'argent{} :", spaced(range)),
            n => format!("Oui, {n} autres rentrées d'argent{} :", spaced(range)),
        },
        AlsoThese { n, range } => match n {
            1 => format!("Oui, une autre opération{} :", spaced(range)),
            n => format!("Oui, {n} autres opérations{} :", spaced(range)),
        },
        HowElsewhere(contact) => format!(
            "Le plus simple : l'application de votre banque ou son site, une fois connecté à \
             votre espace client. Pour le faire avec un conseiller, il faut {}.",
            reach(*contact)
        ),
        CardNotTheirs => "Je ne trouve pas cette carte parmi les vôtres.".into(),
        CardOfSomeoneElse => "Cette carte ne fait pas partie des vôtres chez nous, je ne \
             peux donc pas la bloquer ici : la personne à qui elle appartient doit appeler le \
             numéro au dos de la carte, ou sa propre banque, pour la faire bloquer. Vos cartes \
             à vous ne sont pas touchées."
            .into(),
        LockNotDone(Some(card)) => {
            format!("Attention : votre {card} n'est PAS encore bloquée. Je la bloque maintenant ?")
        }
        LockNotDone(None) => "Attention : aucune de vos cartes n'est encore bloquée. Voulez-vous \
             toujours en bloquer une ?"
            .into(),
        LockOthersNotDone => "Attention : vos autres cartes ne sont PAS encore bloquées. \
             Voulez-vous en bloquer une ?"
            .into(),
        CardUnlocked(card) => {
            format!("C'est fait : votre {card} est débloquée et fonctionne à nouveau.")
        }
        CardUnlockConfirm(card) => format!(
            "Bonne nouvelle ! Votre {card} est toujours bloquée. Je la débloque pour qu'elle \
             fonctionne à nouveau ?"
        ),
        CardStaysLocked(card) => format!(
            "D'accord, votre {card} reste bloquée. Dites « débloque ma carte » quand vous \
             voudrez la réutiliser."
        ),
        CardNotLocked(card) => {
            format!("Votre {card} n'est pas bloquée : elle fonctionne normalement.")
        }
        CardIsLocked(card) => format!(
            "Votre {card} est bloquée : les nouveaux paiements sont refusés jusqu'à son \
             déblocage. Dites « débloquer ma carte » quand vous voulez la réactiver."
        ),
        WelcomeBeforeAnswer => "Avec plaisir !".into(),
        LockDespiteDeclined(c) => format!(
            "D'accord, on la bloque. Si elle ne fonctionnait plus, cela peut venir \
             du solde ou du crédit disponible, d'un plafond ou du terminal du commerçant ; pour \
             savoir pourquoi, vous pouvez {}.",
            reach(*c)
        ),
        CardDeclinedWhy(c) => format!(
            "Un paiement peut aussi être refusé à cause du solde ou du crédit disponible, d'un \
             plafond ou du terminal du commerçant. Pour savoir pourquoi celui-ci l'a été, vous \
             pouvez {}.",
            reach(*c)
        ),
        ContactInfo(c) => format!(
            "Pour joindre votre banque, vous pouvez {}. Je peux aussi vous aider ici pour vos \
             soldes, opérations, dépenses, distributeurs et cartes.",
            reach(*c)
        ),
        CardChooseHow => "D'accord, il me faut juste savoir quelle carte : touchez-en une \
            ci-dessous, ou écrivez son nom (« débit », « visa ») ou ses 4 derniers chiffres."
            .into(),
        CancelWithMerchant => "Un abonnement se résilie auprès du commerçant lui-même (dans votre \
            compte chez lui, ou en le lui demandant) ; votre banque peut aussi stopper un paiement \
            récurrent par carte. Si vous ne reconnaissez pas ce paiement, je peux bloquer la carte \
            qui a servi."
            .into(),
        UnlockHere => "Oui : dès qu'une carte est bloquée, écrivez simplement « débloque ma \
            carte » ici et elle refonctionne tout de suite."
            .into(),
        CardNoneLocked => {
            "Aucune de vos cartes n'est bloquée : elles fonctionnent normalement.".into()
        }
        CardUnlockWhich => "Plusieurs de vos cartes sont bloquées. Laquelle dois-je débloquer ? \
            Dites par exemple « débloquer ma carte de débit »."
            .into(),
        CardNeedsAuth => "Par sécurité, reconnectez-vous sur le site de votre banque avant que \
            je modifie une carte, puis redemandez-moi."
            .into(),
        Okay => "D'accord, pas de souci.".into(),
        WhatElse => "👍 Que puis-je faire d'autre pour vous ?".into(),
        ConfirmReask => "Répondez oui ou non, s'il vous plaît.".into(),
        LockOfferReask => "Je bloque votre carte maintenant ? Répondez oui ou non, s'il vous \
            plaît."
            .into(),
        ExplainLock => "Bloquer la carte refuse aussitôt les nouveaux paiements et retraits \
            avec elle ; les paiements déjà faits ne changent pas. Vous pouvez la débloquer ici \
            quand vous voulez en disant « débloque ma carte ». Je la bloque ?"
            .into(),
        ExplainUnlink => "Délier retire mon accès à votre compte bancaire : je n'affiche plus \
            vos soldes ni vos opérations ici et j'oublie le lien. Vos comptes et vos identifiants \
            de banque ne changent pas, et vous pourrez le lier à nouveau quand vous voulez. Je \
            délie ?"
            .into(),
        ExplainPending => "Une opération en attente est un paiement que votre carte a autorisé \
            mais que le commerçant n'a pas encore encaissé : la somme est réservée sur votre \
            solde disponible, et le montant peut encore changer (hôtel, station-service) ou \
            disparaître. Elle passe en général en quelques jours."
            .into(),
        ExplainDelete => "Effacer supprime le lien avec votre compte bancaire, le contexte de \
            notre conversation, vos choix d'alertes et les messages en attente. C'est \
            définitif, mais vos comptes à la banque restent tels quels. Tout effacer ?"
            .into(),
        PhishingWarning { cards } => format!(
            "Non, ce n'est pas normal : c'est très probablement une arnaque. Votre banque ne vous \
             demandera jamais votre code de carte, votre mot de passe ni un code reçu par SMS, \
             que ce soit par SMS, par e-mail ou au téléphone. Ne donnez rien, ne cliquez sur \
             aucun lien, raccrochez.{}",
            if *cards {
                " Si vous avez déjà donné un code ou vos identifiants, je peux bloquer votre \
                 carte tout de suite."
            } else {
                ""
            }
        ),
        CardCompromised(Reach::Person) => "Alors votre carte doit être considérée comme \
            compromise : la personne qui a ces informations peut payer avec, il faut la bloquer \
            maintenant. Un conseiller peut prendre le signalement et vous faire une nouvelle \
            carte."
            .into(),
        CardCompromised(Reach::Bank(c)) => format!(
            "Alors votre carte doit être considérée comme compromise : la personne qui a ces \
             informations peut payer avec, il faut la bloquer maintenant. Pour le signaler et \
             obtenir une nouvelle carte, {}.",
            reach_now(*c)
        ),
        LockedNoUse(Reach::Person) => "Non : une carte bloquée refuse tout nouveau paiement \
            et tout retrait, personne ne peut plus s'en servir. Les paiements faits avant le \
            blocage restent tels quels ; un conseiller peut examiner ceux que vous ne reconnaissez \
            pas."
            .into(),
        LockedNoUse(Reach::Bank(c)) => format!(
            "Non : une carte bloquée refuse tout nouveau paiement et tout retrait, personne ne \
             peut plus s'en servir. Les paiements faits avant le blocage restent tels quels : si \
             vous en voyez un que vous ne reconnaissez pas, {}.",
            reach_now(*c)
        ),
        AfterLockSteps(Reach::Person) => "Votre carte est bloquée, vous êtes tranquille pour \
            l'instant. Ensuite, il faut déclarer la perte ou le vol et obtenir une nouvelle \
            carte : un conseiller peut faire les deux, et examiner les paiements que vous ne \
            reconnaissez pas. Si vous retrouvez la carte, vous pourrez la débloquer ici."
            .into(),
        AfterLockSteps(Reach::Bank(c)) => format!(
            "Votre carte est bloquée, vous êtes tranquille pour l'instant. Ensuite, pour \
             déclarer la perte ou le vol, obtenir une nouvelle carte et signaler les paiements \
             que vous ne reconnaissez pas, {}. Si vous retrouvez la carte, vous pourrez la \
             débloquer ici.",
            reach_now(*c)
        ),
        ScamPressure(Reach::Person) => "C'est exactement comme ça que fonctionne cette \
            arnaque : quelqu'un se fait passer pour la banque ou son service fraude et vous \
            presse. Votre banque ne vous demandera jamais un code ni un mot de passe, ni de \
            déplacer votre argent pour le « sécuriser ». Raccrochez et ne donnez plus rien. Si \
            vous avez déjà donné quelque chose, je peux bloquer votre carte tout de suite, et \
            vous mettre en relation avec un conseiller."
            .into(),
        ScamPressure(Reach::Bank(c)) => format!(
            "C'est exactement comme ça que fonctionne cette arnaque : quelqu'un se fait passer \
             pour la banque ou son service fraude et vous presse. Votre banque ne vous demandera \
             jamais un code ni un mot de passe, ni de déplacer votre argent pour le « sécuriser ». \
             Raccrochez et ne donnez plus rien. Si vous avez déjà donné quelque chose, je peux \
             bloquer votre carte tout de suite. Pour vérifier auprès de votre banque, {} \
             vous-même.",
            reach_now(*c)
        ),
        BankCallWarning => "Soyez prudent : ce genre d'appel est une arnaque courante. Votre \
            banque ne vous demandera jamais votre code, votre mot de passe ni un code reçu par \
            SMS, ni de déplacer votre argent. Si on vous a demandé quelque chose, ne donnez rien \
            et raccrochez. Si vous avez déjà donné un code ou les numéros de votre carte, je peux \
            la bloquer tout de suite."
            .into(),
        Reaction => "Je comprends. Si ça peut aider, je peux vous montrer vos dernières \
            opérations ou où est parti l'argent, par catégorie."
            .into(),
        RemarkHeard => "C'est noté ! Si vous voulez, je peux vous montrer vos dernières \
            opérations ou où est parti l'argent, par catégorie."
            .into(),
        CardKindIs { card, credit: true } => format!(
            "Votre {card} est une carte de crédit : les paiements passent sur sa réserve de \
             crédit, que vous remboursez ensuite."
        ),
        CardKindIs {
            card,
            credit: false,
        } => format!(
            "Votre {card} est une carte de débit : les paiements sont pris directement sur le \
             compte auquel elle est liée."
        ),
        CardWhereUsable => "Tant qu'elle n'est pas bloquée, une carte fonctionne partout où son \
            réseau (Visa, Mastercard…) est accepté : en magasin, en ligne, à l'étranger et aux \
            distributeurs."
            .into(),
        PhishingLink { cards } => format!(
            "Non, ce n'était ni moi ni votre banque : je n'envoie jamais de lien, et votre banque \
             ne vous demandera jamais de vous connecter ou de débloquer votre compte par un lien \
             reçu par SMS ou e-mail. Ne cliquez pas et ne saisissez rien sur la page qu'il \
             ouvre ; supprimez simplement le message.{}",
            if *cards {
                " Si vous avez déjà cliqué et saisi vos identifiants ou votre carte, changez \
                 votre mot de passe dans l'application de votre banque, et je peux bloquer \
                 votre carte tout de suite."
            } else {
                ""
            }
        ),
        AccountWatch(c) => format!(
            "Je ne vois pas d'ici les connexions ni les changements de vos coordonnées. Si vous \
             pensez que quelqu'un d'autre est entré dans votre compte, changez votre mot de \
             passe dans l'application ou sur le site de votre banque, et {} pour qu'elle \
             vérifie qui s'est connecté et ce qui a changé. Je peux aussi bloquer vos cartes \
             tout de suite.",
            reach_now(*c)
        ),
        PhoneStolen(c) => format!(
            "Si votre téléphone est verrouillé (code, empreinte ou visage), personne ne peut \
             ouvrir cette conversation dessus. Sinon, qui l'a pourrait lire vos soldes et vos \
             opérations dans cette conversation si Messenger y est ouvert (il ne peut pas déplacer d'argent ici : je \
             ne fais ni paiement ni virement). Pour couper cet accès, déliez dès maintenant \
             votre compte bancaire de Messenger, et déconnectez Facebook et Messenger de ce \
             téléphone depuis un autre appareil (Paramètres › Mot de passe et sécurité › Où \
             vous êtes connecté). Si l'application de votre banque est aussi sur le téléphone, \
             {} pour la faire sécuriser. Délier votre compte maintenant ?",
            reach_now(*c)
        ),
        OnlineOnly(c) => format!(
            "Je ne peux pas couper seulement les paiements en ligne d'ici : je peux bloquer \
             toute la carte, ce qui l'arrête partout (magasins, en ligne et distributeurs) \
             jusqu'à son déblocage. Pour bloquer uniquement l'usage en ligne, passez par les \
             réglages de la carte dans l'application ou sur le site de votre banque, ou {}. Je \
             bloque toute la carte ?",
            reach_now(*c)
        ),
        DirectDebitDisowned(c) => format!(
            "Un prélèvement n'est pas un paiement par carte : bloquer une carte ne l'arrêtera \
             pas. Regardez d'abord le nom du créancier dans vos opérations : c'est souvent une \
             société connue sous un autre nom. S'il n'est vraiment pas à vous, {} : la banque \
             peut contester un prélèvement que vous n'avez pas autorisé et l'arrêter. Vous \
             pouvez aussi révoquer un prélèvement dans l'application ou sur le site de votre \
             banque. S'il s'agit en fait d'un paiement par carte, je peux bloquer votre carte \
             tout de suite.",
            reach_now(*c)
        ),
        NothingGiven => "Très bien : comme vous n'avez rien donné, votre carte et vos comptes \
            ne risquent rien, inutile de bloquer quoi que ce soit. Supprimez le message (ou \
            bloquez le numéro) sans répondre. S'ils vous recontactent, c'est toujours une \
            arnaque."
            .into(),
        Bereavement(c) => format!(
            "Toutes mes condoléances. Je ne peux ni voir ni gérer ici les comptes d'une autre \
             personne, même d'un conjoint, mais votre banque a des personnes qui s'en occupent \
             avec soin : {} et elles vous diront ce qu'il faut et ce que devient le compte.",
            reach_now(*c)
        ),
        FraudOfferAgain(Reach::Person) => "C'est noté. Je bloque votre carte maintenant, ou je \
            vous mets en relation avec un conseiller qui examinera le paiement ?"
            .into(),
        FraudOfferAgain(Reach::Bank(c)) => format!(
            "C'est noté. Je bloque votre carte maintenant ? Pour faire examiner le paiement, {}.",
            reach_now(*c)
        ),
        OthersData => "Je ne peux montrer que vos propres comptes : je ne peux pas communiquer \
            le solde ou les opérations d'une autre personne, même d'un proche. Elle peut me le \
            demander depuis son propre Messenger, ou s'adresser à la banque."
            .into(),
        MoneySafeLead => "Je comprends votre inquiétude. Voici votre argent tel qu'il est et les \
            derniers mouvements. Rappel : la banque ne vous demande jamais votre code, votre mot \
            de passe ni un code reçu par SMS, par téléphone ou par e-mail."
            .into(),
        FraudReviewOffer(Reach::Person) => "Si l'une de ces opérations n'est pas de vous, je \
            peux bloquer la carte tout de suite, ou vous mettre en relation avec un conseiller qui \
            l'examinera."
            .into(),
        FraudReviewOffer(Reach::Bank(c)) => format!(
            "Si l'une de ces opérations n'est pas de vous, je peux bloquer la carte tout de suite. \
             Pour la faire examiner, {}.",
            reach_now(*c)
        ),
        FraudDisowned(payment, Reach::Person) => format!(
            "Je suis désolé : le {payment} n'est pas de vous. Je peux bloquer votre carte tout \
             de suite pour que personne ne puisse l'utiliser, et vous mettre en relation avec un \
             conseiller pour signaler le paiement."
        ),
        FraudDisowned(payment, Reach::Bank(c)) => format!(
            "Je suis désolé : le {payment} n'est pas de vous. Je peux bloquer votre carte tout \
             de suite pour que personne ne puisse l'utiliser. Pour signaler le paiement, {}.",
            reach_now(*c)
        ),
        PaymentNamed { amount, who, date } => {
            format!("paiement de {amount} chez {who} le {date}")
        }
        FraudOffer(Reach::Person) => "Je suis désolé. Je peux bloquer votre carte tout de suite \
            pour que personne ne puisse l'utiliser, et vous mettre en relation avec un conseiller."
            .into(),
        FraudOffer(Reach::Bank(c)) => format!(
            "Je suis désolé. Je peux bloquer votre carte tout de suite pour que personne ne puisse \
             l'utiliser. Pour signaler le paiement à un conseiller, {}.",
            reach_now(*c)
        ),
        AllAccountsShown { n: 1, .. } => "Oui : c'est le seul compte relié à ce chat. Un \
            compte d'une autre banque, ou non relié ici, n'apparaît pas."
            .into(),
        AllAccountsShown { n, credit } => format!(
            "Oui : ce sont bien vos {n} comptes reliés à ce chat{}. Un compte d'une autre \
             banque, ou non relié ici, n'apparaît pas.",
            if *credit {
                ", carte de crédit comprise"
            } else {
                ""
            }
        ),
        FraudNextSteps(Reach::Person) => "Voici la suite : d'abord, bloquer la carte pour que \
            personne ne puisse plus s'en servir (je peux le faire tout de suite). Ensuite, un \
            conseiller prend votre signalement du paiement : la banque l'examine, vous dit s'il \
            est remboursé et vous envoie une nouvelle carte si besoin."
            .into(),
        FraudNextSteps(Reach::Bank(c)) => format!(
            "Voici la suite : d'abord, bloquer la carte pour que personne ne puisse plus s'en \
             servir (je peux le faire tout de suite). Ensuite, pour signaler le paiement, {} : \
             la banque l'examine, vous dit s'il est remboursé et vous envoie une nouvelle carte \
             si besoin.",
            reach_now(*c)
        ),
        Handoff => "Je vous mets en relation avec un membre de notre équipe : une personne vous \
            répondra ici dès que possible. D'ici là, je reste silencieux ; quand elle aura \
            terminé, la conversation me reviendra et vous pourrez à nouveau tout me demander."
            .into(),
        HandoffUnavailable(c) => format!(
            "Personne de notre équipe ne peut répondre dans cette conversation. Pour parler à \
             un conseiller, vous pouvez {}. Je reste là pour vos soldes, opérations, dépenses, \
             distributeurs et cartes.",
            reach(*c)
        ),
        DeleteAsk => "Cela efface tout ce que je garde sur vous : le lien avec votre compte \
            bancaire, le contexte de notre conversation et vos choix d'alertes. Vos comptes à la \
            banque ne changent pas. Tout effacer ?"
            .into(),
        Deleted => "C'est fait : j'ai effacé tout ce que je gardais sur vous. Dites bonjour quand \
            vous voulez pour recommencer."
            .into(),
        DeleteKept => "D'accord, rien n'a été effacé.".into(),
        AlertsList(lines) => {
            format!("Vos alertes :\n{lines}\nTouchez-en une pour l'activer ou la désactiver.")
        }
        AlertLine(k, on) => format!(
            "• {} : {}",
            alert(*k),
            if *on { "activée" } else { "désactivée" }
        ),
        AlertSet(k, true) => format!(
            "Alertes « {} » activées : je vous écrirai ici {}. Une alerte indique le montant et \
             les 4 derniers chiffres de la carte ou du compte, jamais un numéro complet.",
            alert(*k),
            when(*k)
        ),
        AlertSet(k, false) => format!("Alertes « {} » désactivées.", alert(*k)),
        AlertOffer(k, true) => format!(
            "Les alertes « {} » sont activées. Je les désactive ?",
            alert(*k)
        ),
        AlertOffer(k, false) => format!(
            "Les alertes « {} » sont désactivées. Je les active ?",
            alert(*k)
        ),
        AlertThresholdNotHere(k) => format!(
            "Je ne peux pas choisir le montant ici : les alertes « {} » utilisent le seuil \
             réglé avec votre banque, que vous pouvez modifier dans son application ou sur son \
             site.",
            alert(*k)
        ),
        AlertStays(k) => format!(
            "Vos alertes « {} » restent activées comme elles sont.",
            alert(*k)
        ),
        AlertsOnNow([]) => "Aucune de vos alertes n'est activée en ce moment.".into(),
        AlertsOnNow(kinds) => format!(
            "Activées en ce moment : {}. Les autres sont désactivées.",
            kinds
                .iter()
                .map(|k| format!("« {} »", alert(*k)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        AlertsAllOffAsk => "Je désactive toutes vos alertes ? Vous ne seriez plus prévenu non \
            plus en cas de paiement suspect."
            .into(),
        AlertsKept => "D'accord, vos alertes restent comme elles sont.".into(),
        AlertsAllOff => "Toutes les alertes sont désactivées. Vous pouvez les réactiver quand \
            vous voulez."
            .into(),
        Greeting {
            linked,
            people,
            hello,
        } => {
            let tail = if *linked {
                " Que puis-je faire pour vous ?"
            } else {
                " Commencez par lier votre compte bancaire."
            };
            let what = if *people {
                "trouver un distributeur, bloquer une carte ou vous mettre en relation avec un \
                 conseiller"
            } else {
                "trouver un distributeur ou bloquer une carte"
            };
            format!(
                "{} ! Je suis l'assistant de votre banque. Je peux afficher vos soldes et vos \
                 opérations, résumer vos dépenses, {what}.{tail}",
                match hello {
                    crate::intents::farewell_wish::Wish::Evening
                    | crate::intents::farewell_wish::Wish::Night => "Bonsoir",
                    _ => "Bonjour",
                }
            )
        }
        HowAreYou => {
            "Très bien, merci de demander ! 😊 Que puis-je faire pour vous aujourd'hui ?".into()
        }
        CardKeptByAtm(way) => format!(
            "Désolé pour ce souci ! Je ne peux pas récupérer une carte avalée par un \
             distributeur d'ici : pour la récupérer ou en recevoir une nouvelle, {}. En \
             attendant, la bloquer garantit que personne ne pourra s'en servir.",
            person_or(*way)
        ),
        TakeYourTime => "Bien sûr, prenez votre temps : je suis là quand vous êtes prêt.".into(),
        NoHarmDone => "Pas de souci ! Que puis-je faire pour vous ?".into(),
        AskAway => "Bien sûr, je vous écoute : que voulez-vous savoir ?".into(),
        FraudCardsLocked { cards, n } => {
            let (your, it) = if *n == 1 {
                ("Votre carte est", "elle")
            } else {
                ("Vos cartes sont", "elles")
            };
            format!(
                "Je suis désolé. {your} déjà bloquée{s} ({cards}) : personne ne peut payer avec \
                 {it} pour l'instant. Les paiements que vous ne reconnaissez pas doivent quand \
                 même être signalés à votre banque.",
                s = if *n == 1 { "" } else { "s" }
            )
        }
        RetentionIntro => {
            "Au plus 24 heures après votre dernier message pour notre conversation ; \
            le lien avec votre banque et vos choix d'alertes restent jusqu'à ce que vous le \
            supprimiez ou effaciez vos données. En détail :"
                .into()
        }
        Newcomer { sorry, way } => format!(
            "{}Pas d'inquiétude, il n'y a pas de mauvaise façon de demander. Écrivez ce qu'il \
             vous faut avec vos mots, par exemple « quel est mon solde ? », « combien j'ai \
             dépensé ce mois-ci ? » ou « bloquer ma carte », ou touchez un bouton ci-dessous. {}.",
            if *sorry {
                "Toutes mes condoléances. "
            } else {
                ""
            },
            match way {
                Reach::Person => "Pour parler à quelqu'un, dites-le-moi simplement".to_owned(),
                Reach::Bank(c) => format!("Pour parler à quelqu'un, {}", reach_now(*c)),
            }
        ),
        Help(way) => format!(
            "Voici ce que je sais faire :\n\
             • soldes : « quel est mon solde ? », « et l'épargne ? »\n\
             • opérations : « mes 10 dernières opérations », « paiements chez Carrefour en octobre »\n\
             • dépenses : « combien j'ai dépensé en courses ce mois-ci ? »\n\
             • distributeurs : « distributeur le plus proche de 75001 »\n\
             • cartes : « bloquer ma carte », « je ne reconnais pas un paiement »\n\
             • alertes : « activer les alertes solde bas », « arrêter les alertes »\n\
             • un conseiller : {}\n\
             • confidentialité : « délier mon compte », « supprimer mes données »",
            match way {
                Reach::Person => "« parler à quelqu'un »".to_owned(),
                Reach::Bank(c) => reach(*c),
            }
        ),
        Thanks => "Avec plaisir ! Autre chose ?".into(),
        BalanceKinds => "Le solde comptable, c'est l'argent réellement passé sur le compte : les opérations déjà enregistrées. Le solde disponible, c'est ce que vous pouvez dépenser tout de suite : le solde comptable moins les paiements encore en attente (acceptés mais pas encore passés), plus un éventuel découvert autorisé. Les soldes que je montre sont les soldes comptables ; quand votre banque donne un disponible différent, je l'indique à côté.".into(),
        Blessed => "Merci beaucoup, à vous aussi ! Autre chose ?".into(),
        Understood => "Parfait, tant mieux ! Autre chose ?".into(),
        WhereWhenOfWhat => "Je n'ai pas les détails d'un message reçu ailleurs : je ne vois que vos opérations. Dites par exemple « mes dernières opérations » ou « le paiement de 45 € », et je vous montre où et quand.".into(),
        Goodbye(wish) => {
            use crate::intents::farewell_wish::Wish::*;
            match wish {
                Plain => "Au revoir, à bientôt !",
                Day | Morning => "Au revoir, bonne journée !",
                EndOfDay | Afternoon => "Au revoir, bonne fin de journée !",
                Evening => "Au revoir, bonne soirée !",
                Night => "Au revoir, bonne nuit !",
                Weekend => "Au revoir, bon week-end !",
                Sunday => "Au revoir, bon dimanche !",
                Tomorrow => "Au revoir, à demain !",
            }
            .into()
        }
        Fallback => "Désolé, je n'ai pas compris. Je peux vous aider pour vos soldes, opérations, \
            dépenses, distributeurs et cartes. Essayez par exemple :"
            .into(),
        FallbackEscalate(Reach::Person) => "Désolé, je ne comprends toujours pas. Voulez-vous \
            parler à un conseiller ?"
            .into(),
        FallbackEscalate(Reach::Bank(c)) => format!(
            "Désolé, je ne comprends toujours pas. Personne de notre équipe ne répond dans cette \
             conversation : pour parler à un conseiller, vous pouvez {}. Ou essayez :",
            reach(*c)
        ),
        IAmABot(asked, way) => format!(
            "{} un assistant automatique, pas une personne. Je peux afficher vos soldes, vos \
             opérations et vos dépenses, trouver un distributeur ou bloquer une carte. {}",
            match asked {
                Asked::Bot => "Oui, je suis un robot :",
                Asked::Human => "Non, je suis un robot :",
                Asked::Who => "Je suis le robot de votre banque :",
            },
            match way {
                Reach::Person => {
                    "Si vous préférez parler à un conseiller, touchez ci-dessous.".to_owned()
                }
                Reach::Bank(c) => format!(
                    "Si vous préférez parler à un conseiller, vous pouvez {}.",
                    reach(*c)
                ),
            }
        ),
        Unsupported(crate::cues::Unsupported::TravelNotice, way) => format!(
            "Vos cartes fonctionnent à l'étranger, en magasin et aux distributeurs, partout où \
             leur réseau est accepté. Je ne peux pas enregistrer d'avis de voyage ni vous donner \
             les frais à l'étranger ici : vous pouvez le faire dans l'application ou sur le site \
             de votre banque, ou {}.",
            person_or(*way)
        ),
        Unsupported(crate::cues::Unsupported::Exchange, way) => format!(
            "Je ne peux pas convertir de devises ni donner de taux de change ici. Le taux de \
             change de votre banque et ses frais à l'étranger sont dans son application ou sur \
             son site, ou {}.",
            person_or(*way)
        ),
        Unsupported(crate::cues::Unsupported::AccountTerms, way) => format!(
            "Je ne vois pas ici les conditions de votre compte, comme un solde minimum à garder \
             ou les frais si l'on passe en dessous. Vous les trouverez dans l'application ou sur \
             le site de votre banque, ou {}.",
            person_or(*way)
        ),
        Unsupported(crate::cues::Unsupported::Fees, way) => format!(
            "Je n'ai pas les frais de votre banque : je ne peux pas vous dire combien coûte un \
             retrait ou un paiement par carte à l'étranger. Vous les trouverez dans ses \
             conditions tarifaires, dans l'application ou sur le site de votre banque, ou {}.",
            person_or(*way)
        ),
        Unsupported(what, way) => format!(
            "Je ne peux pas {} ici. Vous pouvez le faire dans l'application ou sur le site de \
             votre banque, ou {}.",
            unsupported(*what),
            person_or(*way)
        ),
        RefundStatus { people } => format!(
            "Le remboursement d'une fraude ou d'un paiement contesté est décidé par votre \
             banque, après examen du dossier : je ne peux ni le promettre ni voir où il en est. \
             Vous pouvez suivre votre dossier dans l'application de votre banque{}. S'il est \
             accordé, il arrivera comme une rentrée d'argent sur votre compte : demandez-moi \
             « j'ai été remboursé ? » pour vérifier.",
            if *people {
                ", ou avec un conseiller"
            } else {
                " ou en appelant votre banque"
            }
        ),
        RefundNone {
            merchant,
            since,
            people,
        } => format!(
            "Depuis le {since}, je ne vois aucun remboursement{} arrivé sur vos comptes. Un \
             remboursement peut prendre quelques jours : suivez-le dans l'application de \
             votre banque{}.",
            merchant
                .map(|m| format!(" {}", de(&title_case(m))))
                .unwrap_or_default(),
            if *people {
                " ou avec un conseiller"
            } else {
                ""
            }
        ),
        RefundFound { merchant, count } => {
            let from = merchant
                .map(|m| format!(" {}", de(&title_case(m))))
                .unwrap_or_default();
            if *count == 1 {
                format!("Oui, un remboursement{from} est arrivé :")
            } else {
                format!("Oui, {count} remboursements{from} sont arrivés :")
            }
        }
        SocialLaugh => "😄 Autre chose pour vous ?".into(),
        SocialInsult(Reach::Person) => "Désolé de ne pas vous avoir mieux aidé. Dites-moi ce \
            qu'il vous faut, ou demandez un conseiller."
            .into(),
        SocialInsult(Reach::Bank(c)) => format!(
            "Désolé de ne pas vous avoir mieux aidé. Dites-moi ce qu'il vous faut ; pour parler à \
             un conseiller, vous pouvez {}.",
            reach(*c)
        ),
        SocialChitchat => "Je ne suis que l'assistant de votre banque : je m'en tiens à vos \
            soldes, opérations, dépenses, distributeurs et cartes."
            .into(),
        StayWithBot => "D'accord, je suis toujours là. Que puis-je faire pour vous ?".into(),
        LanguagesSpoken => "Je peux discuter en français et en anglais. Pas besoin d'écrire \
            parfaitement : des messages courts et simples comme « mon solde » ou « dernières \
            opérations » suffisent. Que puis-je faire pour vous ?"
            .into(),
        LabelYes => "Oui".into(),
        LabelNo => "Non".into(),
        LabelCancel => "Annuler".into(),
        LabelMore => "Voir plus".into(),
        LabelBalance => "Mes soldes".into(),
        LabelTransactions => "Mes opérations".into(),
        LabelSpending => "Mes dépenses".into(),
        LabelAtm => "Distributeur".into(),
        LabelLockCard => "Bloquer une carte".into(),
        LabelAlerts => "Alertes".into(),
        LabelPerson => "Un conseiller".into(),
        LabelLink => "Lier mon compte".into(),
        LabelHelp => "Aide".into(),
        LabelAlertToggle(k, on) => format!("{} {}", if *on { "🔔" } else { "🔕" }, alert(*k)),
        LabelAlertsAllOff => "🔕 Tout couper".into(),
        ErrReauth => "Votre banque vous demande de vous reconnecter. Touchez le bouton, puis \
            redemandez-moi."
            .into(),
        ErrPermission => "Le lien avec votre banque ne me permet pas de faire cela. Liez à \
            nouveau votre compte en autorisant l'accès, puis redemandez-moi."
            .into(),
        ErrBusy => "Votre banque est très sollicitée. Réessayez dans une minute.".into(),
        ErrUnavailable => "Je n'arrive pas à joindre votre banque. Réessayez dans quelques \
            minutes."
            .into(),
        ErrNotFound => "Je ne trouve pas cela auprès de votre banque. Cela a peut-être changé : \
            redemandez-moi."
            .into(),
        ErrUnsupported => "Désolé, votre banque ne me permet pas de faire cela ici.".into(),
        CardsUnavailable(c) => format!(
            "Je ne peux pas bloquer ni débloquer de carte ici : vous pouvez le faire dans votre \
             application bancaire ou {}.",
            reach(*c)
        ),
        FraudUnavailable(c) => format!(
            "Je suis désolé. Je ne peux ni bloquer de carte ni enregistrer de signalement de \
             fraude ici : {} tout de suite pour faire bloquer la carte et examiner le paiement.",
            reach_now(*c)
        ),
        FraudNoReports(c) => format!(
            "Je suis désolé. Je peux bloquer votre carte tout de suite, mais je ne peux pas \
             enregistrer de signalement de fraude ici : {} aussi pour que le paiement soit \
             examiné.",
            reach_now(*c)
        ),
        LinkingUnavailable(c) => format!(
            "La liaison de votre compte bancaire n'est pas disponible dans cette conversation, \
             je ne peux donc pas afficher vos comptes ni vos cartes ici. Vous pouvez utiliser \
             votre application bancaire ou {}. Je peux toujours vous trouver un distributeur.",
            reach(*c)
        ),
        ErrGeneric => "Désolé, un problème est survenu de notre côté. Réessayez dans quelques \
            minutes."
            .into(),
        Privacy(p) => privacy::text(bankbot_core::Lang::Fr, p),
        Flow(m) => super::flow::text(bankbot_core::Lang::Fr, m),
        Picked(m) => super::picked::text(bankbot_core::Lang::Fr, m),
        BankLabel { code, kind } => super::bank_label::text(bankbot_core::Lang::Fr, code, *kind),
        AtmOthersHeader(place) => {
            let to = place.map_or_else(|| "de vous".to_owned(), de);
            format!("D'autres distributeurs proches {to}, après ceux déjà montrés :")
        }
    }
}

fn describe(f: &TxFilters<'_>) -> String {
    let mut parts = Vec::new();
    if let Some(a) = f.account {
        parts.push(format!(" sur votre {}", kind(a)));
    }
    if let Some(m) = f.merchant {
        parts.push(format!(" chez {}", title_case(m)));
    }
    if let Some(c) = f.category {
        parts.push(format!(" en {}", category(Some(c)).to_lowercase()));
    }
    if let Some(r) = &f.range {
        parts.push(format!(" {r}"));
    }
    match (&f.min, &f.max) {
        (Some(lo), Some(hi)) if lo == hi => parts.push(format!(" de {lo}")),
        (Some(lo), Some(hi)) => parts.push(format!(" entre {lo} et {hi}")),
        (Some(lo), None) => parts.push(format!(" de {lo} ou plus")),
        (None, Some(hi)) => parts.push(format!(" de {hi} ou moins")),
        (None, None) => {}
    }
    parts.concat()
}

fn spend_filter(merchant: Option<&str>, cat: Option<Category>) -> String {
    let at = merchant.map(|m| format!(" chez {}", title_case(m)));
    let on = cat.map(|c| format!(" en {}", category(Some(c)).to_lowercase()));
    at.or(on).unwrap_or_default()
}

fn kind(k: AccountKind) -> &'static str {
    match k {
        AccountKind::Checking => "compte courant",
        AccountKind::Savings => "compte épargne",
        AccountKind::CreditCard => "carte de crédit",
        AccountKind::Loan => "prêt",
        AccountKind::Mortgage => "prêt immobilier",
        _ => "compte",
    }
}

pub(super) fn alert(k: AlertKind) -> &'static str {
    match k {
        AlertKind::FraudSuspected => "Fraude",
        AlertKind::BalanceLow => "Solde bas",
        AlertKind::BalanceUpdate => "Point de solde",
        AlertKind::LargeTransaction => "Gros paiement",
        AlertKind::DepositReceived => "Argent reçu",
    }
}

fn when(k: AlertKind) -> &'static str {
    match k {
        AlertKind::FraudSuspected => "quand un paiement par carte semble suspect",
        AlertKind::BalanceLow => "quand un solde passe sous son seuil",
        AlertKind::BalanceUpdate => "pour un point régulier sur votre solde",
        AlertKind::LargeTransaction => "quand un paiement important passe",
        AlertKind::DepositReceived => "quand de l'argent arrive sur votre compte",
    }
}

fn unsupported(u: crate::cues::Unsupported) -> &'static str {
    use crate::cues::Unsupported::*;
    match u {
        Transfer => "faire de virement ni envoyer d'argent",
        BillPayment => "payer de factures",
        OpenAccount => "ouvrir de compte",
        PersonalDetails => "modifier votre adresse ni vos coordonnées",
        Dispute => "contester un paiement",
        Loan => "traiter de demande de prêt",
        Limit => "modifier un plafond de carte ni une limite de crédit",
        LimitInfo => "consulter les plafonds de paiement et de retrait de vos cartes",
        Checkbook => "commander de chéquier",
        Pin => "modifier ni renvoyer un code PIN",
        DirectDeposit => "mettre en place la domiciliation de votre salaire",
        CloseAccount => "fermer de compte",
        ChequeDeposit => "encaisser de chèque",
        Subscription => "résilier d'abonnement ni arrêter de prélèvement",
        Rates => "afficher les taux d'intérêt",
        AccountTerms => {
            "vous indiquer les conditions de votre compte, comme un solde minimum à garder"
        }
        CreditScore => "consulter votre score ni votre historique de crédit",
        AccountNumber => "afficher de numéro de compte, de RIB ni de numéro de carte complet",
        NewCard => "commander ni remplacer de carte",
        Statement => "afficher votre relevé, sa date d'échéance ni le paiement minimum",
        Complaint => "enregistrer de réclamation",
        TravelNotice => "enregistrer d'avis de voyage sur vos cartes",
        CashWithoutCard => "organiser de retrait d'espèces sans carte",
        Exchange => "convertir de devises ni donner de taux de change",
        Overdraft => "vous accorder de découvert",
        Export => "exporter ni envoyer de relevé ni de fichier de vos opérations",
        Fees => "vous donner les frais de votre banque",
        FeeSchedule => "vous donner les frais de la banque pour un service",
    }
}

pub(super) fn category(c: Option<Category>) -> &'static str {
    match c {
        Some(Category::Groceries) => "Courses",
        Some(Category::Dining) => "Restaurants",
        Some(Category::Transport) => "Transports",
        Some(Category::Fuel) => "Carburant",
        Some(Category::Shopping) => "Shopping",
        Some(Category::Entertainment) => "Loisirs",
        Some(Category::Bills) => "Factures",
        Some(Category::Housing) => "Logement",
        Some(Category::Income) => "Revenus",
        Some(Category::Transfer) => "Virements",
        None => "Autres",
    }
}

/// Comment joindre la banque, après « vous pouvez … ou ».
/// « je peux vous mettre en relation avec un conseiller », ou comment en joindre un quand
/// personne ne répond ici.
fn person_or(way: Reach<'_>) -> String {
    match way {
        Reach::Person => "je peux vous mettre en relation avec un conseiller".into(),
        Reach::Bank(c) => format!("vous pouvez {} pour parler à un conseiller", reach(c)),
    }
}

fn reach(contact: Contact<'_>) -> String {
    match contact {
        Contact::Phone(number) => format!("nous appeler au {number}"),
        Contact::Address(address) => format!("nous contacter sur {address}"),
        Contact::Unknown => "appeler le numéro au dos de votre carte".into(),
    }
}

/// La même chose à l'impératif (« appelez-nous … »).
fn reach_now(contact: Contact<'_>) -> String {
    match contact {
        Contact::Phone(number) => format!("appelez-nous au {number}"),
        Contact::Address(address) => format!("contactez-nous sur {address}"),
        Contact::Unknown => "appelez le numéro au dos de votre carte".into(),
    }
}

/// " qui acceptent les dépôts et sont ouverts 24 h/24" (au singulier pour `one`) : les
/// filtres d'une recherche, ou rien.
fn atm_that_fr(f: &bankbot_bank::AtmFilter, one: bool) -> String {
    let mut what = Vec::new();
    if f.deposits {
        what.push(if one {
            "accepte les dépôts"
        } else {
            "acceptent les dépôts"
        });
    }
    if f.open_24h {
        what.push(if one {
            "est ouvert 24 h/24"
        } else {
            "sont ouverts 24 h/24"
        });
    }
    if f.accessible {
        what.push(if one {
            "est accessible en fauteuil"
        } else {
            "sont accessibles en fauteuil"
        });
    }
    if what.is_empty() {
        String::new()
    } else {
        format!(" qui {}", what.join(" et "))
    }
}

/// « de Paris », « d'Opéra » : la préposition élidée devant une voyelle.
fn de(place: &str) -> String {
    let vowel = place
        .chars()
        .next()
        .is_some_and(|c| "aeiouyAEIOUYàâéèêëîïôöûùÀÂÉÈÊËÎÏÔÖÛÙ".contains(c));
    if vowel {
        format!("d'{place}")
    } else {
        format!("de {place}")
    }
}
/// The range after a word, with its space when there is one ("" when no range).
fn spaced(range: &str) -> String {
    if range.is_empty() {
        String::new()
    } else {
        format!(" {range}")
    }
}
