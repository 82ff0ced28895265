//! Replies that go out as Messenger utility messages (approved templates, allowed outside
//! the 24-hour window): which template language, which body parameter, which buttons.

use bankbot_core::{Button, Lang, Reply};
use bankbot_messenger::{TemplateParameter, UtilityMessage};

/// How replies labelled `UTILITY:<template>:<lang>` become utility messages: the template's
/// language code for each bot language, and the name of its one body parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UtilityTemplates {
    /// Template language code for English (default `en`).
    pub english: String,
    /// Template language code for French (default `fr`).
    pub french: String,
    /// The body parameter's name for templates made with `parameter_format: NAMED`;
    /// `None` for positional (`{{1}}`) templates.
    pub parameter_name: Option<String>,
}

impl Default for UtilityTemplates {
    fn default() -> Self {
        UtilityTemplates {
            english: "en".to_owned(),
            french: "fr".to_owned(),
            parameter_name: None,
        }
    }
}

impl UtilityTemplates {
    /// The template language code for `lang`.
    pub fn language(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.english,
            Lang::Fr => &self.french,
        }
    }

    /// `reply` as utility message `template`: its text fills the body parameter, its quick
    /// replies and postback buttons become the template's POSTBACK button payloads.
    /// `None` for what a template cannot carry (cards, typing).
    pub fn message(&self, template: &str, lang: Lang, reply: &Reply) -> Option<UtilityMessage> {
        let (text, postbacks) = match reply {
            Reply::Text {
                text,
                quick_replies,
            } => (
                text,
                quick_replies.iter().map(|q| q.payload.clone()).collect(),
            ),
            Reply::Buttons { text, buttons } => (
                text,
                buttons
                    .iter()
                    .filter_map(|b| match b {
                        Button::Postback { payload, .. } => Some(payload.clone()),
                        _ => None,
                    })
                    .collect(),
            ),
            Reply::Cards { .. } | Reply::Typing { .. } => return None,
        };
        Some(UtilityMessage {
            template: template.to_owned(),
            language: self.language(lang).to_owned(),
            body: vec![TemplateParameter {
                name: self.parameter_name.clone(),
                text: text.clone(),
            }],
            postbacks,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bankbot_core::QuickReply;

    #[test]
    fn text_fills_the_body_and_choices_become_postbacks() {
        let t = UtilityTemplates {
            parameter_name: Some("alert".into()),
            ..UtilityTemplates::default()
        };
        let reply = Reply::with_quick_replies(
            "Avez-vous fait cet achat ?",
            vec![
                QuickReply::new("Oui", "FRAUD_YES:a"),
                QuickReply::new("Non", "FRAUD_NO:a"),
            ],
        );
        let m = t.message("fraud_check", Lang::Fr, &reply).unwrap();
        assert_eq!(m.language, "fr");
        assert_eq!(m.body[0].name.as_deref(), Some("alert"));
        assert_eq!(m.body[0].text, "Avez-vous fait cet achat ?");
        assert_eq!(m.postbacks, vec!["FRAUD_YES:a", "FRAUD_NO:a"]);
        let plain = t
            .message("account_alert", Lang::En, &Reply::text("Low balance"))
            .unwrap();
        assert_eq!(plain.language, "en");
        assert!(plain.postbacks.is_empty());
        assert!(
            t.message("x", Lang::En, &Reply::Typing { on: true })
                .is_none()
        );
    }
}
