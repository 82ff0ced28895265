//! `X-Hub-Signature-256` verification: HMAC-SHA256 of the raw body, keyed with the App
//! Secret, compared in constant time by the shared [`HmacKey`] (the alerts intake uses the
//! same check).

use bankbot_core::{HmacKey, sign_hmac_sha256};

/// The header Meta signs webhook bodies with.
pub const SIGNATURE_HEADER: &str = "x-hub-signature-256";

/// Why a signature was refused. All variants mean "answer 403".
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignatureError {
    /// No `X-Hub-Signature-256` header.
    #[error("signature header missing")]
    Missing,
    /// Not `sha256=` followed by 64 hex digits.
    #[error("signature header malformed")]
    Malformed,
    /// Well-formed but not the HMAC of this body under any configured secret.
    #[error("signature does not match")]
    Mismatch,
}

/// Verifies bodies against one App Secret, or two during a secret rotation.
/// The keyed HMAC state is computed once and cloned per check.
#[derive(Clone)]
pub struct SignatureVerifier {
    keys: Vec<HmacKey>,
}

impl std::fmt::Debug for SignatureVerifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignatureVerifier")
            .field("secrets", &self.keys.len())
            .finish()
    }
}

impl SignatureVerifier {
    /// A verifier for `app_secret`, also accepting `previous` (rotation) when given.
    ///
    /// An empty secret is never used as a key: with no non-empty secret every body is
    /// refused ([`SignatureError::Mismatch`]), since anyone can compute an HMAC under an
    /// empty key.
    pub fn new(app_secret: &str, previous: Option<&str>) -> Self {
        let keys = std::iter::once(app_secret)
            .chain(previous)
            .filter_map(|s| HmacKey::new(s.as_bytes()))
            .collect();
        SignatureVerifier { keys }
    }

    /// Checks a header value (`sha256=<hex>`, hex case-insensitive) against the raw body.
    pub fn verify(&self, header: Option<&[u8]>, body: &[u8]) -> Result<(), SignatureError> {
        let expected = decode_header(header)?;
        self.verify_digest(&expected, body)
    }

    /// Checks a decoded 32-byte digest against the raw body, in constant time.
    pub fn verify_digest(&self, digest: &[u8; 32], body: &[u8]) -> Result<(), SignatureError> {
        let mut ok = false;
        for key in &self.keys {
            ok |= key.verify(&[body], digest);
        }
        if ok {
            Ok(())
        } else {
            Err(SignatureError::Mismatch)
        }
    }
}

/// Parses `sha256=<64 hex>` into the digest; the prefix and hex are case-insensitive.
pub fn decode_header(header: Option<&[u8]>) -> Result<[u8; 32], SignatureError> {
    let value = header.ok_or(SignatureError::Missing)?;
    let value = value.trim_ascii();
    let (prefix, hex_part) = value.split_at_checked(7).ok_or(SignatureError::Malformed)?;
    if !prefix.eq_ignore_ascii_case(b"sha256=") || hex_part.len() != 64 {
        return Err(SignatureError::Malformed);
    }
    let mut digest = [0u8; 32];
    hex::decode_to_slice(hex_part, &mut digest).map_err(|_| SignatureError::Malformed)?;
    Ok(digest)
}

/// `sha256=` + lowercase hex HMAC-SHA256 of `body` under `secret`: what Meta would send.
/// For tests and tools that sign bodies.
pub fn sign(secret: &str, body: &[u8]) -> String {
    let digest = sign_hmac_sha256(secret.as_bytes(), &[body]);
    format!("sha256={}", hex::encode(digest))
}

/// `hex(HMAC-SHA256(app_secret, access_token))`, the Graph API `appsecret_proof`.
pub fn appsecret_proof(app_secret: &str, access_token: &str) -> String {
    hex::encode(sign_hmac_sha256(
        app_secret.as_bytes(),
        &[access_token.as_bytes()],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_headers_without_panicking() {
        let v = SignatureVerifier::new("s", None);
        assert_eq!(v.verify(None, b"{}"), Err(SignatureError::Missing));
        for h in [
            "",
            "sha256=",
            "sha256=abc",
            "sha1=00",
            "sha256=é",
            "sha256=zz",
        ] {
            assert_eq!(
                v.verify(Some(h.as_bytes()), b"{}"),
                Err(SignatureError::Malformed)
            );
        }
        let good = sign("s", b"{}");
        assert_eq!(v.verify(Some(good.as_bytes()), b"{}"), Ok(()));
        assert_eq!(
            v.verify(Some(good.to_uppercase().as_bytes()), b"{}"),
            Ok(())
        );
        assert_eq!(
            v.verify(Some(good.as_bytes()), b"{ }"),
            Err(SignatureError::Mismatch)
        );
    }

    #[test]
    fn an_empty_secret_verifies_nothing() {
        let v = SignatureVerifier::new("", None);
        assert_eq!(
            v.verify(Some(sign("", b"{}").as_bytes()), b"{}"),
            Err(SignatureError::Mismatch)
        );
        let v = SignatureVerifier::new("new", Some(""));
        assert!(v.verify(Some(sign("", b"x").as_bytes()), b"x").is_err());
        assert!(v.verify(Some(sign("new", b"x").as_bytes()), b"x").is_ok());
    }

    #[test]
    fn accepts_the_previous_secret_during_rotation() {
        let v = SignatureVerifier::new("new", Some("old"));
        assert!(v.verify(Some(sign("old", b"x").as_bytes()), b"x").is_ok());
        assert!(
            v.verify(Some(sign("other", b"x").as_bytes()), b"x")
                .is_err()
        );
    }
}
