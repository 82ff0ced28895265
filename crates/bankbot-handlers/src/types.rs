//! What the runtime hands a turn and what it gets back.

use std::fmt;
use std::sync::Arc;

use bankbot_bank::{AtmLocator, BankConnector, CardControls, CustomerCredential, Geocoder};
use bankbot_bank::{PageToken, TransactionQuery};
use bankbot_core::{AlertKind, AlertSettings, CardId, Clock, GeoPoint, IntentId, IntentMatch};
use bankbot_core::{Lang, Reply, Slots};
use serde::{Deserialize, Serialize};

/// The outside world a handler may call. Cheap to clone.
#[derive(Clone)]
pub struct Services {
    /// Accounts, balances, transactions.
    pub bank: Arc<dyn BankConnector>,
    /// Card lock and unlock.
    pub cards: Arc<dyn CardControls>,
    /// Nearest cash machines.
    pub atms: Arc<dyn AtmLocator>,
    /// Typed place → coordinates.
    pub geocoder: Arc<dyn Geocoder>,
    /// Where the account-link button points: `{public_url}/link`.
    pub link_url: String,
    /// The bot's privacy page, `{public_url}/privacy` (empty: not linked to); one-time
    /// exports are served under it.
    pub privacy_url: String,
    /// "Now", for default date ranges.
    pub clock: Arc<dyn Clock>,
    /// What the bank provides, and how customers reach it for the rest.
    pub capabilities: Capabilities,
}

/// What the bank behind the bot provides. For what it does not, the matching intents say so
/// honestly and point to the bank's `contact`, instead of pretending or declining vaguely.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capabilities {
    /// Card lock and unlock (`CardControls`).
    pub cards: bool,
    /// Customers' fraud reports reach the bank (`FraudReporting`).
    pub fraud_reporting: bool,
    /// Customers can link their account (a login is wired in).
    pub linking: bool,
    /// How customers reach the bank for what the bot cannot do: a phone number
    /// ("+1 800 555 0100") or an address (`https://bank.example/help`); `[bank] contact`.
    pub contact: Option<String>,
}

impl Default for Capabilities {
    /// Everything provided, no contact.
    fn default() -> Self {
        Capabilities {
            cards: true,
            fraud_reporting: true,
            linking: true,
            contact: None,
        }
    }
}

impl fmt::Debug for Services {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Services")
            .field("link_url", &self.link_url)
            .field("privacy_url", &self.privacy_url)
            .field("capabilities", &self.capabilities)
            .finish_non_exhaustive()
    }
}

/// What the customer sent.
#[derive(Debug, Clone, Copy)]
pub enum Input<'a> {
    /// A typed message and what the intent engine understood of it.
    Message {
        /// The text as typed (never logged).
        text: &'a str,
        /// The intent engine's reading of it.
        parsed: &'a IntentMatch,
    },
    /// A button or quick-reply payload, as sent back (read as a [`bankbot_core::Payload`]).
    Postback {
        /// The payload.
        payload: &'a str,
    },
    /// A shared location.
    Location(GeoPoint),
    /// Two periods compared in one message ("did I spend more this month than last?"):
    /// each part as typed and understood, the later period first; both are answered, then
    /// the difference.
    Compare {
        /// The first period's part.
        first: (&'a str, &'a IntentMatch),
        /// The period it is compared with.
        second: (&'a str, &'a IntentMatch),
    },
}

/// One turn of the conversation.
#[derive(Debug, Clone, Copy)]
pub struct Turn<'a> {
    /// What the customer sent.
    pub input: Input<'a>,
    /// The language to answer in.
    pub lang: Lang,
    /// The linked customer, `None` when the user has not linked an account.
    pub customer: Option<&'a CustomerCredential>,
    /// True when the customer authenticated recently enough for card actions.
    pub auth_fresh: bool,
    /// The customer's current alert consents.
    pub alerts: &'a AlertSettings,
    /// False when no person can take the conversation over on this channel.
    pub people_available: bool,
}

