//! `manage_alerts`: list the alert kinds with their state and switch them, from text
//! ("turn on low balance alerts", "stop alerts", "désactiver les alertes fraude") or from
//! the toggle quick replies. Changes are [`Effect::SetAlert`]s the runtime records.

use bankbot_core::{AlertKind, AlertSettings};

use crate::Effect;
use crate::catalog::{Msg, PrivacyMsg};
use crate::ctx::Ctx;
use crate::words::{folded, normalize};
use bankbot_core::Payload;

/// What a message asks of the alerts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Command {
    /// Show them.
    List,
    /// One kind named without saying on or off ("low balance alerts"): offer to switch it.
    Offer(AlertKind),
    /// Switch one.
    Set(AlertKind, bool),
    /// Switch every one off.
    AllOff,
}

const OFF: &[&str] = &[
    "turn off",
    "switch off",
    "disable",
    "deactivate",
    "stop",
    "unsubscribe",
    "no more",
    "don't want",
    "do not want",
    "mute",
    "cancel",
    "désactiv",
    "desactiv",
    "arrête",
    "arrete",
    "arrêter",
    "coupe",
    "plus d'alerte",
    "plus de notification",
    "supprime",
    "enlève",
    "enleve",
    // « je veux plus les alertes fraude »: the "veux" of a no, not of a wish.
    "veux plus",
    "veut plus",
    "voudrais plus",
    // « je voudrais pas recevoir les alertes de fraude » switched them ON.
    "veux pas",
    "veut pas",
    "voudrais pas",
    "souhaite pas",
    "souhaiterais pas",
    "veux aucune",
    "plus besoin",
    "no longer",
    "don't need",
    "dont need",
    "dont want",
    "get rid of",
    "kill",
    "remove",
];
const ON: &[&str] = &[
    "turn on",
    "switch on",
    "enable",
    "activate",
    "start",
    "subscribe",
    "sign me up",
    "i want",
    "i would like",
    "i'd like",
    "id like",
    "be warned",
    "be alerted",
    "be notified",
    "je voudrais",
    "j'aimerais",
    "send me",
    "notify me",
    "text me",
    "message me",
    "ping me",
    "alert me",
    "warn me",
    "tell me when",
    "tell me if",
    "écris-moi",
    "ecris moi",
    "envoie-moi",
    "envoie moi",
    "dis-moi quand",
    "dis moi quand",
    "let me know",
    "activ",
    "allume",
    "mets",
    "je veux",
    "préviens",
    "previens",
    "avertis",
    "avertir",
    "avertissez",
    "alerte-moi",
    "alerte moi",
    "recevoir",
    "abonne",
];

/// Reads what the customer wants from the text.
pub(crate) fn parse(text: &str) -> Command {
    let t = normalize(text);
    let has = |words: &[&str]| words.iter().any(|w| t.contains(&*folded(w)));
    let words: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    // "turn all alerts off", "switch them on": the particle may come last.
    let verb = words
        .iter()
        .any(|w| matches!(*w, "turn" | "switch" | "put" | "set" | "flip"));
    let particle = |p: &str| verb && words.contains(&p);
    let switch = if has(OFF) || particle("off") {
        Some(false)
    } else if (has(ON) || particle("on")) && !asks_state(&t, text) {
        Some(true)
    } else {
        None
    };
    match (wanted_kind(&t), switch) {
        // "text me if my account gets low": a kind guessed is offered, not switched on.
        (Some((k, false)), Some(true)) => Command::Offer(k),
        (Some((k, _)), Some(on)) => Command::Set(k, on),
        (None, Some(false)) => Command::AllOff,
        (Some((k, _)), None) => Command::Offer(k),
        (None, _) => Command::List,
    }
}

/// Words that ask whether an alert is on, folded: « elles sont activées ? », « c'est
/// activé chez moi ? », "is it switched on?".
const STATE_WORDS: &[&str] = &[
    "sont activees",
    "est activee",
    "est active",
    "c'est active",
    "c'est activee",
    "sont actives",
    "deja activ",
    "sont allumees",
    "est allumee",
    "sont en place",
    "est en place",
    "switched on",
    "turned on",
    "already on",
    "enabled",
    "activated",
    "set up for me",
];

