//! The `bankbot` configuration: a TOML file, overridden key by key from the environment.
//!
//! Every key can be set as `BANKBOT_<SECTION>__<KEY>` (for example
//! `BANKBOT_MESSENGER__APP_SECRET`). A value that parses as a TOML value (a number, a
//! boolean, an array) is taken as one; anything else is a string. Configuration is read
//! here only; libraries receive typed options.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// Everything `bankbot serve` and `bankbot chat` need.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// `[server]`
    pub server: ServerConfig,
    /// `[messenger]`
    pub messenger: MessengerConfig,
    /// `[store]`
    pub store: StoreConfig,
    /// `[bank]`
    pub bank: BankConfig,
    /// `[linking]`
    pub linking: LinkingConfig,
    /// `[security]`
    pub security: SecurityConfig,
    /// `[atm]`
    pub atm: AtmConfig,
    /// `[geocoder]`
    pub geocoder: GeocoderConfig,
    /// `[nlu]`
    pub nlu: NluConfig,
    /// `[runtime]`
    pub runtime: RuntimeConfig,
    /// `[alerts]`
    pub alerts: AlertsConfig,
    /// `[privacy]`
    pub privacy: PrivacyConfig,
    /// `[playground]`
    pub playground: PlaygroundConfig,
}

/// `[privacy]`: what the bot's `/privacy` page adds to its own facts.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PrivacyConfig {
    /// The bank's own privacy policy (an `https://` address), linked from `/privacy`.
    pub policy_url: Option<String>,
}

/// `[server]`: where to listen and how the outside world reaches us.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerConfig {
    /// Listen address, default `127.0.0.1:8080`.
    pub listen: SocketAddr,
    /// The public base URL (for the account-link page), default `http://<listen>`.
    pub public_url: Option<String>,
    /// A client must send a request's headers within this many seconds (1 to 30, default
    /// 10); an idle kept-alive connection is closed after as long.
    pub header_timeout_secs: u64,
    /// A client must send a request's body within this many seconds of its headers (1 to
    /// 30, default 10).
    pub body_timeout_secs: u64,
    /// Connections served at once (default 1024); more wait until one closes.
    pub max_connections: usize,
}

/// The longest `[server]` header or body timeout.
pub const MAX_SERVER_TIMEOUT_SECS: u64 = 30;

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            public_url: None,
            header_timeout_secs: 10,
            body_timeout_secs: 10,
            max_connections: 1024,
        }
    }
}

impl ServerConfig {
    /// `public_url` without a trailing slash, or `http://<listen>`.
    pub fn public_url(&self) -> String {
        match &self.public_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => format!("http://{}", self.listen),
        }
    }

    /// The header timeout, body timeout and connection cap, checked.
    pub fn limits(&self) -> Result<ServerLimits, ConfigError> {
        let seconds = |key: &str, secs: u64| {
            if (1..=MAX_SERVER_TIMEOUT_SECS).contains(&secs) {
                Ok(std::time::Duration::from_secs(secs))
            } else {
                Err(ConfigError::Invalid {
                    path: None,
                    message: format!(
                        "[server] {key} = {secs}: 1 to {MAX_SERVER_TIMEOUT_SECS} seconds"
                    ),
                })
            }
        };
        if self.max_connections == 0 {
            return Err(ConfigError::Invalid {
                path: None,
                message: "[server] max_connections must be at least 1".into(),
            });
        }
        Ok(ServerLimits {
            header_timeout: seconds("header_timeout_secs", self.header_timeout_secs)?,
            body_timeout: seconds("body_timeout_secs", self.body_timeout_secs)?,
            max_connections: self.max_connections,
        })
    }
}

/// How long the server waits for clients and how many it serves at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerLimits {
    /// Headers of a request (or the next request on a kept-alive connection) within this.
    pub header_timeout: std::time::Duration,
    /// The whole body of a request within this, counted from its headers.
    pub body_timeout: std::time::Duration,
    /// Connections served at once; further ones wait in the listen queue.
    pub max_connections: usize,
}

/// `[messenger]`: the Facebook app and page. `Debug` redacts the tokens and the secret.
#[derive(Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MessengerConfig {
    /// The token Meta echoes during webhook verification.
    pub verify_token: Option<String>,
    /// The app secret that signs webhooks.
    pub app_secret: Option<String>,
    /// The page access token for the Send API; without it replies are logged and kept.
    pub page_access_token: Option<String>,
    /// Graph API base URL (tests point it at a local server).
    pub graph_api_url: Option<String>,
    /// Graph API version, e.g. `v21.0`.
    pub api_version: Option<String>,
    /// The Page Inbox app id for handover.
    pub page_inbox_app_id: Option<String>,
    /// Send API calls per second for the Page (default 250, under Meta's per-Page limit).
    pub sends_per_second: Option<u32>,
    /// The Page ids this bot serves; events for any other Page are acknowledged and
    /// ignored (counted in `/metrics`). Empty (the default): every Page.
    pub page_ids: Vec<String>,
}

