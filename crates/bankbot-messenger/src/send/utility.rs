//! Utility messages: Meta-approved templates that may be sent outside the 24-hour window
//! (`messaging_type: UTILITY`, `message.template`), the replacement for the retired
//! `ACCOUNT_UPDATE` tag. The Page needs the `page_utility_messaging` permission and an
//! approved template; the feature is in beta in a few markets only.
//!
//! Shape, per Meta's "Send a utility message" guide:
//!
//! ```json
//! {"recipient": {"id": "<PSID>"}, "messaging_type": "UTILITY",
//!  "message": {"template": {"name": "account_alert", "language": {"code": "en"},
//!    "components": [
//!      {"type": "body", "parameters": [{"type": "text", "text": "…"}]},
//!      {"type": "buttons", "parameters": [{"type": "POSTBACK", "payload": "…"}]}]}}}
//! ```
//!
//! Templates with `parameter_format: NAMED` need `parameter_name` on every body parameter;
//! button payloads stay positional.

use serde_json::{Value, json};

use super::build::MAX_PAYLOAD_CHARS;
use super::error::SendError;
use super::text::truncate_chars;

/// A body parameter is cut to this many characters (Meta's body limit is 1,024 in all).
pub const MAX_PARAMETER_CHARS: usize = 900;
/// Longest template name Meta accepts.
const MAX_TEMPLATE_NAME: usize = 512;

/// One filled-in placeholder of the template body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateParameter {
    /// The placeholder's name for `NAMED` templates; `None` for positional ones.
    pub name: Option<String>,
    /// The value.
    pub text: String,
}

/// A utility message: an approved template, its language and the values to fill in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UtilityMessage {
    /// The template's name in the Page's template library.
    pub template: String,
    /// The template's language code (`en`, `en_US`, `fr` …).
    pub language: String,
    /// Body parameters, in the template's order.
    pub body: Vec<TemplateParameter>,
    /// Payloads for the template's POSTBACK buttons, in order (empty: no buttons
    /// component).
    pub postbacks: Vec<String>,
}

/// Meta refuses parameters with line breaks, tabs or runs of spaces: flatten them.
fn flatten(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True for a name Meta accepts for a template: lowercase letters, digits and `_`.
pub fn is_template_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_TEMPLATE_NAME
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// True for a template language code such as `en`, `en_US` or `fr`.
pub fn is_template_language(code: &str) -> bool {
    (2..=10).contains(&code.len()) && code.chars().all(|c| c.is_ascii_alphabetic() || c == '_')
}

/// The request body that sends `message` to `psid`; an error when the template name,
/// language or a parameter cannot be sent.
pub fn utility_body(psid: &str, message: &UtilityMessage) -> Result<Value, SendError> {
    let invalid = |why: String| Err(SendError::InvalidReply(why));
    if !is_template_name(&message.template) {
        return invalid(format!(
            "utility template name `{}`: lowercase letters, digits and `_` only",
            message.template
        ));
    }
    if !is_template_language(&message.language) {
        return invalid(format!(
            "utility template language `{}`: expected a code such as en or en_US",
            message.language
        ));
    }
    let mut body_parameters = Vec::with_capacity(message.body.len());
    for parameter in &message.body {
        let text = flatten(&parameter.text);
        if text.is_empty() {
            return invalid("utility template parameter is empty".to_owned());
        }
        let mut value = json!({
            "type": "text",
            "text": truncate_chars(&text, MAX_PARAMETER_CHARS),
        });
        if let Some(name) = &parameter.name {
            value["parameter_name"] = json!(name);
        }
        body_parameters.push(value);
    }
    let mut components = Vec::new();
    if !body_parameters.is_empty() {
        components.push(json!({"type": "body", "parameters": body_parameters}));
    }
    if !message.postbacks.is_empty() {
        let buttons: Vec<Value> = message
            .postbacks
            .iter()
            .map(|p| json!({"type": "POSTBACK", "payload": truncate_chars(p, MAX_PAYLOAD_CHARS)}))
            .collect();
        components.push(json!({"type": "buttons", "parameters": buttons}));
    }
    Ok(json!({
        "recipient": {"id": psid},
        "messaging_type": "UTILITY",
        "message": {"template": {
            "name": message.template,
            "language": {"code": message.language},
            "components": components,
        }},
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alert(text: &str) -> UtilityMessage {
        UtilityMessage {
            template: "account_alert".into(),
            language: "en_US".into(),
            body: vec![TemplateParameter {
                name: None,
                text: text.into(),
            }],
            postbacks: Vec::new(),
        }
    }

    #[test]
    fn positional_body_matches_the_guide() {
        let body = utility_body("2348927398743287", &alert("Your balance is low.")).unwrap();
        assert_eq!(
            body,
            json!({
                "recipient": {"id": "2348927398743287"},
                "messaging_type": "UTILITY",
                "message": {"template": {
                    "name": "account_alert",
                    "language": {"code": "en_US"},
                    "components": [{"type": "body", "parameters": [
                        {"type": "text", "text": "Your balance is low."}
                    ]}]
                }}
            })
        );
        assert!(body.get("tag").is_none());
    }

    #[test]
    fn named_parameters_and_postback_buttons() {
        let mut m = alert("Did you make this purchase?\n−$500.00 at  ElectroMart");
        m.body[0].name = Some("alert".into());
        m.postbacks = vec!["FRAUD_YES:a-1".into(), "FRAUD_NO:a-1".into()];
        let body = utility_body("1", &m).unwrap();
        let components = &body["message"]["template"]["components"];
        assert_eq!(
            components[0]["parameters"][0],
            json!({"type": "text", "text": "Did you make this purchase? −$500.00 at ElectroMart",
                   "parameter_name": "alert"})
        );
        assert_eq!(
            components[1],
            json!({"type": "buttons", "parameters": [
                {"type": "POSTBACK", "payload": "FRAUD_YES:a-1"},
                {"type": "POSTBACK", "payload": "FRAUD_NO:a-1"}
            ]})
        );
    }

    #[test]
    fn refuses_what_meta_would_refuse() {
        let mut m = alert("x");
        m.template = "Account Alert".into();
        assert!(utility_body("1", &m).is_err());
        let mut m = alert("x");
        m.language = "english please".into();
        assert!(utility_body("1", &m).is_err());
        assert!(utility_body("1", &alert(" \n\t ")).is_err());
        let long = "é".repeat(5000);
        let body = utility_body("1", &alert(&long)).unwrap();
        let text = body["message"]["template"]["components"][0]["parameters"][0]["text"]
            .as_str()
            .unwrap();
        assert_eq!(text.chars().count(), MAX_PARAMETER_CHARS);
    }
}
