//! The signed `request` object of an Open Banking authorization (a JWT naming the consent
//! in its `openbanking_intent_id` claim), signed with the bot's key from a PEM file.

use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::Value;

use super::ObieLinkingError;

/// The bot's signing key: ES256 (a P-256 key in PKCS#8, `BEGIN PRIVATE KEY`) or PS256 (an
/// RSA key in PKCS#1, `BEGIN RSA PRIVATE KEY`). `Debug` never prints the key.
#[derive(Clone)]
pub struct RequestSigner {
    key: EncodingKey,
    algorithm: Algorithm,
    kid: Option<String>,
}

impl fmt::Debug for RequestSigner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestSigner")
            .field("algorithm", &self.algorithm)
            .field("kid", &self.kid)
            .finish_non_exhaustive()
    }
}

impl RequestSigner {
    /// A signer from PEM text; `algorithm` is `"ES256"` or `"PS256"`, `kid` the key id the
    /// bank knows the key by (its `kid` in the bot's registered JWKS).
    pub fn from_pem(
        pem: &str,
        algorithm: &str,
        kid: Option<String>,
    ) -> Result<Self, ObieLinkingError> {
        let (label, der) = pem_der(pem).ok_or(ObieLinkingError::SigningKey(
            "not a PEM private key (-----BEGIN … PRIVATE KEY-----)",
        ))?;
        let (algorithm, key) = match (algorithm, label.as_str()) {
            ("ES256", "PRIVATE KEY") => (Algorithm::ES256, EncodingKey::from_ec_der(&der)),
            ("PS256", "RSA PRIVATE KEY") => (Algorithm::PS256, EncodingKey::from_rsa_der(&der)),
            ("ES256", _) => {
                return Err(ObieLinkingError::SigningKey(
                    "ES256 needs a PKCS#8 P-256 key (BEGIN PRIVATE KEY)",
                ));
            }
            ("PS256", _) => {
                return Err(ObieLinkingError::SigningKey(
                    "PS256 needs a PKCS#1 RSA key (BEGIN RSA PRIVATE KEY)",
                ));
            }
            _ => return Err(ObieLinkingError::SigningAlgorithm(algorithm.to_owned())),
        };
        let signer = RequestSigner {
            key,
            algorithm,
            kid,
        };
        // A key ring cannot read fails here, at start-up, not at the first customer.
        signer
            .sign(&serde_json::json!({ "probe": true }))
            .map_err(|_| {
                ObieLinkingError::SigningKey("the key cannot sign (wrong kind or damaged)")
            })?;
        Ok(signer)
    }

    /// `claims` as a compact JWS.
    pub(crate) fn sign(&self, claims: &Value) -> Result<String, jsonwebtoken::errors::Error> {
        let mut header = Header::new(self.algorithm);
        header.kid = self.kid.clone();
        jsonwebtoken::encode(&header, claims, &self.key)
    }
}

/// The label and DER bytes of the first PEM block of `text`.
fn pem_der(text: &str) -> Option<(String, Vec<u8>)> {
    let start = text.find("-----BEGIN ")?;
    let rest = &text[start + "-----BEGIN ".len()..];
    let (label, rest) = rest.split_once("-----")?;
    let end = rest.find(&format!("-----END {label}-----"))?;
    let body: String = rest[..end].chars().filter(|c| !c.is_whitespace()).collect();
    let der = STANDARD.decode(body).ok()?;
    Some((label.to_owned(), der))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreadable_keys_and_algorithms_are_refused_with_the_reason() {
        assert!(matches!(
            RequestSigner::from_pem("hello", "ES256", None),
            Err(ObieLinkingError::SigningKey(_))
        ));
        let fake = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";
        assert!(matches!(
            RequestSigner::from_pem(fake, "ES256", None),
            Err(ObieLinkingError::SigningKey(_))
        ));
        assert!(matches!(
            RequestSigner::from_pem(fake, "HS256", None),
            Err(ObieLinkingError::SigningAlgorithm(_))
        ));
        assert_eq!(
            pem_der("x\n-----BEGIN A B-----\nAQI=\n-----END A B-----"),
            Some(("A B".to_owned(), vec![1, 2]))
        );
    }

    #[test]
    fn ps256_signs_with_a_pkcs1_rsa_key_and_the_signature_verifies() {
        let private = include_str!("../../tests/keys/ps256-test-only.pem");
        let public = include_str!("../../tests/keys/ps256-test-only.pub.pem");
        let signer = RequestSigner::from_pem(private, "PS256", Some("rsa-1".into())).unwrap();
        assert!(matches!(
            RequestSigner::from_pem(private, "ES256", None),
            Err(ObieLinkingError::SigningKey(_))
        ));
        let jwt = signer
            .sign(
                &serde_json::json!({ "openbanking_intent_id": "aac-1", "exp": 4_102_444_800_i64 }),
            )
            .unwrap();
        let header = jsonwebtoken::decode_header(&jwt).unwrap();
        assert_eq!(header.alg, Algorithm::PS256);
        assert_eq!(header.kid.as_deref(), Some("rsa-1"));
        let (_, der) = pem_der(public).unwrap();
        let key = jsonwebtoken::DecodingKey::from_rsa_der(&der);
        let mut validation = jsonwebtoken::Validation::new(Algorithm::PS256);
        validation.required_spec_claims.clear();
        let claims = jsonwebtoken::decode::<Value>(&jwt, &key, &validation).unwrap();
        assert_eq!(claims.claims["openbanking_intent_id"], "aac-1");
        assert!(!format!("{signer:?}").contains("PRIVATE"));
    }
}
