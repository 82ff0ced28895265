//! Files and directories the bot creates are its own: files readable and writable by the
//! owner only (0600), directories 0700. Used for the database, the key file, the demo's
//! secrets and kept replies. [`load_or_create_secret`] is the one way a generated secret
//! (the encryption key, the demo's webhook secrets, the alerts secret) reaches the disk.
//! On other platforms than Unix the helpers fall back to the default permissions.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The mode of every file the bot creates.
pub const FILE_MODE: u32 = 0o600;
/// The mode of every directory the bot creates.
pub const DIR_MODE: u32 = 0o700;

/// Creates `dir` and its missing parents with mode 0700 (existing ones are left as they
/// are: the operator may have chosen them).
pub fn create_private_dir_all(dir: &Path) -> std::io::Result<()> {
    if dir.as_os_str().is_empty() || dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, DIR_MODE);
    builder.create(dir)
}

/// Removes group and other permissions from an existing file the bot owns (one written by
/// a version that did not restrict it). Returns `true` when the mode changed; a missing
/// file is not an error.
pub fn restrict_to_owner(path: &Path) -> std::io::Result<bool> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
            Err(e) => return Err(e),
        };
        let mode = meta.permissions().mode();
        if mode & 0o077 != 0 {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode & 0o700))?;
            return Ok(true);
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(false)
}

/// [`restrict_to_owner`], logging instead of failing (the bot still starts).
pub fn tighten(path: &Path) {
    match restrict_to_owner(path) {
        Ok(true) => tracing::warn!(path = %path.display(), "file was readable by others; now 0600"),
        Ok(false) => {}
        Err(err) => {
            tracing::warn!(path = %path.display(), %err, "cannot restrict the file to its owner");
        }
    }
}

/// Options that create a file with mode 0600 (the mode applies only when it is created).
pub fn private_options() -> std::fs::OpenOptions {
    #[allow(unused_mut)]
    let mut options = std::fs::OpenOptions::new();
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, FILE_MODE);
    options
}

/// The folder of `path` (created 0700 when missing) and a fresh temporary name in it,
/// `.<file name>.<random>.<suffix>`.
fn temp_beside(path: &Path, suffix: &str) -> std::io::Result<(PathBuf, PathBuf)> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    create_private_dir_all(&dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.{:016x}.{suffix}", rand::random::<u64>()));
    Ok((dir, temp))
}

