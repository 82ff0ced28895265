//! A text classifier: [`Vectorizer`] features and a one-vs-rest [`LinearModel`], with an
//! optional out-of-scope class and a threshold on the best decision value.

use crate::features::{FeatureConfig, Vectorizer};
use crate::nb::{feature_scales, log_count_ratios};
use crate::svm::{LinearModel, SvmConfig};

/// Training options.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainConfig {
    /// Feature extraction.
    pub features: FeatureConfig,
    /// The linear SVMs.
    pub svm: SvmConfig,
    /// Weight of the naive-Bayes log-count ratios added to the SVM weights (0: none).
    pub nb_weight: f32,
    /// Laplace smoothing of the naive-Bayes counts.
    pub nb_smoothing: f32,
    /// Share (0–1) of supervised term weighting: features are scaled by how much their
    /// naive-Bayes log-count ratios differ between classes (0: none).
    pub nb_feature_scaling: f32,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            features: FeatureConfig::default(),
            svm: SvmConfig::default(),
            nb_weight: 0.0,
            nb_smoothing: 1.0,
            nb_feature_scaling: 0.0,
        }
    }
}

impl TrainConfig {
    /// The settings for the public benchmarks (thousands of examples), chosen by the sweeps
    /// listed in docs/performance.md: character 1–5-grams
    /// weighted by term frequency only (no IDF), features seen in a single training text
    /// dropped, a slightly looser solver tolerance and at most 10 passes (the
    /// validation accuracy no longer moves after 6–8), naive-Bayes log-count ratios blended
    /// into the SVM weights with weight 0.02 (smoothing 0.05) and a 0.25 share of
    /// supervised term weighting by the same ratios. The engine keeps
    /// [`TrainConfig::default`] (character 2–5-grams with IDF), which does as well on its
    /// small training sets.
    pub fn for_benchmarks() -> TrainConfig {
        let mut cfg = TrainConfig::default();
        cfg.features.char_min = 1;
        cfg.features.char_idf = false;
        cfg.features.min_df = 2;
        cfg.svm.eps = 0.2;
        cfg.svm.max_iter = 10;
        cfg.nb_weight = 0.02;
        cfg.nb_smoothing = 0.05;
        cfg.nb_feature_scaling = 0.25;
        cfg
    }
}

/// A prediction: the class index, its decision value and a confidence in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prediction {
    /// Index into [`Classifier::labels`].
    pub class: usize,
    /// Decision value of that class.
    pub score: f32,
    /// A monotone squashing of the decision value.
    pub confidence: f32,
}

/// A trained classifier over string labels.
#[derive(Debug, Clone)]
pub struct Classifier {
    labels: Vec<String>,
    vectorizer: Vectorizer,
    model: LinearModel,
    oos: Option<usize>,
    threshold: f32,
}

/// Maps a decision value to (0, 1): 0.5 at -0.25, about 0.9 at the margin (+1).
pub fn squash(score: f32) -> f32 {
    1.0 / (1.0 + (-(score + 0.25) * 1.8).exp())
}

/// The class with the highest decision value (the first on ties).
fn best(scores: &[f32]) -> Prediction {
    let (class, score) =
        scores
            .iter()
            .copied()
            .enumerate()
            .fold((0, f32::NEG_INFINITY), |best, (i, s)| {
                if s > best.1 { (i, s) } else { best }
            });
    Prediction {
        class,
        score,
        confidence: squash(score),
    }
}

