//! One-vs-rest L2-regularised L2-loss linear SVMs trained by dual coordinate descent
//! (Hsieh et al. 2008, the `liblinear` solver behind scikit-learn's `LinearSVC`). The binary
//! problems of a block of classes are solved together: every example is visited once per
//! pass for all of them, so decision values and updates run over contiguous rows of the
//! feature-major weight matrix. The visiting order comes from a fixed seed and each class
//! stops on its own tolerance, so training is deterministic and independent of the number
//! of threads.

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
    /// A bias feature of value 1 is appended to every vector. The classes are split into
    /// contiguous blocks trained on up to `available_parallelism` threads (at most 4).
    pub fn train(
        xs: &[SparseVec],
        labels: &[usize],
        n_classes: usize,
        n_features: usize,
        cfg: &SvmConfig,
    ) -> LinearModel {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 4)
            .min(n_classes.max(1));
        let per_block = n_classes.div_ceil(threads).max(1);
        let problem = Problem::new(xs, labels, cfg);
        let blocks: Vec<Block> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..n_classes)
                .step_by(per_block)
                .map(|first| {
                    let k = per_block.min(n_classes - first);
                    let problem = &problem;
                    scope.spawn(move || problem.solve(first, k, n_features))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        let mut weights = vec![0f32; n_features * n_classes];
        let mut bias = vec![0f32; n_classes];
        for block in &blocks {
            for (f, row) in block.weights.chunks_exact(block.k.max(1)).enumerate() {
                let start = f * n_classes + block.first;
                if let Some(dst) = weights.get_mut(start..start + row.len()) {
                    dst.copy_from_slice(row);
                }
            }
            if let Some(dst) = bias.get_mut(block.first..block.first + block.k) {
                dst.copy_from_slice(&block.bias);
            }
        }
        LinearModel {
            n_classes,
            weights,
            bias,
        }
    }

    /// Adds `scale * other` to the weights (`other` laid out like them: feature-major,
    /// `n_classes` per feature), e.g. to blend in another linear model.
    pub fn add_weights(&mut self, other: &[f32], scale: f32) {
        for (w, o) in self.weights.iter_mut().zip(other) {
            *w += scale * o;
        }
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Decision values of every class for `x`.
    pub fn scores(&self, x: &SparseVec) -> Vec<f32> {
        let mut out = self.bias.clone();
        add_rows(&mut out, &self.weights, x);
        out
    }
}

/// `out += Σ v · W[f]` over the non-zeros of `x`, rows of `W` being `out.len()` wide.
fn add_rows(out: &mut [f32], weights: &[f32], x: &SparseVec) {
    let k = out.len();
    for (i, v) in x.idx.iter().zip(&x.val) {
        let start = *i as usize * k;
        if let Some(row) = weights.get(start..start + k) {
            for (o, w) in out.iter_mut().zip(row) {
                *o += w * v;
            }
        }
    }
}

/// The weights and biases of classes `first..first + k`, feature-major.
#[derive(Debug, Default)]
struct Block {
    first: usize,
    k: usize,
    weights: Vec<f32>,
    bias: Vec<f32>,
}

struct Problem<'a> {
    xs: &'a [SparseVec],
    labels: &'a [usize],
    qd: Vec<f32>,
    diag: f32,
    upper: f32,
    cfg: &'a SvmConfig,
}

