#!/usr/bin/env python3
"""Extract the article texts of ../shared/benchmarks/geoparsing/*.xml (plus the seed article)
into a JSON array for spacy-reference.py / the Rust `annotate` example. Output stays outside
the repository (the corpus must not be copied into it).

Usage: spacy-corpus-texts.py SHARED_DIR OUT.json
"""
import glob
import json
import os
import sys
import xml.etree.ElementTree as ET


def main(shared, out):
    texts = []
    seed = os.path.join(shared, "seed", "article.txt")
    if os.path.exists(seed):
        texts.append(open(seed, encoding="utf-8").read())
    for path in sorted(glob.glob(os.path.join(shared, "benchmarks", "geoparsing", "*.xml"))):
        root = ET.parse(path).getroot()
        for article in root.iter("article"):
            text = article.findtext("text")
            if text:
                texts.append(text)
    json.dump(texts, open(out, "w", encoding="utf-8"), ensure_ascii=False)
    print(f"{len(texts)} texts")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
