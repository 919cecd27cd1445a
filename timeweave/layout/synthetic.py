"""Synthetic analyses for the timeline's previews, tests and benchmarks.

Until the extraction pipeline runs end to end, and for the 100,000-event benchmark ever after,
the timeline needs realistic-looking input: bursts of news around a few stories, days, weeks,
months, vague "recent months", events dated only by the publication date, and undated ones.
"""

from __future__ import annotations

import datetime as dt
import random

from timeweave.model import (
    Document,
    DocumentAnalysis,
    DocumentDate,
    Entity,
    Event,
    EventTime,
)

_ACTORS = (
    ("russia", "Russia"), ("syria", "Syria"), ("turkey", "Turkey"), ("usa", "United States"),
    ("isis", "Islamic State"), ("iran", "Iran"), ("iraq", "Iraq"), ("nato", "NATO"),
    ("un", "United Nations"), ("eu", "European Union"), ("putin", "Vladimir Putin"),
    ("assad", "Bashar al-Assad"), ("erdogan", "Recep Tayyip Erdoğan"), ("kurds", "Kurds"),
)
_CUES = ("said", "attacked", "announced", "met", "denied", "reported", "struck", "agreed",
         "warned", "withdrew")
_OUTLETS = ("Postimees", "ERR News", "Reuters", "BBC", "Delfi", "Al Jazeera", "AP", "Meduza")


def synthetic_analyses(events: int, documents: int, seed: int = 0,
                       first: dt.date = dt.date(2011, 1, 1), years: int = 12
                       ) -> list[DocumentAnalysis]:
    """``events`` events spread over ``documents`` documents and ``years`` years from ``first``."""
    rng = random.Random(seed)
    stories = [first + dt.timedelta(days=rng.randrange(years * 365)) for _ in range(40)]
    analyses = []
    for number in range(documents):
        share = events // documents + (1 if number < events % documents else 0)
        published = rng.choice(stories) + dt.timedelta(days=rng.randrange(3, 60))
        analyses.append(_document(rng, number, share, published, stories))
    return analyses


def _document(rng: random.Random, number: int, count: int, published: dt.date,
              stories: list[dt.date]) -> DocumentAnalysis:
    document = Document(
        id=f"doc{number:03d}", path=f"synthetic/doc{number:03d}.txt", text="",
        title=f"{_OUTLETS[number % len(_OUTLETS)]}: report {number + 1}", language="en",
        date=DocumentDate.from_date(published, "day", "header"))
    parts: list[str] = []
    offset = 0
    entities: list[Entity] = []
    found: list[Event] = []
    for index in range(count):
        key, name = rng.choice(_ACTORS)
        cue = rng.choice(_CUES)
        sentence = f"{name} {cue} something about story {index % 40}. "
        entity = Entity(f"{document.id}-t{index}", offset, offset + len(name), name, "ORG", key)
        entities.append(entity)
        actors = (entity.id,) if rng.random() < 0.9 else ()
        found.append(Event(f"e{index}", offset, offset + len(sentence) - 1, sentence.strip(), cue,
                           actors, _time(rng, published, rng.choice(stories))))
        parts.append(sentence)
        offset += len(sentence)
    document.text = "".join(parts)
    return DocumentAnalysis(document, [], entities, found)


def _time(rng: random.Random, published: dt.date, story: dt.date) -> EventTime:
    """A time like an extractor's: mostly days, some weeks and months, a few vague or missing."""
    roll = rng.random()
    day = story + dt.timedelta(days=int(rng.gauss(0, 12)))
    if roll < 0.55:
        return EventTime(day, day, day.isoformat(), "timex", "t1")
    if roll < 0.70:
        return EventTime(published, published, published.isoformat(), "document_date")
    if roll < 0.80:
        monday = day - dt.timedelta(days=day.weekday())
        week = f"{monday.isocalendar().year}-W{monday.isocalendar().week:02d}"
        return EventTime(monday, monday + dt.timedelta(days=6), week, "timex", "t1")
    if roll < 0.90:
        month = DocumentDate.from_date(day, "month", "timex")
        return EventTime(month.earliest, month.latest, month.value, "timex", "t1")
    if roll < 0.94:
        return EventTime(published - dt.timedelta(days=90), published, "PAST_REF", "timex", "t1")
    if roll < 0.97:
        return EventTime(None, None, day.strftime("XXXX-%m-%d"), "timex", "t1")
    return EventTime()