impl MessengerConfig {
    /// The Page Inbox app id that takes handed-over threads (Meta's own by default).
    pub fn page_inbox_app_id(&self) -> Result<u64, ConfigError> {
        match &self.page_inbox_app_id {
            Some(id) => id.trim().parse().map_err(|_| ConfigError::Invalid {
                path: None,
                message: "[messenger] page_inbox_app_id must be a number".into(),
            }),
            None => Ok(bankbot_messenger::PAGE_INBOX_APP_ID),
        }
    }

    /// Send API options from this table; `None` without a page access token (the demo then
    /// keeps replies locally). The one place `[messenger]` becomes a client configuration.
    /// A page access token needs the app secret: every Graph call carries
    /// `appsecret_proof`.
    pub fn send_options(&self) -> Result<Option<bankbot_messenger::SendOptions>, ConfigError> {
        let Some(token) = self.page_access_token.as_deref().filter(|t| !t.is_empty()) else {
            return Ok(None);
        };
        let Some(app_secret) = self.app_secret.as_deref().filter(|s| !s.is_empty()) else {
            return Err(ConfigError::Invalid {
                path: None,
                message: "[messenger] page_access_token needs app_secret (every Graph API \
                          call carries its appsecret_proof)"
                    .into(),
            });
        };
        let mut options = bankbot_messenger::SendOptions::new(token);
        options.app_secret = Some(app_secret.to_owned());
        if let Some(url) = &self.graph_api_url {
            options.graph_api_url = url.trim_end_matches('/').to_owned();
        }
        if let Some(version) = &self.api_version {
            options.api_version = version.clone();
        }
        if let Some(rate) = self.sends_per_second {
            options.sends_per_second = rate.max(1);
        }
        options.page_inbox_app_id = self.page_inbox_app_id()?;
        Ok(Some(options))
    }
}

/// `[store]`. `Debug` redacts a password in the URL.
#[derive(Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StoreConfig {
    /// `sqlite://path` (default `sqlite://./bankbot-data/bankbot.db`) or `postgres://…`.
    pub url: Option<String>,
}

/// Default data directory of the demo.
pub const DEFAULT_DATA_DIR: &str = "bankbot-data";

impl StoreConfig {
    /// The store URL, defaulting to SQLite in `./bankbot-data/`.
    pub fn url(&self) -> String {
        self.url
            .clone()
            .unwrap_or_else(|| format!("sqlite://./{DEFAULT_DATA_DIR}/bankbot.db"))
    }

    /// The folder of the SQLite database (where a generated key file is kept), if SQLite.
    pub fn sqlite_dir(&self) -> Option<PathBuf> {
        let url = self.url();
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))?;
        let path = path.split('?').next().unwrap_or(path);
        Some(
            Path::new(path)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from(".")),
        )
    }
}

/// `[bank]`: which connector serves customers' data. `Debug` shows the connector keys but
/// redacts every value not known to be public (client secrets, extra headers, …).
#[derive(Clone, Deserialize)]
#[serde(default)]
pub struct BankConfig {
    /// `demo` (default) or `obie`.
    pub kind: String,
    /// Demo bank fixtures file (default: the built-in fixtures).
    pub fixtures: Option<PathBuf>,
    /// How customers reach the bank for what the bot cannot do here (a phone number such
    /// as "+1 800 555 0100", or a web address): given when a capability is missing ("I
    /// can't lock cards here — … call us on +1 800 555 0100").
    pub contact: Option<String>,
    /// Connector-specific keys, passed to the connector's own options.
    #[serde(flatten)]
    pub connector: toml::Table,
}

impl Default for BankConfig {
    fn default() -> Self {
        BankConfig {
            kind: "demo".to_owned(),
            fixtures: None,
            contact: None,
            connector: toml::Table::new(),
        }
    }
}

