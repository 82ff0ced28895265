//! Graph API errors, classified into what the caller should do.

use serde::Deserialize;

/// The `error` object of a Graph API error response.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct GraphError {
    /// Human-readable message (may quote user data; log at DEBUG only).
    #[serde(default)]
    pub message: String,
    /// `OAuthException` …
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    /// The error code (`10`, `100`, `190`, `551`, `613` …).
    #[serde(default)]
    pub code: Option<i64>,
    /// The subcode (`2018278`, `2018001`, `1545041` …).
    #[serde(default)]
    pub error_subcode: Option<i64>,
    /// Trace id for Meta support; safe to log.
    #[serde(default)]
    pub fbtrace_id: Option<String>,
}

#[derive(Deserialize)]
struct ErrorBody {
    error: GraphError,
}

/// A failed send, named after what the caller should do about it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SendError {
    /// Transient (network, 5xx, codes 1/2): retried with backoff already; try again later.
    #[error("temporary failure (HTTP {status:?}, code {:?})", .graph.as_ref().and_then(|g| g.code))]
    RetryLater {
        /// HTTP status, when a response arrived.
        status: Option<u16>,
        /// The Graph error, when the body had one.
        graph: Option<GraphError>,
    },
    /// Throttled (codes 4, 32, 613, 80001, HTTP 429): retried already; slow down.
    #[error("rate limited (code {:?})", .graph.code)]
    RateLimited {
        /// The Graph error.
        graph: GraphError,
    },
    /// The person cannot be messaged by this Page (551, 200, 100/2018001, 10/2018108 …):
    /// do not retry; mark the PSID unreachable.
    #[error("user unreachable (code {:?}/{:?})", .graph.code, .graph.error_subcode)]
    UserUnreachable {
        /// The Graph error.
        graph: GraphError,
    },
    /// The 24-hour window is closed (10/2018278): do not retry; wait for the user or hand
    /// over to a human who may answer with HUMAN_AGENT.
    #[error("outside the messaging window")]
    OutsideWindow {
        /// The Graph error.
        graph: GraphError,
    },
    /// The Page access token is invalid or expired (190): stop sending, alert, re-authorise.
    #[error("page access token invalid")]
    TokenInvalid {
        /// The Graph error.
        graph: GraphError,
    },
    /// The app lacks a permission, or Meta's policy blocks the send (10, 230, 368, 10904 …):
    /// configuration or policy problem; alert operations.
    #[error("not permitted (code {:?})", .graph.code)]
    NotPermitted {
        /// The Graph error.
        graph: GraphError,
    },
    /// Anything else Meta refused (e.g. 100 invalid parameter): fix the request; no retry.
    #[error("rejected by Graph API (HTTP {status}, code {:?})", .graph.as_ref().and_then(|g| g.code))]
    Permanent {
        /// HTTP status.
        status: u16,
        /// The Graph error, when the body had one.
        graph: Option<GraphError>,
    },
    /// The reply cannot be expressed as a Messenger message (e.g. empty text).
    #[error("invalid reply: {0}")]
    InvalidReply(String),
    /// The HTTP client could not be built (TLS backend): a deployment problem.
    #[error("send client set-up failed: {0}")]
    Setup(String),
}

impl SendError {
    /// True for the kinds worth retrying (after a delay).
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            SendError::RetryLater { .. } | SendError::RateLimited { .. }
        )
    }

    /// The Graph error behind this failure, if any.
    pub fn graph(&self) -> Option<&GraphError> {
        match self {
            SendError::RetryLater { graph, .. } | SendError::Permanent { graph, .. } => {
                graph.as_ref()
            }
            SendError::RateLimited { graph }
            | SendError::UserUnreachable { graph }
            | SendError::OutsideWindow { graph }
            | SendError::TokenInvalid { graph }
            | SendError::NotPermitted { graph } => Some(graph),
            SendError::InvalidReply(_) | SendError::Setup(_) => None,
        }
    }
}

/// Classifies an HTTP error response (status + body) per the platform's error table.
pub fn classify(status: u16, body: &[u8]) -> SendError {
    let graph = serde_json::from_slice::<ErrorBody>(body)
        .ok()
        .map(|b| b.error);
    let Some(graph) = graph else {
        return by_status(status, None);
    };
    let code = graph.code.unwrap_or(0);
    let sub = graph.error_subcode.unwrap_or(0);
    match (code, sub) {
        (190, _) => SendError::TokenInvalid { graph },
        (10, 2_018_278) => SendError::OutsideWindow { graph },
        (10, 2_018_108) | (100, 2_018_001) | (100, 33) | (200, _) | (551, _) => {
            SendError::UserUnreachable { graph }
        }
        (4 | 32 | 613 | 80_001, _) => SendError::RateLimited { graph },
        (1 | 2, _) => SendError::RetryLater {
            status: Some(status),
            graph: Some(graph),
        },
        (10 | 230 | 368 | 2022 | 10_904, _) => SendError::NotPermitted { graph },
        (100, _) => SendError::Permanent {
            status,
            graph: Some(graph),
        },
        _ => by_status(status, Some(graph)),
    }
}

fn by_status(status: u16, graph: Option<GraphError>) -> SendError {
    match status {
        429 => SendError::RateLimited {
            graph: graph.unwrap_or_default(),
        },
        500..=599 => SendError::RetryLater {
            status: Some(status),
            graph,
        },
        _ => SendError::Permanent { status, graph },
    }
}