/// True when `text` asks whether an alert is on rather than asks it on ("les alertes solde
/// bas, elles sont activées chez moi ?"): the state is said and the switch offered, never
/// switched on a question (blind round 14a switched it on).
fn asks_state(t: &str, text: &str) -> bool {
    let asks = text.contains('?')
        || t.starts_with("est-ce que")
        || t.starts_with("est ce que")
        || t.starts_with("is ")
        || t.starts_with("are ");
    asks && STATE_WORDS.iter().any(|w| t.contains(w))
}

/// Words that turn a clause down ("no mi nuh worry bout fraud", "pas besoin pour la fraude").
const NEGATIONS: &[&str] = &[
    "no", "not", "nuh", "nah", "dont", "don't", "never", "pas", "jamais", "ne", "n'",
];

/// The kind of alert asked for: with several clauses ("no I'm not worried about fraud, I
/// want a low balance alert under 200"), the first kind named in a clause that does not
/// turn it down; otherwise the first kind named anywhere.
fn wanted_kind(t: &str) -> Option<(AlertKind, bool)> {
    let clauses: Vec<&str> = t
        .split([',', ';', '.', '!', '?'])
        .flat_map(|c| c.split(" but "))
        .flat_map(|c| c.split(" mais "))
        .filter(|c| !c.trim().is_empty())
        .collect();
    if clauses.len() > 1 {
        let negated = |clause: &str| {
            clause
                .split_whitespace()
                .any(|w| NEGATIONS.contains(&w) || w.starts_with("n'"))
        };
        if let Some(k) = clauses
            .iter()
            .filter(|c| !negated(c))
            .find_map(|c| kind_read(c))
        {
            return Some(k);
        }
    }
    kind_read(t)
}

/// The kind `text` names beyond an amount's bound: « en dessous de 50 € » names none (a
/// threshold), « les gros paiements au-dessus de 500 » names large payments.
pub(crate) fn kind_beyond_bounds(text: &str) -> Option<AlertKind> {
    const BOUNDS: &[&str] = &[
        "less than",
        "under $",
        "below $",
        "en dessous de",
        "en-dessous de",
        "moins de",
        "sous les",
        "au dessus de",
        "au-dessus de",
        "over $",
        "more than",
        "above $",
        "plus de",
        "passe sous",
        "passe en dessous",
        "falls below",
        "depasse",
    ];
    let mut t = format!(" {} ", normalize(text));
    for b in BOUNDS {
        t = t.replace(&*folded(b), " ");
    }
    for w in [" under ", " below ", " sous ", " over ", " above "] {
        t = t.replace(w, " ");
    }
    kind_read(&t).map(|(k, _)| k)
}