/// `[linking]`: how customers sign in to link their account. `kind = "demo"` (the default)
/// keeps the bank's own login form (`[bank]`'s); `kind = "oauth"` sends them to the bank's
/// OAuth 2.0 / OpenID Connect login (authorization code + PKCE). `Debug` redacts the
/// client secret.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LinkingConfig {
    /// `demo` (default), `oauth` or `obie` (an Open Banking account-access consent,
    /// authorised at the bank: needs `[bank] kind = "obie"` or `consents_url`).
    pub kind: String,
    /// The bank's authorization endpoint (discovered from `issuer` when absent).
    pub authorization_endpoint: Option<String>,
    /// The bank's token endpoint (discovered from `issuer` when absent).
    pub token_endpoint: Option<String>,
    /// Who the customer is, when no ID token says it (optional).
    pub userinfo_endpoint: Option<String>,
    /// The issuer: checks ID tokens, and the endpoints not given come from its
    /// `/.well-known/openid-configuration`.
    pub issuer: Option<String>,
    /// The issuer's signing keys (discovered from `issuer` when absent).
    pub jwks_uri: Option<String>,
    /// Where credentials are revoked at unlink (RFC 7009; optional, discovered).
    pub revocation_endpoint: Option<String>,
    /// The bot's client id at the bank.
    pub client_id: Option<String>,
    /// The bot's client secret, sent with `client_secret_basic`.
    pub client_secret: Option<String>,
    /// Scopes asked for (default `["openid"]`; `["openid", "accounts"]` with `kind = "obie"`).
    pub scopes: Vec<String>,
    /// `kind = "obie"`: the PEM file of the key that signs request objects (PKCS#8 P-256
    /// for ES256, PKCS#1 RSA for PS256).
    pub signing_key_file: Option<PathBuf>,
    /// `kind = "obie"`: the key's id at the bank (`kid`).
    pub signing_key_id: Option<String>,
    /// `kind = "obie"`: `ES256` (default) or `PS256`.
    pub signing_algorithm: Option<String>,
    /// `kind = "obie"`: days until a new consent expires (default 90).
    pub consent_days: Option<u32>,
    /// `kind = "obie"`: the account-access-consents endpoint (default
    /// `{[bank] base_url}/account-access-consents`).
    pub consents_url: Option<String>,
}

impl Default for LinkingConfig {
    fn default() -> Self {
        LinkingConfig {
            kind: "demo".to_owned(),
            authorization_endpoint: None,
            token_endpoint: None,
            userinfo_endpoint: None,
            issuer: None,
            jwks_uri: None,
            revocation_endpoint: None,
            client_id: None,
            client_secret: None,
            scopes: vec!["openid".to_owned()],
            signing_key_file: None,
            signing_key_id: None,
            signing_algorithm: None,
            consent_days: None,
            consents_url: None,
        }
    }
}

/// `[security]`. `Debug` redacts the encryption key.
#[derive(Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SecurityConfig {
    /// 64 hex characters (AES-256). When absent a key is generated once and kept in a file
    /// beside the SQLite database, with a warning.
    pub encryption_key: Option<String>,
    /// Card actions need an authentication younger than this many minutes (default 15).
    pub card_action_max_auth_age_minutes: Option<u32>,
    /// `https://` prefixes the login page may redirect to besides Meta's account-linking
    /// URL (a local playground, tests). Empty by default; `serve` warns when it is not.
    pub link_redirect_allow: Vec<String>,
}

/// `[atm]`
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AtmConfig {
    /// ATM files (Open Banking ATM JSON, or bankbot CSV/JSON); the demo network when empty.
    pub files: Vec<PathBuf>,
}

/// `[geocoder]`
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct GeocoderConfig {
    /// A gazetteer folder laid out like `shared/data/gazetteer`; the demo gazetteer when absent.
    pub gazetteer: Option<PathBuf>,
}

/// `[nlu]`
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct NluConfig {
    /// The intents folder (default: `./intents`, else the one built in at compile time).
    pub intents: Option<PathBuf>,
}

/// `[runtime]`
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RuntimeConfig {
    /// Inbox worker loops (default 2): each claims a batch, answers up to 16 of its turns at
    /// once and records them together, so two already keep a small machine's cores busy;
    /// more mainly add claims and completions that queue on the store.
    pub workers: Option<usize>,
    /// Events one inbox worker claims at a time (default 64, at most
    /// [`MAX_DISPATCH_BATCH`]): the claim, the batch's reads and the recording of its
    /// outcomes are shared by its events. Whatever the batch, a worker runs at most 16
    /// turns at once, so the turns' own store calls stay within the connection pool; a
    /// batch of 64 therefore lasts up to four times the longest turn, which
    /// `claim_timeout_secs` must stay above.
    pub batch: Option<u32>,
    /// Set when several instances share one PostgreSQL database: a claimed event or reply
    /// older than this many seconds belonged to an instance that died and is taken back
    /// (checked at start-up, then periodically). Unset (one instance), everything claimed
    /// is taken back at start-up. Claims are fenced: a turn outliving it is answered once,
    /// by the instance that claims it next (its own results are dropped), and a reply is
    /// only sent within the first half of its claim. Choose it above the longest turn (bank
    /// timeouts included) and above twice the Send API timeout (10 s), e.g. 60 to 300.
    pub claim_timeout_secs: Option<u64>,
}

