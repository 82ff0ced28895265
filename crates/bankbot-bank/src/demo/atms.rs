//! The demo bank's few cash machines, searched by a linear scan.

use std::collections::HashMap;

use async_trait::async_trait;
use bankbot_core::GeoPoint;

use super::DemoBank;
use crate::{AtmFilter, AtmLocator, AtmMatch, BankResult};

#[async_trait]
impl AtmLocator for DemoBank {
    async fn nearest(
        &self,
        point: GeoPoint,
        k: usize,
        filter: &AtmFilter,
    ) -> BankResult<Vec<AtmMatch>> {
        // Group machines by site (site id, else identical coordinates).
        let mut sites: HashMap<String, AtmMatch> = HashMap::new();
        for atm in self.inner.atms.iter().filter(|a| filter.accepts(a)) {
            let key = atm
                .site_id
                .clone()
                .unwrap_or_else(|| format!("{:.6},{:.6}", atm.location.lat(), atm.location.lon()));
            sites
                .entry(key)
                .and_modify(|m| m.machines += 1)
                .or_insert_with(|| AtmMatch {
                    atm: atm.clone(),
                    distance_m: point.distance_m(&atm.location),
                    machines: 1,
                });
        }
        let mut matches: Vec<AtmMatch> = sites.into_values().collect();
        matches.sort_by(|a, b| {
            a.distance_m
                .total_cmp(&b.distance_m)
                .then_with(|| a.atm.id.cmp(&b.atm.id))
        });
        matches.truncate(k);
        Ok(matches)
    }
}
