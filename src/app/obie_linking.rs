//! `[linking] kind = "obie"`: the Open Banking consent flow from the configuration.

use std::sync::Arc;

use bankbot_core::Clock;
use bankbot_oauth::ClientSecret;
use bankbot_obie::{ObieLinking, ObieLinkingOptions, RequestSigner};

use super::AppError;
use crate::config::Config;

/// Days a consent lasts when `[linking] consent_days` is not set.
const DEFAULT_CONSENT_DAYS: u32 = 90;

/// The consent flow `[linking]` describes; a missing or malformed key is a start-up error
/// naming it.
pub(super) fn from_config(config: &Config, clock: Arc<dyn Clock>) -> Result<ObieLinking, AppError> {
    let linking = &config.linking;
    let fix = |text: String| AppError::Config(text);
    let required = |key: &str, value: &Option<String>| {
        value
            .clone()
            .filter(|v| !v.trim().is_empty())
            .ok_or_else(|| fix(format!("[linking] {key} is required with kind = \"obie\"")))
    };
    let consents_url = match &linking.consents_url {
        Some(url) => url.clone(),
        None => {
            let base = config
                .bank
                .connector
                .get("base_url")
                .and_then(toml::Value::as_str)
                .filter(|_| config.bank.kind == "obie")
                .ok_or_else(|| {
                    fix(
                        "[linking] kind = \"obie\" needs [bank] kind = \"obie\" with base_url \
                         (the consents endpoint is {base_url}/account-access-consents), or \
                         [linking] consents_url"
                            .into(),
                    )
                })?;
            format!("{}/account-access-consents", base.trim_end_matches('/'))
        }
    };
    let key_file = linking.signing_key_file.as_ref().ok_or_else(|| {
        fix(
            "[linking] signing_key_file is required with kind = \"obie\": the PEM key that \
             signs request objects"
                .into(),
        )
    })?;
    let pem = std::fs::read_to_string(key_file).map_err(|e| {
        fix(format!(
            "[linking] signing_key_file = {:?} cannot be read: {e}",
            key_file.display().to_string()
        ))
    })?;
    let algorithm = linking.signing_algorithm.as_deref().unwrap_or("ES256");
    let signer = RequestSigner::from_pem(&pem, algorithm, linking.signing_key_id.clone())
        .map_err(|e| fix(e.to_string()))?;
    let scopes = if linking.scopes == ["openid"] {
        vec!["openid".to_owned(), "accounts".to_owned()]
    } else {
        linking.scopes.clone()
    };
    let options = ObieLinkingOptions {
        authorization_endpoint: required(
            "authorization_endpoint",
            &linking.authorization_endpoint,
        )?,
        token_endpoint: required("token_endpoint", &linking.token_endpoint)?,
        jwks_uri: required("jwks_uri", &linking.jwks_uri)?,
        issuer: required("issuer", &linking.issuer)?,
        consents_url,
        client_id: required("client_id", &linking.client_id)?,
        client_secret: linking.client_secret.clone().map(ClientSecret::new),
        signer,
        scopes,
        consent_days: linking.consent_days.unwrap_or(DEFAULT_CONSENT_DAYS),
        timeout: None,
    };
    Ok(ObieLinking::new(options)
        .map_err(|e| fix(e.to_string()))?
        .with_clock(clock))
}
