"""Generated news corpora for the scaling benchmarks and tests: realistic variants of real news.

Each document is a template article changed the way copies of one story differ between outlets:
paragraphs reordered, numbers shifted, the publication date moved by a few days, an outlet line
appended. Templates are the two samples (tests), or the 90+ English (TimeBank, AQUAINT) and 400+
Estonian (MThesis2010, ERY2012) news articles of ``../shared/eval`` (benchmarks), so a large
corpus has many stories with their own people and places, as an archive does. Deterministic for
a given count, so runs compare.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
from dataclasses import dataclass
from pathlib import Path

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").iterdir())
_HEADER = re.compile(r"^\s*date:?\s+\d{4}(?:-\d{2}){0,2}\s*", re.IGNORECASE)
_NUMBER = re.compile(r"\b\d{2,3}\b")
_OUTLETS = ("Reuters", "ERR", "Postimees", "BBC", "Delfi", "AP", "Meduza", "Al Jazeera")


@dataclass(frozen=True)
class Template:
    text: str
    date: dt.date | None  # the article's publication day, if known to the day


def seed_templates() -> list[Template]:
    """The two samples (Estonian, English), dated in the autumn of 2019."""
    return [Template(path.read_text(encoding="utf-8"), None) for path in SEEDS]


def gold_templates() -> list[Template]:
    """Every article of the gold corpora with over 100 words, English and Estonian interleaved."""
    from benchmarks._corpora import CORPORA, read_corpus

    by_language: dict[str, list[Template]] = {"en": [], "et": []}
    for corpus in CORPORA.values():
        for doc in read_corpus(corpus):
            if len(doc.text.split()) > 100:
                bounds = doc.dct.bounds()
                day = bounds[0] if bounds and doc.dct.granularity == "day" else None
                by_language[corpus.language].append(Template(doc.text, day))
    english, estonian = by_language["en"], by_language["et"]
    return [t for pair in itertools.zip_longest(english, estonian) for t in pair if t]


def variant(template: Template, number: int) -> str:
    """The ``number``-th outlet's copy of a template: same story, different surface."""
    rng = random.Random(number)
    text = template.text
    body = _HEADER.sub("", text, count=1)
    paragraphs = [p for p in body.split("\n") if p.strip()]
    if len(paragraphs) > 3:
        i = rng.randrange(1, len(paragraphs) - 1)
        paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
    shift = rng.randint(1, 9)
    body = _NUMBER.sub(lambda m: str(int(m[0]) + shift), "\n".join(paragraphs))
    start = template.date or dt.date(2019, 10, 1)
    day = start + dt.timedelta(days=rng.randrange(0, 4 if template.date else 60))
    outlet = _OUTLETS[number % len(_OUTLETS)]
    return f"Date: {day.isoformat()}\n{body}\n(Reporting: {outlet} desk {number % 97})\n"


def write_corpus(folder: Path, count: int, templates: list[Template] | None = None) -> list[Path]:
    """Write ``count`` variants of the templates (default: the samples) in turn, 100 a folder."""
    seeds = templates or seed_templates()
    paths = []
    for number in range(count):
        sub = folder / f"part{number // 100:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"doc{number:06d}.txt"
        path.write_text(variant(seeds[number % len(seeds)], number), encoding="utf-8")
        paths.append(path)
    return paths
