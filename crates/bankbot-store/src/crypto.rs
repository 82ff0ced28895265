//! Encryption at rest for linked credentials, login codes and queued replies: AES-256-GCM
//! with a random 96-bit nonce per row and associated data binding the row to its owner (a
//! row copied to another user does not decrypt).
//!
//! Stored layout: `version (1 byte) || nonce (12 bytes) || ciphertext and tag`.

use std::fmt;
use std::path::Path;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};

use crate::StoreError;

const VERSION: u8 = 1;

/// The associated data of a queued reply of `user` (distinct from a credential's, so a
/// sealed credential copied into the outbox does not open).
pub(crate) fn outbox_context(user: &str) -> String {
    format!("outbox:{user}")
}
const NONCE_LEN: usize = 12;

/// The 256-bit key that encrypts credentials. `Debug` never prints it.
#[derive(Clone)]
pub struct EncryptionKey([u8; 32]);

impl fmt::Debug for EncryptionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("EncryptionKey(<redacted>)")
    }
}

impl EncryptionKey {
    /// Parses 64 hexadecimal characters (surrounding whitespace ignored).
    pub fn from_hex(text: &str) -> Result<Self, StoreError> {
        let text = text.trim();
        if text.len() != 64 {
            return Err(StoreError::InvalidKey("expected 64 hexadecimal characters"));
        }
        let mut key = [0u8; 32];
        hex::decode_to_slice(text, &mut key)
            .map_err(|_| StoreError::InvalidKey("not hexadecimal"))?;
        Ok(EncryptionKey(key))
    }

    /// A 256-bit key for one `purpose` (e.g. `"link-page-csrf"`, `"audit-chain"`), derived
    /// from this key with HMAC-SHA256: every instance sharing the encryption key derives the
    /// same subkey, different purposes get unrelated keys, and no subkey reveals this key.
    pub fn derive(&self, purpose: &str) -> [u8; 32] {
        use hmac::digest::KeyInit;
        use hmac::{Hmac, Mac};
        // HMAC pads a short key with zeros to the hash's 64-byte block: the same MAC as
        // keying with the 32 bytes, without a fallible constructor.
        let mut block = [0u8; 64];
        block[..32].copy_from_slice(&self.0);
        let mut mac = <Hmac<sha2::Sha256> as KeyInit>::new(&block.into());
        mac.update(b"bankbot-subkey:");
        mac.update(purpose.as_bytes());
        mac.finalize().into_bytes().into()
    }

    /// A fresh random key.
    pub fn generate() -> Self {
        EncryptionKey(rand::random())
    }

    /// The key as 64 lowercase hexadecimal characters (what a key file holds).
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    /// Reads the key file at `path`, or creates it (and its directories, 0700) with a fresh
    /// key, readable by the owner only (0600; an existing key file readable by others is
    /// restricted). Returns the key and `true` when it was generated, so the caller can warn
    /// that a key now lives beside the data.
    pub fn load_or_generate(path: &Path) -> Result<(Self, bool), StoreError> {
        let generated = crate::files::load_or_create_secret(
            path,
            Self::from_hex,
            || {
                let key = Self::generate();
                let text = format!("{}\n", key.to_hex());
                (key, text)
            },
            // Data may be sealed with it: never replaced.
            crate::files::WhenUnparsable::Refuse,
        );
        match generated {
            Ok((key, created)) => {
                if created {
                    tracing::info!(target: "bankbot_store", "generated a new encryption key file");
                }
                Ok((key, created))
            }
            Err(crate::files::SecretFileError::Unparsable(e)) => Err(e),
            Err(crate::files::SecretFileError::Io(source)) => Err(StoreError::KeyFile {
                path: path.to_path_buf(),
                source,
            }),
        }
    }

