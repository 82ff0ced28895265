//! The ATM index: machines grouped into sites, sites in a k-d tree of unit vectors.

use async_trait::async_trait;
use bankbot_bank::{AtmFilter, AtmLocator, AtmMatch, BankResult};
use bankbot_core::{Atm, GeoPoint};

use crate::AtmError;
use crate::arena::AtmArena;
use crate::kdtree::KdTree;
use crate::sphere::unit_vector;

/// The machines of one site: a range of `AtmIndex::order`.
#[derive(Debug, Clone, Copy)]
struct Site {
    first: u32,
    count: u32,
}

/// An immutable index of ATMs answering "the k nearest sites passing a filter" exactly, by
/// great-circle distance. Machines with the same `site_id` (within a brand) or the same
/// coordinates form one site.
#[derive(Debug, Default)]
pub struct AtmIndex {
    arena: AtmArena,
    /// Machine numbers, grouped by site.
    order: Vec<u32>,
    sites: Vec<Site>,
    tree: KdTree,
    /// Per brand, the feature combinations present: lets hopeless filters answer at once.
    combos: Vec<(String, u16)>,
}

/// Collects machines one at a time, then builds an [`AtmIndex`] (keeps memory compact).
#[derive(Debug, Default)]
pub struct AtmIndexBuilder {
    arena: AtmArena,
}

impl AtmIndexBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a machine.
    pub fn push(&mut self, atm: &Atm) -> Result<(), AtmError> {
        self.arena.push(atm)
    }

    /// Machines added so far.
    pub fn len(&self) -> usize {
        self.arena.len()
    }

    /// True when nothing was added.
    pub fn is_empty(&self) -> bool {
        self.arena.len() == 0
    }

    /// Groups machines into sites and builds the spatial index.
    pub fn build(self) -> AtmIndex {
        let mut arena = self.arena;
        arena.shrink();
        let (order, sites) = group_sites(&arena);
        let tree = KdTree::build(sites.iter().enumerate().filter_map(|(s, site)| {
            let first = *order.get(site.first as usize)?;
            Some((unit_vector(&arena.point(first)?), s as u32))
        }));
        tracing::debug!(
            machines = arena.len(),
            sites = sites.len(),
            "ATM index built"
        );
        AtmIndex {
            combos: arena.feature_combos(),
            arena,
            order,
            sites,
            tree,
        }
    }
}

/// Union-find over machines: same coordinates or same (brand, site id) join one site.
fn group_sites(arena: &AtmArena) -> (Vec<u32>, Vec<Site>) {
    let n = arena.len() as u32;
    let mut parent: Vec<u32> = (0..n).collect();
    let mut idx: Vec<u32> = (0..n).collect();
    let key = |i: u32| {
        arena
            .point(i)
            .map_or((0, 0), |p| (p.lat().to_bits(), p.lon().to_bits()))
    };
    idx.sort_unstable_by_key(|&i| key(i));
    for w in idx.windows(2) {
        if let [a, b] = *w
            && key(a) == key(b)
        {
            union(&mut parent, a, b);
        }
    }
    idx.retain(|&i| arena.site_id(i).is_some());
    idx.sort_unstable_by(|&a, &b| arena.site_id(a).cmp(&arena.site_id(b)));
    for w in idx.windows(2) {
        if let [a, b] = *w
            && arena.site_id(a) == arena.site_id(b)
        {
            union(&mut parent, a, b);
        }
    }
    drop(idx);
    let mut roots: Vec<u32> = (0..n).map(|i| find(&mut parent, i)).collect();
    drop(parent);
    let mut order: Vec<u32> = (0..n).collect();
    order.sort_unstable_by_key(|&i| (roots.get(i as usize).copied().unwrap_or(i), i));
    let mut sites = Vec::new();
    let mut start = 0usize;
    for i in 1..=order.len() {
        let root_at = |j: usize| order.get(j).and_then(|&m| roots.get(m as usize).copied());
        if i == order.len() || root_at(i) != root_at(start) {
            sites.push(Site {
                first: start as u32,
                count: (i - start) as u32,
            });
            start = i;
        }
    }
    roots.clear();
    sites.shrink_to_fit();
    (order, sites)
}

fn find(parent: &mut [u32], mut i: u32) -> u32 {
    while let Some(&p) = parent.get(i as usize) {
        if p == i {
            break;
        }
        let gp = parent.get(p as usize).copied().unwrap_or(p);
        if let Some(slot) = parent.get_mut(i as usize) {
            *slot = gp;
        }
        i = p;
    }
    i
}

fn union(parent: &mut [u32], a: u32, b: u32) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
    if let Some(slot) = parent.get_mut(hi as usize) {
        *slot = lo;
    }
}

