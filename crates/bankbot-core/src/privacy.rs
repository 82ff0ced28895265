//! What the bot keeps, as data: one [`Kept`] per kind of record, with the store table that
//! holds it and whether it names a customer. The privacy answer, the `/privacy` page and
//! the right-of-access export read this list, and the store's tests check its schema has
//! exactly these tables, so what the customer is told is what the code keeps.

use serde::{Deserialize, Serialize};

/// How many days back "what do you know about me?" lists the kinds of data shown.
pub const RECENT_DATA_DAYS: i64 = 30;

/// How long a one-time export link stays valid, in minutes.
pub const EXPORT_LINK_MINUTES: i64 = 10;

macro_rules! kept {
    ($($variant:ident => $table:literal, $doc:literal;)*) => {
        /// A kind of record the bot keeps. Every customer-facing text about it lives in
        /// the handlers' catalogs, keyed by this value.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Kept {
            $(#[doc = $doc] $variant,)*
        }

        impl Kept {
            /// Every kind of record, in the order the privacy page lists them.
            pub const ALL: &'static [Kept] = &[$(Kept::$variant,)*];

            /// The store table holding it.
            pub fn table(&self) -> &'static str {
                match self { $(Kept::$variant => $table,)* }
            }
        }
    };
}

kept! {
    Link => "links", "The account link: the bank's customer reference and its credential, encrypted.";
    Session => "sessions", "The short-lived conversation context (language, last question), 24 hours.";
    Consents => "consents", "Alert consents, with the date of each decision.";
    Audit => "audit_log", "An audit trail of the kind of data shown, never amounts; the user only as a keyed hash.";
    Inbox => "inbox", "Messages received, until answered (then only their id, to ignore duplicates).";
    Outbox => "outbox", "Replies waiting to be sent, encrypted; deleted once delivered.";
    LinkCodes => "link_codes", "One-time codes between the login page and Messenger, for minutes.";
    Contacts => "alert_contacts", "When the customer last wrote (Messenger's 24-hour window for alerts).";
    HeldAlerts => "held_alerts", "Alerts held back during quiet hours or outside the messaging window.";
    AlertIds => "alert_ids", "The bank's alert ids, for 7 days, so an alert is never sent twice.";
    ExportTokens => "export_tokens", "One-time links to a copy of this data, hashed, for 10 minutes.";
    AuditChain => "audit_chain", "The audit trail's integrity seal (no customer data).";
}

impl Kept {
    /// True when the record names or belongs to one customer (erased by "delete my
    /// data", except the audit trail, which only holds a keyed hash of the user).
    pub fn about_a_customer(&self) -> bool {
        !matches!(self, Kept::AlertIds | Kept::AuditChain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_distinct() {
        let mut tables: Vec<_> = Kept::ALL.iter().map(Kept::table).collect();
        tables.sort_unstable();
        tables.dedup();
        assert_eq!(tables.len(), Kept::ALL.len());
    }
}
