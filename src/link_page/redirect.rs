//! Where the login page may send the customer back with a login code: Meta's account-linking
//! URL only (plus an operator's explicit allow-list), over HTTPS, for the same token; and,
//! when the browser playground is on, exactly its own callback on this machine
//! ([`RedirectPolicy::with_local_callback`]).

use url::Url;

/// The hosts Messenger's `redirect_uri` lives on.
const META_HOSTS: [&str; 3] = ["www.facebook.com", "facebook.com", "m.facebook.com"];
/// The path every Messenger account-linking redirect starts with.
const META_PATH: &str = "/messenger_platform/account_linking";

/// Why a `redirect_uri` is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RedirectRefused {
    /// Not an absolute URL.
    #[error("not a URL")]
    Malformed,
    /// Not `https` (an `http://` redirect would expose the code on the network).
    #[error("only https redirects are followed")]
    NotHttps,
    /// Neither Meta's account-linking URL nor an allowed prefix.
    #[error("not Messenger's account-linking URL")]
    NotAllowed,
    /// The URL names another `account_linking_token` than the page was opened with.
    #[error("the redirect belongs to another account-linking token")]
    OtherToken,
}

/// An allow-list entry that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("[security] link_redirect_allow entry {entry:?}: {reason}")]
pub struct BadAllowEntry {
    entry: String,
    reason: &'static str,
}

/// The redirect rules: Meta's URL, plus extra prefixes for a local playground or tests.
#[derive(Debug, Clone, Default)]
pub struct RedirectPolicy {
    extra: Vec<Url>,
    /// The playground's callback: only this origin and exactly this path.
    local: Option<Url>,
}

impl RedirectPolicy {
    /// Meta's account-linking URL and the `https://` prefixes in `allow` (each one an origin
    /// and a path the redirect's path must start with).
    pub fn new(allow: &[String]) -> Result<Self, BadAllowEntry> {
        let extra = allow
            .iter()
            .map(|entry| {
                let bad = |reason| BadAllowEntry {
                    entry: entry.clone(),
                    reason,
                };
                let url = Url::parse(entry).map_err(|_| bad("not an absolute URL"))?;
                if url.scheme() != "https" {
                    return Err(bad("must start with https://"));
                }
                if url.host_str().is_none_or(str::is_empty) {
                    return Err(bad("has no host"));
                }
                if !url.username().is_empty() || url.password().is_some() {
                    return Err(bad("must not carry a user name or password"));
                }
                Ok(url)
            })
            .collect::<Result<_, _>>()?;
        Ok(RedirectPolicy { extra, local: None })
    }

    /// Also allows the playground's own callback: exactly `callback`'s origin and path (no
    /// prefix, any query), which must be `http://` on a loopback address (`127.0.0.0/8`,
    /// `[::1]`, `localhost`) or `https://`.
    pub fn with_local_callback(mut self, callback: &str) -> Result<Self, BadAllowEntry> {
        let bad = |reason| BadAllowEntry {
            entry: callback.to_owned(),
            reason,
        };
        let url = Url::parse(callback).map_err(|_| bad("not an absolute URL"))?;
        if !url.username().is_empty() || url.password().is_some() {
            return Err(bad("must not carry a user name or password"));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(bad("must have no query or fragment"));
        }
        match url.scheme() {
            "https" if url.host_str().is_some_and(|h| !h.is_empty()) => {}
            "http" if is_loopback(&url) => {}
            _ => return Err(bad("must be http:// on a loopback address, or https://")),
        }
        self.local = Some(url);
        Ok(self)
    }

    /// True when an operator allowed more than Meta's URL (`serve` warns).
    pub fn has_extra(&self) -> bool {
        !self.extra.is_empty()
    }

    /// The origins of the extra prefixes (`https://host[:port]`), for the page's
    /// Content-Security-Policy `form-action`.
    pub fn extra_origins(&self) -> Vec<String> {
        self.extra
            .iter()
            .chain(&self.local)
            .map(|url| url.origin().ascii_serialization())
            .collect()
    }

