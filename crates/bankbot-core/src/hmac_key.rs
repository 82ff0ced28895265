//! The one HMAC-SHA256 check every signed request goes through (Messenger webhooks, the
//! bank's alerts): keyed once, compared in constant time, and never keyed with an empty
//! secret — anyone can compute an HMAC under an empty key, so such a key verifies nothing.

use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// The length of an HMAC-SHA256 digest, in bytes.
pub const HMAC_SHA256_LEN: usize = 32;

/// An HMAC-SHA256 key, keyed once and cloned per message. `Debug` never shows the secret.
#[derive(Clone)]
pub struct HmacKey {
    keyed: HmacSha256,
}

impl std::fmt::Debug for HmacKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("HmacKey([redacted])")
    }
}

impl HmacKey {
    /// A key for `secret`; `None` for an empty secret, which must never verify anything.
    pub fn new(secret: &[u8]) -> Option<HmacKey> {
        if secret.is_empty() {
            return None;
        }
        // HMAC accepts keys of any length, so this only fails for the empty case above.
        HmacSha256::new_from_slice(secret)
            .ok()
            .map(|keyed| HmacKey { keyed })
    }

    /// The digest of `parts` concatenated.
    pub fn digest(&self, parts: &[&[u8]]) -> [u8; HMAC_SHA256_LEN] {
        let mut mac = self.keyed.clone();
        for part in parts {
            mac.update(part);
        }
        mac.finalize().into_bytes().into()
    }

    /// Whether `expected` is the digest of `parts` concatenated, compared in constant time.
    /// A digest of the wrong length never matches.
    pub fn verify(&self, parts: &[&[u8]], expected: &[u8]) -> bool {
        let mut mac = self.keyed.clone();
        for part in parts {
            mac.update(part);
        }
        // `verify_slice` compares in constant time (via `subtle`).
        mac.verify_slice(expected).is_ok()
    }
}

/// Whether `expected` is the HMAC-SHA256 of `parts` (concatenated) under `secret`. An empty
/// secret verifies nothing.
pub fn verify_hmac_sha256(secret: &[u8], parts: &[&[u8]], expected: &[u8]) -> bool {
    HmacKey::new(secret).is_some_and(|key| key.verify(parts, expected))
}

/// The HMAC-SHA256 of `parts` (concatenated) under `secret`, for tools and tests that sign
/// as a sender would. Unlike verification this accepts an empty secret, so tests can build
/// the signature an attacker would send.
pub fn sign_hmac_sha256(secret: &[u8], parts: &[&[u8]]) -> [u8; HMAC_SHA256_LEN] {
    // HMAC accepts keys of any length (the empty one included), so this cannot fail; an
    // all-zero digest would never verify anyway.
    let Ok(mut mac) = <HmacSha256 as Mac>::new_from_slice(secret) else {
        return [0; HMAC_SHA256_LEN];
    };
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verifies_its_own_digest_and_nothing_else() {
        let key = HmacKey::new(b"s3cret").unwrap();
        let digest = key.digest(&[b"12", b".", b"body"]);
        assert!(key.verify(&[b"12.body"], &digest), "parts are concatenated");
        assert!(verify_hmac_sha256(b"s3cret", &[b"12.body"], &digest));
        assert!(!verify_hmac_sha256(b"other", &[b"12.body"], &digest));
        assert!(!key.verify(&[b"12.bodY"], &digest));
        assert!(!key.verify(&[b"12.body"], &digest[..31]));
        assert_eq!(sign_hmac_sha256(b"s3cret", &[b"12.body"]), digest);
    }

    #[test]
    fn an_empty_key_is_refused() {
        assert!(HmacKey::new(b"").is_none());
        let forged = sign_hmac_sha256(b"", &[b"body"]);
        assert!(!verify_hmac_sha256(b"", &[b"body"], &forged));
    }

    #[test]
    fn matches_the_rfc_4231_test_case_2() {
        let digest = sign_hmac_sha256(b"Jefe", &[b"what do ya want ", b"for nothing?"]);
        let expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, expected);
    }

    #[test]
    fn debug_hides_the_secret() {
        let key = HmacKey::new(b"s3cret").unwrap();
        assert!(!format!("{key:?}").contains("s3cret"));
    }
}
