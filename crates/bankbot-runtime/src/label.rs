//! Outbox labels: how a queued reply must be sent (`RESPONSE`, `UPDATE`, or as a utility
//! message). A label names no data: it is stored beside the reply and read by the channel.

use bankbot_core::Lang;

/// Replies to the customer's own message.
pub const RESPONSE: &str = "RESPONSE";
/// Proactive messages inside the 24-hour window.
pub const UPDATE: &str = "UPDATE";

/// What every utility-message label starts with.
pub const UTILITY_PREFIX: &str = "UTILITY:";

/// The label of a reply sent as utility message `template` in `lang`
/// (`UTILITY:<template>:<lang>`).
pub fn utility(template: &str, lang: Lang) -> String {
    format!("{UTILITY_PREFIX}{template}:{}", lang.code())
}

/// The longest template name a utility label can carry (the store keeps labels of up to
/// [`bankbot_store::MAX_LABEL_LEN`] bytes).
pub const MAX_TEMPLATE_NAME: usize =
    bankbot_store::MAX_LABEL_LEN - UTILITY_PREFIX.len() - ":en".len();

/// The template and language of a utility label; `None` for other labels. A label
/// without a language (older rows) is English.
pub fn parse_utility(label: &str) -> Option<(&str, Lang)> {
    let rest = label.strip_prefix(UTILITY_PREFIX)?;
    let (template, lang) = match rest.rsplit_once(':') {
        Some((t, l)) => (t, Lang::from_locale(l).unwrap_or_default()),
        None => (rest, Lang::En),
    };
    (!template.is_empty()).then_some((template, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utility_labels_round_trip() {
        let label = utility("account_alert", Lang::Fr);
        assert_eq!(label, "UTILITY:account_alert:fr");
        assert_eq!(parse_utility(&label), Some(("account_alert", Lang::Fr)));
        assert_eq!(
            parse_utility("UTILITY:account_alert"),
            Some(("account_alert", Lang::En))
        );
        assert_eq!(parse_utility(UPDATE), None);
        assert_eq!(parse_utility("UTILITY:"), None);
        let longest = "t".repeat(MAX_TEMPLATE_NAME);
        assert_eq!(
            utility(&longest, Lang::Fr).len(),
            bankbot_store::MAX_LABEL_LEN
        );
    }
}
