//! `X-Bankbot-Signature: sha256=<hex HMAC-SHA256 of the raw body>` with the `[alerts]` secret.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::AlertError;

/// The header carrying the signature.
pub const HEADER: &str = "x-bankbot-signature";

type HmacSha256 = Hmac<Sha256>;

/// The header value for `body`: `sha256=<64 hex digits>`.
pub fn sign(secret: &[u8], body: &[u8]) -> String {
    let mut mac = match HmacSha256::new_from_slice(secret) {
        Ok(mac) => mac,
        // HMAC accepts keys of any length; this arm is unreachable in practice.
        Err(_) => return String::new(),
    };
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// Checks `header` against `body` in constant time. An empty secret never verifies.
pub fn verify(secret: &[u8], header: Option<&str>, body: &[u8]) -> Result<(), AlertError> {
    if secret.is_empty() {
        return Err(AlertError::BadSignature);
    }
    let hex_sig = header
        .and_then(|h| h.trim().strip_prefix("sha256="))
        .ok_or(AlertError::BadSignature)?;
    let expected = hex::decode(hex_sig).map_err(|_| AlertError::BadSignature)?;
    let mut mac = HmacSha256::new_from_slice(secret).map_err(|_| AlertError::BadSignature)?;
    mac.update(body);
    mac.verify_slice(&expected)
        .map_err(|_| AlertError::BadSignature)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_and_verifies() {
        let sig = sign(b"s3cret", b"{\"id\":\"a1\"}");
        assert!(sig.starts_with("sha256=") && sig.len() == 7 + 64);
        assert!(verify(b"s3cret", Some(&sig), b"{\"id\":\"a1\"}").is_ok());
        assert!(verify(b"s3cret", Some(&sig), b"{\"id\":\"a2\"}").is_err());
        assert!(verify(b"other", Some(&sig), b"{\"id\":\"a1\"}").is_err());
        assert!(verify(b"s3cret", None, b"{}").is_err());
        assert!(verify(b"s3cret", Some("sha256=zz"), b"{}").is_err());
        assert!(verify(b"", Some(&sign(b"", b"{}")), b"{}").is_err());
    }
}
