//! Latency percentiles over a sorted sample (nearest-rank, exact; samples are few enough
//! to keep them all).

use serde::Serialize;
use std::time::Duration;

/// Summary of one latency sample, in milliseconds (`None` when the sample is empty).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LatencySummary {
    /// Number of observations.
    pub count: usize,
    /// Median.
    pub p50_ms: Option<f64>,
    /// 90th percentile.
    pub p90_ms: Option<f64>,
    /// 99th percentile.
    pub p99_ms: Option<f64>,
    /// Largest observation.
    pub max_ms: Option<f64>,
}

/// The nearest-rank `p`-th percentile (0 < p ≤ 100) of an ascending `sorted` sample.
pub fn percentile(sorted: &[Duration], p: f64) -> Option<Duration> {
    if sorted.is_empty() || !(p > 0.0 && p <= 100.0) {
        return None;
    }
    let n = sorted.len();
    // rank = ceil(p/100 * n), computed in integer per-mille to avoid float rounding surprises.
    let per_mille = (p * 10.0).round() as usize;
    let rank = (per_mille * n).div_ceil(1000).clamp(1, n);
    sorted.get(rank - 1).copied()
}

fn ms(d: Duration) -> f64 {
    // Round to microseconds so reports stay readable.
    (d.as_micros() as f64) / 1000.0
}

/// Sorts `samples` and summarises them.
pub fn summarize(mut samples: Vec<Duration>) -> LatencySummary {
    samples.sort_unstable();
    LatencySummary {
        count: samples.len(),
        p50_ms: percentile(&samples, 50.0).map(ms),
        p90_ms: percentile(&samples, 90.0).map(ms),
        p99_ms: percentile(&samples, 99.0).map(ms),
        max_ms: samples.last().copied().map(ms),
    }
}

/// Events per second: `count` over `elapsed` (0 when no time elapsed).
pub fn rate(count: usize, elapsed: Duration) -> f64 {
    let secs = elapsed.as_secs_f64();
    if secs > 0.0 {
        ((count as f64 / secs) * 10.0).round() / 10.0
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn millis(v: &[u64]) -> Vec<Duration> {
        v.iter().map(|m| Duration::from_millis(*m)).collect()
    }

    #[test]
    fn nearest_rank_percentiles() {
        let sorted = millis(&(1..=100).collect::<Vec<_>>());
        assert_eq!(percentile(&sorted, 50.0), Some(Duration::from_millis(50)));
        assert_eq!(percentile(&sorted, 99.0), Some(Duration::from_millis(99)));
        assert_eq!(percentile(&sorted, 100.0), Some(Duration::from_millis(100)));
        assert_eq!(percentile(&sorted, 0.1), Some(Duration::from_millis(1)));
        let four = millis(&[10, 20, 30, 40]);
        assert_eq!(percentile(&four, 50.0), Some(Duration::from_millis(20)));
        assert_eq!(percentile(&four, 99.0), Some(Duration::from_millis(40)));
        assert_eq!(
            percentile(&millis(&[7]), 50.0),
            Some(Duration::from_millis(7))
        );
    }

    #[test]
    fn empty_and_invalid_inputs() {
        assert_eq!(percentile(&[], 50.0), None);
        assert_eq!(percentile(&millis(&[1]), 0.0), None);
        assert_eq!(percentile(&millis(&[1]), 101.0), None);
        assert_eq!(percentile(&millis(&[1]), f64::NAN), None);
        let s = summarize(Vec::new());
        assert_eq!(s.count, 0);
        assert_eq!(s.p99_ms, None);
    }

    #[test]
    fn summarize_sorts_and_reports_ms() {
        let mut sample = millis(&(1..=1000).rev().collect::<Vec<_>>());
        sample.push(Duration::from_micros(2500));
        let s = summarize(sample);
        assert_eq!(s.count, 1001);
        assert_eq!(s.max_ms, Some(1000.0));
        assert_eq!(s.p50_ms, Some(500.0));
        assert_eq!(s.p99_ms, Some(990.0));
        let json = serde_json::to_value(s).unwrap_or_default();
        assert_eq!(json["p90_ms"], 900.0);
    }

    #[test]
    fn rates() {
        assert!((rate(2000, Duration::from_millis(500)) - 4000.0).abs() < 1e-9);
        assert!(rate(5, Duration::ZERO).abs() < 1e-9);
    }
}
