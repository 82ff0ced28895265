//! The HTTP side: one authenticated GET with FAPI headers, the 401 → refresh → retry-once
//! dance, the interaction-id check, status mapping and a bounded body read.

use std::sync::Arc;
use std::time::Duration;

use bankbot_bank::{BankError, BankResult, CustomerCredential};
use reqwest::header::{ACCEPT, AUTHORIZATION, HeaderMap, HeaderName, HeaderValue};
use tracing::debug;
use url::Url;
use uuid::Uuid;

use crate::error::{Resource, status_error, transport_error};
use crate::token::{AccessToken, TokenProvider};

/// The FAPI interaction id header: sent fresh on every call, echoed back by the bank.
pub const INTERACTION_ID: &str = "x-fapi-interaction-id";

/// An authenticated client for one bank's AIS endpoints.
#[derive(Debug)]
pub(crate) struct AisClient {
    pub(crate) http: reqwest::Client,
    /// The AIS root; its path never ends with an empty segment.
    pub(crate) base: Url,
    pub(crate) extra_headers: HeaderMap,
    pub(crate) tokens: Arc<dyn TokenProvider>,
    pub(crate) request_timeout: Duration,
    pub(crate) max_body_bytes: usize,
    /// True when tokens come from a consent the bot linked ([`ObieLinking`]): a 403 then
    /// means the consent was revoked or lapsed, and the customer must link again.
    ///
    /// [`ObieLinking`]: crate::ObieLinking
    pub(crate) consent_links: bool,
}

/// What one HTTP exchange ended with, before any refresh decision.
enum Outcome {
    Body(Vec<u8>),
    Unauthorized,
}

impl AisClient {
    /// `base` joined with `segments`, each percent-encoded (account ids are opaque text).
    pub(crate) fn url(&self, segments: &[&str]) -> BankResult<Url> {
        let mut url = self.base.clone();
        url.path_segments_mut()
            .map_err(|()| BankError::InvalidRequest("base URL cannot take a path".into()))?
            .pop_if_empty()
            .extend(segments);
        Ok(url)
    }

    /// Resolves a `Links.Next` value against the page it came from, refusing any other
    /// origin than the bank's so that the bearer token never leaves it.
    pub(crate) fn next_url(&self, current: &Url, next: &str) -> BankResult<Url> {
        let url = current
            .join(next)
            .map_err(|_| BankError::InvalidResponse("Links.Next is not a URL".into()))?;
        if url.origin() != self.base.origin() {
            return Err(BankError::InvalidResponse(
                "Links.Next points outside the bank's API".into(),
            ));
        }
        Ok(url)
    }

    /// GETs `url` for `credential`: on a 401 the token is refreshed once and the call repeated;
    /// a second 401 means the customer must link again.
    pub(crate) async fn get(
        &self,
        credential: &CustomerCredential,
        url: &Url,
        resource: Resource,
    ) -> BankResult<Vec<u8>> {
        let token = self.tokens.access_token(credential).await?;
        if let Outcome::Body(body) = self.send(url, &token, resource).await? {
            return Ok(body);
        }
        debug!("obie: access token refused, refreshing once");
        let fresh = self.tokens.refresh(credential, &token).await?;
        match self.send(url, &fresh, resource).await? {
            Outcome::Body(body) => Ok(body),
            Outcome::Unauthorized => Err(BankError::ReauthenticationRequired),
        }
    }

    async fn send(
        &self,
        url: &Url,
        token: &AccessToken,
        resource: Resource,
    ) -> BankResult<Outcome> {
        let interaction_id = Uuid::new_v4().to_string();
        let mut bearer = HeaderValue::try_from(format!("Bearer {}", token.expose()))
            .map_err(|_| BankError::ReauthenticationRequired)?;
        bearer.set_sensitive(true);
        debug!(interaction_id = %interaction_id, path = url.path(), "obie: GET");
        let response = self
            .http
            .get(url.clone())
            .headers(self.extra_headers.clone())
            .header(AUTHORIZATION, bearer)
            .header(ACCEPT, "application/json")
            .header(INTERACTION_ID, interaction_id.as_str())
            .timeout(self.request_timeout)
            .send()
            .await
            .map_err(|e| transport_error(&e, self.request_timeout))?;
        let status = response.status();
        let echoed = response
            .headers()
            .get(INTERACTION_ID)
            .map(|v| v.to_str().unwrap_or("<non-ascii>").to_owned());
        debug!(
            interaction_id = %interaction_id,
            echoed = echoed.as_deref().unwrap_or("-"),
            status = status.as_u16(),
            "obie: response"
        );
        if let Some(echoed) = echoed
            && !echoed.eq_ignore_ascii_case(&interaction_id)
        {
            return Err(BankError::InvalidResponse(
                "x-fapi-interaction-id does not match the request".into(),
            ));
        }
        if status.as_u16() == 401 {
            return Ok(Outcome::Unauthorized);
        }
        if status.as_u16() == 403 && self.consent_links {
            debug!("obie: 403 on a linked consent: revoked or expired");
            return Err(BankError::ReauthenticationRequired);
        }
        if !status.is_success() {
            return Err(status_error(status, response.headers(), resource));
        }
        self.read_body(response).await.map(Outcome::Body)
    }

    async fn read_body(&self, mut response: reqwest::Response) -> BankResult<Vec<u8>> {
        let too_big = || BankError::InvalidResponse("response body too large".into());
        let limit = self.max_body_bytes;
        if response.content_length().is_some_and(|n| n > limit as u64) {
            return Err(too_big());
        }
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| transport_error(&e, self.request_timeout))?
        {
            if body.len() + chunk.len() > limit {
                return Err(too_big());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }
}

/// Validates the configured extra headers.
pub(crate) fn header_map<'a>(
    pairs: impl IntoIterator<Item = (&'a String, &'a String)>,
) -> Result<HeaderMap, String> {
    let mut map = HeaderMap::new();
    for (name, value) in pairs {
        let n = HeaderName::try_from(name.as_str()).map_err(|_| name.clone())?;
        let mut v = HeaderValue::try_from(value.as_str()).map_err(|_| name.clone())?;
        v.set_sensitive(true);
        map.insert(n, v);
    }
    Ok(map)
}