/// The kind named in `t` (normalized), and whether it was named outright ("low balance",
/// "paycheck", "gros paiements") rather than guessed from everyday words ("when my account
/// gets low", « quand j'ai plus de thunes », « quand la paye tombe »): a guessed kind is
/// offered, never switched on unasked.
fn kind_read(t: &str) -> Option<(AlertKind, bool)> {
    use crate::alert_kind_words::{DEPOSIT, LARGE, LOW, more_than_amount};
    let has = |words: &[&str]| words.iter().any(|w| t.contains(&*folded(w)));
    // Whole words, or the start of one ("gros paiement" in "gros paiements").
    let padded = crate::cues::fold(t);
    let opens = |words: &[&str]| words.iter().any(|w| padded.contains(&format!(" {w}")));
    let whole = |words: &[&str]| words.iter().any(|w| padded.contains(&format!(" {w} ")));
    // "tell me if someone else uses my card", « vous me prévenez si quelqu'un utilise ma
    // carte ? »: the fraud alert, never a fraud report (blind round 15b).
    if has(&["fraud", "fraude", "suspicious", "suspect"])
        || has(&[
            "someone uses my card",
            "someone else uses my card",
            "somebody uses my card",
            "somebody else uses my card",
            "anyone uses my card",
            "anyone else uses my card",
            "my card is used by someone",
            "un utilise ma carte",
            "autre utilise ma carte",
            "si on utilise ma carte",
            "ma carte est utilisee par",
        ])
    {
        Some((AlertKind::FraudSuspected, true))
    } else if has(&[
        "low balance",
        "balance low",
        "low-balance",
        "balance is low",
        "solde bas",
        "solde faible",
        "découvert",
        "decouvert",
        "overdraft",
        "overdraw",
        "falls below",
        "passe sous",
        "balance is under",
        "balance under",
        "balance below",
        "balance is below",
        "balance drops",
        "balance goes under",
        "balance goes below",
        "balance gets low",
        "balance is getting low",
        "running low",
        "low on",
        "getting low",
        "less than",
        "under $",
        "below $",
        "solde est bas",
        "solde devient bas",
        "solde en dessous",
        "solde est en dessous",
        "solde sous",
        "solde passe",
        "solde tombe",
        "en dessous de",
        "en-dessous de",
        "moins de",
        "sous les",
    ]) {
        Some((AlertKind::BalanceLow, true))
    } else if crate::alert_kind_words::less_than_amount(&padded) {
        // "when my balance gets under 50", « si ça descend sous 100 ».
        Some((AlertKind::BalanceLow, true))
    } else if whole(LOW) {
        Some((AlertKind::BalanceLow, false))
    } else if has(&["large", "big ", "big-", "huge", "important", "élevé", "eleve"])
        // "gros paiements", never the "gros" of "wesh gros" (mate).
        || opens(LARGE)
    {
        Some((AlertKind::LargeTransaction, true))
    } else if more_than_amount(&padded) {
        Some((AlertKind::LargeTransaction, false))
    } else if has(&[
        "deposit",
        "paycheck",
        "paycheque",
        "salary",
        "payday",
        "money arrives",
        "incoming",
        "dépôt",
        "depot",
        "salaire",
        "virement reçu",
        "virements reçus",
        "argent reçu",
        "ma paie",
        "la paie",
        "argent arrive",
        "money comes in",
        "money come in",
        "comes in",
        "come in",
        "get paid",
        "gets paid",
        "i'm paid",
        "caf verse",
        "verse",
        "versement",
        "argent tombe",
        "salaire tombe",
        "reçois de l'argent",
        "recois de l'argent",
        "reçois des sous",
        "de l'argent arrive",
        "argent rentre",
        "ma paye",
        "virement arrive",
        // "préviens moi quand le virement de la caf arrive", "when the transfer lands".
        "virement de",
        "transfer from",
        "transfer lands",
        "transfer comes in",
        "wire lands",
        "wire from",
        "payment from",
    ]) {
        Some((AlertKind::DepositReceived, true))
    } else if whole(DEPOSIT) {
        Some((AlertKind::DepositReceived, false))
    } else if has(&["balance", "solde"]) {
        Some((AlertKind::BalanceUpdate, true))
    } else {
        None
    }
}

/// A toggle's title typed rather than tapped ("🔔 Low balance", « 🔕 Tout couper »; with
/// `bare`, right after the menu, the name alone: "low balance"): done as the tap does it.
/// True when it was one.
pub(crate) fn typed_toggle(
    ctx: &mut Ctx<'_>,
    state: &mut crate::DialogState,
    text: &str,
    bare: bool,
) -> bool {
    let typed = normalize(text);
    let plain = |s: &str| s.trim_start_matches(['🔔', '🔕']).trim().to_owned();
    let matches = |label: String| {
        let label = normalize(&label);
        typed == label || bare && plain(&typed) == plain(&label)
    };
    if matches(ctx.t(Msg::LabelAlertsAllOff)) {
        all_off(ctx);
        return true;
    }
    for kind in AlertKind::ALL {
        let on = !ctx.alerts.is_on(*kind);
        if matches(ctx.t(Msg::LabelAlertToggle(*kind, on))) {
            set(ctx, state, *kind, on);
            return true;
        }
    }
    // The other state's title ("🔔 Low balance" typed while it is on): that state.
    for kind in AlertKind::ALL {
        let on = ctx.alerts.is_on(*kind);
        if typed == normalize(&ctx.t(Msg::LabelAlertToggle(*kind, on))) {
            set(ctx, state, *kind, on);
            return true;
        }
    }
    false
}