/// What the bot is waiting for, if anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Pending {
    /// A postcode, place or shared location for an ATM search.
    AtmLocation,
    /// Which card to lock (answered with a `CARD:<id>` payload).
    CardChoice,
    /// Yes or no to locking this card.
    CardLockConfirm {
        /// The card to lock.
        card: CardId,
    },
    /// Yes or no to unlocking this card, after news that it was found ("found my card").
    CardUnlockConfirm {
        /// The card to unlock.
        card: CardId,
    },
    /// Yes or no to locking every card that still works ("lock all my cards").
    CardLockConfirmAll {
        /// The cards to lock.
        cards: Vec<CardId>,
    },
    /// Yes or no to unlinking the account.
    UnlinkConfirm,
    /// Yes or no to erasing everything the bot keeps.
    DeleteConfirm,
    /// The offer to lock a card after a fraud report: a yes starts the lock.
    LockOffer,
    /// The offer to switch one alert kind on or off: a yes does it.
    AlertSwitch {
        /// Which alert.
        alert: bankbot_core::AlertKind,
        /// The state a yes sets.
        on: bool,
        /// Another alert offered the same way by an earlier part of the same message
        /// (« les gros paiements et le solde bas ? »): a yes ("oui les deux") switches both.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        also: Option<bankbot_core::AlertKind>,
    },
    /// Yes or no to switching every alert off ("no more alerts pls").
    AlertsAllOff,
    /// An alert was just switched: "en fait non laisse-la", "undo", "no wait" puts it back.
    AlertUndo {
        /// Which alert.
        alert: bankbot_core::AlertKind,
        /// The state an undo sets back.
        on: bool,
    },
}

impl Pending {
    /// This question, joined to `earlier`, the one an earlier part of the same message asked:
    /// two alerts offered alike ("low balance and big payments?") become one question whose
    /// yes switches both; any other question replaces the earlier one.
    pub fn joined(self, earlier: Option<&Pending>) -> Pending {
        match (self, earlier) {
            (
                Pending::AlertSwitch {
                    alert,
                    on,
                    also: None,
                },
                Some(Pending::AlertSwitch {
                    alert: first,
                    on: first_on,
                    ..
                }),
            ) if on == *first_on && alert != *first => Pending::AlertSwitch {
                alert,
                on,
                also: Some(*first),
            },
            // The earlier part switched its alert already: "both" says yes to this one.
            (
                Pending::AlertSwitch {
                    alert,
                    on,
                    also: None,
                },
                Some(Pending::AlertUndo {
                    alert: first,
                    on: was,
                }),
            ) if on != *was && alert != *first => Pending::AlertSwitch {
                alert,
                on,
                also: Some(*first),
            },
            (other, _) => other,
        }
    }

    /// True while a card lock is asked or offered: which card, a lock (or all) to confirm,
    /// or the lock offered after a fraud report.
    pub fn asks_a_lock(&self) -> bool {
        matches!(
            self,
            Pending::CardChoice
                | Pending::CardLockConfirm { .. }
                | Pending::CardLockConfirmAll { .. }
                | Pending::LockOffer
        )
    }
}

/// Where "show more" continues a transaction listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TxCursor {
    /// The query being listed (filters only; its `page_token` is the page to resume).
    pub query: TransactionQuery,
    /// How many to show per answer.
    pub count: u32,
    /// Items of the resumed page already shown.
    pub skip: u32,
}

impl TxCursor {
    /// The page to resume.
    pub fn page(&self) -> Option<&PageToken> {
        self.query.page_token.as_ref()
    }
}

/// The conversation context the runtime persists as JSON between turns.
/// Unknown or missing fields deserialize to their defaults.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DialogState {
    /// The last intent answered.
    pub last_intent: Option<IntentId>,
    /// The slots it was answered with (after follow-up merging).
    pub last_slots: Slots,
    /// What the bot is waiting for.
    pub pending: Option<Pending>,
    /// Consecutive turns not understood.
    pub misses: u8,
    /// Where "show more" continues, after a transaction listing.
    pub more: Option<TxCursor>,
    /// What the latest turn was handled as (a yes or no counts as the question's intent;
    /// `None` for a turn that answered nothing). Read by conversation tests.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub turn_intent: Option<IntentId>,
    /// The last listing left money in out ("payments over $45"), so a refinement of it
    /// ("more than 50") does too.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub out_only: bool,
    /// A pending card lock was dropped once already and the customer reminded that the
    /// card is not locked; a second message elsewhere drops it for good.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub lock_reminded: bool,
    /// The customer already said yes to a lock and was only asked which card: the card
    /// chosen is locked at once, not asked about again.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub lock_agreed: bool,
    /// The last answer was to an unlock (done, offered, or nothing locked): a card named next
    /// ("debit card", « la visa ») is about unlocking it, never a lock offer a hurried
    /// "yes please" would confirm.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unlock_asked: bool,
    /// The last answer said the bot cannot do that here: "on fait comment alors ?" asks
    /// where it can be done.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub said_cannot: bool,
    /// The items the last answer listed, in order, so "le deuxième" / "the second one"
    /// picks one; emptied by any answer that lists nothing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub listed: Vec<Listed>,
    /// The item of `listed` the last answer showed alone ("le deuxième"), so « celui-là »,
    /// "does that one take deposits" next is about it, not the first of the list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub picked: Option<usize>,
    /// The account of the payment(s) just disowned, while the lock is offered: a yes locks
    /// that account's card, not "which card?".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disputed_account: Option<bankbot_core::AccountId>,
    /// The last answer listed cash withdrawals only, so "et le mois dernier ?" does too.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cash_only: bool,
    /// The kind of cash machine asked for while "where are you?" is open ("where can i
    /// deposit cash"), so the place given next is searched for that kind.
    #[serde(skip_serializing_if = "crate::intents::atm::filters_nothing")]
    pub atm_wanted: bankbot_bank::AtmFilter,
    /// The place cash machines were last searched around, as typed: "another one close by?"
    /// searches there again past the machines shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub atm_place: Option<String>,
    /// The lock or alert just turned down, for the next turn only: "ok actually yes do it",
    /// « en fait si vas-y » takes the no back.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declined: Option<Pending>,
    /// The kind of card the last turn named while about cards or money ("is my debit card
    /// locked", "where was my visa used"): "lock it" next locks that card.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub card_spoken: Option<bankbot_core::AccountKind>,
    /// The filter and period of the spending total answered before the last one
    /// ("starbucks", then "and uber?"), so "total for both" adds the two.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earlier_total: Option<Slots>,
    /// The last answer weighed money in against money out: "same for October" next asks
    /// that again over the new period.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub flow_asked: bool,
}