impl<'a> Problem<'a> {
    fn new(xs: &'a [SparseVec], labels: &'a [usize], cfg: &'a SvmConfig) -> Problem<'a> {
        let (diag, upper) = if cfg.hinge {
            (0.0, cfg.c as f32)
        } else {
            (0.5 / cfg.c as f32, f32::INFINITY)
        };
        let qd = xs
            .iter()
            .map(|x| x.val.iter().map(|v| v * v).sum::<f32>() + 1.0 + diag)
            .collect();
        Problem {
            xs,
            labels,
            qd,
            diag,
            upper,
            cfg,
        }
    }

    /// Dual coordinate descent for classes `first..first + k` over a shared fixed-seed order.
    fn solve(&self, first: usize, k: usize, n_features: usize) -> Block {
        let n = self.xs.len();
        let mut block = Block {
            first,
            k,
            weights: vec![0f32; n_features * k],
            bias: vec![0f32; k],
        };
        let mut alpha = vec![0f32; n * k];
        let mut done = vec![false; k];
        let mut order: Vec<usize> = (0..n).collect();
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let (mut score, mut delta) = (vec![0f32; k], vec![0f32; k]);
        let (mut pg_max, mut pg_min) = (vec![0f32; k], vec![0f32; k]);
        for _ in 0..self.cfg.max_iter {
            for s in 0..n {
                order.swap(s, s + rng.below(n - s));
            }
            pg_max.fill(f32::NEG_INFINITY);
            pg_min.fill(f32::INFINITY);
            for &i in &order {
                let (Some(x), Some(&q), Some(&label), Some(alpha_i)) = (
                    self.xs.get(i),
                    self.qd.get(i),
                    self.labels.get(i),
                    alpha.get_mut(i * k..(i + 1) * k),
                ) else {
                    continue;
                };
                score.copy_from_slice(&block.bias);
                add_rows(&mut score, &block.weights, x);
                let mut any = false;
                for c in 0..k {
                    let y = if label == first + c { 1.0 } else { -1.0 };
                    let (Some(a), Some(sc)) = (alpha_i.get_mut(c), score.get(c)) else {
                        continue;
                    };
                    let g = y * sc - 1.0 + self.diag * *a;
                    let pg = if *a <= 0.0 {
                        g.min(0.0)
                    } else if *a >= self.upper {
                        g.max(0.0)
                    } else {
                        g
                    };
                    if let (Some(hi), Some(lo)) = (pg_max.get_mut(c), pg_min.get_mut(c)) {
                        *hi = hi.max(pg);
                        *lo = lo.min(pg);
                    }
                    let mut d = 0.0;
                    if pg.abs() > 1e-12 && !done.get(c).copied().unwrap_or(true) {
                        let new = (*a - g / q).clamp(0.0, self.upper);
                        d = (new - *a) * y;
                        *a = new;
                        any |= d != 0.0;
                    }
                    if let Some(slot) = delta.get_mut(c) {
                        *slot = d;
                    }
                }
                if any {
                    update_rows(&mut block, &delta, x);
                }
            }
            for (c, stop) in done.iter_mut().enumerate() {
                let gap =
                    pg_max.get(c).copied().unwrap_or(0.0) - pg_min.get(c).copied().unwrap_or(0.0);
                *stop |= f64::from(gap) <= self.cfg.eps;
            }
            if done.iter().all(|d| *d) {
                break;
            }
        }
        block
    }
}

/// `W[f] += v · delta` over the non-zeros of `x`, and `bias += delta`.
fn update_rows(block: &mut Block, delta: &[f32], x: &SparseVec) {
    let k = delta.len();
    for (i, v) in x.idx.iter().zip(&x.val) {
        let start = *i as usize * k;
        if let Some(row) = block.weights.get_mut(start..start + k) {
            for (w, d) in row.iter_mut().zip(delta) {
                *w += d * v;
            }
        }
    }
    for (b, d) in block.bias.iter_mut().zip(delta) {
        *b += d;
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

    #[test]
    fn class_blocks_do_not_change_the_weights() {
        let xs = vec![v(&[0, 1]), v(&[1, 2]), v(&[2, 3]), v(&[3, 0]), v(&[0, 2])];
        let labels = [0, 1, 2, 0, 1];
        let cfg = SvmConfig::default();
        let problem = Problem::new(&xs, &labels, &cfg);
        let whole = problem.solve(0, 3, 4);
        let (a, b) = (problem.solve(0, 1, 4), problem.solve(1, 2, 4));
        for f in 0..4 {
            assert_eq!(whole.weights[f * 3].to_bits(), a.weights[f].to_bits());
            assert_eq!(
                &whole.weights[f * 3 + 1..f * 3 + 3],
                &b.weights[f * 2..f * 2 + 2]
            );
        }
        assert_eq!(whole.bias, [a.bias, b.bias].concat());
    }
}
