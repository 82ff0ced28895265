//! `bankbot version`.

use super::CliResult;

/// Prints `bankbot <version>`.
pub fn run() -> CliResult {
    println!("bankbot {}", env!("CARGO_PKG_VERSION"));
    Ok(())
}
