//! Multinomial naive-Bayes log-count ratios, a linear model that is blended into the SVM
//! weights (a multi-class take on NB-SVM, Wang & Manning 2012): it adds no cost per query.

use crate::features::SparseVec;

/// Feature-major `n_features × n_classes` weights: for each feature, the Laplace-smoothed
/// log probability of the feature in each class minus its mean over the classes.
pub fn log_count_ratios(
    xs: &[SparseVec],
    labels: &[usize],
    n_classes: usize,
    n_features: usize,
    smoothing: f32,
) -> Vec<f32> {
    let mut counts = vec![0f32; n_features * n_classes];
    let mut totals = vec![0f32; n_classes];
    for (x, &label) in xs.iter().zip(labels) {
        for (i, v) in x.idx.iter().zip(&x.val) {
            if let Some(c) = counts.get_mut(*i as usize * n_classes + label) {
                *c += v;
            }
        }
        if let Some(t) = totals.get_mut(label) {
            *t += x.val.iter().sum::<f32>();
        }
    }
    let log_norm: Vec<f32> = totals
        .iter()
        .map(|t| (t + smoothing * n_features as f32).ln())
        .collect();
    for row in counts.chunks_exact_mut(n_classes.max(1)) {
        for (c, norm) in row.iter_mut().zip(&log_norm) {
            *c = (*c + smoothing).ln() - norm;
        }
        let mean = row.iter().sum::<f32>() / n_classes.max(1) as f32;
        for c in row.iter_mut() {
            *c -= mean;
        }
    }
    counts
}

/// Per-feature scales from feature-major `ratios`: `1 - share + share * s / mean(s)` where
/// `s` is the root mean square of the feature's ratios over the classes, so features that
/// tell classes apart weigh more.
pub fn feature_scales(ratios: &[f32], n_classes: usize, share: f32) -> Vec<f32> {
    let k = n_classes.max(1);
    let mut scales: Vec<f32> = ratios
        .chunks_exact(k)
        .map(|row| (row.iter().map(|v| v * v).sum::<f32>() / k as f32).sqrt())
        .collect();
    let mean = scales.iter().sum::<f32>() / scales.len().max(1) as f32;
    if mean > 0.0 {
        for s in &mut scales {
            *s = (1.0 - share) + share * *s / mean;
        }
    }
    scales
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_favour_the_class_that_uses_a_feature() {
        let x = |i: u32| SparseVec {
            idx: vec![i],
            val: vec![1.0],
        };
        let w = log_count_ratios(&[x(0), x(0), x(1)], &[0, 0, 1], 2, 2, 1.0);
        assert!(w[0] > 0.0 && w[1] < 0.0);
        assert!(w[2] < 0.0 && w[3] > 0.0);
        assert!((w[0] + w[1]).abs() < 1e-6);
        let s = feature_scales(&[0.0, 0.0, 2.0, -2.0], 2, 0.5);
        assert_eq!(s, vec![0.5, 1.5]);
    }
}