/// True when `text` asks to be told of something ("text me when…", "let me know if…",
/// « préviens-moi quand… »): an alert wanted on, never one to switch off.
fn asks_to_be_told(text: &str) -> bool {
    let f = crate::cues::fold(text);
    [
        " when ",
        " whenever ",
        " every time ",
        " each time ",
        " tell me ",
        " text me ",
        " let me know ",
        " notify ",
        " message me ",
        " warn me ",
        " a text ",
        " quand ",
        " chaque fois ",
        " des que ",
        " previens ",
        " prevenir ",
        " prevenu ",
        " prevenue ",
        " dis moi ",
    ]
    .iter()
    .any(|w| f.contains(w))
}

/// The intent from a message.
pub(crate) fn handle(ctx: &mut Ctx<'_>, state: &mut crate::DialogState, text: &str) {
    if typed_toggle(ctx, state, text, false) {
        return;
    }
    // "sous 100 €", "over 500": the amount is the bank's setting, said plainly.
    if let Command::Offer(k) | Command::Set(k, true) = parse(text)
        && matches!(k, AlertKind::BalanceLow | AlertKind::LargeTransaction)
        && text.chars().any(|c| c.is_ascii_digit())
    {
        ctx.say(Msg::AlertThresholdNotHere(k));
    }
    match parse(text) {
        Command::List => list(ctx, None),
        Command::Offer(kind) => {
            let on = ctx.alerts.is_on(kind);
            // "like a text when my paycheck lands" while deposit alerts are on: they stay on,
            // never the offer to switch them off a "yeah" would confirm.
            if on && asks_to_be_told(text) {
                ctx.say(Msg::AlertStays(kind));
                return;
            }
            let choices = ctx.yes_no();
            ctx.ask(Msg::AlertOffer(kind, on), choices);
            state.pending = Some(crate::Pending::AlertSwitch {
                alert: kind,
                on: !on,
                also: None,
            });
        }
        Command::Set(k, on) => set(ctx, state, k, on),
        // Typed, every alert off is asked first (the toggle's tap does it at once).
        Command::AllOff => {
            let choices = ctx.yes_no();
            ctx.ask(Msg::AlertsAllOffAsk, choices);
            state.pending = Some(crate::Pending::AlertsAllOff);
        }
    }
}

/// True when `text` asks for an alert in plain words ("je peux être prévenue quand mon
/// compte passe sous 100 €", "text me when my balance drops below 50"): alert words and a
/// kind of alert, whatever else the message seems to ask (a transfer, a list).
pub(crate) fn asked_plainly(text: &str) -> bool {
    crate::alert_words::named(text)
        && !asks_what_happened(text)
        && match parse(text) {
            Command::Set(..) | Command::Offer(_) => true,
            // "send me a message every time my card is used": a message asked, no transfer.
            // "is there a way to get reminded": the alerts there are.
            Command::List => {
                crate::cues::unsupported(text) == Some(crate::cues::Unsupported::Transfer)
                    || crate::alert_words::asks_if_offered(text)
            }
            Command::AllOff => false,
        }
}

/// True when `text` asks whether something already happened ("could you tell me if my
/// pension arrived?", « dis-moi si mon salaire est tombé »), with no "when" or "every
/// time" that would make it a watch for what comes.
fn asks_what_happened(text: &str) -> bool {
    if crate::arrival_asked::asked(text) {
        return true;
    }
    let f = crate::cues::fold(text);
    let has = |words: &[&str]| words.iter().any(|w| f.contains(&format!(" {w} ")));
    has(&[
        "arrived",
        "came",
        "did",
        "yet",
        "already",
        "hit",
        "est arrive",
        "est arrivee",
        "est tombe",
        "est tombee",
        "deja",
        "a ete",
        "as tu",
        "avez vous",
    ]) && !has(&[
        "when",
        "whenever",
        "every time",
        "each time",
        "next time",
        "quand",
        "chaque fois",
        "des que",
        "la prochaine fois",
        "lorsque",
    ])
}

