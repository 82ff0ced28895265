//! Sparse TF-IDF features: word unigrams and bigrams plus character n-grams inside word
//! boundaries, hashed to 64 bits and mapped to a vocabulary learnt from the training set.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::normalize::{normalize, words};

/// A sparse vector: feature indices (ascending) and values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SparseVec {
    /// Feature indices, ascending, unique.
    pub idx: Vec<u32>,
    /// One value per index.
    pub val: Vec<f32>,
}

/// Passes an already well-mixed `u64` through unchanged.
#[derive(Debug, Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(*b) ^ (self.0 >> 56);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by feature hashes.
pub type HashIndex = HashMap<u64, u32, BuildHasherDefault<IdHasher>>;

/// Which feature families to extract and their weights.
#[derive(Debug, Clone, PartialEq)]
pub struct FeatureConfig {
    /// Smallest character n-gram.
    pub char_min: usize,
    /// Largest character n-gram.
    pub char_max: usize,
    /// Weight of the word block (after its L2 normalisation).
    pub word_weight: f32,
    /// Weight of the character block (after its L2 normalisation).
    pub char_weight: f32,
    /// Character n-grams also span word boundaries (over the words joined by one space).
    pub char_cross_words: bool,
    /// Features seen in fewer training texts are dropped.
    pub min_df: u32,
    /// Also word trigrams.
    pub word_trigrams: bool,
    /// Weight character n-grams by IDF (else term frequency only).
    pub char_idf: bool,
    /// Weight word n-grams by IDF (else term frequency only).
    pub word_idf: bool,
}

impl Default for FeatureConfig {
    fn default() -> Self {
        FeatureConfig {
            char_min: 2,
            char_max: 5,
            word_weight: 1.0,
            char_weight: 1.0,
            char_cross_words: false,
            min_df: 1,
            word_trigrams: false,
            char_idf: true,
            word_idf: true,
        }
    }
}

const WORD: u64 = 1;
const BIGRAM: u64 = 2;
const CHARS: u64 = 3;

fn fnv(kind: u64, bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ kind.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    // splitmix finaliser
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

fn pair(a: u64, b: u64) -> u64 {
    // The two hashes side by side on the stack (same bytes as a concatenation, no allocation).
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&a.to_le_bytes());
    bytes[8..].copy_from_slice(&b.to_le_bytes());
    fnv(BIGRAM, &bytes)
}

/// Hashes of every feature of `text`, split into the word block and the character block.
pub fn hashes(text: &str, cfg: &FeatureConfig, word_out: &mut Vec<u64>, char_out: &mut Vec<u64>) {
    normalized_hashes(&normalize(text), cfg, word_out, char_out);
}

/// [`hashes`] of a text already [`normalize`]d (normalising again would change nothing).
pub fn normalized_hashes(
    norm: &str,
    cfg: &FeatureConfig,
    word_out: &mut Vec<u64>,
    char_out: &mut Vec<u64>,
) {
    word_out.clear();
    char_out.clear();
    let mut prev: Option<u64> = None;
    let mut prev2: Option<u64> = None;
    let mut padded = Vec::with_capacity(32);
    if cfg.char_cross_words {
        padded.push(b' ');
        for w in words(norm) {
            padded.extend_from_slice(w.as_bytes());
            padded.push(b' ');
        }
        for n in cfg.char_min.max(1)..=cfg.char_max.min(padded.len()) {
            for gram in padded.windows(n) {
                if gram != b"  " {
                    char_out.push(fnv(CHARS, gram));
                }
            }
        }
    }
    for w in words(norm) {
        let h = fnv(WORD, w.as_bytes());
        word_out.push(h);
        if let Some(p) = prev {
            let bigram = pair(p, h);
            word_out.push(bigram);
            if let (true, Some(p2)) = (cfg.word_trigrams, prev2) {
                word_out.push(pair(p2, bigram));
            }
            prev2 = Some(p);
        }
        prev = Some(h);
        if cfg.char_cross_words {
            continue;
        }
        padded.clear();
        padded.push(b' ');
        padded.extend_from_slice(w.as_bytes());
        padded.push(b' ');
        for n in cfg.char_min.max(1)..=cfg.char_max.min(padded.len()) {
            for gram in padded.windows(n) {
                char_out.push(fnv(CHARS, gram));
            }
        }
    }
}

/// A fitted vocabulary with inverse document frequencies.
#[derive(Debug, Clone)]
pub struct Vectorizer {
    cfg: FeatureConfig,
    index: HashIndex,
    idf: Vec<f32>,
    scale: Vec<f32>,
}