/// Most events an inbox worker may claim at once (`[runtime] batch`): its claims are held
/// until the whole batch is recorded, so a larger one delays every reply of the batch
/// behind its slowest turn.
pub const MAX_DISPATCH_BATCH: u32 = 256;

impl RuntimeConfig {
    /// `batch`, checked: 1 to [`MAX_DISPATCH_BATCH`]; `None` when unset (the runtime's
    /// default).
    pub fn dispatch_batch(&self) -> Result<Option<u32>, ConfigError> {
        match self.batch {
            None => Ok(None),
            Some(batch @ 1..=MAX_DISPATCH_BATCH) => Ok(Some(batch)),
            Some(other) => Err(ConfigError::Invalid {
                path: None,
                message: format!("[runtime] batch = {other}: 1 to {MAX_DISPATCH_BATCH} events"),
            }),
        }
    }
}

/// `[playground]`: the browser playground at `/playground` (a developer tool: it talks to
/// the bot as any customer, so it is off with a real bank unless explicitly allowed).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PlaygroundConfig {
    /// On or off; unset: on with the demo bank, off otherwise.
    pub enabled: Option<bool>,
    /// Required, besides `enabled = true`, to run the playground with a bank other than the
    /// demo bank (start-up is refused otherwise).
    pub allow_real_bank: bool,
    /// Serve the playground to other machines too; by default only clients on this machine
    /// (loopback addresses) get it.
    pub allow_remote: bool,
}

/// `[alerts]`: proactive alerts from the bank (`POST /alerts`). `Debug` redacts the secret.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AlertsConfig {
    /// The HMAC secret the bank signs alerts with. When absent, the demo generates one and
    /// keeps it in `alerts.secret` beside the SQLite database.
    pub secret: Option<String>,
    /// Fraud alerts are on until the customer switches them off (default true).
    pub fraud_on_by_default: bool,
    /// Quiet hours in the customer's time zone, `HH:MM-HH:MM` (default `22:00-07:00`;
    /// empty or `off` for none). Fraud alerts are exempt.
    pub quiet_hours: String,
    /// Customers' time zone when an alert carries none: an IANA name (`America/New_York`),
    /// `UTC` or `±HH:MM` (default UTC).
    pub default_time_zone: String,
    /// An approved Messenger utility-message template for alerts outside the 24-hour
    /// window, whose body has one parameter (the alert's text); without it such alerts wait
    /// for the customer's next message.
    pub utility_template: Option<String>,
    /// An approved template for out-of-window fraud checks: the same body parameter and two
    /// POSTBACK buttons, "yes, it was me" then "no" (optional).
    pub utility_fraud_template: Option<String>,
    /// The body parameter's name when the templates use `parameter_format: NAMED`
    /// (default: positional `{{1}}`).
    pub utility_parameter_name: Option<String>,
    /// The templates' language code for English customers (default `en`).
    pub utility_language_en: String,
    /// The templates' language code for French customers (default `fr`).
    pub utility_language_fr: String,
}

impl Default for AlertsConfig {
    fn default() -> Self {
        AlertsConfig {
            secret: None,
            fraud_on_by_default: true,
            quiet_hours: "22:00-07:00".to_owned(),
            default_time_zone: "UTC".to_owned(),
            utility_template: None,
            utility_fraud_template: None,
            utility_parameter_name: None,
            utility_language_en: "en".to_owned(),
            utility_language_fr: "fr".to_owned(),
        }
    }
}

/// What `Debug` prints in place of a secret.
pub const REDACTED: &str = "[redacted]";

/// Prints [`REDACTED`], unquoted.
struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

/// `Some([redacted])` for a secret that is set, `None` otherwise.
fn secret(value: &Option<String>) -> Option<Redacted> {
    value.as_ref().map(|_| Redacted)
}

