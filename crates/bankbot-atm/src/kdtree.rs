//! A static, bulk-built k-d tree over 3-D unit vectors with a lazy best-first
//! nearest-neighbour iterator (exact order by Euclidean chord, hence by great-circle distance).

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::sphere::{Vec3, dist2};

/// Points per leaf.
const LEAF_SIZE: usize = 12;
/// Marks a leaf node.
const NO_CHILD: u32 = u32::MAX;

#[derive(Debug, Clone, Copy)]
struct Entry {
    point: Vec3,
    item: u32,
}

#[derive(Debug, Clone, Copy)]
struct Node {
    min: Vec3,
    max: Vec3,
    /// Range of entries under this node.
    lo: u32,
    hi: u32,
    /// Index of the left child (the right one follows it), or `NO_CHILD` for a leaf.
    left: u32,
}

/// The tree: entries reordered so every node covers a contiguous range.
#[derive(Debug, Default)]
pub(crate) struct KdTree {
    entries: Vec<Entry>,
    nodes: Vec<Node>,
}

impl KdTree {
    /// Builds the tree over `(point, item)` pairs in O(n log n).
    pub(crate) fn build(items: impl IntoIterator<Item = (Vec3, u32)>) -> KdTree {
        let mut entries: Vec<Entry> = items
            .into_iter()
            .map(|(point, item)| Entry { point, item })
            .collect();
        entries.shrink_to_fit();
        let mut nodes = Vec::with_capacity(2 * entries.len() / LEAF_SIZE + 2);
        if !entries.is_empty() {
            nodes.push(bounds(&entries, 0, entries.len()));
            let mut stack = vec![0usize];
            while let Some(n) = stack.pop() {
                let Some(node) = nodes.get(n).copied() else {
                    continue;
                };
                let (lo, hi) = (node.lo as usize, node.hi as usize);
                if hi - lo <= LEAF_SIZE {
                    continue;
                }
                let axis = widest_axis(&node);
                let mid = lo + (hi - lo) / 2;
                if let Some(slice) = entries.get_mut(lo..hi) {
                    slice.select_nth_unstable_by(mid - lo, |a, b| {
                        a.point[axis].total_cmp(&b.point[axis])
                    });
                }
                let left = nodes.len();
                nodes.push(bounds(&entries, lo, mid));
                nodes.push(bounds(&entries, mid, hi));
                if let Some(parent) = nodes.get_mut(n) {
                    parent.left = left as u32;
                }
                stack.push(left);
                stack.push(left + 1);
            }
        }
        nodes.shrink_to_fit();
        KdTree { entries, nodes }
    }

    /// Items in increasing distance from `query`, each with its squared chord, lazily.
    pub(crate) fn nearest_iter<'a>(&'a self, query: Vec3) -> NearestIter<'a> {
        let mut heap = BinaryHeap::with_capacity(64);
        if !self.nodes.is_empty() {
            heap.push(Candidate {
                d2: 0.0,
                what: What::Node(0),
            });
        }
        NearestIter {
            tree: self,
            query,
            heap,
        }
    }

    /// Approximate heap bytes held.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<Entry>()
            + self.nodes.capacity() * std::mem::size_of::<Node>()
    }
}

fn bounds(entries: &[Entry], lo: usize, hi: usize) -> Node {
    let mut min = [f64::INFINITY; 3];
    let mut max = [f64::NEG_INFINITY; 3];
    for e in entries.get(lo..hi).unwrap_or(&[]) {
        for ((mn, mx), v) in min.iter_mut().zip(max.iter_mut()).zip(e.point) {
            *mn = mn.min(v);
            *mx = mx.max(v);
        }
    }
    Node {
        min,
        max,
        lo: lo as u32,
        hi: hi as u32,
        left: NO_CHILD,
    }
}

fn widest_axis(n: &Node) -> usize {
    let spread = |d: usize| n.max[d] - n.min[d];
    if spread(0) >= spread(1) && spread(0) >= spread(2) {
        0
    } else if spread(1) >= spread(2) {
        1
    } else {
        2
    }
}

/// Squared distance from `q` to the node's box (0 inside).
fn box_dist2(n: &Node, q: &Vec3) -> f64 {
    let mut s = 0.0;
    for ((x, lo), hi) in q.iter().zip(&n.min).zip(&n.max) {
        let v = if x < lo {
            lo - x
        } else if x > hi {
            x - hi
        } else {
            0.0
        };
        s += v * v;
    }
    s
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum What {
    Node(u32),
    Item(u32),
}

#[derive(Debug, Clone, Copy)]
struct Candidate {
    d2: f64,
    what: What,
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Candidate {}
impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Candidate {
    /// Reversed so the max-heap pops the nearest; at equal distance items come before nodes.
    fn cmp(&self, other: &Self) -> Ordering {
        other.d2.total_cmp(&self.d2).then_with(|| {
            let rank = |w: &What| match w {
                What::Item(i) => (0, *i),
                What::Node(i) => (1, *i),
            };
            rank(&other.what).cmp(&rank(&self.what))
        })
    }
}

/// Lazy nearest-neighbour iterator; see [`KdTree::nearest_iter`].
#[derive(Debug)]
pub(crate) struct NearestIter<'a> {
    tree: &'a KdTree,
    query: Vec3,
    heap: BinaryHeap<Candidate>,
}

impl Iterator for NearestIter<'_> {
    /// `(item, squared chord)`.
    type Item = (u32, f64);

    fn next(&mut self) -> Option<(u32, f64)> {
        while let Some(c) = self.heap.pop() {
            match c.what {
                What::Item(i) => return Some((i, c.d2)),
                What::Node(n) => {
                    let Some(node) = self.tree.nodes.get(n as usize) else {
                        continue;
                    };
                    if node.left == NO_CHILD {
                        let (lo, hi) = (node.lo as usize, node.hi as usize);
                        for e in self.tree.entries.get(lo..hi).unwrap_or(&[]) {
                            self.heap.push(Candidate {
                                d2: dist2(&e.point, &self.query),
                                what: What::Item(e.item),
                            });
                        }
                    } else {
                        for child in [node.left, node.left + 1] {
                            if let Some(cn) = self.tree.nodes.get(child as usize) {
                                self.heap.push(Candidate {
                                    d2: box_dist2(cn, &self.query),
                                    what: What::Node(child),
                                });
                            }
                        }
                    }
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yields_everything_in_order() {
        let pts: Vec<(Vec3, u32)> = (0..500u32)
            .map(|i| {
                let f = f64::from(i);
                ([(f * 0.37).sin(), (f * 0.11).cos(), (f * 0.05).sin()], i)
            })
            .collect();
        let tree = KdTree::build(pts.clone());
        let q = [0.1, 0.2, 0.3];
        let got: Vec<(u32, f64)> = tree.nearest_iter(q).collect();
        assert_eq!(got.len(), 500);
        assert!(got.windows(2).all(|w| w[0].1 <= w[1].1));
        let mut brute: Vec<f64> = pts.iter().map(|(p, _)| dist2(p, &q)).collect();
        brute.sort_by(f64::total_cmp);
        assert_eq!(got.iter().map(|g| g.1).collect::<Vec<_>>(), brute);
        assert_eq!(KdTree::build(Vec::new()).nearest_iter(q).count(), 0);
    }
}
