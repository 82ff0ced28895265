//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

/// `$BANKBOT_SHARED_DATA`, else the first `shared/data` beside the repository root or one of
/// its ancestors (`<repo root>/../shared/data` for the main checkout), when it exists.
pub fn shared_data() -> Option<PathBuf> {
    let found = match std::env::var_os("BANKBOT_SHARED_DATA") {
        Some(dir) => Some(PathBuf::from(dir)).filter(|d| d.is_dir()),
        None => Path::new(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .skip(2)
            .map(|a| a.join("../shared/data"))
            .find(|d| d.is_dir()),
    };
    if found.is_none() {
        println!("skipped: ../shared/data not found (set BANKBOT_SHARED_DATA)");
    }
    found
}
