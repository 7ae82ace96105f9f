//! Named-entity recognizer: BILUO transition system with greedy decoding (`ner.pyx`).

use crate::parser::{arg_max_if_valid, TransitionNet};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Biluo {
    Begin,
    In,
    Last,
    Unit,
    Out,
}

impl Biluo {
    pub fn from_id(id: u8) -> Option<Self> {
        Some(match id {
            1 => Biluo::Begin,
            2 => Biluo::In,
            3 => Biluo::Last,
            4 => Biluo::Unit,
            5 => Biluo::Out,
            _ => return None,
        })
    }
}

/// An entity span `[start, end)` with a label index (into the NER label list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub start: usize,
    pub end: usize,
    pub label: u16,
}

/// `actions[i] = (move, label)`, label `None` = the empty label.
pub(crate) fn recognize(
    net: &TransitionNet,
    yf: &[f32],
    n: usize,
    actions: &[(Biluo, Option<u16>)],
    sent_start: &[bool],
    is_space: &[bool],
) -> Vec<Span> {
    let mut ents = Vec::new();
    let mut open: Option<(usize, u16)> = None;
    let mut hidden = [0.0f32; 128];
    let mut scores = vec![0.0f32; net.n_actions()];
    let mut valid = vec![false; actions.len()];
    for b0 in 0..n {
        let blen = n - b0;
        let e0 = open.map_or(-1, |(s, _)| s as i32);
        let ids = [b0 as i32, e0, if e0 >= 0 { b0 as i32 - 1 } else { -1 }];
        net.scores(yf, &ids, &mut hidden, &mut scores);
        let b1_starts = b0 + 1 < n && sent_start[b0 + 1];
        for (v, &(mv, label)) in valid.iter_mut().zip(actions) {
            *v = match mv {
                Biluo::Begin => {
                    open.is_none() && blen >= 2 && label.is_some() && !b1_starts && !is_space[b0]
                }
                Biluo::In => {
                    blen >= 2
                        && label.is_some()
                        && open.is_some_and(|(_, l)| Some(l) == label)
                        && !b1_starts
                }
                Biluo::Last => label.is_some() && open.is_some_and(|(_, l)| Some(l) == label),
                Biluo::Unit => label.is_some() && open.is_none() && !is_space[b0],
                Biluo::Out => open.is_none(),
            };
        }
        let Some(best) = arg_max_if_valid(&scores, &valid) else {
            break;
        };
        match actions[best] {
            (Biluo::Begin, Some(l)) => open = Some((b0, l)),
            (Biluo::Last, _) => {
                if let Some((s, l)) = open.take() {
                    ents.push(Span {
                        start: s,
                        end: b0 + 1,
                        label: l,
                    });
                }
            }
            (Biluo::Unit, Some(l)) => ents.push(Span {
                start: b0,
                end: b0 + 1,
                label: l,
            }),
            _ => {}
        }
    }
    ents
}
