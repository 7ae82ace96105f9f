//! Transition-based dependency parser (arc-eager, greedy) and the shared
//! precomputed-affine network used by both the parser and the NER.

use crate::format::ModelFile;
use crate::nn::{gemm, give_buf, take_buf, transpose, Linear, WIDTH};
use crate::ModelError;

const HIDDEN: usize = 64;
const PIECES: usize = 2;
const SLOT: usize = HIDDEN * PIECES;

/// Projection, precomputable lower layer (nF slots, maxout 2) and upper linear layer.
pub(crate) struct TransitionNet {
    proj: Linear,
    /// Lower weights transposed: (64 × nF·64·2).
    lower_wt: Vec<f32>,
    lower_b: Vec<f32>,
    lower_pad: Vec<f32>,
    upper: Linear,
    pub n_feats: usize,
}

impl TransitionNet {
    pub fn load(
        f: &ModelFile,
        prefix: &str,
        n_feats: usize,
        n_actions: usize,
    ) -> Result<Self, ModelError> {
        let upper = Linear::load(f, &format!("{prefix}.upper"), n_actions, HIDDEN)?;
        Ok(Self {
            proj: Linear::load(f, &format!("{prefix}.proj"), HIDDEN, WIDTH)?,
            lower_wt: transpose(
                &f.tensor(
                    &format!("{prefix}.lower.W"),
                    &[n_feats, HIDDEN, PIECES, HIDDEN],
                )?,
                n_feats * SLOT,
                HIDDEN,
            ),
            lower_b: f.tensor(&format!("{prefix}.lower.b"), &[HIDDEN, PIECES])?,
            lower_pad: f.tensor(
                &format!("{prefix}.lower.pad"),
                &[1, n_feats, HIDDEN, PIECES],
            )?,
            upper,
            n_feats,
        })
    }

    pub fn n_actions(&self) -> usize {
        self.upper.n_out
    }

    /// Per-token, per-slot lower-layer contributions: n × (nF·64·2).
    pub fn precompute(&self, t2v: &[f32], n: usize) -> Vec<f32> {
        let x = self.proj.forward(t2v, n);
        let width = self.n_feats * SLOT;
        let mut yf = take_buf(n * width);
        gemm(&x, n, HIDDEN, &self.lower_wt, width, &mut yf);
        give_buf(x);
        yf
    }

    /// Scores of all actions for the context tokens `ids` (−1 = missing).
    pub fn scores(&self, yf: &[f32], ids: &[i32], hidden: &mut [f32; SLOT], out: &mut [f32]) {
        hidden.fill(0.0);
        let width = self.n_feats * SLOT;
        for (f, &id) in ids.iter().enumerate() {
            let src = if id >= 0 {
                let base = id as usize * width + f * SLOT;
                &yf[base..base + SLOT]
            } else {
                &self.lower_pad[f * SLOT..(f + 1) * SLOT]
            };
            for (h, s) in hidden.iter_mut().zip(src) {
                *h += s;
            }
        }
        let mut h = [0.0f32; HIDDEN];
        for (o, hv) in h.iter_mut().enumerate() {
            let a = hidden[o * 2] + self.lower_b[o * 2];
            let b = hidden[o * 2 + 1] + self.lower_b[o * 2 + 1];
            *hv = if b > a { b } else { a };
        }
        let n_actions = self.upper.n_out;
        let out = &mut out[..n_actions];
        out.fill(0.0);
        for (&hj, w) in h.iter().zip(self.upper.wt.chunks_exact(n_actions)) {
            for (o, &wv) in out.iter_mut().zip(w) {
                *o += hj * wv;
            }
        }
        for (o, b) in out.iter_mut().zip(&self.upper.b) {
            *o += b;
        }
    }
}

/// Lowest index with the strictly highest score among valid actions.
pub(crate) fn arg_max_if_valid(scores: &[f32], valid: &[bool]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, (&s, &ok)) in scores.iter().zip(valid).enumerate() {
        if ok && best.is_none_or(|b| s > scores[b]) {
            best = Some(i);
        }
    }
    best
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Move {
    Shift,
    Reduce,
    Left,
    Right,
    Break,
}

impl Move {
    pub fn from_id(id: u8) -> Option<Self> {
        Some(match id {
            0 => Move::Shift,
            1 => Move::Reduce,
            2 => Move::Left,
            3 => Move::Right,
            4 => Move::Break,
            _ => return None,
        })
    }
}

#[derive(Clone, Copy)]
struct Arc {
    child: i32,
}

