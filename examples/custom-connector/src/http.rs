//! The one place requests to the core are made: JSON in and out, the customer's access token
//! as `Authorization: Bearer`, a bounded time and a bounded body, every failure mapped by
//! [`crate::error`].

use std::time::Duration;

use bankbot::prelude::{BankError, BankResult};
use reqwest::{Method, StatusCode};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{Call, from_status, from_transport};
use crate::options::{CoreBankingOptions, OptionsError};

/// The largest answer read from the core.
const MAX_BODY: usize = 1 << 20;

/// One request: where, as whom, with what.
pub(crate) struct Request<'a, B: Serialize> {
    pub method: Method,
    /// Path segments under the base URL, escaped here (`["v1", "accounts", id]`).
    pub path: &'a [&'a str],
    pub query: &'a [(&'a str, String)],
    pub token: Option<&'a str>,
    pub body: Option<&'a B>,
    pub call: Call,
    /// What is asked for, for errors ("account", "card"); never customer data.
    pub what: &'a str,
}

/// An HTTP client bound to the core's base URL.
#[derive(Debug, Clone)]
pub(crate) struct CoreHttp {
    client: reqwest::Client,
    base: url::Url,
    limit: Duration,
}

impl CoreHttp {
    pub(crate) fn new(options: &CoreBankingOptions) -> Result<Self, OptionsError> {
        let client = reqwest::Client::builder()
            .timeout(options.call_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| OptionsError::Client(e.to_string()))?;
        Ok(CoreHttp {
            client,
            base: options.base_url.clone(),
            limit: options.call_timeout,
        })
    }

    /// Sends `request`; `Ok(None)` for an answer without a body (204).
    pub(crate) async fn send<B: Serialize, T: DeserializeOwned>(
        &self,
        request: Request<'_, B>,
    ) -> BankResult<Option<T>> {
        let mut url = self.base.clone();
        url.path_segments_mut()
            .map_err(|()| BankError::InvalidRequest("the core URL cannot take a path".into()))?
            .pop_if_empty()
            .extend(request.path);
        let mut builder = self
            .client
            .request(request.method, url)
            .header(reqwest::header::ACCEPT, "application/json");
        if !request.query.is_empty() {
            builder = builder.query(request.query);
        }
        if let Some(token) = request.token {
            builder = builder.bearer_auth(token);
        }
        if let Some(body) = request.body {
            builder = builder.json(body);
        }
        let response = builder
            .send()
            .await
            .map_err(|e| from_transport(&e, self.limit))?;
        let status = response.status();
        if !status.is_success() {
            return Err(from_status(
                request.call,
                status,
                response.headers(),
                request.what,
            ));
        }
        if status == StatusCode::NO_CONTENT {
            return Ok(None);
        }
        if response
            .content_length()
            .is_some_and(|n| n > MAX_BODY as u64)
        {
            return Err(BankError::InvalidResponse(
                "the core's answer is too large".into(),
            ));
        }
        let bytes = response
            .bytes()
            .await
            .map_err(|e| from_transport(&e, self.limit))?;
        if bytes.len() > MAX_BODY {
            return Err(BankError::InvalidResponse(
                "the core's answer is too large".into(),
            ));
        }
        serde_json::from_slice(&bytes).map(Some).map_err(|e| {
            BankError::InvalidResponse(format!(
                "{} from the core is not the expected JSON (line {}, column {})",
                request.what,
                e.line(),
                e.column()
            ))
        })
    }

    /// A GET with the customer's token whose answer must have a body.
    pub(crate) async fn get<T: DeserializeOwned>(
        &self,
        token: &str,
        path: &[&str],
        query: &[(&str, String)],
        what: &str,
    ) -> BankResult<T> {
        let request: Request<'_, ()> = Request {
            method: Method::GET,
            path,
            query,
            token: Some(token),
            body: None,
            call: Call::Data,
            what,
        };
        self.send(request).await?.ok_or_else(|| empty(what))
    }
}

/// The error for an answer that should have had a body.
pub(crate) fn empty(what: &str) -> BankError {
    BankError::InvalidResponse(format!("the core sent no {what}"))
}
