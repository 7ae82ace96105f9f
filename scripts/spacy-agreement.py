#!/usr/bin/env python3
"""Compare wirecoder-nlp-model against spaCy on a set of documents (not run in CI).

Usage: spacy-agreement.py REF.jsonl RUST.jsonl
  REF.jsonl  from `scripts/spacy-reference.py texts.json REF.jsonl`
  RUST.jsonl from `cargo run --release -p wirecoder-nlp-model --example annotate < texts.json`
Texts for the shared news corpus: `scripts/spacy-corpus-texts.py ../shared/benchmarks/geoparsing`.
Prints token-level agreement per attribute and entity agreement; lists the first differences.
"""
import json
import sys

FIELDS = ["text", "space", "tag", "pos", "morph", "lemma", "head", "dep", "sent_start"]


def main(ref_path, rust_path):
    refs = [json.loads(l) for l in open(ref_path, encoding="utf-8")]
    rust = [json.loads(l) for l in open(rust_path, encoding="utf-8")]
    assert len(refs) == len(rust), (len(refs), len(rust))
    tok_docs_diff = 0
    total = 0
    agree = {f: 0 for f in FIELDS}
    ents_ref = ents_rust = ents_same = 0
    ent_docs_diff = 0
    shown = 0
    for i, (a, b) in enumerate(zip(refs, rust)):
        ta = [t[:9] for t in a["tokens"]]
        tb = [t[:9] for t in b["tokens"]]
        if [t[0] for t in ta] != [t[0] for t in tb]:
            tok_docs_diff += 1
            if shown < 10:
                shown += 1
                for k, (x, y) in enumerate(zip(ta, tb)):
                    if x[0] != y[0]:
                        print(f"doc {i}: token {k}: spacy {x[0]!r} rust {y[0]!r}")
                        break
                else:
                    print(f"doc {i}: token count {len(ta)} vs {len(tb)}")
            total += len(ta)
            continue
        total += len(ta)
        for x, y in zip(ta, tb):
            for f, u, v in zip(FIELDS, x, y):
                if u == v:
                    agree[f] += 1
                elif shown < 40:
                    shown += 1
                    print(f"doc {i}: {f}: token {x[0]!r}: spacy {u!r} rust {v!r}")
        ea = {tuple(e) for e in a["ents"]}
        eb = {tuple(e) for e in b["ents"]}
        ents_ref += len(ea)
        ents_rust += len(eb)
        ents_same += len(ea & eb)
        if ea != eb:
            ent_docs_diff += 1
    print(f"documents: {len(refs)}, tokens: {total}, docs with token differences: {tok_docs_diff}")
    for f in FIELDS:
        print(f"  {f:10s} {agree[f]}/{total} = {100.0 * agree[f] / max(total, 1):.4f}%")
    print(f"entities: spacy {ents_ref}, rust {ents_rust}, identical {ents_same}; "
          f"docs with entity differences: {ent_docs_diff}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