/// Arc-eager parse state (`StateC`).
struct State {
    n: i32,
    stack: Vec<i32>,
    rebuffer: Vec<i32>,
    b_i: i32,
    heads: Vec<i32>,
    labels: Vec<u16>,
    left_arcs: Vec<Vec<Arc>>,
    right_arcs: Vec<Vec<Arc>>,
    unshiftable: Vec<bool>,
    sent_start: Vec<bool>,
}

impl State {
    fn new(n: usize) -> Self {
        let mut sent_start = vec![false; n];
        if let Some(s) = sent_start.first_mut() {
            *s = true;
        }
        Self {
            n: n as i32,
            stack: Vec::new(),
            rebuffer: Vec::new(),
            b_i: 0,
            heads: vec![-1; n],
            labels: vec![0; n],
            left_arcs: vec![Vec::new(); n],
            right_arcs: vec![Vec::new(); n],
            unshiftable: vec![false; n],
            sent_start,
        }
    }

    fn s(&self, i: usize) -> i32 {
        if i < self.stack.len() {
            self.stack[self.stack.len() - 1 - i]
        } else {
            -1
        }
    }

    fn b(&self, i: usize) -> i32 {
        if i < self.rebuffer.len() {
            return self.rebuffer[self.rebuffer.len() - 1 - i];
        }
        let j = self.b_i + (i - self.rebuffer.len()) as i32;
        if j < self.n {
            j
        } else {
            -1
        }
    }

    fn buffer_length(&self) -> i32 {
        (self.n - self.b_i) + self.rebuffer.len() as i32
    }

    fn is_final(&self) -> bool {
        self.stack.is_empty() && self.buffer_length() <= 0
    }

    fn last_child(arcs: &[Vec<Arc>], h: i32) -> i32 {
        if h < 0 {
            return -1;
        }
        arcs[h as usize]
            .iter()
            .rev()
            .find(|a| a.child != -1)
            .map_or(-1, |a| a.child)
    }

    fn is_sent_start(&self, w: i32) -> bool {
        w >= 0 && w < self.n && self.sent_start[w as usize]
    }

    fn context(&self, ids: &mut [i32; 8]) {
        let b0 = self.b(0);
        let s0 = self.s(0);
        *ids = [
            b0,
            self.b(1),
            s0,
            self.s(1),
            self.s(2),
            Self::last_child(&self.left_arcs, b0),
            Self::last_child(&self.left_arcs, s0),
            Self::last_child(&self.right_arcs, s0),
        ];
        for id in ids.iter_mut() {
            if *id < 0 {
                *id = -1;
            }
        }
    }

    fn valid(&self) -> [bool; 5] {
        let depth = self.stack.len();
        let blen = self.buffer_length();
        let b0 = self.b(0);
        let shift = depth == 0
            || (blen >= 2
                && !self.is_sent_start(b0)
                && !(b0 >= 0 && self.unshiftable[b0 as usize]));
        let reduce = depth > 0;
        let arc = depth > 0 && blen > 0 && !self.is_sent_start(b0);
        let b1 = self.b(1);
        let brk = blen >= 2 && b1 == b0 + 1 && !self.is_sent_start(b1);
        [shift, reduce, arc, arc, brk]
    }

    fn push(&mut self) {
        let b0 = match self.rebuffer.pop() {
            Some(x) => x,
            None => {
                self.b_i += 1;
                self.b_i - 1
            }
        };
        self.stack.push(b0);
    }

    fn del_arc(&mut self, h: i32, c: i32) {
        let arcs = if h > c {
            &mut self.left_arcs[h as usize]
        } else {
            &mut self.right_arcs[h as usize]
        };
        // Only removing the last arc has an effect in spaCy (the other branch edits a copy).
        if arcs.last().is_some_and(|a| a.child == c) {
            arcs.pop();
        }
    }

    fn add_arc(&mut self, h: i32, c: i32, label: u16) {
        let old = self.heads[c as usize];
        if old >= 0 {
            self.del_arc(old, c);
        }
        let arc = Arc { child: c };
        if h > c {
            self.left_arcs[h as usize].push(arc);
        } else {
            self.right_arcs[h as usize].push(arc);
        }
        self.heads[c as usize] = h;
        self.labels[c as usize] = label;
    }

    fn apply(&mut self, mv: Move, label: u16) {
        match mv {
            Move::Shift => self.push(),
            Move::Reduce => {
                let s0 = self.s(0);
                if self.heads[s0 as usize] >= 0 || self.stack.len() == 1 {
                    self.stack.pop();
                } else {
                    self.unshiftable[s0 as usize] = true;
                    self.rebuffer.push(s0);
                    self.stack.pop();
                }
            }
            Move::Left => {
                let (b0, s0) = (self.b(0), self.s(0));
                self.add_arc(b0, s0, label);
                self.unshiftable[b0 as usize] = false;
                self.stack.pop();
            }
            Move::Right => {
                let (b0, s0) = (self.b(0), self.s(0));
                self.add_arc(s0, b0, label);
                self.push();
            }
            Move::Break => {
                let b1 = self.b(1);
                self.sent_start[b1 as usize] = true;
            }
        }
    }
}

