//! Graph API error bodies ([Send API error
//! codes](https://developers.facebook.com/docs/messenger-platform/error-codes); the
//! `graph_error_*.json` fixtures of the messenger crate's tests) for scripting [`MockGraphApi`]
//! failures with [`MockGraphApi::fail_next`].
//!
//! [`MockGraphApi`]: crate::MockGraphApi
//! [`MockGraphApi::fail_next`]: crate::MockGraphApi::fail_next

use serde_json::{Value, json};

/// A Graph error body `{"error": {message, type: "OAuthException", code, error_subcode?, fbtrace_id}}`.
pub fn graph_error(code: i64, error_subcode: Option<i64>, message: &str) -> Value {
    let mut error = json!({
        "message": message,
        "type": "OAuthException",
        "code": code,
        "fbtrace_id": "AbCdEfGh123",
    });
    if let (Some(subcode), Some(map)) = (error_subcode, error.as_object_mut()) {
        map.insert("error_subcode".to_owned(), json!(subcode));
    }
    json!({ "error": error })
}

/// Code 10 / subcode 2018278, the message was sent outside the allowed window (HTTP 400).
pub fn outside_window() -> Value {
    graph_error(
        10,
        Some(2_018_278),
        "(#10) This message is sent outside of allowed window.",
    )
}

/// Code 551 / subcode 1545041, the person is not available right now (HTTP 400).
pub fn person_unavailable() -> Value {
    graph_error(
        551,
        Some(1_545_041),
        "(#551) This person isn't available right now.",
    )
}

/// Code 100 / subcode 2018001, no matching user found (HTTP 400).
pub fn no_matching_user() -> Value {
    graph_error(100, Some(2_018_001), "(#100) No matching user found")
}

/// Code 613, rate limit exceeded (HTTP 400 from Graph; some proxies answer 429).
pub fn rate_limited() -> Value {
    graph_error(
        613,
        None,
        "(#613) Calls to this api have exceeded the rate limit.",
    )
}

/// Code 190 / subcode 460, the page access token was invalidated (HTTP 400 or 401).
pub fn token_invalidated() -> Value {
    graph_error(
        190,
        Some(460),
        "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.",
    )
}

/// A transient server-side failure (code 2, "An unexpected error has occurred"), for HTTP 500/503.
pub fn server_error() -> Value {
    graph_error(
        2,
        None,
        "An unexpected error has occurred. Please retry your request later.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f19_bodies_have_the_documented_shape() {
        let want: Value = serde_json::from_str(
            r#"{"error": {"message": "(#10) This message is sent outside of allowed window.", "type": "OAuthException", "code": 10, "error_subcode": 2018278, "fbtrace_id": "AbCdEfGh123"}}"#,
        )
        .unwrap_or_default();
        assert_eq!(outside_window(), want);
        assert_eq!(rate_limited()["error"]["code"], 613);
        assert!(rate_limited()["error"].get("error_subcode").is_none());
        assert_eq!(person_unavailable()["error"]["error_subcode"], 1_545_041);
        assert_eq!(no_matching_user()["error"]["code"], 100);
        assert_eq!(token_invalidated()["error"]["code"], 190);
    }
}