/// True when `text` switches alerts off in alert words ("stop the texts about big
/// payments", « jveux plus les sms quand la paye tombe »), cards left out (a card's
/// cancellation is no alert's).
pub(crate) fn turned_off_plainly(text: &str) -> bool {
    let f = crate::cues::fold(text);
    crate::alert_words::named(text)
        && matches!(parse(text), Command::Set(_, false) | Command::AllOff)
        && ![" card ", " cards ", " carte ", " cartes ", " cb "]
            .iter()
            .any(|w| f.contains(w))
}

/// Switches one kind and shows the result; a change of mind next puts it back.
pub(crate) fn set(ctx: &mut Ctx<'_>, state: &mut crate::DialogState, kind: AlertKind, on: bool) {
    let before = ctx.alerts.clone();
    switch(ctx, state, kind, on, before);
}

/// Switches two kinds, `first` as `first_on` in a line of its own, then `kind` as `on` with
/// the result: "no i meant low balance" right after deposit alerts were switched on (the
/// deposits put back, low balance on), « oui les deux » to two alerts offered (both on).
pub(crate) fn set_two(
    ctx: &mut Ctx<'_>,
    state: &mut crate::DialogState,
    (first, first_on): (AlertKind, bool),
    kind: AlertKind,
    on: bool,
) {
    ctx.effect(Effect::SetAlert {
        kind: first,
        enabled: first_on,
    });
    ctx.say(Msg::AlertSet(first, first_on));
    let mut before = ctx.alerts.clone();
    before.set(first, first_on);
    switch(ctx, state, kind, on, before);
}

/// The kind of alert `text` names, whatever it asks of it.
pub(crate) fn kind_named(text: &str) -> Option<AlertKind> {
    kind_read(&normalize(text)).map(|(kind, _)| kind)
}

/// Switches `kind` from the settings `before` and shows the result.
fn switch(
    ctx: &mut Ctx<'_>,
    state: &mut crate::DialogState,
    kind: AlertKind,
    on: bool,
    before: AlertSettings,
) {
    let was = before.is_on(kind);
    state.pending = (was != on).then_some(crate::Pending::AlertUndo {
        alert: kind,
        on: was,
    });
    ctx.effect(Effect::SetAlert { kind, enabled: on });
    let mut after = before;
    after.set(kind, on);
    let undo = if on {
        PrivacyMsg::UndoAlertOn(kind)
    } else {
        PrivacyMsg::UndoAlertOff(kind)
    };
    let lead = ctx.with_undo(Msg::AlertSet(kind, on), undo);
    list(ctx, Some((lead, after)));
}

/// Words that take back the switch just made ("en fait non laisse-la", "undo that").
const TAKE_BACK: &[&str] = &[
    "undo",
    "put it back",
    "turn it back",
    "switch it back",
    "leave it",
    "keep it",
    "changed my mind",
    "change my mind",
    "actually no",
    "no wait",
    "wait no",
    "my bad",
    "annule",
    "laisse la",
    "laisse-la",
    "laisse le",
    "laisse-le",
    "laissez la",
    "laissez-la",
    "garde la",
    "garde-la",
    "remets",
    "remettez",
    "en fait non",
    "finalement non",
    "j'ai change d'avis",
    "jai change d'avis",
];

/// True when `text` takes back the alert switch just made: a "no" or a change of mind.
pub(crate) fn takes_back(text: &str) -> bool {
    // "stop all alerts" is a command of its own, not a take-back.
    if parse(text) != Command::List {
        return false;
    }
    let t = normalize(text);
    TAKE_BACK.iter().any(|w| t.contains(&*folded(w)))
        || crate::words::bare_yes_no(text) == Some(false)
}

/// Switches everything off.
pub(crate) fn all_off(ctx: &mut Ctx<'_>) {
    for kind in AlertKind::ALL {
        ctx.effect(Effect::SetAlert {
            kind: *kind,
            enabled: false,
        });
    }
    let choices = toggles(ctx, &AlertSettings::none());
    let text = ctx.with_undo(Msg::AlertsAllOff, PrivacyMsg::UndoAllOff);
    ctx.ask_text(text, choices);
}

