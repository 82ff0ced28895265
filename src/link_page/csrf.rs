//! Cross-site request forgery protection for `POST /link`: a double-submit token bound to
//! the `account_linking_token`.
//!
//! `GET /link` sets a random nonce in an `HttpOnly`, `SameSite=Strict` cookie scoped to
//! `/link` and puts `HMAC(key, nonce, token)` in the form's hidden `csrf` field. A post is
//! accepted only with both, matching, for the token it carries: another site can neither
//! read the field nor set the cookie, and a field taken from one page does not fit another
//! token. The key is derived from the store's encryption key, so every instance agrees.

use axum::http::HeaderMap;
use axum::http::header::COOKIE;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// The cookie holding the nonce.
pub const COOKIE_NAME: &str = "bankbot_link_csrf";
/// How long the cookie lives (the page is only useful while Meta's token is, 5 minutes).
const COOKIE_MAX_AGE_SECS: u32 = 15 * 60;
const NONCE_HEX_LEN: usize = 32;

/// Issues and checks the tokens. `Debug` hides the key.
#[derive(Clone)]
pub struct CsrfGuard {
    key: [u8; 32],
    secure_cookie: bool,
}

impl std::fmt::Debug for CsrfGuard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CsrfGuard")
            .field("secure_cookie", &self.secure_cookie)
            .finish_non_exhaustive()
    }
}

/// What a freshly shown form carries.
#[derive(Debug, Clone)]
pub struct IssuedCsrf {
    /// The hidden field's value.
    pub field: String,
    /// The `Set-Cookie` header value.
    pub set_cookie: String,
}

impl CsrfGuard {
    /// A guard keyed with `key`; cookies are marked `Secure` when `secure_cookie` (the page
    /// is served over https).
    pub fn new(key: [u8; 32], secure_cookie: bool) -> Self {
        CsrfGuard { key, secure_cookie }
    }

    /// A new nonce for the page opened with `token`.
    pub fn issue(&self, token: &str) -> IssuedCsrf {
        let nonce = random_hex();
        let secure = if self.secure_cookie { "; Secure" } else { "" };
        IssuedCsrf {
            field: self.field_for(&nonce, token),
            set_cookie: format!(
                "{COOKIE_NAME}={nonce}; Path=/link; Max-Age={COOKIE_MAX_AGE_SECS}; HttpOnly; SameSite=Strict{secure}"
            ),
        }
    }

    /// The field for the nonce already in the request's cookie (to show the form again after
    /// a wrong password), when there is one.
    pub fn field_again(&self, headers: &HeaderMap, token: &str) -> Option<String> {
        nonce_of(headers).map(|nonce| self.field_for(nonce, token))
    }

    /// True when the request's cookie and `field` match each other and `token`.
    pub fn verify(&self, headers: &HeaderMap, field: &str, token: &str) -> bool {
        let Some(nonce) = nonce_of(headers) else {
            return false;
        };
        let expected = self.field_for(nonce, token);
        expected.as_bytes().ct_eq(field.trim().as_bytes()).into()
    }

    fn field_for(&self, nonce: &str, token: &str) -> String {
        let mut block = [0u8; 64];
        block[..32].copy_from_slice(&self.key);
        let mut mac = <Hmac<Sha256> as hmac::digest::KeyInit>::new(&block.into());
        mac.update(nonce.as_bytes());
        mac.update(b"\n");
        mac.update(token.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }
}

/// The well-formed nonce in the request's `Cookie` headers.
fn nonce_of(headers: &HeaderMap) -> Option<&str> {
    hex_cookie(headers, COOKIE_NAME)
}

/// A 32-hex-digit random value the page set in cookie `name`, when the request carries a
/// well-formed one.
pub(crate) fn hex_cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().strip_prefix(name)?.strip_prefix('='))
        .find(|nonce| nonce.len() == NONCE_HEX_LEN && nonce.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A fresh 32-hex-digit random value (128 bits).
pub(crate) fn random_hex() -> String {
    hex::encode(rand::random::<[u8; NONCE_HEX_LEN / 2]>())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn with_cookie(set_cookie: &str) -> HeaderMap {
        let pair = set_cookie.split(';').next().unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(
            COOKIE,
            HeaderValue::from_str(&format!("other=1; {pair}")).unwrap(),
        );
        headers
    }

    #[test]
    fn the_field_fits_its_cookie_and_token_only() {
        let guard = CsrfGuard::new([7; 32], true);
        let issued = guard.issue("T1");
        assert!(
            issued.set_cookie.contains("HttpOnly") && issued.set_cookie.contains("SameSite=Strict")
        );
        assert!(issued.set_cookie.ends_with("; Secure"));
        let headers = with_cookie(&issued.set_cookie);
        assert!(guard.verify(&headers, &issued.field, "T1"));
        assert!(
            !guard.verify(&headers, &issued.field, "T2"),
            "another token"
        );
        assert!(
            !guard.verify(&HeaderMap::new(), &issued.field, "T1"),
            "no cookie"
        );
        let other = with_cookie(&guard.issue("T1").set_cookie);
        assert!(
            !guard.verify(&other, &issued.field, "T1"),
            "another browser's cookie"
        );
        assert!(
            !CsrfGuard::new([8; 32], true).verify(&headers, &issued.field, "T1"),
            "another key"
        );
        assert!(!guard.verify(&headers, "", "T1"));
        assert_eq!(
            guard.field_again(&headers, "T1").as_deref(),
            Some(issued.field.as_str())
        );
        assert!(
            !CsrfGuard::new([7; 32], false)
                .issue("T")
                .set_cookie
                .contains("Secure")
        );
    }
}