impl Vectorizer {
    /// Learns the vocabulary and smoothed IDF (`ln((1+n)/(1+df)) + 1`) from `texts`.
    pub fn fit<'a>(texts: impl IntoIterator<Item = &'a str>, cfg: FeatureConfig) -> Vectorizer {
        let mut index = HashIndex::default();
        let mut df: Vec<u32> = Vec::new();
        let (mut wbuf, mut cbuf) = (Vec::new(), Vec::new());
        let mut n_docs = 0u32;
        for text in texts {
            n_docs += 1;
            hashes(text, &cfg, &mut wbuf, &mut cbuf);
            wbuf.extend_from_slice(&cbuf);
            wbuf.sort_unstable();
            wbuf.dedup();
            for h in &wbuf {
                let next = u32::try_from(df.len()).unwrap_or(u32::MAX);
                let id = *index.entry(*h).or_insert(next);
                match df.get_mut(id as usize) {
                    Some(d) => *d += 1,
                    None => df.push(1),
                }
            }
        }
        let n = f64::from(n_docs);
        let idf = df
            .iter()
            .map(|d| (((1.0 + n) / (1.0 + f64::from(*d))).ln() + 1.0) as f32)
            .collect();
        Vectorizer {
            cfg,
            index,
            idf,
            scale: Vec::new(),
        }
    }

    /// Multiplies every feature by `scale[feature]` before the block normalisation.
    pub fn set_scale(&mut self, scale: Vec<f32>) {
        self.scale = scale;
    }

    /// Number of features (the bias is not included).
    pub fn n_features(&self) -> usize {
        self.idf.len()
    }

    /// Sublinear TF-IDF vector, each block L2-normalised and weighted; unknown features dropped.
    pub fn transform(&self, text: &str) -> SparseVec {
        self.transform_normalized(&normalize(text))
    }

    /// [`Vectorizer::transform`] of a text already [`normalize`]d.
    pub fn transform_normalized(&self, norm: &str) -> SparseVec {
        let (mut wbuf, mut cbuf) = (Vec::new(), Vec::new());
        normalized_hashes(norm, &self.cfg, &mut wbuf, &mut cbuf);
        let mut out: Vec<(u32, f32)> = Vec::with_capacity(wbuf.len() + cbuf.len());
        self.block(&mut wbuf, self.cfg.word_weight, self.cfg.word_idf, &mut out);
        self.block(&mut cbuf, self.cfg.char_weight, self.cfg.char_idf, &mut out);
        out.sort_unstable_by_key(|p| p.0);
        let mut v = SparseVec {
            idx: Vec::with_capacity(out.len()),
            val: Vec::with_capacity(out.len()),
        };
        for (i, x) in out {
            if v.idx.last() == Some(&i) {
                if let Some(last) = v.val.last_mut() {
                    *last += x;
                }
            } else {
                v.idx.push(i);
                v.val.push(x);
            }
        }
        v
    }

    fn block(&self, hashes: &mut [u64], weight: f32, use_idf: bool, out: &mut Vec<(u32, f32)>) {
        hashes.sort_unstable();
        let start = out.len();
        let mut i = 0;
        while let Some(h) = hashes.get(i) {
            let mut j = i + 1;
            while hashes.get(j) == Some(h) {
                j += 1;
            }
            if let Some(&id) = self.index.get(h) {
                let tf = 1.0 + ((j - i) as f32).ln();
                let idf = if use_idf {
                    self.idf.get(id as usize).copied().unwrap_or(1.0)
                } else {
                    1.0
                };
                let scale = self.scale.get(id as usize).copied().unwrap_or(1.0);
                out.push((id, tf * idf * scale));
            }
            i = j;
        }
        let tail = out.get_mut(start..).unwrap_or_default();
        let norm = tail.iter().map(|p| p.1 * p.1).sum::<f32>().sqrt();
        if norm > 0.0 {
            for p in tail {
                p.1 *= weight / norm;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors_are_normalised_and_sorted() {
        let v = Vectorizer::fit(
            ["what is my balance", "show my transactions"],
            FeatureConfig::default(),
        );
        let x = v.transform("What is my BALANCE?");
        assert!(x.idx.windows(2).all(|w| w[0] < w[1]));
        let norm: f32 = x.val.iter().map(|a| a * a).sum();
        assert!((norm - 2.0).abs() < 1e-4);
        assert!(v.transform("zzzz qqqq").idx.is_empty());
    }
}
