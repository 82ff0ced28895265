//! The signed, timestamped alerts contract:
//!
//! ```text
//! X-Bankbot-Timestamp: <unix seconds>
//! X-Bankbot-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" with [alerts] secret>
//! ```
//!
//! The timestamp is signed with the body, so a captured request cannot be replayed later
//! with a fresh timestamp; one further than [`MAX_SKEW_SECS`] from the bot's system clock
//! is refused. (The intake also remembers alert ids, so a request replayed inside that
//! window, or re-sent by the bank, is never delivered twice.)

use bankbot_core::{HmacKey, sign_hmac_sha256};
use chrono::{DateTime, Utc};

use crate::AlertError;

/// The header carrying the signature.
pub const HEADER: &str = "x-bankbot-signature";

/// The header carrying the signing time, in Unix seconds.
pub const TIMESTAMP_HEADER: &str = "x-bankbot-timestamp";

/// The largest accepted distance, either way, between the timestamp and the bot's clock.
pub const MAX_SKEW_SECS: i64 = 300;

/// The longest accepted timestamp (digits); Unix seconds have 10 until the year 2286.
const MAX_TIMESTAMP_DIGITS: usize = 12;

/// What is signed: `"<timestamp>.<body>"`.
fn signed_parts<'a>(timestamp: &'a str, body: &'a [u8]) -> [&'a [u8]; 3] {
    [timestamp.as_bytes(), b".", body]
}

/// The two headers for `body` signed at `timestamp` (Unix seconds):
/// `(timestamp header value, signature header value)`.
pub fn sign(secret: &[u8], timestamp: i64, body: &[u8]) -> (String, String) {
    let timestamp = timestamp.to_string();
    let digest = sign_hmac_sha256(secret, &signed_parts(&timestamp, body));
    let signature = format!("sha256={}", hex::encode(digest));
    (timestamp, signature)
}

