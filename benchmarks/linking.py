"""Cross-document linking cost: time and memory for 30 to 10,000 generated documents.

The documents are analyses, not texts, so linking is measured alone: each has 40 events and
25 entity mentions drawn the way news draws them (a few keys in most articles, "Syria", many
in a few), people spelt in Estonian and English transliterations, times spread over two years,
a share of reported, planned and negated events. Prints CPU seconds, peak memory,
stories and links per size, and the growth exponent fitted between sizes (time ~ n^k). Memory is
how far the peak resident size rose above the generated analyses while linking.

    .venv/bin/python -m benchmarks.linking [--sizes 30,300,1000,10000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import multiprocessing
import random
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeweave import compare  # noqa: E402
from timeweave.events.base import CATEGORIES  # noqa: E402
from timeweave.model import (  # noqa: E402
    Document,
    DocumentAnalysis,
    DocumentDate,
    Entity,
    Event,
    EventTime,
    Participant,
)

_EVENTS = 40
_MENTIONS = 25
_PLACES = 300
_ORGS = 2_000
_PEOPLE = 5_000
_SURNAMES = ("Rogatšjov", "Konašenkov", "Zahharova", "Prigožin", "Jevtušenko", "Smirnov")
_EN_SURNAMES = ("Rogachev", "Konashenkov", "Zakharova", "Prigozhin", "Yevtushenko", "Smirnov")
_VERBS = ("attack", "flee", "meet", "sign", "kill", "say", "arrest", "buy", "elect", "open")


def _zipf(rng: random.Random, size: int) -> int:
    """An index in ``range(size)`` with a long tail: a few keys are in most documents."""
    return min(int(rng.paretovariate(1.1)) - 1, size - 1)


def _person(rng: random.Random, estonian: bool) -> str:
    index = _zipf(rng, _PEOPLE)
    family = (_SURNAMES if estonian else _EN_SURNAMES)[index % len(_SURNAMES)]
    return f"{'JIVS'[index % 4]}{index:04d} {family}{index // len(_SURNAMES)}"


def generate(count: int, seed: int = 7) -> list[DocumentAnalysis]:
    rng = random.Random(seed)
    start = dt.date(2018, 1, 1)
    analyses = []
    for n in range(count):
        estonian = n % 3 == 0
        doc = Document(f"d{n + 1}", f"gen{n}.txt", "x" * 4000, language="et" if estonian else "en",
                       date=DocumentDate.from_date(start + dt.timedelta(days=n % 730), "day",
                                                   "user"))
        entities = []
        for m in range(_MENTIONS):
            kind = rng.random()
            if kind < 0.3:
                label, key = "GPE", f"Place{_zipf(rng, _PLACES)}"
            elif kind < 0.6:
                label, key = "ORG", f"Org{_zipf(rng, _ORGS)}"
            else:
                label, key = "PERSON", _person(rng, estonian)
            entities.append(Entity(f"e{m + 1}", m * 150, m * 150 + 8, key, label, key))
        events = []
        for k in range(_EVENTS):
            day = start + dt.timedelta(days=(n % 730) - rng.randrange(0, 20))
            wide = rng.random() < 0.3
            when = EventTime(day - dt.timedelta(days=30) if wide else day, day, day.isoformat(),
                             "timex")
            agent, patient = rng.sample(entities, 2)
            roll = rng.random()
            events.append(Event(
                f"v{k + 1}", k * 90, k * 90 + 80, "", _VERBS[k % len(_VERBS)], (agent.id,), when,
                trigger=(k * 90, k * 90 + 6), category=rng.choice(CATEGORIES),
                modality="reported" if roll < 0.2 else "planned" if roll < 0.25 else "asserted",
                polarity="NEG" if rng.random() < 0.05 else "POS",
                participants=(Participant("agent", agent.id), Participant("patient", patient.id)),
            ))
        analyses.append(DocumentAnalysis(doc, [], entities, events))
    return analyses


def _measure(count: int) -> tuple[float, float, int, int]:
    """(CPU seconds, MB the peak resident size grew by, stories, links) for linking ``count``
    documents; run in a fresh process so each size starts from the same memory."""
    analyses = generate(count)
    before = _resident_mb()
    began = time.process_time()
    links, stories = compare.link_stories(analyses)
    seconds = time.process_time() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return seconds, max(peak - before, 0.0), len(stories), len(links)


def _resident_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 2**20


def measure(count: int) -> tuple[float, float, int, int]:
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(_measure, count).result()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="30,300,1000,10000")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    print(f"{'documents':>10} {'events':>9} {'CPU s':>8} {'+peak MB':>8} {'stories':>8} "
          f"{'links':>8}")
    rows = []
    for count in sizes:
        seconds, peak, stories, links = measure(count)
        rows.append((count, seconds))
        print(f"{count:>10,} {count * _EVENTS:>9,} {seconds:>8.2f} {peak:>8.1f} {stories:>8,} "
              f"{links:>8,}")
    for (n1, t1), (n2, t2) in zip(rows, rows[1:], strict=False):
        if t1 > 0 and t2 > 0:
            print(f"growth {n1:,} -> {n2:,} documents: exponent "
                  f"{math.log(t2 / t1) / math.log(n2 / n1):.2f}")


if __name__ == "__main__":
    main()
