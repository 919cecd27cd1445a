"""Generated news corpora for the scaling benchmarks and tests: realistic variants of the samples.

Each document is one of the two samples (Estonian, English) changed the way copies of one story
differ between outlets: paragraphs reordered, numbers shifted, a publication date moved by some
days, an outlet line appended. Deterministic for a given count, so runs compare.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").iterdir())
_HEADER = re.compile(r"^\s*date:?\s+\d{4}(?:-\d{2}){0,2}\s*", re.IGNORECASE)
_NUMBER = re.compile(r"\b\d{2,3}\b")
_OUTLETS = ("Reuters", "ERR", "Postimees", "BBC", "Delfi", "AP", "Meduza", "Al Jazeera")


def variant(text: str, number: int) -> str:
    """The ``number``-th outlet's copy of ``text``: same story, different surface."""
    rng = random.Random(number)
    body = _HEADER.sub("", text, count=1)
    paragraphs = [p for p in body.split("\n") if p.strip()]
    if len(paragraphs) > 3:
        i = rng.randrange(1, len(paragraphs) - 1)
        paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
    shift = rng.randint(1, 9)
    body = _NUMBER.sub(lambda m: str(int(m[0]) + shift), "\n".join(paragraphs))
    day = dt.date(2019, 10, 1) + dt.timedelta(days=rng.randrange(0, 60))
    outlet = _OUTLETS[number % len(_OUTLETS)]
    return f"Date: {day.isoformat()}\n{body}\n(Reporting: {outlet} desk {number % 97})\n"


def write_corpus(folder: Path, count: int) -> list[Path]:
    """Write ``count`` variants (Estonian and English alternating) in ``folder``, 100 a folder."""
    seeds = [path.read_text(encoding="utf-8") for path in SEEDS]
    paths = []
    for number in range(count):
        sub = folder / f"part{number // 100:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"doc{number:06d}.txt"
        path.write_text(variant(seeds[number % len(seeds)], number), encoding="utf-8")
        paths.append(path)
    return paths