/// Checks a request: the timestamp is 1 to 12 ASCII digits (else
/// [`AlertError::BadTimestamp`]), the signature covers `"<timestamp>.<body>"` (compared in
/// constant time, else [`AlertError::BadSignature`]) and the timestamp is within
/// [`MAX_SKEW_SECS`] of `now` (else [`AlertError::StaleTimestamp`], said only once the
/// signature is known good). An empty secret never verifies. Returns the timestamp.
pub fn verify(
    secret: &[u8],
    timestamp_header: Option<&str>,
    signature_header: Option<&str>,
    body: &[u8],
    now: DateTime<Utc>,
) -> Result<i64, AlertError> {
    let timestamp = timestamp_header
        .map(str::trim)
        .filter(|t| {
            (1..=MAX_TIMESTAMP_DIGITS).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
        })
        .ok_or(AlertError::BadTimestamp)?;
    let seconds: i64 = timestamp.parse().map_err(|_| AlertError::BadTimestamp)?;
    let key = HmacKey::new(secret).ok_or(AlertError::BadSignature)?;
    let hex_sig = signature_header
        .and_then(|h| h.trim().strip_prefix("sha256="))
        .ok_or(AlertError::BadSignature)?;
    let expected = hex::decode(hex_sig).map_err(|_| AlertError::BadSignature)?;
    if !key.verify(&signed_parts(timestamp, body), &expected) {
        return Err(AlertError::BadSignature);
    }
    if (now.timestamp() - seconds).abs() > MAX_SKEW_SECS {
        return Err(AlertError::StaleTimestamp);
    }
    Ok(seconds)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use hmac::{Hmac, Mac};

    type HmacSha256 = Hmac<sha2::Sha256>;

    const BODY: &[u8] = b"{\"id\":\"a1\"}";

    fn now() -> DateTime<Utc> {
        Utc.timestamp_opt(1_800_000_000, 0).unwrap()
    }

    #[test]
    fn signs_timestamp_and_body_and_verifies() {
        let (ts, sig) = sign(b"s3cret", 1_800_000_000, BODY);
        assert_eq!(ts, "1800000000");
        assert!(sig.starts_with("sha256=") && sig.len() == 7 + 64);
        // Exactly HMAC-SHA256("<timestamp>.<body>"), as a bank would compute it.
        let mut plain = HmacSha256::new_from_slice(b"s3cret").unwrap();
        plain.update(b"1800000000.{\"id\":\"a1\"}");
        assert_eq!(
            sig,
            format!("sha256={}", hex::encode(plain.finalize().into_bytes()))
        );
        let ok =
            |ts: &str, sig: &str, body: &[u8]| verify(b"s3cret", Some(ts), Some(sig), body, now());
        assert_eq!(ok(&ts, &sig, BODY).unwrap(), 1_800_000_000);
        assert!(matches!(
            ok(&ts, &sig, b"{\"id\":\"a2\"}"),
            Err(AlertError::BadSignature)
        ));
        assert!(verify(b"other", Some(&ts), Some(&sig), BODY, now()).is_err());
        assert!(ok(&ts, "sha256=zz", BODY).is_err());
        assert!(verify(b"s3cret", Some(&ts), None, BODY, now()).is_err());
        let (ts0, sig0) = sign(b"", 1_800_000_000, BODY);
        assert!(verify(b"", Some(&ts0), Some(&sig0), BODY, now()).is_err());
    }

    #[test]
    fn an_empty_secret_verifies_nothing() {
        // What an attacker can compute without knowing anything.
        let (ts, sig) = sign(b"", 1_800_000_000, BODY);
        assert!(matches!(
            verify(b"", Some(&ts), Some(&sig), BODY, now()),
            Err(AlertError::BadSignature)
        ));
    }

    #[test]
    fn a_signature_over_the_body_alone_is_refused() {
        let mut body_only = HmacSha256::new_from_slice(b"s3cret").unwrap();
        body_only.update(BODY);
        let sig = format!("sha256={}", hex::encode(body_only.finalize().into_bytes()));
        assert!(matches!(
            verify(b"s3cret", Some("1800000000"), Some(&sig), BODY, now()),
            Err(AlertError::BadSignature)
        ));
        assert!(matches!(
            verify(b"s3cret", None, Some(&sig), BODY, now()),
            Err(AlertError::BadTimestamp)
        ));
    }

    #[test]
    fn the_timestamp_is_signed_and_must_be_recent() {
        let (ts, sig) = sign(b"s3cret", 1_800_000_000, BODY);
        // Another timestamp with the same signature: refused.
        assert!(matches!(
            verify(b"s3cret", Some("1800000001"), Some(&sig), BODY, now()),
            Err(AlertError::BadSignature)
        ));
        // 300 s either way is fine; 301 is not.
        for skew in [-300, 0, 300] {
            let at = now() + chrono::Duration::seconds(skew);
            assert!(
                verify(b"s3cret", Some(&ts), Some(&sig), BODY, at).is_ok(),
                "{skew}"
            );
        }
        for skew in [-301, 301, 86_400] {
            let at = now() + chrono::Duration::seconds(skew);
            assert!(
                matches!(
                    verify(b"s3cret", Some(&ts), Some(&sig), BODY, at),
                    Err(AlertError::StaleTimestamp)
                ),
                "{skew}"
            );
        }
    }

    #[test]
    fn missing_or_malformed_timestamps_are_refused() {
        for bad in [
            None,
            Some(""),
            Some(" "),
            Some("-1800000000"),
            Some("+1800000000"),
            Some("1800000000.5"),
            Some("1.8e9"),
            Some("0x6B49D200"),
            Some("1800000000000"),
            Some("99999999999999999999999"),
            Some("2027-01-15T08:00:00Z"),
        ] {
            let ts = bad.unwrap_or_default();
            // Signed over what the header says, or over a well-formed timestamp.
            let signed = sign_hmac_sha256(b"s3cret", &signed_parts(ts, BODY));
            let signed = format!("sha256={}", hex::encode(signed));
            let (_, sig) = sign(b"s3cret", 1_800_000_000, BODY);
            for sig in [signed.as_str(), sig.as_str()] {
                assert!(
                    matches!(
                        verify(b"s3cret", bad, Some(sig), BODY, now()),
                        Err(AlertError::BadTimestamp)
                    ),
                    "{bad:?}"
                );
            }
        }
    }
}