    /// Checks `redirect_uri` for the page opened with `token` and returns it parsed.
    pub fn check(&self, redirect_uri: &str, token: &str) -> Result<Url, RedirectRefused> {
        if redirect_uri
            .chars()
            .any(|c| c.is_control() || c == ' ' || c == '\\')
        {
            return Err(RedirectRefused::Malformed);
        }
        let url = Url::parse(redirect_uri).map_err(|_| RedirectRefused::Malformed)?;
        let local = self.local.as_ref().is_some_and(|cb| is_callback(&url, cb));
        if url.scheme() != "https" && !local {
            return Err(RedirectRefused::NotHttps);
        }
        if !url.username().is_empty() || url.password().is_some() || url.fragment().is_some() {
            return Err(RedirectRefused::NotAllowed);
        }
        if !(local || is_meta(&url) || self.extra.iter().any(|prefix| under(&url, prefix))) {
            return Err(RedirectRefused::NotAllowed);
        }
        let named: Vec<String> = url
            .query_pairs()
            .filter(|(k, _)| k == "account_linking_token")
            .map(|(_, v)| v.into_owned())
            .collect();
        if named.iter().any(|t| t != token) {
            return Err(RedirectRefused::OtherToken);
        }
        if url.query_pairs().any(|(k, _)| k == "authorization_code") {
            return Err(RedirectRefused::NotAllowed);
        }
        Ok(url)
    }
}

/// `https://www.facebook.com/messenger_platform/account_linking…` on the default port.
fn is_meta(url: &Url) -> bool {
    url.port().is_none()
        && url.host_str().is_some_and(|h| META_HOSTS.contains(&h))
        && url.path().starts_with(META_PATH)
}

/// Same origin as `prefix` and a path under its path.
fn under(url: &Url, prefix: &Url) -> bool {
    url.origin() == prefix.origin() && url.path().starts_with(prefix.path())
}

/// Exactly the callback's origin and path.
fn is_callback(url: &Url, callback: &Url) -> bool {
    url.origin() == callback.origin() && url.path() == callback.path()
}