/// Shows every kind with its state and toggles; `lead` (what changed and how to undo it)
/// is said first, with the settings as they are after the change.
fn list(ctx: &mut Ctx<'_>, lead: Option<(String, AlertSettings)>) {
    let (lead, settings) = match lead {
        Some((msg, s)) => (Some(msg), s),
        None => (None, ctx.alerts.clone()),
    };
    let lines: Vec<String> = AlertKind::ALL
        .iter()
        .map(|k| ctx.t(Msg::AlertLine(*k, settings.is_on(*k))))
        .collect();
    let mut text = ctx.t(Msg::AlertsList(&lines.join("\n")));
    if let Some(lead) = lead {
        text = format!("{lead}\n\n{text}");
    }
    let choices = toggles(ctx, &settings);
    ctx.ask_text(text, choices);
}

/// One quick reply per kind, switching it to the other state, and "all off" when any is on.
fn toggles(ctx: &Ctx<'_>, settings: &AlertSettings) -> Vec<bankbot_core::QuickReply> {
    let mut choices: Vec<_> = AlertKind::ALL
        .iter()
        .map(|k| {
            let on = !settings.is_on(*k);
            ctx.choice(Msg::LabelAlertToggle(*k, on), Payload::Alert(*k, on))
        })
        .collect();
    if settings.any_on() {
        choices.push(ctx.choice(Msg::LabelAlertsAllOff, Payload::AlertsOff));
    }
    choices
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_turned_down_is_not_the_one_asked() {
        for text in [
            "no mi nuh worry bout fraud, mi want a low balance alert under 200",
            "not worried about fraud. i want an alert when my balance is low",
            "fraud alerts no thanks, but a low balance alert yes please",
            "pas besoin pour la fraude, mais une alerte solde bas oui",
        ] {
            assert!(
                matches!(
                    parse(text),
                    Command::Offer(AlertKind::BalanceLow)
                        | Command::Set(AlertKind::BalanceLow, true)
                ),
                "{text}"
            );
        }
        // One clause: as before.
        assert_eq!(
            parse("turn on fraud alerts"),
            Command::Set(AlertKind::FraudSuspected, true)
        );
    }

    #[test]
    fn reads_commands() {
        use AlertKind::*;
        let cases = [
            ("turn on low balance alerts", Command::Set(BalanceLow, true)),
            ("stop alerts", Command::AllOff),
            ("disable fraud alerts", Command::Set(FraudSuspected, false)),
            (
                "notify me when my paycheck arrives",
                Command::Set(DepositReceived, true),
            ),
            (
                "alert me about large purchases, enable it",
                Command::Set(LargeTransaction, true),
            ),
            ("my alerts", Command::List),
            ("low balance alerts", Command::Offer(BalanceLow)),
            ("les alertes de solde bas", Command::Offer(BalanceLow)),
            ("actually turn all alerts off", Command::AllOff),
            (
                "switch the fraud alerts back on",
                Command::Set(FraudSuspected, true),
            ),
            (
                "turn fraud alerts off pls",
                Command::Set(FraudSuspected, false),
            ),
            (
                "activer les alertes solde bas",
                Command::Set(BalanceLow, true),
            ),
            (
                "désactiver les alertes fraude",
                Command::Set(FraudSuspected, false),
            ),
            ("arrêter les alertes", Command::AllOff),
            (
                "activer le point de solde",
                Command::Set(BalanceUpdate, true),
            ),
            (
                "alert me when my balance is under 500",
                Command::Set(BalanceLow, true),
            ),
            (
                "préviens-moi quand mon solde est bas",
                Command::Set(BalanceLow, true),
            ),
            (
                "tell me if my balance drops below $200",
                Command::Set(BalanceLow, true),
            ),
            (
                "avertis moi si mon solde passe en dessous de 100 €",
                Command::Set(BalanceLow, true),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(parse(text), want, "{text}");
        }
    }

    #[test]
    fn changes_of_mind_take_a_switch_back() {
        for text in [
            "en fait non laisse-la",
            "no wait",
            "undo that",
            "non",
            "actually no keep it on",
            "finalement non, remets-la",
        ] {
            assert!(takes_back(text), "{text}");
        }
        for text in ["ok thanks", "merci", "show my alerts", "stop all alerts"] {
            assert!(!takes_back(text), "{text}");
        }
    }
}