    fn cipher(&self) -> Aes256Gcm {
        Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&self.0))
    }

    /// Encrypts `plaintext`, binding it to `context` (whose row it is).
    pub(crate) fn seal(&self, plaintext: &str, context: &str) -> Result<Vec<u8>, StoreError> {
        let nonce: [u8; NONCE_LEN] = rand::random();
        let payload = Payload {
            msg: plaintext.as_bytes(),
            aad: context.as_bytes(),
        };
        let sealed = self
            .cipher()
            .encrypt(Nonce::from_slice(&nonce), payload)
            .map_err(|_| StoreError::InvalidInput("too large to encrypt".into()))?;
        let mut out = Vec::with_capacity(1 + NONCE_LEN + sealed.len());
        out.push(VERSION);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    /// Decrypts what [`seal`](Self::seal) produced for the same `context`.
    pub(crate) fn open(&self, stored: &[u8], context: &str) -> Result<String, StoreError> {
        let (version, rest) = stored.split_first().ok_or(StoreError::Decryption)?;
        if *version != VERSION || rest.len() < NONCE_LEN {
            return Err(StoreError::Decryption);
        }
        let (nonce, sealed) = rest.split_at(NONCE_LEN);
        let payload = Payload {
            msg: sealed,
            aad: context.as_bytes(),
        };
        let plain = self
            .cipher()
            .decrypt(Nonce::from_slice(nonce), payload)
            .map_err(|_| StoreError::Decryption)?;
        String::from_utf8(plain).map_err(|_| StoreError::Decryption)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_context_binding() {
        let key = EncryptionKey::generate();
        let sealed = key.seal("tok-secret", "user-1").unwrap();
        assert_eq!(key.open(&sealed, "user-1").unwrap(), "tok-secret");
        assert!(matches!(
            key.open(&sealed, "user-2"),
            Err(StoreError::Decryption)
        ));
        let other = EncryptionKey::generate();
        assert!(matches!(
            other.open(&sealed, "user-1"),
            Err(StoreError::Decryption)
        ));
        assert!(matches!(
            key.open(&[], "user-1"),
            Err(StoreError::Decryption)
        ));
        // Fresh nonce every time.
        assert_ne!(sealed, key.seal("tok-secret", "user-1").unwrap());
    }

    #[test]
    fn subkeys_are_stable_per_purpose_and_standard_hmac() {
        use hmac::{Hmac, Mac};
        let key = EncryptionKey::generate();
        let csrf = key.derive("link-page-csrf");
        assert_eq!(csrf, key.derive("link-page-csrf"));
        assert_ne!(csrf, key.derive("audit-chain"));
        assert_ne!(csrf, EncryptionKey::generate().derive("link-page-csrf"));
        let mut mac = <Hmac<sha2::Sha256> as Mac>::new_from_slice(&key.0).unwrap();
        mac.update(b"bankbot-subkey:link-page-csrf");
        assert_eq!(csrf.as_slice(), mac.finalize().into_bytes().as_slice());
    }

    #[test]
    fn hex_parsing() {
        let key = EncryptionKey::generate();
        let again = EncryptionKey::from_hex(&format!(" {}\n", key.to_hex())).unwrap();
        assert_eq!(again.to_hex(), key.to_hex());
        assert!(EncryptionKey::from_hex("abcd").is_err());
        assert!(EncryptionKey::from_hex(&"zz".repeat(32)).is_err());
        assert!(!format!("{key:?}").contains(&key.to_hex()));
    }

    #[test]
    fn key_file_is_created_once_with_owner_only_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/dir/store.key");
        let (key, generated) = EncryptionKey::load_or_generate(&path).unwrap();
        assert!(generated);
        let (again, generated) = EncryptionKey::load_or_generate(&path).unwrap();
        assert!(!generated);
        assert_eq!(key.to_hex(), again.to_hex());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600);
            assert_eq!(mode(&dir.path().join("nested")), 0o700);
            assert_eq!(mode(&dir.path().join("nested/dir")), 0o700);
            // A key file an older version left readable by others is restricted.
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
            EncryptionKey::load_or_generate(&path).unwrap();
            assert_eq!(mode(&path), 0o600);
        }
    }
}
