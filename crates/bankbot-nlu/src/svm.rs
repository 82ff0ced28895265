//! One-vs-rest L2-regularised L2-loss linear SVMs trained by dual coordinate descent
//! (Hsieh et al. 2008, the `liblinear` solver behind scikit-learn's `LinearSVC`), with
//! shrinking and a fixed-seed visiting order, so training is deterministic.

use crate::features::SparseVec;

/// Training parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct SvmConfig {
    /// Cost of a margin violation.
    pub c: f64,
    /// Stopping tolerance on the projected gradient.
    pub eps: f64,
    /// Most passes over the data per class.
    pub max_iter: usize,
    /// Hinge loss (L1) instead of the squared hinge (L2).
    pub hinge: bool,
}

impl Default for SvmConfig {
    fn default() -> Self {
        SvmConfig {
            c: 1.0,
            eps: 0.1,
            max_iter: 200,
            hinge: false,
        }
    }
}

/// A trained linear model: `n_classes` weights per feature (feature-major) plus one bias
/// per class.
#[derive(Debug, Clone)]
pub struct LinearModel {
    n_classes: usize,
    weights: Vec<f32>,
    bias: Vec<f32>,
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

impl LinearModel {
    /// Trains one binary SVM per class; `labels[i] < n_classes` is the class of `xs[i]`.
    /// A bias feature of value 1 is appended to every vector. Classes are trained
    /// independently (on up to `available_parallelism` threads, at most 4), each with its own
    /// fixed-seed order, so the result does not depend on the number of threads.
    pub fn train(
        xs: &[SparseVec],
        labels: &[usize],
        n_classes: usize,
        n_features: usize,
        cfg: &SvmConfig,
    ) -> LinearModel {
        let qd: Vec<f64> = xs
            .iter()
            .map(|x| x.val.iter().map(|v| f64::from(*v).powi(2)).sum::<f64>() + 1.0)
            .collect();
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 4);
        let train_class = |class: usize, w: &mut Vec<f32>| {
            w.clear();
            w.resize(n_features + 1, 0.0);
            let ys: Vec<f64> = labels
                .iter()
                .map(|l| if *l == class { 1.0 } else { -1.0 })
                .collect();
            train_binary(xs, &ys, &qd, w, cfg, class as u64);
        };
        let per_thread: Vec<Vec<(usize, Vec<f32>)>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    scope.spawn(move || {
                        let mut out = Vec::new();
                        let mut w = Vec::new();
                        for class in (t..n_classes).step_by(threads) {
                            train_class(class, &mut w);
                            out.push((class, w.clone()));
                        }
                        out
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        let mut weights = vec![0f32; n_features * n_classes];
        let mut bias = vec![0f32; n_classes];
        for (class, w) in per_thread.into_iter().flatten() {
            for (f, wf) in w.iter().take(n_features).enumerate() {
                if let Some(slot) = weights.get_mut(f * n_classes + class) {
                    *slot = *wf;
                }
            }
            if let (Some(b), Some(wb)) = (bias.get_mut(class), w.get(n_features)) {
                *b = *wb;
            }
        }
        LinearModel {
            n_classes,
            weights,
            bias,
        }
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Decision values of every class for `x`.
    pub fn scores(&self, x: &SparseVec) -> Vec<f32> {
        let mut out = self.bias.clone();
        for (i, v) in x.idx.iter().zip(&x.val) {
            let start = *i as usize * self.n_classes;
            if let Some(row) = self.weights.get(start..start + self.n_classes) {
                for (o, w) in out.iter_mut().zip(row) {
                    *o += w * v;
                }
            }
        }
        out
    }
}

fn dot(w: &[f32], x: &SparseVec) -> f64 {
    let mut s = w.last().copied().unwrap_or(0.0);
    for (i, v) in x.idx.iter().zip(&x.val) {
        s += w.get(*i as usize).copied().unwrap_or(0.0) * v;
    }
    f64::from(s)
}

fn axpy(w: &mut [f32], d: f64, x: &SparseVec) {
    let d = d as f32;
    for (i, v) in x.idx.iter().zip(&x.val) {
        if let Some(wi) = w.get_mut(*i as usize) {
            *wi += d * v;
        }
    }
    if let Some(b) = w.last_mut() {
        *b += d;
    }
}

fn train_binary(
    xs: &[SparseVec],
    ys: &[f64],
    qd_base: &[f64],
    w: &mut [f32],
    cfg: &SvmConfig,
    seed: u64,
) {
    let n = xs.len();
    let (diag, upper) = if cfg.hinge {
        (0.0, cfg.c)
    } else {
        (0.5 / cfg.c, f64::INFINITY)
    };
    let mut alpha = vec![0f64; n];
    let mut index: Vec<usize> = (0..n).collect();
    let mut active = n;
    let mut rng =
        Rng(0x2545_f491_4f6c_dd1d ^ (seed.wrapping_add(1)).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let (mut pg_max_old, mut pg_min_old) = (f64::INFINITY, f64::NEG_INFINITY);
    for _ in 0..cfg.max_iter {
        let (mut pg_max, mut pg_min) = (f64::NEG_INFINITY, f64::INFINITY);
        for s in 0..active {
            let j = s + rng.below(active - s);
            index.swap(s, j);
        }
        let mut s = 0;
        while s < active {
            let i = index.get(s).copied().unwrap_or(0);
            let (Some(x), Some(&y), Some(&q)) = (xs.get(i), ys.get(i), qd_base.get(i)) else {
                break;
            };
            let a = alpha.get(i).copied().unwrap_or(0.0);
            let g = y * dot(w, x) - 1.0 + diag * a;
            let mut pg = 0.0;
            if a == 0.0 {
                if g > pg_max_old {
                    active -= 1;
                    index.swap(s, active);
                    continue;
                } else if g < 0.0 {
                    pg = g;
                }
            } else if a >= upper {
                if g < pg_min_old {
                    active -= 1;
                    index.swap(s, active);
                    continue;
                } else if g > 0.0 {
                    pg = g;
                }
            } else {
                pg = g;
            }
            pg_max = pg_max.max(pg);
            pg_min = pg_min.min(pg);
            if pg.abs() > 1e-12 {
                let new = (a - g / (q + diag)).clamp(0.0, upper);
                if let Some(slot) = alpha.get_mut(i) {
                    *slot = new;
                }
                axpy(w, (new - a) * y, x);
            }
            s += 1;
        }
        if pg_max - pg_min <= cfg.eps {
            if active == n {
                break;
            }
            active = n;
            pg_max_old = f64::INFINITY;
            pg_min_old = f64::NEG_INFINITY;
            continue;
        }
        pg_max_old = if pg_max <= 0.0 { f64::INFINITY } else { pg_max };
        pg_min_old = if pg_min >= 0.0 {
            f64::NEG_INFINITY
        } else {
            pg_min
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(idx: &[u32]) -> SparseVec {
        SparseVec {
            idx: idx.to_vec(),
            val: vec![1.0; idx.len()],
        }
    }

    #[test]
    fn separates_three_classes_deterministically() {
        let xs = vec![
            v(&[0, 1]),
            v(&[0, 2]),
            v(&[3, 4]),
            v(&[3, 5]),
            v(&[6, 7]),
            v(&[6, 8]),
        ];
        let labels = [0, 0, 1, 1, 2, 2];
        let m = LinearModel::train(&xs, &labels, 3, 9, &SvmConfig::default());
        for (x, l) in xs.iter().zip(labels) {
            let s = m.scores(x);
            let best = (0..3).max_by(|a, b| s[*a].total_cmp(&s[*b])).unwrap();
            assert_eq!(best, l);
        }
        let again = LinearModel::train(&xs, &labels, 3, 9, &SvmConfig::default());
        assert_eq!(again.weights, m.weights);
    }
}
