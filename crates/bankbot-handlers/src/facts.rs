//! The privacy facts, rendered in a language: the one source the `privacy_info` answer and
//! the bot's `/privacy` page are both built from. The records listed are
//! [`Kept::ALL`](bankbot_core::Kept), the same list the store's schema is checked against.

use bankbot_core::{Kept, Lang};

use crate::catalog::{Msg, PrivacyMsg, t};

/// What the customer is told about privacy, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrivacyFacts {
    /// The page's title.
    pub title: String,
    /// The short answer, one paragraph each: what Meta sees, what is kept, what is never
    /// stored, how to see and delete it.
    pub summary: Vec<String>,
    /// The heading of the list of records.
    pub records_heading: String,
    /// Every kind of record kept, with what it is for and how long it lives.
    pub records: Vec<(Kept, String)>,
}

/// The facts in `lang`.
pub fn privacy_facts(lang: Lang) -> PrivacyFacts {
    let p = |m: PrivacyMsg<'static>| t(lang, Msg::Privacy(m));
    PrivacyFacts {
        title: p(PrivacyMsg::PageTitle),
        summary: vec![
            p(PrivacyMsg::Meta),
            p(PrivacyMsg::Kept),
            p(PrivacyMsg::NotKept),
            p(PrivacyMsg::Controls),
        ],
        records_heading: p(PrivacyMsg::PageKeptHeading),
        records: Kept::ALL
            .iter()
            .map(|k| (*k, p(PrivacyMsg::Purpose(*k))))
            .collect(),
    }
}

/// What linking allows, in two sentences (said before every link, in the chat and on the
/// login page).
pub fn link_allows(lang: Lang) -> String {
    t(lang, Msg::Privacy(PrivacyMsg::LinkAllows))
}

/// "Your bank's privacy policy: …", for a bank that configured one.
pub fn bank_policy_line(lang: Lang, url: &str) -> String {
    t(lang, Msg::Privacy(PrivacyMsg::PolicyLink(url)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_say_everything_and_differ() {
        let en = privacy_facts(Lang::En);
        let fr = privacy_facts(Lang::Fr);
        assert_eq!(en.records.len(), Kept::ALL.len());
        assert_eq!(fr.records.len(), Kept::ALL.len());
        for (a, b) in en.summary.iter().zip(&fr.summary) {
            assert!(!a.is_empty() && !b.is_empty());
            assert_ne!(a, b);
        }
        for ((_, a), (_, b)) in en.records.iter().zip(&fr.records) {
            assert_ne!(a, b);
        }
        assert!(en.summary[0].contains("Meta") && en.summary[0].contains("password"));
        assert!(en.summary[2].contains("no balances or transactions"));
    }
}
