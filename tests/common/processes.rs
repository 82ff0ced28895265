//! What the tests that run real `bankbot serve` processes share: free loopback ports,
//! environment knobs for their long versions and the postcodes their users ask about.

/// Postcodes the demo gazetteer knows; a user's messages cycle through them.
pub const POSTCODES: [&str; 14] = [
    "75002", "75003", "75004", "75005", "75006", "75007", "75008", "75009", "75010", "75011",
    "75012", "75013", "75014", "75015",
];

/// A number from the environment variable `name`, or `default`.
pub fn knob(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A loopback port nothing listens on now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap()
}