/// A URL for logs and `Debug`: the password of its user information and the values of
/// query parameters that look secret (`password`, `…token…`, `…secret…`, `…key…`) become
/// [`REDACTED`]; the rest (scheme, user, host, path) stays, to tell configurations apart.
pub fn redact_url(url: &str) -> String {
    let (main, query) = match url.split_once('?') {
        Some((main, query)) => (main, Some(query)),
        None => (url, None),
    };
    let mut out = String::with_capacity(url.len());
    match main.split_once("://") {
        // Everything before the last `@` is user information, even if a password holds a
        // `/` it should have escaped: better a lost host than a printed password.
        Some((scheme, rest)) => match rest.rsplit_once('@') {
            Some((userinfo, host)) => {
                let user = userinfo.split_once(':').map(|(user, _)| user);
                out.push_str(scheme);
                out.push_str("://");
                match user {
                    Some(user) => {
                        out.push_str(user);
                        out.push(':');
                        out.push_str(REDACTED);
                    }
                    None => out.push_str(userinfo),
                }
                out.push('@');
                out.push_str(host);
            }
            None => out.push_str(main),
        },
        None => out.push_str(main),
    }
    if let Some(query) = query {
        let secretish = |key: &str| {
            let key = key.to_ascii_lowercase();
            ["pass", "secret", "token", "key"]
                .iter()
                .any(|w| key.contains(w))
        };
        let pairs: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((key, _)) if secretish(key) => format!("{key}={REDACTED}"),
                _ => pair.to_owned(),
            })
            .collect();
        out.push('?');
        out.push_str(&pairs.join("&"));
    }
    out
}

// `Debug` for the sections holding secrets. Each destructures its section completely, so a
// field added later does not compile until someone decides whether it is a secret.

impl fmt::Debug for MessengerConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let MessengerConfig {
            verify_token,
            app_secret,
            page_access_token,
            graph_api_url,
            api_version,
            page_inbox_app_id,
            sends_per_second,
            page_ids,
        } = self;
        f.debug_struct("MessengerConfig")
            .field("verify_token", &secret(verify_token))
            .field("app_secret", &secret(app_secret))
            .field("page_access_token", &secret(page_access_token))
            .field("graph_api_url", &graph_api_url.as_deref().map(redact_url))
            .field("api_version", api_version)
            .field("page_inbox_app_id", page_inbox_app_id)
            .field("sends_per_second", sends_per_second)
            .field("page_ids", page_ids)
            .finish()
    }
}

impl fmt::Debug for LinkingConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let LinkingConfig {
            kind,
            authorization_endpoint,
            token_endpoint,
            userinfo_endpoint,
            issuer,
            jwks_uri,
            revocation_endpoint,
            client_id,
            client_secret,
            scopes,
            signing_key_file,
            signing_key_id,
            signing_algorithm,
            consent_days,
            consents_url,
        } = self;
        let url = |u: &Option<String>| u.as_deref().map(redact_url);
        f.debug_struct("LinkingConfig")
            .field("kind", kind)
            .field("authorization_endpoint", &url(authorization_endpoint))
            .field("token_endpoint", &url(token_endpoint))
            .field("userinfo_endpoint", &url(userinfo_endpoint))
            .field("issuer", &url(issuer))
            .field("jwks_uri", &url(jwks_uri))
            .field("revocation_endpoint", &url(revocation_endpoint))
            .field("client_id", client_id)
            .field("client_secret", &secret(client_secret))
            .field("scopes", scopes)
            .field("signing_key_file", signing_key_file)
            .field("signing_key_id", signing_key_id)
            .field("signing_algorithm", signing_algorithm)
            .field("consent_days", consent_days)
            .field("consents_url", &url(consents_url))
            .finish()
    }
}

impl fmt::Debug for StoreConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let StoreConfig { url } = self;
        f.debug_struct("StoreConfig")
            .field("url", &url.as_deref().map(redact_url))
            .finish()
    }
}

/// `[bank]` keys whose values are not secret (the reference connector's options); any
/// other key's value is redacted.
const PUBLIC_BANK_KEYS: &[&str] = &[
    "base_url",
    "token_url",
    "client_id",
    "request_timeout_ms",
    "connect_timeout_ms",
    "call_timeout_ms",
    "retries",
    "max_pages",
    "max_body_bytes",
    "default_currency",
    "recent_window_days",
];

/// A `[bank]` connector table with the values of non-public keys redacted.
struct BankKeys<'a>(&'a toml::Table);

/// One value of [`BankKeys`].
struct BankValue<'a>(&'a str, &'a toml::Value);

impl fmt::Debug for BankKeys<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.0.iter().map(|(k, v)| (k, BankValue(k, v))))
            .finish()
    }
}

impl fmt::Debug for BankValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.1 {
            _ if !PUBLIC_BANK_KEYS.contains(&self.0) => f.write_str(REDACTED),
            toml::Value::String(s) => fmt::Debug::fmt(&redact_url(s), f),
            toml::Value::Integer(n) => fmt::Debug::fmt(n, f),
            _ => f.write_str(REDACTED),
        }
    }
}

impl fmt::Debug for BankConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let BankConfig {
            kind,
            fixtures,
            contact,
            connector,
        } = self;
        f.debug_struct("BankConfig")
            .field("kind", kind)
            .field("fixtures", fixtures)
            .field("contact", contact)
            .field("connector", &BankKeys(connector))
            .finish()
    }
}

