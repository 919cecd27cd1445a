"""Language identification on short texts: accuracy and speed on sentences of the gold corpora.

    .venv/bin/python -m benchmarks.langid [--sentences N]
"""

from __future__ import annotations

import argparse
import random
import re
import time

from benchmarks._corpora import CORPORA, read_corpus
from timeweave.langid import detect

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(corpus: str, count: int) -> list[str]:
    """``count`` random sentences of 15-120 characters from a corpus (fixed seed)."""
    found = [
        " ".join(sentence.split())
        for document in read_corpus(CORPORA[corpus], limit=80)
        for sentence in _SENTENCE_END.split(document.text)
        if 15 <= len(" ".join(sentence.split())) <= 120
    ]
    return random.Random(1).sample(found, min(count, len(found)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=400)
    args = parser.parse_args()
    start = time.perf_counter()
    detect("warm up: load the model")
    print(f"model load: {time.perf_counter() - start:.2f} s")
    for name in ("timebank", "aquaint", "mthesis", "ery"):
        sample = sentences(name, args.sentences)
        start = time.perf_counter()
        right = sum(detect(s) == CORPORA[name].language for s in sample)
        elapsed = time.perf_counter() - start
        print(f"{name:9s} {len(sample)} sentences: {100 * right / len(sample):5.1f} % right, "
              f"{1000 * elapsed / len(sample):.2f} ms per sentence")


if __name__ == "__main__":
    main()
