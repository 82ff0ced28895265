//! What every intent module works with during one turn.

use bankbot_bank::CustomerCredential;
use bankbot_core::{AlertSettings, Button, IntentId, Lang, QuickReply, Reply};

use crate::catalog::{Msg, PrivacyMsg, t};
use crate::{Effect, Outcome, Services};
use bankbot_core::Payload;

/// One turn's services, customer, language and the answer being built.
pub(crate) struct Ctx<'a> {
    pub services: &'a Services,
    pub lang: Lang,
    pub customer: Option<&'a CustomerCredential>,
    pub auth_fresh: bool,
    pub alerts: &'a AlertSettings,
    pub people_available: bool,
    pub out: Outcome,
    /// The turn answered that the customer has no account of the kind asked ("no credit
    /// card among your accounts"): that kind is not kept as the context of what follows.
    pub missing_account: bool,
}

impl Ctx<'_> {
    /// A message rendered in the turn's language.
    pub fn t(&self, msg: Msg<'_>) -> String {
        t(self.lang, msg)
    }

    /// Sends a plain text message.
    pub fn say(&mut self, msg: Msg<'_>) {
        let text = self.t(msg);
        self.out.replies.push(Reply::text(text));
    }

    /// Says the customer has no account of `kind`, and remembers it for the context.
    pub fn no_account_of_kind(&mut self, kind: bankbot_core::AccountKind) {
        self.missing_account = true;
        self.say(Msg::NoAccountOfKind(kind));
    }

    /// Sends a text with quick replies.
    pub fn ask(&mut self, msg: Msg<'_>, choices: Vec<QuickReply>) {
        let text = self.t(msg);
        self.out
            .replies
            .push(Reply::with_quick_replies(text, choices));
    }

    /// Sends a reply as built.
    pub fn reply(&mut self, reply: Reply) {
        self.out.replies.push(reply);
    }

    /// Records an effect.
    pub fn effect(&mut self, effect: Effect) {
        self.out.effects.push(effect);
    }

    /// Records that a kind of data was shown.
    pub fn audit(&mut self, data_kind: &'static str) {
        self.effect(Effect::Audit { data_kind });
    }

    /// A quick reply with a catalog label.
    pub fn choice(&self, label: Msg<'_>, payload: Payload) -> QuickReply {
        QuickReply::new(self.t(label), payload.encode())
    }

    /// Yes / No quick replies.
    pub fn yes_no(&self) -> Vec<QuickReply> {
        vec![
            self.choice(Msg::LabelYes, Payload::Yes),
            self.choice(Msg::LabelNo, Payload::No),
        ]
    }

    /// A quick reply that starts an intent.
    pub fn intent_choice(&self, label: Msg<'_>, intent: IntentId) -> QuickReply {
        self.choice(label, Payload::Intent(intent))
    }

    /// How customers reach the bank, for what the bot cannot do.
    pub fn contact(&self) -> crate::catalog::Contact<'_> {
        crate::catalog::Contact::from_config(self.services.capabilities.contact.as_deref())
    }

    /// The "talk to a person" quick reply, only where a person can take over.
    pub fn person_choice(&self) -> Option<QuickReply> {
        self.people_available
            .then(|| self.intent_choice(Msg::LabelPerson, IntentId::HumanAgent))
    }

    /// Text with the account-link button, followed by what linking allows and where the
    /// privacy page is (said before every link); when the bank offers no linking, says so
    /// instead of showing a button that cannot work.
    pub fn link_button(&mut self, msg: Msg<'_>) {
        if !self.services.capabilities.linking {
            let text = self.t(Msg::LinkingUnavailable(self.contact()));
            self.reply(Reply::text(text));
            return;
        }
        let mut text = self.t(msg);
        if !self.services.privacy_url.is_empty() {
            let privacy = self.services.privacy_url.clone();
            text.push_str("\n\n");
            text.push_str(&self.t(Msg::Privacy(PrivacyMsg::LinkAllows)));
            text.push(' ');
            text.push_str(&self.t(Msg::Privacy(PrivacyMsg::PageLink(&privacy))));
        }
        let url = self.services.link_url.clone();
        self.reply(Reply::with_buttons(text, vec![Button::AccountLink { url }]));
    }

    /// Two messages as one text: what changed, then how to undo it.
    pub fn with_undo(&self, msg: Msg<'_>, undo: PrivacyMsg<'_>) -> String {
        format!("{} {}", self.t(msg), self.t(Msg::Privacy(undo)))
    }

    /// The main menu as quick replies (what greeting, help and fallback offer).
    pub fn menu(&self) -> Vec<QuickReply> {
        let provided = &self.services.capabilities;
        let mut items = Vec::new();
        if self.customer.is_none() && provided.linking {
            items.push(self.intent_choice(Msg::LabelLink, IntentId::LinkAccount));
        }
        items.extend([
            self.intent_choice(Msg::LabelBalance, IntentId::Balance),
            self.intent_choice(Msg::LabelTransactions, IntentId::Transactions),
            self.intent_choice(Msg::LabelSpending, IntentId::SpendingSummary),
            self.intent_choice(Msg::LabelAtm, IntentId::AtmNearby),
        ]);
        if provided.cards {
            items.push(self.intent_choice(Msg::LabelLockCard, IntentId::CardLock));
        }
        items.push(self.intent_choice(Msg::LabelAlerts, IntentId::ManageAlerts));
        // A person only where one can take over.
        items.extend(self.person_choice());
        items
    }
}

impl<'a> Ctx<'a> {
    /// Who takes over what the bot cannot do. Every offer of a person goes through here (or
    /// [`Ctx::person_choice`]): where nobody answers in this chat (`chat`, no Page Inbox) the
    /// offer becomes the bank's contact, never a button that leads to "nobody can answer".
    pub fn reach(&self) -> crate::catalog::Reach<'a> {
        let services: &'a Services = self.services;
        if self.people_available {
            crate::catalog::Reach::Person
        } else {
            crate::catalog::Reach::Bank(crate::catalog::Contact::from_config(
                services.capabilities.contact.as_deref(),
            ))
        }
    }

    /// Sends already-rendered text with quick replies.
    pub fn ask_text(&mut self, text: String, choices: Vec<QuickReply>) {
        self.out
            .replies
            .push(Reply::with_quick_replies(text, choices));
    }
}
