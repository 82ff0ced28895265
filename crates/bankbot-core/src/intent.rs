//! What the intent engine understood: an intent, a confidence, a language and slots.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::{AccountKind, Lang};

macro_rules! intents {
    ($($variant:ident => $name:literal, $doc:literal;)*) => {
        /// The intents bankbot understands. Their names are a contract: `intents/` files,
        /// handlers and external checks use them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum IntentId {
            $(#[doc = $doc] $variant,)*
        }

        impl IntentId {
            /// Every intent, `OutOfScope` last.
            pub const ALL: &'static [IntentId] = &[$(IntentId::$variant,)*];

            /// The snake_case name, e.g. `"atm_nearby"`.
            pub fn as_str(&self) -> &'static str {
                match self { $(IntentId::$variant => $name,)* }
            }
        }

        impl FromStr for IntentId {
            type Err = UnknownIntent;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s { $($name => Ok(IntentId::$variant),)* _ => Err(UnknownIntent(s.to_owned())) }
            }
        }
    };
}

intents! {
    Balance => "balance", "Account balances.";
    Transactions => "transactions", "Recent or searched transactions.";
    SpendingSummary => "spending_summary", "Totals spent over a period, by category or merchant.";
    AtmNearby => "atm_nearby", "The nearest cash machines.";
    CardLock => "card_lock", "Lock (freeze) a card.";
    ReportFraud => "report_fraud", "Report a suspicious or unrecognised charge.";
    HumanAgent => "human_agent", "Talk to a person.";
    LinkAccount => "link_account", "Link the bank account to Messenger.";
    UnlinkAccount => "unlink_account", "Unlink it.";
    DeleteMyData => "delete_my_data", "Erase everything the bot keeps about the customer (an explicit request to delete, erase or forget).";
    PrivacyInfo => "privacy_info", "What Meta sees, what the bot keeps and why, how to see or delete it.";
    DataAccess => "data_access", "Right of access: what the bot holds about this customer, with an export.";
    ManageAlerts => "manage_alerts", "List or switch alerts.";
    Greeting => "greeting", "Hello.";
    Thanks => "thanks", "Thank you.";
    Goodbye => "goodbye", "Bye.";
    Help => "help", "What can the bot do.";
    OutOfScope => "out_of_scope", "Anything else.";
}

/// A name that is not one of [`IntentId::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown intent `{0}`")]
pub struct UnknownIntent(pub String);

impl fmt::Display for IntentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! categories {
    ($($variant:ident => $name:literal,)*) => {
        /// Spending categories, as slots and connectors name them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Category {
            $(#[doc = $name] $variant,)*
        }

        impl Category {
            /// Every category.
            pub const ALL: &'static [Category] = &[$(Category::$variant,)*];

            /// The snake_case name, e.g. `"groceries"`.
            pub fn as_str(&self) -> &'static str {
                match self { $(Category::$variant => $name,)* }
            }

            /// Parses the snake_case name.
            pub fn parse(name: &str) -> Option<Category> {
                match name { $($name => Some(Category::$variant),)* _ => None }
            }
        }
    };
}

categories! {
    Groceries => "groceries",
    Dining => "dining",
    Transport => "transport",
    Fuel => "fuel",
    Shopping => "shopping",
    Entertainment => "entertainment",
    Bills => "bills",
    Housing => "housing",
    Income => "income",
    Transfer => "transfer",
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Normalised entities found in an utterance. Serialises with only the slots found:
/// `count` as a number, the others as strings (amounts as decimal strings, dates ISO).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Slots {
    /// `checking`, `savings` or `credit_card`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_type: Option<AccountKind>,
    /// How many items ("last three transactions" → 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// First day of the period, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_from: Option<NaiveDate>,
    /// Last day of the period, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_to: Option<NaiveDate>,
    /// Smallest amount, as a magnitude ("over $100" → 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_min: Option<Decimal>,
    /// Largest amount, as a magnitude ("under 20 euros" → 20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_max: Option<Decimal>,
    /// Merchant, lower case ("amazon").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant: Option<String>,
    /// Spending category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// Postcode or place as typed ("SW1A 1AA", "Lyon").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

impl Slots {
    /// True when no slot was found.
    pub fn is_empty(&self) -> bool {
        *self == Slots::default()
    }
}

/// The intent engine's answer for one utterance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IntentMatch {
    /// The intent, `OutOfScope` when unsure.
    pub intent: IntentId,
    /// Confidence in [0, 1].
    pub confidence: f32,
    /// The language the utterance was written in.
    pub lang: Lang,
    /// Entities found.
    pub slots: Slots,
    /// The message as the engine read it when that differs from a plain fold: lower case,
    /// no accents, French texting forms written out ("c koi mon plafond" → "c'est quoi mon
    /// plafond"). `None` when the message had no texting form, so the dialogue reads the
    /// customer's own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written_out: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn intent_names_round_trip() {
        assert_eq!(IntentId::ALL.len(), 18);
        for i in IntentId::ALL {
            assert_eq!(i.as_str().parse::<IntentId>().unwrap(), *i);
            assert_eq!(
                serde_json::to_string(i).unwrap(),
                format!("\"{}\"", i.as_str())
            );
        }
        assert!("weather".parse::<IntentId>().is_err());
    }

    #[test]
    fn slots_serialise_only_what_was_found() {
        let slots = Slots {
            count: Some(3),
            amount_min: Some(dec!(100)),
            account_type: Some(AccountKind::CreditCard),
            ..Slots::default()
        };
        assert_eq!(
            serde_json::to_string(&slots).unwrap(),
            r#"{"account_type":"credit_card","count":3,"amount_min":"100"}"#
        );
        assert_eq!(serde_json::to_string(&Slots::default()).unwrap(), "{}");
    }
}