impl fmt::Debug for SecurityConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let SecurityConfig {
            encryption_key,
            card_action_max_auth_age_minutes,
            link_redirect_allow,
        } = self;
        f.debug_struct("SecurityConfig")
            .field("encryption_key", &secret(encryption_key))
            .field(
                "card_action_max_auth_age_minutes",
                card_action_max_auth_age_minutes,
            )
            .field(
                "link_redirect_allow",
                &link_redirect_allow
                    .iter()
                    .map(|prefix| redact_url(prefix))
                    .collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl fmt::Debug for AlertsConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let AlertsConfig {
            secret: alerts_secret,
            fraud_on_by_default,
            quiet_hours,
            default_time_zone,
            utility_template,
            utility_fraud_template,
            utility_parameter_name,
            utility_language_en,
            utility_language_fr,
        } = self;
        f.debug_struct("AlertsConfig")
            .field("secret", &secret(alerts_secret))
            .field("fraud_on_by_default", fraud_on_by_default)
            .field("quiet_hours", quiet_hours)
            .field("default_time_zone", default_time_zone)
            .field("utility_template", utility_template)
            .field("utility_fraud_template", utility_fraud_template)
            .field("utility_parameter_name", utility_parameter_name)
            .field("utility_language_en", utility_language_en)
            .field("utility_language_fr", utility_language_fr)
            .finish()
    }
}

/// A configuration that cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read config file {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Invalid TOML or an unknown or mistyped key.
    #[error("invalid configuration{}: {message}", .path.as_ref().map(|p| format!(" in {}", p.display())).unwrap_or_default())]
    Invalid {
        /// The file, when the problem is in one.
        path: Option<PathBuf>,
        /// What is wrong.
        message: String,
    },
}

