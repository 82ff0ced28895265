//! Conformance of an [`AtmLocator`].

use bankbot_core::GeoPoint;

use super::{ConformanceFailure, ensure, fail, guarded};
use crate::{AtmFilter, AtmLocator};

/// Asks for the `k` nearest sites around `point`, with and without filters: at most `k`
/// answers, nearest first, distances that agree with the great-circle formula, filters
/// honoured, at least one machine per site.
pub async fn check_atm_locator(
    locator: &dyn AtmLocator,
    point: GeoPoint,
    k: usize,
) -> Result<usize, ConformanceFailure> {
    let filters = [
        AtmFilter::default(),
        AtmFilter {
            deposits: true,
            ..AtmFilter::default()
        },
        AtmFilter {
            open_24h: true,
            ..AtmFilter::default()
        },
    ];
    let mut found = 0;
    for filter in &filters {
        let matches = match guarded("atms.nearest", locator.nearest(point, k, filter)).await? {
            Ok(m) => m,
            Err(e) => return fail("atms.nearest", e.to_string()),
        };
        ensure(matches.len() <= k, "atms.k", || {
            format!("{} answers for k={k}", matches.len())
        })?;
        let mut previous = 0.0f64;
        for m in &matches {
            let expected = point.distance_m(&m.atm.location);
            ensure(
                (m.distance_m - expected).abs() <= 1.0 + expected * 1e-6,
                "atms.distance",
                || format!("{} reported {} m, is {expected} m", m.atm.id, m.distance_m),
            )?;
            ensure(m.distance_m >= previous, "atms.nearest_first", || {
                format!("{} out of order", m.atm.id)
            })?;
            ensure(filter.accepts(&m.atm), "atms.filter", || {
                format!("{} does not pass {filter:?}", m.atm.id)
            })?;
            ensure(m.machines >= 1, "atms.machines", || {
                format!("{} has no machine", m.atm.id)
            })?;
            previous = m.distance_m;
        }
        found = found.max(matches.len());
    }
    let none = guarded(
        "atms.k_zero",
        locator.nearest(point, 0, &AtmFilter::default()),
    )
    .await?;
    ensure(none.is_ok_and(|m| m.is_empty()), "atms.k_zero", || {
        "k = 0 must give no answer".into()
    })?;
    Ok(found)
}