/// One item of a listing the customer may point back to by its rank.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Listed {
    /// A cash machine (public data) and how far it was from the place searched.
    Atm {
        /// The machine.
        atm: bankbot_core::Atm,
        /// Its distance as shown ("1,1 km").
        distance: String,
    },
    /// A transaction, by reference only (no amount nor merchant kept): found again in its
    /// account on its booking day.
    Transaction {
        /// Its account.
        account: bankbot_core::AccountId,
        /// The connector's id.
        id: bankbot_core::TransactionId,
        /// Its booking day.
        day: chrono::NaiveDate,
    },
}

/// A side effect the runtime must carry out (the handlers touch no store).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Effect {
    /// Pass the thread to the Page Inbox and stop answering until it comes back.
    HandOverToHuman,
    /// Remove the account link (and revoke the credential).
    UnlinkAccount,
    /// Erase everything tied to this user: link, session, consents, queued messages.
    DeleteUserData,
    /// Record an alert consent change.
    SetAlert {
        /// Which alert.
        kind: AlertKind,
        /// On or off.
        enabled: bool,
    },
    /// Show the customer what is held about them ("what do you know about me?"): the
    /// runtime gathers a [`HeldData`](crate::HeldData) and answers with
    /// [`held_data_reply`](crate::held_data_reply).
    ShowHeldData,
    /// Record that a kind of data was shown (never amounts or numbers).
    Audit {
        /// `"balances"`, `"transactions"`, `"spending"`, `"cards"` or `"card_lock"`.
        data_kind: &'static str,
    },
    /// The customer answered a fraud check ([`answer_fraud_check`](crate::answer_fraud_check)):
    /// tell the bank (`FraudReporting`), audit the answer and stop waiting for it (no
    /// reminder).
    FraudCheckAnswered {
        /// The bank's alert id: the question answered.
        alert_id: String,
        /// The bank's reference for the transaction asked about.
        transaction: String,
        /// What the customer said, and what was done about it.
        verdict: FraudVerdict,
    },
}

/// A customer's answer to a fraud check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FraudVerdict {
    /// "Yes, it was me": the purchase is theirs.
    Genuine,
    /// "No": the purchase is reported; the card was locked, or could not be.
    NotMine {
        /// True when the card is now locked.
        card_locked: bool,
    },
}

impl FraudVerdict {
    /// True for "yes, it was me".
    pub fn is_genuine(self) -> bool {
        self == FraudVerdict::Genuine
    }
}

/// A turn's answer: replies to send, in order, and effects to apply.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcome {
    /// Replies to send, in order.
    pub replies: Vec<Reply>,
    /// Effects to apply.
    pub effects: Vec<Effect>,
}

#[cfg(test)]
mod tests {
    use super::Pending;
    use bankbot_core::AlertKind::{BalanceLow, LargeTransaction};

    fn offer(alert: bankbot_core::AlertKind) -> Pending {
        Pending::AlertSwitch {
            alert,
            on: true,
            also: None,
        }
    }

    #[test]
    fn two_alerts_offered_alike_are_one_question() {
        let joined = offer(LargeTransaction).joined(Some(&offer(BalanceLow)));
        assert_eq!(
            joined,
            Pending::AlertSwitch {
                alert: LargeTransaction,
                on: true,
                also: Some(BalanceLow),
            }
        );
        assert_eq!(
            offer(BalanceLow).joined(Some(&offer(BalanceLow))),
            offer(BalanceLow)
        );
        assert_eq!(
            offer(BalanceLow).joined(Some(&Pending::LockOffer)),
            offer(BalanceLow)
        );
        assert_eq!(offer(BalanceLow).joined(None), offer(BalanceLow));
    }
}
