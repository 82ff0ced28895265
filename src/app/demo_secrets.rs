//! Webhook secrets the demo generates once and keeps beside its database, so that a
//! developer can try the webhook without a Facebook app.

use std::path::Path;

use rand::Rng;
use serde::{Deserialize, Serialize};

/// The generated verify token and app secret.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DemoSecrets {
    pub verify_token: String,
    pub app_secret: String,
}

/// Reads `dir/messenger-demo.toml`, creating it (mode 0600) with fresh random values the
/// first time.
pub fn load_or_create(dir: &Path) -> std::io::Result<DemoSecrets> {
    let path = dir.join("messenger-demo.toml");
    if let Ok(text) = std::fs::read_to_string(&path)
        && let Ok(secrets) = toml::from_str::<DemoSecrets>(&text)
    {
        return Ok(secrets);
    }
    std::fs::create_dir_all(dir)?;
    let secrets = DemoSecrets {
        verify_token: random_hex(16),
        app_secret: random_hex(32),
    };
    let text = toml::to_string(&secrets).map_err(std::io::Error::other)?;
    write_private(&path, &text)?;
    Ok(secrets)
}

fn random_hex(bytes: usize) -> String {
    let mut rng = rand::rng();
    (0..bytes)
        .map(|_| format!("{:02x}", rng.random::<u8>()))
        .collect()
}

#[cfg(unix)]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(true)
        .write(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(text.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    std::fs::write(path, text)
}