impl Config {
    /// Reads `path` (if any), then applies `BANKBOT_<SECTION>__<KEY>` overrides from `env`.
    pub fn load(
        path: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Config, ConfigError> {
        let mut table = match path {
            Some(p) => {
                let text = std::fs::read_to_string(p).map_err(|source| ConfigError::Read {
                    path: p.to_path_buf(),
                    source,
                })?;
                text.parse::<toml::Table>()
                    .map_err(|e| ConfigError::Invalid {
                        path: Some(p.to_path_buf()),
                        message: e.to_string(),
                    })?
            }
            None => toml::Table::new(),
        };
        apply_env(&mut table, env)?;
        Config::deserialize(toml::Value::Table(table)).map_err(|e| ConfigError::Invalid {
            path: path.map(Path::to_path_buf),
            message: e.to_string(),
        })
    }

    /// [`Config::load`] with the process environment.
    pub fn from_file_and_env(path: Option<&Path>) -> Result<Config, ConfigError> {
        Config::load(path, std::env::vars())
    }
}

fn apply_env(
    table: &mut toml::Table,
    env: impl IntoIterator<Item = (String, String)>,
) -> Result<(), ConfigError> {
    for (name, value) in env {
        let Some(rest) = name.strip_prefix("BANKBOT_") else {
            continue;
        };
        let Some((section, key)) = rest.split_once("__") else {
            continue;
        };
        let (section, key) = (section.to_ascii_lowercase(), key.to_ascii_lowercase());
        let parsed = format!("v = {value}")
            .parse::<toml::Table>()
            .ok()
            .and_then(|mut t| t.remove("v"))
            .unwrap_or(toml::Value::String(value));
        let entry = table
            .entry(section.clone())
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        let Some(section_table) = entry.as_table_mut() else {
            return Err(ConfigError::Invalid {
                path: None,
                message: format!("{name}: `{section}` is not a section"),
            });
        };
        section_table.insert(key, parsed);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn defaults_run_the_demo() {
        let c = Config::load(None, env(&[])).unwrap();
        assert_eq!(c.server.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(c.server.public_url(), "http://127.0.0.1:8080");
        assert_eq!(c.bank.kind, "demo");
        assert_eq!(c.store.url(), "sqlite://./bankbot-data/bankbot.db");
        assert_eq!(
            c.store.sqlite_dir().unwrap(),
            PathBuf::from("./bankbot-data")
        );
    }

    #[test]
    fn environment_overrides_the_file() {
        let dir = std::env::temp_dir().join(format!("bankbot-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("bankbot.toml");
        std::fs::write(
            &file,
            "[server]\nlisten = \"0.0.0.0:9000\"\n[messenger]\napp_secret = \"file\"\n",
        )
        .unwrap();
        let c = Config::load(
            Some(&file),
            env(&[
                ("BANKBOT_MESSENGER__APP_SECRET", "from-env"),
                ("BANKBOT_ATM__FILES", "[\"a.json\", \"b.csv\"]"),
                ("BANKBOT_SERVER__PUBLIC_URL", "https://bot.example/"),
                ("BANKBOT_NOW", "2026-11-29"),
            ]),
        )
        .unwrap();
        assert_eq!(c.messenger.app_secret.as_deref(), Some("from-env"));
        assert_eq!(c.server.listen.to_string(), "0.0.0.0:9000");
        assert_eq!(c.atm.files.len(), 2);
        assert_eq!(c.server.public_url(), "https://bot.example");
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn debug_prints_no_secret() {
        let key = format!("{}c0ff", "c0ffee".repeat(10));
        let secrets = [
            "verify-TOKEN-a1",
            "app-SECRET-b2",
            "page-TOKEN-c3",
            "graph-PASSWORD-d4",
            "db-PASSWORD-e5",
            "db-QUERY-PASSWORD-f6",
            key.as_str(),
            "alerts-SECRET-g7",
            "obie-CLIENT-SECRET-h8",
            "header-API-KEY-i9",
            "bank-URL-PASSWORD-j0",
            "linking-CLIENT-SECRET-k1",
        ];
        let c = Config::load(
            None,
            env(&[
                ("BANKBOT_MESSENGER__VERIFY_TOKEN", secrets[0]),
                ("BANKBOT_MESSENGER__APP_SECRET", secrets[1]),
                ("BANKBOT_MESSENGER__PAGE_ACCESS_TOKEN", secrets[2]),
                (
                    "BANKBOT_MESSENGER__GRAPH_API_URL",
                    "https://proxy:graph-PASSWORD-d4@graph.example",
                ),
                (
                    "BANKBOT_STORE__URL",
                    "postgres://bankbot:db-PASSWORD-e5@db.internal:5432/bankbot\
                     ?sslmode=require&password=db-QUERY-PASSWORD-f6",
                ),
                ("BANKBOT_SECURITY__ENCRYPTION_KEY", key.as_str()),
                ("BANKBOT_ALERTS__SECRET", secrets[7]),
                ("BANKBOT_BANK__KIND", "obie"),
                (
                    "BANKBOT_BANK__BASE_URL",
                    "https://tpp:bank-URL-PASSWORD-j0@bank.example/aisp",
                ),
                ("BANKBOT_BANK__CLIENT_ID", "bankbot-client"),
                ("BANKBOT_BANK__CLIENT_SECRET", secrets[8]),
                (
                    "BANKBOT_BANK__EXTRA_HEADERS",
                    "{ x-api-key = \"header-API-KEY-i9\" }",
                ),
                ("BANKBOT_BANK__RETRIES", "4"),
                ("BANKBOT_LINKING__KIND", "oauth"),
                ("BANKBOT_LINKING__CLIENT_SECRET", secrets[11]),
            ]),
        )
        .unwrap();
        // Every secret really is in the configuration...
        assert_eq!(c.messenger.page_access_token.as_deref(), Some(secrets[2]));
        assert_eq!(c.security.encryption_key.as_deref(), Some(key.as_str()));
        assert!(c.bank.connector.contains_key("extra_headers"));
        assert_eq!(c.linking.client_secret.as_deref(), Some(secrets[11]));
        // ... and in none of the ways to print it.
        let printed = [
            format!("{c:?}"),
            format!("{c:#?}"),
            format!("{:?}", c.messenger.send_options()),
        ];
        for text in &printed {
            for secret in &secrets {
                assert!(!text.contains(secret), "{secret} printed in {text}");
            }
            assert!(!text.contains("c0ffeec0ffee"), "{text}");
        }
        // What is not secret still shows, to tell configurations apart.
        let text = &printed[0];
        for public in [
            "db.internal:5432/bankbot",
            "sslmode=require",
            "postgres://bankbot:[redacted]@",
            "bank.example/aisp",
            "bankbot-client",
            "graph.example",
            "\"extra_headers\": [redacted]",
            "\"retries\": 4",
            "app_secret: Some([redacted])",
            "quiet_hours: \"22:00-07:00\"",
        ] {
            assert!(text.contains(public), "{public} missing from {text}");
        }
    }

    #[test]
    fn urls_lose_their_passwords_only() {
        for (url, shown) in [
            (
                "sqlite://./bankbot-data/bankbot.db",
                "sqlite://./bankbot-data/bankbot.db",
            ),
            (
                "postgres://root@127.0.0.1/test",
                "postgres://root@127.0.0.1/test",
            ),
            (
                "postgres://u:p%40ss@h:5432/db?sslmode=require",
                "postgres://u:[redacted]@h:5432/db?sslmode=require",
            ),
            ("postgres://u:pa/ss@h/db", "postgres://u:[redacted]@h/db"),
            (
                "postgres://h/db?user=u&password=pw&sslpassword=x",
                "postgres://h/db?user=u&password=[redacted]&sslpassword=[redacted]",
            ),
            (
                "https://graph.example/v25.0?access_token=t",
                "https://graph.example/v25.0?access_token=[redacted]",
            ),
        ] {
            assert_eq!(redact_url(url), shown, "{url}");
        }
    }

    #[test]
    fn a_page_access_token_needs_the_app_secret() {
        let c = Config::load(
            None,
            env(&[("BANKBOT_MESSENGER__PAGE_ACCESS_TOKEN", "page-token")]),
        )
        .unwrap();
        let err = c.messenger.send_options().unwrap_err().to_string();
        assert!(err.contains("app_secret"), "{err}");
        let c = Config::load(
            None,
            env(&[
                ("BANKBOT_MESSENGER__PAGE_ACCESS_TOKEN", "page-token"),
                ("BANKBOT_MESSENGER__APP_SECRET", "app-secret"),
            ]),
        )
        .unwrap();
        let options = c.messenger.send_options().unwrap().unwrap();
        assert_eq!(options.app_secret.as_deref(), Some("app-secret"));
        assert!(
            Config::load(None, env(&[]))
                .unwrap()
                .messenger
                .send_options()
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn server_limits_have_safe_defaults_and_bounds() {
        let c = Config::load(None, env(&[])).unwrap();
        let limits = c.server.limits().unwrap();
        assert!(limits.header_timeout.as_secs() <= MAX_SERVER_TIMEOUT_SECS);
        assert!(limits.body_timeout.as_secs() <= MAX_SERVER_TIMEOUT_SECS);
        assert_eq!(limits.max_connections, 1024);
        let c = Config::load(
            None,
            env(&[
                ("BANKBOT_SERVER__HEADER_TIMEOUT_SECS", "2"),
                ("BANKBOT_SERVER__BODY_TIMEOUT_SECS", "3"),
                ("BANKBOT_SERVER__MAX_CONNECTIONS", "4"),
                ("BANKBOT_MESSENGER__PAGE_IDS", "[\"104857600000001\"]"),
            ]),
        )
        .unwrap();
        let limits = c.server.limits().unwrap();
        assert_eq!(limits.header_timeout.as_secs(), 2);
        assert_eq!(limits.body_timeout.as_secs(), 3);
        assert_eq!(limits.max_connections, 4);
        assert_eq!(c.messenger.page_ids, vec!["104857600000001".to_owned()]);
        for (key, value) in [
            ("BANKBOT_SERVER__HEADER_TIMEOUT_SECS", "0"),
            ("BANKBOT_SERVER__BODY_TIMEOUT_SECS", "31"),
            ("BANKBOT_SERVER__MAX_CONNECTIONS", "0"),
        ] {
            let c = Config::load(None, env(&[(key, value)])).unwrap();
            assert!(c.server.limits().is_err(), "{key} = {value}");
        }
    }

    #[test]
    fn the_dispatch_batch_is_bounded() {
        let c = Config::load(None, env(&[])).unwrap();
        assert_eq!(c.runtime.dispatch_batch().unwrap(), None);
        for (value, expected) in [("1", 1), ("64", 64), ("256", MAX_DISPATCH_BATCH)] {
            let c = Config::load(None, env(&[("BANKBOT_RUNTIME__BATCH", value)])).unwrap();
            assert_eq!(
                c.runtime.dispatch_batch().unwrap(),
                Some(expected),
                "{value}"
            );
        }
        for value in ["0", "257", "100000"] {
            let c = Config::load(None, env(&[("BANKBOT_RUNTIME__BATCH", value)])).unwrap();
            let err = c.runtime.dispatch_batch().unwrap_err();
            assert!(err.to_string().contains("[runtime] batch"), "{err}");
        }
    }

    #[test]
    fn bad_config_is_a_clear_error() {
        let err =
            Config::load(None, env(&[("BANKBOT_SERVER__LISTEN", "not an address")])).unwrap_err();
        assert!(err.to_string().contains("invalid configuration"), "{err}");
        let err = Config::load(None, env(&[("BANKBOT_SERVR__LISTEN", "x")])).unwrap_err();
        assert!(err.to_string().contains("servr"), "{err}");
        let err = Config::load(Some(Path::new("/no/such/bankbot.toml")), env(&[])).unwrap_err();
        assert!(err.to_string().contains("/no/such/bankbot.toml"), "{err}");
    }
}