impl Classifier {
    /// Trains on `(text, label)` pairs. `oos_label`, when present among the labels, is the
    /// class returned when the best decision value is below the threshold.
    pub fn train<'a>(
        examples: &[(&'a str, &'a str)],
        oos_label: Option<&str>,
        cfg: &TrainConfig,
    ) -> Classifier {
        let mut labels: Vec<String> = examples.iter().map(|e| e.1.to_owned()).collect();
        labels.sort();
        labels.dedup();
        let mut vectorizer = Vectorizer::fit(examples.iter().map(|e| e.0), cfg.features.clone());
        let mut xs: Vec<_> = examples.iter().map(|e| vectorizer.transform(e.0)).collect();
        let ys: Vec<usize> = examples
            .iter()
            .map(|e| {
                labels
                    .binary_search_by(|l| l.as_str().cmp(e.1))
                    .unwrap_or(0)
            })
            .collect();
        let (n_classes, n_features) = (labels.len(), vectorizer.n_features());
        if cfg.nb_feature_scaling > 0.0 {
            let ratios = log_count_ratios(&xs, &ys, n_classes, n_features, cfg.nb_smoothing);
            vectorizer.set_scale(feature_scales(&ratios, n_classes, cfg.nb_feature_scaling));
            xs = examples.iter().map(|e| vectorizer.transform(e.0)).collect();
        }
        let mut model = LinearModel::train(&xs, &ys, n_classes, n_features, &cfg.svm);
        if cfg.nb_weight != 0.0 {
            let ratios = log_count_ratios(&xs, &ys, n_classes, n_features, cfg.nb_smoothing);
            model.add_weights(&ratios, cfg.nb_weight);
        }
        let oos = oos_label.and_then(|o| labels.iter().position(|l| l == o));
        Classifier {
            labels,
            vectorizer,
            model,
            oos,
            threshold: f32::NEG_INFINITY,
        }
    }

    /// The class names, sorted.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Sets the decision value below which the out-of-scope class is returned.
    pub fn set_threshold(&mut self, threshold: f32) {
        self.threshold = threshold;
    }

    /// The current threshold.
    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    /// Decision values of every class.
    pub fn scores(&self, text: &str) -> Vec<f32> {
        self.model.scores(&self.vectorizer.transform(text))
    }

    /// The best class before thresholding.
    pub fn raw_predict(&self, text: &str) -> Prediction {
        best(&self.scores(text))
    }

    /// [`Classifier::predict`] of a text already [`crate::normalize::normalize`]d (the
    /// engine normalises once for the classifier and the slot readers).
    pub fn predict_normalized(&self, norm: &str) -> Prediction {
        let scores = self
            .model
            .scores(&self.vectorizer.transform_normalized(norm));
        self.apply_threshold(best(&scores))
    }

    /// The best class, or the out-of-scope class when its decision value is below the
    /// threshold (confidence is then how sure we are it is out of scope).
    pub fn predict(&self, text: &str) -> Prediction {
        let p = self.raw_predict(text);
        self.apply_threshold(p)
    }

    /// Applies the threshold to a raw prediction.
    pub fn apply_threshold(&self, p: Prediction) -> Prediction {
        match self.oos {
            Some(oos) if p.class != oos && p.score < self.threshold => Prediction {
                class: oos,
                score: p.score,
                confidence: 1.0 - p.confidence,
            },
            _ => p,
        }
    }

    /// Index of the out-of-scope class, if any.
    pub fn oos_class(&self) -> Option<usize> {
        self.oos
    }

    /// Picks the threshold with the best in-scope accuracy on `(text, label)` validation
    /// pairs among those flagging at least `min_oos_recall` (0–1) of the out-of-scope ones
    /// (the highest recall when none does), and sets it. Returns it.
    pub fn tune_threshold(&mut self, val: &[(&str, &str)], min_oos_recall: f32) -> f32 {
        let Some(oos) = self.oos else {
            return self.threshold;
        };
        let preds: Vec<(Prediction, bool, bool)> = val
            .iter()
            .map(|(t, l)| {
                let p = self.raw_predict(t);
                let is_oos = self.labels.get(oos).is_some_and(|o| o == l);
                let right = self.labels.get(p.class).is_some_and(|c| c == l);
                (p, is_oos, right)
            })
            .collect();
        let n_in = preds.iter().filter(|p| !p.1).count().max(1) as f32;
        let n_oos = preds.iter().filter(|p| p.1).count().max(1) as f32;
        let mut best = (f32::NEG_INFINITY, f32::NEG_INFINITY);
        for step in 0..=300 {
            let t = -1.5 + step as f32 * 0.01;
            let mut in_ok = 0.0;
            let mut oos_ok = 0.0;
            for (p, is_oos, right) in &preds {
                let predicted_oos = p.class == oos || p.score < t;
                if *is_oos && predicted_oos {
                    oos_ok += 1.0;
                } else if !*is_oos && !predicted_oos && *right {
                    in_ok += 1.0;
                }
            }
            let recall = oos_ok / n_oos;
            let objective = if recall >= min_oos_recall {
                10.0 + in_ok / n_in
            } else {
                recall
            };
            if objective > best.0 {
                best = (objective, t);
            }
        }
        self.threshold = best.1;
        best.1
    }
}