/// `http://` to this machine only.
fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// `redirect` with `authorization_code={code}` appended to its query.
pub fn with_code(mut redirect: Url, code: &str) -> String {
    redirect
        .query_pairs_mut()
        .append_pair("authorization_code", code);
    redirect.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    const META: &str =
        "https://www.facebook.com/messenger_platform/account_linking/?account_linking_token=T1";

    #[test]
    fn meta_url_is_accepted_for_its_token() {
        let policy = RedirectPolicy::default();
        assert!(policy.check(META, "T1").is_ok());
        for host in ["facebook.com", "m.facebook.com"] {
            let url = format!("https://{host}/messenger_platform/account_linking?x=1");
            assert!(policy.check(&url, "T1").is_ok(), "{url}");
        }
        assert_eq!(
            policy.check(META, "T2"),
            Err(RedirectRefused::OtherToken),
            "a redirect naming another token"
        );
    }

    #[test]
    fn everything_else_is_refused() {
        let policy = RedirectPolicy::default();
        let refused = [
            "https://evil.example/collect",
            "https://evil.example/messenger_platform/account_linking",
            "https://www.facebook.com.evil.example/messenger_platform/account_linking",
            "https://www.facebook.com@evil.example/messenger_platform/account_linking",
            "https://user:pw@www.facebook.com/messenger_platform/account_linking",
            "https://www.facebook.com:8443/messenger_platform/account_linking",
            "https://www.facebook.com/messenger_platform/other",
            "https://www.facebook.com/",
            "https://www.facebook.com/l.php?u=https://evil.example/messenger_platform/account_linking",
            "https://www.facebook.com/messenger_platform/account_linking#frag",
            "https://www.facebook.com/messenger_platform/account_linking?authorization_code=x",
            "http://www.facebook.com/messenger_platform/account_linking",
            "javascript:alert(1)",
            "//www.facebook.com/messenger_platform/account_linking",
            "/messenger_platform/account_linking",
            "https:\\\\evil.example/messenger_platform/account_linking",
            "",
        ];
        for url in refused {
            assert!(policy.check(url, "T1").is_err(), "{url} was accepted");
        }
        assert_eq!(
            policy.check(
                "http://www.facebook.com/messenger_platform/account_linking",
                "T1"
            ),
            Err(RedirectRefused::NotHttps)
        );
    }

    #[test]
    fn allow_list_adds_exact_prefixes_over_https_only() {
        let policy =
            RedirectPolicy::new(&["https://playground.example:8443/linked".to_owned()]).unwrap();
        assert!(policy.has_extra());
        assert!(
            policy
                .check("https://playground.example:8443/linked?t=1", "T1")
                .is_ok()
        );
        for url in [
            "https://playground.example/linked",
            "https://playground.example:8443/other",
            "https://playground.example:8443.evil.example/linked",
            "http://playground.example:8443/linked",
        ] {
            assert!(policy.check(url, "T1").is_err(), "{url} was accepted");
        }
        assert!(RedirectPolicy::new(&["http://localhost/cb".to_owned()]).is_err());
        assert!(RedirectPolicy::new(&["localhost/cb".to_owned()]).is_err());
        assert!(!RedirectPolicy::default().has_extra());
    }

    #[test]
    fn playground_callback_is_allowed_exactly_and_nothing_near_it() {
        let cb = "http://127.0.0.1:8080/playground/linked";
        let policy = RedirectPolicy::default().with_local_callback(cb).unwrap();
        assert!(
            !policy.has_extra(),
            "the callback is not an operator allowance"
        );
        assert_eq!(policy.extra_origins(), vec!["http://127.0.0.1:8080"]);
        assert!(policy.check(cb, "T1").is_ok());
        assert!(
            policy
                .check(&format!("{cb}?account_linking_token=T1"), "T1")
                .is_ok()
        );
        assert!(policy.check(META, "T1").is_ok(), "Meta's URL still works");
        let refused = [
            "http://127.0.0.1:8080/playground/linked/extra",
            "http://127.0.0.1:8080/playground/linkedx",
            "http://127.0.0.1:8080/playground/",
            "http://127.0.0.1:8080/link",
            "http://127.0.0.1:8081/playground/linked",
            "http://localhost:8080/playground/linked",
            "http://127.0.0.2:8080/playground/linked",
            "https://127.0.0.1:8080/playground/linked",
            "http://evil.example:8080/playground/linked",
            "http://127.0.0.1:8080.evil.example/playground/linked",
            "http://user@127.0.0.1:8080/playground/linked",
            "http://127.0.0.1:8080/playground/linked#x",
            "http://127.0.0.1:8080/playground/linked?authorization_code=x",
            "http://127.0.0.1:8080/PLAYGROUND/linked",
            "http://127.0.0.1:8080/playground/%6Cinked",
            "http://127.0.0.1:8080/playground/./linked/..",
            "http://evil.example/messenger_platform/account_linking",
        ];
        for url in refused {
            assert!(policy.check(url, "T1").is_err(), "{url} was accepted");
        }
        assert_eq!(
            policy.check(&format!("{cb}?account_linking_token=T2"), "T1"),
            Err(RedirectRefused::OtherToken)
        );
        assert!(
            RedirectPolicy::default().check(cb, "T1").is_err(),
            "without the playground, the callback is refused"
        );
    }

    #[test]
    fn playground_callback_must_be_loopback_or_https() {
        for ok in [
            "http://127.0.0.1:8080/playground/linked",
            "http://[::1]:8080/playground/linked",
            "http://localhost:8080/playground/linked",
            "https://bot.example/playground/linked",
        ] {
            assert!(
                RedirectPolicy::default().with_local_callback(ok).is_ok(),
                "{ok}"
            );
        }
        for bad in [
            "http://0.0.0.0:8080/playground/linked",
            "http://192.168.1.5:8080/playground/linked",
            "http://bot.example/playground/linked",
            "http://localhost.evil.example/playground/linked",
            "http://u:p@127.0.0.1/playground/linked",
            "http://127.0.0.1/playground/linked?x=1",
            "ftp://127.0.0.1/playground/linked",
            "/playground/linked",
        ] {
            assert!(
                RedirectPolicy::default().with_local_callback(bad).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn code_is_appended_as_a_query_parameter() {
        let url = RedirectPolicy::default().check(META, "T1").unwrap();
        assert_eq!(
            with_code(url, "alc_1 2&3"),
            "https://www.facebook.com/messenger_platform/account_linking/?account_linking_token=T1&authorization_code=alc_1+2%263"
        );
    }
}
