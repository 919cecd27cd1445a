"""Entities and events: pipeline load time, extraction time per 1,000 words, peak memory.

Run: ``.venv/bin/python benchmarks/extraction.py [--docs N]``. Texts: the two seeds plus the
first N documents of each gold corpus in ../shared/eval (English TimeBank, Estonian MThesis).
Extraction = spaCy/Estonian parse + entities + events (time expressions are the temporal
tagger's and are measured by benchmarks/temporal.py). Also prints what the seeds produce.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpora import CORPORA, read_corpus  # noqa: E402

from timeweave import compare, entities, events, nlp  # noqa: E402
from timeweave.loaders import load_document  # noqa: E402
from timeweave.model import DocumentAnalysis  # noqa: E402

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").iterdir())


def _extract(text: str, language: str) -> None:
    from timeweave.model import Document

    document = Document("b", "b.txt", text, language=language)
    parsed = nlp.parse(text, language)
    found = entities.find(parsed, document)
    events.find(parsed, document, [], found)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=40, help="gold documents per language")
    args = parser.parse_args()
    tracemalloc.start()
    texts: dict[str, list[str]] = {"en": [], "et": []}
    for seed in SEEDS:
        document = load_document(str(seed), "s")
        texts[document.language or "en"].append(document.text)
    for name, language in (("timebank", "en"), ("mthesis", "et")):
        texts[language] += [g.text for g in read_corpus(CORPORA[name], limit=args.docs)]
    for language in ("en", "et"):
        started = time.perf_counter()
        nlp.pipeline(language)
        print(f"{language}: pipeline load {time.perf_counter() - started:.2f} s")
    for language, batch in texts.items():
        words = sum(len(t.split()) for t in batch)
        started = time.perf_counter()
        for text in batch:
            _extract(text, language)
        elapsed = time.perf_counter() - started
        print(f"{language}: {len(batch)} texts, {words} words, {elapsed:.2f} s, "
              f"{elapsed / words * 1000:.3f} s per 1,000 words")
    _, peak = tracemalloc.get_traced_memory()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak Python allocations (tracemalloc) {peak / 2**20:.0f} MB; max RSS {rss:.0f} MB")
    _seed_report()


def _seed_report() -> None:
    analyses = []
    for index, seed in enumerate(SEEDS, start=1):
        document = load_document(str(seed), f"d{index}")
        parsed = nlp.parse(document.text, document.language)
        found = entities.find(parsed, document)
        analyses.append(DocumentAnalysis(document, [], found,
                                         events.find(parsed, document, [], found)))
    for analysis in analyses:
        keys = {e.id: e.key for e in analysis.entities}
        print(f"\n{analysis.document.id} ({analysis.document.language}): "
              f"{len(analysis.entities)} entities, {len(set(keys.values()))} keys, "
              f"{len(analysis.events)} events")
        for event in analysis.events:
            actors = ", ".join(keys[a] for a in event.actors)
            print(f"  {event.id} {event.cue!r}: {actors or '-'}")
    links = compare.link(analyses)
    print(f"\nlinks: {sum(x.kind == 'entity' for x in links)} entity, "
          f"{sum(x.kind == 'event' for x in links)} event")
    for link in links:
        print(f"  {link.kind} {link.key} ({link.score:.2f}): {link.reason}")


if __name__ == "__main__":
    main()
