//! A token-bucket rate limiter (per Page) on tokio's clock.

use std::time::Duration;

use tokio::sync::Mutex;
use tokio::time::Instant;

/// Allows `rate` acquisitions per second on average with bursts of up to `burst`.
/// Waiters sleep on tokio's clock (so paused-time tests are exact) and are served in order.
#[derive(Debug)]
pub struct RateLimiter {
    rate: f64,
    burst: f64,
    state: Mutex<Bucket>,
}

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    last: Instant,
}

impl RateLimiter {
    /// `per_second` sends per second (at least 1), bursting up to `burst` (at least 1).
    pub fn new(per_second: u32, burst: u32) -> Self {
        let burst = f64::from(burst.max(1));
        RateLimiter {
            rate: f64::from(per_second.max(1)),
            burst,
            state: Mutex::new(Bucket {
                tokens: burst,
                last: Instant::now(),
            }),
        }
    }

    /// Waits until a send is allowed and takes its token. The lock is held while waiting,
    /// which keeps waiters first-come, first-served.
    pub async fn acquire(&self) {
        let mut bucket = self.state.lock().await;
        loop {
            let now = Instant::now();
            let elapsed = now.saturating_duration_since(bucket.last).as_secs_f64();
            bucket.tokens = (bucket.tokens + elapsed * self.rate).min(self.burst);
            bucket.last = now;
            if bucket.tokens >= 1.0 {
                bucket.tokens -= 1.0;
                return;
            }
            let wait = (1.0 - bucket.tokens) / self.rate;
            tokio::time::sleep(Duration::from_secs_f64(wait.max(0.0))).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn limits_to_the_configured_rate() {
        let limiter = RateLimiter::new(10, 5);
        let start = Instant::now();
        for _ in 0..25 {
            limiter.acquire().await;
        }
        // 5 from the burst, then 20 at 10/s: two seconds of (virtual) time.
        let elapsed = start.elapsed();
        assert!(elapsed >= Duration::from_millis(1990), "{elapsed:?}");
        assert!(elapsed < Duration::from_millis(2100), "{elapsed:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn burst_is_immediate() {
        let limiter = RateLimiter::new(250, 250);
        let start = Instant::now();
        for _ in 0..250 {
            limiter.acquire().await;
        }
        assert_eq!(start.elapsed(), Duration::ZERO);
    }
}