/// Replaces `path` with `data` safely: written to a temporary file beside it (mode 0600),
/// flushed to disk, then renamed over `path`, so a crash leaves the old or the new content,
/// never a mix. Creates the parent directory (0700) when missing.
pub fn write_private(path: &Path, data: &[u8]) -> std::io::Result<()> {
    let (dir, temp) = temp_beside(path, "tmp")?;
    let written = (|| {
        let mut file = private_options().write(true).create_new(true).open(&temp)?;
        file.write_all(data)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written?;
    // The rename is durable once the directory is.
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// What [`load_or_create_secret`] does with an existing file whose text it cannot parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhenUnparsable {
    /// Refuse: the file may hold something that cannot be regenerated (an encryption key
    /// data was sealed with).
    Refuse,
    /// Replace it with a fresh secret (one anybody can regenerate, e.g. a demo's).
    Replace,
}

/// Why [`load_or_create_secret`] failed.
#[derive(Debug)]
pub enum SecretFileError<E> {
    /// The file or its folder could not be read or written.
    Io(std::io::Error),
    /// The existing file does not hold a secret ([`WhenUnparsable::Refuse`]).
    Unparsable(E),
}

/// Reads the secret kept at `path` with `parse`, or creates the file with `fresh()` (the
/// value and its text): created new (never over a file another process wrote meanwhile,
/// whose secret is then used), mode 0600 in a folder created 0700, flushed to disk before
/// it is visible under `path` and complete once it is. An existing file readable by others
/// is restricted. Returns the secret and `true` when it was generated here.
pub fn load_or_create_secret<T, E>(
    path: &Path,
    parse: impl Fn(&str) -> Result<T, E>,
    fresh: impl FnOnce() -> (T, String),
    when_unparsable: WhenUnparsable,
) -> Result<(T, bool), SecretFileError<E>> {
    match std::fs::read_to_string(path) {
        Ok(text) => match parse(&text) {
            Ok(secret) => {
                tighten(path);
                return Ok((secret, false));
            }
            Err(e) if when_unparsable == WhenUnparsable::Refuse => {
                return Err(SecretFileError::Unparsable(e));
            }
            Err(_) => {
                let (secret, text) = fresh();
                write_private(path, text.as_bytes()).map_err(SecretFileError::Io)?;
                return Ok((secret, true));
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(SecretFileError::Io(e)),
    }
    let (secret, text) = fresh();
    match create_new_private(path, text.as_bytes()) {
        Ok(()) => Ok((secret, true)),
        // Another process created it first: use theirs (complete, see `create_new_private`).
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let text = std::fs::read_to_string(path).map_err(SecretFileError::Io)?;
            parse(&text)
                .map(|secret| (secret, false))
                .map_err(SecretFileError::Unparsable)
        }
        Err(e) => Err(SecretFileError::Io(e)),
    }
}

/// Creates `path` holding `data`, failing with `AlreadyExists` when it exists: written and
/// flushed to a temporary file beside it (0600), then hard-linked to `path`, so a reader
/// never sees a partly written file. Where hard links are not supported the file is
/// created in place (create-new, 0600, flushed).
fn create_new_private(path: &Path, data: &[u8]) -> std::io::Result<()> {
    let (dir, temp) = temp_beside(path, "new")?;
    let write_new = |target: &Path| -> std::io::Result<()> {
        let mut file = private_options()
            .write(true)
            .create_new(true)
            .open(target)?;
        file.write_all(data)?;
        file.sync_all()
    };
    write_new(&temp)?;
    let linked = std::fs::hard_link(&temp, path);
    let _ = std::fs::remove_file(&temp);
    match linked {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(e),
        Err(_) => write_new(path)?,
    }
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn private_dirs_files_and_replacement() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("a/b");
        create_private_dir_all(&dir).unwrap();
        assert_eq!((mode(&root.path().join("a")), mode(&dir)), (0o700, 0o700));
        let file = dir.join("f.txt");
        write_private(&file, b"one").unwrap();
        write_private(&file, b"two").unwrap();
        assert_eq!(std::fs::read(&file).unwrap(), b"two");
        assert_eq!(mode(&file), 0o600);
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            1,
            "no temp file left"
        );
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(restrict_to_owner(&file).unwrap());
        assert_eq!(mode(&file), 0o600);
        assert!(!restrict_to_owner(&file).unwrap());
        assert!(!restrict_to_owner(&dir.join("missing")).unwrap());
    }

    fn number(text: &str) -> Result<u32, std::num::ParseIntError> {
        text.trim().parse()
    }

    #[test]
    fn a_secret_is_created_once_private_and_then_read() {
        let root = tempfile::tempdir().unwrap();
        let path = root.path().join("nested/secret");
        let (first, created) =
            load_or_create_secret(&path, number, || (7, "7\n".into()), WhenUnparsable::Refuse)
                .unwrap();
        assert_eq!((first, created), (7, true));
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&root.path().join("nested")), 0o700);
        let (again, created) =
            load_or_create_secret(&path, number, || (8, "8".into()), WhenUnparsable::Refuse)
                .unwrap();
        assert_eq!((again, created), (7, false));
        assert_eq!(
            std::fs::read_dir(root.path().join("nested"))
                .unwrap()
                .count(),
            1,
            "no temporary file left"
        );
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        load_or_create_secret(&path, number, || (8, "8".into()), WhenUnparsable::Refuse).unwrap();
        assert_eq!(mode(&path), 0o600);
    }

    #[test]
    fn an_unparsable_secret_is_refused_or_replaced_as_asked() {
        let root = tempfile::tempdir().unwrap();
        let path = root.path().join("secret");
        std::fs::write(&path, "not a number").unwrap();
        let refused =
            load_or_create_secret(&path, number, || (1, "1".into()), WhenUnparsable::Refuse);
        assert!(matches!(refused, Err(SecretFileError::Unparsable(_))));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "not a number");
        let (replaced, created) =
            load_or_create_secret(&path, number, || (2, "2".into()), WhenUnparsable::Replace)
                .unwrap();
        assert_eq!((replaced, created), (2, true));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "2");
        assert_eq!(mode(&path), 0o600);
    }

    #[test]
    fn create_new_never_overwrites() {
        let root = tempfile::tempdir().unwrap();
        let path = root.path().join("secret");
        create_new_private(&path, b"first").unwrap();
        let again = create_new_private(&path, b"second").unwrap_err();
        assert_eq!(again.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
    }
}
