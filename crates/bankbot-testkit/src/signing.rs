//! `X-Hub-Signature-256` signing and Meta's escaped JSON byte form (Meta's [webhook
//! security](https://developers.facebook.com/docs/messenger-platform/webhooks#security) rules;
//! `crates/bankbot-messenger/tests/fixtures/signature_vector_body.bin` is the reference body).

use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::fmt::Write as _;

/// The header Meta puts the signature in.
pub const SIGNATURE_HEADER: &str = "X-Hub-Signature-256";

/// The `X-Hub-Signature-256` header value for `body`: `sha256=` followed by the lowercase
/// hex HMAC-SHA256 of the exact bytes, keyed with the app secret.
///
/// ```
/// let sig = bankbot_testkit::sign("0123456789abcdef0123456789abcdef", b"{}");
/// assert!(sig.starts_with("sha256=") && sig.len() == 7 + 64);
/// ```
pub fn sign(app_secret: &str, body: &[u8]) -> String {
    // HMAC accepts keys of any length, so this cannot fail; fall back to an obviously
    // wrong signature rather than panicking should that ever change.
    match Hmac::<Sha256>::new_from_slice(app_secret.as_bytes()) {
        Ok(mut mac) => {
            mac.update(body);
            format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
        }
        Err(_) => "sha256=".to_owned(),
    }
}

/// The Graph API `appsecret_proof` of `access_token`: the lowercase hex HMAC-SHA256 of the
/// token keyed with the app secret ([Graph API: securing
/// requests](https://developers.facebook.com/docs/graph-api/securing-requests#appsecret_proof)).
pub fn appsecret_proof(app_secret: &str, access_token: &str) -> String {
    sign(app_secret, access_token.as_bytes()).split_off("sha256=".len())
}

/// Escapes JSON text the way Meta's webhook bodies are escaped: `/` becomes `\/` and every
/// non-ASCII character becomes `\uXXXX` (UTF-16, lowercase hex). Both only ever occur inside
/// JSON strings, so applying this to a whole serialised document keeps it valid JSON with
/// the same meaning.
pub fn meta_escape(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 8);
    for c in json.chars() {
        if c == '/' {
            out.push_str("\\/");
        } else if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        }
    }
    out
}

/// Compact serialisation of `value` in Meta's escaped form (see [`meta_escape`]); sign and
/// post these bytes to exercise a verifier the way real deliveries do.
pub fn meta_json_bytes(value: &serde_json::Value) -> Vec<u8> {
    meta_escape(&value.to_string()).into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    const VECTOR_SECRET: &str = "0123456789abcdef0123456789abcdef";
    const VECTOR_BODY: &str = r#"{"object":"page","entry":[{"id":"104857600000001","time":1718000000456,"messaging":[{"sender":{"id":"7423910000000001"},"recipient":{"id":"104857600000001"},"timestamp":1718000000123,"message":{"mid":"m_sigvector0001","text":"Solde du compte \u00e9pargne? https:\/\/bank.example\/atm"}}]}]}"#;

    #[test]
    fn f16_vector_matches_exactly() {
        assert_eq!(VECTOR_BODY.len(), 290);
        assert_eq!(
            sign(VECTOR_SECRET, VECTOR_BODY.as_bytes()),
            "sha256=aaed72285a57724ee92e1eea8649eff799b3106e3a41b10cdcd50fce0e48d8c3"
        );
    }

    #[test]
    fn f16_negative_vectors_differ() {
        let raw = VECTOR_BODY.replace("\\u00e9", "é").replace("\\/", "/");
        assert_eq!(
            sign(VECTOR_SECRET, raw.as_bytes()),
            "sha256=ab1d31570cd5970d862e9a49d08ce949d387cb3aa50d3365cd4c34bb1cf4cbd8"
        );
        let slashes = VECTOR_BODY.replace("\\/", "/");
        assert_eq!(
            sign(VECTOR_SECRET, slashes.as_bytes()),
            "sha256=7213e683d59a57bccba167f750e846647daf19d7de3b0db5e1ff22bd63b890f2"
        );
    }

    #[test]
    fn meta_escape_reproduces_f16_bytes() {
        let raw = VECTOR_BODY.replace("\\u00e9", "é").replace("\\/", "/");
        assert_eq!(meta_escape(&raw), VECTOR_BODY);
    }

    #[test]
    fn meta_escape_uses_surrogate_pairs_and_stays_valid_json() {
        let value = serde_json::json!({"emoji": "\u{1f44d} a/b"});
        let bytes = meta_json_bytes(&value);
        let text = String::from_utf8(bytes.clone()).unwrap_or_default();
        assert_eq!(text, r#"{"emoji":"\ud83d\udc4d a\/b"}"#);
        let back: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
        assert_eq!(back, value);
    }
}
