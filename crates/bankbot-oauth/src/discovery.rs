//! The endpoints in use: those configured, the rest from the issuer's
//! `/.well-known/openid-configuration` (OpenID Connect Discovery 1.0), fetched on first use.

use bankbot_bank::{BankError, BankResult};
use serde::Deserialize;
use url::Url;

use crate::options::{Endpoints, endpoint_url};
use crate::token::{read_json, transport_error};

/// Every endpoint a login needs, resolved.
#[derive(Debug, Clone)]
pub(crate) struct Resolved {
    pub(crate) authorization: Url,
    pub(crate) token: Url,
    pub(crate) userinfo: Option<Url>,
    pub(crate) jwks: Option<Url>,
    pub(crate) revocation: Option<Url>,
    /// The issuer ID tokens must name, exactly.
    pub(crate) issuer: Option<String>,
}

#[derive(Deserialize)]
struct Document {
    issuer: String,
    authorization_endpoint: Option<String>,
    token_endpoint: Option<String>,
    userinfo_endpoint: Option<String>,
    jwks_uri: Option<String>,
    revocation_endpoint: Option<String>,
}

/// The endpoints, asking the issuer for those not configured.
pub(crate) async fn resolve(
    http: &reqwest::Client,
    configured: &Endpoints,
    issuer: Option<&Url>,
) -> BankResult<Resolved> {
    let Some(issuer) = issuer else {
        return complete(configured, None, None);
    };
    let issuer_text = issuer.as_str().trim_end_matches('/').to_owned();
    let complete_already = configured.authorization.is_some()
        && configured.token.is_some()
        && configured.jwks.is_some();
    if complete_already {
        return complete(configured, None, Some(issuer_text));
    }
    let well_known = format!("{issuer_text}/.well-known/openid-configuration");
    let resp = http
        .get(&well_known)
        .send()
        .await
        .map_err(|e| transport_error("discovery", &e))?;
    let doc: Document = read_json("discovery", resp).await?;
    if doc.issuer.trim_end_matches('/') != issuer_text {
        tracing::error!("the discovery document names another issuer than [linking] issuer");
        return Err(BankError::InvalidResponse(
            "discovery: the document's issuer differs from [linking] issuer".into(),
        ));
    }
    complete(configured, Some(doc), Some(issuer_text))
}

fn complete(
    configured: &Endpoints,
    doc: Option<Document>,
    issuer: Option<String>,
) -> BankResult<Resolved> {
    let pick = |key: &'static str, mine: &Option<Url>, theirs: Option<String>| match (mine, theirs)
    {
        (Some(url), _) => Ok(Some(url.clone())),
        (None, Some(text)) => endpoint_url(key, &text)
            .map(Some)
            .map_err(|e| BankError::InvalidResponse(format!("discovery: {e}"))),
        (None, None) => Ok(None),
    };
    let doc = doc.unwrap_or(Document {
        issuer: String::new(),
        authorization_endpoint: None,
        token_endpoint: None,
        userinfo_endpoint: None,
        jwks_uri: None,
        revocation_endpoint: None,
    });
    let missing =
        |key: &str| BankError::InvalidResponse(format!("discovery: no {key} for this issuer"));
    Ok(Resolved {
        authorization: pick(
            "authorization_endpoint",
            &configured.authorization,
            doc.authorization_endpoint,
        )?
        .ok_or_else(|| missing("authorization_endpoint"))?,
        token: pick("token_endpoint", &configured.token, doc.token_endpoint)?
            .ok_or_else(|| missing("token_endpoint"))?,
        userinfo: pick(
            "userinfo_endpoint",
            &configured.userinfo,
            doc.userinfo_endpoint,
        )?,
        jwks: pick("jwks_uri", &configured.jwks, doc.jwks_uri)?,
        revocation: pick(
            "revocation_endpoint",
            &configured.revocation,
            doc.revocation_endpoint,
        )?,
        issuer,
    })
}
