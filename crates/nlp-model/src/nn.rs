//! Dense building blocks: GEMM, maxout, layer norm and the thinc tok2vec
//! (MultiHashEmbed + MaxoutWindowEncoder with 4-row padding).

use std::collections::HashMap;
use std::sync::Mutex;

use crate::format::ModelFile;
use crate::hash::murmur3_u64;
use crate::ModelError;

thread_local! {
    /// Recycled float buffers: documents reuse the same large buffers instead of
    /// allocating and freeing megabytes per document (which fragments the heap).
    static POOL: std::cell::RefCell<Vec<Vec<f32>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A zeroed buffer of `len` floats from this thread's pool: the smallest pooled buffer
/// that is large enough (or the largest one, which then grows), so sizes stay stable.
pub(crate) fn take_buf(len: usize) -> Vec<f32> {
    let mut v = POOL
        .try_with(|p| {
            let mut p = p.borrow_mut();
            let fit = p
                .iter()
                .enumerate()
                .filter(|(_, b)| b.capacity() >= len)
                .min_by_key(|(_, b)| b.capacity())
                .map(|(i, _)| i)
                .or_else(|| {
                    p.iter()
                        .enumerate()
                        .max_by_key(|(_, b)| b.capacity())
                        .map(|(i, _)| i)
                });
            fit.map(|i| p.swap_remove(i))
        })
        .ok()
        .flatten()
        .unwrap_or_default();
    v.clear();
    v.resize(len, 0.0);
    v
}

/// Buffers kept per thread.
const POOL_SIZE: usize = 12;

/// Return a buffer to this thread's pool.
pub(crate) fn give_buf(v: Vec<f32>) {
    let _ = POOL.try_with(|p| {
        let mut p = p.borrow_mut();
        if p.len() < POOL_SIZE {
            p.push(v);
        }
    });
}

/// Row-major (rows×cols) → row-major (cols×rows).
pub(crate) fn transpose(w: &[f32], rows: usize, cols: usize) -> Vec<f32> {
    let mut t = vec![0.0; rows * cols];
    for (r, row) in w.chunks_exact(cols).enumerate().take(rows) {
        for (c, &v) in row.iter().enumerate() {
            t[c * rows + r] = v;
        }
    }
    t
}

/// `out (n×m) = x (n×k) · wt (k×m)`; weights are stored transposed (k×m) so the GEMM reads
/// them row-major.
pub(crate) fn gemm(x: &[f32], n: usize, k: usize, wt: &[f32], m: usize, out: &mut [f32]) {
    if n == 0 || m == 0 {
        return;
    }
    assert!(x.len() >= n * k && wt.len() >= m * k && out.len() >= n * m);
    // SAFETY: the assertion above guarantees every index the kernel touches is in bounds.
    unsafe {
        matrixmultiply::sgemm(
            n,
            k,
            m,
            1.0,
            x.as_ptr(),
            k as isize,
            1,
            wt.as_ptr(),
            m as isize,
            1,
            0.0,
            out.as_mut_ptr(),
            m as isize,
            1,
        );
    }
}

/// A linear layer `y = x·Wᵀ + b`.
pub(crate) struct Linear {
    /// Wᵀ, (n_in × n_out).
    pub wt: Vec<f32>,
    pub b: Vec<f32>,
    pub n_out: usize,
    pub n_in: usize,
}

impl Linear {
    pub fn load(
        f: &ModelFile,
        prefix: &str,
        n_out: usize,
        n_in: usize,
    ) -> Result<Self, ModelError> {
        Ok(Self {
            wt: transpose(
                &f.tensor(&format!("{prefix}.W"), &[n_out, n_in])?,
                n_out,
                n_in,
            ),
            b: f.tensor(&format!("{prefix}.b"), &[n_out])?,
            n_out,
            n_in,
        })
    }

    pub fn forward(&self, x: &[f32], n: usize) -> Vec<f32> {
        let mut y = take_buf(n * self.n_out);
        gemm(x, n, self.n_in, &self.wt, self.n_out, &mut y);
        for row in y.chunks_exact_mut(self.n_out) {
            for (v, b) in row.iter_mut().zip(&self.b) {
                *v += b;
            }
        }
        y
    }
}

/// Maxout (nO, nP, nI) followed by LayerNorm, as thinc's `Maxout(normalize=True)`.
struct MaxoutNorm {
    /// Wᵀ, (n_in × n_out·n_pieces).
    wt: Vec<f32>,
    b: Vec<f32>,
    g: Vec<f32>,
    nb: Vec<f32>,
    n_out: usize,
    n_pieces: usize,
    n_in: usize,
}

impl MaxoutNorm {
    fn load(f: &ModelFile, prefix: &str, i: usize, n_in: usize) -> Result<Self, ModelError> {
        let (n_out, n_pieces) = (96, 3);
        Ok(Self {
            wt: transpose(
                &f.tensor(&format!("{prefix}.maxout{i}.W"), &[n_out, n_pieces, n_in])?,
                n_out * n_pieces,
                n_in,
            ),
            b: f.tensor(&format!("{prefix}.maxout{i}.b"), &[n_out, n_pieces])?,
            g: f.tensor(&format!("{prefix}.norm{i}.G"), &[n_out])?,
            nb: f.tensor(&format!("{prefix}.norm{i}.b"), &[n_out])?,
            n_out,
            n_pieces,
            n_in,
        })
    }

    /// Rows of `x` (n × n_in) → `out` (n × n_out); `z` is scratch space.
    fn forward(&self, x: &[f32], n: usize, z: &mut Vec<f32>, out: &mut [f32]) {
        let wide = self.n_out * self.n_pieces;
        z.clear();
        z.resize(n * wide, 0.0);
        gemm(x, n, self.n_in, &self.wt, wide, z);
        for (zrow, orow) in z.chunks_exact(wide).zip(out.chunks_exact_mut(self.n_out)) {
            for (o, (pieces, bias)) in orow.iter_mut().zip(
                zrow.chunks_exact(self.n_pieces)
                    .zip(self.b.chunks_exact(self.n_pieces)),
            ) {
                let mut best = pieces[0] + bias[0];
                for p in 1..self.n_pieces {
                    let v = pieces[p] + bias[p];
                    if v > best {
                        best = v;
                    }
                }
                *o = best;
            }
            layer_norm(orow, &self.g, &self.nb);
        }
    }
}

fn layer_norm(row: &mut [f32], g: &[f32], b: &[f32]) {
    let n = row.len() as f32;
    let mu = row.iter().sum::<f32>() / n;
    let var = row.iter().map(|v| (v - mu) * (v - mu)).sum::<f32>() / n + 1e-8;
    let inv = var.powf(-0.5);
    for ((v, g), b) in row.iter_mut().zip(g).zip(b) {
        *v = (*v - mu) * inv * g + b;
    }
}

struct HashEmbed {
    table: Vec<f32>,
    rows: u32,
    seed: u32,
}

/// MultiHashEmbed + MaxoutWindowEncoder(width 96, depth 4, window 1).
pub(crate) struct Tok2Vec {
    embeds: Vec<HashEmbed>,
    mixer: MaxoutNorm,
    blocks: Vec<MaxoutNorm>,
    /// Mixer output per feature tuple: it depends on the token's features only.
    mixer_cache: Mutex<MixerCache>,
}

const MAX_FEATS: usize = 6;

/// Mixer rows in one preallocated slab (no per-entry allocation), cleared when full.
#[derive(Default)]
struct MixerCache {
    index: HashMap<[u64; MAX_FEATS], usize>,
    rows: Vec<f32>,
}

impl MixerCache {
    fn get(&self, k: &[u64; MAX_FEATS]) -> Option<&[f32]> {
        self.index
            .get(k)
            .and_then(|&i| self.rows.get(i * WIDTH..(i + 1) * WIDTH))
    }

    fn insert(&mut self, k: [u64; MAX_FEATS], row: &[f32]) {
        if self.index.len() >= MIXER_CACHE_LIMIT {
            self.index.clear();
            self.rows.clear();
        }
        if self.rows.capacity() == 0 {
            self.rows.reserve_exact(MIXER_CACHE_LIMIT * WIDTH);
            self.index.reserve(MIXER_CACHE_LIMIT);
        }
        self.index.insert(k, self.rows.len() / WIDTH);
        self.rows.extend_from_slice(row);
    }
}
const MIXER_CACHE_LIMIT: usize = 40_000;

pub(crate) const WIDTH: usize = 96;
const PAD: usize = 4;

impl Tok2Vec {
    pub fn load(f: &ModelFile, prefix: &str, seeds: &[u32]) -> Result<Self, ModelError> {
        let mut embeds = Vec::new();
        for (i, &seed) in seeds.iter().enumerate() {
            let (table, shape) = f.tensor_any(&format!("{prefix}.embed{i}"))?;
            if shape.len() != 2 || shape[1] != WIDTH {
                return Err(ModelError::Format(format!("{prefix}.embed{i} shape")));
            }
            embeds.push(HashEmbed {
                table,
                rows: shape[0] as u32,
                seed,
            });
        }
        let mixer = MaxoutNorm::load(f, prefix, 0, WIDTH * embeds.len())?;
        let blocks = (1..5)
            .map(|i| MaxoutNorm::load(f, prefix, i, WIDTH * 3))
            .collect::<Result<_, _>>()?;
        if embeds.len() > MAX_FEATS {
            return Err(ModelError::Format(format!("{prefix}: too many features")));
        }
        Ok(Self {
            embeds,
            mixer,
            blocks,
            mixer_cache: Mutex::new(MixerCache::default()),
        })
    }

    /// `feats` holds `n_features()` ids per token; returns n × 96.
    pub fn forward(&self, feats: &[u64], n: usize) -> Vec<f32> {
        let nf = self.embeds.len();
        let rows = n + 2 * PAD;
        let mut x = take_buf(rows * WIDTH);
        let key = |t: usize| {
            let mut k = [0u64; MAX_FEATS];
            k[..nf].copy_from_slice(&feats[t * nf..(t + 1) * nf]);
            k
        };
        // Cached mixer rows first; the rest (deduplicated) go through one GEMM.
        let mut missing: Vec<[u64; MAX_FEATS]> = Vec::new();
        let mut missing_at: HashMap<[u64; MAX_FEATS], usize> = HashMap::new();
        let mut todo: Vec<(usize, usize)> = Vec::new();
        {
            let cache = self.mixer_cache.lock().ok();
            for t in 0..n {
                let k = key(t);
                let dst = &mut x[(PAD + t) * WIDTH..(PAD + t + 1) * WIDTH];
                if let Some(row) = cache.as_ref().and_then(|c| c.get(&k)) {
                    dst.copy_from_slice(row);
                } else {
                    let j = *missing_at.entry(k).or_insert_with(|| {
                        missing.push(k);
                        missing.len() - 1
                    });
                    todo.push((t, j));
                }
            }
        }
        if !missing.is_empty() {
            let m = missing.len();
            let cat = WIDTH * nf;
            let mut emb = take_buf(m * cat);
            for (j, k) in missing.iter().enumerate() {
                for (c, e) in self.embeds.iter().enumerate() {
                    let dst = &mut emb[j * cat + c * WIDTH..j * cat + (c + 1) * WIDTH];
                    for h in murmur3_u64(k[c], e.seed) {
                        let r = (h % e.rows) as usize;
                        for (d, s) in dst.iter_mut().zip(&e.table[r * WIDTH..(r + 1) * WIDTH]) {
                            *d += s;
                        }
                    }
                }
            }
            let mut mixed = take_buf(m * WIDTH);
            let mut z = take_buf(0);
            self.mixer.forward(&emb, m, &mut z, &mut mixed);
            for &(t, j) in &todo {
                x[(PAD + t) * WIDTH..(PAD + t + 1) * WIDTH]
                    .copy_from_slice(&mixed[j * WIDTH..(j + 1) * WIDTH]);
            }
            if let Ok(mut cache) = self.mixer_cache.lock() {
                for (j, k) in missing.into_iter().enumerate() {
                    cache.insert(k, &mixed[j * WIDTH..(j + 1) * WIDTH]);
                }
            }
            for buf in [emb, mixed, z] {
                give_buf(buf);
            }
        }
        let mut z = take_buf(0);
        let mut win = take_buf(rows * 3 * WIDTH);
        let mut y = take_buf(rows * WIDTH);
        for block in &self.blocks {
            for r in 0..rows {
                let dst = &mut win[r * 3 * WIDTH..(r + 1) * 3 * WIDTH];
                dst.fill(0.0);
                if r > 0 {
                    dst[..WIDTH].copy_from_slice(&x[(r - 1) * WIDTH..r * WIDTH]);
                }
                dst[WIDTH..2 * WIDTH].copy_from_slice(&x[r * WIDTH..(r + 1) * WIDTH]);
                if r + 1 < rows {
                    dst[2 * WIDTH..].copy_from_slice(&x[(r + 1) * WIDTH..(r + 2) * WIDTH]);
                }
            }
            block.forward(&win, rows, &mut z, &mut y);
            for (a, b) in x.iter_mut().zip(&y) {
                *a += b;
            }
        }
        let mut out = take_buf(n * WIDTH);
        out.copy_from_slice(&x[PAD * WIDTH..(PAD + n) * WIDTH]);
        for buf in [x, win, y, z] {
            give_buf(buf);
        }
        out
    }
}