/// Result of parsing one document.
pub(crate) struct Parse {
    pub heads: Vec<usize>,
    /// Index into the parser's label list; `None` = ROOT.
    pub deps: Vec<Option<u16>>,
}

/// Greedy arc-eager decoding. `actions[i] = (move, label index)`.
pub(crate) fn parse(net: &TransitionNet, yf: &[f32], n: usize, actions: &[(Move, u16)]) -> Parse {
    let mut st = State::new(n);
    let mut ids = [0i32; 8];
    let mut hidden = [0.0f32; SLOT];
    let mut scores = vec![0.0f32; net.n_actions()];
    let mut valid = vec![false; actions.len()];
    let max_steps = 10 * n + 10;
    let mut steps = 0;
    while !st.is_final() && steps < max_steps {
        steps += 1;
        st.context(&mut ids);
        net.scores(yf, &ids, &mut hidden, &mut scores);
        let vm = st.valid();
        for (v, (mv, _)) in valid.iter_mut().zip(actions) {
            *v = vm[*mv as usize];
        }
        let Some(best) = arg_max_if_valid(&scores, &valid) else {
            break;
        };
        let (mv, label) = actions[best];
        st.apply(mv, label);
    }
    let mut heads: Vec<usize> = (0..n).collect();
    let mut deps = vec![None; n];
    for c in 0..n {
        let h = st.heads[c];
        if h >= 0 && h as usize != c {
            heads[c] = h as usize;
            deps[c] = Some(st.labels[c]);
        }
    }
    Parse { heads, deps }
}

/// `set_children_from_heads`: left/right edges and sentence starts.
pub(crate) fn edges_and_sent_starts(heads: &[usize]) -> (Vec<usize>, Vec<usize>, Vec<bool>) {
    let n = heads.len();
    let mut l: Vec<usize> = (0..n).collect();
    let mut r: Vec<usize> = (0..n).collect();
    let is_root = |i: usize| heads[i] == i;
    for _ in 0..12 {
        for i in 0..n {
            let h = heads[i];
            if l[i] < l[h] {
                l[h] = l[i];
            }
            if r[i] > r[h] {
                r[h] = r[i];
            }
        }
        for i in (0..n).rev() {
            let h = heads[i];
            if r[i] > r[h] {
                r[h] = r[i];
            }
            if l[i] < l[h] {
                l[h] = l[i];
            }
        }
        let mut starts = vec![false; n];
        for i in 0..n {
            if is_root(i) {
                starts[l[i]] = true;
            }
        }
        let mut ok = true;
        let mut cur = 0;
        'outer: for i in 0..n {
            if (i > 0 && starts[i]) || i + 1 == n {
                for &h in &heads[cur..i] {
                    if h < cur || h > i {
                        ok = false;
                        break 'outer;
                    }
                }
                cur = i;
            }
        }
        if ok {
            break;
        }
    }
    let mut sent = vec![false; n];
    for i in 0..n {
        if is_root(i) {
            sent[l[i]] = true;
        }
    }
    (l, r, sent)
}

/// Undo the pseudo-projective decorations (`label||head_label`), then recompute edges.
pub(crate) fn deprojectivize(
    heads: &mut [usize],
    deps: &mut [String],
    is_space: &[bool],
) -> Vec<bool> {
    let n = heads.len();
    let (l_edge, r_edge, _) = edges_and_sent_starts(heads);
    for i in 0..n {
        let Some((new_label, head_label)) = deps[i].split_once("||") else {
            continue;
        };
        let (new_label, head_label) = (new_label.to_string(), head_label.to_string());
        let mut new_head = heads[i];
        let mut queue = vec![heads[i]];
        let mut levels = 0;
        'search: while !queue.is_empty() && levels <= n {
            levels += 1;
            let mut next = Vec::new();
            for &q in &queue {
                for c in l_edge[q]..=r_edge[q] {
                    if c == q || heads[c] != q || is_space[c] || c == i {
                        continue;
                    }
                    if deps[c] == head_label {
                        new_head = c;
                        break 'search;
                    }
                    next.push(c);
                }
            }
            queue = next;
        }
        heads[i] = new_head;
        deps[i] = new_label;
    }
    edges_and_sent_starts(heads).2
}