impl AtmIndex {
    /// Indexes `atms`.
    pub fn new(atms: impl IntoIterator<Item = Atm>) -> Result<AtmIndex, AtmError> {
        let mut b = AtmIndexBuilder::new();
        for atm in atms {
            b.push(&atm)?;
        }
        Ok(b.build())
    }

    /// Number of machines.
    pub fn len(&self) -> usize {
        self.arena.len()
    }

    /// True when the index holds no machine.
    pub fn is_empty(&self) -> bool {
        self.arena.len() == 0
    }

    /// Number of sites (groups of machines).
    pub fn site_count(&self) -> usize {
        self.sites.len()
    }

    /// Approximate heap bytes held by the index.
    pub fn heap_bytes(&self) -> usize {
        self.arena.heap_bytes()
            + self.tree.heap_bytes()
            + self.order.capacity() * 4
            + self.sites.capacity() * std::mem::size_of::<Site>()
    }

    /// Machine `i` (in load order).
    pub fn atm(&self, i: usize) -> Option<Atm> {
        self.arena.atm(u32::try_from(i).ok()?)
    }

    fn passes(&self, filter: &AtmFilter, i: u32) -> bool {
        filter.accepts_parts(&self.arena.features(i), self.arena.brand(i))
    }

    /// Where site `s` stands: its first machine's point.
    fn site_point(&self, s: u32) -> Option<GeoPoint> {
        let site = self.sites.get(s as usize)?;
        self.arena.point(*self.order.get(site.first as usize)?)
    }

    /// Whether any machine at all passes `filter` (else a lazy search would visit every site).
    fn any_passes(&self, filter: &AtmFilter) -> bool {
        let need = AtmArena::required_bits(filter.deposits, filter.open_24h, filter.accessible);
        self.combos
            .iter()
            .filter(|(brand, _)| {
                filter
                    .brand
                    .as_deref()
                    .is_none_or(|b| brand.eq_ignore_ascii_case(b))
            })
            .any(|(_, mask)| (0u8..16).any(|c| mask & (1 << c) != 0 && c & need == need))
    }

    /// The machines of site `s` passing `filter`: the first of them and how many there are.
    fn site_match(&self, s: u32, filter: &AtmFilter) -> Option<(u32, u32)> {
        let site = self.sites.get(s as usize)?;
        let range = site.first as usize..(site.first + site.count) as usize;
        let mut first = None;
        let mut count = 0u32;
        for &m in self.order.get(range)? {
            if self.passes(filter, m) {
                first.get_or_insert(m);
                count += 1;
            }
        }
        first.map(|f| (f, count))
    }

    fn to_match(&self, point: &GeoPoint, s: u32, machine: u32, count: u32) -> Option<AtmMatch> {
        let atm = self.arena.atm(machine)?;
        Some(AtmMatch {
            distance_m: point.distance_m(&self.site_point(s)?),
            atm,
            machines: count,
        })
    }

    /// The `k` nearest sites to `point` with at least one machine passing `filter`, nearest
    /// first. Exact: sites are visited lazily in distance order until `k` pass.
    pub fn nearest(&self, point: GeoPoint, k: usize, filter: &AtmFilter) -> Vec<AtmMatch> {
        let mut out = Vec::with_capacity(k.min(64));
        if k == 0 || !self.any_passes(filter) {
            return out;
        }
        for (s, _) in self.tree.nearest_iter(unit_vector(&point)) {
            if let Some((m, count)) = self.site_match(s, filter) {
                out.extend(self.to_match(&point, s, m, count));
                if out.len() >= k {
                    break;
                }
            }
        }
        out
    }

    /// The same answer as [`AtmIndex::nearest`] by scanning every site with the haversine
    /// formula: the reference for tests and benchmarks.
    pub fn nearest_brute_force(
        &self,
        point: GeoPoint,
        k: usize,
        filter: &AtmFilter,
    ) -> Vec<AtmMatch> {
        let mut all: Vec<(f64, u32, u32, u32)> = (0..self.sites.len() as u32)
            .filter_map(|s| {
                let (m, count) = self.site_match(s, filter)?;
                Some((point.distance_m(&self.site_point(s)?), s, m, count))
            })
            .collect();
        let k = k.min(all.len());
        if k == 0 {
            return Vec::new();
        }
        all.select_nth_unstable_by(k - 1, |a, b| a.0.total_cmp(&b.0));
        all.truncate(k);
        all.sort_by(|a, b| a.0.total_cmp(&b.0));
        all.into_iter()
            .filter_map(|(_, s, m, c)| self.to_match(&point, s, m, c))
            .collect()
    }
}

#[async_trait]
impl AtmLocator for AtmIndex {
    async fn nearest(
        &self,
        point: GeoPoint,
        k: usize,
        filter: &AtmFilter,
    ) -> BankResult<Vec<AtmMatch>> {
        Ok(AtmIndex::nearest(self, point, k, filter))
    }
}
